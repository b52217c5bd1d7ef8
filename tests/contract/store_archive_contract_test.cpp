// The storage contract, archive part: the tables the archive carries row by row (program/archive_tables.hpp)
// read back as stored and written again under the same ids and keys, into another network of the same database,
// so that each typed read of the moved network equals the original's (SQLite and PostgreSQL alike).
#include <string>
#include <utility>
#include <vector>

#include "covalue/program/archive.hpp"
#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using program::StoreSession;

//! The status of `result`, its value dropped.
template <typename T>
core::Status status_of_read(const core::Result<T>& result) {
  return result.ok() ? core::Status() : core::Status(result.error());
}

//! The import options that rename the network (it moves beside the original, whose name it may not share).
program::ImportOptions renamed() {
  return {.rename = std::string("Moved"), .actor = program::Actor::local_operator(), .clock = nullptr};
}

//! One row of each kind the archive carries row by row, through the typed port, naming the filled network's rows.
void add_history(program::Store& store, const Filled& filled) {
  must(store.transact([&](StoreSession& s) -> core::Status {
    program::Person ana;
    ana.partner = filled.partners[0];
    ana.name = "Ana";
    ana.email = "ana@one.example";
    const program::PersonId person = must(s.insert_person(ana));
    must(s.set_password_hash(person, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"));
    program::Comment comment;
    comment.subject_id = filled.initiatives[0];
    comment.author = person;
    comment.author_name = "Ana";
    comment.actor = "person 1";
    comment.body = "Can the lockers take returns?";
    comment.created_at = "2026-12-04T10:00:00.000Z";
    const std::int64_t first = must(s.insert_comment(comment));
    comment.parent = first;
    comment.body = "A reply, ünïcode";
    const std::int64_t reply = must(s.insert_comment(comment));
    must(s.insert_comment_revision({reply, 0, "A first text", "2026-12-04T10:05:00.000Z"}));
    must(s.put_follow({person, {program::SubjectKind::kCycle, 2}, false}));
    must(s.set_activity_seen(person, 3));
    must(status_of_read(s.insert_initiative_update(
        {0, filled.initiatives[0], "Pilot live", "2026-12-04T11:00:00.000Z", std::nullopt, person, "Ana", {}})));
    program::Milestone milestone{0, filled.initiatives[0], "Pilot live", "2027-03-31", true, "2026-12-04T12:00:00Z"};
    must(status_of_read(s.insert_milestone(milestone)));
    must(s.insert_delegation({2, filled.partners[0], filled.partners[1], "2026-12-04T10:00:00.000Z"}));
    must(s.put_preference({person, program::EventKind::kCycleOpened, program::Cadence::kWeekly}));
    must(s.set_willing_to_coordinate(filled.partners[1], true));
    must(s.insert_coordination_term({1, filled.partners[1]}));
    program::CoordinatorElection election;
    election.term_cycle = 2;
    election.opened_at = "2026-12-04T09:00:00.000Z";
    election.window_ends_at = "2026-12-07T09:00:00.000Z";
    const program::ElectionId election_id = must(s.insert_coordinator_election(election));
    must(s.put_coordinator_vote(election_id,
                                {filled.partners[0], filled.partners[1], "2026-12-04T10:00:00.000Z", "partner 1"}));
    program::NotificationEvent event;
    event.occurred_at = "2026-12-04T09:00:00.000Z";
    event.cycle = 2;
    event.payload = "{}";
    const std::int64_t event_id = must(s.insert_event(event));
    program::Delivery delivery;
    delivery.event = event_id;
    delivery.person = person;
    delivery.key = "n1.e" + std::to_string(event_id) + ".inbox.p" + std::to_string(person);
    delivery.next_attempt_at = "2026-12-04T09:00:00.000Z";
    must(s.insert_deliveries({delivery}));
    must(s.insert_digest_waits({{person, event_id, program::Cadence::kDaily, event.occurred_at}}));
    must(status_of_read(s.insert_webhook({0,
                                          "https://chat.example/hook",
                                          "secret",
                                          program::WebhookFormat::kSlack,
                                          {},
                                          "2026-12-04T09:00:00.000Z",
                                          false})));
    return status_of_read(s.network_secret("unsubscribe", std::string(64, 'a')));
  }));
}

TEST_P(PersistentStoreContract, TheTablesCarriedRowByRowMoveWithTheirIdsToAnotherNetwork) {
  const Filled filled = fill();
  add_history(store(), filled);
  program::NetworkArchive archive = must(program::export_network(store()));
  archive.audit.clear();   // the sample's audit entries are not a chain; the import checks it
  archive.tokens.clear();  // token hashes are unique in a database: these stay with the original network
  ASSERT_EQ(archive.tables.size(), program::archive_tables().size());
  for (const program::ArchiveTable& table : archive.tables) {
    if (table.name != "activity" && table.name != "lead_realised_values" && table.name != "charter_proposals" &&
        table.name != "charter_positions") {
      EXPECT_FALSE(table.rows.empty()) << table.name << " was not read";
    }
  }
  EXPECT_EQ(archive.password_hashes.size(), 1U);

  auto other = store().open_network({.name_or_id = "", .create = true});
  ASSERT_TRUE(other.ok()) << other.error().to_string();
  program::Store& moved = **other;
  must(program::import_network(moved, archive, renamed()));
  program::NetworkArchive again = must(program::export_network(moved));
  // The delivery keys name the network they are in (unique in the database): n1. became n2.
  for (program::ArchiveTable& table : archive.tables) {
    if (table.name == "deliveries") {
      for (program::ArchiveRow& row : table.rows) {
        std::get<std::string>(row[5]).replace(0, 2, "n" + std::to_string(moved.network()));
      }
    }
  }
  EXPECT_EQ(again.tables, archive.tables);
  EXPECT_EQ(again.password_hashes, archive.password_hashes);
  EXPECT_EQ(again.people, archive.people);
  EXPECT_EQ(again.ballots, archive.ballots);

  // The typed reads of the moved network are the original's.
  const auto same = [&](auto query) { EXPECT_EQ(read_in(moved, query), read_in(store(), query)); };
  same([&](StoreSession& s) { return s.comments({program::SubjectKind::kInitiative, filled.initiatives[0]}, 100); });
  same([](StoreSession& s) { return s.comment_revisions(2); });
  same([](StoreSession& s) { return s.follows(1); });
  same([](StoreSession& s) { return s.activity_seen(1); });
  same([](StoreSession& s) { return s.milestones(std::nullopt); });
  same([](StoreSession& s) { return s.initiative_updates(std::nullopt); });
  same([](StoreSession& s) { return s.delegations(2); });
  same([](StoreSession& s) { return s.preferences(); });
  same([](StoreSession& s) { return s.digest_waits(); });
  same([](StoreSession& s) { return s.willing_to_coordinate(); });
  same([](StoreSession& s) { return s.coordination_terms(); });
  same([](StoreSession& s) { return s.coordinator_elections(); });
  same([](StoreSession& s) { return s.webhooks(); });
  const auto inbox = [](StoreSession& s) -> core::Result<std::pair<std::int64_t, std::size_t>> {
    auto page = s.inbox(1, 0, 10);
    if (!page) {
      return page.error();
    }
    return std::make_pair(page->unread, page->items.size());
  };
  EXPECT_EQ(read_in(moved, inbox), std::make_pair(std::int64_t{1}, std::size_t{1}));
  EXPECT_EQ(read_in(store(), inbox), read_in(moved, inbox));
  same([](StoreSession& s) { return s.password_hash(1); });
  same([](StoreSession& s) { return s.network_secret("unsubscribe", std::string(64, 'b')); });
}

TEST_P(PersistentStoreContract, AnImportWhoseRowNamesAMissingOneWritesNothing) {
  const Filled filled = fill();
  add_history(store(), filled);
  program::NetworkArchive archive = must(program::export_network(store()));
  archive.audit.clear();
  archive.tokens.clear();
  for (program::ArchiveTable& table : archive.tables) {
    if (table.name == "comments") {
      table.rows[0][2] = std::int64_t{999};  // subject_id: no such initiative
    }
  }
  auto other = store().open_network({.name_or_id = "", .create = true});
  ASSERT_TRUE(other.ok()) << other.error().to_string();
  const core::Status refused = program::import_network(**other, archive, renamed());
  EXPECT_TRUE(fails_with(refused, core::ErrorKind::kNotFound, "no initiative with id 999 in the archive"));
  EXPECT_FALSE(read_in(**other, [](StoreSession& s) { return s.charter(); }).has_value());
}

}  // namespace
}  // namespace covalue::testing
