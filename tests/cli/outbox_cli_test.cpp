// `covalue webhook add|list|remove`, `covalue delivery list|retry|run-once` and the charter's reminder lead times
// on a real database file (issue 13 items 3 and 4).
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

class OutboxCli : public DatabaseCli {
 protected:
  void SetUp() override {
    DatabaseCli::SetUp();
    ok("network init --name North");
    ok("partner add Mill");
    ok("person add --partner Mill --name Ana --email ana@mill.example");
  }
  //! A file holding `text`; returns its path.
  std::string file_with(const std::string& name, const std::string& text) {
    std::string path = dir_.file(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

TEST_F(OutboxCli, WebhooksAreAddedListedWithoutTheirSecretAndRemoved) {
  const std::string secret = file_with("secret", "very-secret-key\n");
  EXPECT_NE(ok("webhook add --url https://chat.example/hooks/1 --secret-file " + secret +
               " --format slack --events cycle_closed,voting_closes_soon")
                .find("webhook 1 added"),
            std::string::npos);
  ok("webhook add --url http://127.0.0.1:9000/in --secret-file " + secret);
  const std::string listed = ok("webhook list --format csv");
  EXPECT_EQ(listed.substr(0, listed.find('\n')), "id,url,format,events,created_at");
  EXPECT_NE(listed.find("1,https://chat.example/hooks/1,slack,\"cycle_closed,voting_closes_soon\","), std::string::npos)
      << listed;
  EXPECT_NE(listed.find("2,http://127.0.0.1:9000/in,json,all,"), std::string::npos) << listed;
  ok("webhook remove 1");
  EXPECT_EQ(ok("webhook list --format csv").find("chat.example"), std::string::npos);
  const std::string audit = ok("audit list --format csv");
  EXPECT_NE(audit.find("add_webhook"), std::string::npos);
  EXPECT_NE(audit.find("remove_webhook"), std::string::npos);
  EXPECT_EQ(audit.find("very-secret-key"), std::string::npos) << "the audit log never holds a secret";
}

TEST_F(OutboxCli, BadWebhooksGetAClearErrorNamingTheField) {
  const std::string secret = file_with("secret", "k");
  const std::string empty = file_with("empty", "\n");
  const std::string huge = file_with("huge", std::string(5000, 'k'));
  const struct {
    std::string args;
    const char* says;
  } cases[] = {
      {"webhook add --url ftp://x.example/ --secret-file " + secret, "url: must be an http:// or https:// URL"},
      {"webhook add --url https:// --secret-file " + secret, "url: must name a host"},
      {"webhook add --url 'https://a b.example/' --secret-file " + secret, "url: must not hold spaces"},
      {"webhook add --url https://x.example/ --secret-file " + empty, "--secret-file"},
      {"webhook add --url https://x.example/ --secret-file " + huge, "--secret-file"},
      {"webhook add --url https://x.example/ --secret-file " + dir_.file("missing"), "--secret-file"},
      {"webhook add --url https://x.example/ --secret-file " + secret + " --events cycle_closed,nonsense",
       "--events: unknown event kind 'nonsense'"},
      {"webhook add --url https://x.example/ --secret-file " + secret + " --format xml", "--format"},
      {"webhook remove 9", "webhook: no webhook with id 9"},
  };
  for (const auto& [args, says] : cases) {
    const CommandResult result = run(args);
    EXPECT_NE(result.exit_code, 0) << args << "\n" << result.err;
    EXPECT_NE(result.err.find(says), std::string::npos) << args << "\n" << result.err;
  }
  EXPECT_EQ(ok("webhook list --format csv"), "id,url,format,events,created_at\n");
}

TEST_F(OutboxCli, ACycleOpenedFillsTheOutboxAndADeadLetterCanBeRetried) {
  ok("person preferences --person 1 --set cycle_opened=immediately");  // the default waits for the daily digest
  ok("cycle open");
  const std::string pending = ok("delivery list --state pending --format csv");
  EXPECT_NE(pending.find(",email,person 1,pending,0,"), std::string::npos) << pending;
  EXPECT_NE(pending.find("n1.e1.email.p1"), std::string::npos) << pending;
  EXPECT_NE(ok("delivery list --state delivered --format csv").find(",inbox,person 1,delivered,"), std::string::npos);
  // Without a mailer the e-mail waits; nothing is lost.
  const nlohmann::json pass = nlohmann::json::parse(ok("delivery run-once --format json"));
  EXPECT_EQ(pass.at("summary").at("claimed"), 0) << pass;
  EXPECT_NE(ok("delivery list --state pending --format csv").find("n1.e1.email.p1"), std::string::npos);
  // A dead letter (as a failing SMTP server leaves it) is listed and retried.
  write_sql("UPDATE deliveries SET state = 'dead', attempts = 10, last_error = 'SMTP 550' WHERE channel = 'email'");
  const std::string dead = ok("delivery list --state dead --format csv");
  EXPECT_NE(dead.find(",dead,10,"), std::string::npos) << dead;
  EXPECT_NE(dead.find("SMTP 550"), std::string::npos) << dead;
  EXPECT_NE(ok("delivery retry 2").find("will be tried again"), std::string::npos);
  EXPECT_EQ(ok("delivery list --state dead --format csv").find("SMTP 550"), std::string::npos);
  const CommandResult again = run("delivery retry 2");
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("only a dead one can be retried"), std::string::npos) << again.err;
  EXPECT_NE(run("delivery list --state lost").err.find("--state"), std::string::npos);
}

TEST_F(OutboxCli, TheCharterSetsTheReminderLeadTimes) {
  ok("network update --reminder-hours 24,2");
  const nlohmann::json shown = nlohmann::json::parse(ok("network show --format json"));
  EXPECT_EQ(shown.at("summary").at("reminder_hours"), "24,2");
  EXPECT_EQ(nlohmann::json::parse(ok("network export --output -")).at("charter").at("reminder_hours"), "24,2");
  const CommandResult bad = run("network update --reminder-hours 0");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("reminder_hours"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace covalue::testing
