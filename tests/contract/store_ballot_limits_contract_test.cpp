// The storage contract: the charter's ballot limits (issue 15 item 6, schema step 17), the score scale and the points
// budget, kept exactly (rationals) on every store.
#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using program::StoreSession;

TEST_P(StoreContract, TheCharterKeepsItsBallotLimitsExactly) {
  fill();
  std::optional<net::Charter> charter = read_in(store(), [](StoreSession& s) { return s.charter(); });
  ASSERT_TRUE(charter.has_value());
  EXPECT_EQ(charter->score_max, 10);
  EXPECT_EQ(charter->points_budget, 0);
  charter->score_max = core::Rational(15, 2);
  charter->points_budget = core::Rational(100, 3);
  write([&](StoreSession& s) { return s.save_charter(*charter); });
  std::optional<net::Charter> read = read_in(store(), [](StoreSession& s) { return s.charter(); });
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->score_max, core::Rational(15, 2));
  EXPECT_EQ(read->points_budget, core::Rational(100, 3));
  EXPECT_EQ(*read, *charter) << "the rest of the charter is as it was";
  charter->points_budget = 0;
  write([&](StoreSession& s) { return s.save_charter(*charter); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.charter(); })->points_budget, 0);
}

}  // namespace
}  // namespace covalue::testing
