// Notification preferences and digests (issue 13 item 5): the e-mail channel follows each person's cadence per
// kind (the inbox always gets everything), digests once per person and period at the person's own hour, signed
// one-click unsubscribe tokens, and times rendered in each recipient's time zone.
#include <gtest/gtest.h>

#include <algorithm>

#include "covalue/program/time_zone.hpp"
#include "covalue/program/utc_time.hpp"
#include "roles_fixture.hpp"

namespace covalue::program::testing {
namespace {

class TuesdayClock final : public Clock {
 public:
  std::string now() override { return now_; }
  void set(std::string now) { now_ = std::move(now); }

 private:
  std::string now_{"2026-12-01T09:00:00Z"};  // a Tuesday
};

class RecordingMailer final : public Mailer {
 public:
  DeliveryReport send(const MailEnvelope& envelope, const Notification& message) override {
    sent.emplace_back(envelope, message);
    return {DeliveryOutcome::kDelivered, ""};
  }
  std::vector<std::pair<MailEnvelope, Notification>> sent;
};

class Preferences : public RolesFixture {
 protected:
  void SetUp() override {
    RolesFixture::SetUp();
    ana_ = person("Ana", ids_[0], "ana@retail.example", "Europe/Warsaw");
    bo_ = person("Bo", ids_[1], "bo@courier.example", "America/New_York");
  }
  Actor person(const std::string& name, std::optional<net::PartnerId> partner, const std::string& email,
               const std::string& zone) {
    Person p;
    p.name = name;
    p.partner = partner;
    p.email = email;
    p.time_zone = zone;
    auto added = as(Actor::local_operator()).add_person(p);
    EXPECT_TRUE(added.ok()) << added.error().to_string();
    auto issued = as(Actor::local_operator()).issue_person_token(added->id, "prefs");
    EXPECT_TRUE(issued.ok());
    auto actor = Program::authenticate(*store_, issued->secret);
    EXPECT_TRUE(actor.ok());
    return *actor;
  }
  Program at(const Actor& actor) { return Program(*store_, {}, actor, &time_); }
  //! Sends what is due with a public URL; returns what the mailer got.
  std::vector<std::pair<MailEnvelope, Notification>> send() {
    RecordingMailer mailer;
    DeliverySettings settings;
    settings.mail_from = "covalue@net.example";
    settings.public_url = "https://covalue.example";
    auto pass = at(Actor::local_operator()).deliver_due(&mailer, nullptr, settings);
    EXPECT_TRUE(pass.ok()) << pass.error().to_string();
    return mailer.sent;
  }
  void choose(const Actor& actor, EventKind kind, Cadence cadence) {
    auto set = at(actor).set_preferences(std::nullopt, {{.kind = kind, .cadence = cadence, .chosen = true}});
    ASSERT_TRUE(set.ok()) << set.error().to_string();
  }
  std::size_t inbox_size(const Actor& actor) {
    auto page = at(actor).inbox(0, 100);
    EXPECT_TRUE(page.ok());
    return page->items.size();
  }
  static std::vector<std::string> recipients(const std::vector<std::pair<MailEnvelope, Notification>>& sent) {
    std::vector<std::string> out;
    for (const auto& [envelope, message] : sent) {
      out.push_back(envelope.to + " " + std::string(name_of(message.kind)));
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  TuesdayClock time_;
  Actor ana_, bo_;
};

TEST_F(Preferences, DefaultsAreImmediateForDeadlinesAndOwnResultsAndDailyForTheRest) {
  auto mine = at(ana_).preferences();
  ASSERT_TRUE(mine.ok()) << mine.error().to_string();
  EXPECT_EQ(mine->kinds.size(), core::all_of<EventKind>().size() - 1);  // digest is not a kind to choose for
  for (const KindPreference& kind : mine->kinds) {
    EXPECT_FALSE(kind.chosen);
    const bool at_once = kind.kind == EventKind::kVotingOpened || kind.kind == EventKind::kVotingClosesSoon ||
                         kind.kind == EventKind::kDeadlineDue || kind.kind == EventKind::kCycleClosed ||
                         kind.kind == EventKind::kLeadNamed || kind.kind == EventKind::kActualsDue ||
                         kind.kind == EventKind::kDelegated;
    EXPECT_EQ(kind.cadence, at_once ? Cadence::kImmediately : Cadence::kDaily) << name_of(kind.kind);
  }
}

TEST_F(Preferences, APersonSetsOnlyItsOwnAndACoordinatorReadsAnyone) {
  choose(ana_, EventKind::kCycleOpened, Cadence::kWeekly);
  auto read = at(coordinator_).preferences(ana_.person);
  ASSERT_TRUE(read.ok());
  const auto opened = std::find_if(read->kinds.begin(), read->kinds.end(),
                                   [](const auto& k) { return k.kind == EventKind::kCycleOpened; });
  EXPECT_EQ(opened->cadence, Cadence::kWeekly);
  EXPECT_TRUE(opened->chosen);
  // Bo reads and sets neither Ana's; a coordinator does not set them either; a token without a person is told so.
  EXPECT_EQ(at(bo_).preferences(ana_.person).error().kind, core::ErrorKind::kForbidden);
  const std::vector<KindPreference> never{
      {.kind = EventKind::kCycleOpened, .cadence = Cadence::kNever, .chosen = true}};
  EXPECT_EQ(at(bo_).set_preferences(ana_.person, never).error().kind, core::ErrorKind::kForbidden);
  EXPECT_EQ(at(coordinator_).set_preferences(ana_.person, never).error().kind, core::ErrorKind::kForbidden);
  auto tokenless = at(retail_).preferences();
  ASSERT_FALSE(tokenless.ok());
  EXPECT_EQ(tokenless.error().where, "token");
  // The operator (the CLI) sets anyone's; digest is refused, naming the change.
  EXPECT_TRUE(at(Actor::local_operator()).set_preferences(ana_.person, never).ok());
  auto digest = at(ana_).set_preferences(std::nullopt,
                                         {{.kind = EventKind::kDigest, .cadence = Cadence::kDaily, .chosen = true}});
  ASSERT_FALSE(digest.ok());
  EXPECT_EQ(digest.error().where, "preferences[0].kind");
  EXPECT_EQ(at(Actor::local_operator()).preferences(99).error().kind, core::ErrorKind::kNotFound);
}

TEST_F(Preferences, NeverSendsNoMailButTheInboxKeepsItAndImmediatelySendsAtOnce) {
  choose(ana_, EventKind::kCycleOpened, Cadence::kNever);
  choose(bo_, EventKind::kCycleOpened, Cadence::kImmediately);
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  EXPECT_EQ(inbox_size(ana_), 1U);
  EXPECT_EQ(inbox_size(bo_), 1U);
  EXPECT_EQ(recipients(send()), std::vector<std::string>{"bo@courier.example cycle_opened"});
}

TEST_F(Preferences, ADailyDigestComesOnceAtThePersonsHourWithTheEventsBeforeIt) {
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());  // cycle_opened: daily by default, 09:00 UTC Tuesday
  EXPECT_TRUE(send().empty());
  DigestSettings settings;  // 07:00 in each person's zone
  // 10:00 Warsaw (CET): today's 07:00 there came before the event; nothing yet.
  auto none = at(Actor::scheduler()).record_digests(settings);
  ASSERT_TRUE(none.ok()) << none.error().to_string();
  EXPECT_EQ(*none, 0);
  // Wednesday 06:30 UTC is 07:30 in Warsaw: Ana's digest. Bo's came due at Tuesday 07:00 in New York (12:00 UTC),
  // after the event (04:00 there): a scheduler away since then makes both now, each once.
  time_.set("2026-12-02T06:30:00Z");
  EXPECT_EQ(*at(Actor::scheduler()).record_digests(settings), 2);
  EXPECT_EQ(*at(Actor::scheduler()).record_digests(settings), 0);  // once per period
  auto sent = send();
  ASSERT_EQ(sent.size(), 2U);
  const auto ana = std::find_if(sent.begin(), sent.end(), [](const auto& s) { return s.first.to[0] == 'a'; });
  ASSERT_NE(ana, sent.end());
  EXPECT_EQ(ana->second.kind, EventKind::kDigest);
  EXPECT_EQ(ana->second.subject, "Your daily digest: 1 update");
  ASSERT_GE(ana->second.paragraphs.size(), 2U);
  EXPECT_EQ(ana->second.paragraphs[1], "- Cycle 1 is open for proposals");
  EXPECT_EQ(ana->second.link, "https://covalue.example/inbox");
  EXPECT_EQ(recipients(sent), (std::vector<std::string>{"ana@retail.example digest", "bo@courier.example digest"}));
  // Nothing waits any more: no digest the next day.
  time_.set("2026-12-03T12:30:00Z");
  EXPECT_EQ(*at(Actor::scheduler()).record_digests(settings), 0);
}

TEST_F(Preferences, AWeeklyDigestWaitsForMonday) {
  choose(ana_, EventKind::kCycleOpened, Cadence::kWeekly);
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  time_.set("2026-12-05T06:30:00Z");                         // Saturday
  EXPECT_EQ(*at(Actor::scheduler()).record_digests({}), 1);  // Bo's daily one (his 01:30 on Saturday: Friday's 07:00)
  time_.set("2026-12-07T06:30:00Z");                         // Monday, 07:30 in Warsaw
  EXPECT_EQ(*at(Actor::scheduler()).record_digests({}), 1);
  auto sent = send();
  EXPECT_EQ(recipients(sent), (std::vector<std::string>{"ana@retail.example digest", "bo@courier.example digest"}));
  const auto weekly = std::find_if(sent.begin(), sent.end(), [](const auto& s) { return s.first.to[0] == 'a'; });
  EXPECT_EQ(weekly->second.subject, "Your weekly digest: 1 update");
}

TEST_F(Preferences, EveryMailCarriesASignedUnsubscribeLinkThatStopsItsKind) {
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  net::Initiative proposal = initiative("Shared forecast", ids_[0]);
  ASSERT_TRUE(at(Actor::local_operator()).propose(proposal).ok());
  ASSERT_TRUE(at(coordinator_).start_voting(1, "2026-12-10T17:00Z").ok());  // voting_opened: immediately
  auto sent = send();
  ASSERT_EQ(sent.size(), 2U);
  const MailEnvelope& envelope = sent[0].first;
  const std::string prefix = "https://covalue.example/api/unsubscribe?token=";
  ASSERT_TRUE(envelope.unsubscribe_url.starts_with(prefix)) << envelope.unsubscribe_url;
  EXPECT_EQ(envelope.preferences_url, "https://covalue.example/preferences");
  const std::string token = envelope.unsubscribe_url.substr(prefix.size());
  // A tampered token changes nothing.
  std::string tampered = token;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  auto refused = Program::unsubscribe(*store_, tampered, time_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().where, "token");
  const Actor& who = envelope.to == "ana@retail.example" ? ana_ : bo_;
  const PersonId other = who.person == ana_.person ? *bo_.person : *ana_.person;
  const std::string rest = token.substr(token.find('.', 2));                                     // ".voting_opened.MAC"
  EXPECT_FALSE(Program::unsubscribe(*store_, "1." + std::to_string(other) + rest, time_).ok());  // not its MAC
  EXPECT_FALSE(Program::check_unsubscribe(*store_, "1.1.voting_opened").ok());
  // Checking (a GET) changes nothing; unsubscribing sets the kind to never.
  auto checked = Program::check_unsubscribe(*store_, token);
  ASSERT_TRUE(checked.ok()) << checked.error().to_string();
  EXPECT_EQ(checked->kind, EventKind::kVotingOpened);
  auto before = at(who).preferences();
  auto done = Program::unsubscribe(*store_, token, time_);
  ASSERT_TRUE(done.ok()) << done.error().to_string();
  auto after = at(who).preferences();
  ASSERT_TRUE(before.ok() && after.ok());
  const auto voting = [](const PersonPreferences& p) {
    return std::find_if(p.kinds.begin(), p.kinds.end(),
                        [](const auto& k) { return k.kind == EventKind::kVotingOpened; })
        ->cadence;
  };
  EXPECT_EQ(voting(*before), Cadence::kImmediately);
  EXPECT_EQ(voting(*after), Cadence::kNever);
  auto audit = at(coordinator_).audit_log(0, 1000);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->back().action, "unsubscribe");
}

TEST_F(Preferences, TimesAreShownInTheRecipientsZone) {
  ASSERT_TRUE(at(coordinator_).open_cycle().ok());
  net::Initiative proposal = initiative("Shared forecast", ids_[0]);
  ASSERT_TRUE(at(Actor::local_operator()).propose(proposal).ok());
  ASSERT_TRUE(at(coordinator_).start_voting(1, "2026-12-10T17:00Z").ok());
  std::vector<std::string> facts;
  for (const auto& [envelope, message] : send()) {
    for (const auto& [label, value] : message.facts) {
      facts.push_back(envelope.to + ": " + label + " " + value);
    }
  }
  std::sort(facts.begin(), facts.end());
  EXPECT_EQ(facts, (std::vector<std::string>{"ana@retail.example: Voting closes Thu 10 Dec 2026, 18:00 CET",
                                             "bo@courier.example: Voting closes Thu 10 Dec 2026, 12:00 EST"}));
  auto page = at(ana_).inbox(0, 10);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->time_zone, "Europe/Warsaw");
}

TEST(TimeZone, OffsetsFollowTheInstalledDatabaseAndItsRulesPastTheLastTransition) {
  const auto berlin = find_time_zone("Europe/Berlin");
  EXPECT_EQ(berlin->at(*parse_utc("2026-07-01T12:00Z", "t")), (ZoneOffset{7200, "CEST"}));
  EXPECT_EQ(berlin->at(*parse_utc("2026-12-01T12:00Z", "t")), (ZoneOffset{3600, "CET"}));
  // The switch on the last Sunday of March 2026 (29th) at 01:00 UTC, and in 2090 by the POSIX rule.
  EXPECT_EQ(berlin->at(*parse_utc("2026-03-29T00:59:59Z", "t")).seconds, 3600);
  EXPECT_EQ(berlin->at(*parse_utc("2026-03-29T01:00:00Z", "t")).seconds, 7200);
  EXPECT_EQ(berlin->at(*parse_utc("2090-07-01T12:00Z", "t")), (ZoneOffset{7200, "CEST"}));
  EXPECT_EQ(berlin->at(*parse_utc("2090-12-01T12:00Z", "t")), (ZoneOffset{3600, "CET"}));
  const auto sydney = find_time_zone("Australia/Sydney");  // the southern hemisphere: daylight over new year
  EXPECT_EQ(sydney->at(*parse_utc("2090-01-15T00:00Z", "t")).seconds, 11 * 3600);
  EXPECT_EQ(sydney->at(*parse_utc("2090-07-15T00:00Z", "t")).seconds, 10 * 3600);
  EXPECT_EQ(find_time_zone("Asia/Kolkata")->at(0).seconds, 19800);
  EXPECT_EQ(moment_in_words(*parse_utc("2026-12-08T19:04Z", "t"), *find_time_zone("UTC")), "Tue 8 Dec 2026, 19:04 UTC");
  EXPECT_EQ(moment_in_words(*parse_utc("2026-12-08T19:04Z", "t"), *berlin), "Tue 8 Dec 2026, 20:04 CET");
  // An unknown or unsafe name is UTC (people's zones were checked when they were stored).
  EXPECT_EQ(find_time_zone("Nowhere/Atlantis")->at(0), ZoneOffset{});
  EXPECT_EQ(find_time_zone("../../etc/passwd")->at(0), ZoneOffset{});
  EXPECT_FALSE(TimeZone::parse("x", "TZif").ok());
  EXPECT_FALSE(TimeZone::parse("x", std::string(60, '\0')).ok());
}

}  // namespace
}  // namespace covalue::program::testing
