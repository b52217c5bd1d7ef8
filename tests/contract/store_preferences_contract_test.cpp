// The storage contract, part 8: notification preferences, events waiting for digests, and the network's secrets
// (issue 13 item 5).
#include <string>
#include <vector>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::Cadence;
using program::DigestWait;
using program::EventKind;
using program::Preference;
using program::StoreSession;

program::PersonId add_person(program::Store& store, net::PartnerId partner, const std::string& email) {
  program::Person person;
  person.partner = partner;
  person.name = "Ana";
  person.email = email;
  return read_in(store, [&](StoreSession& s) { return s.insert_person(person); });
}

std::int64_t add_event(program::Store& store, const std::string& at) {
  program::NotificationEvent event;
  event.kind = EventKind::kCycleOpened;
  event.occurred_at = at;
  event.cycle = 1;
  event.payload = "{}";
  return read_in(store, [&](StoreSession& s) { return s.insert_event(event); });
}

TEST_P(StoreContract, APreferenceIsSetAndReplacedPerPersonAndKind) {
  Filled filled = fill();
  const program::PersonId ana = add_person(store(), filled.partners[0], "ana@acme.example");
  const program::PersonId bo = add_person(store(), filled.partners[1], "bo@beta.example");
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.preferences(); }).empty());
  write([&](StoreSession& s) -> core::Status {
    for (const Preference& p : {Preference{bo, EventKind::kCycleOpened, Cadence::kWeekly},
                                Preference{ana, EventKind::kCycleOpened, Cadence::kNever},
                                Preference{ana, EventKind::kLeadNamed, Cadence::kDaily},
                                Preference{ana, EventKind::kCycleOpened, Cadence::kDaily}}) {
      if (core::Status put = s.put_preference(p); !put) {
        return put;
      }
    }
    return {};
  });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.preferences(); }),
            (std::vector<Preference>{{ana, EventKind::kCycleOpened, Cadence::kDaily},
                                     {ana, EventKind::kLeadNamed, Cadence::kDaily},
                                     {bo, EventKind::kCycleOpened, Cadence::kWeekly}}));
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) {
    return s.put_preference({99, EventKind::kCycleOpened, Cadence::kNever});
  }),
                         ErrorKind::kNotFound, "person"));
}

TEST_P(StoreContract, DigestWaitsAreStoredOnceAndRemovedPerPersonAndEvent) {
  Filled filled = fill();
  const program::PersonId ana = add_person(store(), filled.partners[0], "ana@acme.example");
  const program::PersonId bo = add_person(store(), filled.partners[1], "bo@beta.example");
  const std::int64_t first = add_event(store(), "2026-12-04T10:00:00Z");
  const std::int64_t second = add_event(store(), "2026-12-04T11:00:00Z");
  const std::vector<DigestWait> waits = {{bo, first, Cadence::kWeekly, "2026-12-04T10:00:00Z"},
                                         {ana, second, Cadence::kDaily, "2026-12-04T11:00:00Z"},
                                         {ana, first, Cadence::kDaily, "2026-12-04T10:00:00Z"}};
  write([&](StoreSession& s) { return s.insert_digest_waits(waits); });
  write([&](StoreSession& s) { return s.insert_digest_waits({waits[0]}); });  // stored already: left as it is
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.digest_waits(); }),
            (std::vector<DigestWait>{waits[2], waits[1], waits[0]}));
  write([&](StoreSession& s) { return s.remove_digest_waits(ana, {first, second}); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.digest_waits(); }), std::vector<DigestWait>{waits[0]});
  EXPECT_FALSE(store()
                   .transact([&](StoreSession& s) {
                     return s.insert_digest_waits({{ana, 999, Cadence::kDaily, "2026-12-04T10:00:00Z"}});
                   })
                   .ok());  // no such event
}

TEST_P(StoreContract, ANetworkSecretIsMadeOnceAndKept) {
  fill();
  const std::string made =
      read_in(store(), [](StoreSession& s) { return s.network_secret("unsubscribe", std::string(64, 'a')); });
  EXPECT_EQ(made, std::string(64, 'a'));
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.network_secret("unsubscribe", std::string(64, 'b')); }),
            made);
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.network_secret("other", "c"); }), "c");
}

}  // namespace
}  // namespace covalue::testing
