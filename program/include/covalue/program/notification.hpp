#pragma once

// Notifications (issue 13): what the program tells people, and the two delivery ports the outbox's worker
// sends through. The program records events in the same transaction as the change that causes them (the
// outbox) and turns each into one Notification per recipient and channel; adapters deliver them: an SMTP
// Mailer and an HTTP WebhookPoster (adapters/delivery). The in-app inbox needs no port: it is the store.

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "covalue/core/enum_names.hpp"

namespace covalue::program {

//! What happened, as people choose to hear about it (their preferences are per kind).
enum class EventKind {
  kCycleOpened,         //!< a cycle opened for proposals
  kVotingOpened,        //!< voting started
  kVotingClosesSoon,    //!< voting closes within one of the charter's lead times (to partners that have not voted)
  kCycleClosed,         //!< a cycle closed: each partner's own result
  kLeadNamed,           //!< a partner was named lead of a selected initiative
  kProposalWithdrawn,   //!< a proposal was withdrawn or pulled
  kActualsDue,          //!< a lead's actuals for a closed cycle are due
  kDrySpellLimit,       //!< a partner's dry spell reached the charter's limit (protected next cycle)
  kRetentionRisk,       //!< a partner's retention risk crossed the threshold (to coordinators)
  kDeadlineDue,         //!< a deadline passed and the charter leaves the move to the coordinator (remind)
  kDelegated,           //!< a partner delegated its ballot for a cycle to the recipient's partner (its proxy)
  kCharterProposed,     //!< a charter proposal opened or was revised: partners take positions (issue 14)
  kCharterDecided,      //!< a charter proposal was decided: adopted or rejected (issue 14)
  kDigest,              //!< a daily or weekly summary of several events (a message, never an event itself)
  kMentioned,           //!< a comment mentions the partner or the person (@name)
  kCommentReply,        //!< someone replied to the person's comment (or to the partner's objection)
  kElectionOpened,      //!< a coordinator election opened: partners vote for a willing partner (issue 14)
  kCoordinatorElected,  //!< a coordinator election was decided: the partner elected coordinates (issue 14)
};

//! The names of event kinds (X-Covalue-Event, the API, preferences, `webhook add --events`).
constexpr auto enum_names(EventKind /*tag*/) {
  using enum EventKind;
  return core::NameTable{"event kind", std::to_array<core::EnumName<EventKind>>({
                                           {kCycleOpened, "cycle_opened"},
                                           {kVotingOpened, "voting_opened"},
                                           {kVotingClosesSoon, "voting_closes_soon"},
                                           {kCycleClosed, "cycle_closed"},
                                           {kLeadNamed, "lead_named"},
                                           {kProposalWithdrawn, "proposal_withdrawn"},
                                           {kActualsDue, "actuals_due"},
                                           {kDrySpellLimit, "dry_spell_limit"},
                                           {kRetentionRisk, "retention_risk"},
                                           {kDeadlineDue, "deadline_due"},
                                           {kDelegated, "delegated"},
                                           {kCharterProposed, "charter_proposed"},
                                           {kCharterDecided, "charter_decided"},
                                           {kDigest, "digest"},
                                           {kMentioned, "mentioned"},
                                           {kCommentReply, "comment_reply"},
                                           {kElectionOpened, "election_opened"},
                                           {kCoordinatorElected, "coordinator_elected"},
                                       })};
}

//! The shape a webhook's POST body takes: covalue's own JSON, or what Slack's or Microsoft Teams' incoming
//! webhooks accept.
enum class WebhookFormat { kJson, kSlack, kTeams };

//! The names of webhook formats (`webhook add --format`).
constexpr auto enum_names(WebhookFormat /*tag*/) {
  using enum WebhookFormat;
  return core::NameTable{"webhook format", std::to_array<core::EnumName<WebhookFormat>>(
                                               {{kJson, "json"}, {kSlack, "slack"}, {kTeams, "teams"}})};
}

//! One message, independent of the channel that carries it: an adapter renders it as an e-mail (text and
//! HTML) or a webhook body. All text is plain UTF-8 (user-written names included): renderers escape it.
struct Notification {
  EventKind kind{EventKind::kCycleOpened};
  std::string network;                                     //!< the network's name
  std::string subject;                                     //!< one line: "Voting on cycle 4 closes in 6 hours"
  std::vector<std::string> paragraphs;                     //!< the body, one plain-text paragraph each
  std::vector<std::pair<std::string, std::string>> facts;  //!< label and value: {"Voting closes", "10 Dec 17:00 UTC"}
  std::string link;         //!< the page this is about: an absolute URL, or a path ("/cycles/4") without a public URL
  std::string occurred_at;  //!< when the event happened, ISO 8601 UTC
};

//! How one delivery attempt ended. kRetry: try again later (a refused connection, a 4xx SMTP reply, an HTTP
//! 5xx or 429, a timeout); kPermanent: retrying cannot help (a 5xx SMTP reply for this address, an HTTP 4xx).
enum class DeliveryOutcome { kDelivered, kRetry, kPermanent };

//! An attempt's outcome and, unless delivered, what went wrong in words ("SMTP 451 from 127.0.0.1:2525: ...").
struct DeliveryReport {
  DeliveryOutcome outcome{DeliveryOutcome::kDelivered};
  std::string detail;
};

//! Who an e-mail goes to, and the headers that make it safe to resend and easy to leave.
struct MailEnvelope {
  std::string from;             //!< the deployment's address (`serve --mail-from`)
  std::string to;               //!< the recipient's address
  std::string to_name;          //!< the recipient's name (may be empty)
  std::string message_id;       //!< "<KEY@covalue>": the same on every attempt, so a resend is recognisable
  std::string unsubscribe_url;  //!< one-click unsubscribe for this kind (RFC 8058); empty: none
  std::string preferences_url;  //!< the page where the recipient chooses which e-mails it gets; empty: none
};

//! The e-mail port: renders a notification as multipart text + HTML and sends it. Never throws.
class Mailer {
 public:
  virtual ~Mailer() = default;
  [[nodiscard]] virtual DeliveryReport send(const MailEnvelope& envelope, const Notification& message) = 0;
};

//! Where a webhook posts to.
struct WebhookTarget {
  std::string url;     //!< http:// or https://
  std::string secret;  //!< the HMAC-SHA256 key of X-Covalue-Signature
  WebhookFormat format{WebhookFormat::kJson};
};

//! The webhook port: renders a notification in the target's format and POSTs it with the headers
//! X-Covalue-Event, X-Covalue-Delivery (`delivery_key`) and X-Covalue-Signature. Never throws.
class WebhookPoster {
 public:
  virtual ~WebhookPoster() = default;
  [[nodiscard]] virtual DeliveryReport post(const WebhookTarget& target, const std::string& delivery_key,
                                            const Notification& message) = 0;
};

}  // namespace covalue::program
