// What if (issue 16 item 5): the start of a coordinator's simulation is read for coordinators only, with the changed
// charter checked by the charter's rules, and nothing is stored or audited.
#include <gtest/gtest.h>

#include "covalue/program/program.hpp"
#include "roles_fixture.hpp"

namespace covalue::program {
namespace {

namespace net = core::network;

using WhatIf = testing::RolesFixture;

TEST_F(WhatIf, ACoordinatorReadsTheStartAndNothingIsAudited) {
  auto log = as(coordinator_).audit_log(0, 10000);
  ASSERT_TRUE(log.ok()) << log.error().to_string();
  const std::size_t audited = log->size();
  net::Charter changed = *as(coordinator_).queries().network();
  changed.rule = net::SelectionRule::kGreedy;
  core::Result<WhatIfStart> start = as(coordinator_).what_if_start(changed);
  ASSERT_TRUE(start.ok()) << start.error().to_string();
  EXPECT_EQ(start->network, store_->network());
  EXPECT_EQ(start->snapshot.partners.size(), 3U);
  EXPECT_EQ(start->snapshot.charter.rule, net::SelectionRule::kEqualShares) << "the snapshot holds the current charter";
  auto network = as(coordinator_).what_if_network();
  ASSERT_TRUE(network.ok()) << network.error().to_string();
  EXPECT_EQ(*network, store_->network());
  EXPECT_EQ(as(coordinator_).audit_log(0, 10000)->size(), audited);
}

TEST_F(WhatIf, OnlyCoordinatorsSimulate) {
  const net::Charter charter = *as(coordinator_).queries().network();
  for (const Actor& actor : {retail_, courier_, observer_}) {
    EXPECT_EQ(as(actor).what_if_start(charter).error().kind, core::ErrorKind::kForbidden) << actor.name;
    EXPECT_EQ(as(actor).what_if_network().error().kind, core::ErrorKind::kForbidden) << actor.name;
  }
}

TEST_F(WhatIf, AChangedCharterThatBreaksTheRulesIsRefusedNamingItsField) {
  net::Charter changed = *as(coordinator_).queries().network();
  changed.capacity = 0;
  const core::Error refused = as(coordinator_).what_if_start(changed).error();
  EXPECT_EQ(refused.kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(refused.where, "charter.capacity") << refused.to_string();
  changed = *as(coordinator_).queries().network();
  changed.fairness.max_deopt_share = core::Rational(3, 2);
  EXPECT_EQ(as(coordinator_).what_if_start(changed).error().where.rfind("charter.", 0), 0U);
}

}  // namespace
}  // namespace covalue::program
