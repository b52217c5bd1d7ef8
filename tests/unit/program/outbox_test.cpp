// The transactional outbox (issue 13 item 3): events recorded with the changes that cause them and fanned out per
// recipient and channel, reminders to the partners that have not voted at each lead time once, the delivery
// worker's retries, back-off, dead letters and leases, webhooks and the inbox. Time comes from a set clock.
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>

#include "covalue/program/report.hpp"
#include "covalue/program/utc_time.hpp"
#include "roles_fixture.hpp"

namespace covalue::program::testing {
namespace {

//! A Mailer double: records what it was given and answers as scripted (delivered once the script is empty).
class FakeMailer final : public Mailer {
 public:
  DeliveryReport send(const MailEnvelope& envelope, const Notification& message) override {
    sent.emplace_back(envelope, message);
    if (script.empty()) {
      return {DeliveryOutcome::kDelivered, ""};
    }
    DeliveryReport next = script.front();
    script.pop_front();
    return next;
  }
  std::vector<std::pair<MailEnvelope, Notification>> sent;
  std::deque<DeliveryReport> script;
};

//! A WebhookPoster double.
class FakePoster final : public WebhookPoster {
 public:
  DeliveryReport post(const WebhookTarget& target, const std::string& key, const Notification& message) override {
    posted.push_back({target, key, message});
    return {DeliveryOutcome::kDelivered, ""};
  }
  struct Post {
    WebhookTarget target;
    std::string key;
    Notification message;
  };
  std::vector<Post> posted;
};

class Outbox : public RolesFixture {
 protected:
  void SetUp() override {
    RolesFixture::SetUp();
    ana_ = person("Ana", ids_[0], "ana@retail.example", Role::kRepresentative);
    bo_ = person("Bo", ids_[1], "bo@courier.example", Role::kRepresentative);
    cora_ = person("Cora", std::nullopt, "cora@net.example", Role::kCoordinator);
  }
  //! Adds a person and returns an actor for a token issued to it.
  Actor person(const std::string& name, std::optional<net::PartnerId> partner, const std::string& email, Role role) {
    Person p;
    p.name = name;
    p.partner = partner;
    p.email = email;
    p.role = role;
    auto added = as(Actor::local_operator()).add_person(p);
    EXPECT_TRUE(added.ok()) << added.error().to_string();
    // These tests are about delivery: every person takes cycle openings by e-mail at once (the default is the
    // daily digest; tests/unit/program/preferences_test.cpp covers the defaults).
    KindPreference at_once;
    at_once.kind = EventKind::kCycleOpened;
    at_once.cadence = Cadence::kImmediately;
    EXPECT_TRUE(as(Actor::local_operator()).set_preferences(added->id, {at_once}).ok());
    auto issued = as(Actor::local_operator()).issue_person_token(added->id, "inbox");
    EXPECT_TRUE(issued.ok());
    auto actor = Program::authenticate(*store_, issued->secret);
    EXPECT_TRUE(actor.ok());
    return *actor;
  }
  Program at(const Actor& actor) { return Program(*store_, {}, actor, &time_); }
  Program worker() { return at(Actor::local_operator()); }
  //! The kinds in `actor`'s inbox, newest first.
  std::vector<std::string> kinds(const Actor& actor) {
    auto page = at(actor).inbox(0, 100);
    EXPECT_TRUE(page.ok()) << page.error().to_string();
    std::vector<std::string> out;
    for (const InboxItem& item : page->items) {
      out.emplace_back(name_of(item.event.kind));
    }
    return out;
  }
  std::vector<Delivery> all(std::optional<DeliveryState> state = std::nullopt) {
    auto listed = worker().deliveries(state, 0, 1000);
    EXPECT_TRUE(listed.ok());
    return *listed;
  }
  //! Opens cycle 1 with one proposal and starts the vote closing at `closes_at`.
  void voting_until(const std::string& closes_at) {
    ASSERT_TRUE(at(coordinator_).open_cycle().ok());
    net::Initiative proposal = initiative("Shared forecast", ids_[0]);
    proposal.volunteers = {ids_[0]};
    ASSERT_TRUE(at(Actor::local_operator()).propose(proposal).ok());
    auto voting = at(coordinator_).start_voting(1, closes_at);
    ASSERT_TRUE(voting.ok()) << voting.error().to_string();
  }
  void vote(const Actor& actor, net::PartnerId partner) {
    net::PartnerBallot ballot;
    ballot.cycle = 1;
    ballot.partner = partner;
    ballot.entries = {{1, core::Rational(1)}};
    auto cast = at(actor).cast_ballot(ballot);
    ASSERT_TRUE(cast.ok()) << cast.error().to_string();
  }

