// HTTP hygiene at the door: security headers on every answer, HEAD like GET, malformed framing
// answered (400 or 431) before the close, canonical ids and query numbers, duplicate JSON keys
// refused, and error messages that quote only a short, safe excerpt of what was sent.
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerHygiene = ServedNetwork;

//! Expects the headers every answer carries.
void expect_security_headers(const HttpAnswer& answer, const std::string& what) {
  const std::string csp = answer.header("content-security-policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << what << ": " << csp;
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << what << ": " << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << what << ": " << csp;
  EXPECT_EQ(csp.find("unsafe"), std::string::npos) << what << ": " << csp;
  EXPECT_EQ(answer.header("x-content-type-options"), "nosniff") << what;
  EXPECT_EQ(answer.header("referrer-policy"), "no-referrer") << what;
}

//! One raw request (ending the headers itself) on a fresh connection.
HttpAnswer raw(const ServerProcess& server, const std::string& request) { return raw_http(server.port(), request); }

TEST_F(ServerHygiene, SecurityHeadersOnEveryAnswer) {
  const HttpAnswer api = get("/api/session", coordinator_);
  EXPECT_EQ(api.status, 200);
  expect_security_headers(api, "API");
  EXPECT_EQ(api.header("cache-control"), "no-store");
  const HttpAnswer denied = get("/api/session", "");
  EXPECT_EQ(denied.status, 401);
  expect_security_headers(denied, "401");
  EXPECT_EQ(denied.header("cache-control"), "no-store");
  expect_security_headers(get("/", ""), "index.html");
  expect_security_headers(get("/missing.js", ""), "static 404");
  expect_security_headers(server_->request("DELETE", "/api/partners", coordinator_), "405");
  const std::string big(std::size_t{2} * 1024 * 1024, 'x');
  expect_security_headers(post("/api/partners", big, coordinator_), "413");
  expect_security_headers(raw(*server_, "GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"), "transport 400");
}

TEST_F(ServerHygiene, HeadAnswersLikeGetWithoutABody) {
  for (const auto& [target, token] : std::vector<std::pair<std::string, std::string>>{{"/api/partners", coordinator_},
                                                                                      {"/api/openapi.json", ""},
                                                                                      {"/", ""},
                                                                                      {"/cycles/3", ""},
                                                                                      {"/api/partners", ""},
                                                                                      {"/missing.js", ""},
                                                                                      {"/api/nothing", coordinator_}}) {
    const HttpAnswer got = get(target, token);
    const HttpAnswer head = server_->request("HEAD", target, token);
    EXPECT_EQ(head.status, got.status) << target;
    EXPECT_EQ(head.header("content-type"), got.header("content-type")) << target;
    EXPECT_EQ(head.header("content-length"), std::to_string(got.body.size())) << target;
    EXPECT_EQ(head.header("cache-control"), got.header("cache-control")) << target;
    EXPECT_TRUE(head.body.empty()) << target << ": " << head.body.substr(0, 80);
  }
  // On one connection: the HEAD answer has no body, so the next answer follows right after its headers.
  const std::string two = raw(*server_,
                              "HEAD /api/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n"
                              "GET /api/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                              .body;
  EXPECT_EQ(two.rfind("HTTP/1.1 404", 0), 0U) << two.substr(0, 80);
}

TEST_F(ServerHygiene, HeadIsAllowedWhereGetIs) {
  const HttpAnswer answer = server_->request("DELETE", "/api/partners", coordinator_);
  EXPECT_EQ(answer.header("allow"), "GET, HEAD, POST");
}

TEST_F(ServerHygiene, MalformedFramingIsAnsweredBeforeTheClose) {
  const std::string post = "POST /api/partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + coordinator_ + "\r\n";
  const std::vector<std::tuple<std::string, int, std::string>> cases = {
      {post + "Content-Length: -1\r\n\r\n{}", 400, "Content-Length"},
      {post + "Content-Length: abc\r\n\r\n{}", 400, "Content-Length"},
      {post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} ", 400, "Content-Length"},
      {post + "Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400, "Content-Length"},
      {post + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400, "Transfer-Encoding"},
      {post + "Transfer-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}", 400, "Transfer-Encoding"},
      {post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400, "body"},
      {post + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\n{}\r\n0\r\n\r\n", 400, "body"},
      {post + "Content-Length: 10\r\n\r\n{}", 400, "body"},  // the client ends the stream early
      {"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(std::size_t{70} * 1024, 'a') + "\r\n\r\n", 431, ""},
      {"GET /api/session HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + coordinator_ +
           "\r\nAuthorization: Bearer cvt_other\r\n\r\n",
       400, "Authorization"},
  };
  const std::size_t before = audit_count();
  for (const auto& [request, status, field] : cases) {
    const HttpAnswer answer = raw(*server_, request);
    const std::string what = request.substr(0, 120);
    ASSERT_EQ(answer.status, status) << what;
    EXPECT_EQ(answer.header("connection"), "close") << what;
    ASSERT_TRUE(answer.json().contains("error")) << what << "\n" << answer.body;
    if (!field.empty()) {
      EXPECT_EQ(answer.json()["error"]["field"], field) << what;
    }
    expect_security_headers(answer, what);
  }
  EXPECT_EQ(audit_count(), before);
  EXPECT_EQ(get("/api/session", coordinator_).status, 200);
}

TEST_F(ServerHygiene, PathIdsAreCanonicalDecimal) {
  EXPECT_EQ(get("/api/initiatives/1", observer_).status, 200);
  for (const char* target : {"/api/initiatives/01", "/api/initiatives/%31", "/api/initiatives/+1",
                             "/api/initiatives/1.0", "/api/initiatives/-1", "/api/initiatives/99999999999999999999"}) {
    const HttpAnswer answer = get(target, observer_);
    expect_error(answer, 400, "invalid_input");
    EXPECT_EQ(answer.json()["error"]["field"], "path.initiative") << target;
  }
  const HttpAnswer ballot = put("/api/cycles/%31/ballots/1", R"({"entries":[]})", rep_a_);
  expect_error(ballot, 400, "invalid_input");
  EXPECT_EQ(ballot.json()["error"]["field"], "path.cycle");
}

TEST_F(ServerHygiene, DuplicateJsonKeysAreRefusedWithTheirPath) {
  const std::size_t before = audit_count();
  HttpAnswer answer = post("/api/partners", R"({"name":"Dyn","tier":"retailer","name":"Evil"})", coordinator_);
  expect_error(answer, 400, "invalid_input");
  EXPECT_EQ(answer.json()["error"]["field"], "body.name");
  answer = post("/api/initiatives",
                R"({"title":"X","proposer":1,"cost":"3","impacts":[{"partner":1,"estimate":"1"},)"
                R"({"partner":2,"estimate":"2","estimate":"200"}]})",
                rep_a_);
  expect_error(answer, 400, "invalid_input");
  EXPECT_EQ(answer.json()["error"]["field"], "body.impacts[1].estimate");
  // The same key in different objects is no duplicate.
  answer = post("/api/initiatives",
                R"({"title":"Y","proposer":1,"cost":"3","impacts":[{"partner":1,"estimate":"1"},)"
                R"({"partner":2,"estimate":"2"}]})",
                rep_a_);
  EXPECT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(audit_count(), before + 1);
}

TEST_F(ServerHygiene, QueryIntegersAreCanonical) {
  EXPECT_EQ(get("/api/initiatives?cycle=1", observer_).status, 200);
  EXPECT_EQ(get("/api/audit?after=0&limit=5", coordinator_).status, 200);
  for (const auto& [target, field] :
       std::vector<std::pair<std::string, std::string>>{{"/api/initiatives?cycle=-1", "query.cycle"},
                                                        {"/api/initiatives?cycle=01", "query.cycle"},
                                                        {"/api/initiatives?cycle=+1", "query.cycle"},
                                                        {"/api/initiatives?cycle=", "query.cycle"},
                                                        {"/api/audit?after=abc", "query.after"},
                                                        {"/api/audit?after=-5", "query.after"},
                                                        {"/api/audit?limit=1e3", "query.limit"}}) {
    const std::string token = target.rfind("/api/audit", 0) == 0 ? coordinator_ : observer_;
    const HttpAnswer answer = get(target, token);
    expect_error(answer, 400, "invalid_input");
    EXPECT_EQ(answer.json()["error"]["field"], field) << target;
  }
}

TEST_F(ServerHygiene, ErrorMessagesQuoteAShortSafeExcerpt) {
  const std::string long_text(5000, 'y');
  const std::vector<std::pair<std::string, HttpAnswer>> answers = {
      {"path id", get("/api/initiatives/" + long_text, observer_)},
      {"unknown route", get("/api/" + long_text, observer_)},
      {"report kind", get("/api/reports/" + long_text, observer_)},
      {"query", get("/api/initiatives?cycle=" + long_text, observer_)},
      {"json", post("/api/partners", R"({"name": ")" + std::string("\x1b[31m") + long_text, coordinator_)},
      {"json tail", post("/api/partners", "{\"name\": \"x\"} " + long_text, coordinator_)},
  };
  for (const auto& [what, answer] : answers) {
    EXPECT_GE(answer.status, 400) << what;
    const std::string message = answer.json()["error"].value("message", "");
    EXPECT_LT(message.size(), 160U) << what << ": " << message;
    EXPECT_EQ(message.find('\x1b'), std::string::npos) << what;
    EXPECT_NE(message.find("yyyy"), std::string::npos) << what << " quotes the start of the input: " << message;
  }
}

}  // namespace
}  // namespace covalue::testing
