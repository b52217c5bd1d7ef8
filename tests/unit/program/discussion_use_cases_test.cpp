// Discussion, follow and activity (issue 14 items 1 and 2): threads with replies, mentions that notify, edits
// with their history, deletion and moderation, objections in their initiative's thread without naming the
// objector while ballots are secret, automatic and personal follows, and the activity feed's "new" count.
#include <gtest/gtest.h>

#include <algorithm>

#include "roles_fixture.hpp"

namespace covalue::program::testing {
namespace {

class Discussion : public RolesFixture {
 protected:
  void SetUp() override {
    RolesFixture::SetUp();
    ana_ = person("Ana", ids_[0], "ana@retail.example", Role::kRepresentative);
    bo_ = person("Bo", ids_[1], "bo@courier.example", Role::kRepresentative);
    max_ = person("Max", ids_[2], "max@maker.example", Role::kRepresentative);
    cora_ = person("Cora", std::nullopt, "cora@net.example", Role::kCoordinator);
    ASSERT_TRUE(as(coordinator_).open_cycle().ok());
    auto proposed = as(ana_).propose(initiative("Shared pallet pool", ids_[0]));  // Retail 3, Courier 2, Maker 0
    ASSERT_TRUE(proposed.ok()) << proposed.error().to_string();
    pallets_ = {SubjectKind::kInitiative, proposed->id};
  }
  Actor person(const std::string& name, std::optional<net::PartnerId> partner, const std::string& email, Role role) {
    Person p;
    p.name = name;
    p.partner = partner;
    p.email = email;
    p.role = role;
    auto added = as(Actor::local_operator()).add_person(p);
    EXPECT_TRUE(added.ok()) << added.error().to_string();
    auto issued = as(Actor::local_operator()).issue_person_token(added->id, "discussion");
    EXPECT_TRUE(issued.ok());
    auto actor = Program::authenticate(*store_, issued->secret);
    EXPECT_TRUE(actor.ok());
    return *actor;
  }
  ThreadComment post(const Actor& actor, const std::string& body, std::optional<std::int64_t> parent = std::nullopt) {
    auto posted = as(actor).post_comment({pallets_, parent, body});
    EXPECT_TRUE(posted.ok()) << posted.error().to_string();
    return posted.ok() ? *posted : ThreadComment{};
  }
  std::vector<ThreadComment> thread(const Actor& actor, const Subject& subject) {
    auto read = as(actor).thread(subject);
    EXPECT_TRUE(read.ok()) << read.error().to_string();
    return read.ok() ? read->comments : std::vector<ThreadComment>{};
  }
  std::vector<std::string> inbox_kinds(const Actor& actor) {
    auto page = as(actor).inbox(0, 100);
    EXPECT_TRUE(page.ok());
    std::vector<std::string> out;
    for (const InboxItem& item : page->items) {
      out.emplace_back(name_of(item.event.kind));
    }
    return out;
  }
  std::vector<std::string> feed_kinds(const Actor& actor) {
    auto page = as(actor).activity(0, 100);
    EXPECT_TRUE(page.ok()) << page.error().to_string();
    std::vector<std::string> out;
    for (const Activity& item : page->items) {
      out.push_back(item.kind);
    }
    return out;
  }
  static bool has(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
  }
  void expect_refused(const core::Result<ThreadComment>& result, core::ErrorKind kind, const std::string& where) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, kind) << result.error().to_string();
    EXPECT_EQ(result.error().where, where) << result.error().to_string();
  }

  Actor ana_, bo_, max_, cora_;
  Subject pallets_;
};

