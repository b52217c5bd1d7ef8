// The JSON schemas of the API's bodies (OpenAPI 3 components), kept next to the route table.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/network/scorecard.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/settings.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/charter_proposal.hpp"
#include "covalue/program/discussion.hpp"
#include "covalue/program/home.hpp"
#include "covalue/program/limits.hpp"
#include "covalue/program/outbox.hpp"
#include "covalue/program/person.hpp"
#include "openapi.hpp"
#include "simulation_jobs.hpp"

namespace covalue::server {

namespace {

namespace net = core::network;

// Exact numbers are strings of exact rationals ("7/2", "12.5", "-3") or JSON integers; ids are integers. The
// number pattern and the texts' maxLength are filled in from the program's limits (with_limits below).
constexpr const char* kSchemas = R"JSON({
  "Exact": {"type": ["string", "integer"], "example": "7/2"},
  "WithdrawInput": {"type": "object", "properties": {"reason": {"type": "string",
              "description": "why; required from a coordinator while the initiative's cycle votes"}}},
  "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
            "required": ["kind", "message", "field"], "properties": {
              "kind": {"type": "string"},
              "message": {"type": "string"}, "field": {"type": ["string", "null"]}}}}},
  "OpenApi": {"type": "object", "description": "this document"},
  "Session": {"type": "object", "properties": {"role": {"type": "string"},
              "partner": {"type": ["integer", "null"]}, "name": {"type": "string"},
              "person": {"type": ["integer", "null"]}, "signed_in_with": {"type": "string", "enum": ["token", "session"]},
              "time_zone": {"type": ["string", "null"], "description": "the person's IANA time zone; null without a person"},
              "language": {"type": ["string", "null"], "description": "the person's language; null without a person"},
              "coordinating": {"type": "boolean",
                "description": "true for coordinators and for a representative whose partner coordinates by rotation"}}},
  "SignIn": {"type": "object", "required": ["email", "password"], "properties": {
              "email": {"type": "string"}, "password": {"type": "string", "format": "password"},
              "network": {"type": "integer", "description": "only when the address and password sign in to several"}}},
  "SignedIn": {"type": "object", "properties": {"role": {"type": "string"},
              "partner": {"type": ["integer", "null"]}, "name": {"type": "string"},
              "person": {"$ref": "#/components/schemas/Person"}, "network": {"type": "integer"},
              "expires_at": {"type": "string", "format": "date-time"}}},
  "SignedOut": {"type": "object", "properties": {"signed_out": {"type": "boolean"}}},
  "PasswordInput": {"type": "object", "required": ["link", "password"], "properties": {
              "link": {"type": "string", "description": "the secret of a set-password link (cvp_...)"},
              "password": {"type": "string", "format": "password", "minLength": 12,
                "description": "12 to 256 bytes of UTF-8"}}},
  "PasswordSet": {"type": "object", "properties": {"person": {"type": "integer"}, "name": {"type": "string"},
              "email": {"type": "string"}, "network": {"type": "integer"}}},
  "PasswordLink": {"type": "object", "properties": {"person": {"type": "integer"},
              "link": {"type": "string", "description": "the web UI's path /set-password#cvp_..., shown once"},
              "expires_at": {"type": "string", "format": "date-time"}}},
  "RevokedSessions": {"type": "object", "properties": {"person": {"type": "integer"},
              "revoked_sessions": {"type": "integer"}}},
  "Charter": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"},
              "capacity": {"$ref": "#/components/schemas/Exact"},
              "rule": {"type": "string"},
              "fairness": {"type": "object", "properties": {"max_dry_spell": {"type": "integer"},
                "max_deopt_share": {"$ref": "#/components/schemas/Exact"}, "perpetual_weighting": {"type": "boolean"},
                "weight_policy": {"type": "string"}, "weight_absence": {"type": "string"}}},
              "sharing": {"type": "string"},
              "leadership": {"type": "object", "properties": {"max_concurrent_leads": {"type": "integer"}}},
              "ranking_rule": {"type": "string"}, "disclosure": {"type": "string"},
              "deadline_action": {"type": "string"}, "unit": {"type": "string"},
              "reminder_hours": {"type": "string"},
              "close_turnout_warning": {"type": "integer", "minimum": 0, "maximum": 100},
              "amendment_rule": {"type": "string"},
              "amendment_majority": {"$ref": "#/components/schemas/Exact"},
              "amendment_window_hours": {"$ref": "#/components/schemas/Exact"}, "coordination": {"type": "string"},
              "coordination_term": {"type": "integer"},
              "score_max": {"$ref": "#/components/schemas/Exact"},
              "points_budget": {"$ref": "#/components/schemas/Exact"}}},
  "CharterUpdate": {"allOf": [{"$ref": "#/components/schemas/Charter"}], "required": [],
              "description": "members given replace the charter's; absent ones stay"},
  "NewPartner": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"},
              "tier": {"type": "string"}}},
  "Partner": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"},
              "tier": {"type": "string"}, "joined_cycle": {"type": "integer"},
              "left_cycle": {"type": ["integer", "null"]}}},
  "PartnerList": {"type": "array", "items": {"$ref": "#/components/schemas/Partner"}},
  "NewObjective": {"type": "object", "required": ["partner", "kpi", "target"], "properties": {
              "partner": {"type": "integer"}, "kpi": {"type": "string"}, "name": {"type": "string"},
              "unit": {"type": "string"}, "baseline": {"$ref": "#/components/schemas/Exact"},
              "target": {"$ref": "#/components/schemas/Exact"}}},
  "Objective": {"allOf": [{"$ref": "#/components/schemas/NewObjective"},
              {"type": "object", "properties": {"id": {"type": "integer"}}}]},
  "ObjectiveList": {"type": "array", "items": {"$ref": "#/components/schemas/Objective"}},
  "Impact": {"type": "object", "required": ["partner", "estimate"], "properties": {"partner": {"type": "integer"},
              "estimate": {"$ref": "#/components/schemas/Exact"}}},
  "NewInitiative": {"type": "object", "required": ["title", "proposer", "cost"], "properties": {
              "title": {"type": "string"}, "description": {"type": "string"},
              "channel": {"type": "string"},
              "proposer": {"type": "integer"}, "cost": {"$ref": "#/components/schemas/Exact"},
              "impacts": {"type": "array", "items": {"$ref": "#/components/schemas/Impact"}},
              "objectives": {"type": "array", "items": {"type": "integer"}},
              "volunteers": {"type": "array", "items": {"type": "integer"}}}},
  "Initiative": {"allOf": [{"$ref": "#/components/schemas/NewInitiative"}, {"type": "object", "properties": {
              "id": {"type": "integer"}, "status": {"type": "string"},
              "undecided": {"type": "boolean", "description": "still up for decision (proposed or carried over)"},
              "cycle": {"type": "integer"},
              "nominees": {"type": "array", "items": {"type": "integer"},
                "description": "partners a coordinator named to lead, until they accept"},
              "lead": {"type": ["integer", "null"]}, "network_value": {"$ref": "#/components/schemas/Exact"}}}]},
  "InitiativeList": {"type": "array", "items": {"$ref": "#/components/schemas/Initiative"}},
  "ScoreInput": {"type": "object", "required": ["scores"], "properties": {"scores": {"type": "array",
              "items": {"type": "object", "required": ["criterion", "value"], "properties": {
                "criterion": {"type": "string"}, "value": {"$ref": "#/components/schemas/Exact"}}}}}},
  "Score": {"type": "object", "properties": {"initiative": {"type": "integer"}, "partner": {"type": "integer"},
              "criterion": {"type": "string"}, "value": {"$ref": "#/components/schemas/Exact"}}},
  "ScoreList": {"type": "array", "items": {"$ref": "#/components/schemas/Score"}},
  "Scorecard": {"type": "object", "required": ["formula", "criteria"], "properties": {
              "formula": {"type": "string"},
              "criteria": {"type": "array", "items": {"type": "object", "required": ["name"], "properties": {
                "name": {"type": "string"}, "kind": {"type": "string"},
                "weight": {"$ref": "#/components/schemas/Exact"}, "low": {"$ref": "#/components/schemas/Exact"},
                "high": {"$ref": "#/components/schemas/Exact"}}}},
              "shortlist_size": {"type": "integer"}}},
  "ScorecardView": {"type": "object", "required": ["scorecard", "ranking"], "properties": {"scorecard": {
              "description": "null when the network has no scorecard (then the ranking is empty)",
              "oneOf": [{"$ref": "#/components/schemas/Scorecard"}, {"type": "null"}]},
              "ranking": {"type": "array", "items": {"type": "object", "properties": {
                "initiative": {"type": "integer"}, "score": {"type": ["string", "null"]},
                "averages": {"type": "array"}, "scorers": {"type": "integer"}, "rank": {"type": "integer"}}}}}},
  "Cycle": {"type": "object", "properties": {"number": {"type": "integer"}, "state": {"type": "string"}, "capacity": {"$ref": "#/components/schemas/Exact"},
              "rule": {"type": "string"}, "shortlist": {"type": "array", "items": {"type": "integer"}},
              "proposals_close_at": {"type": ["string", "null"], "format": "date-time"},
              "voting_closes_at": {"type": ["string", "null"], "format": "date-time"}}},
  "Deadlines": {"type": "object", "description": "UTC times such as 2026-12-10T17:00Z (an offset such as +01:00 is also read); null removes a deadline, an absent member keeps it",
              "properties": {"proposals_close_at": {"type": ["string", "null"], "format": "date-time"},
              "voting_closes_at": {"type": ["string", "null"], "format": "date-time"}}},
  "VotingInput": {"type": "object", "properties": {"closes_at": {"type": ["string", "null"], "format": "date-time",
              "description": "when voting closes (UTC); absent keeps the deadline set when the cycle opened"}}},
  "CycleList": {"type": "array", "items": {"$ref": "#/components/schemas/Cycle"}},
  "ShortlistInput": {"type": "object", "properties": {"size": {"type": "integer", "minimum": 0}}},
  "CycleOutcome": {"type": "object", "description": "the outcome record (adapters/json cycle_outcome_json)",
              "properties": {"cycle": {"type": "integer"}, "rule": {"type": "string"},
              "network_value": {"$ref": "#/components/schemas/Exact"}, "decisions": {"type": "array"},
              "partners": {"type": "array"}, "leads": {"type": "array"}, "sharing": {"type": "object"}}},
  "BallotInput": {"type": "object", "properties": {
              "format": {"type": "string"},
              "entries": {"type": "array", "items": {"type": "object", "required": ["initiative"], "properties": {
                "initiative": {"type": "integer"}, "value": {"$ref": "#/components/schemas/Exact"}}}},
              "objections": {"type": "array", "items": {"type": "object", "required": ["initiative"],
                "properties": {"initiative": {"type": "integer"}, "reason": {"type": "string"}}}}}},
  "Ballot": {"allOf": [{"$ref": "#/components/schemas/BallotInput"}, {"type": "object", "properties": {
              "cycle": {"type": "integer"}, "partner": {"type": "integer"},
              "cast_by": {"type": "integer", "description": "present when the partner's proxy cast it (a delegation)"}}}]},
  "BallotList": {"type": "array", "items": {"$ref": "#/components/schemas/Ballot"}},
  "CloseInput": {"type": "object", "properties": {"confirm_low_turnout": {"type": "boolean",
              "description": "close even when fewer partners have voted than the charter's close_turnout_warning"}}},
  "NewDelegation": {"type": "object", "required": ["proxy"], "properties": {"proxy": {"type": "integer",
              "description": "the member partner that casts the ballot"}}},
  "Delegation": {"type": "object", "properties": {"cycle": {"type": "integer"}, "partner": {"type": "integer",
              "description": "whose ballot it is"}, "proxy": {"type": "integer", "description": "who casts it"},
              "created_at": {"type": "string", "format": "date-time"}}},
  "DelegationList": {"type": "array", "items": {"$ref": "#/components/schemas/Delegation"}},
  "Turnout": {"type": "object", "properties": {"cycle": {"type": "integer"},
              "members": {"type": "integer", "description": "member partners of the cycle"},
              "voted": {"type": "integer", "description": "of them, with a ballot (their own or their proxy's)"},
              "delegated": {"type": "integer", "description": "of the voted, ballots a proxy cast"},
              "close_turnout_warning": {"type": "integer", "description": "the charter's percentage; 0: none"},
              "below": {"type": "boolean", "description": "voted / members is below it: a close must be confirmed"},
              "summary": {"type": "string", "description": "the figures in words"}}},
  "RealisedValue": {"type": "object", "required": ["cycle", "initiative", "partner", "actual"], "properties": {
              "cycle": {"type": "integer"}, "initiative": {"type": "integer"}, "partner": {"type": "integer"},
              "target": {"$ref": "#/components/schemas/Exact"}, "forecast": {"$ref": "#/components/schemas/Exact"},
              "actual": {"$ref": "#/components/schemas/Exact"}}},
  "RealisedValueList": {"type": "array", "items": {"$ref": "#/components/schemas/RealisedValue"}},
  "KpiMeasurement": {"type": "object", "required": ["cycle", "objective", "value"], "properties": {
              "cycle": {"type": "integer"}, "objective": {"type": "integer"},
              "value": {"$ref": "#/components/schemas/Exact"}}},
  "KpiMeasurementList": {"type": "array", "items": {"$ref": "#/components/schemas/KpiMeasurement"}},
  "Report": {"type": "object", "required": ["report", "summary"], "properties": {"report": {"type": "string"},
              "summary": {"type": "object"}}, "additionalProperties": {"type": "array", "items": {"type": "object"}},
              "description": "the CLI's `report --format json`: summary figures and one array per table"},
  "Dashboard": {"type": "object", "properties": {"network": {"type": "object"},
              "cycles": {"type": "array", "items": {"type": "object"}},
              "partners": {"type": "array", "items": {"type": "object"}}}},
  "Home": {"type": "object", "required": ["open_cycle", "members", "voted", "turnout", "standing", "tasks",
              "transfers_cycle", "transfers", "attention"], "properties": {
              "open_cycle": {"oneOf": [{"$ref": "#/components/schemas/Cycle"}, {"type": "null"}],
                "description": "the newest cycle while it takes proposals or votes"},
              "members": {"type": "integer", "description": "members of the open cycle"},
              "voted": {"type": "integer", "description": "of them, with a ballot in the open voting cycle"},
              "turnout": {"type": ["array", "null"], "description": "coordinators, while the open cycle votes: who has voted, never how",
                "items": {"type": "object", "properties": {"partner": {"type": "integer"}, "voted": {"type": "boolean"},
                  "cast_by": {"type": "integer", "description": "present when its proxy cast its ballot (a delegation)"}}}},
              "standing": {"type": ["object", "null"], "description": "a representative's partner: cumulative net_value and transfers (exact), current_dry_spell, max_dry_spell (k), protected, leads (initiative ids), risk_score, risk_band, risk_reasons",
                "properties": {"partner": {"type": "integer"}, "net_value": {"type": "string"}, "transfers": {"type": "string"},
                "current_dry_spell": {"type": "integer"}, "max_dry_spell": {"type": "integer"}, "protected": {"type": "boolean"},
                "leads": {"type": "array", "items": {"type": "integer"}}, "risk_score": {"type": ["integer", "null"]},
                "risk_band": {"type": ["string", "null"]}, "risk_reasons": {"type": "string"}}},
              "tasks": {"type": "array", "description": "a representative's: what is asked of its partner now",
                "items": {"type": "object", "properties": {
                "kind": {"type": "string"},
                "cycle": {"type": "integer"}, "initiative": {"type": ["integer", "null"]},
                "due": {"type": ["string", "null"], "description": "the deadline, UTC"}, "done": {"type": "boolean"}}}},
              "transfers_cycle": {"type": ["integer", "null"], "description": "the newest closed cycle"},
              "transfers": {"type": "array", "description": "a representative's: who pays whom in that cycle (the net transfers settled in proportion), the payments its partner makes or receives",
                "items": {"type": "object", "properties": {"from": {"type": "integer"}, "to": {"type": "integer"},
                "amount": {"type": "string"}}}},
              "attention": {"type": "array", "description": "a coordinator's: what needs attention",
                "items": {"type": "object", "properties": {
                "kind": {"type": "string"},
                "cycle": {"type": ["integer", "null"]}, "partner": {"type": ["integer", "null"]},
                "due": {"type": ["string", "null"]}, "count": {"type": "integer"}, "detail": {"type": "string"}}}}}},
  "NewToken": {"type": "object", "properties": {
              "role": {"type": "string", "description": "required unless person is given"},
              "partner": {"type": ["integer", "null"]},
              "person": {"type": "integer", "description": "the person the token is for: its role and partner"},
              "label": {"type": "string"}}},
  "Token": {"type": "object", "properties": {"id": {"type": "integer"}, "role": {"type": "string"},
              "partner": {"type": ["integer", "null"]}, "person": {"type": ["integer", "null"]},
              "label": {"type": "string"},
              "issued_at": {"type": "string"}, "revoked": {"type": "boolean"}}},
  "TokenList": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}},
  "IssuedToken": {"allOf": [{"$ref": "#/components/schemas/Token"}, {"type": "object", "properties": {
              "secret": {"type": "string", "description": "shown once"}}}]},
  "NewPerson": {"type": "object", "required": ["name", "email"], "properties": {
              "name": {"type": "string"}, "email": {"type": "string", "format": "email"},
              "partner": {"type": ["integer", "null"], "description": "none for coordinators and the network's observers"},
              "role": {"type": "string", "default": "representative"},
              "time_zone": {"type": "string", "description": "an IANA name", "default": "UTC"},
              "language": {"type": "string", "default": "en"}}},
  "Person": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"},
              "email": {"type": "string",
                "description": "only for coordinators and the person's own partner; absent for everyone else"},
              "partner": {"type": ["integer", "null"]}, "role": {"type": "string"},
              "time_zone": {"type": "string"}, "language": {"type": "string"}}},
  "PersonList": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}},
  "Network": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
  "NetworkList": {"type": "array", "items": {"$ref": "#/components/schemas/Network"}},
  "NetworkArchive": {"type": "object", "description": "a covalue network archive, format and fields in docs/archive.md",
              "required": ["format", "version"], "properties": {"format": {"type": "string"},
              "version": {"type": "integer"}}},
  "CreatedNetwork": {"allOf": [{"$ref": "#/components/schemas/Network"}, {"type": "object", "properties": {
              "coordinator": {"$ref": "#/components/schemas/IssuedToken",
                "description": "the network's first coordinator token; its secret is shown once"}}}]},
  "AuditEntry": {"type": "object", "properties": {"sequence": {"type": "integer"}, "time": {"type": "string"},
              "actor": {"type": "string"}, "action": {"type": "string"}, "detail": {"type": "string"},
              "previous_hash": {"type": "string"}, "hash": {"type": "string"}}},
  "AuditEntryList": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}},
  "AuditVerification": {"type": "object", "properties": {"entries": {"type": "integer"},
              "intact": {"type": "boolean"}, "first_broken": {"type": ["integer", "null"]},
              "problem": {"type": "string"}}},
  "InboxItem": {"type": "object", "properties": {"id": {"type": "integer"}, "kind": {"type": "string"},
              "cycle": {"type": ["integer", "null"]}, "partner": {"type": ["integer", "null"]},
              "occurred_at": {"type": "string"}, "read_at": {"type": ["string", "null"]},
              "subject": {"type": "string"}, "paragraphs": {"type": "array", "items": {"type": "string"}},
              "facts": {"type": "array", "items": {"type": "object", "properties": {"label": {"type": "string"},
                "value": {"type": "string"}}}},
              "link": {"type": "string"}}},
  "Inbox": {"type": "object", "properties": {"unread": {"type": "integer"},
              "items": {"type": "array", "items": {"$ref": "#/components/schemas/InboxItem"}},
              "next_before": {"type": ["integer", "null"], "description": "the before= of the next page, if any"}}},
  "InboxMarked": {"type": "object", "properties": {"id": {"type": "integer"}, "marked": {"type": "integer"}}},
  "Delivery": {"type": "object", "properties": {"id": {"type": "integer"}, "event": {"type": "integer"},
              "person": {"type": ["integer", "null"]}, "webhook": {"type": ["integer", "null"]},
              "channel": {"type": "string"}, "key": {"type": "string"}, "state": {"type": "string"},
              "attempts": {"type": "integer"}, "next_attempt_at": {"type": "string"},
              "last_error": {"type": "string"}, "delivered_at": {"type": ["string", "null"]}}},
  "DeliveryList": {"type": "array", "items": {"$ref": "#/components/schemas/Delivery"}},
  "NewWebhook": {"type": "object", "required": ["url", "secret"], "properties": {
              "url": {"type": "string", "maxLength": 2000}, "secret": {"type": "string", "maxLength": 1024},
              "format": {"type": "string"}, "events": {"type": "array", "items": {"type": "string"},
                "description": "the kinds it receives; absent or empty: every kind"}}},
  "Webhook": {"type": "object", "properties": {"id": {"type": "integer"}, "url": {"type": "string"},
              "format": {"type": "string"}, "events": {"type": "array", "items": {"type": "string"}},
              "created_at": {"type": "string"}, "removed": {"type": "boolean"}}},
  "WebhookList": {"type": "array", "items": {"$ref": "#/components/schemas/Webhook"}},
  "SimulationInput": {"type": "object", "properties": {
              "charter": {"$ref": "#/components/schemas/CharterUpdate",
                "description": "the changed charter: members given replace the current charter's, absent ones stay; its capacity scales every simulated cycle's capacity by changed / current"},
              "networks": {"type": "integer", "description": "how many simulated futures of the network each charter runs (the same ones for both)"},
              "cycles": {"type": "integer", "description": "cycles each simulated future runs"},
              "seed": {"type": "integer", "minimum": 0, "description": "the same seed gives the same results"}}},
  "SimulationInterval": {"type": "object", "properties": {"mean": {"type": "number"}, "low": {"type": "number"},
              "high": {"type": "number"}}, "description": "a mean with its 95% confidence interval"},
  "SimulationPolicy": {"type": "object", "properties": {"name": {"type": "string", "description": "current or changed"},
              "charter": {"type": "object"},
              "measures": {"type": "object", "description": "per measure (retention, members, network_value, value_per_partner, gini, longest_dry_spell, quota_compliance, core_membership) the mean over the simulated networks",
                "additionalProperties": {"$ref": "#/components/schemas/SimulationInterval"}},
              "per_cycle": {"type": "object", "properties": {
                "survival": {"type": "array", "items": {"$ref": "#/components/schemas/SimulationInterval"},
                  "description": "share of today's partners still members, per cycle"},
                "network_value": {"type": "array", "items": {"$ref": "#/components/schemas/SimulationInterval"},
                  "description": "realised network value per cycle, in the charter's unit"}}}}},
  "SimulationResults": {"type": "object", "description": "simulate run's --format json (docs/simulator.md)",
              "properties": {"simulation": {"type": "object"}, "start": {"type": "object"}, "model": {"type": "object"},
              "policies": {"type": "array", "items": {"$ref": "#/components/schemas/SimulationPolicy"}},
              "paired": {"type": "array", "description": "changed - current on the same simulated futures, per measure",
                "items": {"type": "object", "properties": {"baseline": {"type": "string"}, "policy": {"type": "string"},
                  "measure": {"type": "string"}, "difference": {"$ref": "#/components/schemas/SimulationInterval"},
                  "t": {"type": "number"}, "p_value": {"type": "number"}, "wins": {"type": "integer"},
                  "losses": {"type": "integer"}, "ties": {"type": "integer"}}}}}},
  "Simulation": {"type": "object", "properties": {"id": {"type": "integer"}, "state": {"type": "string"},
              "progress": {"type": "object", "properties": {"done": {"type": "integer"}, "total": {"type": "integer"}},
                "description": "simulated networks done, of networks x 2 charters"},
              "queue_position": {"type": ["integer", "null"], "description": "jobs ahead of it while queued"},
              "cancel_requested": {"type": "boolean"},
              "networks": {"type": "integer"}, "cycles": {"type": "integer"}, "seed": {"type": "integer"},
              "current": {"$ref": "#/components/schemas/Charter"}, "changed": {"$ref": "#/components/schemas/Charter"},
              "created_at": {"type": "string", "format": "date-time"},
              "finished_at": {"type": ["string", "null"], "format": "date-time"},
              "seconds": {"type": ["number", "null"], "description": "running time so far, or in all once finished"},
              "error": {"type": ["string", "null"]},
              "results": {"description": "once done (GET of one simulation only)",
                "oneOf": [{"$ref": "#/components/schemas/SimulationResults"}, {"type": "null"}]}}},
  "SimulationList": {"type": "array", "items": {"$ref": "#/components/schemas/Simulation"}},
  "NewComment": {"type": "object", "required": ["body"], "properties": {
              "body": {"type": "string", "description": "plain text (links are shown as links); @name mentions a partner or a person"},
              "parent": {"type": ["integer", "null"], "description": "the comment of this thread it replies to"}}},
  "CommentEdit": {"type": "object", "required": ["body"], "properties": {"body": {"type": "string"}}},
  "HideInput": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string"}}},
  "Comment": {"type": "object", "properties": {"id": {"type": "integer"}, "subject_kind": {"type": "string"},
              "subject_id": {"type": "integer"}, "parent": {"type": ["integer", "null"]}, "kind": {"type": "string"},
              "author": {"type": ["integer", "null"], "description": "the person who wrote it"},
              "partner": {"type": ["integer", "null"], "description": "the partner it speaks for, when shown"},
              "author_name": {"type": "string"}, "body": {"type": "string",
                "description": "empty when deleted, withdrawn, or hidden (but to coordinators)"},
              "mentions": {"type": "array", "items": {"type": "object", "properties": {"kind": {"type": "string"},
                "id": {"type": "integer"}, "name": {"type": "string"}}}},
              "created_at": {"type": "string"}, "edited_at": {"type": ["string", "null"]},
              "state": {"type": "string"}, "hidden_reason": {"type": ["string", "null"]},
              "depth": {"type": "integer", "description": "0 for a top-level comment, 1 for a reply, ..."},
              "own": {"type": "boolean", "description": "written by the caller (it may edit or delete it)"},
              "revisions": {"type": "integer", "description": "how many earlier texts its history holds"}}},
  "Thread": {"type": "object", "properties": {"subject_kind": {"type": "string"}, "subject_id": {"type": "integer"},
              "following": {"type": "boolean"},
              "total": {"type": "integer", "description": "how many comments the whole thread has"},
              "next_after": {"type": ["integer", "null"], "description": "more follow: the next page's after (this page's last comment), else null"},
              "comments": {"type": "array", "items": {"$ref": "#/components/schemas/Comment"}}}},
  "CommentHistory": {"type": "object", "properties": {"comment": {"$ref": "#/components/schemas/Comment"},
              "revisions": {"type": "array", "items": {"type": "object", "properties": {
                "revision": {"type": "integer"}, "body": {"type": "string"}, "replaced_at": {"type": "string"}}}}}},
  "FollowState": {"type": "object", "properties": {"subject_kind": {"type": "string"},
              "subject_id": {"type": "integer"}, "following": {"type": "boolean"}}},
  "Activity": {"type": "object", "properties": {"id": {"type": "integer"}, "occurred_at": {"type": "string"},
              "kind": {"type": "string", "description": "an event kind, or comment, objection, initiative_selected, initiative_not_selected"},
              "subject_kind": {"type": "string"}, "subject_id": {"type": "integer"},
              "partner": {"type": ["integer", "null"]}, "actor": {"type": "string"},
              "details": {"type": "object"}}},
  "ActivityPage": {"type": "object", "properties": {"last_seen": {"type": "integer"}, "unseen": {"type": "integer"},
              "items": {"type": "array", "items": {"$ref": "#/components/schemas/Activity"}},
              "next_before": {"type": ["integer", "null"], "description": "the before= of the next page, if any"}}},
  "ActivitySeen": {"type": "object", "properties": {"last_seen": {"type": "integer"}, "unseen": {"type": "integer"}}},
  "NewCharterProposal": {"type": "object", "required": ["changes", "rationale"], "properties": {
              "changes": {"$ref": "#/components/schemas/CharterUpdate"},
              "rationale": {"type": "string", "description": "why the charter should change"}}},
  "CharterProposal": {"type": "object", "properties": {"id": {"type": "integer"}, "state": {"type": "string"},
              "revision": {"type": "integer"},
              "changes": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"},
                "from": {"type": ["string", "null"], "description": "the field's value now, while the proposal is open"},
                "to": {"type": "string"}}}},
              "rationale": {"type": "string"}, "proposer": {"type": ["integer", "null"]},
              "proposed_by": {"type": "string"}, "opened_at": {"type": "string"},
              "window_ends_at": {"type": "string"}, "decided_at": {"type": ["string", "null"]},
              "result": {"type": "string"}, "amendment_rule": {"type": "string"},
              "positions": {"type": "array", "items": {"type": "object", "properties": {
                "partner": {"type": "integer"}, "position": {"type": "string"}, "reason": {"type": "string"},
                "at": {"type": "string"}}}}}},
  "CharterProposalList": {"type": "array", "items": {"$ref": "#/components/schemas/CharterProposal"}},
  "CharterPositionInput": {"type": "object", "required": ["position"], "properties": {
              "position": {"type": "string"},
              "reason": {"type": "string", "description": "required with an objection"}}},
  "Coordination": {"type": "object", "properties": {"mode": {"type": "string"}, "term_cycles": {"type": "integer"},
              "current": {"type": ["object", "null"], "properties": {"first_cycle": {"type": "integer"},
                "partner": {"type": "integer"}, "name": {"type": "string"}}},
              "next_turn": {"type": ["integer", "null"]},
              "willing": {"type": "array", "items": {"type": "integer"}},
              "past_terms": {"type": "integer", "description": "terms the current partner has held, this one too"},
              "election": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/CoordinatorElection"}],
                "description": "election: the open coordinator election, else the last one decided"}}},
  "CoordinatorElection": {"type": "object", "properties": {"id": {"type": "integer"},
              "term_cycle": {"type": "integer", "description": "the cycle whose opening ended the previous term"},
              "state": {"type": "string"}, "opened_at": {"type": "string"},
              "window_ends_at": {"type": "string", "description": "votes can change until then; decided after it"},
              "decided_at": {"type": ["string", "null"]}, "elected": {"type": ["integer", "null"]},
              "result": {"type": "string", "description": "the decision in words, with the tally and the tie rule used"},
              "votes": {"type": "array", "items": {"type": "object", "properties": {"voter": {"type": "integer"},
                "candidate": {"type": "integer"}, "at": {"type": "string"}}}}}},
  "CoordinatorElectionList": {"type": "array", "items": {"$ref": "#/components/schemas/CoordinatorElection"}},
  "CoordinatorVoteInput": {"type": "object", "required": ["candidate"], "properties": {
              "candidate": {"type": "integer", "description": "the id of a member partner willing to coordinate"}}},
  "WillingInput": {"type": "object", "required": ["willing"], "properties": {"willing": {"type": "boolean"}}},
  "UpdateInput": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
  "InitiativeUpdate": {"type": "object", "properties": {"id": {"type": "integer"}, "initiative": {"type": "integer"},
              "text": {"type": "string"}, "posted_at": {"type": "string", "format": "date-time"},
              "partner": {"type": ["integer", "null"]}, "person": {"type": ["integer", "null"]},
              "author": {"type": "string"}, "status": {"type": ["string", "null"],
                "description": "the delivery status this update moved the initiative to, if it did"}}},
  "NewMilestone": {"type": "object", "required": ["title", "due_date"], "properties": {"title": {"type": "string"},
              "due_date": {"type": "string", "format": "date", "example": "2027-03-31"}}},
  "MilestoneChange": {"type": "object", "properties": {"title": {"type": "string"},
              "due_date": {"type": "string", "format": "date"}, "done": {"type": "boolean"}}},
  "Milestone": {"type": "object", "properties": {"id": {"type": "integer"}, "initiative": {"type": "integer"},
              "title": {"type": "string"}, "due_date": {"type": "string", "format": "date"},
              "done": {"type": "boolean"}, "done_at": {"type": ["string", "null"]}}},
  "StatusInput": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"},
              "reason": {"type": "string", "description": "why it is blocked; required for blocked"}}},
  "LeadValueInput": {"type": "object", "properties": {"target": {"$ref": "#/components/schemas/Exact"},
              "forecast": {"$ref": "#/components/schemas/Exact"}, "actual": {"$ref": "#/components/schemas/Exact"}},
              "description": "at least one; absent ones keep what was recorded before"},
  "LeadValue": {"type": "object", "properties": {"cycle": {"type": "integer"}, "initiative": {"type": "integer"},
              "partner": {"type": "integer"}, "target": {"type": ["string", "null"]},
              "forecast": {"type": ["string", "null"]}, "actual": {"type": ["string", "null"]},
              "recorded_at": {"type": "string"}, "recorded_by": {"type": "string"}, "confirmed": {"type": "boolean"},
              "confirmed_at": {"type": ["string", "null"]}}},
  "ConfirmInput": {"type": "object", "properties": {"partner": {"type": "integer",
              "description": "only this partner's value; absent: every value awaiting confirmation"}}},
  "LeadValueList": {"type": "array", "items": {"$ref": "#/components/schemas/LeadValue"}},
  "InitiativeDelivery": {"type": "object", "properties": {"initiative": {"$ref": "#/components/schemas/Initiative"},
              "lead_name": {"type": "string"}, "blocked_reason": {"type": "string"},
              "milestones": {"type": "array", "items": {"$ref": "#/components/schemas/Milestone"}},
              "updates": {"type": "array", "items": {"$ref": "#/components/schemas/InitiativeUpdate"}},
              "values": {"type": "array", "items": {"type": "object", "properties": {
                "partner": {"type": "integer"}, "partner_name": {"type": "string"}, "estimate": {"type": "string"},
                "target": {"type": ["string", "null"]}, "forecast": {"type": ["string", "null"]},
                "actual": {"type": ["string", "null"], "description": "confirmed: what counts in the reports"},
                "unconfirmed": {"type": ["string", "null"], "description": "the lead's actual awaiting confirmation"}}}},
              "actuals_due": {"type": "boolean"}, "may_report": {"type": "boolean"},
              "may_confirm": {"type": "boolean"}, "unit": {"type": "string"}}},
  "CycleDelivery": {"type": "object", "properties": {"cycle": {"type": "integer"}, "selected": {"type": "integer"},
              "delivered": {"type": "integer"}, "blocked": {"type": "integer"}, "in_progress": {"type": "integer"},
              "milestones_done": {"type": "integer"}, "milestones_total": {"type": "integer"},
              "actuals_due": {"type": "integer"}, "actuals_due_cycles": {"type": "integer"},
              "initiatives": {"type": "array", "items": {"type": "object", "properties": {
                "initiative": {"type": "integer"}, "title": {"type": "string"}, "lead": {"type": ["integer", "null"]},
                "lead_name": {"type": "string"}, "status": {"type": "string"},
                "milestones_done": {"type": "integer"}, "milestones_total": {"type": "integer"},
                "actuals_recorded": {"type": "boolean"}, "actuals_due": {"type": "boolean"}}}}}},
  "LeadList": {"type": "array", "items": {"type": "object", "properties": {"initiative": {"type": "integer"},
              "title": {"type": "string"}, "cycle": {"type": "integer"}, "status": {"type": "string"},
              "estimated": {"type": "string"}, "realised": {"type": "string",
                "description": "the confirmed actuals of every partner"}}}},
  "KindPreference": {"type": "object", "properties": {"kind": {"type": "string"}, "cadence": {"type": "string"},
              "chosen": {"type": "boolean", "description": "false: the kind's default is in force"},
              "default": {"type": "string"}}},
  "Preferences": {"type": "object", "properties": {"person": {"type": "integer"},
              "preferences": {"type": "array", "items": {"$ref": "#/components/schemas/KindPreference"}}}},
  "PreferenceChange": {"type": "object", "required": ["kind", "cadence"], "properties": {
              "kind": {"type": "string"}, "cadence": {"type": "string"}}},
  "PreferencesUpdate": {"type": "object", "required": ["preferences"], "properties": {
              "preferences": {"type": "array", "maxItems": 100,
                "items": {"$ref": "#/components/schemas/PreferenceChange"}}}},
  "Unsubscribe": {"type": "object", "properties": {"person": {"type": "integer"}, "person_name": {"type": "string"},
              "network": {"type": "string"}, "kind": {"type": "string"},
              "unsubscribed": {"type": "boolean", "description": "false for a GET: nothing changed"},
              "message": {"type": "string"}}}
})JSON";

