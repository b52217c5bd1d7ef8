// The archive's tables carried row by row, and the account of every table and column (archive_tables.hpp).
#include "covalue/program/archive_tables.hpp"

#include <string>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/initiative.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/program/charter_proposal.hpp"
#include "covalue/program/coordinator_election.hpp"
#include "covalue/program/discussion.hpp"
#include "covalue/program/notification.hpp"
#include "covalue/program/outbox.hpp"
#include "covalue/program/preferences.hpp"

namespace covalue::program {
namespace {

using enum ArchiveColumnType;
using enum ArchiveReference;

//! kInvalidInput at `where` unless `value` is a name of the enum E (its name table's words).
template <core::NamedEnum E>
core::Status name_of_enum(std::string_view value, const std::string& where) {
  if (auto parsed = core::parse_name<E>(value); !parsed) {
    return core::make_error(core::ErrorKind::kInvalidInput, parsed.error().message, where);
  }
  return {};
}

//! An initiative's delivery status, or "" on an update that did not move it.
core::Status update_status(std::string_view value, const std::string& where) {
  return value.empty() ? core::Status() : name_of_enum<core::network::InitiativeStatus>(value, where);
}

//! An exact number in its canonical text ("-7/3").
core::Status rational(std::string_view value, const std::string& where) {
  if (auto parsed = core::parse_rational(value); !parsed) {
    return core::make_error(core::ErrorKind::kInvalidInput, "expected an exact number such as \"7/2\"", where);
  }
  return {};
}

//! A column of the integer, text or boolean type.
ArchiveColumn col(const char* name, ArchiveColumnType type, ArchiveReference refers_to = kNone) {
  return {name, type, false, refers_to, nullptr};
}
//! A column that may be null.
ArchiveColumn nullable(const char* name, ArchiveColumnType type, ArchiveReference refers_to = kNone) {
  return {name, type, true, refers_to, nullptr};
}
//! A text column whose values `check` accepts.
ArchiveColumn checked(const char* name, core::Status (*check)(std::string_view, const std::string&),
                      bool may_be_null = false) {
  return {name, kText, may_be_null, kNone, check};
}

}  // namespace

const std::vector<ArchiveTableSpec>& archive_tables() {
  // Each table after the ones it names: people and partners come from the typed parts, written first.
  static const std::vector<ArchiveTableSpec> tables = {
      {"notification_preferences",
       {col("person_id", kInteger, kPerson), checked("kind", name_of_enum<EventKind>),
        checked("cadence", name_of_enum<Cadence>)},
       2,
       "each person's chosen cadence per kind of event (kinds without a row use their default)"},
      {"network_secrets",
       {col("name", kText), col("secret", kText)},
       1,
       "the key that signs one-click unsubscribe links: links in e-mail sent before the move keep working"},
      {"webhooks",
       {col("id", kInteger), col("url", kText), col("secret", kText), checked("format", name_of_enum<WebhookFormat>),
        col("events", kText), col("created_at", kText), col("removed", kBoolean)},
       1,
       "the URLs the network's events are posted to, with the secrets that sign them, removed ones too"},
      {"notification_events",
       {col("id", kInteger), checked("kind", name_of_enum<EventKind>), col("occurred_at", kText),
        col("cycle", kInteger), nullable("partner_id", kInteger, kPartner), col("payload", kText),
        nullable("event_key", kText)},
       1,
       "the outbox's events, delivered or not"},
      {"deliveries",
       {col("id", kInteger), col("event_id", kInteger, kEvent), nullable("person_id", kInteger, kPerson),
        nullable("webhook_id", kInteger, kWebhook), checked("channel", name_of_enum<DeliveryChannel>),
        col("delivery_key", kText), checked("state", name_of_enum<DeliveryState>), col("attempts", kInteger),
        col("next_attempt_at", kText), col("last_error", kText), col("delivered_at", kText), col("read_at", kText)},
       1,
       "one per event, recipient and channel: the inboxes (read or not) and what e-mail and webhooks still owe"},
      {"digest_waits",
       {col("person_id", kInteger, kPerson), col("event_id", kInteger, kEvent),
        checked("cadence", name_of_enum<Cadence>), col("occurred_at", kText)},
       2,
       "events waiting for a person's daily or weekly digest"},
      {"charter_proposals",
       {col("id", kInteger), col("proposed", kText), col("fields", kText), col("rationale", kText),
        nullable("proposer_id", kInteger, kPartner), col("proposed_by", kText), col("revision", kInteger),
        col("opened_at", kText), col("window_ends_at", kText), checked("state", name_of_enum<ProposalState>),
        col("decided_at", kText), col("result", kText)},
       1,
       "changes to the charter proposed to the partners, decided or open"},
      {"charter_positions",
       {col("proposal_id", kInteger, kProposal), col("partner_id", kInteger, kPartner),
        checked("position", name_of_enum<Position>), col("reason", kText), col("at", kText), col("actor", kText)},
       2,
       "each partner's position on a proposal's current revision"},
      {"coordination_willing", {col("partner_id", kInteger, kPartner)}, 1, "the partners willing to coordinate"},
      {"coordination_terms",
       {col("first_cycle", kInteger), col("partner_id", kInteger, kPartner)},
       1,
       "the terms of the coordination rotation: from which cycle which partner coordinates"},
      {"coordinator_elections",
       {col("id", kInteger), col("term_cycle", kInteger), col("opened_at", kText), col("window_ends_at", kText),
        checked("state", name_of_enum<ElectionState>), col("decided_at", kText),
        col("elected_id", kInteger, kPartnerOrZero), col("result", kText)},
       1,
       "the elections of the coordinating partner, open or decided"},
      {"coordinator_votes",
       {col("election_id", kInteger, kElection), col("voter_id", kInteger, kPartner),
        col("candidate_id", kInteger, kPartner), col("at", kText), col("actor", kText)},
       2,
       "each partner's vote in an election"},
      {"comments",
       {col("id", kInteger), checked("subject_kind", name_of_enum<SubjectKind>), col("subject_id", kInteger, kSubject),
        nullable("parent_id", kInteger, kComment), checked("kind", name_of_enum<CommentKind>),
        nullable("author_person_id", kInteger, kPerson), nullable("partner_id", kInteger, kPartner),
        col("author_name", kText), col("actor", kText), col("body", kText), col("mentions", kText),
        col("created_at", kText), col("edited_at", kText), checked("state", name_of_enum<CommentState>),
        col("hidden_reason", kText)},
       1,
       "the threads on initiatives, cycles and charter proposals, deleted and hidden comments too"},
      {"comment_revisions",
       {col("comment_id", kInteger, kComment), col("revision", kInteger), col("body", kText),
        col("replaced_at", kText)},
       2,
       "the earlier texts of edited and deleted comments"},
      {"follows",
       {col("person_id", kInteger, kPerson), checked("subject_kind", name_of_enum<SubjectKind>),
        col("subject_id", kInteger, kSubject), col("following", kBoolean)},
       3,
       "each person's own choices to follow a subject or not"},
      {"activity",
       {col("id", kInteger), col("occurred_at", kText), col("kind", kText),
        checked("subject_kind", name_of_enum<SubjectKind>), col("subject_id", kInteger, kSubject),
        nullable("partner_id", kInteger, kPartner), checked("audience", name_of_enum<ActivityAudience>),
        col("actor", kText), nullable("person_id", kInteger, kPerson), col("payload", kText)},
       1,
       "what people's activity feeds are made of"},
      {"activity_seen",
       {col("person_id", kInteger, kPerson), col("last_seen", kInteger)},
       1,
       "the newest activity each person has seen"},
      {"initiative_updates",
       {col("id", kInteger), col("initiative_id", kInteger, kInitiative), col("body", kText), col("posted_at", kText),
        nullable("partner_id", kInteger, kPartner), nullable("person_id", kInteger, kPerson), col("author", kText),
        checked("status", update_status)},
       1,
       "the progress updates of selected initiatives (a move of the delivery status carries it)"},
      {"milestones",
       {col("id", kInteger), col("initiative_id", kInteger, kInitiative), col("title", kText), col("due_date", kText),
        col("done", kBoolean), col("done_at", kText)},
       1,
       "the milestones of selected initiatives"},
      {"lead_realised_values",
       {col("cycle", kInteger, kCycle), col("initiative_id", kInteger, kInitiative),
        col("partner_id", kInteger, kPartner), checked("target", rational, true), checked("forecast", rational, true),
        checked("actual", rational, true), col("recorded_at", kText), col("recorded_by", kText),
        col("confirmed", kBoolean), col("confirmed_at", kText)},
       3,
       "what leads recorded their initiatives realised per partner, confirmed or awaiting a coordinator"},
      {"delegations",
       {col("cycle", kInteger, kCycle), col("partner_id", kInteger, kPartner), col("proxy_id", kInteger, kPartner),
        col("created_at", kText)},
       2,
       "partners' ballots handed to a proxy, per cycle (an open cycle's still count)"},
  };
  return tables;
}

const ArchiveTableSpec* archive_table(std::string_view name) {
  for (const ArchiveTableSpec& spec : archive_tables()) {
    if (spec.name == name) {
      return &spec;
    }
  }
  return nullptr;
}

const std::vector<ArchiveAccount>& archive_typed_columns() {
  // Each column by name: a column added to one of these tables is carried only once its part writes and reads
  // it (and is listed here), so the coverage test names it until then.
  static const std::vector<ArchiveAccount> typed = {
      {"networks", "name", "charter.name"},
      {"charter",
       "capacity rule max_dry_spell max_deopt_share perpetual_weighting sharing max_concurrent_leads ranking_rule "
       "disclosure weight_policy weight_absence deadline_action unit reminder_hours amendment_rule amendment_majority "
       "amendment_window_hours coordination coordination_term close_turnout_warning score_max points_budget",
       "charter"},
      {"partners", "id name tier joined_cycle left_cycle", "partners"},
      {"objectives", "id partner_id kpi name unit baseline target", "objectives"},
      {"initiatives", "id title description channel proposer_id cost status cycle lead_id", "initiatives"},
      {"initiative_impacts", "initiative_id partner_id position estimate", "initiatives[].impacts"},
      {"initiative_objectives", "initiative_id objective_id position", "initiatives[].objectives"},
      {"initiative_volunteers", "initiative_id partner_id position accepted", "initiatives[].volunteers, nominees"},
      {"cycles", "number state capacity rule proposals_close_at voting_closes_at", "cycles"},
      {"cycle_shortlist", "cycle initiative_id position", "cycles[].shortlist"},
      {"ballots", "cycle partner_id format cast_by", "ballots"},
      {"ballot_entries", "cycle partner_id initiative_id position value", "ballots[].entries"},
      {"ballot_objections", "cycle partner_id initiative_id position reason", "ballots[].objections"},
      {"outcomes", "cycle document", "outcomes"},
      {"realised_values", "cycle initiative_id partner_id target forecast actual", "realised_values"},
      {"kpi_measurements", "cycle objective_id value", "kpi_measurements"},
      {"scorecard", "formula shortlist_size", "scorecard"},
      {"scorecard_criteria", "position name kind weight low high", "scorecard.criteria"},
      {"initiative_scores", "initiative_id partner_id criterion value", "scores"},
      {"people", "id partner_id name email role time_zone language removed password_hash", "people"},
      {"access_tokens", "id role partner_id label secret_hash issued_at revoked person_id", "tokens"},
      {"audit_log", "sequence time actor action detail previous_hash hash", "audit"},
  };
  return typed;
}

const std::vector<ArchiveAccount>& archive_exclusions() {
  static const std::vector<ArchiveAccount> excluded = {
      // Which network a row belongs to is the archive itself: an import gives every row the new network's id.
      {"*", "network_id", "the archive is one network's; an import writes the target network's id"},
      {"networks", "id", "the target database numbers its networks; an import gets the next free id"},
      // Sign-in sessions and one-time links are short-lived secrets bound to a deployment: people sign in
      // again (their password hashes are carried) and a coordinator sends new set-password links.
      {"web_sessions", "*", "browser sessions expire (12 hours idle, 30 days old): people sign in again"},
      {"password_links", "*", "one-time set-password links expire within hours: a coordinator sends new ones"},
      // The schema's own bookkeeping belongs to the database, not to a network.
      {"schema_migrations", "*", "the database's schema version, not a network's data"},
  };
  return excluded;
}

namespace {

//! True when `words` (names separated by spaces, or "*" for any) names `word`.
bool names(std::string_view words, std::string_view word) {
  if (words == "*") {
    return true;
  }
  while (!words.empty()) {
    const std::size_t space = words.find(' ');
    if (words.substr(0, space) == word) {
      return true;
    }
    words = space == std::string_view::npos ? std::string_view() : words.substr(space + 1);
  }
  return false;
}

}  // namespace

std::string archive_account(std::string_view table, std::string_view column) {
  const auto matches = [&](const ArchiveAccount& account) {
    return names(account.table, table) && names(account.columns, column);
  };
  for (const ArchiveAccount& account : archive_exclusions()) {
    if (matches(account)) {
      return std::string("excluded: ") + account.reason;
    }
  }
  for (const ArchiveAccount& account : archive_typed_columns()) {
    if (matches(account)) {
      return std::string("typed: ") + account.reason;
    }
  }
  if (const ArchiveTableSpec* spec = archive_table(table); spec != nullptr) {
    for (const ArchiveColumn& carried : spec->columns) {
      if (carried.name == column) {
        return "rows: " + std::string(spec->name);
      }
    }
  }
  return {};
}

}  // namespace covalue::program
