// Follow and activity (issue 14 item 2): what a person follows, and its feed with "new since your last visit".
#include <algorithm>
#include <limits>

#include "covalue/program/program.hpp"
#include "discussion_view.hpp"
#include "use_case.hpp"

namespace covalue::program {
namespace {

//! kInvalidInput naming "token" unless the actor is a person: follows and feeds belong to people.
core::Status require_person(const Actor& actor, const std::string& what) {
  if (actor.person) {
    return {};
  }
  return core::make_error(core::ErrorKind::kInvalidInput,
                          what +
                              " belongs to a person: sign in, or use a token issued to a person "
                              "(covalue token issue --person ID); this token is a " +
                              std::string(name_of(actor.role)) + "'s without one",
                          "token");
}

FeedReader reader_of(const Actor& actor) {
  return {*actor.person,
          actor.role == Role::kRepresentative || actor.role == Role::kObserver ? actor.partner : std::nullopt,
          actor.coordinates()};
}

}  // namespace

core::Result<bool> Program::follow(const Subject& subject, bool following) {
  if (core::Status person = require_person(actor_, "following"); !person) {
    return person.error();
  }
  core::Status status = store_.transact([&](StoreSession& session) -> core::Status {
    core::Result<Snapshot> snapshot = read_snapshot(session, SnapshotParts{});
    if (!snapshot) {
      return snapshot.error();
    }
    if (core::Result<std::string> title = detail::subject_title(*snapshot, subject); !title) {
      return title.error();
    }
    return session.put_follow({*actor_.person, subject, following});
  });
  if (!status) {
    return status.error();
  }
  return following;
}

core::Result<ActivityPage> Program::activity(std::int64_t before, std::int64_t limit) {
  if (core::Status person = require_person(actor_, "an activity feed"); !person) {
    return person.error();
  }
  if (before < 0) {
    return detail::invalid("must be 0 (the newest) or an activity id, got " + std::to_string(before), "before");
  }
  if (limit < 1 || limit > 100) {
    return detail::invalid("must be 1 to 100, got " + std::to_string(limit), "limit");
  }
  const FeedReader reader = reader_of(actor_);
  return detail::read_in<ActivityPage>(store_, [&](StoreSession& session) -> core::Result<ActivityPage> {
    ActivityPage page;
    core::Result<std::vector<Activity>> items =
        session.feed(reader, before == 0 ? std::numeric_limits<std::int64_t>::max() : before, limit);
    if (!items) {
      return items.error();
    }
    page.items = std::move(*items);
    core::Result<std::int64_t> seen = session.activity_seen(reader.person);
    if (!seen) {
      return seen.error();
    }
    page.last_seen = *seen;
    core::Result<std::int64_t> unseen = session.feed_count_after(reader, page.last_seen);
    if (!unseen) {
      return unseen.error();
    }
    page.unseen = *unseen;
    return page;
  });
}

core::Result<std::int64_t> Program::mark_activity_seen() {
  if (core::Status person = require_person(actor_, "an activity feed"); !person) {
    return person.error();
  }
  const FeedReader reader = reader_of(actor_);
  std::int64_t mark = 0;
  core::Status status = store_.transact([&](StoreSession& session) -> core::Status {
    core::Result<std::vector<Activity>> newest = session.feed(reader, std::numeric_limits<std::int64_t>::max(), 1);
    if (!newest) {
      return newest.error();
    }
    core::Result<std::int64_t> seen = session.activity_seen(reader.person);
    if (!seen) {
      return seen.error();
    }
    mark = std::max(*seen, newest->empty() ? 0 : newest->front().id);
    return session.set_activity_seen(reader.person, mark);
  });
  if (!status) {
    return status.error();
  }
  return mark;
}

}  // namespace covalue::program
