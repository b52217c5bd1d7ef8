// The storage contract, part 8: discussion and activity (issue 14 items 1 and 2): comments and their revisions,
// follows, the feed's audiences and automatic follows, and last-seen marks.
#include <optional>
#include <string>
#include <vector>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::Activity;
using program::ActivityAudience;
using program::Comment;
using program::FeedReader;
using program::StoreSession;
using program::Subject;
using program::SubjectKind;

program::PersonId add_person(program::Store& store, std::optional<net::PartnerId> partner, const std::string& email,
                             program::Role role = program::Role::kRepresentative) {
  program::Person person;
  person.partner = partner;
  person.name = "Person " + email;
  person.email = email;
  person.role = role;
  return read_in(store, [&](StoreSession& s) { return s.insert_person(person); });
}

Comment sample_comment(const Subject& subject, std::optional<program::PersonId> author, std::string body) {
  Comment comment;
  comment.subject_kind = subject.kind;
  comment.subject_id = subject.id;
  comment.author = author;
  comment.author_name = "Ana";
  comment.actor = "token 1 (representative)";
  comment.body = std::move(body);
  comment.mentions = R"([{"id":1,"kind":"partner","name":"North"}])";
  comment.created_at = "2026-12-04T10:00:00.000Z";
  return comment;
}

std::vector<std::int64_t> ids_of(const std::vector<Activity>& items) {
  std::vector<std::int64_t> out;
  out.reserve(items.size());
  for (const Activity& a : items) {
    out.push_back(a.id);
  }
  return out;
}

TEST_P(StoreContract, CommentsAndTheirRevisionsRoundTripByThread) {
  Filled filled = fill();
  const program::PersonId ana = add_person(store(), filled.partners[0], "ana@north.example");
  const Subject initiative{SubjectKind::kInitiative, filled.initiatives[0]};
  Comment first = sample_comment(initiative, ana, "First\nwith a second line");
  first.partner = filled.partners[0];
  first.id = read_in(store(), [&](StoreSession& s) { return s.insert_comment(first); });
  Comment reply = sample_comment(initiative, std::nullopt, "A reply");
  reply.parent = first.id;
  reply.kind = program::CommentKind::kObjection;
  reply.id = read_in(store(), [&](StoreSession& s) { return s.insert_comment(reply); });
  Comment elsewhere = sample_comment({SubjectKind::kCycle, 2}, ana, "On the cycle");
  elsewhere.id = read_in(store(), [&](StoreSession& s) { return s.insert_comment(elsewhere); });
  EXPECT_GT(reply.id, first.id);

  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.comment(first.id); }), std::optional(first));
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.comments(initiative, 10); }),
            (std::vector<Comment>{first, reply}));
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.comments(initiative, 1); }), std::vector<Comment>{first});
  EXPECT_EQ(read_in(store(),
                    [&](StoreSession& s) {
                      return s.comments({SubjectKind::kCycle, 2}, 10);
                    }),
            std::vector<Comment>{elsewhere});
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.comment(999); }), std::nullopt);

  write([&](StoreSession& s) -> core::Status {
    if (core::Status kept = s.insert_comment_revision({first.id, 0, first.body, "2026-12-04T11:00:00Z"}); !kept.ok()) {
      return kept;
    }
    return s.insert_comment_revision({first.id, 0, "Second", "2026-12-04T12:00:00Z"});
  });
  first.body = "Third";
  first.edited_at = "2026-12-04T12:00:00Z";
  first.state = program::CommentState::kHidden;
  first.hidden_reason = "off topic";
  write([&](StoreSession& s) { return s.update_comment(first); });
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.comment(first.id); }), std::optional(first));
  const auto revisions = read_in(store(), [&](StoreSession& s) { return s.comment_revisions(first.id); });
  ASSERT_EQ(revisions.size(), 2U);
  EXPECT_EQ(revisions[0], (program::CommentRevision{first.id, 1, "First\nwith a second line", "2026-12-04T11:00:00Z"}));
  EXPECT_EQ(revisions[1].revision, 2);
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.revision_counts(initiative); }),
            (std::vector<std::pair<std::int64_t, std::int64_t>>{{first.id, 2}}));

  // A comment naming a parent, author or partner that does not exist is refused, and nothing is stored.
  Comment orphan = sample_comment(initiative, std::nullopt, "orphan");
  orphan.parent = 999;
  Comment stranger = sample_comment(initiative, 999, "stranger");
  Comment missing = first;
  missing.id = 999;
  // A store may run the work more than once (store.hpp): what each write gave is checked on the last run.
  std::optional<core::Result<std::int64_t>> no_parent;
  std::optional<core::Result<std::int64_t>> no_author;
  std::optional<core::Status> no_comment;
  must(store().transact([&](StoreSession& s) -> core::Status {
    no_parent = s.insert_comment(orphan);
    return {};
  }));
  must(store().transact([&](StoreSession& s) -> core::Status {
    no_author = s.insert_comment(stranger);
    return {};
  }));
  must(store().transact([&](StoreSession& s) -> core::Status {
    no_comment = s.update_comment(missing);
    return {};
  }));
  EXPECT_TRUE(fails_with(*no_parent, ErrorKind::kNotFound, "comment"));
  EXPECT_TRUE(fails_with(*no_author, ErrorKind::kNotFound, "person"));
  EXPECT_TRUE(fails_with(*no_comment, ErrorKind::kNotFound, "comment"));
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.comments(initiative, 10); }).size(), 2U);
}

