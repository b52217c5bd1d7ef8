#include "pg_db.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>

namespace covalue::adapters::postgres {
namespace {

// At most this many statements are sent before their results are read, so that neither side's socket
// buffer fills while the other waits (an archive import sends thousands).
constexpr std::size_t kMaxInFlight = 256;

constexpr const char* kWorkSavepoint = "store_work";

// One PostgreSQL statement behind the SQL store's cursor: parameters as text (booleans "true"/"false"),
// sent on the first step (or by run_later, without waiting), its rows then read one at a time.
class PgCursor final : public sql::Cursor {
 public:
  PgCursor(PgDb& db, const char* sql) : db_(db), sql_(sql) {}

  void bind_null() override { params_.emplace_back(std::nullopt); }
  void bind_int(std::int64_t value) override { params_.emplace_back(std::to_string(value)); }
  void bind_text(std::string_view value) override { params_.emplace_back(std::string(value)); }
  void bind_bool(bool value) override { params_.emplace_back(value ? "true" : "false"); }

  [[nodiscard]] core::Status run_later() override {
    if (!result_ && !sent_ && PgDb::deferrable(sql_)) {
      if (db_.aborted()) {
        return *db_.aborted();
      }
      sent_ = true;
      (void)db_.send(sql_, params_, true);
      return {};
    }
    return sql::Cursor::run_later();
  }

  [[nodiscard]] core::Status run_or_defer() override {
    return db_.optimistic() ? run_later() : sql::Cursor::run_or_defer();
  }

  [[nodiscard]] core::Result<bool> step() override {
    if (!result_) {
      if (db_.aborted()) {
        return *db_.aborted();
      }
      auto ran = db_.wait(db_.send(sql_, params_));
      if (!ran.ok()) {
        return ran.error();
      }
      result_ = std::move(ran).value();
      rows_ = PQntuples(result_.get());
      return rows_ > 0;
    }
    ++row_;
    return row_ < rows_;
  }
  [[nodiscard]] std::int64_t changes() const override {
    return result_ ? std::strtoll(PQcmdTuples(result_.get()), nullptr, 10) : 0;
  }

  [[nodiscard]] std::int64_t int_at(int column) const override {
    const char* text = PQgetvalue(result_.get(), row_, column);
    std::int64_t value = 0;
    std::from_chars(text, text + PQgetlength(result_.get(), row_, column), value);
    return value;
  }
  [[nodiscard]] std::string text_at(int column) const override {
    return {PQgetvalue(result_.get(), row_, column),
            static_cast<std::size_t>(PQgetlength(result_.get(), row_, column))};
  }
  [[nodiscard]] bool bool_at(int column) const override { return PQgetvalue(result_.get(), row_, column)[0] == 't'; }
  [[nodiscard]] bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) == 1; }
  [[nodiscard]] std::string column_name(int column) const override {
    const char* name = result_ ? PQfname(result_.get(), column) : nullptr;
    return name != nullptr ? name : "?";
  }

 private:
  PgDb& db_;
  const char* sql_;
  std::vector<Param> params_;
  PgResult result_;
  int rows_{0};
  int row_{0};
  bool sent_{false};
};

// True when `sql` (neutral text) starts with `word` after any spaces.
bool starts_with_word(const char* sql, std::string_view word) {
  while (*sql == ' ' || *sql == '\n') {
    ++sql;
  }
  return std::string_view(sql).substr(0, word.size()) == word;
}

}  // namespace

PgDb::PgDb(Connection& db, Mode mode) : db_(db), mode_(mode) {
  if (!db_.usable() || (PQpipelineStatus(db_.raw()) == PQ_PIPELINE_OFF && PQenterPipelineMode(db_.raw()) != 1)) {
    broke("cannot enter pipeline mode");
    return;
  }
  // What the last user left (a read-only COMMIT's result, say) comes first; nobody waits for it alone.
  for (const bool sync : std::exchange(db_.unread(), {})) {
    sent_.push_back({sync ? Kind::kLeftoverSync : Kind::kLeftover, {}});
    ++next_;
  }
}

PgDb::~PgDb() {
  if (!db_.usable()) {
    return;
  }
  const bool plain = std::none_of(sent_.begin(), sent_.end(), [](const Sent& e) { return e.kind == Kind::kPrepare; });
  if (later_ && plain && !unsynced_) {
    for (const Sent& entry : sent_) {
      db_.unread().push_back(entry.kind == Kind::kSync || entry.kind == Kind::kLeftoverSync);
    }
    return;
  }
  if (!drain()) {
    db_.mark_broken();
  }
}

