// The storage contract, part 8: delivery by the lead (issue 14 item 3): progress updates, milestones and the lead's
// realised values.
#include <optional>
#include <string>
#include <vector>

#include "store_contract.hpp"

// Drafts name only the members they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::InitiativeUpdate;
using program::LeadRealisedValue;
using program::Milestone;
using program::StoreSession;

TEST_P(StoreContract, UpdatesRoundTripNumberedPerNetworkWithTheirStatus) {
  Filled filled = fill();
  InitiativeUpdate plain{.initiative = filled.initiatives[0],
                         .text = "Pilot live in two warehouses.\nNext: the carriers.",
                         .posted_at = "2026-12-04T10:00:00Z",
                         .partner = filled.partners[0],
                         .person = std::nullopt,
                         .author = "token 3 (representative)"};
  plain.id = read_in(store(), [&](StoreSession& s) { return s.insert_initiative_update(plain); });
  InitiativeUpdate moved = plain;
  moved.initiative = filled.initiatives[1];
  moved.text = "waiting for data";
  moved.partner = std::nullopt;
  moved.status = net::InitiativeStatus::kBlocked;
  moved.id = read_in(store(), [&](StoreSession& s) { return s.insert_initiative_update(moved); });
  EXPECT_EQ(moved.id, plain.id + 1);
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.initiative_updates(std::nullopt); }),
            (std::vector<InitiativeUpdate>{plain, moved}));
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.initiative_updates(filled.initiatives[1]); }),
            (std::vector<InitiativeUpdate>{moved}));
  InitiativeUpdate orphan = plain;
  orphan.initiative = 999;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) -> core::Status {
    auto id = s.insert_initiative_update(orphan);
    return id ? core::Status() : core::Status(id.error());
  }),
                         ErrorKind::kNotFound, "999"));
}

TEST_P(StoreContract, MilestonesAreAddedChangedAndRemovedInDueDateOrder) {
  Filled filled = fill();
  Milestone late{.initiative = filled.initiatives[0], .title = "Roll-out", .due_date = "2027-06-30"};
  Milestone early{.initiative = filled.initiatives[0], .title = "Pilot", .due_date = "2027-03-31"};
  late.id = read_in(store(), [&](StoreSession& s) { return s.insert_milestone(late); });
  early.id = read_in(store(), [&](StoreSession& s) { return s.insert_milestone(early); });
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.milestones(filled.initiatives[0]); }),
            (std::vector<Milestone>{early, late}));
  early.done = true;
  early.done_at = "2026-12-04T10:00:00Z";
  early.title = "Pilot live";
  write([&](StoreSession& s) { return s.update_milestone(early); });
  write([&](StoreSession& s) { return s.remove_milestone(late.id); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.milestones(std::nullopt); }),
            (std::vector<Milestone>{early}));
  EXPECT_TRUE(read_in(store(), [&](StoreSession& s) { return s.milestones(filled.initiatives[1]); }).empty());
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.remove_milestone(late.id); }),
                         ErrorKind::kNotFound, "milestone"));
  Milestone missing = early;
  missing.id = 404;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.update_milestone(missing); }),
                         ErrorKind::kNotFound, "404"));
  // A new milestone never takes a removed one's number back while a later one exists.
  Milestone next{.initiative = filled.initiatives[1], .title = "Kick-off", .due_date = "2027-01-15"};
  next.id = read_in(store(), [&](StoreSession& s) { return s.insert_milestone(next); });
  EXPECT_GT(next.id, early.id);
}

TEST_P(StoreContract, ALeadsValuesAreReplacedPerCycleInitiativeAndPartner) {
  Filled filled = fill();
  const std::vector<net::RealisedValue> ledger = read_in(store(), [](StoreSession& s) { return s.realised_values(); });
  LeadRealisedValue value{.cycle = 1,
                          .initiative = filled.initiatives[0],
                          .partner = filled.partners[1],
                          .target = core::Rational(5),
                          .forecast = std::nullopt,
                          .actual = core::Rational(-7, 3),
                          .recorded_at = "2026-12-04T10:00:00Z",
                          .recorded_by = "token 3 (representative)"};
  write([&](StoreSession& s) { return s.put_lead_realised_value(value); });
  LeadRealisedValue other = value;
  other.partner = filled.partners[0];
  other.actual = std::nullopt;
  other.forecast = core::Rational(1, 2);
  write([&](StoreSession& s) { return s.put_lead_realised_value(other); });
  value.confirmed = true;
  value.confirmed_at = "2026-12-05T10:00:00Z";
  write([&](StoreSession& s) { return s.put_lead_realised_value(value); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.lead_realised_values(std::nullopt); }),
            (std::vector<LeadRealisedValue>{other, value}));
  EXPECT_TRUE(read_in(store(), [&](StoreSession& s) { return s.lead_realised_values(filled.initiatives[1]); }).empty());
  // The ledger the reports read is not touched.
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.realised_values(); }), ledger);
  LeadRealisedValue orphan = value;
  orphan.partner = 999;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.put_lead_realised_value(orphan); }),
                         ErrorKind::kNotFound, "999"));
}

}  // namespace
}  // namespace covalue::testing
