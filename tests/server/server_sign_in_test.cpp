// Signing in as a person over real HTTP (issue 15 item 4): a set-password link, e-mail and password, the
// session cookie's flags, its Origin check, sign-out, revocation, expiry, and a session kept to its network.
#include <chrono>
#include <thread>

#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kOrigin = "http://127.0.0.1";  // the harness sends Host: 127.0.0.1

class ServerSignIn : public ServedNetwork {
 protected:
  void SetUp() override {
    ServedNetwork::SetUp();
    const HttpAnswer added =
        post("/api/people", R"({"partner":1,"name":"Ana","email":"ana@acme.example","role":"representative"})",
             coordinator_);
    ASSERT_EQ(added.status, 201) << added.body;
    person_ = added.json().value("id", 0);
    ASSERT_EQ(set_password(link_for(person_), kPassword).status, 200);
  }

  //! A request with extra header lines ("Cookie: ...\r\n"), no token.
  [[nodiscard]] HttpAnswer send(const std::string& method, const std::string& target, const std::string& headers,
                                const std::string& body = "") const {
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers;
    if (method != "GET") {
      text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    }
    return raw_http(server_->port(), text + "\r\n" + body);
  }

  //! A new set-password link's secret for `person`, made by the coordinator.
  std::string link_for(int person) {
    const HttpAnswer made = post("/api/people/" + std::to_string(person) + "/password-link", "", coordinator_);
    EXPECT_EQ(made.status, 201) << made.body;
    const std::string path = made.json().value("link", "");
    EXPECT_EQ(path.rfind("/set-password#cvp_", 0), 0U) << path;
    return path.substr(path.find('#') + 1);
  }

  HttpAnswer set_password(const std::string& link, const std::string& password) const {
    return send("POST", "/api/password", "", nlohmann::json{{"link", link}, {"password", password}}.dump());
  }

  HttpAnswer sign_in(const std::string& email, const std::string& password) const {
    return send("POST", "/api/session", "Origin: " + std::string(kOrigin) + "\r\n",
                nlohmann::json{{"email", email}, {"password", password}}.dump());
  }

  //! The Cookie header line of a sign-in's Set-Cookie.
  static std::string cookie_of(const HttpAnswer& answer) {
    const std::string set = answer.header("set-cookie");
    return "Cookie: " + set.substr(0, set.find(';')) + "\r\n";
  }

  int person_{0};
};

TEST_F(ServerSignIn, AnEmailAndPasswordOpenASessionInAStrictHttpOnlyCookie) {
  const HttpAnswer signed_in = sign_in("Ana@Acme.example", kPassword);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const std::string set = signed_in.header("set-cookie");
  EXPECT_EQ(set.rfind("covalue_session=cvs_", 0), 0U) << set;
  for (const char* flag : {"; HttpOnly", "; SameSite=Strict", "; Path=/", "; Max-Age=2592000"}) {
    EXPECT_NE(set.find(flag), std::string::npos) << flag << " in " << set;
  }
  EXPECT_EQ(set.find("Secure"), std::string::npos) << "plain http: no Secure flag";
  EXPECT_EQ(signed_in.json().value("role", ""), "representative");
  EXPECT_EQ(signed_in.json().value("partner", 0), 1);
  const std::string cookie = cookie_of(signed_in);
  const HttpAnswer session = send("GET", "/api/session", cookie);  // a second tab: the same cookie
  ASSERT_EQ(session.status, 200) << session.body;
  EXPECT_EQ(session.json().value("signed_in_with", ""), "session");
  EXPECT_EQ(session.json().value("person", 0), person_);
  EXPECT_EQ(send("GET", "/api/partners", cookie).status, 200);
  // Acting for its own partner, from the server's own page.
  const HttpAnswer scored = send("POST", "/api/objectives", cookie + "Origin: " + kOrigin + "\r\n",
                                 R"({"partner":1,"kpi":"on_time_delivery","unit":"%","baseline":"90","target":"97"})");
  EXPECT_EQ(scored.status, 201) << scored.body;
  const nlohmann::json audit = get("/api/audit?limit=1000", coordinator_).json();
  EXPECT_EQ(audit.back().value("actor", ""), "person " + std::to_string(person_) + " (representative, signed in)");
  EXPECT_EQ(audit.dump().find(kPassword), std::string::npos);
}

