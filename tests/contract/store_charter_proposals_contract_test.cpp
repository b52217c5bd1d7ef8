// The storage contract, part 8: charter proposals, positions and the coordination rotation (issue 14 item 4).
#include <string>
#include <vector>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::CharterProposal;
using program::StoreSession;

TEST_P(StoreContract, TheCharterKeepsItsAmendmentRuleAndCoordination) {
  fill();
  net::Charter charter = read_in(store(), [](StoreSession& s) { return s.charter(); }).value();
  charter.amendment_rule = net::AmendmentRule::kMajority;
  charter.amendment_majority = q("3/4");
  charter.amendment_window_hours = q("1/900");
  charter.coordination = net::Coordination::kRotation;
  charter.coordination_term = 3;
  write([&](StoreSession& s) { return s.save_charter(charter); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.charter(); }), charter);
}

TEST_P(StoreContract, CharterProposalsAndPositionsRoundTrip) {
  const Filled filled = fill();
  CharterProposal proposal;
  proposal.proposed = read_in(store(), [](StoreSession& s) { return s.charter(); }).value();
  proposal.proposed.capacity = q("7/2");
  proposal.proposed.rule = net::SelectionRule::kGreedy;
  proposal.fields = {"capacity", "rule"};
  proposal.rationale = "Why: ünïcode\nand two lines";
  proposal.proposer = filled.partners[0];
  proposal.proposed_by = "token 2 (representative)";
  proposal.opened_at = "2026-12-01T09:00:00Z";
  proposal.window_ends_at = "2026-12-04T09:00:00Z";
  proposal.id = read_in(store(), [&](StoreSession& s) { return s.insert_charter_proposal(proposal); });
  CharterProposal second = proposal;
  second.proposer.reset();
  second.fields = {"unit"};
  second.id = read_in(store(), [&](StoreSession& s) { return s.insert_charter_proposal(second); });
  EXPECT_EQ(second.id, proposal.id + 1);

  const program::PartnerPosition object{filled.partners[1], program::Position::kObject, "too much",
                                        "2026-12-02T09:00:00Z", "token 3"};
  program::PartnerPosition agree{filled.partners[0], program::Position::kAgree, "", "2026-12-02T10:00:00Z", "token 2"};
  write([&](StoreSession& s) { return s.put_charter_position(proposal.id, object); });
  write([&](StoreSession& s) { return s.put_charter_position(proposal.id, agree); });
  agree.position = program::Position::kAbstain;  // a changed position replaces the earlier one
  write([&](StoreSession& s) { return s.put_charter_position(proposal.id, agree); });
  proposal.positions = {agree, object};
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.charter_proposals(); }),
            (std::vector<CharterProposal>{proposal, second}));

  proposal.state = program::ProposalState::kAdopted;
  proposal.revision = 2;
  proposal.decided_at = "2026-12-04T09:00:01Z";
  proposal.result = "adopted";
  write([&](StoreSession& s) { return s.update_charter_proposal(proposal); });
  write([&](StoreSession& s) { return s.clear_charter_positions(proposal.id); });
  proposal.positions.clear();
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.charter_proposals(); })[0], proposal);
  CharterProposal unknown = proposal;
  unknown.id = 99;
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.update_charter_proposal(unknown); }),
                         ErrorKind::kNotFound, "99"));
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) {
    return s.put_charter_position(proposal.id, {77, program::Position::kAgree, "", "t", "a"});
  }),
                         ErrorKind::kNotFound));
}

TEST_P(StoreContract, WillingPartnersAndCoordinationTerms) {
  const Filled filled = fill();
  write([&](StoreSession& s) { return s.set_willing_to_coordinate(filled.partners[1], true); });
  write([&](StoreSession& s) { return s.set_willing_to_coordinate(filled.partners[0], true); });
  write([&](StoreSession& s) { return s.set_willing_to_coordinate(filled.partners[0], true); });  // once is enough
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.willing_to_coordinate(); }),
            (std::vector<net::PartnerId>{filled.partners[0], filled.partners[1]}));
  write([&](StoreSession& s) { return s.set_willing_to_coordinate(filled.partners[0], false); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.willing_to_coordinate(); }),
            (std::vector<net::PartnerId>{filled.partners[1]}));
  const program::CoordinationTerm first{3, filled.partners[1]};
  const program::CoordinationTerm second{5, filled.partners[0]};
  write([&](StoreSession& s) { return s.insert_coordination_term(second); });
  write([&](StoreSession& s) { return s.insert_coordination_term(first); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.coordination_terms(); }),
            (std::vector<program::CoordinationTerm>{first, second}));
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.insert_coordination_term(first); }),
                         ErrorKind::kConflict, "cycle 3"));
}

}  // namespace
}  // namespace covalue::testing
