// The storage contract, part 3: the scorecard and its scores, access tokens, the audit log and the
// store's version, the charter's ranking rule and disclosure, and cycle shortlists.
#include <optional>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::StoreSession;

TEST_P(StoreContract, TheNewCharterFieldsAndShortlistsRoundTrip) {
  Filled filled = fill();
  net::Charter charter = *filled.expected.charter;
  charter.ranking_rule = core::ranking::RankingRule::kKemenyYoung;
  charter.disclosure = net::BallotDisclosure::kSecret;
  write([&](StoreSession& s) { return s.save_charter(charter); });
  filled.expected.charter = charter;
  net::Cycle cycle = filled.expected.cycles[1];
  cycle.shortlist = {filled.initiatives[1]};
  write([&](StoreSession& s) { return s.update_cycle(cycle); });
  filled.expected.cycles[1] = cycle;
  expect_same(snapshot(store()), filled.expected);
  cycle.shortlist.clear();
  net::Cycle third{3, net::CycleState::kProposing, q("7/3"), net::SelectionRule::kConsensus, filled.initiatives, {},
                   {}};
  write([&](StoreSession& s) -> core::Status {
    must(s.update_cycle(cycle));
    return s.insert_cycle(third);
  });
  filled.expected.cycles[1] = cycle;
  filled.expected.cycles.push_back(third);
  filled.expected.ballots[3] = {};
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, TheScorecardIsReplacedWholeWithItsCriteriaInOrder) {
  Filled filled = fill();
  net::Scorecard scorecard;
  scorecard.formula = net::ScorecardFormula::kRice;
  scorecard.shortlist_size = 0;
  scorecard.criteria = {{"value", net::CriterionKind::kValue, q("1"), q("0"), q("10")},
                        {"confidence", net::CriterionKind::kConfidence, q("1"), q("0"), q("1")},
                        {"reach", net::CriterionKind::kReach, q("1"), q("1"), q("1000")},
                        {"effort", net::CriterionKind::kEffort, q("1"), q("1/2"), q("13")}};
  write([&](StoreSession& s) { return s.save_scorecard(scorecard); });
  filled.expected.scorecard = scorecard;
  expect_same(snapshot(store()), filled.expected);
  scorecard.criteria.erase(scorecard.criteria.begin() + 1);
  scorecard.formula = net::ScorecardFormula::kWsjf;
  write([&](StoreSession& s) { return s.save_scorecard(scorecard); });
  filled.expected.scorecard = scorecard;
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, AScorecardNamingACriterionTwiceIsAConflictAndKeepsTheOldOne) {
  const Filled filled = fill();
  net::Scorecard twice = sample_scorecard();
  twice.criteria.push_back(twice.criteria[0]);
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.save_scorecard(twice); }),
                         ErrorKind::kConflict, "Reach"));
  std::optional<core::Status> saved;  // the last run's (store.hpp)
  write([&](StoreSession& s) -> core::Status {
    saved = s.save_scorecard(twice);
    return {};
  });
  EXPECT_TRUE(fails_with(*saved, ErrorKind::kConflict));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, InitiativeScoresAreReplacedAndReadInOrder) {
  Filled filled = fill();
  auto& scores = filled.expected.initiative_scores;
  const net::InitiativeScore rescored{scores[1].initiative, scores[1].partner, scores[1].criterion, q("-5/3")};
  const net::InitiativeScore added{filled.initiatives[0], filled.partners[1], "carbon", q("4")};
  write([&](StoreSession& s) -> core::Status {
    must(s.put_initiative_score(added));
    return s.put_initiative_score(rescored);
  });
  scores[1] = rescored;
  scores.insert(scores.begin() + 2, added);  // partners[1] comes between partners[0] and partners[2]
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, ScoresOfUnknownInitiativesOrPartnersAreNotFound) {
  const Filled filled = fill();
  const net::InitiativeScore orphan{4141, filled.partners[0], "Reach", q("1")};
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.put_initiative_score(orphan); }),
                         ErrorKind::kNotFound, "4141"));
  const net::InitiativeScore stranger{filled.initiatives[0], 4242, "Reach", q("1")};
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.put_initiative_score(stranger); }),
                         ErrorKind::kNotFound, "4242"));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, TokensAreFoundByHashAndRevoked) {
  Filled filled = fill();
  const auto& second = filled.expected.tokens[1];
  EXPECT_TRUE(read_in(store(), [&](StoreSession& s) { return s.find_token(second.secret_hash); }) == second);
  EXPECT_FALSE(read_in(store(), [](StoreSession& s) { return s.find_token(std::string(64, '9')); }).has_value());
  write([&](StoreSession& s) { return s.revoke_token(second.id); });
  filled.expected.tokens[1].revoked = true;
  expect_same(snapshot(store()), filled.expected);
  EXPECT_TRUE(read_in(store(), [&](StoreSession& s) { return s.find_token(second.secret_hash); })->revoked);
  EXPECT_TRUE(
      fails_with(store().transact([](StoreSession& s) { return s.revoke_token(9191); }), ErrorKind::kNotFound, "9191"));
  program::AccessToken later = sample_token(program::Role::kObserver, std::nullopt, "c3");
  later.id = read_in(store(), [&](StoreSession& s) { return s.insert_token(later); });
  EXPECT_GT(later.id, second.id);
}

