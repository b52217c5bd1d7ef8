#include <set>
#include <string>

#include "postgres_session.hpp"

namespace covalue::adapters::postgres {

using core::ErrorKind;
using core::make_error;

Reference partner_ref(std::int64_t id) { return {"partner", "SELECT 1 FROM partners WHERE id = $1", id}; }

Reference initiative_ref(std::int64_t id) { return {"initiative", "SELECT 1 FROM initiatives WHERE id = $1", id}; }

Reference objective_ref(std::int64_t id) { return {"objective", "SELECT 1 FROM objectives WHERE id = $1", id}; }

Reference cycle_ref(std::int64_t id) { return {"cycle", "SELECT 1 FROM cycles WHERE number = $1", id}; }

core::Status unique_ids(const std::vector<std::int64_t>& ids, const std::string& prefix) {
  std::set<std::int64_t> seen;
  for (const std::int64_t id : ids) {
    if (!seen.insert(id).second) {
      return make_error(ErrorKind::kConflict, prefix + " " + std::to_string(id) + " twice");
    }
  }
  return {};
}

core::Result<pqxx::result> PostgresSession::run(const char* sql, const std::vector<Param>& params) {
  if (aborted_) {
    return *aborted_;
  }
  try {
    return db_.execute(tx_, sql, params);
  } catch (...) {
    std::string sqlstate;
    bool lost = false;
    core::Error error = pg_error(std::current_exception(), &sqlstate, &lost);
    retry_ = retry_ || is_retryable(sqlstate);
    if (lost) {
      db_.mark_broken();
    }
    if (savepoints_ == 0 || retry_ || sqlstate.empty()) {
      aborted_ = error;
    }
    return error;
  }
}

core::Status PostgresSession::control(const char* sql) {
  if (aborted_) {
    return *aborted_;
  }
  try {
    tx_.exec(sql);
    return {};
  } catch (...) {
    std::string sqlstate;
    bool lost = false;
    aborted_ = pg_error(std::current_exception(), &sqlstate, &lost);
    if (lost) {
      db_.mark_broken();
    }
    retry_ = retry_ || is_retryable(sqlstate);
    return *aborted_;
  }
}

core::Error PostgresSession::explain(const core::Error& failed, const std::vector<Reference>& references) {
  if (failed.kind != ErrorKind::kNotFound) {
    return failed;
  }
  for (const Reference& reference : references) {
    auto found = query(reference.exists_query, reference.id);
    if (!found.ok()) {
      return found.error();
    }
    if (found->empty()) {
      const std::string noun = reference.what;
      const std::string key = noun == "cycle" ? "cycle " : noun + " with id ";
      return make_error(ErrorKind::kNotFound, "no " + key + std::to_string(reference.id));
    }
  }
  return failed;
}

}  // namespace covalue::adapters::postgres
