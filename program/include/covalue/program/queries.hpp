#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/network/scorecard.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/home.hpp"
#include "covalue/program/progress.hpp"
#include "covalue/program/report.hpp"
#include "covalue/program/snapshot.hpp"
#include "covalue/program/store.hpp"

namespace covalue::program {

//! The kNotFound message of a network without a scorecard (where "scorecard"; the CLI adds how to define one).
inline constexpr std::string_view kNoScorecardMessage = "the network has no scorecard";
//! The kConflict message ending of a ballot sent to a cycle still proposing (the CLI adds how to start voting).
inline constexpr std::string_view kStillProposingEnding = " is still proposing";

//! Which initiatives a listing keeps; every field left empty keeps all.
struct InitiativeFilter {
  std::optional<net::InitiativeStatus> status{};  //!< only this status
  std::optional<net::CycleNumber> cycle{};        //!< only those up for decision in this cycle
  std::optional<net::PartnerId> proposer{};       //!< only this partner's proposals
  bool undecided_only{false};                     //!< only proposed or carried-over ones

  //! True when `initiative` passes every condition set.
  [[nodiscard]] bool keeps(const net::Initiative& initiative) const;
};

//! One partner with the objectives it stated.
struct PartnerView {
  net::Partner partner;
  std::vector<net::Objective> objectives;
};

//! The scorecard and the undecided initiatives ranked by it.
struct ScorecardView {
  net::Scorecard scorecard;
  std::vector<net::ScorecardEntry> ranking;
};

//! One cycle of the dashboard's series.
struct DashboardCycle {
  net::CycleNumber number{0};
  net::CycleState state{net::CycleState::kProposing};
  std::optional<core::Rational> estimated_value;  //!< the network value of its selection, once decided
  core::Rational realised_value;                  //!< the actuals recorded for it
  core::Rational cumulative_estimated;
  core::Rational cumulative_realised;
  std::optional<core::Rational> participation_rate;  //!< members who voted / members, once decided
  std::optional<core::Rational> gini;                //!< of the cumulative net values so far, once decided
  std::optional<std::int64_t> max_dry_spell;         //!< once decided
};

//! One partner of the dashboard: series aligned with the cycles, and its retention risk.
struct DashboardPartner {
  net::Partner partner;
  std::vector<core::Rational> cumulative_net_value;    //!< after each cycle
  std::vector<std::optional<std::int64_t>> dry_spell;  //!< empty where it is not in that cycle's outcome
  std::optional<std::int64_t> risk_score;              //!< none for a partner that left
  std::optional<std::string> risk_band;                //!< "low", "medium", "high"; none once it left
  std::string risk_reasons;                            //!< the engagement report's reasons ("left from cycle 3")
};

//! The chart series of the web UI: the network, per cycle and per partner (the network and engagement
//! reports' figures, typed).
struct Dashboard {
  net::Charter charter;
  std::vector<DashboardCycle> cycles;      //!< by number
  std::vector<DashboardPartner> partners;  //!< by id
};

//! The reads of the program: each one read transaction on the store, done on behalf of one Actor and
//! showing only what it may see. Every actor may read the network (observers read); in a cycle still
//! open another partner's ballot shows that it voted but not what (the operator sees everything), and
//! a closed cycle's ballots follow the charter's disclosure when listed one by one (ballots()); the
//! reports' aggregates count every ballot of a closed cycle. Errors name the id at fault ("cycle",
//! "partner", "initiative"); a store without a network is kNotFound (kNoNetworkMessage).
class Queries {
 public:
  Queries(Store& store, Actor actor);

