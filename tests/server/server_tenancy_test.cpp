// Many networks behind one `covalue serve`: a request runs on the network of its token and nothing else.
// Two networks in one database, Alpha (small) and Beta (more of everything, so that some ids exist only in
// Beta); every route of the route table is called with Alpha's tokens naming Beta-only ids and ids both
// networks have, and Beta's data never shows in an answer nor changes. Administrators' tokens reach only
// the admin routes, which create and list networks.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "server/route_table.hpp"
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using server::Access;
using server::Route;

std::string verb_of(server::Method method) {
  std::string text(core::name_of(method));
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

//! `pattern` with its parameters replaced by `values` ("{partner}" -> "4").
std::string filled(std::string_view pattern, const std::map<std::string, std::string>& values) {
  std::string target(pattern);
  for (const auto& [name, value] : values) {
    const std::string slot = "{" + name + "}";
    for (std::size_t at = target.find(slot); at != std::string::npos; at = target.find(slot)) {
      target.replace(at, slot.size(), value);
    }
  }
  EXPECT_EQ(target.find('{'), std::string::npos) << "no test value for a parameter of " << pattern;
  return target;
}

//! One network's tokens, made over HTTP by its coordinator.
struct NetworkTokens {
  std::string coordinator;
  std::string representative;  //!< of partner 1
  std::string observer;
};

class ServedNetworks : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.file("web"));
    std::ofstream(dir_.file("web/index.html")) << "<!doctype html><title>covalue</title>";
    for (const char* name : {"Alpha", "Beta"}) {
      ASSERT_EQ(run_cli("network init --db " + db() + " --name " + name).first, 0);
    }
    alpha_.coordinator = cli_token("--network Alpha --role coordinator");
    beta_.coordinator = cli_token("--network Beta --role coordinator");
    admin_ = cli_token("--role admin --label root");
    server_ = std::make_unique<ServerProcess>(db(), dir_.file("web"));  // no --network: it serves both
    fill(alpha_, "Alpha", 1);
    fill(beta_, "Beta", 4);
    ASSERT_EQ(post("/api/cycles", "", beta_.coordinator).status, 201);  // Beta: cycle 1 closed, cycle 2 open
    ASSERT_EQ(post("/api/cycles/1/voting", "", beta_.coordinator).status, 200);
    ASSERT_EQ(post("/api/cycles/1/close", R"({"confirm_low_turnout":true})", beta_.coordinator).status, 200);
    ASSERT_EQ(post("/api/cycles", "", beta_.coordinator).status, 201);
    ASSERT_EQ(post("/api/cycles", "", alpha_.coordinator).status, 201);  // Alpha: cycle 1 open
  }

  std::string cli_token(const std::string& args) {
    auto [code, secret] = run_cli("token issue --db " + db() + " " + args);
    EXPECT_EQ(code, 0) << args;
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) {
      secret.pop_back();
    }
    return secret;
  }

  //! `partners` partners named after the network, a representative of partner 1, an observer, a spare
  //! token, and one initiative per partner; Beta's ids beyond Alpha's exist only in Beta.
  void fill(NetworkTokens& tokens, const std::string& name, int partners) {
    for (int i = 1; i <= partners; ++i) {
      const std::string partner = R"({"name":")" + name + " partner " + std::to_string(i) + R"(","tier":"retailer"})";
      ASSERT_EQ(post("/api/partners", partner, tokens.coordinator).status, 201);
      // Beta's person 1 has the address of the route table's example: an address is unique per network only.
      const std::string email = name == "Beta" && i == 1 ? "ana@example.org" : "p" + std::to_string(i) + "@net.example";
      const std::string person = R"({"partner":)" + std::to_string(i) + R"(,"name":")" + name + " person " +
                                 std::to_string(i) + R"(","email":")" + email + R"("})";
      ASSERT_EQ(post("/api/people", person, tokens.coordinator).status, 201);
    }
    tokens.representative = issue(tokens, R"({"role":"representative","partner":1,"label":")" + name + R"( rep"})");
    tokens.observer = issue(tokens, R"({"role":"observer","label":")" + name + R"( observer"})");
    issue(tokens, R"({"role":"observer","label":")" + name + R"( spare"})");  // token 4: revoked by the sweep
    for (int i = 1; i <= partners; ++i) {
      issue(tokens, R"({"role":"representative","partner":)" + std::to_string(i) + R"(,"label":"more"})");
      const std::string initiative = R"({"title":")" + name + " initiative " + std::to_string(i) +
                                     R"(","proposer":1,"cost":"10","impacts":[{"partner":1,"estimate":"4"}]})";
      ASSERT_EQ(post("/api/initiatives", initiative, tokens.coordinator).status, 201);
    }
  }

  std::string issue(const NetworkTokens& tokens, const std::string& body) {
    const HttpAnswer answer = post("/api/tokens", body, tokens.coordinator);
    EXPECT_EQ(answer.status, 201) << answer.body;
    return answer.json().value("secret", "");
  }

  //! Every network read of the route table as Beta's coordinator sees it: the state a sweep must not change.
  std::map<std::string, std::string> beta_reads() const {
    std::map<std::string, std::string> out;
    for (const Route& route : server::routes()) {
      if (route.method == server::Method::kGet && route.access != Access::kAdmin) {
        const std::string target = filled(route.pattern, kShared) + "?limit=10000";
        out[target] = server_->request("GET", target, beta_.coordinator).body;
      }
    }
    return out;
  }

  [[nodiscard]] std::string db() const { return dir_.file("networks.db"); }
  [[nodiscard]] HttpAnswer get(const std::string& target, const std::string& token) const {
    return server_->request("GET", target, token);
  }
  [[nodiscard]] HttpAnswer post(const std::string& target, const std::string& body, const std::string& token) const {
    return server_->request("POST", target, token, body);
  }

  //! Ids both networks have, and ids only Beta has (its partner 4, initiative 4, cycle 2, token 8, person 4; no
  //! network has inbox entry, delivery, webhook, simulation or coordinator election 40).
  inline static const std::map<std::string, std::string> kShared = {
      {"partner", "1"},          {"initiative", "1"}, {"cycle", "1"},   {"token", "4"},      {"kind", "network"},
      {"network", "1"},          {"person", "1"},     {"entry", "1"},   {"delivery", "1"},   {"webhook", "1"},
      {"subject", "initiative"}, {"id", "1"},         {"comment", "1"}, {"simulation", "1"}, {"proposal", "1"},
      {"milestone", "1"},        {"election", "1"}};
  inline static const std::map<std::string, std::string> kBetaOnly = {
      {"partner", "4"},          {"initiative", "4"}, {"cycle", "2"},    {"token", "8"},       {"kind", "partner"},
      {"network", "2"},          {"person", "4"},     {"entry", "40"},   {"delivery", "40"},   {"webhook", "40"},
      {"subject", "initiative"}, {"id", "4"},         {"comment", "40"}, {"simulation", "40"}, {"proposal", "40"},
      {"milestone", "40"},       {"election", "40"}};

  ServerTempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  NetworkTokens alpha_;
  NetworkTokens beta_;
  std::string admin_;
};

