#include "sqlite_db.hpp"

#include <memory>
#include <string>
#include <utility>

namespace covalue::adapters::sqlite {
namespace {

// One SQLite statement behind the SQL store's cursor: values bound as SQLite values, truth as 0/1.
class SqliteCursor final : public sql::Cursor {
 public:
  SqliteCursor(Connection& db, Statement statement) : db_(db), statement_(std::move(statement)) {}

  void bind_null() override { statement_.bind_optional_int(std::nullopt); }
  void bind_int(std::int64_t value) override { statement_.bind_int(value); }
  void bind_text(std::string_view value) override { statement_.bind_text(value); }
  void bind_bool(bool value) override { statement_.bind_int(value ? 1 : 0); }

  [[nodiscard]] core::Result<bool> step() override { return statement_.step(); }
  [[nodiscard]] std::int64_t changes() const override { return db_.changes(); }

  [[nodiscard]] std::int64_t int_at(int column) const override { return statement_.int_at(column); }
  [[nodiscard]] std::string text_at(int column) const override { return statement_.text_at(column); }
  [[nodiscard]] bool bool_at(int column) const override { return statement_.int_at(column) != 0; }
  [[nodiscard]] bool is_null(int column) const override { return statement_.is_null(column); }
  [[nodiscard]] std::string column_name(int column) const override { return statement_.column_name(column); }

 private:
  Connection& db_;
  Statement statement_;
};

}  // namespace

sql::Statement SqliteDb::prepare(const char* sql) {
  return sql::Statement(std::make_unique<SqliteCursor>(db_, db_.prepare(sql)));
}

core::Status SqliteDb::control(const std::string& sql) { return db_.prepare(sql.c_str()).run(); }

core::Status SqliteDb::savepoint(int depth) { return control("SAVEPOINT " + sql::savepoint_name(depth)); }

core::Status SqliteDb::release(int depth) { return control("RELEASE " + sql::savepoint_name(depth)); }

core::Status SqliteDb::rollback_to(int depth) { return control("ROLLBACK TO " + sql::savepoint_name(depth)); }

}  // namespace covalue::adapters::sqlite