  SetClock time_;
  Actor ana_, bo_, cora_;
};

TEST_F(Outbox, AnOpenedCycleReachesEveryPersonInTheInboxAndByMail) {
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  for (const Actor* who : {&ana_, &bo_, &cora_}) {
    EXPECT_EQ(kinds(*who), std::vector<std::string>{"cycle_opened"});
  }
  EXPECT_EQ(all(DeliveryState::kPending).size(), 3U);    // one e-mail each
  EXPECT_EQ(all(DeliveryState::kDelivered).size(), 3U);  // the inbox entries
  // A change refused records nothing: the cycle is open already.
  EXPECT_FALSE(at(coordinator_).open_cycle().ok());
  EXPECT_EQ(all().size(), 6U);
}

TEST_F(Outbox, AClosedCycleTellsEachPartnerItsOwnResultAndItsLeads) {
  voting_until("2026-12-10T17:00Z");
  vote(retail_, ids_[0]);
  vote(courier_, ids_[1]);
  auto closed = at(coordinator_).close_cycle(1);
  ASSERT_TRUE(closed.ok()) << closed.error().to_string();
  auto page = at(ana_).inbox(0, 10);
  ASSERT_TRUE(page.ok());
  std::vector<std::string> seen;
  for (const InboxItem& item : page->items) {
    seen.emplace_back(name_of(item.event.kind));
    if (item.event.kind == EventKind::kCycleClosed) {
      EXPECT_EQ(item.event.partner, ids_[0]);
      const Notification message = render_notification(item.event, "Audit");
      EXPECT_EQ(message.subject, "Your result of cycle 1");
      EXPECT_EQ(message.link, "/cycles/1");
      EXPECT_NE(item.event.payload.find("\"net_value\":"), std::string::npos) << item.event.payload;
    }
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"lead_named", "cycle_closed", "voting_opened", "cycle_opened"}));
  EXPECT_EQ(kinds(bo_), (std::vector<std::string>{"cycle_closed", "voting_opened", "cycle_opened"}));
  auto cora = at(cora_).inbox(0, 1);
  ASSERT_TRUE(cora.ok());
  EXPECT_EQ(cora->items[0].event.partner, std::nullopt);  // the summary, not a partner's own result
  EXPECT_EQ(render_notification(cora->items[0].event, "Audit").subject, "Cycle 1 closed");
}

TEST_F(Outbox, RemindersReachOnlyPartnersThatHaveNotVotedOncePerLeadTime) {
  voting_until("2026-12-10T17:00Z");
  vote(retail_, ids_[0]);
  time_.set("2026-12-08T16:59:00.000Z");  // 48 h and a minute before
  ASSERT_TRUE(worker().run_deadlines().ok());
  EXPECT_EQ(kinds(bo_).front(), "voting_opened");
  time_.set("2026-12-08T17:00:00.000Z");
  ASSERT_TRUE(worker().run_deadlines().ok());
  ASSERT_TRUE(worker().run_deadlines().ok());  // once per lead time
  EXPECT_EQ(kinds(bo_), (std::vector<std::string>{"voting_closes_soon", "voting_opened", "cycle_opened"}));
  EXPECT_EQ(kinds(ana_).front(), "voting_opened");  // Retail voted
  auto page = at(bo_).inbox(0, 1);
  EXPECT_EQ(render_notification(page->items[0].event, "Audit").subject, "Voting on cycle 1 closes in 48 hours");
  time_.set("2026-12-10T12:00:00.000Z");
  ASSERT_TRUE(worker().run_deadlines().ok());
  page = at(bo_).inbox(0, 1);
  EXPECT_EQ(render_notification(page->items[0].event, "Audit").subject, "Voting on cycle 1 closes in 6 hours");
  EXPECT_EQ(kinds(bo_).size(), 4U);
  // Past the deadline (remind): the coordinators hear once that the cycle is theirs to close.
  time_.set("2026-12-10T17:00:01.000Z");
  ASSERT_TRUE(worker().run_deadlines().ok());
  ASSERT_TRUE(worker().run_deadlines().ok());
  const std::vector<std::string> told = kinds(cora_);
  ASSERT_FALSE(told.empty());
  EXPECT_EQ(told.front(), "deadline_due");
  EXPECT_EQ(std::count(told.begin(), told.end(), "deadline_due"), 1);
  EXPECT_EQ(kinds(bo_).size(), 4U);
}

