#include "pg_db.hpp"

#include <charconv>
#include <cstring>
#include <exception>
#include <memory>
#include <string_view>
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

  [[nodiscard]] core::Status run_later() override {
    if (!result_ && !deferred_ && PgDb::deferrable(sql_)) {
      deferred_ = true;
      return db_.defer(sql_, params_);
    }
    return sql::Cursor::run_later();
  }

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
  bool deferred_{false};
};

// True when `sql` (neutral text) starts with `word` after any spaces.
bool starts_with_word(const char* sql, std::string_view word) {
  while (*sql == ' ' || *sql == '\n') {
    ++sql;
  }
  return std::string_view(sql).substr(0, word.size()) == word;
}

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

bool PgDb::deferrable(const char* sql) {
  const bool write =
      starts_with_word(sql, "INSERT") || starts_with_word(sql, "UPDATE") || starts_with_word(sql, "DELETE");
  return write && std::strstr(sql, "RETURNING") == nullptr;
}

core::Result<std::string> PgDb::with_values(const char* sql, const std::vector<Param>& params) {
  std::string out;
  std::size_t next = 0;
  for (const char* at = sql; *at != '\0'; ++at) {
    if (at[0] != '$' || at[1] != '?') {
      out += *at;
      continue;
    }
    if (next == params.size()) {
      return core::make_error(core::ErrorKind::kInternal,
                              std::string("a statement has more placeholders than values: ") + sql);
    }
    const Param& value = params[next++];
    out += value ? tx_.quote(*value) : std::string("NULL");
    ++at;
  }
  if (next != params.size()) {
    return core::make_error(core::ErrorKind::kInternal,
                            std::string("a statement has more values than placeholders: ") + sql);
  }
  return out;
}

void PgDb::add_deferred(const std::string& sql) {
  deferred_ += sql;
  deferred_ += ";\n";
}

core::Status PgDb::defer(const char* sql, const std::vector<Param>& params) {
  if (aborted_) {
    return *aborted_;
  }
  auto text = with_values(sql, params);
  if (!text.ok()) {
    return text.error();
  }
  add_deferred(*text);
  return {};
}

core::Status PgDb::sync() {
  if (aborted_) {
    return *aborted_;
  }
  if (deferred_.empty()) {
    return {};
  }
  try {
    tx_.exec(take_deferred());
    return {};
  } catch (...) {
    return fail(false);
  }
}

namespace {
constexpr const char* kWorkSavepoint = "store_work";
}  // namespace

void PgDb::begin_work() { add_deferred(std::string("SAVEPOINT ") + kWorkSavepoint); }

void PgDb::end_work() { add_deferred(std::string("RELEASE SAVEPOINT ") + kWorkSavepoint); }

bool PgDb::undo_work() {
  if (retry_ || !db_.usable()) {
    return false;
  }
  std::string deferred = take_deferred();
  if (aborted_) {
    deferred.clear();  // queued after the failed statement: none of it ran
  }
  aborted_.reset();
  depth_ = 0;
  try {
    tx_.exec(deferred + "ROLLBACK TO SAVEPOINT " + kWorkSavepoint + "; RELEASE SAVEPOINT " + kWorkSavepoint);
    return true;
  } catch (...) {
    (void)fail(true);
    return false;
  }
}

std::string PgDb::take_deferred() { return std::exchange(deferred_, std::string()); }

core::Result<pqxx::result> PgDb::run(const char* sql, const std::vector<Param>& params) {
  if (aborted_) {
    return *aborted_;
  }
  try {
    if (!deferred_.empty()) {
      // What was deferred and this statement, in one round trip: the result is this statement's.
      auto text = with_values(sql, params);
      if (!text.ok()) {
        return text.error();
      }
      return tx_.exec(take_deferred() + *text);
    }
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
    tx_.exec(take_deferred() + sql);
    return {};
  } catch (...) {
    return fail(true);
  }
}

core::Status PgDb::savepoint(int depth) {
  if (aborted_) {
    return *aborted_;
  }
  add_deferred("SAVEPOINT " + sql::savepoint_name(depth));
  depth_ = depth;
  return {};
}

core::Status PgDb::release(int depth) {
  if (aborted_) {
    return *aborted_;
  }
  depth_ = depth - 1;
  add_deferred("RELEASE SAVEPOINT " + sql::savepoint_name(depth));
  return {};
}

core::Status PgDb::rollback_to(int depth) { return control("ROLLBACK TO SAVEPOINT " + sql::savepoint_name(depth)); }

}  // namespace covalue::adapters::postgres
