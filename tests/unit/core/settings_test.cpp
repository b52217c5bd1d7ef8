// The settings table is consistent: unique names, every default of its own type and in its own range,
// and the structs that take their defaults from it (Charter, SolverOptions, DecisionTools) agree.
#include "covalue/core/settings.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "covalue/core/ilp/binary_program.hpp"
#include "covalue/core/network/charter.hpp"
#include "covalue/program/decision_tools.hpp"

namespace covalue::core::settings {
namespace {

TEST(SettingsTable, NamesAndFlagsAreUniqueAndDotted) {
  std::set<std::string_view> names;
  std::set<std::string> flags;
  for (const Setting& setting : all()) {
    EXPECT_TRUE(names.insert(setting.name).second) << setting.name;
    EXPECT_TRUE(flags.insert(std::string(section_of(setting)) + flag_of(setting)).second) << setting.name;
    EXPECT_EQ(setting.name.find('.'), setting.name.rfind('.')) << setting.name << ": one dot";
    EXPECT_FALSE(section_of(setting).empty()) << setting.name;
    EXPECT_FALSE(key_of(setting).empty()) << setting.name;
    EXPECT_FALSE(setting.help.empty()) << setting.name;
    EXPECT_NE(setting.applies, 0U) << setting.name;
    EXPECT_EQ(setting.type == Type::kChoice, setting.choices != nullptr) << setting.name;
  }
}

TEST(SettingsTable, EveryDefaultIsInItsRange) {
  for (const Setting& setting : all()) {
    if (setting.default_text.empty()) {
      EXPECT_EQ(setting.type, Type::kText) << setting.name << ": only a text may come from the build";
      continue;
    }
    const Status valid = check_value(setting, setting.default_text);
    EXPECT_TRUE(valid.ok()) << setting.name << ": " << (valid ? "" : valid.error().message);
  }
}

TEST(SettingsTable, BoundsAreNumbersAndOrdered) {
  for (const Setting& setting : all()) {
    if (setting.min.empty() || setting.max.empty()) {
      continue;
    }
    Result<Rational> min = parse_exact_number(setting.min);
    Result<Rational> max = parse_exact_number(setting.max);
    ASSERT_TRUE(min.ok() && max.ok()) << setting.name;
    EXPECT_LT(*min, *max) << setting.name;
  }
}

TEST(SettingsTable, ValuesOutsideTheRangeAreRefusedWithTheRange) {
  const Setting& threads = row("server.threads");
  const Status negative = check_value(threads, "-1");
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(negative.error().message, "must be >= 0 and <= 1024, got '-1'");
  EXPECT_FALSE(check_value(row("charter.capacity"), "0").ok()) << "the lower bound is excluded";
  EXPECT_TRUE(check_value(row("charter.max_deopt_share"), "1").ok()) << "the upper bound is included";
  EXPECT_FALSE(check_value(row("charter.max_deopt_share"), "3/2").ok());
  EXPECT_FALSE(check_value(row("server.threads"), "two").ok());
  EXPECT_FALSE(check_value(row("solver.time_limit_seconds"), "1/3").ok()) << "seconds are decimals";
  EXPECT_TRUE(check_value(row("solver.time_limit_seconds"), "0.5").ok());
  EXPECT_FALSE(check_value(row("charter.rule"), "best").ok());
  EXPECT_TRUE(check_value(row("charter.rule"), "phragmen").ok());
  EXPECT_FALSE(check_value(row("pb.irresolute"), "yes").ok());
}

TEST(SettingsTable, CharterDefaultsAreTheTables) {
  const network::Charter charter;
  EXPECT_EQ(charter.capacity, number_default("charter.capacity"));
  EXPECT_EQ(network::name_of(charter.rule), row("charter.rule").default_text);
  EXPECT_EQ(core::name_of(charter.ranking_rule), row("charter.ranking_rule").default_text);
  EXPECT_EQ(network::name_of(charter.disclosure), row("charter.disclosure").default_text);
  EXPECT_EQ(network::name_of(charter.sharing), row("charter.sharing").default_text);
  EXPECT_EQ(charter.fairness.max_dry_spell, integer_default("charter.max_dry_spell"));
  EXPECT_EQ(charter.fairness.max_deopt_share, number_default("charter.max_deopt_share"));
  EXPECT_EQ(core::name_of(charter.fairness.weight_policy), row("charter.weight_policy").default_text);
  EXPECT_EQ(core::name_of(charter.fairness.weight_absence), row("charter.weight_absence").default_text);
  // The older form's default says the same: on is reset.
  EXPECT_TRUE(boolean_default("charter.perpetual_weighting"));
  EXPECT_EQ(charter.leadership.max_concurrent_leads, integer_default("charter.max_concurrent_leads"));
  // The literal values the CLI and API documented before the table: a change here is a change of behaviour.
  EXPECT_EQ(charter.capacity, 100);
  EXPECT_EQ(charter.rule, network::SelectionRule::kEqualShares);
  EXPECT_EQ(charter.ranking_rule, ranking::RankingRule::kSchulze);
  EXPECT_EQ(charter.disclosure, network::BallotDisclosure::kAnonymous);
  EXPECT_EQ(charter.sharing, network::SharingPolicy::kShapley);
  EXPECT_EQ(charter.fairness.max_dry_spell, 3);
  EXPECT_EQ(charter.fairness.max_deopt_share, 1);
  EXPECT_EQ(charter.fairness.weight_policy, core::perpetual::WeightPolicy::kReset);
  EXPECT_EQ(charter.fairness.weight_absence, core::perpetual::WeightAbsence::kIgnore);
  EXPECT_EQ(charter.leadership.max_concurrent_leads, 2);
}

//! Charter::validate refuses exactly what the table's ranges refuse (the table's range is what the
//! docs and the CLI's help promise).
TEST(SettingsTable, CharterValidationMatchesTheRanges) {
  network::Charter charter;
  charter.name = "n";
  ASSERT_TRUE(charter.validate().ok());
  for (const char* capacity : {"0", "-1"}) {
    network::Charter bad = charter;
    bad.capacity = *parse_exact_number(capacity);
    EXPECT_FALSE(bad.validate().ok());
    EXPECT_FALSE(check_value(row("charter.capacity"), capacity).ok());
  }
  network::Charter dry = charter;
  dry.fairness.max_dry_spell = 0;
  EXPECT_FALSE(dry.validate().ok());
  EXPECT_FALSE(check_value(row("charter.max_dry_spell"), "0").ok());
  network::Charter leads = charter;
  leads.leadership.max_concurrent_leads = 0;
  EXPECT_FALSE(leads.validate().ok());
  EXPECT_FALSE(check_value(row("charter.max_concurrent_leads"), "0").ok());
  network::Charter share = charter;
  share.fairness.max_deopt_share = Rational(3, 2);
  EXPECT_FALSE(share.validate().ok());
  EXPECT_FALSE(check_value(row("charter.max_deopt_share"), "3/2").ok());
}

TEST(SettingsTable, SolverAndDecisionDefaultsAreTheTables) {
  const ilp::SolverOptions solver;
  EXPECT_EQ(solver.time_limit_seconds, 20.0);
  EXPECT_EQ(solver.time_limit_seconds, seconds_default("solver.time_limit_seconds"));
  EXPECT_EQ(solver.threads, static_cast<unsigned>(integer_default("solver.threads")));
  const network::DecisionTools tools = program::make_decision_tools(nullptr);
  EXPECT_EQ(tools.solver_options.time_limit_seconds, 20.0);
  EXPECT_EQ(tools.solver_options.threads, solver.threads);
  EXPECT_EQ(tools.shapley.threads, static_cast<unsigned>(integer_default("shapley.threads")));
}

TEST(SettingsTable, FlagsComeFromTheKeyUnlessTheRowNamesOne) {
  EXPECT_EQ(flag_of(row("server.max_connections")), "--max-connections");
  EXPECT_EQ(flag_of(row("charter.max_concurrent_leads")), "--max-leads");
  EXPECT_EQ(range_text(row("charter.max_deopt_share")), "> 0 and <= 1");
}

}  // namespace
}  // namespace covalue::core::settings
