// Charter proposals, the partners' positions on them, and the coordination rotation (issue 14 item 4).
#include <nlohmann/json.hpp>

#include <algorithm>

#include "covalue/adapters/json/program_json.hpp"
#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

//! "capacity,rule": the fields of a proposal as stored.
std::string join_fields(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& field : fields) {
    out += (out.empty() ? "" : ",") + field;
  }
  return out;
}

std::vector<std::string> split_fields(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(',', at);
    end = end == std::string::npos ? text.size() : end;
    out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

//! Binds a proposal's columns after its id (insert) or before its key (update), in the statements' order.
Statement& bind_proposal(Statement& query, const program::CharterProposal& p) {
  return query.bind_text(json::charter_to_json(p.proposed).dump())
      .bind_text(join_fields(p.fields))
      .bind_text(p.rationale)
      .bind(p.proposer)
      .bind_text(p.proposed_by)
      .bind_int(p.revision)
      .bind_text(p.opened_at)
      .bind_text(p.window_ends_at)
      .bind_text(program::name_of(p.state))
      .bind_text(p.decided_at)
      .bind_text(p.result);
}

core::Result<program::CharterProposal> read_proposal(RowReader& row) {
  program::CharterProposal p;
  p.id = row.integer(0);
  const std::string what = "charter_proposals.proposed of proposal " + std::to_string(p.id);
  const auto document = nlohmann::json::parse(row.text(1), nullptr, false);
  if (document.is_discarded()) {
    return corrupt(what, make_error(ErrorKind::kInternal, "not JSON"));
  }
  core::Result<net::Charter> proposed = json::charter_from_json(document, "proposed", net::Charter{});
  if (!proposed) {
    return corrupt(what, make_error(ErrorKind::kInternal, proposed.error().to_string()));
  }
  p.proposed = std::move(*proposed);
  p.fields = split_fields(row.text(2));
  p.rationale = row.text(3);
  p.proposer = row.optional_integer(4);
  p.proposed_by = row.text(5);
  p.revision = row.integer(6);
  p.opened_at = row.text(7);
  p.window_ends_at = row.text(8);
  p.state = row.name(9, core::parse_name<program::ProposalState>);
  p.decided_at = row.text(10);
  p.result = row.text(11);
  if (!row.ok()) {
    return row.error();
  }
  return p;
}

//! A row of charter_positions after its owner's id (column 0).
program::PartnerPosition read_position(RowReader& row) {
  program::PartnerPosition position;
  position.partner = row.integer(1);
  position.position = row.name(2, core::parse_name<program::Position>);
  position.reason = row.text(3);
  position.at = row.text(4);
  position.actor = row.text(5);
  return position;
}

}  // namespace

core::Result<program::ProposalId> Session::insert_charter_proposal(const program::CharterProposal& proposal) {
  auto inserted = atomically([&]() -> core::Result<std::int64_t> {
    Statement query = in_network(sq::kInsertCharterProposal);
    query.bind_int(network_);
    bind_proposal(query, proposal);
    return query.single_int();
  });
  if (!inserted.ok()) {
    return explain(inserted.error(), proposal.proposer ? std::vector<Reference>{partner_ref(*proposal.proposer)}
                                                       : std::vector<Reference>{});
  }
  return inserted;
}

core::Status Session::update_charter_proposal(const program::CharterProposal& proposal) {
  return atomically([&]() -> core::Status {
    Statement query = db_.prepare(sq::kUpdateCharterProposal);
    bind_proposal(query, proposal).bind_int(network_).bind_int(proposal.id);
    auto changed = query.changed();
    if (!changed.ok()) {
      return changed.error();
    }
    if (*changed == 0) {
      return make_error(ErrorKind::kNotFound, "no charter proposal with id " + std::to_string(proposal.id), "proposal");
    }
    return {};
  });
}

core::Result<std::vector<program::CharterProposal>> Session::charter_proposals() {
  Statement query = in_network(sq::kCharterProposals);
  std::vector<program::CharterProposal> out;
  for (;;) {
    auto row = query.step();
    if (!row.ok()) {
      return row.error();
    }
    if (!*row) {
      break;
    }
    RowReader reader(query, "charter_proposals");
    core::Result<program::CharterProposal> proposal = read_proposal(reader);
    if (!proposal) {
      return proposal.error();
    }
    out.push_back(std::move(*proposal));
  }
  Statement positions = in_network(sq::kCharterPositions);
  const auto id_of = [](const program::CharterProposal& proposal) { return proposal.id; };
  core::Status attached = attach_rows(
      positions, "charter_positions", out, id_of,
      [](program::CharterProposal& proposal, RowReader& row) { proposal.positions.push_back(read_position(row)); });
  if (!attached) {
    return attached.error();
  }
  return out;
}

core::Status Session::put_charter_position(program::ProposalId proposal, const program::PartnerPosition& position) {
  auto stored = atomically([&]() -> core::Status {
    return in_network(sq::kPutCharterPosition)
        .bind_int(proposal)
        .bind_int(position.partner)
        .bind_text(program::name_of(position.position))
        .bind_text(position.reason)
        .bind_text(position.at)
        .bind_text(position.actor)
        .run();
  });
  if (!stored.ok()) {
    return explain(stored.error(), {partner_ref(position.partner)});
  }
  return {};
}

core::Status Session::clear_charter_positions(program::ProposalId proposal) {
  return atomically([&]() -> core::Status { return in_network(sq::kClearCharterPositions).bind_int(proposal).run(); });
}

core::Status Session::set_willing_to_coordinate(net::PartnerId partner, bool willing) {
  auto stored = atomically([&]() -> core::Status {
    return in_network(willing ? sq::kAddWilling : sq::kRemoveWilling).bind_int(partner).run();
  });
  if (!stored.ok()) {
    return explain(stored.error(), {partner_ref(partner)});
  }
  return {};
}

core::Result<std::vector<net::PartnerId>> Session::willing_to_coordinate() {
  Statement query = in_network(sq::kWilling);
  return read_rows(query, "coordination_willing", [](RowReader& row) { return row.integer(0); });
}

core::Status Session::insert_coordination_term(const program::CoordinationTerm& term) {
  auto stored = atomically([&]() -> core::Status {
    return in_network(sq::kInsertCoordinationTerm).bind_int(term.first_cycle).bind_int(term.partner).run();
  });
  if (!stored.ok()) {
    return explain(on_conflict(stored.error(),
                               "a coordination term starts in cycle " + std::to_string(term.first_cycle) + " already"),
                   {partner_ref(term.partner)});
  }
  return {};
}

core::Result<std::vector<program::CoordinationTerm>> Session::coordination_terms() {
  Statement query = in_network(sq::kCoordinationTerms);
  return read_rows(query, "coordination_terms", [](RowReader& row) {
    return program::CoordinationTerm{row.integer(0), row.integer(1)};
  });
}

}  // namespace covalue::adapters::sql