//! The longest text each text property takes: the program's limits, stated in the document.
const std::vector<std::pair<const char*, const program::TextField*>>& text_properties() {
  static const std::vector<std::pair<const char*, const program::TextField*>> table = {
      {"/Charter/properties/name", &program::kNameField},
      {"/Charter/properties/unit", &program::kUnitField},
      {"/NewPartner/properties/name", &program::kNameField},
      {"/NewObjective/properties/name", &program::kNameField},
      {"/NewObjective/properties/unit", &program::kUnitField},
      {"/NewInitiative/properties/title", &program::kTitleField},
      {"/NewInitiative/properties/description", &program::kDescriptionField},
      {"/BallotInput/properties/objections/items/properties/reason", &program::kReasonField},
      {"/Scorecard/properties/criteria/items/properties/name", &program::kNameField},
      {"/NewToken/properties/label", &program::kLabelField},
      {"/NewPerson/properties/name", &program::kNameField},
      {"/WithdrawInput/properties/reason", &program::kReasonField},
      {"/NewComment/properties/body", &program::kCommentField},
      {"/CommentEdit/properties/body", &program::kCommentField},
      {"/HideInput/properties/reason", &program::kReasonField},
      {"/NewCharterProposal/properties/rationale", &program::kDescriptionField},
      {"/CharterPositionInput/properties/reason", &program::kReasonField},
      {"/UpdateInput/properties/text", &program::kUpdateField},
      {"/NewMilestone/properties/title", &program::kTitleField},
      {"/MilestoneChange/properties/title", &program::kTitleField},
      {"/StatusInput/properties/reason", &program::kReasonField}};
  return table;
}

