// Signing in as a person (issue 15 item 4), driven by a settable clock: a link's and a session's expiry (idle
// and absolute), the password's length limits, the same answer for an unknown address and a wrong password.
#include <gtest/gtest.h>

#include <string>

#include "covalue/program/program.hpp"
#include "roles_fixture.hpp"

namespace covalue::program {
namespace {

//! A clock read from a variable the test sets.
class SetClock final : public Clock {
 public:
  std::string now() override { return time; }
  std::string time{"2026-12-04T10:00:00.000Z"};
};

class SignIn : public testing::RolesFixture {
 protected:
  void SetUp() override {
    RolesFixture::SetUp();
    Person ana;
    ana.partner = ids_[0];
    ana.name = "Ana";
    ana.email = "ana@retail.example";
    auto added = as(coordinator_).add_person(ana);
    ASSERT_TRUE(added.ok()) << added.error().to_string();
    ana_ = *added;
  }

  //! A set-password link for Ana made at the set clock's time.
  std::string link(const SignInSettings& settings = {}) {
    auto issued = Program(*store_, {}, coordinator_, &time_).create_password_link(ana_.id, settings);
    EXPECT_TRUE(issued.ok()) << issued.error().to_string();
    return issued.ok() ? issued->secret : std::string();
  }

  SetClock time_;
  Person ana_;
};

TEST_F(SignIn, TimesAddUpAcrossDaysAndYears) {
  EXPECT_EQ(add_seconds("2026-12-31T23:59:59.250Z", 1), "2027-01-01T00:00:00.250Z");
  EXPECT_EQ(add_seconds("2028-02-28T12:00:00.000Z", 86400), "2028-02-29T12:00:00.000Z");
  EXPECT_EQ(add_seconds("2026-12-04T10:00:00.000Z", 2592000), "2027-01-03T10:00:00.000Z");
  EXPECT_EQ(add_seconds("not a time", 1), std::nullopt);
  EXPECT_EQ(add_seconds("2026-13-04T10:00:00.000Z", 1), std::nullopt);
}

TEST_F(SignIn, APasswordHasAMinimumAndAMaximumLengthInBytes) {
  EXPECT_FALSE(check_password(std::string(kMinPasswordBytes - 1, 'x'), "password").ok());
  EXPECT_TRUE(check_password(std::string(kMinPasswordBytes, 'x'), "password").ok());
  EXPECT_TRUE(check_password(std::string(kMaxPasswordBytes, 'x'), "password").ok());
  const core::Status long_one = check_password(std::string(kMaxPasswordBytes + 1, 'x'), "password");
  ASSERT_FALSE(long_one.ok());
  EXPECT_EQ(long_one.error().message.find("xxxx"), std::string::npos) << "never quotes the password";
  auto hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0U) << *hash;
  EXPECT_TRUE(verify_password(*hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(*hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password("", "correct horse battery"));
}

TEST_F(SignIn, ALinkExpiresAndWorksOnce) {
  const SignInSettings short_links{.link_seconds = 60};
  const std::string expired = link(short_links);
  time_.time = "2026-12-04T10:01:00.000Z";
  EXPECT_EQ(Program::set_password(*store_, expired, "correct horse battery", time_).error().kind,
            core::ErrorKind::kUnauthenticated);
  const std::string fresh = link(short_links);
  ASSERT_TRUE(Program::set_password(*store_, fresh, "correct horse battery", time_).ok());
  EXPECT_EQ(Program::set_password(*store_, fresh, "correct horse battery", time_).error().kind,
            core::ErrorKind::kUnauthenticated);
  EXPECT_EQ(Program::set_password(*store_, "cvp_nonsense", "correct horse battery", time_).error().kind,
            core::ErrorKind::kUnauthenticated);
}

TEST_F(SignIn, AnUnknownAddressAndAWrongPasswordGetTheSameError) {
  ASSERT_TRUE(Program::set_password(*store_, link(), "correct horse battery", time_).ok());
  auto wrong = Program::check_sign_in(*store_, "ana@retail.example", "incorrect horse battery");
  auto unknown = Program::check_sign_in(*store_, "bo@retail.example", "correct horse battery");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().to_string(), unknown.error().to_string());
  auto right = Program::check_sign_in(*store_, "ANA@retail.example", "correct horse battery");
  ASSERT_TRUE(right.ok());
  EXPECT_EQ(right->id, ana_.id);
}

TEST_F(SignIn, ASessionEndsWhenIdleOrTooOldWhateverItsUse) {
  ASSERT_TRUE(Program::set_password(*store_, link(), "correct horse battery", time_).ok());
  const SignInSettings settings{.idle_seconds = 3600, .lifetime_seconds = 3 * 3600};
  auto opened = Program::open_session(*store_, ana_, settings, time_);
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  // Used every 50 minutes: alive past the idle time of one hour, until the lifetime of three.
  for (const char* at : {"2026-12-04T10:50:00.000Z", "2026-12-04T11:40:00.000Z", "2026-12-04T12:30:00.000Z",
                         "2026-12-04T12:59:59.999Z"}) {
    time_.time = at;
    auto actor = Program::authenticate_session(*store_, opened->secret, settings, time_);
    ASSERT_TRUE(actor.ok()) << at << ": " << actor.error().to_string();
    EXPECT_EQ(actor->person, ana_.id);
    EXPECT_EQ(actor->partner, ids_[0]);
    EXPECT_TRUE(actor->session.has_value());
  }
  time_.time = "2026-12-04T13:00:00.000Z";
  EXPECT_EQ(Program::authenticate_session(*store_, opened->secret, settings, time_).error().kind,
            core::ErrorKind::kUnauthenticated);
  // Another session, left alone for an hour, ends though young.
  auto idle = Program::open_session(*store_, ana_, settings, time_);
  ASSERT_TRUE(idle.ok());
  time_.time = "2026-12-04T13:59:59.000Z";
  EXPECT_TRUE(Program::authenticate_session(*store_, idle->secret, settings, time_).ok());
  time_.time = "2026-12-04T14:59:59.000Z";  // an hour after its last use: over, an hour before its lifetime ends
  EXPECT_EQ(Program::authenticate_session(*store_, idle->secret, settings, time_).error().kind,
            core::ErrorKind::kUnauthenticated);
}

TEST_F(SignIn, SigningOutEndsOnlyThatSession) {
  ASSERT_TRUE(Program::set_password(*store_, link(), "correct horse battery", time_).ok());
  auto first = Program::open_session(*store_, ana_, {}, time_);
  auto second = Program::open_session(*store_, ana_, {}, time_);
  ASSERT_TRUE(first.ok() && second.ok());
  auto actor = Program::authenticate_session(*store_, first->secret, {}, time_);
  ASSERT_TRUE(actor.ok());
  ASSERT_TRUE(Program(*store_, {}, *actor, &time_).sign_out().ok());
  EXPECT_FALSE(Program::authenticate_session(*store_, first->secret, {}, time_).ok());
  EXPECT_TRUE(Program::authenticate_session(*store_, second->secret, {}, time_).ok());
  EXPECT_EQ(as(coordinator_).sign_out().error().kind, core::ErrorKind::kInvalidInput);  // a token: nothing to end
}

}  // namespace
}  // namespace covalue::program
