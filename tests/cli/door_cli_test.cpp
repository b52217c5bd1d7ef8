// What the CLI takes meets the same bounds as the API, nothing is stored when it is refused, and the
// operator's commands for leading and taking a proposal off a voting ballot work on a real file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

class DoorCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ok("network init --name 'Door' --capacity 40 --rule network-fair");
    ok("partner add Retail --tier retailer");
    ok("partner add Courier --tier last_mile");
  }

  CommandResult run(const std::string& args) { return run_covalue(args + " --db " + db_); }
  std::string ok(const std::string& args) {
    CommandResult result = run(args);
    EXPECT_EQ(result.exit_code, 0) << args << "\n" << result.err;
    return result.out;
  }
  //! Expects exit 1 (bad input) with stderr naming `field`, and the audit log unchanged.
  void refused(const std::string& args, const std::string& field) {
    const std::string before = ok("audit list --format csv");
    CommandResult result = run(args);
    EXPECT_EQ(result.exit_code, 1) << args << "\n" << result.out << result.err;
    EXPECT_NE(result.err.find(field), std::string::npos) << args << "\n" << result.err;
    EXPECT_LT(result.err.size(), 600U) << result.err;  // short excerpts only
    EXPECT_EQ(ok("audit list --format csv"), before) << args;
  }

  TempDir dir_;
  std::string db_ = dir_.file("door.db");
};

TEST_F(DoorCli, NumbersAndTextsAreRefusedNamingTheField) {
  const std::string propose = "initiative propose --proposer Retail ";
  refused(propose + "--title Big --cost 5 --impact Courier=1e26", "--impact");
  refused(propose + "--title Big --cost 5 --impact Courier=100000000000000000000000000", "impacts[0].estimate");
  refused(propose + "--title Big --cost 5 --impact 'Courier= 3'", "--impact");
  refused(propose + "--title Big --cost +5", "--cost");
  refused(propose + "--title Big --cost .5", "--cost");
  refused(propose + "--title Big --cost 0.0000001", "cost");
  refused(propose + "--title \"$(printf 'Red \\033[31m')\" --cost 5", "title");
  refused(propose + "--title " + std::string(201, 'x') + " --cost 5", "title");
  refused("partner add \"$(printf 'Tab\\tName')\"", "name");
  ok(propose +
     "--title 'Dziko żyjące 東京 🚚' --description \"$(printf 'two\\nlines')\" --cost 7/2 --impact Courier=-1.25");
}

TEST_F(DoorCli, LeadingIsOfferedAndABadProposalCanLeaveAVotingBallot) {
  ok("cycle open");
  ok("initiative propose --title Lockers --proposer Retail --cost 6 --impact Retail=4");
  ok("initiative propose --title Pooling --proposer Courier --cost 5 --impact Courier=3");
  EXPECT_NE(ok("initiative volunteer 2 --partner Courier").find("Courier volunteers"), std::string::npos);
  ok("initiative stand-down 2 --partner Courier");
  ok("initiative volunteer 2 --partner Courier");
  ok("cycle vote");
  ok("ballot cast --partner Retail --approve 1 --approve 2");
  refused("initiative withdraw 1", "reason");
  ok("initiative withdraw 1 --reason 'estimates under review'");
  const nlohmann::json outcome =
      nlohmann::json::parse(ok("cycle close --confirm-low-turnout --format json"), nullptr, false);
  ASSERT_TRUE(outcome.contains("decisions")) << outcome.dump();
  EXPECT_EQ(outcome["decisions"].size(), 1U) << outcome.dump();
  const std::string log = ok("audit list --format csv");
  EXPECT_NE(log.find("estimates under review"), std::string::npos);
}

}  // namespace
}  // namespace covalue::testing
