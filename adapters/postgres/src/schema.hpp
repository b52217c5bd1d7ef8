#pragma once

// The versioned schema: numbered migration steps applied in order, each database remembering the
// steps it has taken in its schema_migrations table.

#include <span>
#include <string>

#include "covalue/adapters/sql/schema.hpp"

#include "pg_connection.hpp"

namespace covalue::adapters::postgres {

//! One numbered step of the schema.
using Migration = sql::Migration;

//! The key of the transaction-level advisory lock that lets one opener migrate at a time ("COVA").
constexpr std::int64_t kMigrationLock = 0x434f5641;

//! The steps this binary knows, versions 1, 2, ... in order.
[[nodiscard]] std::span<const Migration> schema_migrations();

//! Brings the database up to the last of `steps` in one transaction, holding the migration lock so
//! that concurrent openers wait and then find the work done. A database with tables of another
//! application is refused (kInvalidInput), and so is one with a step this binary does not know
//! (kConflict). `name` (the redacted URL) is named in errors.
[[nodiscard]] core::Status migrate(Connection& db, std::span<const Migration> steps, const std::string& name);

}  // namespace covalue::adapters::postgres
