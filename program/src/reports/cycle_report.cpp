#include <algorithm>
#include <string>
#include <vector>

#include "../use_case.hpp"
#include "consensus_tables.hpp"
#include "covalue/program/report.hpp"
#include "report_support.hpp"

namespace covalue::program {
namespace {

using Summary = std::vector<std::pair<std::string, ReportCell>>;

ReportTable decisions_table(const Snapshot& snapshot, const net::CycleOutcome& outcome) {
  ReportTable table = detail::make_table(
      "decisions", "Decisions", {"initiative", "title", "cost", "network_value", "selected", "reason", "explanation"});
  for (const net::InitiativeDecision& decision : outcome.decisions) {
    const net::Initiative* initiative = snapshot.find_initiative(decision.initiative);
    table.rows.push_back({ReportCell::of_integer(decision.initiative),
                          initiative ? ReportCell::of_text(initiative->title) : ReportCell::empty(),
                          initiative ? ReportCell::of_number(initiative->cost) : ReportCell::empty(),
                          initiative ? ReportCell::of_number(initiative->network_value()) : ReportCell::empty(),
                          detail::yes_no(decision.selected), ReportCell::of_text(net::name_of(decision.reason)),
                          ReportCell::of_text(decision.explanation)});
  }
  table.notes = {"network_value: the sum of the initiative's estimated impacts on every partner."};
  return table;
}

ReportTable partners_table(const Snapshot& snapshot, const net::CycleOutcome& outcome) {
  ReportTable table =
      detail::make_table("partners", "Partners",
                         {"partner", "name", "weight", "estimated_value", "deoptimisation", "allocation", "transfer",
                          "net_value", "voted", "supported", "supported_selected", "dry", "dry_spell", "protected"});
  for (const net::PartnerResult& r : outcome.partners) {
    table.rows.push_back(
        {ReportCell::of_integer(r.partner), ReportCell::of_text(detail::partner_name(snapshot, r.partner)),
         ReportCell::of_number(r.weight), ReportCell::of_number(r.estimated_value),
         ReportCell::of_number(r.deoptimisation), ReportCell::of_number(r.allocation),
         ReportCell::of_number(r.transfer), ReportCell::of_number(r.net_value), detail::yes_no(r.voted),
         ReportCell::of_integer(r.supported), ReportCell::of_integer(r.supported_selected), detail::yes_no(r.dry),
         ReportCell::of_integer(r.dry_spell), detail::yes_no(r.protected_partner)});
  }
  table.notes = {
      "net_value = estimated_value + transfer; allocation: its share under the sharing policy.",
      "dry: negative net value, or none of the initiatives it supported selected; protected: its dry spell had "
      "reached k when the cycle closed.",
  };
  return table;
}

ReportTable leads_table(const Snapshot& snapshot, const net::CycleOutcome& outcome) {
  ReportTable table = detail::make_table("leads", "Leads", {"initiative", "title", "lead", "volunteer"});
  for (const net::LeadAssignment& lead : outcome.leads) {
    const net::Initiative* initiative = snapshot.find_initiative(lead.initiative);
    table.rows.push_back({ReportCell::of_integer(lead.initiative),
                          initiative ? ReportCell::of_text(initiative->title) : ReportCell::empty(),
                          ReportCell::of_text(lead.lead ? detail::partner_name(snapshot, *lead.lead) : "none"),
                          detail::yes_no(lead.volunteer)});
  }
  table.notes = {"lead 'none': no partner had a free lead slot."};
  return table;
}

ReportTable notes_table(const net::CycleOutcome& outcome) {
  ReportTable table = detail::make_table("notes", "How the cycle was decided", {"note"});
  for (const std::string& note : outcome.notes) {
    table.rows.push_back({ReportCell::of_text(note)});
  }
  if (outcome.network_fair) {
    table.notes = {
        "gap: how far the selection's value (certificate_objective) may be below the best possible, measured to "
        "the lower of two bounds: the solver's (solver_bound) and covalue's own exact one (proven_bound, the "
        "capacity relaxation, which ignores the fairness rules and so can be higher). Gap 0: nothing better exists."};
  }
  return table;
}

void add_sharing(Summary& summary, const Snapshot& snapshot, const net::SharingReport& sharing) {
  summary.emplace_back("sharing_policy", ReportCell::of_text(net::name_of(sharing.policy)));
  summary.emplace_back("sharing_method", ReportCell::of_text(sharing.method));
  if (sharing.method == "sampled") {
    summary.emplace_back("error_bound", ReportCell::of_percent(sharing.error_bound));
    summary.emplace_back("samples", ReportCell::of_integer(static_cast<std::int64_t>(sharing.samples)));
  }
  summary.emplace_back("in_core", ReportCell::of_text(sharing.in_core));
  if (!sharing.blocking_coalition.empty()) {
    summary.emplace_back("blocking_coalition",
                         ReportCell::of_text(detail::partner_names(snapshot, sharing.blocking_coalition)));
  }
}

void add_certificate(Summary& summary, const net::NetworkFairCertificate& certificate) {
  summary.emplace_back("certificate_status", ReportCell::of_text(certificate.status));
  summary.emplace_back("solved_by", ReportCell::of_text(certificate.solver));
  if (!certificate.note.empty()) {
    summary.emplace_back("solver_note", ReportCell::of_text(certificate.note));
  }
  summary.emplace_back("certificate_objective", ReportCell::of_number(certificate.objective));
  summary.emplace_back("solver_bound", ReportCell::of_number(certificate.solver_bound));
  summary.emplace_back("proven_bound", ReportCell::of_number(certificate.proven_bound));
  summary.emplace_back("gap", ReportCell::of_number(certificate.gap));
  summary.emplace_back("nodes", ReportCell::of_integer(static_cast<std::int64_t>(certificate.nodes)));
  summary.emplace_back("rechecked", detail::yes_no(certificate.rechecked));
}

void add_outcome(Report& report, const Snapshot& snapshot, const net::CycleOutcome& outcome) {
  const std::int64_t selected = detail::selected_count(outcome);
  report.summary.emplace_back("spent", ReportCell::of_number(outcome.spent));
  report.summary.emplace_back("selected", ReportCell::of_integer(selected));
  report.summary.emplace_back("network_value", ReportCell::of_number(outcome.network_value));
  add_sharing(report.summary, snapshot, outcome.sharing);
  if (outcome.network_fair) {
    add_certificate(report.summary, *outcome.network_fair);
  }
  if (outcome.consensus) {
    detail::add_consensus(report, snapshot, outcome);
  }
  report.tables.push_back(decisions_table(snapshot, outcome));
  report.tables.push_back(partners_table(snapshot, outcome));
  report.tables.push_back(leads_table(snapshot, outcome));
  report.tables.push_back(notes_table(outcome));
}

//! A cycle without an outcome yet: its candidates, how many ballots are in, the scorecard beside them.
void add_open(Report& report, const Snapshot& snapshot, const net::Cycle& cycle) {
  ReportTable table = detail::make_table("candidates", "Candidates",
                                         {"initiative", "title", "proposer", "channel", "cost", "network_value"});
  std::vector<net::InitiativeId> candidates;
  for (const net::Initiative& i : snapshot.initiatives) {
    if (i.cycle == cycle.number && i.status == net::InitiativeStatus::kProposed) {
      candidates.push_back(i.id);
      table.rows.push_back({ReportCell::of_integer(i.id), ReportCell::of_text(i.title),
                            ReportCell::of_text(detail::partner_name(snapshot, i.proposer)),
                            ReportCell::of_text(net::name_of(i.channel)), ReportCell::of_number(i.cost),
                            ReportCell::of_number(i.network_value())});
    }
  }
  const auto ballots = std::count_if(snapshot.ballots.begin(), snapshot.ballots.end(),
                                     [&](const net::PartnerBallot& b) { return b.cycle == cycle.number; });
  report.summary.emplace_back("candidates", ReportCell::of_integer(static_cast<std::int64_t>(table.rows.size())));
  report.summary.emplace_back("ballots_cast", ReportCell::of_integer(ballots));
  table.notes = {
      "The cycle is not closed yet: its candidates and the number of ballots cast so far; the outcome "
      "tables come once it closes."};
  report.tables.push_back(std::move(table));
  report.tables.push_back(detail::ballot_table(snapshot, cycle, candidates));
}

//! The report's head: the cycle's number, state, rule and capacity.
Report cycle_summary(const net::Cycle& cycle) {
  Report report{"cycle", {}, {}};
  report.summary = {{"cycle", ReportCell::of_integer(cycle.number)},
                    {"state", ReportCell::of_text(net::name_of(cycle.state))},
                    {"rule", ReportCell::of_text(net::name_of(cycle.rule))},
                    {"capacity", ReportCell::of_number(cycle.capacity)}};
  return report;
}

}  // namespace

core::Result<Report> cycle_report(const Snapshot& snapshot, net::CycleNumber cycle) {
  core::Result<const net::Cycle*> required = snapshot.require_cycle(cycle);
  if (!required) {
    return required.error();
  }
  const net::Cycle* found = *required;
  if (const net::CycleOutcome* outcome = snapshot.find_outcome(cycle); outcome != nullptr) {
    return closed_cycle_report(snapshot, *found, *outcome);
  }
  Report report = cycle_summary(*found);
  add_open(report, snapshot, *found);
  return report;
}

Report closed_cycle_report(const Snapshot& snapshot, const net::Cycle& cycle, const net::CycleOutcome& outcome) {
  Report report = cycle_summary(cycle);
  add_outcome(report, snapshot, outcome);
  return report;
}

}  // namespace covalue::program