//! The error kinds only the HTTP layer sends (api.cpp, http_session.cpp), after core's ErrorKind names.
constexpr std::array<const char*, 5> kTransportErrorKinds{
    "payload_too_large", "method_not_allowed", "headers_too_large", "too_many_requests", "service_unavailable"};

std::vector<std::string> error_kinds() {
  std::vector<std::string> kinds = core::names_of<core::ErrorKind>();
  kinds.insert(kinds.end(), kTransportErrorKinds.begin(), kTransportErrorKinds.end());
  return kinds;
}

//! The names a token can be issued for over HTTP: every role but the operator (who holds the database) and
//! the administrator (whose tokens only the CLI issues, into the deployment).
std::vector<std::string> issuable_roles() {
  std::vector<std::string> roles;
  for (const program::Role role : core::all_of<program::Role>()) {
    if (role != program::Role::kOperator && role != program::Role::kAdmin) {
      roles.emplace_back(core::name_of(role));
    }
  }
  return roles;
}

//! The roles a person can have: representative, coordinator, observer.
std::vector<std::string> person_roles() {
  return {std::string(core::name_of(program::Role::kRepresentative)),
          std::string(core::name_of(program::Role::kCoordinator)),
          std::string(core::name_of(program::Role::kObserver))};
}

//! The values each enum-valued property takes: the enums' name tables (core/enum_names.hpp).
std::vector<std::pair<const char*, std::vector<std::string>>> enum_properties() {
  return {{"/Error/properties/error/properties/kind", error_kinds()},
          {"/Session/properties/role", core::names_of<program::Role>()},
          {"/Charter/properties/rule", core::names_of<net::SelectionRule>()},
          {"/Charter/properties/sharing", core::names_of<net::SharingPolicy>()},
          {"/Charter/properties/ranking_rule", core::names_of<core::ranking::RankingRule>()},
          {"/Charter/properties/disclosure", core::names_of<net::BallotDisclosure>()},
          {"/Charter/properties/deadline_action", core::names_of<net::DeadlineAction>()},
          {"/Charter/properties/amendment_rule", core::names_of<net::AmendmentRule>()},
          {"/Charter/properties/coordination", core::names_of<net::Coordination>()},
          {"/CharterProposal/properties/state", core::names_of<program::ProposalState>()},
          {"/CharterProposal/properties/amendment_rule", core::names_of<net::AmendmentRule>()},
          {"/CharterProposal/properties/positions/items/properties/position", core::names_of<program::Position>()},
          {"/CharterPositionInput/properties/position", core::names_of<program::Position>()},
          {"/Coordination/properties/mode", core::names_of<net::Coordination>()},
          {"/CoordinatorElection/properties/state", core::names_of<program::ElectionState>()},
          {"/Charter/properties/fairness/properties/weight_policy", core::names_of<core::perpetual::WeightPolicy>()},
          {"/Charter/properties/fairness/properties/weight_absence", core::names_of<core::perpetual::WeightAbsence>()},
          {"/NewPartner/properties/tier", core::names_of<net::Tier>()},
          {"/NewWebhook/properties/format", core::names_of<program::WebhookFormat>()},
          {"/Webhook/properties/format", core::names_of<program::WebhookFormat>()},
          {"/Delivery/properties/state", core::names_of<program::DeliveryState>()},
          {"/Delivery/properties/channel", core::names_of<program::DeliveryChannel>()},
          {"/InboxItem/properties/kind", core::names_of<program::EventKind>()},
          {"/Partner/properties/tier", core::names_of<net::Tier>()},
          {"/NewObjective/properties/kpi", core::names_of<net::Kpi>()},
          {"/NewInitiative/properties/channel", core::names_of<net::Channel>()},
          {"/Initiative/allOf/1/properties/status", core::names_of<net::InitiativeStatus>()},
          {"/Scorecard/properties/formula", core::names_of<net::ScorecardFormula>()},
          {"/Scorecard/properties/criteria/items/properties/kind", core::names_of<net::CriterionKind>()},
          {"/Cycle/properties/state", core::names_of<net::CycleState>()},
          {"/Cycle/properties/rule", core::names_of<net::SelectionRule>()},
          {"/CycleOutcome/properties/rule", core::names_of<net::SelectionRule>()},
          {"/BallotInput/properties/format", core::names_of<net::BallotFormat>()},
          {"/NewToken/properties/role", issuable_roles()},
          {"/NewPerson/properties/role", person_roles()},
          {"/NewPerson/properties/language", core::names_of<program::Language>()},
          {"/Person/properties/role", person_roles()},
          {"/Person/properties/language", core::names_of<program::Language>()},
          {"/Token/properties/role", core::names_of<program::Role>()},
          {"/Home/properties/tasks/items/properties/kind", core::names_of<program::HomeTaskKind>()},
          {"/Home/properties/attention/items/properties/kind", core::names_of<program::AttentionKind>()},
          {"/Simulation/properties/state", core::names_of<SimulationState>()},
          {"/Comment/properties/subject_kind", core::names_of<program::SubjectKind>()},
          {"/Comment/properties/kind", core::names_of<program::CommentKind>()},
          {"/Comment/properties/state", core::names_of<program::CommentState>()},
          {"/Thread/properties/subject_kind", core::names_of<program::SubjectKind>()},
          {"/FollowState/properties/subject_kind", core::names_of<program::SubjectKind>()},
          {"/Activity/properties/subject_kind", core::names_of<program::SubjectKind>()},
          {"/StatusInput/properties/status",
           {std::string(core::name_of(net::InitiativeStatus::kInProgress)),
            std::string(core::name_of(net::InitiativeStatus::kBlocked)),
            std::string(core::name_of(net::InitiativeStatus::kDelivered))}},
          {"/CycleDelivery/properties/initiatives/items/properties/status", core::names_of<net::InitiativeStatus>()},
          {"/LeadList/items/properties/status", core::names_of<net::InitiativeStatus>()},
          {"/KindPreference/properties/kind", core::names_of<program::EventKind>()},
          {"/KindPreference/properties/cadence", core::names_of<program::Cadence>()},
          {"/KindPreference/properties/default", core::names_of<program::Cadence>()},
          {"/PreferenceChange/properties/kind", core::names_of<program::EventKind>()},
          {"/PreferenceChange/properties/cadence", core::names_of<program::Cadence>()},
          {"/Unsubscribe/properties/kind", core::names_of<program::EventKind>()}};
}

