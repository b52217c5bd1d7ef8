#pragma once

// The SQL store's Db over one SQLite connection inside a transaction.

#include "connection.hpp"
#include "covalue/adapters/sql/db.hpp"

namespace covalue::adapters::sqlite {

//! The statements and savepoints of one SQLite transaction, as the SQL store sees them.
class SqliteDb final : public sql::Db {
 public:
  //! Works on `db`, which is inside a transaction while this is used.
  explicit SqliteDb(Connection& db) : db_(db) {}

  [[nodiscard]] sql::Statement prepare(const char* sql) override;
  [[nodiscard]] core::Status savepoint(int depth) override;
  [[nodiscard]] core::Status release(int depth) override;
  [[nodiscard]] core::Status rollback_to(int depth) override;

 private:
  [[nodiscard]] core::Status control(const std::string& sql);

  Connection& db_;
};

}  // namespace covalue::adapters::sqlite
