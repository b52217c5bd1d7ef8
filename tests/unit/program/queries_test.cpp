// The read use cases (program::Queries): who may read what, the filters, the one "no cycle N" error,
// errors that name no CLI command, and snapshot parts that were not read.
#include <gtest/gtest.h>

#include "covalue/program/queries.hpp"
#include "roles_fixture.hpp"

namespace covalue::program::testing {
namespace {

class QueryUseCases : public RolesFixture {
 protected:
  //! Cycle 1 voting, Retail's initiative and Courier's, and Retail's ballot for both.
  void vote_in_cycle_one() {
    Program coordinator = as(coordinator_);
    ASSERT_TRUE(coordinator.open_cycle().ok());
    retail_item_ = as(retail_).propose(initiative("Shared lockers", ids_[0]))->id;
    courier_item_ = as(courier_).propose(initiative("Night routes", ids_[1]))->id;
    ASSERT_TRUE(coordinator.start_voting(1).ok());
    net::PartnerBallot ballot{1, ids_[0], net::BallotFormat::kApprovals, {{retail_item_, 1}, {courier_item_, 1}}, {}};
    ASSERT_TRUE(as(retail_).cast_ballot(ballot).ok());
  }

  net::InitiativeId retail_item_{0};
  net::InitiativeId courier_item_{0};
};

TEST_F(QueryUseCases, EveryRoleReadsTheNetwork) {
  vote_in_cycle_one();
  for (const Actor& actor : {coordinator_, retail_, courier_, observer_}) {
    program::Queries queries = as(actor).queries();
    EXPECT_TRUE(queries.network().ok()) << actor.name;
    EXPECT_EQ(queries.partners()->size(), 3U) << actor.name;
    EXPECT_EQ(queries.cycles()->size(), 1U) << actor.name;
    EXPECT_EQ(queries.initiatives()->size(), 2U) << actor.name;
    EXPECT_TRUE(queries.dashboard().ok()) << actor.name;
    EXPECT_TRUE(queries.engagement_report().ok()) << actor.name;
    EXPECT_TRUE(queries.cycle_report(std::nullopt).ok()) << actor.name;
  }
  // Tokens and the audit log stay the coordinators'.
  EXPECT_EQ(as(observer_).tokens().error().kind, core::ErrorKind::kForbidden);
  EXPECT_EQ(as(retail_).audit_log(0, 10).error().kind, core::ErrorKind::kForbidden);
}

TEST_F(QueryUseCases, AnOpenCycleShowsThatAPartnerVotedButNotWhatExceptToItself) {
  vote_in_cycle_one();
  const auto entries_seen_by = [&](const Actor& actor) {
    core::Result<Snapshot> snapshot = as(actor).queries().snapshot();
    EXPECT_TRUE(snapshot.ok());
    EXPECT_EQ(snapshot->ballots.size(), 1U) << actor.name;  // that Retail voted is no secret
    return snapshot->ballots.empty() ? 0U : snapshot->ballots->front().entries.size();
  };
  EXPECT_EQ(entries_seen_by(retail_), 2U);
  EXPECT_EQ(entries_seen_by(courier_), 0U);
  EXPECT_EQ(entries_seen_by(coordinator_), 0U);
  EXPECT_EQ(entries_seen_by(observer_), 0U);
  EXPECT_EQ(entries_seen_by(Actor::local_operator()), 2U);
  // Listed one by one, an open cycle's ballots are each partner's own.
  EXPECT_EQ(as(retail_).queries().ballots(1)->size(), 1U);
  EXPECT_TRUE(as(courier_).queries().ballots(1)->empty());
  EXPECT_TRUE(as(observer_).queries().ballots(1)->empty());
}

TEST_F(QueryUseCases, AClosedCyclesBallotsFollowTheDisclosure) {
  vote_in_cycle_one();
  ASSERT_TRUE(as(coordinator_).close_cycle(1).ok());
  core::Result<std::vector<net::PartnerBallot>> seen = as(courier_).queries().ballots(1);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->size(), 1U);
  EXPECT_EQ(seen->front().partner, 0);                                    // anonymous: whose it was is not shown
  EXPECT_EQ(as(retail_).queries().ballots(1)->front().partner, ids_[0]);  // its own
  EXPECT_TRUE(as(observer_).queries().outcome(1).ok());
}

TEST_F(QueryUseCases, InitiativesAreFilteredByStatusCycleProposerAndDecision) {
  vote_in_cycle_one();
  const net::InitiativeId waiting = as(retail_).propose(initiative("Next time", ids_[0]))->id;
  program::Queries queries = as(observer_).queries();
  const auto ids_of = [&](const InitiativeFilter& filter) {
    std::vector<net::InitiativeId> ids;
    const core::Result<std::vector<net::Initiative>> kept = queries.initiatives(filter);
    for (const net::Initiative& i : *kept) {
      ids.push_back(i.id);
    }
    return ids;
  };
  using Ids = std::vector<net::InitiativeId>;
  EXPECT_EQ(ids_of({}), (Ids{retail_item_, courier_item_, waiting}));
  EXPECT_EQ(ids_of({.cycle = 1}), (Ids{retail_item_, courier_item_}));
  EXPECT_EQ(ids_of({.cycle = 0}), (Ids{waiting}));
  EXPECT_EQ(ids_of({.proposer = ids_[0]}), (Ids{retail_item_, waiting}));
  EXPECT_EQ(ids_of({.status = net::InitiativeStatus::kProposed, .proposer = ids_[1]}), (Ids{courier_item_}));
  EXPECT_TRUE(ids_of({.status = net::InitiativeStatus::kSelected}).empty());
  ASSERT_TRUE(as(coordinator_).close_cycle(1).ok());
  // Closed: cycle 1's initiatives are decided; the one waiting is not.
  EXPECT_EQ(ids_of({.undecided_only = true}), (Ids{waiting}));
  const core::Result<std::vector<net::Initiative>> all = queries.initiatives({});
  for (const net::Initiative& i : *all) {
    EXPECT_EQ(i.undecided(), i.id == waiting) << i.title;
  }
}

TEST_F(QueryUseCases, AnUnknownCycleIsTheOneNoCycleError) {
  vote_in_cycle_one();
  program::Queries queries = as(observer_).queries();
  for (const core::Error& error : {queries.cycle(9).error(), queries.ballots(9).error(),
                                   queries.cycle_report(9).error(), as(coordinator_).close_cycle(9).error()}) {
    EXPECT_EQ(error.kind, core::ErrorKind::kNotFound);
    EXPECT_EQ(error.message, "no cycle 9");
    EXPECT_EQ(error.where, "cycle");
  }
  core::Result<Snapshot> snapshot = queries.snapshot();
  ASSERT_TRUE(snapshot.ok());
  EXPECT_EQ((*snapshot->require_cycle(1))->number, 1);
  EXPECT_EQ(snapshot->require_cycle(2, "path.cycle").error().to_string(), "path.cycle: no cycle 2");
  EXPECT_EQ(queries.outcome(1).error().kind, core::ErrorKind::kNotFound);  // not closed yet
  EXPECT_EQ(queries.partner(99).error().where, "partner");
  EXPECT_EQ(queries.initiative(99).error().where, "initiative");
  EXPECT_EQ(queries.scores(99).error().where, "initiative");
}

TEST_F(QueryUseCases, ProgramErrorsNameNoCliCommand) {
  program::Queries queries = as(observer_).queries();
  core::Result<ScorecardView> none = queries.scorecard();
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().to_string(), "scorecard: the network has no scorecard");
  EXPECT_EQ(queries.scorecard_report().error().to_string(), none.error().to_string());

