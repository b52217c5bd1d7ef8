#include "session_common.hpp"

#include <exception>

namespace covalue::adapters::sql {

Reference partner_ref(std::int64_t id) { return {"partner", sq::kPartnerExists, id}; }

Reference initiative_ref(std::int64_t id) { return {"initiative", sq::kInitiativeExists, id}; }

Reference objective_ref(std::int64_t id) { return {"objective", sq::kObjectiveExists, id}; }

Reference cycle_ref(std::int64_t id) { return {"cycle", sq::kCycleExists, id}; }

Reference person_ref(std::int64_t id) { return {"person", sq::kPersonExists, id}; }

core::Error on_conflict(const core::Error& failed, const std::string& message) {
  if (failed.kind != ErrorKind::kConflict) {
    return failed;
  }
  return make_error(ErrorKind::kConflict, message);
}

core::Status one_changed(const core::Result<std::int64_t>& changed, const core::Error& missing) {
  if (!changed.ok()) {
    return changed.error();
  }
  return *changed == 0 ? core::Status(missing) : core::Status();
}

core::Status run_work(program::StoreSession& session, const std::function<core::Status(program::StoreSession&)>& work) {
  try {
    return work(session);
  } catch (const std::exception& e) {
    return make_error(ErrorKind::kInternal, std::string("the store's work threw: ") + e.what());
  } catch (...) {
    return make_error(ErrorKind::kInternal, "the store's work threw");
  }
}

Statement Session::in_network(const char* sql) {
  Statement statement = db_.prepare(sql);
  statement.bind_int(network_);
  return statement;
}

core::Error Session::explain(const core::Error& failed, const std::vector<Reference>& references) {
  if (failed.kind != ErrorKind::kNotFound) {
    return failed;
  }
  for (const Reference& reference : references) {
    auto found = in_network(reference.exists_query).bind_int(reference.id).step();
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

}  // namespace covalue::adapters::sql
