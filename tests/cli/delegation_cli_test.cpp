// `covalue ballot delegate|revoke`, `ballot cast --for` and `cycle close --confirm-low-turnout` on a real database
// file (issue 14 item 5, issue 13 item 6): a proxy casts the represented partner's ballot, the engagement report
// counts it as participation and says it was delegated; a close below the charter's turnout needs confirming.
#include <nlohmann/json.hpp>
#include <string>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;

class DelegationCli : public DatabaseCli {
 protected:
  void SetUp() override {
    DatabaseCli::SetUp();
    ok("network init --name North --capacity 40");
    for (const char* partner : {"Mill", "Dock", "Shop", "Van"}) {
      ok(std::string("partner add ") + partner);
    }
    ok("cycle open");
    ok("initiative propose --title Forecast --proposer Mill --cost 10 --impact Mill=5 --impact Dock=2");
    ok("cycle vote");
  }
};

TEST_F(DelegationCli, AProxyCastsTheRepresentedBallotAndTheReportCountsItAsDelegated) {
  EXPECT_NE(ok("ballot delegate --partner Mill --to Dock").find("Mill delegated its ballot in cycle 1 to Dock"),
            std::string::npos);
  EXPECT_NE(ok("ballot cast --partner Dock --for Mill --approve 1").find("cast by its proxy Dock"), std::string::npos);
  ok("ballot cast --partner Dock --approve 1");
  // 2 of 4 voted: 50% is not below the charter's 50%.
  ok("cycle close");
  const json report = json::parse(ok("report engagement --format json"));
  EXPECT_EQ(report.at("summary").at("ballots_cast"), 2);
  EXPECT_EQ(report.at("summary").at("ballots_delegated"), 1);
  const json& rows = report.at("partners");
  EXPECT_EQ(rows.at(0).at("name"), "Mill");
  EXPECT_EQ(rows.at(0).at("ballots_cast"), 1);
  EXPECT_EQ(rows.at(0).at("ballots_delegated"), 1);
  EXPECT_EQ(rows.at(0).at("ballots_missed"), 0);
  EXPECT_EQ(rows.at(1).at("ballots_delegated"), 0);
  const std::string audit = ok("audit list --format csv");
  EXPECT_NE(audit.find("delegate"), std::string::npos);
}

TEST_F(DelegationCli, BadDelegationsGetAClearErrorAndStoreNothing) {
  const std::string before = ok("audit list --format csv");
  const struct {
    std::string args;
    const char* says;
  } cases[] = {
      {"ballot delegate --partner Mill --to Mill", "proxy"},
      {"ballot delegate --partner Mill --to Nobody", "--to"},
      {"ballot delegate --partner Mill --to Dock --cycle 7", "cycle"},
      {"ballot cast --partner Dock --for Shop --approve 1", "has not delegated its ballot"},
      {"ballot revoke --partner Mill", "delegation"},
  };
  for (const auto& bad : cases) {
    const CommandResult result = run(bad.args);
    EXPECT_NE(result.exit_code, 0) << bad.args;
    EXPECT_NE(result.err.find(bad.says), std::string::npos) << bad.args << "\n" << result.err;
  }
  EXPECT_EQ(ok("audit list --format csv"), before);
  ok("ballot delegate --partner Mill --to Dock");
  const CommandResult second = run("ballot delegate --partner Mill --to Shop");
  EXPECT_NE(second.exit_code, 0);
  EXPECT_NE(second.err.find("delegation"), std::string::npos) << second.err;
  const CommandResult chain = run("ballot delegate --partner Dock --to Van");
  EXPECT_NE(chain.exit_code, 0);
  EXPECT_NE(chain.err.find("no chains"), std::string::npos) << chain.err;
  EXPECT_NE(ok("ballot revoke --partner Mill").find("took back its ballot"), std::string::npos);
}

TEST_F(DelegationCli, ACloseBelowTheChartersTurnoutNeedsConfirming) {
  ok("ballot cast --partner Mill --approve 1");
  const CommandResult low = run("cycle close");
  EXPECT_NE(low.exit_code, 0);
  EXPECT_NE(low.err.find("1 of 4 partners have voted (25%), below the charter's 50%"), std::string::npos) << low.err;
  EXPECT_NE(low.err.find("--confirm-low-turnout"), std::string::npos) << low.err;
  EXPECT_EQ(json::parse(ok("cycle show 1 --format json")).at("summary").at("state"), "voting");
  ok("cycle close --confirm-low-turnout");
  EXPECT_EQ(json::parse(ok("cycle show 1 --format json")).at("summary").at("state"), "closed");
}

TEST_F(DelegationCli, TheTurnoutWarningIsACharterFlag) {
  const CommandResult bad = run("network update --close-turnout-warning 120");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("close_turnout_warning"), std::string::npos) << bad.err;
  ok("network update --close-turnout-warning 0");
  EXPECT_EQ(json::parse(ok("network show --format json")).at("summary").at("close_turnout_warning"), 0);
  ok("cycle close");  // nobody voted, and 0 never asks
}

}  // namespace
}  // namespace covalue::testing
