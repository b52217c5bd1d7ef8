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

//! An outcome's entry about one initiative (a decision or a lead) beside the initiative it is about.
template <typename Entry>
struct AboutInitiative {
  const Entry* entry{nullptr};
  const net::Initiative* initiative{nullptr};  //!< null when the snapshot does not know it
};

template <typename Entry>
std::vector<AboutInitiative<Entry>> about_initiatives(const Snapshot& snapshot, const std::vector<Entry>& entries) {
  std::vector<AboutInitiative<Entry>> rows;
  rows.reserve(entries.size());
  for (const Entry& entry : entries) {
    rows.push_back({&entry, snapshot.find_initiative(entry.initiative)});
  }
  return rows;
}

template <typename Entry>
ReportColumn<AboutInitiative<Entry>> initiative_id_column() {
  return {"initiative", "Initiative",
          [](const AboutInitiative<Entry>& r) { return ReportCell::of_integer(r.entry->initiative); }};
}

ReportTable decisions_table(const Snapshot& snapshot, const net::CycleOutcome& outcome) {
  using R = AboutInitiative<net::InitiativeDecision>;
  const std::vector<ReportColumn<R>> columns{
      initiative_id_column<net::InitiativeDecision>(),
      detail::initiative_column<R>("title", "Title", detail::title_cell),
      detail::initiative_column<R>("cost", "Cost", detail::cost_cell),
      detail::initiative_column<R>("network_value", "Network value", detail::network_value_cell),
      {"selected", "Selected", [](const R& r) { return detail::yes_no(r.entry->selected); }},
      {"reason", "Reason", [](const R& r) { return ReportCell::of_text(net::name_of(r.entry->reason)); }},
      {"explanation", "Explanation", [](const R& r) { return ReportCell::of_text(r.entry->explanation); }},
  };
  return table_of("decisions", "Decisions", columns, about_initiatives(snapshot, outcome.decisions),
                  {"network_value: the sum of the initiative's estimated impacts on every partner."});
}

std::vector<ReportColumn<net::PartnerResult>> partner_columns(const Snapshot& snapshot) {
  using R = net::PartnerResult;
  std::vector<ReportColumn<R>> columns{
      {"partner", "Partner", [](const R& r) { return ReportCell::of_integer(r.partner); }},
      {"name", "Name", [&](const R& r) { return ReportCell::of_text(detail::partner_name(snapshot, r.partner)); }},
  };
  detail::append_columns(columns, detail::pick_columns<R>(detail::result_catalogue(),
                                                          {"weight", "estimated_value", "deoptimisation", "allocation",
                                                           "transfer", "net_value", "voted", "supported",
                                                           "supported_selected", "dry", "dry_spell", "protected"},
                                                          [](const R& r) -> const R& { return r; }));
  return columns;
}

ReportTable partners_table(const Snapshot& snapshot, const net::CycleOutcome& outcome) {
  return table_of(
      "partners", "Partners", partner_columns(snapshot), outcome.partners,
      {
          "net_value = estimated_value + transfer; allocation: its share under the sharing policy.",
          "dry: negative net value, or none of the initiatives it supported selected; protected: its dry spell had "
          "reached k when the cycle closed.",
      });
}

//! The confirmed actuals of an initiative selected in `cycle`, for every partner (empty when none, or when the
//! snapshot has no ledger).
ReportCell realised_cell(const Snapshot& snapshot, net::CycleNumber cycle, net::InitiativeId initiative) {
  if (!snapshot.realised.loaded()) {
    return ReportCell::empty();
  }
  core::Rational total;
  bool any = false;
  for (const net::RealisedValue& value : snapshot.realised) {
    if (value.cycle == cycle && value.initiative == initiative) {
      total += value.actual;
      any = true;
    }
  }
  return any ? ReportCell::of_number(total) : ReportCell::empty();
}