TEST_F(ServerSignIn, AWrongPasswordAndAnUnknownAddressGetTheSameAnswerAndAreThrottled) {
  const HttpAnswer wrong = sign_in("ana@acme.example", "not the password");
  const HttpAnswer unknown = sign_in("nobody@acme.example", kPassword);
  expect_error(wrong, 401, "unauthenticated");
  expect_error(unknown, 401, "unauthenticated");
  EXPECT_EQ(wrong.json()["error"], unknown.json()["error"]);
  EXPECT_TRUE(wrong.header("set-cookie").empty());
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(sign_in("ana@acme.example", "guess " + std::to_string(i) + "xxxxxxx").status, 401);
  }
  const HttpAnswer throttled = sign_in("ana@acme.example", kPassword);  // the right one too, now
  expect_error(throttled, 429, "too_many_requests");
  EXPECT_FALSE(throttled.header("retry-after").empty());
}

TEST_F(ServerSignIn, ASignedInChangeFromAnotherOriginIsRefused) {
  const std::string cookie = cookie_of(sign_in("ana@acme.example", kPassword));
  const std::string body = R"({"partner":1,"kpi":"on_time_delivery","unit":"%","baseline":"90","target":"97"})";
  const HttpAnswer cross = send("POST", "/api/objectives", cookie + "Origin: http://evil.example\r\n", body);
  expect_error(cross, 403, "forbidden");
  EXPECT_EQ(cross.json()["error"].value("field", ""), "Origin");
  EXPECT_NE(cross.json()["error"].value("message", "").find("http://127.0.0.1"), std::string::npos) << cross.body;
  expect_error(send("POST", "/api/objectives", cookie, body), 403, "forbidden");  // no Origin at all
  expect_error(send("DELETE", "/api/session", cookie + "Origin: http://127.0.0.1:1\r\n"), 403, "forbidden");
  EXPECT_EQ(send("GET", "/api/objectives", cookie).json().size(), 0U);  // nothing was added
  // A token needs no Origin: scripts go on as before.
  EXPECT_EQ(post("/api/objectives", body, rep_a_).status, 201);
  // Signing in from another site is refused too (a forged sign-in).
  expect_error(send("POST", "/api/session", "Origin: http://evil.example\r\n",
                    nlohmann::json{{"email", "ana@acme.example"}, {"password", kPassword}}.dump()),
               403, "forbidden");
}

TEST_F(ServerSignIn, SigningOutAndRevocationEndSessions) {
  const std::string first = cookie_of(sign_in("ana@acme.example", kPassword));
  const std::string second = cookie_of(sign_in("ana@acme.example", kPassword));
  const std::string third = cookie_of(sign_in("ana@acme.example", kPassword));
  const HttpAnswer out = send("DELETE", "/api/session", first + "Origin: " + kOrigin + "\r\n");
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos) << out.header("set-cookie");
  const HttpAnswer over = send("GET", "/api/session", first);
  expect_error(over, 401, "unauthenticated");
  EXPECT_NE(over.header("set-cookie").find("Max-Age=0"), std::string::npos);  // the browser forgets it
  EXPECT_EQ(send("GET", "/api/session", second).status, 200);
  // Another partner's representative may not end Ana's sessions; the coordinator may.
  expect_error(server_->request("DELETE", "/api/people/" + std::to_string(person_) + "/sessions", rep_b_), 403,
               "forbidden");
  const HttpAnswer revoked =
      server_->request("DELETE", "/api/people/" + std::to_string(person_) + "/sessions", coordinator_);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.json().value("revoked_sessions", 0), 2);
  expect_error(send("GET", "/api/session", second), 401, "unauthenticated");
  expect_error(send("GET", "/api/session", third), 401, "unauthenticated");
  const nlohmann::json audit = get("/api/audit?limit=1000", coordinator_).json();
  EXPECT_EQ(audit.back().value("action", ""), "revoke_sessions");
  // Removing the person ends its sessions too.
  const std::string fourth = cookie_of(sign_in("ana@acme.example", kPassword));
  ASSERT_EQ(server_->request("DELETE", "/api/people/" + std::to_string(person_), coordinator_).status, 200);
  expect_error(send("GET", "/api/session", fourth), 401, "unauthenticated");
  expect_error(sign_in("ana@acme.example", kPassword), 401, "unauthenticated");
}