TEST_F(Discussion, RepliesNestUnderTheirParentsAndMentionsAndRepliesNotify) {
  const ThreadComment first = post(ana_, "Could @courier share its pallet counts? See https://example.org/p");
  EXPECT_EQ(first.comment.author_name, "Ana");
  EXPECT_EQ(first.comment.mentions, R"([{"id":2,"kind":"partner","name":"Courier"}])");
  const ThreadComment second = post(cora_, "A second top-level comment, mailing ana@retail.example is no mention");
  EXPECT_EQ(second.comment.mentions, "[]");
  const ThreadComment reply = post(bo_, "Yes, @Ana: weekly.", first.comment.id);
  const ThreadComment deeper = post(ana_, "Thanks!", reply.comment.id);

  const std::vector<ThreadComment> comments = thread(max_, pallets_);
  ASSERT_EQ(comments.size(), 4U);
  EXPECT_EQ(comments[0].comment.id, first.comment.id);
  EXPECT_EQ(comments[1].comment.id, reply.comment.id);
  EXPECT_EQ(comments[1].depth, 1);
  EXPECT_EQ(comments[2].comment.id, deeper.comment.id);
  EXPECT_EQ(comments[2].depth, 2);
  EXPECT_EQ(comments[3].comment.id, second.comment.id);
  EXPECT_FALSE(comments[0].own);  // Max reads Ana's comment

  EXPECT_TRUE(has(inbox_kinds(bo_), "mentioned"));       // Courier's people hear of @courier
  EXPECT_TRUE(has(inbox_kinds(ana_), "mentioned"));      // @Ana
  EXPECT_TRUE(has(inbox_kinds(ana_), "comment_reply"));  // Bo answered her
  EXPECT_TRUE(has(inbox_kinds(bo_), "comment_reply"));   // and she answered him
  EXPECT_FALSE(has(inbox_kinds(max_), "mentioned"));
}

TEST_F(Discussion, EditsKeepTheirHistoryAndOnlyTheAuthorEditsOrDeletes) {
  const ThreadComment comment = post(ana_, "First text");
  expect_refused(as(bo_).edit_comment(comment.comment.id, "Bo's text"), core::ErrorKind::kForbidden, "comment");
  expect_refused(as(cora_).delete_comment(comment.comment.id), core::ErrorKind::kForbidden, "comment");
  auto edited = as(ana_).edit_comment(comment.comment.id, "Second text");
  ASSERT_TRUE(edited.ok()) << edited.error().to_string();
  EXPECT_EQ(edited->comment.body, "Second text");
  EXPECT_EQ(edited->revisions, 1);
  EXPECT_FALSE(edited->comment.edited_at.empty());
  auto history = as(bo_).comment_history(comment.comment.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->revisions.size(), 1U);
  EXPECT_EQ(history->revisions[0].body, "First text");
  EXPECT_EQ(history->current.comment.body, "Second text");

  auto deleted = as(ana_).delete_comment(comment.comment.id);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(deleted->comment.state, CommentState::kDeleted);
  EXPECT_EQ(deleted->comment.body, "");
  const std::vector<ThreadComment> shown = thread(bo_, pallets_);
  ASSERT_EQ(shown.size(), 1U);
  EXPECT_EQ(shown[0].comment.state, CommentState::kDeleted);
  EXPECT_EQ(shown[0].comment.body, "");
  EXPECT_FALSE(as(bo_).comment_history(comment.comment.id).ok());  // the deleted text: its author, coordinators
  auto kept = as(cora_).comment_history(comment.comment.id);
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept->revisions.size(), 2U);
  EXPECT_EQ(kept->revisions[1].body, "Second text");
  expect_refused(as(ana_).edit_comment(comment.comment.id, "Back"), core::ErrorKind::kConflict, "comment");
}

