// Notification preferences, the events waiting for digests, and the network's secrets (issue 13 item 5).
#include <string>
#include <vector>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

program::Preference read_preference(RowReader& row) {
  program::Preference preference;
  preference.person = row.integer(0);
  preference.kind = row.name(1, core::parse_name<program::EventKind>);
  preference.cadence = row.name(2, core::parse_name<program::Cadence>);
  return preference;
}

program::DigestWait read_wait(RowReader& row) {
  program::DigestWait wait;
  wait.person = row.integer(0);
  wait.event = row.integer(1);
  wait.cadence = row.name(2, core::parse_name<program::Cadence>);
  wait.occurred_at = row.text(3);
  return wait;
}

}  // namespace

core::Result<std::vector<program::Preference>> Session::preferences() {
  Statement query = in_network(sq::kPreferences);
  return read_rows(query, "notification_preferences", read_preference);
}

core::Status Session::put_preference(const program::Preference& preference) {
  core::Status put = atomically([&]() -> core::Status {
    return in_network(sq::kPutPreference)
        .bind_int(preference.person)
        .bind_text(program::name_of(preference.kind))
        .bind_text(program::name_of(preference.cadence))
        .run();
  });
  if (put.ok()) {
    return put;
  }
  return explain(put.error(), {person_ref(preference.person)});
}

core::Status Session::insert_digest_waits(const std::vector<program::DigestWait>& waits) {
  return atomically([&]() -> core::Status {
    for (const program::DigestWait& wait : waits) {
      core::Status done = in_network(sq::kInsertDigestWait)
                              .bind_int(wait.person)
                              .bind_int(wait.event)
                              .bind_text(program::name_of(wait.cadence))
                              .bind_text(wait.occurred_at)
                              .run();
      if (!done.ok()) {
        return done;
      }
    }
    return {};
  });
}

core::Result<std::vector<program::DigestWait>> Session::digest_waits() {
  Statement query = in_network(sq::kDigestWaits);
  return read_rows(query, "digest_waits", read_wait);
}

core::Status Session::remove_digest_waits(program::PersonId person, const std::vector<std::int64_t>& events) {
  return atomically([&]() -> core::Status {
    for (const std::int64_t event : events) {
      if (core::Status done = in_network(sq::kRemoveDigestWait).bind_int(person).bind_int(event).run(); !done.ok()) {
        return done;
      }
    }
    return {};
  });
}

core::Result<std::string> Session::network_secret(const std::string& name, const std::string& candidate) {
  core::Status stored = atomically([&]() -> core::Status {
    return in_network(sq::kInsertNetworkSecret).bind_text(name).bind_text(candidate).run();
  });
  if (!stored.ok()) {
    return stored.error();
  }
  Statement query = in_network(sq::kNetworkSecret);
  query.bind_text(name);
  auto rows = read_rows(query, "network_secrets", [](RowReader& row) { return row.text(0); });
  if (!rows.ok()) {
    return rows.error();
  }
  if (rows->empty()) {
    return make_error(ErrorKind::kInternal, "the network's secret '" + name + "' was not stored", "secret");
  }
  return rows->front();
}

}  // namespace covalue::adapters::sql
