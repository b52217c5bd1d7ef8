#pragma once

// A private PostgreSQL 15 server for tests and benchmarks: a fresh cluster in a temporary directory,
// listening on an ephemeral loopback port, stopped by its pid and deleted when the harness dies.

#include <sys/types.h>

#include <memory>
#include <string>

#include "covalue/core/result.hpp"

namespace covalue::testing {

//! One running PostgreSQL server of the tests' own.
class PostgresHarness {
 public:
  //! Where the PostgreSQL programs are: $COVALUE_PG_BIN, or /usr/lib/postgresql/15/bin.
  [[nodiscard]] static std::string bin_dir();
  //! True when bin_dir() holds initdb and postgres.
  [[nodiscard]] static bool available();

  //! Creates a cluster in a new temporary directory (initdb, run as the `postgres` OS user when
  //! running as root), starts `postgres` on a free loopback port (another port when the one picked
  //! is taken meanwhile) and waits until it accepts connections. The server gets SIGINT when the
  //! thread that started it exits, so a crashed test leaves no server behind.
  [[nodiscard]] static core::Result<std::unique_ptr<PostgresHarness>> start();

  PostgresHarness(const PostgresHarness&) = delete;
  PostgresHarness& operator=(const PostgresHarness&) = delete;
  //! Stops the server (SIGTERM, SIGINT after 5 s, SIGKILL after 10 s) and removes its directory.
  ~PostgresHarness();

  //! Creates database `name` (letters, digits and underscores) and returns its URL.
  [[nodiscard]] core::Result<std::string> create_database(const std::string& name);
  //! Drops database `name` if it exists (closing its connections).
  [[nodiscard]] core::Status drop_database(const std::string& name);
  //! The URL of database `name` ("postgresql://postgres@127.0.0.1:<port>/<name>").
  [[nodiscard]] std::string url(const std::string& name) const;
  //! The server's TCP port.
  [[nodiscard]] int port() const { return port_; }
  //! The server's pid.
  [[nodiscard]] pid_t pid() const { return pid_; }

 private:
  PostgresHarness() = default;
  [[nodiscard]] core::Status init_cluster();
  [[nodiscard]] core::Status launch();
  [[nodiscard]] core::Status wait_until_ready();
  void stop();

  std::string dir_;
  int port_{0};
  pid_t pid_{-1};
};

}  // namespace covalue::testing