  ASSERT_TRUE(as(coordinator_).open_cycle().ok());
  net::PartnerBallot early{1, ids_[0], net::BallotFormat::kApprovals, {}, {}};
  core::Result<net::PartnerBallot> cast = as(retail_).cast_ballot(early);
  ASSERT_FALSE(cast.ok());
  EXPECT_EQ(cast.error().to_string(), "cycle: cycle 1 is still proposing");

  auto empty = adapters::sqlite::open_sqlite_store(":memory:");
  ASSERT_TRUE(empty.ok());
  core::Result<net::Charter> charter = program::Queries(**empty, Actor::local_operator()).network();
  ASSERT_FALSE(charter.ok());
  EXPECT_EQ(charter.error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(charter.error().message, kNoNetworkMessage);
}

TEST_F(QueryUseCases, TheScorecardViewRanksTheUndecidedInitiatives) {
  vote_in_cycle_one();
  const net::Scorecard card{net::ScorecardFormula::kWeighted, {{"value", net::CriterionKind::kValue, 1, 0, 10}}, 2};
  ASSERT_TRUE(as(coordinator_).define_scorecard(card).ok());
  core::Result<ScorecardView> view = as(observer_).queries().scorecard();
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->scorecard, card);
  EXPECT_EQ(view->ranking.size(), 2U);
  ASSERT_TRUE(as(coordinator_).close_cycle(1).ok());
  EXPECT_TRUE(as(observer_).queries().scorecard()->ranking.empty());  // every initiative is decided
}

TEST_F(QueryUseCases, ASnapshotHasOnlyThePartsAskedFor) {
  vote_in_cycle_one();
  Snapshot snapshot;
  ASSERT_TRUE(store_
                  ->transact([&](StoreSession& session) -> core::Status {
                    core::Result<Snapshot> read = read_snapshot(session, SnapshotParts{.ballots = true});
                    if (!read) {
                      return read.error();
                    }
                    snapshot = std::move(*read);
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(snapshot.ballots.loaded());
  EXPECT_EQ(snapshot.ballots.size(), 1U);
  for (bool loaded : {snapshot.objectives.loaded(), snapshot.outcomes.loaded(), snapshot.realised.loaded(),
                      snapshot.kpis.loaded(), snapshot.scorecard.loaded(), snapshot.scores.loaded()}) {
    EXPECT_FALSE(loaded);
  }
  EXPECT_TRUE(Snapshot{}.outcomes.loaded());  // a snapshot built by hand has every part, empty
  // That reading one of them aborts: snapshot_part_assert_test.cpp (compiled with assertions on).
}

}  // namespace
}  // namespace covalue::program::testing
