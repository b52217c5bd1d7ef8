#pragma once

// The handlers of the route table, one per route, grouped by file (handlers_*.cpp).

#include "route_table.hpp"

namespace covalue::server {

//! handlers_reads.cpp: the document, the session, the dashboard and the reports.
[[nodiscard]] core::Result<Reply> handle_openapi(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_session(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_dashboard(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_report(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_partner_report(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_report(RouteCall& call);

//! handlers_home.cpp: the caller's home (what is asked of its partner now, what needs attention).
[[nodiscard]] core::Result<Reply> handle_home(RouteCall& call);

//! handlers_network.cpp: the network, its partners and their objectives.
[[nodiscard]] core::Result<Reply> handle_network_init(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_network_show(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_charter_update(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_partner_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_partner_add(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_partner_show(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_partner_leave(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_objective_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_objective_add(RouteCall& call);

//! handlers_initiatives.cpp: initiatives, the scorecard and scores.
[[nodiscard]] core::Result<Reply> handle_initiative_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_initiative_propose(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_initiative_show(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_initiative_withdraw(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_volunteer(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_stand_down(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_scorecard_show(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_scorecard_define(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_score_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_score_put(RouteCall& call);

//! handlers_cycles.cpp: cycles, ballots, outcomes and the ledger.
[[nodiscard]] core::Result<Reply> handle_cycle_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_open(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_show(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_voting(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_deadlines(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_close(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_review(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_shortlist(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_ballot_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_ballot_cast(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_outcome(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_actual_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_actual_record(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_kpi_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_kpi_record(RouteCall& call);

//! handlers_access.cpp: people, tokens and the audit log.
[[nodiscard]] core::Result<Reply> handle_person_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_person_add(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_person_remove(RouteCall& call);

// handlers_sign_in.cpp
[[nodiscard]] core::Result<Reply> handle_sign_in(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_sign_out(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_set_password(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_password_link(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_revoke_sessions(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_token_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_token_issue(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_token_revoke(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_audit_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_audit_verify(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_inbox(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_inbox_read(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_inbox_read_all(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_delivery_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_delivery_retry(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_webhook_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_webhook_add(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_webhook_remove(RouteCall& call);

//! handlers_admin.cpp: the networks of the database (administrators only).
[[nodiscard]] core::Result<Reply> handle_networks_list(RouteCall& call);
//! GET /api/networks/{network}/export: the network's archive (docs/archive.md), as `network export` writes it.
[[nodiscard]] core::Result<Reply> handle_network_export(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_networks_create(RouteCall& call);

//! handlers_delegation.cpp: delegations of a cycle's ballots, and the turnout a close is checked against.
[[nodiscard]] core::Result<Reply> handle_delegation_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_delegation_add(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_delegation_revoke(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_turnout(RouteCall& call);
//! handlers_simulations.cpp: what if, the current charter against a changed one on simulations (coordinators).
[[nodiscard]] core::Result<Reply> handle_simulation_start(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_simulation_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_simulation_show(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_simulation_cancel(RouteCall& call);
// Discussion, follow and activity (handlers_discussion.cpp).
[[nodiscard]] core::Result<Reply> handle_thread(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_comment_post(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_comment_edit(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_comment_delete(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_comment_hide(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_comment_history(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_follow(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_unfollow(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_activity(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_activity_seen(RouteCall& call);
//! handlers_charter.cpp: charter proposals and the coordination rotation (issue 14 item 4).
[[nodiscard]] core::Result<Reply> handle_charter_proposal_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_charter_propose(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_charter_proposal_show(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_charter_revise(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_charter_position(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_charter_decide(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_coordination_show(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_coordination_willing(RouteCall& call);
//! handlers_progress.cpp: delivery by the lead (progress updates, milestones, status, realised value).
[[nodiscard]] core::Result<Reply> handle_initiative_delivery(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_update_post(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_milestone_add(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_milestone_change(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_milestone_remove(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_delivery_status(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_lead_value(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_lead_value_confirm(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_cycle_delivery(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_partner_leads(RouteCall& call);
//! handlers_preferences.cpp: notification preferences and the one-click unsubscribe link (issue 13 item 5).
[[nodiscard]] core::Result<Reply> handle_preferences(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_preferences_set(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_person_preferences(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_unsubscribe_check(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_unsubscribe(RouteCall& call);
//! handlers_charter.cpp: withdrawing a charter proposal and the coordinator election (issue 14, what remained).
[[nodiscard]] core::Result<Reply> handle_charter_withdraw(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_election_list(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_election_vote(RouteCall& call);
[[nodiscard]] core::Result<Reply> handle_election_decide(RouteCall& call);

}  // namespace covalue::server