TEST_F(ServedNetworks, AlphasTokensNeverReadNorChangeBeta) {
  const std::map<std::string, std::string> before = beta_reads();
  ASSERT_NE(before.at("/api/partners?limit=10000").find("Beta partner 4"), std::string::npos);
  for (const auto* ids : {&kBetaOnly, &kShared}) {
    for (const Route& route : server::routes()) {
      const std::string target = filled(route.pattern, *ids);
      for (const std::string& token : {alpha_.observer, alpha_.representative, alpha_.coordinator}) {
        const HttpAnswer answer = server_->request(verb_of(route.method), target, token, std::string(route.example));
        const std::string where = verb_of(route.method) + " " + target + ": " + std::to_string(answer.status) + " " +
                                  answer.body.substr(0, 300);
        EXPECT_NE(answer.status, 500) << where;
        if (route.access != Access::kCredentials) {  // a credential route ignores tokens: its example is refused
          EXPECT_NE(answer.status, 401) << where;    // Alpha's tokens work: the request ran on Alpha
        }
        EXPECT_EQ(answer.body.find("Beta"), std::string::npos) << where;
        if (route.access == Access::kAdmin) {
          EXPECT_EQ(answer.status, 403) << where;
        }
        const bool names_ids =
            route.pattern.find('{') != std::string_view::npos && route.pattern != "/api/reports/{kind}";
        if (ids == &kBetaOnly && names_ids) {
          EXPECT_GE(answer.status, 400) << where << " (the id names nothing in Alpha)";
        }
      }
    }
  }
  EXPECT_NE(get("/api/partners", alpha_.observer).body.find("Alpha partner 1"), std::string::npos);
  EXPECT_EQ(beta_reads(), before);
  EXPECT_EQ(get("/api/session", beta_.observer).status, 200);  // Beta's tokens 4 and 8 were not revoked
  EXPECT_EQ(get("/api/tokens", beta_.coordinator).json().dump().find("\"revoked\":true"), std::string::npos);
}

