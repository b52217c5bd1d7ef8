#pragma once

// A network served over HTTP: the network and a coordinator token made on the command line, then over
// HTTP the charter, three partners, a representative token for partners 1 and 2, an observer token, and
// initiative 1 proposed by partner 1 (waiting for the first cycle).

#include <gtest/gtest.h>

#include <memory>

#include "server_harness.hpp"

namespace covalue::testing {

class ServedNetwork : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.file("web"));
    std::ofstream(dir_.file("web/index.html")) << "<!doctype html><title>covalue</title>";
    ASSERT_EQ(run_cli("network init --db " + db() + " --name Placeholder").first, 0);
    auto [code, secret] = run_cli("token issue --db " + db() + " --role coordinator --label lead");
    ASSERT_EQ(code, 0);
    coordinator_ = trim(secret);
    server_ = std::make_unique<ServerProcess>(db(), dir_.file("web"), launch());
    ASSERT_EQ(
        server_->request("PATCH", "/api/network", coordinator_, R"({"name":"Test network","capacity":"100"})").status,
        200);
    for (const char* partner : {R"({"name":"Acme","tier":"manufacturer"})", R"({"name":"Bolt","tier":"retailer"})",
                                R"({"name":"Cargo","tier":"logistics"})"}) {
      ASSERT_EQ(post("/api/partners", partner, coordinator_).status, 201);
    }
    rep_a_ = issue(R"({"role":"representative","partner":1,"label":"Acme"})");
    rep_b_ = issue(R"({"role":"representative","partner":2,"label":"Bolt"})");
    rep_c_ = issue(R"({"role":"representative","partner":3,"label":"Cargo"})");
    observer_ = issue(R"({"role":"observer","label":"auditor"})");
    const HttpAnswer proposed = post("/api/initiatives",
                                     R"({"title":"Shared forecast","proposer":1,"cost":"30","impacts":[)"
                                     R"({"partner":1,"estimate":"10"},{"partner":2,"estimate":"5"},)"
                                     R"({"partner":3,"estimate":"-2"}]})",
                                     rep_a_);
    ASSERT_EQ(proposed.status, 201) << proposed.body;
  }

  //! How the server starts; a test suite overrides it for extra flags or a captured stderr.
  [[nodiscard]] virtual ServerLaunch launch() const { return {}; }

  static std::string trim(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
      text.pop_back();
    }
    return text;
  }

  std::string issue(const std::string& body) {
    const HttpAnswer answer = post("/api/tokens", body, coordinator_);
    EXPECT_EQ(answer.status, 201) << answer.body;
    return answer.json().value("secret", "");
  }

  [[nodiscard]] std::string db() const { return dir_.file("network.db"); }
  [[nodiscard]] HttpAnswer get(const std::string& target, const std::string& token) const {
    return server_->request("GET", target, token);
  }
  [[nodiscard]] HttpAnswer post(const std::string& target, const std::string& body, const std::string& token) const {
    return server_->request("POST", target, token, body);
  }
  [[nodiscard]] HttpAnswer put(const std::string& target, const std::string& body, const std::string& token) const {
    return server_->request("PUT", target, token, body);
  }
  //! The number of audit entries: every change appends one, so an unchanged count is an unchanged store.
  [[nodiscard]] std::size_t audit_count() const { return get("/api/audit?limit=10000", coordinator_).json().size(); }

  ServerTempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::string coordinator_;
  std::string rep_a_;
  std::string rep_b_;
  std::string rep_c_;
  std::string observer_;
};

//! Expects an error answer of `status` with the {"error": {"kind", "message", "field"}} shape.
inline void expect_error(const HttpAnswer& answer, int status, const std::string& kind) {
  EXPECT_EQ(answer.status, status) << answer.body;
  const nlohmann::json body = answer.json();
  ASSERT_TRUE(body.is_object() && body.contains("error")) << answer.body;
  EXPECT_EQ(body["error"].value("kind", ""), kind) << answer.body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_TRUE(body["error"].contains("field"));
}

}  // namespace covalue::testing