TEST_F(Outbox, TheCharterChoosesTheLeadTimesAndRefusesBadOnesNamingTheField) {
  auto charter = as(Actor::local_operator()).queries().network();
  ASSERT_TRUE(charter.ok());
  for (const char* bad : {"0", "48,", "6,,2", "x", "9000", "1,2,3,4,5,6,7,8,9"}) {
    charter->reminder_hours = bad;
    auto refused = as(Actor::local_operator()).update_charter(*charter);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().where, "reminder_hours") << bad;
  }
  charter->reminder_hours = "24";
  ASSERT_TRUE(as(Actor::local_operator()).update_charter(*charter).ok());
  voting_until("2026-12-10T17:00Z");
  time_.set("2026-12-08T17:00:00.000Z");
  ASSERT_TRUE(worker().run_deadlines().ok());
  EXPECT_EQ(kinds(bo_).front(), "voting_opened");
  time_.set("2026-12-09T17:00:00.000Z");
  ASSERT_TRUE(worker().run_deadlines().ok());
  EXPECT_EQ(kinds(bo_).front(), "voting_closes_soon");
}

TEST_F(Outbox, TheWorkerSendsEachMailOnceUnderAStableMessageId) {
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  FakeMailer mailer;
  DeliverySettings settings;
  settings.mail_from = "covalue@net.example";
  auto pass = worker().deliver_due(&mailer, nullptr, settings);
  ASSERT_TRUE(pass.ok()) << pass.error().to_string();
  EXPECT_EQ(pass->delivered, 3);
  ASSERT_EQ(mailer.sent.size(), 3U);
  EXPECT_EQ(mailer.sent[0].first.from, "covalue@net.example");
  EXPECT_EQ(mailer.sent[0].first.to, "ana@retail.example");
  EXPECT_EQ(mailer.sent[0].second.subject, "Cycle 1 is open for proposals");
  EXPECT_EQ(mailer.sent[0].second.network, "Audit");
  const std::vector<Delivery> mails = all(DeliveryState::kDelivered);
  const auto ana_mail = std::find_if(mails.begin(), mails.end(), [&](const Delivery& d) {
    return d.channel == DeliveryChannel::kEmail && d.person == ana_.person;
  });
  ASSERT_NE(ana_mail, mails.end());
  EXPECT_EQ(mailer.sent[0].first.message_id, "<" + ana_mail->key + "@covalue>");
  EXPECT_EQ(worker().deliver_due(&mailer, nullptr)->claimed, 0);  // nothing twice
  // Without a mailer, e-mail waits: nothing is claimed.
  ASSERT_TRUE(at(coordinator_).start_voting(1).ok());
  EXPECT_EQ(worker().deliver_due(nullptr, nullptr)->claimed, 0);
  EXPECT_EQ(all(DeliveryState::kPending).size(), 3U);
}