  //! The charter.
  [[nodiscard]] core::Result<net::Charter> network();
  //! Every partner, by id.
  [[nodiscard]] core::Result<std::vector<net::Partner>> partners();
  //! One partner (by id) and its objectives.
  [[nodiscard]] core::Result<PartnerView> partner(net::PartnerId id);
  //! A partner by id ("12") or by name, as people type it; kNotFound naming `where` otherwise.
  [[nodiscard]] core::Result<net::Partner> find_partner(const std::string& reference, const std::string& where);
  //! Every objective.
  [[nodiscard]] core::Result<std::vector<net::Objective>> objectives();
  //! The initiatives `filter` keeps, by id.
  [[nodiscard]] core::Result<std::vector<net::Initiative>> initiatives(const InitiativeFilter& filter = {});
  //! One initiative.
  [[nodiscard]] core::Result<net::Initiative> initiative(net::InitiativeId id);
  //! The scores of one initiative.
  [[nodiscard]] core::Result<std::vector<net::InitiativeScore>> scores(net::InitiativeId initiative);
  //! The scorecard and the ranking of the undecided initiatives; kNotFound when there is none.
  [[nodiscard]] core::Result<ScorecardView> scorecard();
  //! Every cycle, by number.
  [[nodiscard]] core::Result<std::vector<net::Cycle>> cycles();
  //! One cycle (the one "no cycle N" error when unknown).
  [[nodiscard]] core::Result<net::Cycle> cycle(net::CycleNumber number);
  //! The newest cycle; kNotFound when none was opened.
  [[nodiscard]] core::Result<net::Cycle> current_cycle();
  //! A closed cycle's outcome record; kNotFound when the cycle has none (yet).
  [[nodiscard]] core::Result<net::CycleOutcome> outcome(net::CycleNumber number);
  //! The ballots of a cycle this actor may see (see the class comment).
  [[nodiscard]] core::Result<std::vector<net::PartnerBallot>> ballots(net::CycleNumber number);
  //! Every realised value.
  [[nodiscard]] core::Result<std::vector<net::RealisedValue>> actuals();
  //! Every KPI measurement.
  [[nodiscard]] core::Result<std::vector<net::KpiMeasurement>> kpis();
  //! The chart series of the web UI.
  [[nodiscard]] core::Result<Dashboard> dashboard();
  //! This actor's home at the moment `now` (home.hpp): what is asked of its partner, or what needs attention.
  [[nodiscard]] core::Result<Home> home(UtcSeconds now);

  //! The reports (report.hpp), each from what this actor may see.
  [[nodiscard]] core::Result<Report> network_report();
  [[nodiscard]] core::Result<Report> fairness_report();
  [[nodiscard]] core::Result<Report> engagement_report();
  [[nodiscard]] core::Result<Report> kpi_report();
  [[nodiscard]] core::Result<Report> scorecard_report();
  //! Every partner's figures; with `partner`, its cycle-by-cycle history as well.
  [[nodiscard]] core::Result<Report> partner_report(std::optional<net::PartnerId> partner);
  //! One cycle's report; without a number, the newest cycle's (the "no cycle 0" error when none).
  [[nodiscard]] core::Result<Report> cycle_report(std::optional<net::CycleNumber> number);

  //! Everything, as this actor may see it (for the shells' listings that no query covers yet).
  [[nodiscard]] core::Result<Snapshot> snapshot();

  // Delivery by the lead (issue 14 items 3 and 6).
  //! An initiative's delivery: milestones, updates, estimated against realised value per partner.
  [[nodiscard]] core::Result<InitiativeProgress> initiative_progress(net::InitiativeId id);
  //! The delivery progress of a cycle's selected initiatives.
  [[nodiscard]] core::Result<CycleProgress> cycle_progress(net::CycleNumber number);
  //! The selected initiatives a partner leads (or led), newest first, with their value realised.
  [[nodiscard]] core::Result<std::vector<LeadRecord>> partner_leads(net::PartnerId partner);

 private:
  //! Reads `parts` in one transaction and hides what the actor may not see.
  [[nodiscard]] core::Result<Snapshot> visible(SnapshotParts parts);

  Store& store_;
  Actor actor_;
};

//! The scorecard view of a snapshot (with its scorecard part): the one ranking of the undecided
//! initiatives that the API and the scorecard report show. kNotFound (where "scorecard") when none.
[[nodiscard]] core::Result<ScorecardView> scorecard_view(const Snapshot& snapshot);

//! The dashboard of a snapshot (every part but the scorecard).
[[nodiscard]] core::Result<Dashboard> dashboard_of(const Snapshot& snapshot);

}  // namespace covalue::program