TEST_F(Discussion, ACoordinatorHidesACommentWithAReasonOthersSeeOnlyTheReason) {
  const ThreadComment comment = post(bo_, "Something off topic");
  expect_refused(as(ana_).hide_comment(comment.comment.id, "off topic"), core::ErrorKind::kForbidden, "role");
  expect_refused(as(cora_).hide_comment(comment.comment.id, ""), core::ErrorKind::kInvalidInput, "reason");
  const std::int64_t before = audit_size();
  auto hidden = as(cora_).hide_comment(comment.comment.id, "off topic");
  ASSERT_TRUE(hidden.ok()) << hidden.error().to_string();
  EXPECT_EQ(audit_size(), before + 1);
  const ThreadComment seen = thread(ana_, pallets_).at(0);
  EXPECT_EQ(seen.comment.state, CommentState::kHidden);
  EXPECT_EQ(seen.comment.hidden_reason, "off topic");
  EXPECT_EQ(seen.comment.body, "");
  EXPECT_EQ(thread(cora_, pallets_).at(0).comment.body, "Something off topic");
  EXPECT_FALSE(as(ana_).comment_history(comment.comment.id).ok());
  expect_refused(as(cora_).hide_comment(comment.comment.id, "again"), core::ErrorKind::kConflict, "comment");
}

TEST_F(Discussion, BadCommentsAreRefusedNamingTheFieldAndStoreNothing) {
  const std::int64_t before = audit_size();
  expect_refused(as(ana_).post_comment({pallets_, std::nullopt, "Ask @Nobody about it"}),
                 core::ErrorKind::kInvalidInput, "body");
  expect_refused(as(ana_).post_comment({pallets_, std::nullopt, ""}), core::ErrorKind::kInvalidInput, "body");
  expect_refused(as(ana_).post_comment({pallets_, std::nullopt, std::string(10001, 'a')}),
                 core::ErrorKind::kInvalidInput, "body");
  expect_refused(as(ana_).post_comment({pallets_, std::nullopt, "bell \x07"}), core::ErrorKind::kInvalidInput, "body");
  expect_refused(as(ana_).post_comment({{SubjectKind::kInitiative, 99}, std::nullopt, "Hello"}),
                 core::ErrorKind::kNotFound, "id");
  expect_refused(as(ana_).post_comment({{SubjectKind::kCycle, 7}, std::nullopt, "Hello"}), core::ErrorKind::kNotFound,
                 "id");
  expect_refused(as(ana_).post_comment({pallets_, 42, "Hello"}), core::ErrorKind::kNotFound, "parent");
  expect_refused(as(observer_).post_comment({pallets_, std::nullopt, "Hello"}), core::ErrorKind::kForbidden, "role");
  expect_refused(as(ana_).edit_comment(42, "Hello"), core::ErrorKind::kNotFound, "comment");
  EXPECT_EQ(audit_size(), before);
  EXPECT_TRUE(thread(ana_, pallets_).empty());

  const ThreadComment on_cycle = [&] {
    auto posted = as(ana_).post_comment({{SubjectKind::kCycle, 1}, std::nullopt, "On the cycle\nwith\ttabs"});
    EXPECT_TRUE(posted.ok()) << posted.error().to_string();
    return *posted;
  }();
  expect_refused(as(ana_).post_comment({pallets_, on_cycle.comment.id, "Wrong thread"}), core::ErrorKind::kInvalidInput,
                 "parent");
  // Charter proposals are another branch's table: any id from 1 is taken until it lands.
  EXPECT_TRUE(as(ana_).post_comment({{SubjectKind::kCharterProposal, 5}, std::nullopt, "On a proposal"}).ok());
}

