// Notification preferences, the events waiting for digests, and the network's secrets (issue 13 item 5).
#include <string>
#include <vector>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using PF = program::Preference;
using DW = program::DigestWait;
constexpr Columns<&PF::person, &PF::kind, &PF::cadence> kPreference{};
constexpr Columns<&DW::person, &DW::event, &DW::cadence, &DW::occurred_at> kWait{};

}  // namespace

core::Result<std::vector<program::Preference>> Session::preferences() {
  return rows(sq::kPreferences, "notification_preferences", kPreference);
}

core::Status Session::put_preference(const program::Preference& preference) {
  core::Status put = write_row(sq::kPutPreference, kPreference, preference);
  return put.ok() ? put : core::Status(explain(put.error(), {person_ref(preference.person)}));
}

core::Status Session::insert_digest_waits(const std::vector<program::DigestWait>& waits) {
  return atomically([&]() -> core::Status {
    for (const program::DigestWait& wait : waits) {
      if (core::Status done = in_network(sq::kInsertDigestWait).bind_columns(kWait, wait).run(); !done.ok()) {
        return done;
      }
    }
    return {};
  });
}

core::Result<std::vector<program::DigestWait>> Session::digest_waits() {
  return rows(sq::kDigestWaits, "digest_waits", kWait);
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
  if (core::Status stored = write(sq::kInsertNetworkSecret, name, candidate); !stored.ok()) {
    return stored.error();
  }
  auto secret = first_of(rows(
      sq::kNetworkSecret, "network_secrets", [](RowReader& row) { return row.text(0); }, name));
  if (!secret.ok()) {
    return secret.error();
  }
  if (!*secret) {
    return make_error(ErrorKind::kInternal, "the network's secret '" + name + "' was not stored", "secret");
  }
  return **secret;
}

}  // namespace covalue::adapters::sql
