#pragma once

#include <memory>
#include <string>

#include "covalue/core/result.hpp"
#include "covalue/program/store.hpp"

namespace covalue::cli {

//! Opens the store named by --db: a PostgreSQL database for a "postgresql://" (or "postgres://")
//! URL, else the SQLite file at that path (created when missing); the store works on the network
//! `network` chooses (--network; by default the database's only one).
[[nodiscard]] core::Result<std::unique_ptr<program::Store>> open_store(const std::string& db,
                                                                       const program::NetworkChoice& network = {});

}  // namespace covalue::cli
