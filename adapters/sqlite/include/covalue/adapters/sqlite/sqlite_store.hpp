#pragma once

#include <memory>
#include <string>

#include "covalue/core/result.hpp"
#include "covalue/program/store.hpp"

namespace covalue::adapters::sqlite {

//! The schema version this binary writes; a database with a higher version is refused.
[[nodiscard]] int sqlite_schema_version();

//! Opens (creating it when missing) the covalue database at `path`, or a fresh private one for
//! ":memory:", and brings its schema up to date. File databases use WAL journaling, so readers never
//! block the writer, and wait up to 5 s for a lock held by another connection. transact() runs one
//! transaction at a time per Store (callers on other threads wait); a nested transact() from inside
//! the work is refused with kInternal. Errors name the path: kInvalidInput when the file cannot be
//! opened or is not a covalue database, kConflict when its schema is newer than this binary's.
[[nodiscard]] core::Result<std::unique_ptr<program::Store>> open_sqlite_store(const std::string& path);

}  // namespace covalue::adapters::sqlite