TEST_F(Outbox, AFailingRecipientIsRetriedWithBackOffThenDeadWhileTheOthersGetTheirs) {
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  FakeMailer mailer;
  mailer.script = {{DeliveryOutcome::kRetry, "SMTP 451 try later"}};
  DeliverySettings settings;
  settings.retry_base_seconds = 60;
  settings.retry_max_seconds = 100;
  settings.max_attempts = 3;
  auto pass = worker().deliver_due(&mailer, nullptr, settings);
  ASSERT_TRUE(pass.ok());
  EXPECT_EQ(pass->delivered, 2);
  EXPECT_EQ(pass->retried, 1);
  std::vector<Delivery> pending = all(DeliveryState::kPending);
  ASSERT_EQ(pending.size(), 1U);
  EXPECT_EQ(pending[0].attempts, 1);
  EXPECT_EQ(pending[0].last_error, "SMTP 451 try later");
  EXPECT_EQ(pending[0].next_attempt_at, "2026-12-01T09:01:00Z");
  time_.set("2026-12-01T09:00:59.000Z");
  EXPECT_EQ(worker().deliver_due(&mailer, nullptr, settings)->claimed, 0);  // not due yet
  time_.set("2026-12-01T09:01:00.000Z");
  mailer.script = {{DeliveryOutcome::kRetry, "refused"}, {DeliveryOutcome::kRetry, "refused"}};
  EXPECT_EQ(worker().deliver_due(&mailer, nullptr, settings)->retried, 1);
  EXPECT_EQ(all(DeliveryState::kPending)[0].next_attempt_at, "2026-12-01T09:02:40Z");  // 120 s, capped at 100
  time_.set("2026-12-01T09:02:40.000Z");
  EXPECT_EQ(worker().deliver_due(&mailer, nullptr, settings)->dead, 1);  // the third attempt was the last
  std::vector<Delivery> dead = all(DeliveryState::kDead);
  ASSERT_EQ(dead.size(), 1U);
  EXPECT_EQ(dead[0].last_error, "refused");
  // A coordinator retries it; a representative may not; only a dead one can be retried.
  EXPECT_EQ(at(retail_).retry_delivery(dead[0].id).error().kind, core::ErrorKind::kForbidden);
  ASSERT_TRUE(at(coordinator_).retry_delivery(dead[0].id).ok());
  EXPECT_EQ(at(coordinator_).retry_delivery(dead[0].id).error().kind, core::ErrorKind::kConflict);
  EXPECT_EQ(worker().deliver_due(&mailer, nullptr, settings)->delivered, 1);
  // A permanent failure is dead at once.
  ASSERT_TRUE(at(coordinator_).start_voting(1).ok());
  mailer.script = {{DeliveryOutcome::kPermanent, "SMTP 550 no such user"}};
  EXPECT_EQ(worker().deliver_due(&mailer, nullptr, settings)->dead, 1);
}

TEST_F(Outbox, AClaimOfAKilledWorkerIsSentAgainOnceItsLeaseExpires) {
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  // A worker claims everything, then dies before recording anything.
  ASSERT_TRUE(store_
                  ->transact([](StoreSession& s) -> core::Status {
                    auto claimed = s.claim_deliveries({DeliveryChannel::kEmail}, "2026-12-01T09:00:00Z",
                                                      "2026-12-01T09:05:00Z", 100);
                    return claimed.ok() ? core::Status() : core::Status(claimed.error());
                  })
                  .ok());
  FakeMailer mailer;
  EXPECT_EQ(worker().deliver_due(&mailer, nullptr)->claimed, 0);
  time_.set("2026-12-01T09:05:00.000Z");
  EXPECT_EQ(worker().deliver_due(&mailer, nullptr)->delivered, 3);
  EXPECT_EQ(all(DeliveryState::kDelivered).size(), 6U);
}

TEST_F(Outbox, WebhooksAreCheckedTakeTheirKindsAndNeverAPartnersOwnResult) {
  Webhook bad;
  bad.url = "ftp://chat.example/x";
  bad.secret = "s";
  EXPECT_EQ(at(coordinator_).add_webhook(bad).error().where, "url");
  bad.url = "https:///nohost";
  EXPECT_EQ(at(coordinator_).add_webhook(bad).error().where, "url");
  bad.url = "https://chat.example/x";
  bad.secret.clear();
  EXPECT_EQ(at(coordinator_).add_webhook(bad).error().where, "secret");
  bad.secret = std::string(kMaxWebhookSecret + 1, 's');
  EXPECT_EQ(at(coordinator_).add_webhook(bad).error().where, "secret");
  bad.secret = "s3cret";
  EXPECT_EQ(at(retail_).add_webhook(bad).error().kind, core::ErrorKind::kForbidden);
  bad.events = {EventKind::kCycleClosed, EventKind::kVotingOpened};
  auto added = at(coordinator_).add_webhook(bad);
  ASSERT_TRUE(added.ok()) << added.error().to_string();
  EXPECT_TRUE(added->secret.empty());  // never shown back
  EXPECT_TRUE((*at(coordinator_).webhooks())[0].secret.empty());
  voting_until("2026-12-10T17:00Z");  // cycle_opened is not among its kinds; voting_opened is
  vote(retail_, ids_[0]);
  ASSERT_TRUE(at(coordinator_).close_cycle(1).ok());
  FakePoster poster;
  ASSERT_TRUE(worker().deliver_due(nullptr, &poster).ok());
  ASSERT_EQ(poster.posted.size(), 2U);  // voting opened, and the close's summary
  EXPECT_EQ(poster.posted[0].message.kind, EventKind::kVotingOpened);
  EXPECT_EQ(poster.posted[1].message.subject, "Cycle 1 closed");
  EXPECT_EQ(poster.posted[0].target.secret, "s3cret");
  EXPECT_EQ(poster.posted[0].target.url, "https://chat.example/x");
  EXPECT_NE(poster.posted[0].key.find(".webhook.w1"), std::string::npos);
  ASSERT_TRUE(at(coordinator_).remove_webhook(added->id).ok());
  EXPECT_EQ(at(coordinator_).remove_webhook(added->id).error().kind, core::ErrorKind::kNotFound);
  EXPECT_TRUE(at(coordinator_).webhooks()->empty());
}

