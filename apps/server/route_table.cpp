// The route table: every route of the API, and matching a request against it.
#include "route_table.hpp"

#include <algorithm>
#include <charconv>

#include "covalue/core/text.hpp"

#include "handlers.hpp"

namespace covalue::server {

namespace {

using enum Method;
using enum Access;

//! Partner 1 and initiative 1 in the examples: the role x endpoint tests give them meaning.
std::vector<Route> route_table() {
  return {
      {kGet, "/api/openapi.json", "openapi", "meta", "This document (OpenAPI 3)", kPublic, "", "OpenApi", 200, "", "",
       handle_openapi},
      {kGet, "/api/session", "session", "meta", "Who the bearer token (or the session cookie) stands for", kSignedIn,
       "", "Session", 200, "", "", handle_session},
      {kPost, "/api/session", "signIn", "meta",
       "Sign in with e-mail and password: a browser session in an HttpOnly, SameSite=Strict cookie", kCredentials,
       "SignIn", "SignedIn", 201, "", R"({"email":"ana@example.org","password":"not the password"})", handle_sign_in},
      {kDelete, "/api/session", "signOut", "meta",
       "Sign out: end the browser session of the cookie (a token stays valid: signed_out is false)", kSignedIn, "",
       "SignedOut", 200, "", "", handle_sign_out},
      {kPost, "/api/password", "setPassword", "meta",
       "Set (or reset) a person's password with a one-time set-password link", kCredentials, "PasswordInput",
       "PasswordSet", 200, "", R"({"link":"cvp_unknown","password":"a long passphrase"})", handle_set_password},
      {kGet, "/api/dashboard", "dashboard", "reports", "Chart series of the web UI: per cycle and per partner", kReader,
       "", "Dashboard", 200, "", "", handle_dashboard},
      {kGet, "/api/home", "home", "reports",
       "The caller's home: the open cycle; for a representative what is asked of its partner now, its standing and "
       "who pays whom in the newest closed cycle; for a coordinator what needs attention and who has voted (never "
       "how)",
       kReader, "", "Home", 200, "", "", handle_home},

      {kPost, "/api/network", "initNetwork", "network", "Create the network with its charter", kCoordinator, "Charter",
       "Charter", 201, "", R"({"name":"Example network","capacity":"100","rule":"mes"})", handle_network_init},
      {kGet, "/api/network", "showNetwork", "network", "The charter", kReader, "", "Charter", 200, "", "",
       handle_network_show},
      {kPatch, "/api/network", "updateCharter", "network", "Change the charter's policies (members given replace)",
       kCoordinator, "CharterUpdate", "Charter", 200, "", R"({"capacity":"120"})", handle_charter_update},

      {kGet, "/api/partners", "listPartners", "partners", "Every partner", kReader, "", "PartnerList", 200, "", "",
       handle_partner_list},
      {kPost, "/api/partners", "addPartner", "partners", "Add a partner", kCoordinator, "NewPartner", "Partner", 201,
       "", R"({"name":"Example partner","tier":"retailer"})", handle_partner_add},
      {kGet, "/api/partners/{partner}", "showPartner", "partners", "One partner", kReader, "", "Partner", 200, "", "",
       handle_partner_show},
      {kPost, "/api/partners/{partner}/leave", "leavePartner", "partners", "The partner leaves the network",
       kCoordinator, "", "Partner", 200, "", "", handle_partner_leave},

      {kGet, "/api/objectives", "listObjectives", "partners", "Every objective", kReader, "", "ObjectiveList", 200, "",
       "", handle_objective_list},
      {kPost, "/api/objectives", "addObjective", "partners", "State a partner's objective (a KPI with a target)",
       kPartnerOrCoordinator, "NewObjective", "Objective", 201, "",
       R"({"partner":1,"kpi":"on_time_delivery","unit":"%","baseline":"90","target":"97"})", handle_objective_add},

      {kGet, "/api/initiatives", "listInitiatives", "initiatives", "Initiatives, optionally of one status or cycle",
       kReader, "", "InitiativeList", 200, "status,cycle", "", handle_initiative_list},
      {kPost, "/api/initiatives", "proposeInitiative", "initiatives", "Propose an initiative", kPartnerOrCoordinator,
       "NewInitiative", "Initiative", 201, "",
       R"({"title":"Example initiative","proposer":1,"cost":"10","impacts":[{"partner":1,"estimate":"7/2"}]})",
       handle_initiative_propose},
      {kGet, "/api/initiatives/{initiative}", "showInitiative", "initiatives", "One initiative", kReader, "",
       "Initiative", 200, "", "", handle_initiative_show},
      {kPost, "/api/initiatives/{initiative}/withdraw", "withdrawInitiative", "initiatives",
       "Withdraw an undecided initiative (its proposer or a coordinator; while its cycle votes, a coordinator with a "
       "reason)",
       kPartnerOrCoordinator, "WithdrawInput", "Initiative", 200, "",
       R"({"reason":"a duplicate of another initiative"})", handle_initiative_withdraw},
      {kPut, "/api/initiatives/{initiative}/volunteers/{partner}", "volunteerToLead", "initiatives",
       "The partner volunteers to lead it, or accepts its nomination; a coordinator names it (a nominee until it "
       "accepts)",
       kPartnerOrCoordinator, "", "Initiative", 200, "", "", handle_volunteer},
      {kDelete, "/api/initiatives/{initiative}/volunteers/{partner}", "standDown", "initiatives",
       "The partner withdraws its offer to lead or declines its nomination; a coordinator withdraws a nomination",
       kPartnerOrCoordinator, "", "Initiative", 200, "", "", handle_stand_down},
      {kGet, "/api/initiatives/{initiative}/scores", "listScores", "scorecard", "The scores of an initiative", kReader,
       "", "ScoreList", 200, "", "", handle_score_list},
      {kPut, "/api/initiatives/{initiative}/scores/{partner}", "scoreInitiative", "scorecard",
       "A partner scores an initiative on scorecard criteria", kRepresentative, "ScoreInput", "ScoreList", 200, "",
       R"({"scores":[{"criterion":"value","value":"7"}]})", handle_score_put},
      {kGet, "/api/scorecard", "showScorecard", "scorecard",
       "The scorecard and the ranking of undecided initiatives (scorecard null when none is defined)", kReader, "",
       "ScorecardView", 200, "", "", handle_scorecard_show},
      {kPut, "/api/scorecard", "defineScorecard", "scorecard", "Define (or replace) the scorecard", kCoordinator,
       "Scorecard", "Scorecard", 200, "", R"({"formula":"weighted","criteria":[{"name":"value","kind":"value"}]})",
       handle_scorecard_define},

      {kGet, "/api/cycles", "listCycles", "cycles", "Every cycle", kReader, "", "CycleList", 200, "", "",
       handle_cycle_list},
      {kPost, "/api/cycles", "openCycle", "cycles", "Open the next cycle for proposals, with its deadlines if given",
       kCoordinator, "Deadlines", "Cycle", 201, "", R"({"voting_closes_at":"2099-12-10T17:00Z"})", handle_cycle_open},
      {kGet, "/api/cycles/{cycle}", "showCycle", "cycles", "One cycle", kReader, "", "Cycle", 200, "", "",
       handle_cycle_show},
      {kPost, "/api/cycles/{cycle}/voting", "startVoting", "cycles", "Move a proposing cycle to voting", kCoordinator,
       "VotingInput", "Cycle", 200, "", R"({"closes_at":"2099-12-10T17:00Z"})", handle_cycle_voting},
      {kPut, "/api/cycles/{cycle}/deadlines", "setDeadlines", "cycles",
       "Set or remove when an open cycle's proposals and voting close", kCoordinator, "Deadlines", "Cycle", 200, "",
       R"({"voting_closes_at":"2099-12-10T17:00Z"})", handle_cycle_deadlines},
      {kPost, "/api/cycles/{cycle}/close", "closeCycle", "cycles",
       "Close a voting cycle: decide it (409 naming confirm_low_turnout, with the figures, when fewer partners have "
       "voted than the charter's close_turnout_warning and it is not confirmed)",
       kCoordinator, "CloseInput", "CycleOutcome", 200, "", R"({"confirm_low_turnout":true})", handle_cycle_close},
      {kPost, "/api/cycles/{cycle}/review", "reviewCycle", "cycles", "Mark a closed cycle reviewed", kCoordinator, "",
       "Cycle", 200, "", "", handle_cycle_review},
      {kPost, "/api/cycles/{cycle}/shortlist", "shortlistCycle", "cycles",
       "Put the scorecard's top initiatives on the ballot", kCoordinator, "ShortlistInput", "Cycle", 200, "",
       R"({"size":3})", handle_cycle_shortlist},
      {kGet, "/api/cycles/{cycle}/ballots", "listBallots", "cycles",
       "The ballots of a cycle the caller may see (own partner's until close)", kReader, "", "BallotList", 200, "", "",
       handle_ballot_list},
      {kPut, "/api/cycles/{cycle}/ballots/{partner}", "castBallot", "cycles",
       "Cast (or re-cast) a partner's ballot; its representative only", kRepresentative, "BallotInput", "Ballot", 200,
       "", R"({"format":"approvals","entries":[{"initiative":1}]})", handle_ballot_cast},
      {kGet, "/api/cycles/{cycle}/outcome", "showOutcome", "cycles", "A closed cycle's outcome record", kReader, "",
       "CycleOutcome", 200, "", "", handle_outcome},

      {kGet, "/api/actuals", "listActuals", "ledger", "Every realised value", kReader, "", "RealisedValueList", 200, "",
       "", handle_actual_list},
      {kPost, "/api/actuals", "recordActual", "ledger", "Record what an initiative realised for a partner",
       kCoordinator, "RealisedValue", "RealisedValue", 201, "",
       R"({"cycle":1,"initiative":1,"partner":1,"actual":"3"})", handle_actual_record},
      {kGet, "/api/kpis", "listKpis", "ledger", "Every KPI measurement", kReader, "", "KpiMeasurementList", 200, "", "",
       handle_kpi_list},
      {kPost, "/api/kpis", "recordKpi", "ledger", "Record an objective's KPI value after a closed cycle", kCoordinator,
       "KpiMeasurement", "KpiMeasurement", 201, "", R"({"cycle":1,"objective":1,"value":"95"})", handle_kpi_record},

      {kGet, "/api/reports/{kind}", "report", "reports",
       "A report (network, fairness, engagement, kpi, partner, cycle): the CLI's --format json", kReader, "", "Report",
       200, "", "", handle_report},
      {kGet, "/api/reports/partner/{partner}", "partnerReport", "reports", "One partner's history", kReader, "",
       "Report", 200, "", "", handle_partner_report},
      {kGet, "/api/reports/cycle/{cycle}", "cycleReport", "reports", "One cycle's outcome report", kReader, "",
       "Report", 200, "", "", handle_cycle_report},

      {kGet, "/api/people", "listPeople", "access",
       "Every person; e-mail addresses only of one's own partner's people (coordinators see all)", kReader, "",
       "PersonList", 200, "", "", handle_person_list},
      {kPost, "/api/people", "addPerson", "access", "Add a person (coordinators; a representative for its own partner)",
       kPartnerOrCoordinator, "NewPerson", "Person", 201, "",
       R"({"partner":1,"name":"Ana Example","email":"ana@example.org","time_zone":"Europe/Berlin"})",
       handle_person_add},
      {kPost, "/api/people/{person}/password-link", "makePasswordLink", "access",
       "A one-time link with which the person sets its password (shown once; coordinators, or a representative for "
       "its own partner)",
       kPartnerOrCoordinator, "", "PasswordLink", 201, "", "", handle_password_link},
      {kDelete, "/api/people/{person}/sessions", "revokeSessions", "access",
       "End every browser session of the person (coordinators, or a representative for its own partner)",
       kPartnerOrCoordinator, "", "RevokedSessions", 200, "", "", handle_revoke_sessions},
      {kDelete, "/api/people/{person}", "removePerson", "access",
       "Remove a person and revoke its tokens (coordinators; a representative for its own partner)",
       kPartnerOrCoordinator, "", "Person", 200, "", "", handle_person_remove},
      {kGet, "/api/tokens", "listTokens", "access", "Every access token (no secrets)", kCoordinator, "", "TokenList",
       200, "", "", handle_token_list},
      {kPost, "/api/tokens", "issueToken", "access", "Issue a token; its secret is in this answer only", kCoordinator,
       "NewToken", "IssuedToken", 201, "", R"({"role":"observer","label":"example"})", handle_token_issue},
      {kDelete, "/api/tokens/{token}", "revokeToken", "access", "Revoke a token", kCoordinator, "", "Token", 200, "",
       "", handle_token_revoke},
      {kGet, "/api/audit", "auditLog", "access", "Audit entries after a sequence number", kCoordinator, "",
       "AuditEntryList", 200, "after,limit", "", handle_audit_list},
      {kGet, "/api/audit/verify", "verifyAudit", "access", "Re-check the audit chain", kCoordinator, "",
       "AuditVerification", 200, "", "", handle_audit_verify},

      {kGet, "/api/inbox", "inbox", "notifications",
       "The signed-in person's notifications, newest first, with the unread count (400 for a token not issued to a "
       "person)",
       kReader, "", "Inbox", 200, "before,limit", "", handle_inbox},
      {kPost, "/api/inbox/read-all", "readAllInbox", "notifications", "Mark every notification of the person read",
       kReader, "", "InboxMarked", 200, "", "", handle_inbox_read_all},
      {kPost, "/api/inbox/{entry}/read", "readInbox", "notifications", "Mark one of the person's notifications read",
       kReader, "", "InboxMarked", 200, "", "", handle_inbox_read},
      {kGet, "/api/deliveries", "listDeliveries", "notifications",
       "Deliveries of the outbox (state=dead: the ones given up), by id", kCoordinator, "", "DeliveryList", 200,
       "state,after,limit", "", handle_delivery_list},
      {kPost, "/api/deliveries/{delivery}/retry", "retryDelivery", "notifications", "Try a dead delivery again",
       kCoordinator, "", "Delivery", 200, "", "", handle_delivery_retry},
      {kGet, "/api/webhooks", "listWebhooks", "notifications", "The webhooks events are POSTed to (no secrets)",
       kCoordinator, "", "WebhookList", 200, "", "", handle_webhook_list},
      {kPost, "/api/webhooks", "addWebhook", "notifications",
       "Add a webhook: its URL, HMAC secret (never shown back), format and event kinds", kCoordinator, "NewWebhook",
       "Webhook", 201, "", R"({"url":"https://chat.example/hooks/1","secret":"an example secret","format":"json"})",
       handle_webhook_add},
      {kDelete, "/api/webhooks/{webhook}", "removeWebhook", "notifications", "Remove a webhook", kCoordinator, "",
       "Webhook", 200, "", "", handle_webhook_remove},

      {kGet, "/api/networks", "listNetworks", "admin", "Every network of the database (administrators)", kAdmin, "",
       "NetworkList", 200, "", "", handle_networks_list},
      {kPost, "/api/networks", "createNetwork", "admin",
       "Create a network with its charter and its first coordinator token (administrators; the secret is in this "
       "answer only)",
       kAdmin, "Charter", "CreatedNetwork", 201, "", R"({"name":"Example network 2","capacity":"100","rule":"mes"})",
       handle_networks_create},
      {kGet, "/api/networks/{network}/export", "exportNetwork", "admin",
       "The whole network as one JSON archive, as `covalue network export` writes it (docs/archive.md; "
       "administrators)",
       kAdmin, "", "NetworkArchive", 200, "", "", handle_network_export},

      // Delegation (issue 14 item 5) and the turnout a close is checked against (issue 13 item 6).
      {kGet, "/api/cycles/{cycle}/delegations", "listDelegations", "cycles",
       "Who has delegated its ballot in a cycle to which proxy (coordinators and observers: all; a representative: "
       "its own partner's, given or received)",
       kReader, "", "DelegationList", 200, "", "", handle_delegation_list},
      {kPost, "/api/cycles/{cycle}/delegations/{partner}", "delegateBallot", "cycles",
       "A partner hands its ballot in an open cycle to another member partner, its proxy (its representative only)",
       kRepresentative, "NewDelegation", "Delegation", 201, "", R"({"proxy":2})", handle_delegation_add},
      {kDelete, "/api/cycles/{cycle}/delegations/{partner}", "revokeDelegation", "cycles",
       "A partner takes its ballot back before the close; a ballot its proxy cast for it is removed", kRepresentative,
       "", "Delegation", 200, "", "", handle_delegation_revoke},
      {kGet, "/api/cycles/{cycle}/turnout", "cycleTurnout", "cycles",
       "How many member partners have voted (delegated ballots count) against the charter's close_turnout_warning",
       kReader, "", "Turnout", 200, "", "", handle_cycle_turnout},
      // What if (issue 16 item 5): the current charter against a changed one, on simulations of the network.
      {kGet, "/api/simulations", "listSimulations", "simulations",
       "The network's what-if simulations kept in memory, newest first, without results (a restart forgets them)",
       kCoordinator, "", "SimulationList", 200, "", "", handle_simulation_list},
      {kPost, "/api/simulations", "startSimulation", "simulations",
       "Start a what-if simulation: the current charter against a changed one on simulated futures of this network; "
       "answers at once with the job (202), which runs in the background",
       kCoordinator, "SimulationInput", "Simulation", 202, "",
       R"({"charter":{"rule":"greedy"},"networks":10,"cycles":2,"seed":1})", handle_simulation_start},
      {kGet, "/api/simulations/{simulation}", "showSimulation", "simulations",
       "A what-if simulation: its state, progress and, once done, the results per charter with 95% intervals",
       kCoordinator, "", "Simulation", 200, "", "", handle_simulation_show},
      {kDelete, "/api/simulations/{simulation}", "cancelSimulation", "simulations",
       "Cancel a what-if simulation (a running one stops after the simulated network it is on)", kCoordinator, "",
       "Simulation", 200, "", "", handle_simulation_cancel},
      {kGet, "/api/threads/{subject}/{id}/comments", "thread", "discussion",
       "The thread of an initiative, a cycle or a charter proposal (subject: initiative|cycle|charter_proposal), each "
       "comment before its replies; an objection shows its ballot's reason, and its partner only once the charter's "
       "disclosure allows. Served in pages: limit (1 to 500, default 200) comments after the comment `after`",
       kReader, "", "Thread", 200, "after,limit", "", handle_thread},
      {kPost, "/api/threads/{subject}/{id}/comments", "postComment", "discussion",
       "Post a comment, or a reply (parent); @name mentions a partner or a person, who are notified", kWriter,
       "NewComment", "Comment", 201, "",
       R"({"body":"Could the pallet data be shared before the vote? https://example.org/pallets"})",
       handle_comment_post},
      {kGet, "/api/comments/{comment}/history", "commentHistory", "discussion",
       "A comment's earlier texts and its current one (a hidden comment's: coordinators; a deleted one's: "
       "coordinators and its author)",
       kReader, "", "CommentHistory", 200, "", "", handle_comment_history},
      {kPatch, "/api/comments/{comment}", "editComment", "discussion",
       "Edit one's own comment (the earlier text is kept in its history)", kAuthor, "CommentEdit", "Comment", 200, "",
       R"({"body":"An edited example comment"})", handle_comment_edit},
      {kDelete, "/api/comments/{comment}", "deleteComment", "discussion",
       "Delete one's own comment: a tombstone stays, the text in its history", kAuthor, "", "Comment", 200, "", "",
       handle_comment_delete},
      {kPost, "/api/comments/{comment}/hide", "hideComment", "discussion",
       "Hide a comment with a reason (coordinators; audited): everyone sees the reason, only coordinators the text",
       kCoordinator, "HideInput", "Comment", 200, "", R"({"reason":"off topic: personal data"})", handle_comment_hide},
      {kPut, "/api/follows/{subject}/{id}", "follow", "discussion",
       "The signed-in person follows an initiative, a cycle or a charter proposal (400 for a token not issued to a "
       "person)",
       kReader, "", "FollowState", 200, "", "", handle_follow},
      {kDelete, "/api/follows/{subject}/{id}", "unfollow", "discussion",
       "The signed-in person stops following it, even when its partner follows it automatically", kReader, "",
       "FollowState", 200, "", "", handle_unfollow},
      {kGet, "/api/activity", "activity", "discussion",
       "The signed-in person's activity feed, newest first: what changed on what it follows and what concerns its "
       "partner, with how many items are new since its last visit",
       kReader, "", "ActivityPage", 200, "before,limit", "", handle_activity},
      {kPost, "/api/activity/seen", "activitySeen", "discussion", "Mark the person's feed seen up to its newest item",
       kReader, "", "ActivitySeen", 200, "", "", handle_activity_seen},
      // Charter proposals and coordination (issue 14 item 4).
      {kGet, "/api/charter/proposals", "listCharterProposals", "charter",
       "Every charter proposal with its changes and each partner's position", kReader, "", "CharterProposalList", 200,
       "", "", handle_charter_proposal_list},
      {kPost, "/api/charter/proposals", "proposeCharterChange", "charter",
       "Propose a change to the charter (a representative or a coordinator; the amendment rule must be consent or "
       "majority)",
       kWriter, "NewCharterProposal", "CharterProposal", 201, "",
       R"({"changes":{"capacity":"90"},"rationale":"Two partners joined: the network can do more each cycle."})",
       handle_charter_propose},
      {kGet, "/api/charter/proposals/{proposal}", "showCharterProposal", "charter",
       "A charter proposal with each partner's position", kReader, "", "CharterProposal", 200, "", "",
       handle_charter_proposal_show},
      {kPut, "/api/charter/proposals/{proposal}", "reviseCharterProposal", "charter",
       "Revise an open proposal (its proposer or a coordinator): the window starts again, positions are cleared",
       kWriter, "NewCharterProposal", "CharterProposal", 200, "",
       R"({"changes":{"capacity":"95"},"rationale":"Revised after the objection: a smaller step."})",
       handle_charter_revise},
      {kPut, "/api/charter/proposals/{proposal}/positions/{partner}", "takeCharterPosition", "charter",
       "A partner agrees, abstains or objects (with a reason) until the window ends; its representative only",
       kRepresentative, "CharterPositionInput", "CharterProposal", 200, "", R"({"position":"agree"})",
       handle_charter_position},
      {kPost, "/api/charter/proposals/{proposal}/decide", "decideCharterProposal", "charter",
       "Decide a proposal whose window has ended under the charter's amendment rule (the scheduler does it too)",
       kCoordinator, "", "CharterProposal", 200, "", "", handle_charter_decide},
      {kGet, "/api/coordination", "showCoordination", "charter",
       "Who coordinates now: fixed coordinators, or the rotation's current partner, its term and the willing partners",
       kReader, "", "Coordination", 200, "", "", handle_coordination_show},
      {kPut, "/api/coordination/willing/{partner}", "setWillingToCoordinate", "charter",
       "A partner opts in or out of the coordination rotation (its representative or a coordinator)",
       kPartnerOrCoordinator, "WillingInput", "Coordination", 200, "", R"({"willing":true})",
       handle_coordination_willing},
      // Delivery by the lead (issue 14 items 3 to 6).
      {kGet, "/api/initiatives/{initiative}/delivery", "initiativeDelivery", "delivery",
       "A selected initiative's delivery: status, milestones, updates, estimated against realised value per partner",
       kReader, "", "InitiativeDelivery", 200, "", "", handle_initiative_delivery},
      {kPost, "/api/initiatives/{initiative}/updates", "postUpdate", "delivery",
       "The lead posts a progress update on a selected initiative", kLead, "UpdateInput", "InitiativeUpdate", 201, "",
       R"({"text":"The pilot runs in two warehouses."})", handle_update_post},
      {kPost, "/api/initiatives/{initiative}/milestones", "addMilestone", "delivery",
       "The lead adds a milestone (a title and a due date)", kLead, "NewMilestone", "Milestone", 201, "",
       R"({"title":"Pilot live","due_date":"2027-03-31"})", handle_milestone_add},
      {kPatch, "/api/initiatives/{initiative}/milestones/{milestone}", "changeMilestone", "delivery",
       "The lead edits a milestone or marks it done", kLead, "MilestoneChange", "Milestone", 200, "",
       R"({"done":true})", handle_milestone_change},
      {kDelete, "/api/initiatives/{initiative}/milestones/{milestone}", "removeMilestone", "delivery",
       "The lead removes a milestone", kLead, "", "Milestone", 200, "", "", handle_milestone_remove},
      {kPut, "/api/initiatives/{initiative}/status", "setDeliveryStatus", "delivery",
       "The lead moves the delivery status: in_progress, blocked (with a reason) or delivered", kLead, "StatusInput",
       "Initiative", 200, "", R"({"status":"blocked","reason":"waiting for the carrier's data feed"})",
       handle_delivery_status},
      {kPut, "/api/initiatives/{initiative}/realised/{partner}", "recordLeadValue", "delivery",
       "The lead records target, forecast or actual for a partner (a coordinator's record is confirmed at once)", kLead,
       "LeadValueInput", "LeadValue", 200, "", R"({"forecast":"12","actual":"10"})", handle_lead_value},
      {kPost, "/api/initiatives/{initiative}/realised/confirm", "confirmLeadValues", "delivery",
       "A coordinator confirms the lead's actuals awaiting it: they count in the reports from now on", kCoordinator,
       "ConfirmInput", "LeadValueList", 200, "", R"({"partner":1})", handle_lead_value_confirm},
      {kGet, "/api/cycles/{cycle}/delivery", "cycleDelivery", "delivery",
       "The delivery progress of a cycle's selected initiatives, and whose actuals are due", kReader, "",
       "CycleDelivery", 200, "", "", handle_cycle_delivery},
      {kGet, "/api/partners/{partner}/leads", "partnerLeads", "delivery",
       "What a partner leads and has delivered, with the value realised", kReader, "", "LeadList", 200, "", "",
       handle_partner_leads},
      {kGet, "/api/preferences", "preferences", "notifications",
       "The signed-in person's e-mail preferences: per kind of event immediately, daily, weekly or never (400 for a "
       "token not issued to a person)",
       kReader, "", "Preferences", 200, "", "", handle_preferences},
      {kPut, "/api/preferences", "setPreferences", "notifications",
       "Change the signed-in person's e-mail preferences (the kinds given; the others stay)", kReader,
       "PreferencesUpdate", "Preferences", 200, "", R"({"preferences":[{"kind":"cycle_opened","cadence":"weekly"}]})",
       handle_preferences_set},
      {kGet, "/api/people/{person}/preferences", "personPreferences", "notifications",
       "A person's e-mail preferences (coordinators)", kCoordinator, "", "Preferences", 200, "", "",
       handle_person_preferences},
      {kGet, "/api/unsubscribe", "checkUnsubscribe", "notifications",
       "What the one-click unsubscribe link of an e-mail would do; changes nothing (mail scanners follow links)",
       kCredentials, "", "Unsubscribe", 200, "token", "", handle_unsubscribe_check},
      {kPost, "/api/unsubscribe", "unsubscribe", "notifications",
       "One-click unsubscribe (RFC 8058): the link's person gets no more e-mail of its kind (no sign-in: the token is "
       "signed)",
       kCredentials, "", "Unsubscribe", 200, "token", "", handle_unsubscribe},
      // Charter withdrawal, thread pages and the coordinator election (issue 14, what remained).
      {kPost, "/api/charter/proposals/{proposal}/withdraw", "withdrawCharterProposal", "charter",
       "Withdraw an open charter proposal (its proposer or a coordinator): it ends as withdrawn, its fields are free",
       kWriter, "", "CharterProposal", 200, "", "", handle_charter_withdraw},
      {kGet, "/api/coordination/elections", "listCoordinatorElections", "charter",
       "Every coordinator election (charter coordination: election) with its votes and result", kReader, "",
       "CoordinatorElectionList", 200, "", "", handle_election_list},
      {kPut, "/api/coordination/election/votes/{partner}", "voteForCoordinator", "charter",
       "The partner votes in the open coordinator election for a willing partner, changeable until the window ends; "
       "its representative only",
       kRepresentative, "CoordinatorVoteInput", "Coordination", 200, "", R"({"candidate":1})", handle_election_vote},
      {kPost, "/api/coordination/elections/{election}/decide", "decideCoordinatorElection", "charter",
       "Decide an election whose window has ended: most votes, ties to the fewest past terms, then the lowest partner "
       "id (the scheduler does it too)",
       kCoordinator, "", "CoordinatorElection", 200, "", "", handle_election_decide},
  };
}

//! The segments of a path ("/api/cycles/3" -> api, cycles, 3); empty segments are kept.
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path.front() == '/') {
    path.remove_prefix(1);
  }
  while (true) {
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) {
      return out;
    }
    path.remove_prefix(slash + 1);
  }
}

