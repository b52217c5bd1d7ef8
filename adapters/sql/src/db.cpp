#include "covalue/adapters/sql/db.hpp"

#include <string>

namespace covalue::adapters::sql {

std::string translate(std::string_view sql, bool dollar) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  for (std::size_t at = 0; at < sql.size(); ++at) {
    if (sql[at] == '$' && at + 1 < sql.size() && sql[at + 1] == '?') {
      out += dollar ? '$' : '?';
      out += std::to_string(next++);
      ++at;
    } else {
      out += sql[at];
    }
  }
  return out;
}

std::string savepoint_name(int depth) { return "store_write_" + std::to_string(depth); }

namespace {

// Steps through every row of the statement, running it now.
core::Status step_to_end(Cursor& cursor) {
  for (;;) {
    auto row = cursor.step();
    if (!row.ok()) {
      return row.error();
    }
    if (!*row) {
      return {};
    }
  }
}

}  // namespace

core::Status Cursor::run_later() { return step_to_end(*this); }

core::Status Cursor::run_or_defer() { return step_to_end(*this); }

core::Status Statement::run() { return step_to_end(*cursor_); }

core::Result<std::int64_t> Statement::changed() {
  if (auto done = step_to_end(*cursor_); !done.ok()) {
    return done.error();
  }
  return cursor_->changes();
}

core::Result<std::int64_t> Statement::single_int() {
  auto row = cursor_->step();
  if (!row.ok()) {
    return row.error();
  }
  if (!*row || cursor_->is_null(0)) {
    return core::make_error(core::ErrorKind::kInternal, "a query for one number gave no row");
  }
  return cursor_->int_at(0);
}

}  // namespace covalue::adapters::sql
