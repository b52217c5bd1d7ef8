// The simulator's charter reader on text: what it accepts, and (rapidcheck) that no text makes it fail
// other than with an error located in the file.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "cli/simulate/charter_file.hpp"

namespace covalue::cli {
namespace {

TEST(CharterFile, ReadsTheCharterAndTheBehaviour) {
  auto policy = parse_charter_file(
      "name = \"fair\"\n[charter]\nrule = \"network_fair\"\nmax_deopt_share = \"1/3\"\nmax_dry_spell = 2\n"
      "weight_policy = \"pav\"\n[behaviour]\nballots = \"own_gain\"\nleads = \"proposer\"\nobject_to_losses = true\n",
      "fair.toml");
  ASSERT_TRUE(policy.ok()) << policy.error().to_string();
  EXPECT_EQ(policy->name, "fair");
  EXPECT_EQ(policy->charter.rule, core::network::SelectionRule::kNetworkFair);
  EXPECT_EQ(policy->charter.fairness.max_deopt_share, core::Rational(1, 3));
  EXPECT_EQ(policy->charter.fairness.max_dry_spell, 2);
  EXPECT_EQ(policy->charter.fairness.weight_policy, core::perpetual::WeightPolicy::kPav);
  EXPECT_EQ(policy->ballots, core::sim::BallotStyle::kOwnGain);
  EXPECT_EQ(policy->leads, core::sim::LeadStyle::kProposer);
  EXPECT_TRUE(policy->object_to_losses);
  auto unnamed = parse_charter_file("", "dir/my.charter.toml");
  ASSERT_TRUE(unnamed.ok());
  EXPECT_EQ(unnamed->name, "my.charter");
}

TEST(CharterFile, NamesTheKeyAndWhereItIs) {
  auto bad = parse_charter_file("[charter]\nrule = \"mes\"\nmax_dry_spel = 2\n", "c.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().where, "c.toml:3:1");
  EXPECT_NE(bad.error().message.find("max_dry_spel"), std::string::npos);
  auto type = parse_charter_file("[behaviour]\nobject_to_losses = \"yes\"\n", "c.toml");
  ASSERT_FALSE(type.ok());
  EXPECT_NE(type.error().message.find("behaviour.object_to_losses"), std::string::npos);
  auto zero = parse_charter_file("[charter]\nmax_concurrent_leads = 0\n", "c.toml");
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.error().message.find("charter.max_concurrent_leads"), std::string::npos);
}

RC_GTEST_PROP(CharterFile, AnyTextGivesAPolicyOrAnErrorInTheFile, (const std::string& text)) {
  auto policy = parse_charter_file(text, "p.toml");
  if (!policy.ok()) {
    RC_ASSERT(policy.error().where.starts_with("p.toml"));
    RC_ASSERT(!policy.error().message.empty());
  }
}

RC_GTEST_PROP(CharterFile, AnyValueOfAnyKeyIsReadOrRefusedNamingTheKey, (int pick, const std::string& value)) {
  static const std::vector<std::string> keys = {
      "rule", "sharing", "max_dry_spell", "max_deopt_share", "weight_policy", "weight_absence", "max_concurrent_leads"};
  const std::string& key = keys[static_cast<std::size_t>(pick < 0 ? -(pick + 1) : pick) % keys.size()];
  std::string quoted;
  for (const char ch : value) {
    if (ch != '"' && ch != '\\' && static_cast<unsigned char>(ch) >= 0x20 && static_cast<unsigned char>(ch) < 0x7f) {
      quoted += ch;
    }
  }
  auto policy = parse_charter_file("[charter]\n" + key + " = \"" + quoted + "\"\n", "p.toml");
  if (!policy.ok()) {
    RC_ASSERT(policy.error().message.find("charter." + key) != std::string::npos);
  }
}

}  // namespace
}  // namespace covalue::cli
