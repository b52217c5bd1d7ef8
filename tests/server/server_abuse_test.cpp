// What one careless or hostile client can do to the server, and what it must not: too many
// connections get a clean 503, running out of file descriptors does not spin the CPU, idle
// connections give their memory back when they close, and guessing tokens is logged and throttled.
#include <chrono>
#include <regex>
#include <thread>

#include "server/auth_throttle.hpp"
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using namespace std::chrono_literals;

//! The server started with more flags.
ServerLaunch with_flags(std::vector<std::string> flags) {
  ServerLaunch launch;
  launch.extra_args = std::move(flags);
  return launch;
}

//! Open connections that send nothing, closed when the object dies.
class IdleConnections {
 public:
  IdleConnections(int port, int count) {
    for (int i = 0; i < count; ++i) {
      const int fd = connect_loopback(port);
      if (fd < 0) {
        throw std::runtime_error("cannot connect connection " + std::to_string(i));
      }
      fds_.push_back(fd);
    }
  }
  ~IdleConnections() { close_all(); }
  IdleConnections(const IdleConnections&) = delete;
  IdleConnections& operator=(const IdleConnections&) = delete;

  void close_all() {
    for (const int fd : fds_) {
      close(fd);
    }
    fds_.clear();
  }
  //! Closes the first connection.
  void close_one() {
    close(fds_.front());
    fds_.erase(fds_.begin());
  }

 private:
  std::vector<int> fds_;
};

//! A server on an empty database and a one-page web UI, started with `launch`.
class ServerAbuse : public ::testing::Test {
 protected:
  void start(const ServerLaunch& launch) {
    std::filesystem::create_directories(dir_.file("web"));
    std::ofstream(dir_.file("web/index.html")) << "<!doctype html><title>covalue</title>";
    server_ = std::make_unique<ServerProcess>(dir_.file("network.db"), dir_.file("web"), launch);
  }

  [[nodiscard]] HttpAnswer get(const std::string& target) const { return server_->request("GET", target); }

  //! Asks until the server answers 200 (connections it is closing may still count for a moment).
  [[nodiscard]] bool answers_within(std::chrono::milliseconds limit) const {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      if (get("/api/openapi.json").status == 200) {
        return true;
      }
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }

  ServerTempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ServerAbuse, ConnectionsPastTheCapGetA503AndAClose) {
  start(with_flags({"--max-connections", "4"}));
  IdleConnections held(server_->port(), 4);
  const HttpAnswer refused = get("/api/openapi.json");  // read to the end: the server closed it
  expect_error(refused, 503, "service_unavailable");
  EXPECT_EQ(refused.header("retry-after"), "1");
  EXPECT_EQ(refused.header("connection"), "close");
  EXPECT_EQ(refused.header("x-content-type-options"), "nosniff");
  held.close_one();
  EXPECT_TRUE(answers_within(2s)) << "a closed connection frees its place";
}

TEST_F(ServerAbuse, MaxConnectionsMustBePositive) {
  EXPECT_NE(run_cli("serve --db " + dir_.file("x.db") + " --listen 127.0.0.1:0 --max-connections 0").first, 0);
}

TEST_F(ServerAbuse, AcceptBacksOffWhenFileDescriptorsRunOut) {
  ServerLaunch launch;
  launch.open_files = 64;
  start(launch);
  IdleConnections held(server_->port(), 100);  // more than 64: the rest wait in the listen queue
  std::this_thread::sleep_for(300ms);
  const double before = process_cpu_seconds(server_->pid());
  std::this_thread::sleep_for(2s);
  const double used = process_cpu_seconds(server_->pid()) - before;
  std::printf("server CPU over 2 s while out of file descriptors: %.2f s\n", used);
  EXPECT_LT(used, 0.2) << "CPU seconds in 2 s while out of file descriptors";
  held.close_all();
  EXPECT_TRUE(answers_within(5s)) << "the server accepts again once descriptors are free";
}

//! The server's RSS once it settles under `bound` KiB, or its last reading after `limit`.
long rss_settled(pid_t pid, long bound, std::chrono::milliseconds limit) {
  long rss = process_rss_kib(pid);
  for (auto waited = 0ms; waited < limit && rss > bound; waited += 100ms) {
    std::this_thread::sleep_for(100ms);
    rss = process_rss_kib(pid);
  }
  return rss;
}