TEST_F(Outbox, AProposalPulledFromTheBallotIsNewsForEveryoneWithItsReason) {
  voting_until("2026-12-10T17:00Z");
  ASSERT_TRUE(at(coordinator_).withdraw(1, "duplicates cycle 0's pilot").ok());
  for (const Actor* who : {&ana_, &bo_, &cora_}) {
    auto page = at(*who).inbox(0, 1);
    ASSERT_TRUE(page.ok());
    ASSERT_FALSE(page->items.empty());
    const Notification message = render_notification(page->items[0].event, "Audit");
    EXPECT_EQ(message.subject, "\"Shared forecast\" was taken off the ballot");
    ASSERT_FALSE(message.facts.empty());
    EXPECT_EQ(message.facts[0], (std::pair<std::string, std::string>{"Reason", "duplicates cycle 0's pilot"}));
  }
}

TEST_F(Outbox, ThePartnerWhoseRetentionRiskTurnsHighIsNewsForTheCoordinatorsOnce) {
  // Maker never votes, and every selected proposal costs it something that no transfer makes good (the charter
  // shares nothing): its risk climbs cycle after cycle. Each close that takes its band to high (as the engagement
  // report says) tells the coordinators once; Maker's own people and the other partners hear nothing of it.
  net::PartnerId maker = ids_[2];
  auto charter = at(Actor::local_operator()).snapshot();
  ASSERT_TRUE(charter.ok());
  net::Charter unshared = charter->charter;
  unshared.sharing = net::SharingPolicy::kNone;
  ASSERT_TRUE(at(coordinator_).update_charter(unshared).ok());
  std::vector<net::CycleNumber> turned_high;
  std::string previous_band;
  for (net::CycleNumber n = 1; n <= 5; ++n) {
    ASSERT_TRUE(at(coordinator_).open_cycle().ok());
    net::Initiative proposal = initiative("Shared forecast " + std::to_string(n), ids_[0]);
    proposal.impacts = {{ids_[0], 3}, {ids_[1], 2}, {maker, -1}};
    proposal.volunteers = {ids_[0]};
    auto proposed = at(Actor::local_operator()).propose(proposal);
    ASSERT_TRUE(proposed.ok()) << proposed.error().to_string();
    ASSERT_TRUE(at(coordinator_).start_voting(n).ok());
    for (const auto& [actor, partner] : {std::pair{retail_, ids_[0]}, std::pair{courier_, ids_[1]}}) {
      net::PartnerBallot ballot;
      ballot.cycle = n;
      ballot.partner = partner;
      ballot.entries = {{proposed->id, core::Rational(1)}};
      ASSERT_TRUE(at(actor).cast_ballot(ballot).ok());
    }
    auto closed = at(coordinator_).close_cycle(n);
    ASSERT_TRUE(closed.ok()) << closed.error().to_string();
    auto snapshot = at(Actor::local_operator()).snapshot();
    ASSERT_TRUE(snapshot.ok());
    auto report = engagement_report(*snapshot);
    ASSERT_TRUE(report.ok());
    const auto table = std::find_if(report->tables.begin(), report->tables.end(),
                                    [](const ReportTable& t) { return t.key == "partners"; });
    ASSERT_NE(table, report->tables.end());
    const ReportTable& partners = *table;
    const auto column = std::find(partners.columns.begin(), partners.columns.end(), "risk_band");
    ASSERT_NE(column, partners.columns.end());
    const std::string band = partners.rows.at(2).at(static_cast<std::size_t>(column - partners.columns.begin())).text;
    if (band == "high" && previous_band != "high") {
      turned_high.push_back(n);
    }
    previous_band = band;
  }
  ASSERT_FALSE(turned_high.empty()) << "the scenario must take Maker's risk to high";
  std::vector<net::CycleNumber> told;
  auto page = at(cora_).inbox(0, 100);
  ASSERT_TRUE(page.ok());
  for (const InboxItem& item : page->items) {
    if (item.event.kind == EventKind::kRetentionRisk) {
      EXPECT_EQ(item.event.partner, maker);
      told.insert(told.begin(), item.event.cycle);
      const Notification message = render_notification(item.event, "Audit");
      EXPECT_EQ(message.subject.rfind("Maker may leave the network: retention risk ", 0), 0U) << message.subject;
      EXPECT_EQ(message.link, "/partners/" + std::to_string(maker));
      ASSERT_FALSE(message.facts.empty());
      EXPECT_EQ(message.facts[0].first, "Why");
      EXPECT_NE(message.facts[0].second.find("missed"), std::string::npos) << message.facts[0].second;
    }
  }
  EXPECT_EQ(told, turned_high);
  for (const Actor* partner_person : {&ana_, &bo_}) {
    const std::vector<std::string> seen = kinds(*partner_person);
    EXPECT_EQ(std::count(seen.begin(), seen.end(), "retention_risk"), 0);
  }
}

