// The web UI's static files: content types, caching, client-side routes, no directory traversal.
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

class ServerStatic : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.file("web/assets"));
    std::ofstream(dir_.file("web/index.html")) << "<!doctype html><title>covalue</title>";
    std::ofstream(dir_.file("web/assets/app-1234.js")) << "console.log('covalue');";
    std::ofstream(dir_.file("web/assets/style.css")) << "body{}";
    std::ofstream(dir_.file("secret.txt")) << "do not serve me";
    server_ = std::make_unique<ServerProcess>(dir_.file("network.db"), dir_.file("web"));
  }

  [[nodiscard]] HttpAnswer raw(const std::string& target) const {
    return raw_http(server_->port(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  ServerTempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ServerStatic, ServesFilesWithTheirTypes) {
  HttpAnswer answer = server_->request("GET", "/");
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(answer.body.find("covalue"), std::string::npos);
  EXPECT_EQ(answer.headers["cache-control"], "no-cache");
  answer = server_->request("GET", "/assets/app-1234.js");
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(answer.headers["cache-control"], "public, max-age=31536000, immutable");
  EXPECT_EQ(server_->request("GET", "/assets/style.css").headers["content-type"], "text/css; charset=utf-8");
}

TEST_F(ServerStatic, EtagAnswers304) {
  const HttpAnswer first = server_->request("GET", "/assets/app-1234.js");
  ASSERT_EQ(first.headers.count("etag"), 1U);
  const HttpAnswer again = raw_http(server_->port(), "GET /assets/app-1234.js HTTP/1.1\r\nHost: x\r\nIf-None-Match: " +
                                                         first.headers.at("etag") + "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(ServerStatic, ClientRoutesGetIndexAndMissingFilesAre404) {
  HttpAnswer answer = server_->request("GET", "/cycles/3");
  EXPECT_EQ(answer.status, 200);
  EXPECT_NE(answer.body.find("<title>covalue</title>"), std::string::npos);
  EXPECT_EQ(server_->request("GET", "/assets/missing.js").status, 404);
}

TEST_F(ServerStatic, NoDirectoryTraversal) {
  for (const char* target : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                             "/assets/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/assets/..%5c..%5csecret.txt",
                             "/%00/../secret.txt", "//etc/passwd", "/../../../../etc/passwd"}) {
    const HttpAnswer answer = raw(target);
    EXPECT_EQ(answer.body.find("do not serve me"), std::string::npos) << target;
    EXPECT_EQ(answer.body.find("root:"), std::string::npos) << target;
    const bool index = answer.status == 200 && answer.body.find("<title>covalue</title>") != std::string::npos;
    EXPECT_TRUE(answer.status == 404 || answer.status == 400 || index) << target << ": " << answer.status;
  }
}

}  // namespace
}  // namespace covalue::testing