TEST_F(ServerSignIn, ASetPasswordLinkWorksOnceAndResetsThePassword) {
  const std::string link = link_for(person_);
  const std::string before = cookie_of(sign_in("ana@acme.example", kPassword));
  expect_error(set_password(link, "too short"), 400, "invalid_input");
  expect_error(set_password(link, std::string(257, 'x')), 400, "invalid_input");
  const HttpAnswer reset = set_password(link, "a new and longer passphrase");
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(reset.json().value("email", ""), "ana@acme.example");
  expect_error(set_password(link, "yet another passphrase"), 401, "unauthenticated");  // used
  expect_error(send("GET", "/api/session", before), 401, "unauthenticated");           // a reset ends sessions
  expect_error(sign_in("ana@acme.example", kPassword), 401, "unauthenticated");
  EXPECT_EQ(sign_in("ana@acme.example", "a new and longer passphrase").status, 201);
  // A newer link replaces an older one; a representative makes links for its own partner's people only.
  const std::string older = link_for(person_);
  const std::string newer = link_for(person_);
  expect_error(set_password(older, "an older link's passphrase"), 401, "unauthenticated");
  EXPECT_EQ(set_password(newer, "the newest passphrase").status, 200);
  EXPECT_EQ(post("/api/people/" + std::to_string(person_) + "/password-link", "", rep_a_).status, 201);
  expect_error(post("/api/people/" + std::to_string(person_) + "/password-link", "", rep_b_), 403, "forbidden");
  const nlohmann::json audit = get("/api/audit?limit=1000", coordinator_).json();
  std::size_t set_entries = 0;
  for (const nlohmann::json& entry : audit) {
    set_entries += entry.value("action", "") == "set_password" ? 1 : 0;
    EXPECT_EQ(entry.value("detail", "").find("cvp_"), std::string::npos) << entry;
    EXPECT_EQ(entry.value("detail", "").find("passphrase"), std::string::npos) << entry;
  }
  EXPECT_EQ(set_entries, 3U);
}

//! The same network served with a session idle time of one second.
class ServerShortSessions : public ServerSignIn {
 protected:
  [[nodiscard]] ServerLaunch launch() const override {
    ServerLaunch launch;
    launch.extra_args = {"--session-idle-seconds", "1", "--cookie-secure"};
    return launch;
  }
};

TEST_F(ServerShortSessions, AnIdleSessionExpiresAndBehindTlsTheCookieIsSecure) {
  const HttpAnswer signed_in = send("POST", "/api/session", "Origin: https://127.0.0.1\r\n",
                                    nlohmann::json{{"email", "ana@acme.example"}, {"password", kPassword}}.dump());
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_NE(signed_in.header("set-cookie").find("; Secure"), std::string::npos) << signed_in.header("set-cookie");
  const std::string cookie = cookie_of(signed_in);
  EXPECT_EQ(send("GET", "/api/session", cookie).status, 200);
  // Behind TLS the server's own origin is https://HOST: http:// is another origin.
  expect_error(send("DELETE", "/api/session", cookie + "Origin: http://127.0.0.1\r\n"), 403, "forbidden");
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // past the idle time and the 1 s actor cache
  expect_error(send("GET", "/api/session", cookie), 401, "unauthenticated");
}

}  // namespace
}  // namespace covalue::testing
