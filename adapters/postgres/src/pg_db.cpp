#include "pg_db.hpp"

#include <charconv>
#include <exception>
#include <memory>
#include <utility>

namespace covalue::adapters::postgres {
namespace {

// One PostgreSQL statement behind the SQL store's cursor: parameters as text (booleans "true"/"false"),
// run on the first step, its rows then read one at a time.
class PgCursor final : public sql::Cursor {
 public:
  PgCursor(PgDb& db, const char* sql) : db_(db), sql_(sql) {}

  void bind_null() override { params_.emplace_back(std::nullopt); }
  void bind_int(std::int64_t value) override { params_.emplace_back(std::to_string(value)); }
  void bind_text(std::string_view value) override { params_.emplace_back(std::string(value)); }
  void bind_bool(bool value) override { params_.emplace_back(value ? "true" : "false"); }

  [[nodiscard]] core::Result<bool> step() override {
    if (!result_) {
      auto ran = db_.run(sql_, params_);
      if (!ran.ok()) {
        return ran.error();
      }
      result_ = std::move(ran).value();
      return result_->size() > 0;
    }
    ++row_;
    return row_ < result_->size();
  }
  [[nodiscard]] std::int64_t changes() const override {
    return result_ ? static_cast<std::int64_t>(result_->affected_rows()) : 0;
  }

  [[nodiscard]] std::int64_t int_at(int column) const override {
    const pqxx::field field = cell(column);
    std::int64_t value = 0;
    std::from_chars(field.c_str(), field.c_str() + field.size(), value);
    return value;
  }
  [[nodiscard]] std::string text_at(int column) const override {
    const pqxx::field field = cell(column);
    return {field.c_str(), field.size()};
  }
  [[nodiscard]] bool bool_at(int column) const override { return cell(column).c_str()[0] == 't'; }
  [[nodiscard]] bool is_null(int column) const override { return cell(column).is_null(); }
  [[nodiscard]] std::string column_name(int column) const override {
    return result_ ? result_->column_name(static_cast<pqxx::row::size_type>(column)) : "?";
  }

 private:
  [[nodiscard]] pqxx::field cell(int column) const {
    return (*result_)[static_cast<pqxx::result::size_type>(row_)][static_cast<pqxx::row::size_type>(column)];
  }

  PgDb& db_;
  const char* sql_;
  std::vector<Param> params_;
  std::optional<pqxx::result> result_;
  std::size_t row_{0};
};

}  // namespace

sql::Statement PgDb::prepare(const char* sql) { return sql::Statement(std::make_unique<PgCursor>(*this, sql)); }

core::Error PgDb::fail(bool fatal) {
  std::string sqlstate;
  bool lost = false;
  core::Error error = pg_error(std::current_exception(), &sqlstate, &lost);
  retry_ = retry_ || is_retryable(sqlstate);
  if (lost) {
    db_.mark_broken();
  }
  if (fatal || depth_ == 0 || retry_ || sqlstate.empty()) {
    aborted_ = error;
  }
  return error;
}

core::Result<pqxx::result> PgDb::run(const char* sql, const std::vector<Param>& params) {
  if (aborted_) {
    return *aborted_;
  }
  try {
    return db_.execute(tx_, sql, params);
  } catch (...) {
    return fail(false);
  }
}

core::Status PgDb::control(const std::string& sql) {
  if (aborted_) {
    return *aborted_;
  }
  try {
    tx_.exec(sql);
    return {};
  } catch (...) {
    return fail(true);
  }
}

core::Status PgDb::savepoint(int depth) {
  auto begun = control("SAVEPOINT " + sql::savepoint_name(depth));
  if (begun.ok()) {
    depth_ = depth;
  }
  return begun;
}

core::Status PgDb::release(int depth) {
  depth_ = depth - 1;
  return control("RELEASE SAVEPOINT " + sql::savepoint_name(depth));
}

core::Status PgDb::rollback_to(int depth) { return control("ROLLBACK TO SAVEPOINT " + sql::savepoint_name(depth)); }

}  // namespace covalue::adapters::postgres
