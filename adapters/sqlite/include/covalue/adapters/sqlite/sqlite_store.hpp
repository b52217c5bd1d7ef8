#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "covalue/core/result.hpp"
#include "covalue/program/store.hpp"

namespace covalue::adapters::sqlite {

//! The schema version this binary writes; a database with a higher version is refused.
[[nodiscard]] int sqlite_schema_version();

//! Opens (creating it when missing) the covalue database at `path`, or a fresh private one for
//! ":memory:", and brings its schema up to date. File databases use WAL journaling, so readers never
//! block the writer, and wait up to 5 s for a lock held by another connection. Every store of one file
//! in a process, whichever its network, shares one writing connection: the works of their transact()
//! calls from any thread run one after another on it, those waiting together committed in one
//! transaction (group commit), each in its own savepoint; a nested transact() from inside a work, on
//! any store of the file, is refused with kInternal. The schema is migrated when the file's first store
//! opens; the writer closes when its last store goes. Errors name the path: kInvalidInput when the file
//! cannot be opened or is not a covalue database, kConflict when its schema is newer than this binary's.
//! The store works on the network `network` chooses (by default the database's only one).
[[nodiscard]] core::Result<std::unique_ptr<program::Store>> open_sqlite_store(
    const std::string& path, const program::NetworkChoice& network = {});

//! The whole database of a store that open_sqlite_store or open_sqlite_image opened, as bytes (the
//! SQLite file format), taken between transactions; kInvalidInput for a store of another kind.
[[nodiscard]] core::Result<std::string> sqlite_image(program::Store& store);

//! How many rows the writing connection of a store that open_sqlite_store or open_sqlite_image opened
//! has inserted, updated or deleted since it opened, counting those of transactions rolled back and
//! those of every store sharing the connection (the stores of one file): while the count stands still,
//! the database is as it was (a fuzzer reuses a store until then). kInvalidInput for another kind of store.
[[nodiscard]] core::Result<std::int64_t> sqlite_total_changes(program::Store& store);

//! A fresh private in-memory store holding a copy of `image` (from sqlite_image), checked and brought
//! up to date as open_sqlite_store does: tests and fuzzers restart from a saved state this way without
//! replaying it. kInvalidInput when the image is not a covalue database.
[[nodiscard]] core::Result<std::unique_ptr<program::Store>> open_sqlite_image(std::string_view image);

}  // namespace covalue::adapters::sqlite