bool match_pattern(std::string_view pattern, const std::vector<std::string_view>& parts,
                   std::map<std::string, std::string>& params) {
  const std::vector<std::string_view> wanted = segments(pattern);
  if (wanted.size() != parts.size()) {
    return false;
  }
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string_view want = wanted[i];
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      if (parts[i].empty()) {
        return false;
      }
      found.emplace(std::string(want.substr(1, want.size() - 2)), std::string(parts[i]));
    } else if (want != parts[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

int hex_value(char ch) {
  if (ch >= '0' && ch <= '9') {
    return ch - '0';
  }
  if (ch >= 'a' && ch <= 'f') {
    return ch - 'a' + 10;
  }
  if (ch >= 'A' && ch <= 'F') {
    return ch - 'A' + 10;
  }
  return -1;
}

}  // namespace

const std::vector<Route>& routes() {
  static const std::vector<Route> table = route_table();
  return table;
}

RouteMatch match_route(Method method, std::string_view path) {
  RouteMatch match;
  const std::vector<std::string_view> parts = segments(path);
  for (const Route& route : routes()) {
    std::map<std::string, std::string> params;
    if (!match_pattern(route.pattern, parts, params)) {
      continue;
    }
    match.allowed.push_back(route.method);
    if (route.method == method && match.route == nullptr) {
      match.route = &route;
      match.params = std::move(params);
    }
  }
  return match;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) {
      return std::nullopt;
    }
    const int high = hex_value(text[i + 1]);
    const int low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::map<std::string, std::string> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t eq = pair.find('=');
    std::optional<std::string> key = percent_decode(pair.substr(0, eq));
    std::optional<std::string> value =
        percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    if (key && value && !key->empty()) {
      out[*key] = *value;
    }
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  }
  return out;
}

core::Result<std::int64_t> read_canonical_integer(std::string_view text, std::int64_t minimum,
                                                  const std::string& where) {
  const bool digits =
      !text.empty() && std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!digits || (text.size() > 1 && text.front() == '0') || error != std::errc() || value < minimum) {
    const std::string wanted = minimum > 0 ? "a positive integer" : "a non-negative integer";
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "expected " + wanted + " in decimal digits, got " + core::quote_excerpt(text), where);
  }
  return value;
}

core::Result<std::int64_t> RouteCall::id(const char* name) const {
  const auto it = params.find(name);
  return read_canonical_integer(it == params.end() ? std::string_view() : std::string_view(it->second), 1,
                                std::string("path.") + name);
}

core::Result<std::int64_t> RouteCall::query_integer(const char* name, std::int64_t fallback) const {
  const auto it = query.find(name);
  if (it == query.end()) {
    return fallback;
  }
  return read_canonical_integer(it->second, 0, std::string("query.") + name);
}

}  // namespace covalue::server
