#include <string>

#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {

using core::ErrorKind;
using core::make_error;

Reference partner_ref(std::int64_t id) { return {"partner", "SELECT 1 FROM partners WHERE id = ?1", id}; }

Reference initiative_ref(std::int64_t id) { return {"initiative", "SELECT 1 FROM initiatives WHERE id = ?1", id}; }

Reference objective_ref(std::int64_t id) { return {"objective", "SELECT 1 FROM objectives WHERE id = ?1", id}; }

Reference cycle_ref(std::int64_t id) { return {"cycle", "SELECT 1 FROM cycles WHERE number = ?1", id}; }

core::Error corrupt(std::string_view what, const core::Error& error) {
  return make_error(ErrorKind::kInternal, "corrupt database: " + std::string(what) + ": " + error.message);
}

core::Result<bool> SqliteSession::exists(const Reference& reference) {
  Statement query = db_.prepare(reference.exists_query);
  query.bind_int(reference.id);
  return query.step();
}

core::Error SqliteSession::explain(const core::Error& failed, std::initializer_list<Reference> references) {
  if (failed.kind != ErrorKind::kNotFound) {
    return failed;
  }
  for (const Reference& reference : references) {
    auto found = exists(reference);
    if (!found.ok()) {
      return found.error();
    }
    if (!*found) {
      const std::string noun = reference.what;
      const std::string key = noun == "cycle" ? "cycle " : noun + " with id ";
      return make_error(ErrorKind::kNotFound, "no " + key + std::to_string(reference.id));
    }
  }
  return failed;
}

}  // namespace covalue::adapters::sqlite