TEST_F(ServedNetworks, AnAdministratorReachesOnlyTheAdminRoutes) {
  for (const Route& route : server::routes()) {
    const HttpAnswer answer =
        server_->request(verb_of(route.method), filled(route.pattern, kShared), admin_, std::string(route.example));
    const std::string where = verb_of(route.method) + " " + std::string(route.pattern) + ": " +
                              std::to_string(answer.status) + " " + answer.body.substr(0, 300);
    if (route.access == Access::kPublic || route.access == Access::kSignedIn || route.access == Access::kAdmin) {
      EXPECT_LT(answer.status, 300) << where;
    } else if (route.access == Access::kCredentials) {
      EXPECT_TRUE(answer.status == 401 || answer.status == 400) << where;  // its made-up credential, not the token
    } else {
      EXPECT_EQ(answer.status, 403) << where;
      EXPECT_EQ(answer.body.find("Alpha"), std::string::npos) << where;
    }
  }
  EXPECT_EQ(get("/api/session", admin_).json().value("role", ""), "admin");
}

TEST_F(ServedNetworks, AnAdministratorCreatesANetworkAndItsFirstCoordinator) {
  const HttpAnswer created = post("/api/networks", R"({"name":"Gamma","capacity":"50","rule":"greedy"})", admin_);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().value("id", 0), 3);
  const std::string secret = created.json()["coordinator"].value("secret", "");
  ASSERT_EQ(secret.rfind("cvt_", 0), 0u) << created.body;
  EXPECT_EQ(get("/api/network", secret).json().value("name", ""), "Gamma");
  EXPECT_EQ(get("/api/partners", secret).json(), nlohmann::json::array());  // nothing of Alpha's or Beta's
  EXPECT_EQ(post("/api/partners", R"({"name":"Gamma partner","tier":"retailer"})", secret).status, 201);
  EXPECT_EQ(post("/api/networks", R"({"name":"Delta"})", secret).status, 403);  // a coordinator, not an admin
  const nlohmann::json networks = get("/api/networks", admin_).json();
  ASSERT_EQ(networks.size(), 3u) << networks;
  EXPECT_EQ(networks[2], (nlohmann::json{{"id", 3}, {"name", "Gamma"}}));
  const nlohmann::json audit = get("/api/audit?limit=100", secret).json();  // the new network's own chain
  ASSERT_GE(audit.size(), 2u) << audit;
  EXPECT_EQ(audit[0].value("action", ""), "init_network");
  EXPECT_EQ(audit[1].value("action", ""), "issue_token");
  EXPECT_EQ(get("/api/audit/verify", secret).json().value("intact", false), true);
  const auto [code, deployment] = run_cli("audit list --admins --format csv --db " + db());
  EXPECT_EQ(code, 0);
  EXPECT_NE(deployment.find("create_network"), std::string::npos) << deployment;
  EXPECT_NE(deployment.find("Gamma"), std::string::npos) << deployment;
  EXPECT_EQ(run_cli("audit verify --admins --db " + db()).first, 0);
}

TEST_F(ServedNetworks, AnAdministratorExportsANetworkAsTheCliDoes) {
  const HttpAnswer answer = get("/api/networks/2/export", admin_);
  EXPECT_EQ(answer.status, 200);
  const auto [code, archive] = run_cli("network export --output - --network Beta --db " + db());
  ASSERT_EQ(code, 0);
  EXPECT_EQ(answer.body, archive);  // byte for byte: one codec
  EXPECT_NE(answer.body.find("\"Beta\""), std::string::npos);
  EXPECT_EQ(get("/api/networks/9/export", admin_).status, 404);
  EXPECT_EQ(get("/api/networks/0/export", admin_).status, 400);  // ids are positive: the deployment is no network
  EXPECT_EQ(get("/api/networks/2/export", beta_.coordinator).status, 403);
}

TEST_F(ServedNetworks, ABadNetworkIsRefusedNamingTheFieldAndNothingIsCreated) {
  const std::vector<std::pair<std::string, std::string>> bodies = {
      {R"([{"name":"Gamma"}])", "body"},
      {R"("Gamma")", "body"},
      {R"({"capacity":"10"})", "body.name"},
      {R"({"name":""})", "body.name"},
      {R"({"name":42})", "body.name"},
      {R"({"name":"Alpha"})", "body.name"},
      {R"({"name":")" + std::string(201, 'x') + R"("})", "body.name"},
      {R"({"name":"Gam\u0007ma"})", "body.name"},
      {R"({"name":"Gamma\nDelta"})", "body.name"},
      {R"({"name":"Gamma","capacity":"-5"})", "body.capacity"},
      {R"({"name":"Gamma","rule":"no_such_rule"})", "body.rule"}};
  for (const auto& [body, field] : bodies) {
    const HttpAnswer answer = post("/api/networks", body, admin_);
    EXPECT_GE(answer.status, 400) << body << ": " << answer.body;
    EXPECT_LT(answer.status, 500) << body << ": " << answer.body;
    EXPECT_EQ(answer.json()["error"].value("field", ""), field) << body << ": " << answer.body;
  }
  EXPECT_EQ(get("/api/networks", admin_).json().size(), 2u);
  EXPECT_EQ(run_cli("network list --format csv --db " + db()).second, "id,name\n1,Alpha\n2,Beta\n");
  const auto [code, deployment] = run_cli("audit list --admins --format csv --db " + db());
  EXPECT_EQ(deployment.find("create_network"), std::string::npos) << deployment;
}