TEST_F(Discussion, AnObjectionShowsItsReasonInTheThreadWithoutNamingThePartnerWhileBallotsAreSecret) {
  ASSERT_TRUE(as(coordinator_).start_voting(1).ok());
  net::PartnerBallot ballot;
  ballot.cycle = 1;
  ballot.partner = ids_[1];
  ballot.objections = {{pallets_.id, "Our depots cannot store the pallets"}};
  ASSERT_TRUE(as(bo_).cast_ballot(ballot).ok());
  ASSERT_TRUE(as(bo_).cast_ballot(ballot).ok());  // a re-cast anchors it once

  const std::vector<ThreadComment> for_ana = thread(ana_, pallets_);
  ASSERT_EQ(for_ana.size(), 1U);
  EXPECT_EQ(for_ana[0].comment.kind, CommentKind::kObjection);
  EXPECT_EQ(for_ana[0].comment.body, "Our depots cannot store the pallets");
  EXPECT_EQ(for_ana[0].comment.author_name, "a partner");
  EXPECT_FALSE(for_ana[0].comment.partner.has_value());
  EXPECT_EQ(thread(cora_, pallets_).at(0).comment.author_name, "a partner");  // coordinators see who voted, not how
  EXPECT_EQ(thread(bo_, pallets_).at(0).comment.author_name, "Courier");      // its own
  expect_refused(as(bo_).edit_comment(for_ana[0].comment.id, "changed"), core::ErrorKind::kForbidden, "comment");

  // The proposer answers before the close; the objecting partner hears of it.
  post(ana_, "We would collect them weekly.", for_ana[0].comment.id);
  EXPECT_TRUE(has(inbox_kinds(bo_), "comment_reply"));
  EXPECT_EQ(thread(max_, pallets_).at(1).depth, 1);

  ballot.objections.clear();  // the ballot is the one source: a re-cast without it withdraws it
  ASSERT_TRUE(as(bo_).cast_ballot(ballot).ok());
  const ThreadComment withdrawn = thread(ana_, pallets_).at(0);
  EXPECT_EQ(withdrawn.comment.state, CommentState::kWithdrawn);
  EXPECT_EQ(withdrawn.comment.body, "");
}

TEST_F(Discussion, UnderPublicDisclosureTheObjectorIsNamedOnceTheCycleCloses) {
  auto snapshot = as(Actor::local_operator()).snapshot();
  ASSERT_TRUE(snapshot.ok());
  net::Charter charter = snapshot->charter;
  charter.disclosure = net::BallotDisclosure::kPublic;
  ASSERT_TRUE(as(coordinator_).update_charter(charter).ok());
  ASSERT_TRUE(as(coordinator_).start_voting(1).ok());
  net::PartnerBallot ballot;
  ballot.cycle = 1;
  ballot.partner = ids_[1];
  ballot.objections = {{pallets_.id, "Too costly"}};
  ASSERT_TRUE(as(bo_).cast_ballot(ballot).ok());
  EXPECT_EQ(thread(ana_, pallets_).at(0).comment.author_name, "a partner");
  ASSERT_TRUE(as(coordinator_).close_cycle(1).ok());
  EXPECT_EQ(thread(ana_, pallets_).at(0).comment.author_name, "Courier");
}

