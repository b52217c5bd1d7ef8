#include "discussion_view.hpp"

#include <algorithm>
#include <map>

#include "use_case.hpp"

namespace covalue::program::detail {
namespace {

//! The reasons of the objections to `initiative` in its cycle's ballots, by partner.
core::Result<std::map<net::PartnerId, std::string>> objection_reasons(StoreSession& session,
                                                                      const net::Initiative& initiative) {
  core::Result<std::vector<net::PartnerBallot>> ballots = session.ballots(initiative.cycle);
  if (!ballots) {
    return ballots.error();
  }
  std::map<net::PartnerId, std::string> reasons;
  for (const net::PartnerBallot& ballot : *ballots) {
    for (const net::Objection& objection : ballot.objections) {
      if (objection.initiative == initiative.id) {
        reasons[ballot.partner] = objection.reason;
      }
    }
  }
  return reasons;
}

//! True when `actor` may learn which partner raised an objection in `cycle`: the partner itself, the operator,
//! and everyone once the cycle closed under public disclosure (ballots are secret while a cycle is open).
bool objector_shown(const Snapshot& snapshot, const Actor& actor, net::PartnerId partner, net::CycleNumber cycle) {
  return actor.acts_for(partner) ||
         (!still_secret(snapshot, cycle) && snapshot.charter.disclosure == net::BallotDisclosure::kPublic);
}

//! `comment` as `actor` reads it, with the objection reasons of its initiative when it is an objection.
ThreadComment view_with(const Snapshot& snapshot, const Actor& actor, Comment comment, std::int64_t revisions,
                        const std::map<net::PartnerId, std::string>& reasons) {
  ThreadComment view;
  view.own = written_by(actor, comment) && comment.kind == CommentKind::kComment;
  view.revisions = revisions;
  if (comment.kind == CommentKind::kObjection) {
    const net::Initiative* initiative = snapshot.find_initiative(comment.subject_id);
    const net::PartnerId partner = comment.partner.value_or(0);
    const auto reason = reasons.find(partner);
    comment.body = reason != reasons.end() ? reason->second : std::string();
    comment.state = reason != reasons.end() ? CommentState::kVisible : CommentState::kWithdrawn;
    if (initiative != nullptr && objector_shown(snapshot, actor, partner, initiative->cycle)) {
      const net::Partner* named = snapshot.find_partner(partner);
      comment.author_name = named != nullptr ? named->name : "partner " + std::to_string(partner);
    } else {
      comment.author_name = "a partner";
      comment.partner.reset();
    }
    comment.actor.clear();
  }
  if (comment.state == CommentState::kHidden && !actor.coordinates()) {
    comment.body.clear();
    comment.mentions = "[]";
  }
  view.comment = std::move(comment);
  return view;
}

}  // namespace

bool written_by(const Actor& actor, const Comment& comment) {
  if (comment.author || actor.person) {
    return comment.author.has_value() && comment.author == actor.person;
  }
  return comment.actor == actor.name;
}

std::string author_name_of(const Actor& actor, const Snapshot& snapshot, const std::vector<Person>& people) {
  if (actor.person) {
    const Person* person = find_person(people, *actor.person);
    if (person != nullptr) {
      return person->name;
    }
  }
  if (actor.partner) {
    const net::Partner* partner = snapshot.find_partner(*actor.partner);
    if (partner != nullptr) {
      return partner->name;
    }
  }
  return actor.role == Role::kCoordinator ? "the coordinator" : actor.name;
}

core::Result<std::string> subject_title(const Snapshot& snapshot, const Subject& subject) {
  switch (subject.kind) {
    case SubjectKind::kInitiative: {
      const net::Initiative* initiative = snapshot.find_initiative(subject.id);
      if (initiative == nullptr) {
        return not_found("no initiative with id " + std::to_string(subject.id), "id");
      }
      return initiative->title;
    }
    case SubjectKind::kCycle:
      if (snapshot.find_cycle(subject.id) == nullptr) {
        return not_found("no cycle " + std::to_string(subject.id), "id");
      }
      return "cycle " + std::to_string(subject.id);
    case SubjectKind::kCharterProposal:
      if (subject.id < 1) {
        return not_found("no charter proposal with id " + std::to_string(subject.id), "id");
      }
      return "charter proposal " + std::to_string(subject.id);
  }
  return invalid("unknown subject kind", "kind");
}

core::Result<ThreadComment> view_comment(StoreSession& session, const Snapshot& snapshot, const Actor& actor,
                                         const Comment& comment, std::int64_t revisions) {
  std::map<net::PartnerId, std::string> reasons;
  const net::Initiative* initiative = snapshot.find_initiative(comment.subject_id);
  if (comment.kind == CommentKind::kObjection && initiative != nullptr) {
    core::Result<std::map<net::PartnerId, std::string>> read = objection_reasons(session, *initiative);
    if (!read) {
      return read.error();
    }
    reasons = std::move(*read);
  }
  return view_with(snapshot, actor, comment, revisions, reasons);
}

core::Result<Thread> read_thread(StoreSession& session, const Snapshot& snapshot, const Actor& actor,
                                 const Subject& subject, std::int64_t after, std::int64_t limit) {
  core::Result<std::vector<Comment>> comments = session.comments(subject, kMaxThreadComments);
  if (!comments) {
    return comments.error();
  }
  core::Result<std::vector<std::pair<std::int64_t, std::int64_t>>> counts = session.revision_counts(subject);
  if (!counts) {
    return counts.error();
  }
  std::map<net::PartnerId, std::string> reasons;
  const net::Initiative* initiative =
      subject.kind == SubjectKind::kInitiative ? snapshot.find_initiative(subject.id) : nullptr;
  if (initiative != nullptr) {
    core::Result<std::map<net::PartnerId, std::string>> read = objection_reasons(session, *initiative);
    if (!read) {
      return read.error();
    }
    reasons = std::move(*read);
  }
  const std::map<std::int64_t, std::int64_t> revisions(counts->begin(), counts->end());
  std::map<std::int64_t, std::vector<const Comment*>> children;  // parent id (0: none) -> replies, oldest first
  std::map<std::int64_t, bool> present;
  for (const Comment& comment : *comments) {
    present[comment.id] = true;
  }
  for (const Comment& comment : *comments) {
    const std::int64_t parent = comment.parent && present.contains(*comment.parent) ? *comment.parent : 0;
    children[parent].push_back(&comment);
  }
  Thread thread;
  thread.subject = subject;
  thread.total = static_cast<std::int64_t>(comments->size());
  std::vector<std::pair<const Comment*, std::int64_t>> order;  // depth first, each parent before its replies
  order.reserve(comments->size());
  std::vector<std::pair<const Comment*, std::int64_t>> stack;
  const auto push_children = [&](std::int64_t parent, std::int64_t depth) {
    const auto found = children.find(parent);
    if (found != children.end()) {
      for (auto it = found->second.rbegin(); it != found->second.rend(); ++it) {
        stack.emplace_back(*it, depth);
      }
    }
  };
  push_children(0, 0);
  while (!stack.empty()) {
    const auto [comment, depth] = stack.back();
    stack.pop_back();
    order.emplace_back(comment, depth);
    push_children(comment->id, depth + 1);
  }
  auto first = order.begin();
  if (after != 0) {
    first = std::find_if(order.begin(), order.end(), [&](const auto& entry) { return entry.first->id == after; });
    if (first == order.end()) {
      return not_found("comment " + std::to_string(after) + " is not in this thread", "after");
    }
    ++first;
  }
  const auto last = order.end() - first > limit ? first + limit : order.end();
  for (auto it = first; it != last; ++it) {
    const auto& [comment, depth] = *it;
    const auto count = revisions.find(comment->id);
    ThreadComment view = view_with(snapshot, actor, *comment, count != revisions.end() ? count->second : 0, reasons);
    view.depth = depth;
    thread.comments.push_back(std::move(view));
  }
  thread.next_after = last != order.end() && last != first ? (last - 1)->first->id : 0;
  core::Result<bool> following = follows_subject(session, snapshot, actor, subject);
  if (!following) {
    return following.error();
  }
  thread.following = *following;
  return thread;
}

core::Result<bool> follows_subject(StoreSession& session, const Snapshot& snapshot, const Actor& actor,
                                   const Subject& subject) {
  if (!actor.person) {
    return false;
  }
  core::Result<std::vector<Follow>> follows = session.follows(*actor.person);
  if (!follows) {
    return follows.error();
  }
  const auto own =
      std::find_if(follows->begin(), follows->end(), [&](const Follow& f) { return f.subject == subject; });
  if (own != follows->end()) {
    return own->following;
  }
  const net::Initiative* initiative =
      subject.kind == SubjectKind::kInitiative ? snapshot.find_initiative(subject.id) : nullptr;
  if (initiative == nullptr || !actor.partner) {
    return false;
  }
  const net::PartnerId partner = *actor.partner;
  return initiative->proposer == partner ||
         std::find(initiative->volunteers.begin(), initiative->volunteers.end(), partner) !=
             initiative->volunteers.end() ||
         initiative->impact_on(partner) != 0;
}

core::Status follow_by_default(StoreSession& session, const Actor& actor, const Subject& subject) {
  if (!actor.person) {
    return {};
  }
  core::Result<std::vector<Follow>> follows = session.follows(*actor.person);
  if (!follows) {
    return follows.error();
  }
  if (std::any_of(follows->begin(), follows->end(), [&](const Follow& f) { return f.subject == subject; })) {
    return {};
  }
  return session.put_follow({*actor.person, subject, true});
}

}  // namespace covalue::program::detail
