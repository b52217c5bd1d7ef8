#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "covalue/core/result.hpp"
#include "covalue/program/store.hpp"

namespace covalue::adapters::postgres {

//! How a PostgreSQL store connects.
struct PostgresOptions {
  std::size_t pool_size{4};  //!< connections kept open: transactions that can run at once
  int max_attempts{20};      //!< runs of one transaction's work before a serialisation conflict is given up
};

//! The schema version this binary writes; a database with a higher version is refused.
[[nodiscard]] int postgres_schema_version();

//! Opens the covalue database at `url` ("postgresql://user@host:port/db") and brings its schema up
//! to date (concurrent openers wait for each other). transact() runs SERIALIZABLE on a pooled
//! connection, so several threads run transactions at once; on a serialisation failure or a
//! deadlock it runs the work again, and after max_attempts it gives up with kConflict. Transactions
//! of covalue processes queue on their network's advisory lock, so they do not fail each other's serialisation. Errors
//! name the URL without its password: kInvalidInput when the server cannot be reached or the database holds another
//! application's tables, kConflict when its schema is newer than this binary's. The store works on the network
//! `network` chooses (by default the database's only one).
[[nodiscard]] core::Result<std::unique_ptr<program::Store>> open_postgres_store(
    const std::string& url, PostgresOptions options = {}, const program::NetworkChoice& network = {});

//! True when `text` looks like a PostgreSQL URL ("postgresql://..." or "postgres://...").
[[nodiscard]] bool is_postgres_url(const std::string& text);

}  // namespace covalue::adapters::postgres