//! The charter's properties and the settings-table rows they are: their defaults and ranges come from there.
struct SettingProperty {
  const char* pointer;
  core::settings::Name name;
};
const std::vector<SettingProperty>& setting_properties() {
  static const std::vector<SettingProperty> table = {
      SettingProperty{"/Charter/properties/capacity", "charter.capacity"},
      SettingProperty{"/Charter/properties/rule", "charter.rule"},
      SettingProperty{"/Charter/properties/fairness/properties/max_dry_spell", "charter.max_dry_spell"},
      SettingProperty{"/Charter/properties/fairness/properties/max_deopt_share", "charter.max_deopt_share"},
      SettingProperty{"/Charter/properties/fairness/properties/perpetual_weighting", "charter.perpetual_weighting"},
      SettingProperty{"/Charter/properties/fairness/properties/weight_policy", "charter.weight_policy"},
      SettingProperty{"/Charter/properties/fairness/properties/weight_absence", "charter.weight_absence"},
      SettingProperty{"/Charter/properties/sharing", "charter.sharing"},
      SettingProperty{"/Charter/properties/leadership/properties/max_concurrent_leads", "charter.max_concurrent_leads"},
      SettingProperty{"/Charter/properties/ranking_rule", "charter.ranking_rule"},
      SettingProperty{"/Charter/properties/disclosure", "charter.disclosure"},
      SettingProperty{"/Charter/properties/deadline_action", "charter.deadline_action"},
      SettingProperty{"/Charter/properties/unit", "charter.unit"},
      SettingProperty{"/Charter/properties/reminder_hours", "charter.reminder_hours"},
      SettingProperty{"/Charter/properties/close_turnout_warning", "charter.close_turnout_warning"},
      SettingProperty{"/Charter/properties/amendment_rule", "charter.amendment_rule"},
      SettingProperty{"/Charter/properties/amendment_majority", "charter.amendment_majority"},
      SettingProperty{"/Charter/properties/amendment_window_hours", "charter.amendment_window_hours"},
      SettingProperty{"/Charter/properties/coordination", "charter.coordination"},
      SettingProperty{"/Charter/properties/coordination_term", "charter.coordination_term"},
      SettingProperty{"/Charter/properties/score_max", "charter.score_max"},
      SettingProperty{"/Charter/properties/points_budget", "charter.points_budget"}};
  return table;
}

