// Notifications in words: what each kind of event says, channel-neutral (adapters render it as e-mail or a
// webhook body; the inbox shows it as it is).
#include <nlohmann/json.hpp>

#include <cctype>
#include <string_view>

#include "covalue/core/rational.hpp"
#include "covalue/program/outbox.hpp"
#include "covalue/program/time_zone.hpp"
#include "covalue/program/utc_time.hpp"

namespace covalue::program {
namespace {

using nlohmann::json;

//! The text of payload member `key` ("" when absent or not text).
std::string text(const json& payload, const char* key) {
  const auto found = payload.find(key);
  return found != payload.end() && found->is_string() ? found->get<std::string>() : std::string();
}

//! The integer of payload member `key` (0 when absent or not an integer).
std::int64_t integer(const json& payload, const char* key) {
  const auto found = payload.find(key);
  return found != payload.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}

std::string cycle_name(const NotificationEvent& event) { return "cycle " + std::to_string(event.cycle); }

//! An exact amount of the payload as people read it: rounded to two decimals with its unit ("-4.26 value
//! points"); the text as stored when it is not a number.
std::string amount(const json& payload, const char* key, const std::string& unit) {
  const std::string exact = text(payload, key);
  core::Result<core::Rational> value = core::parse_rational(exact);
  if (!value) {
    return exact + " " + unit;
  }
  core::Rational hundredths = *value * 100;
  const core::Integer rounded = (hundredths.get_num() * 2 + (hundredths >= 0 ? 1 : -1) * hundredths.get_den()) /
                                (hundredths.get_den() * 2);  // half away from zero
  core::Rational shown(rounded, 100);
  shown.canonicalize();
  return core::to_decimal_string(shown) + " " + unit;
}

//! A UTC time of the payload in words in `zone`: "Tue 8 Dec 2026, 20:04 CET" (the text as stored when it is not a
//! time).
std::string moment(const json& payload, const char* key, const TimeZone& zone) {
  std::string stored = text(payload, key);
  core::Result<UtcSeconds> at = parse_utc(stored, key);
  if (!at) {
    return stored;
  }
  return moment_in_words(*at, zone);
}

//! `line` with its first letter capitalised: subjects and paragraphs are sentences.
std::string sentence(std::string line) {
  if (!line.empty()) {
    line[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
  }
  return line;
}

void render_cycle_closed(Notification& out, const NotificationEvent& event, const json& payload) {
  const std::string unit = text(payload, "unit");
  if (event.partner) {
    out.subject = "Your result of " + cycle_name(event);
    out.paragraphs.push_back(cycle_name(event) + " closed. This is what it means for " + text(payload, "partner_name") +
                             ".");
    out.facts = {{"Estimated value", amount(payload, "estimated_value", unit)},
                 {"Transfer", amount(payload, "transfer", unit)},
                 {"Net value", amount(payload, "net_value", unit)},
                 {"Dry spell", std::to_string(integer(payload, "dry_spell")) + " cycles"}};
    const auto leads = payload.find("leads");
    if (leads != payload.end() && leads->is_array() && !leads->empty()) {
      std::string titles;
      for (const json& lead : *leads) {
        titles += (titles.empty() ? "" : "; ") + text(lead, "title");
      }
      out.facts.emplace_back("You lead", titles);
    }
    return;
  }
  out.subject = cycle_name(event) + " closed";
  std::string titles;
  const auto selected = payload.find("selected");
  std::size_t count = 0;
  if (selected != payload.end() && selected->is_array()) {
    count = selected->size();
    for (const json& item : *selected) {
      titles += (titles.empty() ? "" : "; ") + text(item, "title");
    }
  }
  out.paragraphs.push_back(cycle_name(event) + " closed with " + std::to_string(count) + " initiatives selected.");
  out.facts = {{"Selected", titles.empty() ? "none" : titles},
               {"Network value", amount(payload, "network_value", unit)}};
}

//! A mention or a reply: who wrote on what, an excerpt, and a link to the comment.
void render_comment(Notification& out, const NotificationEvent& event, const json& payload) {
  const std::string kind = text(payload, "subject_kind");
  const std::string where = "\"" + text(payload, "title") + "\"";
  out.subject = text(payload, "author_name") +
                (event.kind == EventKind::kMentioned ? " mentioned you on " : " replied to you on ") + where;
  out.paragraphs.push_back(text(payload, "excerpt"));
  const std::string page = kind == "initiative" ? "/initiatives/"
                           : kind == "cycle"    ? "/cycles/"
                                                : "/charter/proposals/";
  out.link =
      page + std::to_string(integer(payload, "subject_id")) + "#comment-" + std::to_string(integer(payload, "comment"));
}

void render_simple(Notification& out, const NotificationEvent& event, const json& payload, const TimeZone& zone) {
  switch (event.kind) {
    case EventKind::kCycleOpened:
      out.subject = cycle_name(event) + " is open for proposals";
      out.paragraphs.push_back("Propose the improvements your partner needs for " + cycle_name(event) + ".");
      if (!text(payload, "proposals_close_at").empty()) {
        out.facts.emplace_back("Proposals close", moment(payload, "proposals_close_at", zone));
      }
      break;
    case EventKind::kVotingOpened:
      out.subject = "Voting on " + cycle_name(event) + " is open";
      out.paragraphs.push_back(std::to_string(integer(payload, "candidates")) +
                               " initiatives are on the ballot. Cast your partner's ballot.");
      break;
    case EventKind::kVotingClosesSoon:
      out.subject =
          "Voting on " + cycle_name(event) + " closes in " + std::to_string(integer(payload, "hours")) + " hours";
      out.paragraphs.push_back(text(payload, "partner_name") + " has not voted yet.");
      break;
    case EventKind::kLeadNamed:
      out.subject = "You lead " + text(payload, "title");
      out.paragraphs.push_back("Your partner leads \"" + text(payload, "title") + "\", selected in " +
                               cycle_name(event) + ".");
      out.link = "/initiatives/" + std::to_string(integer(payload, "initiative"));
      return;
    case EventKind::kProposalWithdrawn:
      out.subject = "\"" + text(payload, "title") + "\" was " +
                    (payload.value("pulled", false) ? "taken off the ballot" : "withdrawn");
      if (!text(payload, "reason").empty()) {
        out.facts.emplace_back("Reason", text(payload, "reason"));
      }
      out.facts.emplace_back("Proposed by", text(payload, "proposer_name"));
      break;
    case EventKind::kDrySpellLimit:
      out.subject = text(payload, "partner_name") + " is protected next cycle";
      out.paragraphs.push_back("Its dry spell reached " + std::to_string(integer(payload, "dry_spell")) +
                               " cycles, the charter's limit: next cycle it must not end below zero.");
      break;
    case EventKind::kRetentionRisk: {
      out.subject = text(payload, "partner_name") + " may leave the network: retention risk " +
                    std::to_string(integer(payload, "score")) + " of 100";
      out.paragraphs.push_back("Its retention risk entered the high band with " + cycle_name(event) +
                               ". Talk with its people about what the network could do for them.");
      std::string reasons;
      if (const auto found = payload.find("reasons"); found != payload.end() && found->is_string()) {
        reasons = found->get<std::string>();
      }
      if (!reasons.empty()) {
        out.facts.emplace_back("Why", reasons);
      }
      if (event.partner) {
        out.link = "/partners/" + std::to_string(*event.partner);
      }
      return;
    }
    case EventKind::kActualsDue:
      out.subject = "Actuals due for " + text(payload, "title");
      out.paragraphs.push_back(text(payload, "partner_name") + " leads \"" + text(payload, "title") +
                               "\", selected in " + cycle_name(event) +
                               ". Record what it realised for each partner, so that a coordinator can confirm it.");
      out.link = "/initiatives/" + std::to_string(integer(payload, "initiative"));
      return;
    case EventKind::kDeadlineDue:
      out.subject = "A deadline of " + cycle_name(event) + " has passed";
      out.paragraphs.push_back(
          "The charter leaves the move to the coordinator: " +
          std::string(text(payload, "deadline") == "voting_closes_at" ? "close the cycle." : "start the vote."));
      break;
    case EventKind::kDelegated:
      out.subject = text(payload, "partner_name") + " delegated its ballot to you";
      out.paragraphs.push_back(text(payload, "partner_name") + " asks " + text(payload, "proxy_name") +
                               " to cast its ballot in " + cycle_name(event) +
                               ". Cast it on the ballot page; it stays theirs, and they can take it back "
                               "until the cycle closes.");
      out.link = "/ballot";
      break;
    case EventKind::kMentioned:
    case EventKind::kCommentReply:
      render_comment(out, event, payload);
      return;
    case EventKind::kCharterProposed:
      out.subject =
          "Charter proposal " + std::to_string(integer(payload, "proposal")) + ": " + text(payload, "summary");
      out.paragraphs.push_back(text(payload, "proposed_by") + " proposes to change the charter (" +
                               text(payload, "rule") + "). Agree, abstain or object with a reason before " +
                               moment(payload, "window_ends_at", zone) + ".");
      out.facts.emplace_back("Rationale", text(payload, "rationale"));
      out.facts.emplace_back("Revision", std::to_string(integer(payload, "revision")));
      out.link = "/charter/proposals";
      return;
    case EventKind::kElectionOpened:
      out.subject =
          "Elect the coordinating partner for the term from cycle " + std::to_string(integer(payload, "term_cycle"));
      out.paragraphs.push_back(
          "The coordinator's term has ended. Vote for one of the partners willing to coordinate (" +
          text(payload, "candidates") + ") before " + moment(payload, "window_ends_at", zone) +
          "; you can change your vote until then. Until it is decided, the coordination stays with " +
          text(payload, "coordinator") + ".");
      out.link = "/charter/proposals";
      return;
    case EventKind::kCoordinatorElected:
      out.subject =
          "Coordinator election " + std::to_string(integer(payload, "election")) + ": " + text(payload, "result");
      out.paragraphs.push_back(text(payload, "result") + ".");
      out.link = "/charter/proposals";
      return;
    case EventKind::kCharterDecided:
      out.subject = "Charter proposal " + std::to_string(integer(payload, "proposal")) + " " + text(payload, "state") +
                    ": " + text(payload, "summary");
      out.paragraphs.push_back(text(payload, "result") + ".");
      if (text(payload, "state") == "adopted") {
        out.paragraphs.push_back("The change applies from the next cycle opened.");
      }
      out.link = "/charter/proposals";
      return;
    default:
      out.subject = std::string(name_of(event.kind)) + " (" + cycle_name(event) + ")";
      break;
  }
  if (!text(payload, "voting_closes_at").empty()) {
    out.facts.emplace_back("Voting closes", moment(payload, "voting_closes_at", zone));
  }
}

//! "- Cycle 4 is open for proposals", one line per event the digest lists.
void render_digest(Notification& out, const json& payload, const TimeZone& zone) {
  const std::string cadence = text(payload, "cadence");
  const auto events = payload.find("events");
  const std::size_t count = events != payload.end() && events->is_array() ? events->size() : 0;
  out.subject = "your " + cadence + " digest: " + std::to_string(count) + (count == 1 ? " update" : " updates");
  out.paragraphs.push_back("what happened since your last " + cadence + " digest:");
  for (std::size_t i = 0; i < count; ++i) {
    out.paragraphs.push_back("- " + text((*events)[i], "subject"));
  }
  const auto asked = payload.find("asked");
  if (asked != payload.end() && asked->is_array()) {
    for (const json& item : *asked) {
      std::string line = text(item, "what");
      if (!text(item, "by").empty()) {
        line += " by " + moment(item, "by", zone);
      }
      out.paragraphs.push_back("you are asked to " + line + ".");
    }
  }
  const auto open = payload.find("open_cycles");
  if (open != payload.end() && open->is_array()) {
    for (const json& cycle : *open) {
      const bool voting = text(cycle, "state") == "voting";
      const char* deadline = voting ? "voting_closes_at" : "proposals_close_at";
      std::string value = voting ? "voting" : "open for proposals";
      if (!text(cycle, deadline).empty()) {
        value += std::string(voting ? ", voting closes " : ", proposals close ") + moment(cycle, deadline, zone);
      }
      out.facts.emplace_back("Cycle " + std::to_string(integer(cycle, "cycle")), value);
    }
  }
  const std::string unit = text(payload, "unit");
  if (!text(payload, "network_value").empty()) {
    out.facts.emplace_back("Network value so far", amount(payload, "network_value", unit));
  }
  if (integer(payload, "last_cycle") > 0) {
    out.facts.emplace_back("Added by cycle " + std::to_string(integer(payload, "last_cycle")),
                           amount(payload, "last_value", unit));
  }
  out.link = "/inbox";
}

}  // namespace

Notification render_notification(const NotificationEvent& event, const std::string& network, const TimeZone& zone) {
  Notification out;
  out.kind = event.kind;
  out.network = network;
  out.occurred_at = event.occurred_at;
  out.link = event.cycle > 0 ? "/cycles/" + std::to_string(event.cycle) : "/";
  const json payload = json::parse(event.payload, nullptr, false);
  const json fields = payload.is_object() ? payload : json::object();
  if (event.kind == EventKind::kCycleClosed) {
    render_cycle_closed(out, event, fields);
  } else if (event.kind == EventKind::kDigest) {
    render_digest(out, fields, zone);
  } else {
    render_simple(out, event, fields, zone);
  }
  out.subject = sentence(std::move(out.subject));
  for (std::string& paragraph : out.paragraphs) {
    paragraph = sentence(std::move(paragraph));
  }
  return out;
}

}  // namespace covalue::program