TEST_P(StoreContract, AFeedHoldsWhatEveryoneSeesItsPartnersItsRolesAndWhatItFollows) {
  Filled filled = fill();
  const auto& p = filled.partners;
  const net::InitiativeId bare = filled.initiatives[1];  // proposed by partner 3, no impacts, no volunteers
  const FeedReader ana{add_person(store(), p[0], "ana@north.example"), p[0], false};
  const FeedReader bo{add_person(store(), p[2], "bo@south.example"), p[2], false};
  const FeedReader cora{add_person(store(), std::nullopt, "cora@net.example", program::Role::kCoordinator),
                        std::nullopt, true};
  const auto record = [&](ActivityAudience audience, Subject subject, std::optional<net::PartnerId> partner) {
    Activity activity;
    activity.occurred_at = "2026-12-04T10:00:00.000Z";
    activity.kind = "comment";
    activity.subject = subject;
    activity.partner = partner;
    activity.audience = audience;
    activity.actor = "Ana";
    activity.payload = R"({"title":"Cross-dock"})";
    return read_in(store(), [&](StoreSession& s) { return s.insert_activity(activity); });
  };
  const Subject on_bare{SubjectKind::kInitiative, bare};
  const std::int64_t everyone = record(ActivityAudience::kEveryone, {SubjectKind::kCycle, 2}, std::nullopt);
  const std::int64_t followers = record(ActivityAudience::kFollowers, on_bare, std::nullopt);
  const std::int64_t anas = record(ActivityAudience::kPartner, {SubjectKind::kCycle, 2}, p[0]);
  const std::int64_t coordinators = record(ActivityAudience::kCoordinators, {SubjectKind::kCycle, 2}, std::nullopt);
  const std::int64_t followers_again = record(ActivityAudience::kFollowers, on_bare, std::nullopt);
  const std::int64_t bos = record(ActivityAudience::kPartner, {SubjectKind::kCycle, 2}, p[2]);
  constexpr std::int64_t kNewest = INT64_MAX;
  const auto feed = [&](const FeedReader& reader, std::int64_t before, std::int64_t limit) {
    return ids_of(read_in(store(), [&](StoreSession& s) { return s.feed(reader, before, limit); }));
  };
  EXPECT_EQ(feed(ana, kNewest, 10), (std::vector<std::int64_t>{anas, everyone}));
  EXPECT_EQ(feed(bo, kNewest, 10), (std::vector<std::int64_t>{bos, followers_again, followers, everyone}));
  EXPECT_EQ(feed(cora, kNewest, 10), (std::vector<std::int64_t>{coordinators, everyone}));
  EXPECT_EQ(feed(bo, followers_again, 2), (std::vector<std::int64_t>{followers, everyone}));
  const auto stored = read_in(store(), [&](StoreSession& s) { return s.feed(bo, kNewest, 1); });
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0].partner, std::optional(p[2]));
  EXPECT_EQ(stored[0].payload, R"({"title":"Cross-dock"})");
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.feed_count_after(bo, followers); }), 2);
  Activity own;  // what Bo did is in its feed, but not new to it
  own.occurred_at = "2026-12-04T11:00:00.000Z";
  own.kind = "comment";
  own.subject = on_bare;
  own.audience = ActivityAudience::kFollowers;
  own.person = bo.person;
  own.id = read_in(store(), [&](StoreSession& s) { return s.insert_activity(own); });
  EXPECT_EQ(feed(bo, kNewest, 1), std::vector<std::int64_t>{own.id});
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.feed(bo, kNewest, 1); }).at(0).person, bo.person);
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.feed_count_after(bo, followers); }), 2);

  // A person's own choice wins over its partner's automatic follows, both ways.
  write([&](StoreSession& s) { return s.put_follow({ana.person, on_bare, true}); });
  write([&](StoreSession& s) { return s.put_follow({bo.person, on_bare, true}); });
  write([&](StoreSession& s) { return s.put_follow({bo.person, on_bare, false}); });  // replaces the choice
  EXPECT_EQ(feed(ana, kNewest, 10), (std::vector<std::int64_t>{own.id, followers_again, anas, followers, everyone}));
  EXPECT_EQ(feed(bo, kNewest, 10), (std::vector<std::int64_t>{bos, everyone}));
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.follows(bo.person); }),
            (std::vector<program::Follow>{{bo.person, on_bare, false}}));
  std::optional<core::Status> unknown;
  must(store().transact([&](StoreSession& s) -> core::Status {
    unknown = s.put_follow({999, on_bare, true});
    return {};
  }));
  EXPECT_TRUE(fails_with(*unknown, ErrorKind::kNotFound, "person"));

  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.activity_seen(ana.person); }), 0);
  write([&](StoreSession& s) { return s.set_activity_seen(ana.person, anas); });
  write([&](StoreSession& s) { return s.set_activity_seen(ana.person, followers_again); });
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.activity_seen(ana.person); }), followers_again);
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.activity_seen(bo.person); }), 0);
}

}  // namespace
}  // namespace covalue::testing