//! A row's default as JSON: a number for integers, a boolean for booleans, else the text.
nlohmann::json default_of(const core::settings::Setting& setting) {
  switch (setting.type) {
    case core::settings::Type::kInteger:
      return std::stoll(std::string(setting.default_text));
    case core::settings::Type::kBoolean:
      return setting.default_text == "true";
    default:
      return std::string(setting.default_text);
  }
}

//! Each settings-backed property gets its row's default, help and range (integers: minimum, maximum).
void add_settings(nlohmann::json& schemas) {
  for (const SettingProperty& entry : setting_properties()) {
    const core::settings::Setting& setting = core::settings::row(entry.name);
    nlohmann::json& property = schemas[nlohmann::json::json_pointer(entry.pointer)];
    property["default"] = default_of(setting);
    const std::string range = core::settings::range_text(setting);
    property["description"] = std::string(setting.help) + (range.empty() ? "" : " (" + range + ")");
    if (setting.type == core::settings::Type::kInteger && !setting.min.empty()) {
      property["minimum"] = std::stoll(std::string(setting.min));
    }
    if (setting.type == core::settings::Type::kInteger && !setting.max.empty()) {
      property["maximum"] = std::stoll(std::string(setting.max));
    }
  }
}

//! A what-if's bounds (simulation_jobs.hpp): networks, cycles and their defaults.
void add_simulation_bounds(nlohmann::json& schemas) {
  nlohmann::json& input = schemas["SimulationInput"]["properties"];
  input["networks"]["minimum"] = kMinSimulatedNetworks;
  input["networks"]["maximum"] = kMaxSimulatedNetworks;
  input["networks"]["default"] = kDefaultSimulatedNetworks;
  input["cycles"]["minimum"] = 1;
  input["cycles"]["maximum"] = kMaxSimulatedCycles;
  input["cycles"]["default"] = kDefaultSimulatedCycles;
  input["seed"]["maximum"] = std::int64_t{1} << 53;
  input["seed"]["default"] = core::settings::integer_default("simulate.seed");
}