ReportTable leads_table(const Snapshot& snapshot, const net::CycleOutcome& outcome) {
  using R = AboutInitiative<net::LeadAssignment>;
  const std::vector<ReportColumn<R>> columns{
      initiative_id_column<net::LeadAssignment>(),
      detail::initiative_column<R>("title", "Title", detail::title_cell),
      {"lead", "Lead",
       [&](const R& r) {
         return ReportCell::of_text(r.entry->lead ? detail::partner_name(snapshot, *r.entry->lead) : "none");
       }},
      {"volunteer", "Volunteer", [](const R& r) { return detail::yes_no(r.entry->volunteer); }},
      {"delivery", "Delivery",
       [&](const R& r) {
         if (r.initiative == nullptr) {
           return ReportCell::empty();
         }
         // The close's own report reads the statuses from before the close: a led initiative is selected by it.
         return ReportCell::of_text(
             net::name_of(snapshot.realised.loaded() ? r.initiative->status : net::InitiativeStatus::kSelected));
       }},
      {"realised", "Realised value",
       [&](const R& r) { return realised_cell(snapshot, outcome.cycle, r.entry->initiative); }},
  };
  return table_of("leads", "Leads", columns, about_initiatives(snapshot, outcome.leads),
                  {"lead 'none': no partner had a free lead slot.",
                   "delivery: where its lead has brought it (delivered and reviewed ones are credited to the lead); "
                   "realised value: the actuals a coordinator confirmed, for every partner."});
}

ReportTable notes_table(const net::CycleOutcome& outcome) {
  const std::vector<ReportColumn<std::string>> columns{
      {"note", "Note", [](const std::string& note) { return ReportCell::of_text(note); }}};
  std::vector<std::string> notes;
  if (outcome.network_fair) {
    notes.emplace_back(
        "gap: how far the selection's value (certificate_objective) may be below the best possible, measured to "
        "the lower of two bounds: the solver's (solver_bound) and covalue's own exact one (proven_bound, the "
        "capacity relaxation, which ignores the fairness rules and so can be higher). Gap 0: nothing better exists.");
  }
  return table_of("notes", "How the cycle was decided", columns, outcome.notes, std::move(notes));
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

std::vector<ReportColumn<const net::Initiative*>> candidate_columns(const Snapshot& snapshot) {
  using R = const net::Initiative*;
  return {
      {"initiative", "Initiative", [](R i) { return ReportCell::of_integer(i->id); }},
      {"title", "Title", [](R i) { return detail::title_cell(*i); }},
      {"proposer", "Proposer", [&](R i) { return ReportCell::of_text(detail::partner_name(snapshot, i->proposer)); }},
      {"channel", "Channel", [](R i) { return ReportCell::of_text(net::name_of(i->channel)); }},
      {"cost", "Cost", [](R i) { return detail::cost_cell(*i); }},
      {"network_value", "Network value", [](R i) { return detail::network_value_cell(*i); }},
  };
}

//! A cycle without an outcome yet: its candidates, how many ballots are in, the scorecard beside them.
void add_open(Report& report, const Snapshot& snapshot, const net::Cycle& cycle) {
  std::vector<const net::Initiative*> candidates;
  std::vector<net::InitiativeId> ids;
  for (const net::Initiative& i : snapshot.initiatives) {
    if (i.cycle == cycle.number && i.status == net::InitiativeStatus::kProposed) {
      candidates.push_back(&i);
      ids.push_back(i.id);
    }
  }
  const auto ballots = std::count_if(snapshot.ballots.begin(), snapshot.ballots.end(),
                                     [&](const net::PartnerBallot& b) { return b.cycle == cycle.number; });
  report.summary.emplace_back("candidates", ReportCell::of_integer(static_cast<std::int64_t>(candidates.size())));
  report.summary.emplace_back("ballots_cast", ReportCell::of_integer(ballots));
  // The deadlines that are set (UTC): when the scheduler, or the coordinator, moves the cycle on.
  if (!cycle.proposals_close_at.empty()) {
    report.summary.emplace_back("proposals_close_at", ReportCell::of_text(cycle.proposals_close_at));
  }
  if (!cycle.voting_closes_at.empty()) {
    report.summary.emplace_back("voting_closes_at", ReportCell::of_text(cycle.voting_closes_at));
  }
  report.tables.push_back(table_of("candidates", "Candidates", candidate_columns(snapshot), candidates,
                                   {"The cycle is not closed yet: its candidates and the number of ballots cast so "
                                    "far; the outcome tables come once it closes."}));
  report.tables.push_back(detail::ballot_table(snapshot, cycle, ids));
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