TEST_F(Outbox, TheInboxIsAPersonsOwnAndATokenWithoutAPersonIsToldSo) {
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  auto refused = at(coordinator_).inbox(0, 10);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(refused.error().where, "token");
  EXPECT_NE(refused.error().message.find("token issue --person"), std::string::npos);
  auto page = at(ana_).inbox(0, 10);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->unread, 1);
  const std::int64_t entry = page->items[0].delivery.id;
  EXPECT_EQ(at(bo_).mark_read(entry).error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(*at(ana_).mark_read(entry), 1);
  EXPECT_EQ(*at(ana_).mark_read(entry), 0);
  EXPECT_EQ(at(ana_).inbox(0, 10)->unread, 0);
  EXPECT_EQ(*at(bo_).mark_read(std::nullopt), 1);
}

// What people read (the inbox, e-mail and chat alike): amounts rounded to two decimals with the unit, times in
// words, sentences that start with a capital; never "-1789/420" or "2026-12-08T19:04:00Z".
TEST(NotificationText, AmountsAndTimesReadAsPeopleWriteThem) {
  NotificationEvent own;
  own.kind = EventKind::kCycleClosed;
  own.cycle = 9;
  own.partner = 4;
  own.payload = R"({"partner_name":"UrbanMart","unit":"value points","estimated_value":"31/5",)"
                R"("transfer":"-1789/420","net_value":"163/84","dry_spell":0,"leads":[]})";
  const Notification result = render_notification(own, "North");
  ASSERT_GE(result.facts.size(), 3U);
  EXPECT_EQ(result.facts[0], (std::pair<std::string, std::string>{"Estimated value", "6.2 value points"}));
  EXPECT_EQ(result.facts[1], (std::pair<std::string, std::string>{"Transfer", "-4.26 value points"}));
  EXPECT_EQ(result.facts[2], (std::pair<std::string, std::string>{"Net value", "1.94 value points"}));
  ASSERT_FALSE(result.paragraphs.empty());
  EXPECT_EQ(result.paragraphs[0], "Cycle 9 closed. This is what it means for UrbanMart.");
  NotificationEvent opened;
  opened.kind = EventKind::kCycleOpened;
  opened.cycle = 10;
  opened.payload = R"({"proposals_close_at":"2026-12-06T19:04:00Z","voting_closes_at":"2026-12-13T19:04:00Z"})";
  const Notification open = render_notification(opened, "North");
  EXPECT_EQ(open.subject, "Cycle 10 is open for proposals");
  EXPECT_EQ(open.facts.at(0), (std::pair<std::string, std::string>{"Proposals close", "Sun 6 Dec 2026, 19:04 UTC"}));
  EXPECT_EQ(open.facts.at(1), (std::pair<std::string, std::string>{"Voting closes", "Sun 13 Dec 2026, 19:04 UTC"}));
}

}  // namespace
}  // namespace covalue::program::testing