nlohmann::json with_limits(nlohmann::json schemas) {
  add_settings(schemas);
  add_simulation_bounds(schemas);
  nlohmann::json& exact = schemas["Exact"];
  exact["pattern"] = core::kExactNumberPattern;
  exact["description"] =
      "an exact number: a string like \"12\", \"-3\", \"12.5\" or \"7/2\", or a JSON integer. "
      "Amounts (costs, capacities, estimates, actuals, KPI values, scores, points) are at most " +
      std::to_string(program::kMaxAmount) +
      " in magnitude, with at most 6 decimal places or a "
      "denominator up to " +
      std::to_string(program::kMaxDenominator);
  for (const auto& [pointer, field] : text_properties()) {
    nlohmann::json& property = schemas[nlohmann::json::json_pointer(pointer)];
    property["maxLength"] = field->max_chars;
    property["description"] = field->shape == core::TextShape::kLine ? "one line of text, no control characters"
                                                                     : "text; newlines and tabs allowed, no other "
                                                                       "control characters";
  }
  for (auto& [pointer, names] : enum_properties()) {
    schemas[nlohmann::json::json_pointer(pointer)]["enum"] = std::move(names);
  }
  return schemas;
}

}  // namespace

const nlohmann::json& api_schemas() {
  static const nlohmann::json parsed = with_limits(nlohmann::json::parse(kSchemas));
  return parsed;
}

}  // namespace covalue::server
