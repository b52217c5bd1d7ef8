#include <gtest/gtest.h>

#include <memory>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"
#include "covalue/program/report.hpp"

namespace covalue::program {
namespace {

namespace net = core::network;

class ScorecardUseCases : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = adapters::sqlite::open_sqlite_store(":memory:");
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
    program_ = std::make_unique<Program>(*store_, net::DecisionTools{});
    net::Charter charter;
    charter.name = "Scored";
    charter.capacity = 20;
    charter.rule = net::SelectionRule::kConsensus;
    ASSERT_TRUE(program_->init_network(charter).ok());
    for (const char* name : {"Retail", "Courier"}) {
      ids_.push_back(program_->add_partner(name, net::Tier::kRetailer)->id);
    }
    card_ = {net::ScorecardFormula::kWeighted,
             {{"value", net::CriterionKind::kValue, 2, 0, 10}, {"effort", net::CriterionKind::kEffort, 1, 0, 10}},
             2};
    ASSERT_TRUE(program_->define_scorecard(card_).ok());
    ASSERT_TRUE(program_->open_cycle().ok());
    for (int k = 0; k < 3; ++k) {
      net::Initiative initiative;
      initiative.title = "Initiative " + std::to_string(k);
      initiative.proposer = ids_[0];
      initiative.cost = 5;
      initiative.impacts = {{ids_[0], 1}, {ids_[1], 1}};
      candidates_.push_back(program_->propose(initiative)->id);
    }
  }

  void score(net::InitiativeId initiative, int value, int effort) {
    ASSERT_TRUE(
        program_->score_initiative({{initiative, ids_[0], "value", value}, {initiative, ids_[0], "effort", effort}})
            .ok());
  }

  std::unique_ptr<Store> store_;
  std::unique_ptr<Program> program_;
  std::vector<net::PartnerId> ids_;
  std::vector<net::InitiativeId> candidates_;
  net::Scorecard card_;
};

TEST_F(ScorecardUseCases, TheScorecardIsStoredAndItsRankingReported) {
  score(candidates_[0], 2, 5);
  score(candidates_[1], 9, 1);
  score(candidates_[2], 6, 6);
  auto snapshot = program_->snapshot();
  ASSERT_TRUE(snapshot.ok());
  EXPECT_EQ(snapshot->scorecard, std::optional<net::Scorecard>(card_));
  EXPECT_EQ(snapshot->scores.size(), 6U);
  auto report = scorecard_report(*snapshot);
  ASSERT_TRUE(report.ok());
  const ReportTable& ranking = report->tables[1];
  ASSERT_EQ(ranking.rows.size(), 3U);
  EXPECT_EQ(ranking.rows[0][1].integer, candidates_[1]);
  EXPECT_EQ(ranking.rows[2][1].integer, candidates_[0]);
}

TEST_F(ScorecardUseCases, BadScoresAreRefusedAndNothingIsStored) {
  const auto kind_of = [&](const std::vector<net::InitiativeScore>& scores) {
    const core::Status status = program_->score_initiative(scores);
    return status.ok() ? core::ErrorKind::kInternal : status.error().kind;
  };
  EXPECT_EQ(kind_of({{candidates_[0], ids_[0], "value", 11}}), core::ErrorKind::kInvalidInput);
  EXPECT_EQ(kind_of({{candidates_[0], ids_[0], "value", 3}, {candidates_[0], ids_[0], "speed", 3}}),
            core::ErrorKind::kNotFound);
  EXPECT_EQ(kind_of({{999, ids_[0], "value", 3}}), core::ErrorKind::kNotFound);
  EXPECT_EQ(kind_of({{candidates_[0], 999, "value", 3}}), core::ErrorKind::kNotFound);
  EXPECT_EQ(kind_of({}), core::ErrorKind::kInvalidInput);
  EXPECT_TRUE(program_->snapshot()->scores.empty());
  net::Scorecard bad = card_;
  bad.criteria[0].high = 0;
  const core::Status refused = program_->define_scorecard(bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().where, "criteria[0].high");
  EXPECT_EQ(program_->snapshot()->scorecard, std::optional<net::Scorecard>(card_));
}

TEST_F(ScorecardUseCases, AShortlistKeepsTheTopOnTheBallotAndTheRestWaits) {
  score(candidates_[0], 2, 5);
  score(candidates_[1], 9, 1);
  score(candidates_[2], 6, 6);
  auto cycle = program_->shortlist(1, 0);  // the scorecard's default: 2
  ASSERT_TRUE(cycle.ok()) << cycle.error().to_string();
  EXPECT_EQ(cycle->shortlist, (std::vector<net::InitiativeId>{candidates_[1], candidates_[2]}));
  EXPECT_EQ(program_->shortlist(1, 1).error().kind, core::ErrorKind::kConflict);  // once per cycle
  // Proposals after the shortlist wait for the next cycle.
  net::Initiative late;
  late.title = "Late";
  late.proposer = ids_[1];
  late.cost = 5;
  EXPECT_EQ(program_->propose(late)->cycle, 0);
  ASSERT_TRUE(program_->start_voting(1).ok());
  const auto off_list = program_->cast_ballot({1, ids_[0], net::BallotFormat::kRanking, {{candidates_[0], 1}}, {}});
  ASSERT_FALSE(off_list.ok());
  EXPECT_NE(off_list.error().message.find("shortlist"), std::string::npos);
  ASSERT_TRUE(
      program_->cast_ballot({1, ids_[0], net::BallotFormat::kRanking, {{candidates_[2], 1}, {candidates_[1], 2}}, {}})
          .ok());
  auto outcome = program_->close_cycle(1);
  ASSERT_TRUE(outcome.ok()) << outcome.error().to_string();
  ASSERT_EQ(outcome->decisions.size(), 2U);  // only the shortlisted initiatives were decided
  ASSERT_TRUE(outcome->consensus.has_value());
  EXPECT_EQ(outcome->consensus->ranking.front(), (std::vector<net::InitiativeId>{candidates_[2]}));
  // The initiative left off the ballot is a candidate of the next cycle.
  ASSERT_TRUE(program_->open_cycle().ok());
  auto snapshot = program_->snapshot();
  EXPECT_EQ(snapshot->find_initiative(candidates_[0])->cycle, 2);
  EXPECT_EQ(snapshot->find_initiative(candidates_[0])->status, net::InitiativeStatus::kProposed);
  auto report = cycle_report(*snapshot, 1);
  ASSERT_TRUE(report.ok());
  const auto index = std::find_if(report->summary.begin(), report->summary.end(),
                                  [](const auto& item) { return item.first == "agreement_index"; });
  ASSERT_NE(index, report->summary.end());
  EXPECT_EQ(index->second.number, 1);  // one ballot agrees with itself
}

}  // namespace
}  // namespace covalue::program
