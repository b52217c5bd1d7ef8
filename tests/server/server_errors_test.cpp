// Every error status of the API, with the error JSON shape, and the store unchanged after each failure.
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerErrors = ServedNetwork;

TEST_F(ServerErrors, MissingOrUnknownTokenIs401) {
  expect_error(get("/api/partners", ""), 401, "unauthenticated");
  expect_error(get("/api/partners", "cvt_0000"), 401, "unauthenticated");
  const HttpAnswer answer = server_->request("GET", "/api/dashboard", "");
  EXPECT_EQ(answer.headers.count("www-authenticate"), 1U);
}

TEST_F(ServerErrors, RevokedTokenIs401) {
  const HttpAnswer issued = post("/api/tokens", R"({"role":"observer"})", coordinator_);
  ASSERT_EQ(issued.status, 201);
  const std::string secret = issued.json()["secret"];
  EXPECT_EQ(get("/api/session", secret).status, 200);
  const std::string id = std::to_string(issued.json()["id"].get<int>());
  EXPECT_EQ(server_->request("DELETE", "/api/tokens/" + id, coordinator_).status, 200);
  expect_error(get("/api/session", secret), 401, "unauthenticated");
}

TEST_F(ServerErrors, ForbiddenIs403AndChangesNothing) {
  const std::size_t before = audit_count();
  expect_error(post("/api/partners", R"({"name":"Dyn"})", observer_), 403, "forbidden");
  expect_error(post("/api/cycles", "", rep_a_), 403, "forbidden");
  EXPECT_EQ(audit_count(), before);
}

TEST_F(ServerErrors, UnknownRouteIs404AndWrongMethodIs405) {
  expect_error(get("/api/nothing-here", coordinator_), 404, "not_found");
  const HttpAnswer answer = server_->request("DELETE", "/api/partners", coordinator_);
  expect_error(answer, 405, "method_not_allowed");
  EXPECT_EQ(answer.headers.at("allow"), "GET, HEAD, POST");
}

TEST_F(ServerErrors, UnknownIdIs404) {
  const HttpAnswer answer = get("/api/partners/99", coordinator_);
  expect_error(answer, 404, "not_found");
  EXPECT_EQ(answer.json()["error"]["field"], "path.partner");
  expect_error(get("/api/initiatives/42", observer_), 404, "not_found");
  expect_error(get("/api/cycles/7/outcome", observer_), 404, "not_found");
  expect_error(get("/api/reports/partner/99", observer_), 404, "not_found");
}

TEST_F(ServerErrors, ErrorsNameNoCliCommand) {
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  const HttpAnswer early = put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_);
  expect_error(early, 409, "conflict");
  EXPECT_EQ(early.json()["error"]["message"], "cycle 1 is still proposing");
  EXPECT_EQ(early.json()["error"]["field"], "cycle");
  const HttpAnswer unknown = get("/api/cycles/9", observer_);
  expect_error(unknown, 404, "not_found");
  EXPECT_EQ(unknown.json()["error"]["message"], "no cycle 9");
  EXPECT_EQ(unknown.json()["error"]["field"], "path.cycle");
}

TEST_F(ServerErrors, MalformedJsonIs400) {
  const std::size_t before = audit_count();
  const HttpAnswer answer = post("/api/partners", R"({"name": "Dyn",)", coordinator_);
  expect_error(answer, 400, "invalid_input");
  EXPECT_EQ(answer.json()["error"]["field"], "body");
  EXPECT_EQ(audit_count(), before);
}

TEST_F(ServerErrors, WrongShapeNamesTheField) {
  const std::size_t before = audit_count();
  HttpAnswer answer = post("/api/initiatives",
                           R"({"title":"X","proposer":1,"cost":"3","impacts":[{"partner":1,"estimate":"1"},)"
                           R"({"partner":2,"estimate":"2"},{"partner":3,"estimate":1.5}]})",
                           rep_a_);
  expect_error(answer, 400, "invalid_input");
  EXPECT_EQ(answer.json()["error"]["field"], "body.impacts[2].estimate");
  EXPECT_EQ(answer.json()["error"]["message"], "expected an exact number like \"7/2\"");
  answer = post("/api/partners", R"({"name":"Dyn","colour":"red"})", coordinator_);
  expect_error(answer, 400, "invalid_input");
  EXPECT_EQ(answer.json()["error"]["field"], "body.colour");
  answer = post("/api/partners", R"({"name":"Dyn","tier":"moon"})", coordinator_);
  EXPECT_EQ(answer.json()["error"]["field"], "body.tier");
  answer = post("/api/partners", R"([1, 2])", coordinator_);
  expect_error(answer, 400, "invalid_input");
  answer = get("/api/audit?limit=x", coordinator_);
  EXPECT_EQ(answer.json()["error"]["field"], "query.limit");
  answer = get("/api/partners/abc", coordinator_);
  expect_error(answer, 400, "invalid_input");
  EXPECT_EQ(audit_count(), before);
}

TEST_F(ServerErrors, BodyOver1MiBIs413BeforeItIsRead) {
  const std::size_t before = audit_count();
  const std::string big = R"({"name":")" + std::string(std::size_t{2} * 1024 * 1024, 'x') + R"("})";
  const HttpAnswer answer = post("/api/partners", big, coordinator_);
  expect_error(answer, 413, "payload_too_large");
  EXPECT_EQ(audit_count(), before);
  EXPECT_EQ(get("/api/session", coordinator_).status, 200);  // the server lives on
}

TEST_F(ServerErrors, BallotAfterCloseIs409AndChangesNothing) {
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);
  ASSERT_EQ(post("/api/cycles/1/voting", "", coordinator_).status, 200);
  ASSERT_EQ(put("/api/cycles/1/ballots/1", R"({"entries":[{"initiative":1}]})", rep_a_).status, 200);
  const HttpAnswer closed = post("/api/cycles/1/close", R"({"confirm_low_turnout":true})", coordinator_);
  ASSERT_EQ(closed.status, 200) << closed.body;
  const std::size_t before = audit_count();
  expect_error(put("/api/cycles/1/ballots/2", R"({"entries":[{"initiative":1}]})", rep_b_), 409, "conflict");
  expect_error(post("/api/cycles/1/close", R"({"confirm_low_turnout":true})", coordinator_), 409, "conflict");
  EXPECT_EQ(audit_count(), before);
}

TEST_F(ServerErrors, ConflictOnDuplicatePartner) {
  const std::size_t before = audit_count();
  expect_error(post("/api/partners", R"({"name":"Acme"})", coordinator_), 409, "conflict");
  expect_error(post("/api/network", R"({"name":"Again"})", coordinator_), 409, "conflict");
  EXPECT_EQ(audit_count(), before);
}

TEST_F(ServerErrors, StopsGracefullyOnSigterm) { EXPECT_EQ(server_->stop(), 0); }

}  // namespace
}  // namespace covalue::testing
