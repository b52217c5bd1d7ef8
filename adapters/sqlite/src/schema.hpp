#pragma once

// The versioned schema: numbered migration steps applied in order, each database remembering the
// steps it has taken in its schema_migrations table.

#include <span>

#include "covalue/adapters/sql/schema.hpp"

#include "connection.hpp"

namespace covalue::adapters::sqlite {

//! One numbered step of the schema.
using Migration = sql::Migration;

//! PRAGMA application_id of a covalue database ("COVA").
constexpr int kApplicationId = 0x434f5641;

//! The steps this binary knows, versions 1, 2, ... in order.
[[nodiscard]] std::span<const Migration> schema_migrations();

//! Brings the database up to the last of `steps` in one transaction. A database of another
//! application is refused (kInvalidInput), and so is one with a step this binary does not know
//! (kConflict). File databases are switched to WAL journaling first.
[[nodiscard]] core::Status migrate(Connection& db, std::span<const Migration> steps);

//! Reads without writing whether the database is still one migrate would accept: a covalue database
//! with no step this binary does not know (the same errors as migrate).
[[nodiscard]] core::Status check_schema(Connection& db, std::span<const Migration> steps);

}  // namespace covalue::adapters::sqlite