TEST_P(StoreContract, ATokenWithAKnownHashIsAConflictAndTheSessionGoesOn) {
  Filled filled = fill();
  program::AccessToken copy = sample_token(program::Role::kObserver, std::nullopt, "a1");
  program::AccessToken fresh = sample_token(program::Role::kObserver, filled.partners[2], "d4");
  // A store may run the work more than once (store.hpp): what each write gave is checked on the last run.
  std::optional<core::Result<program::TokenId>> known;
  std::optional<core::Result<program::TokenId>> inserted;
  write([&](StoreSession& s) -> core::Status {
    known = s.insert_token(copy);
    inserted = s.insert_token(fresh);
    return inserted->ok() ? core::Status() : core::Status(inserted->error());
  });
  EXPECT_TRUE(fails_with(*known, ErrorKind::kConflict));
  fresh.id = must(*inserted);
  filled.expected.tokens.push_back(fresh);
  const program::AccessToken stranger = sample_token(program::Role::kRepresentative, 5353, "e5");
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) -> core::Status {
    auto id = s.insert_token(stranger);
    return id.ok() ? core::Status() : core::Status(id.error());
  }),
                         ErrorKind::kNotFound, "5353"));
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, TheAuditLogAppendsWithoutGapsAndPages) {
  Filled filled = fill();
  write([&](StoreSession& s) -> core::Status {
    for (std::int64_t sequence = 3; sequence <= 7; ++sequence) {
      must(s.append_audit(sample_audit(sequence)));
      filled.expected.audit.push_back(sample_audit(sequence));
    }
    return {};
  });
  const auto& audit = filled.expected.audit;
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.last_audit(); }) == audit.back());
  const auto page = read_in(store(), [](StoreSession& s) { return s.audit_entries(2, 3); });
  EXPECT_EQ(page, std::vector<program::AuditEntry>(audit.begin() + 2, audit.begin() + 5));
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.audit_entries(7, 10); }).empty());
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.audit_entries(0, 100); }), audit);
  for (const std::int64_t wrong : {7, 9, 0}) {
    EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.append_audit(sample_audit(wrong)); }),
                           ErrorKind::kConflict, "8"))
        << wrong;
  }
  expect_same(snapshot(store()), filled.expected);
}

TEST_P(StoreContract, AnEmptyAuditLogHasNoLastEntry) {
  EXPECT_FALSE(read_in(store(), [](StoreSession& s) { return s.last_audit(); }).has_value());
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.audit_entries(0, 10); }).empty());
  EXPECT_TRUE(fails_with(store().transact([](StoreSession& s) { return s.append_audit(sample_audit(2)); }),
                         ErrorKind::kConflict, "1"));
}

TEST_P(StoreContract, TheVersionIsTheNewestAuditSequence) {
  EXPECT_EQ(must(store().version()), 0);
  fill();
  EXPECT_EQ(must(store().version()), 2);
  write([](StoreSession& s) { return s.append_audit(sample_audit(3)); });
  EXPECT_EQ(must(store().version()), 3);
  const core::Status undone = store().transact([](StoreSession& s) -> core::Status {
    must(s.append_audit(sample_audit(4)));
    return core::make_error(ErrorKind::kConflict, "rolled back");
  });
  EXPECT_FALSE(undone.ok());
  EXPECT_EQ(must(store().version()), 3);
}

}  // namespace
}  // namespace covalue::testing