TEST_F(ServedNetworks, AnAdminTokenIsTheDeploymentsNotANetworks) {
  EXPECT_EQ(run_cli("token list --db " + db() + " --network Alpha --format csv").second.find("admin"),
            std::string::npos);
  const std::string admins = run_cli("token list --admins --format csv --db " + db()).second;
  EXPECT_NE(admins.find(",admin,,root,"), std::string::npos) << admins;
  EXPECT_NE(run_cli("token issue --db " + db() + " --role admin --network Alpha").first, 0);
  EXPECT_NE(run_cli("token issue --db " + db() + " --role admin --partner 1").first, 0);
  const HttpAnswer over_http =
      post("/api/tokens", R"({"role":"admin","label":"sneaky"})", alpha_.coordinator);  // only the CLI issues them
  EXPECT_EQ(over_http.status, 403) << over_http.body;
  EXPECT_EQ(run_cli("token revoke 1 --admins --db " + db()).first, 0);
  EXPECT_EQ(get("/api/networks", admin_).status, 401);  // revoked through another process: within a second
}

//! A person `email` added to a network by its coordinator, with `password` set through a set-password link.
void add_signed_up(const ServerProcess& server, const std::string& coordinator, const std::string& email,
                   const std::string& password) {
  const HttpAnswer added = server.request("POST", "/api/people", coordinator,
                                          R"({"name":"Sam","role":"coordinator","email":")" + email + R"("})");
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string person = std::to_string(added.json().value("id", 0));
  const std::string path =
      server.request("POST", "/api/people/" + person + "/password-link", coordinator).json().value("link", "");
  const HttpAnswer set =
      server.request("POST", "/api/password", "",
                     nlohmann::json{{"link", path.substr(path.find('#') + 1)}, {"password", password}}.dump());
  ASSERT_EQ(set.status, 200) << set.body;
}

TEST_F(ServedNetworks, ACookieSessionReachesOnlyItsOwnNetwork) {
  add_signed_up(*server_, alpha_.coordinator, "sam@both.example", "alpha passphrase");
  add_signed_up(*server_, beta_.coordinator, "sam@both.example", "beta passphrase!");
  const auto sign_in = [&](const std::string& body) { return server_->request("POST", "/api/session", "", body); };
  const HttpAnswer alpha = sign_in(R"({"email":"sam@both.example","password":"alpha passphrase"})");
  ASSERT_EQ(alpha.status, 201) << alpha.body;
  EXPECT_EQ(alpha.json().value("network", 0), 1);
  const std::string set = alpha.header("set-cookie");
  const std::string cookie = "Cookie: " + set.substr(0, set.find(';')) + "\r\n";
  const auto as_alpha = [&](const std::string& method, const std::string& target) {
    return raw_http(server_->port(), method + " " + target +
                                         " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nOrigin: "
                                         "http://127.0.0.1\r\nContent-Length: 0\r\n" +
                                         cookie + "\r\n");
  };
  const HttpAnswer partners = as_alpha("GET", "/api/partners");
  ASSERT_EQ(partners.status, 200) << partners.body;
  EXPECT_NE(partners.body.find("Alpha partner 1"), std::string::npos);
  EXPECT_EQ(partners.body.find("Beta"), std::string::npos);
  EXPECT_EQ(as_alpha("GET", "/api/partners/4").status, 404);            // Beta's partner 4 is nothing in Alpha
  EXPECT_EQ(as_alpha("DELETE", "/api/people/4/sessions").status, 404);  // nor its person 4
  EXPECT_EQ(as_alpha("GET", "/api/networks").status, 403);
  // The same address and password in two networks: the network must be named.
  add_signed_up(*server_, alpha_.coordinator, "twin@both.example", "the same passphrase");
  add_signed_up(*server_, beta_.coordinator, "twin@both.example", "the same passphrase");
  const HttpAnswer both = sign_in(R"({"email":"twin@both.example","password":"the same passphrase"})");
  expect_error(both, 400, "invalid_input");
  EXPECT_TRUE(both.header("set-cookie").empty());
  const HttpAnswer beta = sign_in(R"({"email":"twin@both.example","password":"the same passphrase","network":2})");
  ASSERT_EQ(beta.status, 201) << beta.body;
  EXPECT_EQ(beta.json().value("network", 0), 2);
}

}  // namespace
}  // namespace covalue::testing
