#include "covalue/core/network/scorecard.hpp"

#include <gtest/gtest.h>

namespace covalue::core::network {
namespace {

Rational q(const char* text) {
  Rational value(text);
  value.canonicalize();
  return value;
}

Scorecard rice() {
  return {ScorecardFormula::kRice,
          {{"reach", CriterionKind::kReach, 1, 0, 1000},
           {"impact", CriterionKind::kValue, 1, 0, 3},
           {"confidence", CriterionKind::kConfidence, 1, 0, 1},
           {"effort", CriterionKind::kEffort, 1, q("1/2"), 10}},
          2};
}

TEST(Scorecard, RiceIsReachTimesImpactTimesConfidenceOverEffort) {
  const std::vector<InitiativeScore> scores{{1, 10, "reach", 500},           {1, 10, "impact", 2},
                                            {1, 10, "confidence", q("4/5")}, {1, 10, "effort", 4},
                                            {1, 11, "reach", 300},           {1, 11, "impact", 3}};
  const auto entries = rank_by_scorecard(rice(), {1}, scores);
  ASSERT_EQ(entries.size(), 1U);
  // reach mean 400, impact mean 5/2, confidence 4/5, effort 4: 400 * 5/2 * 4/5 / 4 = 200.
  EXPECT_EQ(entries[0].score, std::optional<Rational>(200));
  EXPECT_EQ(entries[0].scorers, 2);
  EXPECT_EQ(entries[0].averages[1], std::optional<Rational>(q("5/2")));
}

TEST(Scorecard, WsjfIsCostOfDelayOverJobSize) {
  const Scorecard card{ScorecardFormula::kWsjf,
                       {{"value", CriterionKind::kValue, 1, 1, 20},
                        {"urgency", CriterionKind::kTimeCriticality, 1, 1, 20},
                        {"risk", CriterionKind::kRiskReduction, 1, 1, 20},
                        {"size", CriterionKind::kEffort, 1, 1, 20}},
                       0};
  ASSERT_TRUE(card.validate().ok());
  const std::vector<InitiativeScore> scores{
      {7, 1, "value", 8}, {7, 1, "urgency", 5}, {7, 1, "risk", 3}, {7, 1, "size", 3}};
  EXPECT_EQ(rank_by_scorecard(card, {7}, scores)[0].score, std::optional<Rational>(q("16/3")));
}

TEST(Scorecard, WeightedNormalisesAndInvertsEffort) {
  const Scorecard card{ScorecardFormula::kWeighted,
                       {{"carbon", CriterionKind::kCustom, 2, 0, 10}, {"effort", CriterionKind::kEffort, 1, 0, 5}},
                       0};
  const std::vector<InitiativeScore> scores{
      {1, 1, "carbon", 5}, {1, 1, "effort", 1}, {2, 1, "carbon", 10}, {2, 1, "effort", 5}};
  const auto entries = rank_by_scorecard(card, {1, 2}, scores);
  // 1: 2 * 1/2 + (1 - 1/5) = 9/5; 2: 2 * 1 + 0 = 2.
  EXPECT_EQ(entries[0].initiative, 2);
  EXPECT_EQ(entries[0].score, std::optional<Rational>(2));
  EXPECT_EQ(entries[1].score, std::optional<Rational>(q("9/5")));
  EXPECT_EQ(entries[1].rank, 2);
}

TEST(Scorecard, TiesShareARankAndUnscoredInitiativesComeLast) {
  const std::vector<InitiativeScore> scores{{3, 1, "reach", 1},      {3, 1, "impact", 1}, {3, 1, "confidence", 1},
                                            {3, 1, "effort", 1},     {2, 1, "reach", 1},  {2, 1, "impact", 1},
                                            {2, 1, "confidence", 1}, {2, 1, "effort", 1}, {1, 1, "reach", 9}};
  const auto entries = rank_by_scorecard(rice(), {1, 2, 3}, scores);
  EXPECT_EQ(entries[0].initiative, 2);
  EXPECT_EQ(entries[1].initiative, 3);
  EXPECT_EQ(entries[0].rank, 1);
  EXPECT_EQ(entries[1].rank, 1);
  EXPECT_EQ(entries[2].initiative, 1);
  EXPECT_FALSE(entries[2].score.has_value());
  EXPECT_EQ(entries[2].rank, 3);
}

TEST(Scorecard, ValidationNamesTheField) {
  Scorecard card = rice();
  card.criteria.pop_back();
  EXPECT_EQ(card.validate().error().where, "criteria");  // RICE needs an effort criterion
  card = rice();
  card.criteria[1].high = -1;
  EXPECT_EQ(card.validate().error().where, "criteria[1].high");
  card = rice();
  card.criteria[3].low = 0;
  EXPECT_EQ(card.validate().error().where, "criteria[3].low");  // effort divides
  card = rice();
  card.criteria[2].name = "reach";
  EXPECT_EQ(card.validate().error().where, "criteria[2].name");
  card = rice();
  card.criteria.push_back({"reach2", CriterionKind::kReach, 1, 0, 1});
  EXPECT_EQ(card.validate().error().where, "criteria[4].kind");
  EXPECT_FALSE(Scorecard{}.validate().ok());
  EXPECT_TRUE(rice().validate().ok());
}

}  // namespace
}  // namespace covalue::core::network
