#include "discussion_activity.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace covalue::program::detail {
namespace {

using nlohmann::json;

ActivityAudience audience_of(Audience audience) {
  switch (audience) {
    case Audience::kPartner:
      return ActivityAudience::kPartner;
    case Audience::kCoordinators:
      return ActivityAudience::kCoordinators;
    default:
      return ActivityAudience::kEveryone;
  }
}

}  // namespace

core::Status record_activity_of(StoreSession& session, const EventDraft& draft, const std::string& at) {
  if (draft.kind == EventKind::kMentioned || draft.kind == EventKind::kCommentReply ||
      draft.kind == EventKind::kDigest || draft.audience == Audience::kPerson) {
    return {};
  }
  Activity activity;
  activity.occurred_at = at;
  activity.kind = std::string(name_of(draft.kind));
  const auto initiative = draft.payload.find("initiative");
  if (initiative != draft.payload.end() && initiative->is_number_integer()) {
    activity.subject = {SubjectKind::kInitiative, initiative->get<std::int64_t>()};
  } else {
    activity.subject = {SubjectKind::kCycle, draft.cycle};
  }
  activity.partner = draft.partner;
  activity.audience = audience_of(draft.audience);
  activity.payload = draft.payload.dump();
  core::Result<std::int64_t> id = session.insert_activity(activity);
  return id ? core::Status() : core::Status(id.error());
}

core::Status record_decisions(StoreSession& session, const Snapshot& snapshot, const net::CycleOutcome& outcome,
                              const std::string& at) {
  for (const net::InitiativeDecision& decision : outcome.decisions) {
    const net::Initiative* initiative = snapshot.find_initiative(decision.initiative);
    json payload = {{"title", initiative != nullptr ? initiative->title : std::string()},
                    {"cycle", outcome.cycle},
                    {"reason", net::name_of(decision.reason)}};
    const auto lead = std::find_if(outcome.leads.begin(), outcome.leads.end(),
                                   [&](const net::LeadAssignment& l) { return l.initiative == decision.initiative; });
    if (lead != outcome.leads.end() && lead->lead) {
      const net::Partner* partner = snapshot.find_partner(*lead->lead);
      payload["lead"] = *lead->lead;
      payload["lead_name"] = partner != nullptr ? partner->name : std::string();
    }
    Activity activity;
    activity.occurred_at = at;
    activity.kind = decision.selected ? "initiative_selected" : "initiative_not_selected";
    activity.subject = {SubjectKind::kInitiative, decision.initiative};
    activity.audience = ActivityAudience::kFollowers;
    activity.payload = payload.dump();
    if (core::Result<std::int64_t> id = session.insert_activity(activity); !id) {
      return id.error();
    }
  }
  return {};
}

core::Status record_objection_anchors(StoreSession& session, const Snapshot& snapshot, const net::PartnerBallot& ballot,
                                      const std::string& at) {
  for (const net::Objection& objection : ballot.objections) {
    const Subject subject{SubjectKind::kInitiative, objection.initiative};
    core::Result<std::vector<Comment>> thread = session.comments(subject, kMaxThreadComments);
    if (!thread) {
      return thread.error();
    }
    const bool anchored = std::any_of(thread->begin(), thread->end(), [&](const Comment& c) {
      return c.kind == CommentKind::kObjection && c.partner == ballot.partner;
    });
    if (anchored) {
      continue;
    }
    Comment anchor;
    anchor.subject_kind = subject.kind;
    anchor.subject_id = subject.id;
    anchor.kind = CommentKind::kObjection;
    anchor.partner = ballot.partner;
    anchor.author_name = "a partner";
    anchor.actor = "ballot";
    anchor.created_at = at;
    core::Result<std::int64_t> id = session.insert_comment(anchor);
    if (!id) {
      return id.error();
    }
    const net::Initiative* initiative = snapshot.find_initiative(objection.initiative);
    Activity activity;
    activity.occurred_at = at;
    activity.kind = "objection";
    activity.subject = subject;
    activity.audience = ActivityAudience::kFollowers;
    activity.actor = "a partner";
    activity.payload =
        json{{"comment", *id}, {"title", initiative != nullptr ? initiative->title : std::string()}}.dump();
    if (core::Result<std::int64_t> noted = session.insert_activity(activity); !noted) {
      return noted.error();
    }
  }
  return {};
}

}  // namespace covalue::program::detail
