// The name tables of every enum (core/enum_names.hpp): each value's name parses back to it, old
// spellings still parse (databases written before issue 11 keep opening), and an unknown name is one
// kind of error, quoting the text and naming what is accepted.
#include "covalue/core/enum_names.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>

#include "covalue/adapters/preflib/preflib_file.hpp"
#include "covalue/core/ilp/binary_program.hpp"
#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/network/scorecard.hpp"
#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/profile.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "covalue/core/rules/committee.hpp"
#include "covalue/core/rules/rule.hpp"
#include "covalue/core/satisfaction.hpp"
#include "covalue/core/tie_breaking.hpp"
#include "covalue/program/access.hpp"

namespace covalue::core {
namespace {

namespace net = network;

//! Every enum with a name table in the libraries the unit tests link.
using AllNamedEnums = std::tuple<net::Tier, net::Channel, net::InitiativeStatus, net::CycleState, net::Kpi,
                                 net::BallotFormat, net::SelectionRule, net::BallotDisclosure, net::SharingPolicy,
                                 net::CriterionKind, net::ScorecardFormula, net::DecisionReason, ranking::RankingRule,
                                 rules::RuleKind, rules::Completion, rules::CommitteeRule, TieRule, Satisfaction,
                                 BallotKind, ilp::SolveStatus, ErrorKind, program::Role, adapters::preflib::DataType>;

template <typename E>
void expect_round_trip() {
  std::set<std::string> seen;
  const auto values = all_of<E>();
  ASSERT_EQ(values.size(), names_of<E>().size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const E value = values[i];
    EXPECT_EQ(static_cast<std::size_t>(value), i) << name_table<E>().what;
    const std::string name = name_of(value);
    EXPECT_TRUE(seen.insert(name).second) << name_table<E>().what << " names " << name << " twice";
    Result<E> parsed = parse_name<E>(name);
    ASSERT_TRUE(parsed.ok()) << name;
    EXPECT_EQ(*parsed, value) << name;
    for (const char* old : name_table<E>().rows[i].old_names) {
      if (old != nullptr) {
        Result<E> from_old = parse_name<E>(old);
        ASSERT_TRUE(from_old.ok()) << old;
        EXPECT_EQ(*from_old, value) << old;
      }
    }
  }
  Result<E> unknown = parse_name<E>("no such name");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(unknown.error().message, std::string("unknown ") + name_table<E>().what +
                                         " 'no such name' (expected one of: " + name_list<E>() + ")");
}

TEST(EnumNames, EveryValueOfEveryEnumRoundTripsAndUnknownNamesAreInvalidInput) {
  std::apply([](auto... values) { (expect_round_trip<decltype(values)>(), ...); }, AllNamedEnums{});
}

TEST(EnumNames, OldSpellingsStillParse) {
  EXPECT_EQ(*parse_name<net::SelectionRule>("network-fair"), net::SelectionRule::kNetworkFair);
  EXPECT_EQ(*parse_name<ranking::RankingRule>("ranked-pairs"), ranking::RankingRule::kRankedPairs);
  EXPECT_EQ(*parse_name<rules::RuleKind>("maxwelfare"), rules::RuleKind::kMaxWelfare);
  EXPECT_EQ(*parse_name<rules::Completion>("add1+greedy"), rules::Completion::kAdd1Greedy);
  EXPECT_EQ(*parse_name<TieRule>("mincost"), TieRule::kMinCost);
  EXPECT_EQ(*parse_name<TieRule>("maxapprovals"), TieRule::kMaxApprovals);
  EXPECT_EQ(*parse_name<Satisfaction>("cardinality"), Satisfaction::kCardinality);
  EXPECT_EQ(*parse_name<rules::CommitteeRule>("equal-shares-with-av-completion"), rules::CommitteeRule::kEqualSharesAv);
}

TEST(EnumNames, NamesAreSnakeCaseExceptExternalFormatTokens) {
  EXPECT_STREQ(name_of(net::SelectionRule::kNetworkFair), "network_fair");
  EXPECT_STREQ(name_of(ranking::RankingRule::kRankedPairs), "ranked_pairs");
  EXPECT_STREQ(name_of(rules::CommitteeRule::kEqualShares), "equal_shares");
  EXPECT_STREQ(name_of(rules::RuleKind::kMaxWelfare), "max_welfare");
  EXPECT_STREQ(name_of(BallotKind::kChoose1), "choose-1");  // Pabulib's vote_type token
  EXPECT_EQ(name_list<net::SelectionRule>(" | "), "mes | phragmen | greedy | network_fair | consensus");
}

TEST(EnumNames, UnknownNameIsQuotedAsAnExcerpt) {
  const std::string text = "bad\x1b[31m" + std::string(100, 'x');
  Result<net::Tier> tier = parse_name<net::Tier>(text);
  ASSERT_FALSE(tier.ok());
  EXPECT_EQ(tier.error().message.find('\x1b'), std::string::npos);
  EXPECT_EQ(tier.error().message.find(std::string(40, 'x')), std::string::npos);
  EXPECT_NE(tier.error().message.find("(expected one of: raw_materials, manufacturer,"), std::string::npos);
}

TEST(EnumNames, NamesAreExactCaseAndWholeWord) {
  EXPECT_FALSE(parse_name<net::Tier>("Retailer").ok());
  EXPECT_FALSE(parse_name<net::Tier>("retailer ").ok());
  EXPECT_FALSE(parse_name<net::Tier>("").ok());
  EXPECT_EQ(*adapters::preflib::parse_data_type_header("TOI"), adapters::preflib::DataType::kToi);
}

}  // namespace
}  // namespace covalue::core