void PgDb::finish_later() {
  if (unsynced_) {
    send_sync();
  }
  later_ = true;
}

sql::Statement PgDb::prepare(const char* sql) { return sql::Statement(std::make_unique<PgCursor>(*this, sql)); }

void PgDb::broke(const std::string& what) {
  db_.mark_broken();
  const char* message = PQerrorMessage(db_.raw());
  core::Error error = core::make_error(
      core::ErrorKind::kInternal,
      "lost the connection to PostgreSQL: " + what +
          (message != nullptr && *message != '\0' ? std::string(" (") + message + ")" : std::string()));
  if (!aborted_) {
    aborted_ = error;
  }
  if (!first_failure_) {
    first_failure_ = error;
  }
}

core::Error PgDb::fail(const PGresult* result, Kind kind) {
  std::string sqlstate;
  bool lost = false;
  core::Error error = result_error(result, db_.raw(), &sqlstate, &lost);
  retry_ = retry_ || is_retryable(sqlstate);
  if (lost) {
    db_.mark_broken();
  }
  // In the optimistic mode there are no savepoints to undo a failure with.
  const bool fatal = kind == Kind::kPrepare || kind == Kind::kControl || mode_ == Mode::kOptimistic;
  if ((fatal || depth_ == 0 || retry_ || sqlstate.empty()) && !aborted_) {
    aborted_ = error;
  }
  if (!first_failure_) {
    first_failure_ = error;
  }
  return error;
}

std::size_t PgDb::send(const char* sql, const std::vector<Param>& params, bool deferred) {
  auto [name, text] = db_.statement(sql);
  if (!text.empty()) {
    if (PQsendPrepare(db_.raw(), name.c_str(), text.c_str(), 0, nullptr) == 1) {
      sent_.push_back({Kind::kPrepare, name});
      ++next_;
    } else {
      db_.prepared(name, false);
      broke("cannot send a statement");
    }
  }
  const std::vector<const char*> values = param_values(params);
  if (PQsendQueryPrepared(db_.raw(), name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr,
                          0) != 1) {
    broke("cannot send a statement");
  }
  sent_.push_back({deferred ? Kind::kDeferred : Kind::kQuery, {}});
  flushed_ = false;
  unsynced_ = true;
  const std::size_t number = next_++;
  if (sent_.size() > kMaxInFlight) {
    read_through(number, nullptr);
  }
  return number;
}

std::size_t PgDb::send_text(const std::string& sql) {
  if (PQsendQueryParams(db_.raw(), sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) {
    broke("cannot send a statement");
  }
  sent_.push_back({Kind::kControl, {}});
  flushed_ = false;
  unsynced_ = true;
  return next_++;
}

void PgDb::send_sync() {
  if (PQpipelineSync(db_.raw()) != 1) {
    broke("cannot send a synchronisation point");
  }
  sent_.push_back({Kind::kSync, {}});
  flushed_ = true;
  unsynced_ = false;
  ++next_;
}

void PgDb::read_through(std::size_t number, std::optional<core::Result<PgResult>>* wanted) {
  PGconn* raw = db_.raw();
  if (!flushed_ && db_.usable()) {
    // The server keeps its results until asked to flush them (a synchronisation point does).
    if (PQsendFlushRequest(raw) != 1) {
      broke("cannot ask for results");
    }
    flushed_ = true;
  }
  if (db_.usable() && PQflush(raw) != 0) {
    broke("cannot send statements");
  }
  while (read_ <= number && !sent_.empty()) {
    const Sent entry = std::move(sent_.front());
    sent_.pop_front();
    const std::size_t at = read_++;
    const auto answer = [&](core::Result<PgResult> result) {
      if (wanted != nullptr && at == number) {
        *wanted = std::move(result);
      }
    };
    if (!db_.usable()) {
      answer(aborted_ ? *aborted_ : core::make_error(core::ErrorKind::kInternal, "lost the connection to PostgreSQL"));
      continue;
    }
    PgResult result(PQgetResult(raw));
    if (!result) {
      broke("no result from the server");
      answer(*aborted_);
      continue;
    }
    const ExecStatusType status = PQresultStatus(result.get());
    if (entry.kind == Kind::kLeftoverSync) {
      if (status != PGRES_PIPELINE_SYNC) {
        broke("the server's results are out of step");
      }
      continue;
    }
    if (entry.kind == Kind::kLeftover) {  // its failure was nobody's business
      if (PgResult extra(PQgetResult(raw)); extra) {
        broke("the server's results are out of step");
      }
      continue;
    }
    if (entry.kind == Kind::kSync) {
      if (status != PGRES_PIPELINE_SYNC) {
        broke("the server's results are out of step");
      }
      skipping_ = false;
      skipped_because_.reset();
      continue;
    }
    if (PgResult extra(PQgetResult(raw)); extra) {  // each statement's results end with a null one
      broke("the server's results are out of step");
    }
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      if (entry.kind == Kind::kPrepare) {
        db_.prepared(entry.name, true);
      }
      answer(std::move(result));
    } else if (status == PGRES_PIPELINE_ABORTED) {
      if (entry.kind == Kind::kPrepare) {
        db_.prepared(entry.name, false);
      }
      answer(skipped_because_ ? *skipped_because_
                              : core::make_error(core::ErrorKind::kInternal, "a statement was skipped"));
    } else {
      if (entry.kind == Kind::kPrepare) {
        db_.prepared(entry.name, false);
      }
      core::Error error = fail(result.get(), entry.kind);
      skipping_ = true;
      skipped_because_ = error;
      answer(std::move(error));
    }
  }
}

