// Many networks in one database, seen from the covalue binary: `network init` adds one, `network list`
// shows them, `--network NAME|ID` chooses one (optional while there is only one), and nothing of one
// network shows through another: ids, partners, tokens and audit chains are per network.
#include <gtest/gtest.h>

#include <string>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

class NetworksCli : public DatabaseCli {
 protected:
  void SetUp() override {
    ok("network init --name North --capacity 10");
    ok("partner add Mill --tier manufacturer --network North");
    ok("partner add Port --tier logistics");  // one network: --network is optional
    ok("network init --name South --capacity 20");
    ok("partner add Farm --tier raw_materials --network South");
  }
};

TEST_F(NetworksCli, ListShowsEveryNetworkWithItsId) {
  const std::string csv = ok("network list --format csv");
  EXPECT_EQ(csv, "id,name\n1,North\n2,South\n");
}

TEST_F(NetworksCli, IdsArePerNetworkAndPartnersDoNotMix) {
  EXPECT_EQ(ok("partner list --network North --format csv").find("Farm"), std::string::npos);
  const std::string south = ok("partner list --network 2 --format csv");
  EXPECT_NE(south.find("1,Farm"), std::string::npos) << south;  // South's first partner is its partner 1
  EXPECT_EQ(south.find("Mill"), std::string::npos) << south;
  EXPECT_NE(ok("network show --network South --format json").find("\"South\""), std::string::npos);
}

TEST_F(NetworksCli, SeveralNetworksNeedOneNamed) {
  const CommandResult result = run("partner list");
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("holds 2 networks"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("--network"), std::string::npos) << result.err;
}

TEST_F(NetworksCli, AnUnknownNetworkIsNamedWithTheOnesThereAre) {
  const CommandResult result = run("partner list --network West");
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("no network named 'West'"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("2 'South'"), std::string::npos) << result.err;
}

TEST_F(NetworksCli, ANetworkNameIsUniqueAndInitRefusesNetwork) {
  const CommandResult twice = run("network init --name North");
  EXPECT_NE(twice.exit_code, 0);
  EXPECT_NE(twice.err.find("a network named 'North' already exists"), std::string::npos) << twice.err;
  const CommandResult chosen = run("network init --name East --network North");
  EXPECT_NE(chosen.exit_code, 0);
  EXPECT_NE(chosen.err.find("--name, not --network"), std::string::npos) << chosen.err;
  EXPECT_EQ(ok("network list --format csv"), "id,name\n1,North\n2,South\n");
}

TEST_F(NetworksCli, EachNetworkHasItsOwnAuditChainAndTokens) {
  ok("token issue --role coordinator --network South");
  EXPECT_EQ(ok("token list --network North --format csv"), "id,role,partner,label,issued_at,revoked\n");
  const std::string tokens = ok("token list --network South --format csv");
  EXPECT_EQ(tokens.rfind("id,role", 0), 0U) << tokens;
  EXPECT_NE(tokens.find("\n1,coordinator"), std::string::npos) << tokens;
  const std::string north = ok("audit list --network North --format csv");
  const std::string south = ok("audit list --network South --format csv");
  EXPECT_NE(north.find("Mill"), std::string::npos) << north;
  EXPECT_EQ(north.find("Farm"), std::string::npos) << north;
  EXPECT_NE(south.find("Farm"), std::string::npos) << south;
  ok("audit verify --network North");
  ok("audit verify --network South");
}

TEST_F(NetworksCli, AdminTokensBelongToTheDeploymentNotToANetwork) {
  const std::string secret = ok("token issue --role admin --label ops");
  EXPECT_EQ(secret.rfind("cvt_", 0), 0U) << secret;
  const std::string admins = ok("token list --admins --format csv");
  EXPECT_NE(admins.find("\n1,admin,,ops,"), std::string::npos) << admins;
  EXPECT_EQ(ok("token list --network North --format csv"), "id,role,partner,label,issued_at,revoked\n");
  const CommandResult in_network = run("token issue --role admin --network North");
  EXPECT_NE(in_network.exit_code, 0);
  EXPECT_NE(in_network.err.find("leave out --network"), std::string::npos) << in_network.err;
  const CommandResult for_partner = run("token issue --role admin --partner Mill");
  EXPECT_NE(for_partner.exit_code, 0);
  EXPECT_NE(for_partner.err.find("--partner"), std::string::npos) << for_partner.err;
  const CommandResult coordinator = run("token issue --role coordinator --admins");
  EXPECT_NE(coordinator.exit_code, 0) << "token issue has no --admins: the role says where a token goes";
  EXPECT_NE(ok("audit list --admins --format csv").find("issue_token"), std::string::npos);
  ok("audit verify --admins");
  ok("token revoke 1 --admins");
  EXPECT_NE(ok("token list --admins --format csv").find(",yes"), std::string::npos);
}

}  // namespace
}  // namespace covalue::testing