// Each idle connection once held a 64 KiB drain buffer: 3,000 of them took ~200 MiB, kept after they
// closed. Now an idle connection costs ~3 KiB. What stays after they close (~9 MiB) is free memory the
// allocator cannot hand back (asio keeps a small per-socket state for reuse, and those pin the pages in
// between); the next connections reuse it, so a second burst does not grow it.
TEST_F(ServerAbuse, MemoryReturnsAfterIdleConnectionsClose) {
  start(with_flags({"--max-connections", "4000"}));
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(get("/api/openapi.json").status, 200);
  }
  std::this_thread::sleep_for(1500ms);  // past the idle hook
  const pid_t pid = server_->pid();
  const long base = process_rss_kib(pid);
  constexpr long kNear = 16 * 1024;  // KiB
  std::vector<long> open;
  std::vector<long> after;
  for (int round = 0; round < 2; ++round) {
    IdleConnections held(server_->port(), 3000);
    ASSERT_TRUE(answers_within(5s));  // answered after the 3,000 were accepted
    open.push_back(process_rss_kib(pid));
    held.close_all();
    after.push_back(rss_settled(pid, base + kNear, 3s));
  }
  std::printf("RSS KiB: base %ld; 3,000 idle connections %ld, after they closed %ld; again %ld, after %ld\n", base,
              open[0], after[0], open[1], after[1]);
  EXPECT_LT(open[0] - base, 32 * 1024) << "3,000 idle connections should not cost 32 MiB";
  EXPECT_LE(after[0], base + kNear) << "within 16 MiB of the base after the connections closed";
  EXPECT_LE(after[1], base + kNear) << "a second burst reuses the memory of the first";
}

//! The served network with the server's stderr kept in a file.
class ServerAuthThrottle : public ServedNetwork {
 protected:
  [[nodiscard]] ServerLaunch launch() const override {
    ServerLaunch launch;
    launch.stderr_file = dir_.file("serve.err");
    return launch;
  }

  [[nodiscard]] std::string server_log() const {
    std::ifstream in(dir_.file("serve.err"));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

//! True when `text` holds any 8 consecutive characters of `secret`.
bool leaks(const std::string& text, const std::string& secret) {
  for (std::size_t at = 0; at + 8 <= secret.size(); ++at) {
    if (text.find(secret.substr(at, 8)) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST_F(ServerAuthThrottle, ABurstOfBadTokensIsLoggedThenThrottled) {
  std::vector<std::string> guesses;
  for (int i = 0; i < 10; ++i) {
    guesses.push_back("cvt_5ec7e7" + std::to_string(1000000 + i) + "abcdef0123456789");
    expect_error(get("/api/partners", guesses.back()), 401, "unauthenticated");
  }
  const HttpAnswer throttled = get("/api/partners", "cvt_another-guess-7f3a9c1d");
  expect_error(throttled, 429, "too_many_requests");
  ASSERT_EQ(throttled.headers.count("retry-after"), 1U);
  const int retry = std::stoi(throttled.headers.at("retry-after"));
  EXPECT_TRUE(retry >= 1 && retry <= 60) << retry;
  // Throttled means throttled: a good token from the same address is refused too, before it is looked up.
  expect_error(get("/api/session", coordinator_), 429, "too_many_requests");
  // Other addresses, and routes that need no token, are not affected.
  const std::string request =
      "GET /api/session HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + coordinator_ + "\r\nConnection: close\r\n\r\n";
  EXPECT_EQ(raw_http(server_->port(), request, "127.0.0.2").status, 200);
  EXPECT_EQ(get("/api/openapi.json", "").status, 200);

  const std::string log = server_log();
  const std::regex failed(
      R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ .*authentication failed.*127\.0\.0\.1.*GET /api/partners)");
  std::size_t lines = 0;
  for (auto it = std::sregex_iterator(log.begin(), log.end(), failed); it != std::sregex_iterator(); ++it) {
    ++lines;
  }
  EXPECT_EQ(lines, 10U) << log;
  EXPECT_NE(log.find("throttled"), std::string::npos) << log;
  for (const std::string& secret : guesses) {
    EXPECT_FALSE(leaks(log, secret)) << log;
  }
  EXPECT_FALSE(leaks(log, coordinator_)) << log;
  EXPECT_FALSE(leaks(log, "cvt_another-guess-7f3a9c1d")) << log;
}

TEST_F(ServerAuthThrottle, RequestsWithoutATokenAreNotCounted) {
  for (int i = 0; i < 15; ++i) {
    expect_error(get("/api/partners", ""), 401, "unauthenticated");
  }
  EXPECT_EQ(get("/api/session", coordinator_).status, 200);
}

TEST(AuthThrottle, RefusesAfterTheBurstUntilTheWindowPasses) {
  server::AuthThrottle throttle(10, 60s);
  const auto start = server::AuthThrottle::Clock::now();
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(throttle.retry_after("10.0.0.1", start + std::chrono::seconds(i)), 0s);
    throttle.record_failure("10.0.0.1", start + std::chrono::seconds(i));
  }
  EXPECT_EQ(throttle.retry_after("10.0.0.1", start + 10s), 50s);
  EXPECT_EQ(throttle.retry_after("10.0.0.1", start + 59500ms), 1s);
  EXPECT_EQ(throttle.retry_after("10.0.0.2", start + 10s), 0s);
  EXPECT_EQ(throttle.retry_after("10.0.0.1", start + 60s), 0s);
}

TEST(AuthThrottle, SlowFailuresNeverThrottle) {
  server::AuthThrottle throttle(10, 60s);
  const auto start = server::AuthThrottle::Clock::now();
  for (int i = 0; i < 30; ++i) {
    const auto now = start + std::chrono::seconds(7 * i);
    EXPECT_EQ(throttle.retry_after("10.0.0.1", now), 0s) << i;
    throttle.record_failure("10.0.0.1", now);
  }
}

}  // namespace
}  // namespace covalue::testing