TEST_F(Discussion, PartnersFollowTheirInitiativesAndPeopleChooseForThemselves) {
  EXPECT_TRUE(as(ana_).thread(pallets_)->following);   // Retail proposed it
  EXPECT_TRUE(as(bo_).thread(pallets_)->following);    // Courier's estimated impact is 2
  EXPECT_FALSE(as(max_).thread(pallets_)->following);  // Maker's is 0
  post(cora_, "Please add the depot costs");
  EXPECT_TRUE(has(feed_kinds(ana_), "comment"));
  EXPECT_TRUE(has(feed_kinds(bo_), "comment"));
  EXPECT_FALSE(has(feed_kinds(max_), "comment"));
  EXPECT_TRUE(has(feed_kinds(max_), "cycle_opened"));  // what concerns everyone

  ASSERT_TRUE(as(max_).follow(pallets_, true).ok());
  ASSERT_TRUE(as(bo_).follow(pallets_, false).ok());
  EXPECT_TRUE(has(feed_kinds(max_), "comment"));
  EXPECT_FALSE(has(feed_kinds(bo_), "comment"));
  EXPECT_FALSE(as(bo_).thread(pallets_)->following);

  auto no_person = as(retail_).activity(0, 10);
  ASSERT_FALSE(no_person.ok());
  EXPECT_EQ(no_person.error().where, "token");
  EXPECT_EQ(as(retail_).follow(pallets_, true).error().where, "token");
  EXPECT_EQ(as(max_).follow({SubjectKind::kInitiative, 77}, true).error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(as(max_).activity(0, 0).error().where, "limit");
}

TEST_F(Discussion, TheFeedCountsWhatIsNewSinceTheLastVisitAndPages) {
  auto first = as(ana_).activity(0, 100);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->last_seen, 0);
  EXPECT_EQ(first->unseen, static_cast<std::int64_t>(first->items.size()));
  auto mark = as(ana_).mark_activity_seen();
  ASSERT_TRUE(mark.ok());
  EXPECT_EQ(*mark, first->items.front().id);
  EXPECT_EQ(as(ana_).activity(0, 100)->unseen, 0);
  post(bo_, "One");
  post(bo_, "Two");
  post(ana_, "Her own is not new to her");
  post(bo_, "Three");
  auto page = as(ana_).activity(0, 2);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->unseen, 3);
  ASSERT_EQ(page->items.size(), 2U);
  EXPECT_GT(page->items[0].id, page->items[1].id);  // newest first
  auto next = as(ana_).activity(page->items[1].id, 2);
  ASSERT_TRUE(next.ok());
  ASSERT_FALSE(next->items.empty());
  EXPECT_LT(next->items[0].id, page->items[1].id);

  // A close tells the followers whether their initiative was selected.
  ASSERT_TRUE(as(coordinator_).start_voting(1).ok());
  net::PartnerBallot ballot;
  ballot.cycle = 1;
  ballot.partner = ids_[0];
  ballot.entries = {{pallets_.id, core::Rational(1)}};
  ASSERT_TRUE(as(ana_).cast_ballot(ballot).ok());
  ASSERT_TRUE(as(coordinator_).close_cycle(1).ok());
  EXPECT_TRUE(has(feed_kinds(ana_), "initiative_selected"));
  EXPECT_FALSE(has(feed_kinds(max_), "initiative_selected"));
}

TEST_F(Discussion, AnEditTellsOnlyThoseItNamesAnewAndEachOnlyOnce) {
  const auto mentions_of = [&](const Actor& actor) {
    const std::vector<std::string> kinds = inbox_kinds(actor);
    return std::count(kinds.begin(), kinds.end(), "mentioned");
  };
  const ThreadComment comment = post(bo_, "Could @Ana share the pallet counts?");
  EXPECT_EQ(mentions_of(ana_), 1);
  EXPECT_EQ(mentions_of(max_), 0);
  // Ana named again, Max anew: Max hears of it, Ana does not hear twice.
  ASSERT_TRUE(as(bo_).edit_comment(comment.comment.id, "Could @Ana or @Max share the pallet counts?").ok());
  EXPECT_EQ(mentions_of(ana_), 1);
  EXPECT_EQ(mentions_of(max_), 1);
  // Max dropped, then named again: told once already, so not again; a partner named anew is told.
  ASSERT_TRUE(as(bo_).edit_comment(comment.comment.id, "Could @Ana share them?").ok());
  auto edited = as(bo_).edit_comment(comment.comment.id, "Could @Ana, @Max or @Maker share them?");
  ASSERT_TRUE(edited.ok()) << edited.error().to_string();
  EXPECT_EQ(mentions_of(ana_), 1);
  EXPECT_EQ(mentions_of(max_), 2);  // Max is Maker's: once as a person, once for its partner
  EXPECT_EQ(edited->comment.mentions, R"([{"id":1,"kind":"person","name":"Ana"},{"id":3,"kind":"person","name":"Max"},)"
                                      R"({"id":3,"kind":"partner","name":"Maker"}])");
  // An edit naming someone unknown is refused and tells nobody.
  expect_refused(as(bo_).edit_comment(comment.comment.id, "@Nobody and @Cora"), core::ErrorKind::kInvalidInput, "body");
  EXPECT_EQ(mentions_of(cora_), 0);
}

}  // namespace
}  // namespace covalue::program::testing
