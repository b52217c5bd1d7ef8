// covalue-test-pg: starts a private PostgreSQL (tests/support/postgres_harness.hpp), creates one
// database, prints its URL on stdout and waits until stdin reaches EOF (or SIGTERM/SIGINT), then
// stops the server and removes its files. For shell-level tests and benchmarks:
//
//   coproc PG { covalue-test-pg [database]; }; read -r URL <&"${PG[0]}"; ...; exec {PG[1]}>&-
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <iostream>
#include <string>

#include "postgres_harness.hpp"

namespace {

volatile std::sig_atomic_t stop_requested = 0;

void request_stop(int /*signal*/) { stop_requested = 1; }

// Waits for EOF on stdin or a stop signal.
void wait_for_eof() {
  struct sigaction action {};
  action.sa_handler = request_stop;  // no SA_RESTART: read() returns EINTR
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  std::array<char, 256> buffer{};
  while (stop_requested == 0) {
    const ssize_t got = ::read(STDIN_FILENO, buffer.data(), buffer.size());
    if (got == 0 || (got < 0 && errno != EINTR)) {
      return;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string name = argc > 1 ? argv[1] : "covalue";
  auto harness = covalue::testing::PostgresHarness::start();
  if (!harness.ok()) {
    std::cerr << "covalue-test-pg: " << harness.error().to_string() << "\n";
    return 1;
  }
  auto url = (*harness)->create_database(name);
  if (!url.ok()) {
    std::cerr << "covalue-test-pg: " << url.error().to_string() << "\n";
    return 1;
  }
  std::cout << *url << std::endl;  // flushed: the caller reads it while we wait
  wait_for_eof();
  return 0;
}
