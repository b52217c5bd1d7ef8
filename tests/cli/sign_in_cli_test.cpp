// `covalue person invite|sign-out` on a real database file (issue 15 item 4): the link is printed once and
// stored only as a hash; the audit log names the person, never the secret.
#include <string>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

class SignInCli : public DatabaseCli {
 protected:
  void SetUp() override {
    DatabaseCli::SetUp();
    ok("network init --name North");
    ok("partner add Mill");
    ok("person add --partner Mill --name Ana --email ana@mill.example");
  }
};

TEST_F(SignInCli, AnInvitePrintsASetPasswordLinkOnceAndAuditsIt) {
  const std::string printed = ok("person invite --person 1");
  const std::size_t at = printed.find("/set-password#cvp_");
  ASSERT_NE(at, std::string::npos) << printed;
  const std::string secret = printed.substr(at + 14, 68);
  EXPECT_NE(printed.find("works once until 20"), std::string::npos) << printed;
  const std::string as_json = ok("person invite --person 1 --format json --password-link-seconds 60");
  EXPECT_NE(as_json.find("\"link\": \"/set-password#cvp_"), std::string::npos) << as_json;
  EXPECT_EQ(as_json.find(secret), std::string::npos) << "every invite is a new link";
  const std::string audit = ok("audit list --format csv");
  EXPECT_NE(audit.find("create_password_link"), std::string::npos) << audit;
  EXPECT_EQ(audit.find("cvp_"), std::string::npos) << "the audit log never holds the link";
  EXPECT_EQ((read_file(db_) + read_file(db_ + "-wal")).find(secret), std::string::npos)
      << "only the link's hash is stored";
  const std::string ended = ok("person sign-out --person 1");
  EXPECT_NE(ended.find("person 1: 0 browser session(s) ended"), std::string::npos) << ended;
  EXPECT_NE(ok("audit list --format csv").find("revoke_sessions"), std::string::npos);
  ok("audit verify");
}

TEST_F(SignInCli, BadInputGetsAClearError) {
  const struct {
    const char* args;
    const char* says;
  } cases[] = {
      {"person invite --person 42", "no person with id 42"},
      {"person invite --person x", "--person"},
      {"person invite", "--person"},
      {"person invite --person 1 --password-link-seconds 5", "--password-link-seconds"},
      {"person sign-out --person 42", "no person with id 42"},
  };
  for (const auto& [args, says] : cases) {
    const CommandResult result = run(args);
    EXPECT_NE(result.exit_code, 0) << args << "\n" << result.err;
    EXPECT_NE(result.err.find(says), std::string::npos) << args << "\n" << result.err;
  }
}

}  // namespace
}  // namespace covalue::testing
