// Charter proposals, the partners' positions on them, and the coordination rotation (issue 14 item 4).
#include <nlohmann/json.hpp>

#include "covalue/adapters/json/program_json.hpp"
#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using CP = program::CharterProposal;
using PP = program::PartnerPosition;
using CT = program::CoordinationTerm;

//! `proposed`: the proposed charter as a JSON document.
struct ProposedCharter {
  void read(RowReader& row, int column, CP& proposal) const {
    const std::string what = "charter_proposals.proposed of proposal " + std::to_string(proposal.id);
    const auto document = nlohmann::json::parse(row.text(column), nullptr, false);
    if (document.is_discarded()) {
      row.fail(corrupt(what, make_error(ErrorKind::kInternal, "not JSON")));
      return;
    }
    core::Result<net::Charter> proposed = json::charter_from_json(document, "proposed", net::Charter{});
    if (!proposed) {
      row.fail(corrupt(what, make_error(ErrorKind::kInternal, proposed.error().to_string())));
      return;
    }
    proposal.proposed = std::move(*proposed);
  }
  void bind(Statement& statement, const CP& proposal) const {
    statement.bind_text(json::charter_to_json(proposal.proposed).dump());
  }
};

constexpr Columns<&CP::id, ProposedCharter{}, CommaList<&CP::fields>{}, &CP::rationale, &CP::proposer, &CP::proposed_by,
                  &CP::revision, &CP::opened_at, &CP::window_ends_at, &CP::state, &CP::decided_at, &CP::result>
    kProposal{};
//! A position, after its proposal's id (column 0 of a row of charter_positions).
constexpr Columns<&PP::partner, &PP::position, &PP::reason, &PP::at, &PP::actor> kPosition{};
constexpr Columns<&CT::first_cycle, &CT::partner> kTerm{};

}  // namespace

core::Result<program::ProposalId> Session::insert_charter_proposal(const program::CharterProposal& proposal) {
  auto inserted = insert_numbered(sq::kInsertCharterProposal, kProposal, proposal);
  if (!inserted.ok()) {
    return explain(inserted.error(), proposal.proposer ? std::vector<Reference>{partner_ref(*proposal.proposer)}
                                                       : std::vector<Reference>{});
  }
  return inserted;
}

core::Status Session::update_charter_proposal(const program::CharterProposal& proposal) {
  auto changed = atomically([&] { return update_row(sq::kUpdateCharterProposal, kProposal, proposal, proposal.id); });
  return one_changed(changed, make_error(ErrorKind::kNotFound,
                                         "no charter proposal with id " + std::to_string(proposal.id), "proposal"));
}

core::Result<std::vector<program::CharterProposal>> Session::charter_proposals() {
  return with_children<&CP::positions>(rows(sq::kCharterProposals, "charter_proposals", kProposal),
                                       sq::kCharterPositions, "charter_positions", kPosition);
}

core::Status Session::put_charter_position(program::ProposalId proposal, const program::PartnerPosition& position) {
  auto stored = write_row(sq::kPutCharterPosition, kPosition, position, proposal);
  return stored.ok() ? stored : core::Status(explain(stored.error(), {partner_ref(position.partner)}));
}

core::Status Session::clear_charter_positions(program::ProposalId proposal) {
  return write(sq::kClearCharterPositions, proposal);
}

core::Status Session::set_willing_to_coordinate(net::PartnerId partner, bool willing) {
  auto stored = write(willing ? sq::kAddWilling : sq::kRemoveWilling, partner);
  return stored.ok() ? stored : core::Status(explain(stored.error(), {partner_ref(partner)}));
}

core::Result<std::vector<net::PartnerId>> Session::willing_to_coordinate() {
  return rows(sq::kWilling, "coordination_willing", [](RowReader& row) { return row.integer(0); });
}

core::Status Session::insert_coordination_term(const program::CoordinationTerm& term) {
  auto stored = write_row(sq::kInsertCoordinationTerm, kTerm, term);
  if (!stored.ok()) {
    return explain(on_conflict(stored.error(),
                               "a coordination term starts in cycle " + std::to_string(term.first_cycle) + " already"),
                   {partner_ref(term.partner)});
  }
  return {};
}

core::Result<std::vector<program::CoordinationTerm>> Session::coordination_terms() {
  return rows(sq::kCoordinationTerms, "coordination_terms", kTerm);
}

}  // namespace covalue::adapters::sql