core::Result<PgResult> PgDb::wait(std::size_t number) {
  std::optional<core::Result<PgResult>> wanted;
  read_through(number, &wanted);
  if (wanted) {
    return std::move(*wanted);
  }
  return aborted_ ? *aborted_ : core::make_error(core::ErrorKind::kInternal, "no result for a statement");
}

bool PgDb::drain() {
  if (unsynced_ && db_.usable()) {
    send_sync();  // also ends the implicit transaction of statements sent outside BEGIN
  }
  if (!sent_.empty() && db_.usable()) {
    read_through(next_ - 1, nullptr);
  }
  return db_.usable();
}

core::Status PgDb::sync() {
  if (aborted_) {
    return *aborted_;
  }
  if (mode_ == Mode::kOptimistic || sent_.empty()) {
    return {};
  }
  first_failure_.reset();
  read_through(next_ - 1, nullptr);
  if (first_failure_) {
    return *first_failure_;
  }
  return {};
}

bool PgDb::deferrable(const char* sql) {
  const bool write =
      starts_with_word(sql, "INSERT") || starts_with_word(sql, "UPDATE") || starts_with_word(sql, "DELETE");
  return write && std::strstr(sql, "RETURNING") == nullptr;
}

void PgDb::begin_work() {
  work_began_ = next_;
  if (mode_ == Mode::kPrecise) {
    (void)send_text(std::string("SAVEPOINT ") + kWorkSavepoint);
  }
}

void PgDb::end_work() {
  if (mode_ == Mode::kPrecise) {
    (void)send_text(std::string("RELEASE SAVEPOINT ") + kWorkSavepoint);
  }
}

bool PgDb::undo_work() {
  if (retry_ || !db_.usable()) {
    return false;
  }
  if (mode_ == Mode::kOptimistic) {
    return next_ == work_began_ && !aborted_;  // nothing sent, nothing to undo
  }
  aborted_.reset();
  first_failure_.reset();
  depth_ = 0;
  send_sync();  // the server goes on after a failure
  (void)send_text(std::string("ROLLBACK TO SAVEPOINT ") + kWorkSavepoint);
  const auto undone = wait(send_text(std::string("RELEASE SAVEPOINT ") + kWorkSavepoint));
  return undone.ok() && !aborted_ && !retry_ && db_.usable();
}

core::Status PgDb::savepoint(int depth) {
  if (aborted_) {
    return *aborted_;
  }
  if (mode_ == Mode::kPrecise) {
    (void)send_text("SAVEPOINT " + sql::savepoint_name(depth));
  }
  depth_ = depth;
  return {};
}

core::Status PgDb::release(int depth) {
  if (aborted_) {
    return *aborted_;
  }
  depth_ = depth - 1;
  if (mode_ == Mode::kPrecise) {
    (void)send_text("RELEASE SAVEPOINT " + sql::savepoint_name(depth));
  }
  return {};
}

core::Status PgDb::rollback_to(int depth) {
  if (aborted_) {
    return *aborted_;
  }
  if (mode_ == Mode::kOptimistic) {
    // No savepoint was sent: the transaction runs again in the precise mode.
    aborted_ = core::make_error(core::ErrorKind::kInternal, "a write failed before its savepoint existed");
    return *aborted_;
  }
  if (skipping_ || !sent_.empty()) {
    send_sync();  // the server goes on after a failure
  }
  auto undone = wait(send_text("ROLLBACK TO SAVEPOINT " + sql::savepoint_name(depth)));
  if (!undone.ok()) {
    return undone.error();
  }
  return {};
}

}  // namespace covalue::adapters::postgres
