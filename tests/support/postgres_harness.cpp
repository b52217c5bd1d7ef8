#include "postgres_harness.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace covalue::testing {
namespace {

using core::ErrorKind;
using core::make_error;

constexpr int kLaunchAttempts = 5;
constexpr auto kReadyTimeout = std::chrono::seconds(60);

// The uid and gid to run PostgreSQL as: the `postgres` user when we are root (PostgreSQL refuses
// to run as root), else ourselves.
struct RunAs {
  bool switch_user{false};
  uid_t uid{0};
  gid_t gid{0};
};

core::Result<RunAs> run_as() {
  if (::geteuid() != 0) {
    return RunAs{};
  }
  const passwd* user = ::getpwnam("postgres");
  if (user == nullptr) {
    return make_error(ErrorKind::kInternal, "running as root and there is no `postgres` user to run PostgreSQL as");
  }
  return RunAs{true, user->pw_uid, user->pw_gid};
}

// Forks and execs `argv` as `user` with stdout and stderr appended to `log`; returns the child's pid.
core::Result<pid_t> spawn(const std::vector<std::string>& args, const RunAs& user, const std::string& log) {
  std::vector<char*> argv;
  for (const std::string& arg : args) {
    argv.push_back(const_cast<char*>(arg.c_str()));  // NOLINT: execv's signature
  }
  argv.push_back(nullptr);
  const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (out < 0) {
    return make_error(ErrorKind::kInternal, "cannot open " + log);
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out, STDOUT_FILENO);
    ::dup2(out, STDERR_FILENO);
    const int null_in = ::open("/dev/null", O_RDONLY);
    ::dup2(null_in, STDIN_FILENO);
    if (user.switch_user && (::setgid(user.gid) != 0 || ::setuid(user.uid) != 0)) {
      ::_exit(126);
    }
    ::prctl(PR_SET_PDEATHSIG, SIGINT);  // after setuid, which clears it
    if (::getppid() != parent) {
      ::_exit(125);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out);
  if (pid < 0) {
    return make_error(ErrorKind::kInternal, "fork failed");
  }
  return pid;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A loopback port nobody listens on right now (it may be taken before we use it: callers retry).
core::Result<int> free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return make_error(ErrorKind::kInternal, "socket() failed");
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof(address);
  const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&        // NOLINT: the socket API
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0;  // NOLINT
  ::close(fd);
  if (!bound) {
    return make_error(ErrorKind::kInternal, "cannot bind a loopback port");
  }
  return static_cast<int>(ntohs(address.sin_port));
}

// Waits for `pid` up to `timeout`; true when it has exited.
bool reap(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno == ECHILD)) {
      return true;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

std::string PostgresHarness::bin_dir() {
  const char* configured = std::getenv("COVALUE_PG_BIN");  // NOLINT(concurrency-mt-unsafe): read at start
  return configured != nullptr ? configured : "/usr/lib/postgresql/15/bin";
}

bool PostgresHarness::available() {
  return ::access((bin_dir() + "/initdb").c_str(), X_OK) == 0 && ::access((bin_dir() + "/postgres").c_str(), X_OK) == 0;
}

core::Result<std::unique_ptr<PostgresHarness>> PostgresHarness::start() {
  std::unique_ptr<PostgresHarness> harness(new PostgresHarness());
  std::string pattern = (std::filesystem::temp_directory_path() / "covalue-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return make_error(ErrorKind::kInternal, "cannot create a temporary directory");
  }
  harness->dir_ = pattern;
  if (auto made = harness->init_cluster(); !made.ok()) {
    return made.error();
  }
  core::Status launched;
  for (int attempt = 0; attempt < kLaunchAttempts; ++attempt) {
    launched = harness->launch();
    if (launched.ok()) {
      return harness;
    }
  }
  return launched.error();
}

core::Status PostgresHarness::init_cluster() {
  auto user = run_as();
  if (!user.ok()) {
    return user.error();
  }
  if (user->switch_user && ::chown(dir_.c_str(), user->uid, user->gid) != 0) {
    return make_error(ErrorKind::kInternal, "cannot give " + dir_ + " to the postgres user");
  }
  const std::string log = dir_ + "/initdb.log";
  auto pid = spawn({bin_dir() + "/initdb", "-D", dir_ + "/data", "-A", "trust", "-U", "postgres", "--no-sync", "-E",
                    "UTF8", "--locale=C"},
                   *user, log);
  if (!pid.ok()) {
    return pid.error();
  }
  int status = 0;
  if (::waitpid(*pid, &status, 0) != *pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return make_error(ErrorKind::kInternal, "initdb failed: " + read_file(log));
  }
  return {};
}

core::Status PostgresHarness::launch() {
  auto user = run_as();
  auto port = free_port();
  if (!user.ok() || !port.ok()) {
    return user.ok() ? port.error() : user.error();
  }
  port_ = *port;
  auto pid = spawn(
      {bin_dir() + "/postgres", "-D", dir_ + "/data", "-k", dir_, "-h", "127.0.0.1", "-p", std::to_string(port_), "-F",
       "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"},
      *user, dir_ + "/postgres.log");
  if (!pid.ok()) {
    return pid.error();
  }
  pid_ = *pid;
  return wait_until_ready();
}

core::Status PostgresHarness::wait_until_ready() {
  const std::string conninfo = "host=127.0.0.1 port=" + std::to_string(port_) + " user=postgres dbname=postgres";
  const auto deadline = std::chrono::steady_clock::now() + kReadyTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::PQping(conninfo.c_str()) == PQPING_OK) {
      return {};
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return make_error(ErrorKind::kInternal, "postgres exited: " + read_file(dir_ + "/postgres.log"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  stop();
  return make_error(ErrorKind::kInternal, "postgres did not accept connections in time");
}

void PostgresHarness::stop() {
  if (pid_ <= 0) {
    return;
  }
  ::kill(pid_, SIGTERM);  // smart shutdown: immediate once no client is connected
  if (!reap(pid_, std::chrono::seconds(5))) {
    ::kill(pid_, SIGINT);  // fast shutdown: disconnects clients
    if (!reap(pid_, std::chrono::seconds(5))) {
      ::kill(pid_, SIGKILL);
      reap(pid_, std::chrono::seconds(5));
    }
  }
  pid_ = -1;
}

PostgresHarness::~PostgresHarness() {
  stop();
  if (!dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
}

std::string PostgresHarness::url(const std::string& name) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

namespace {

core::Status run_admin(int port, const std::string& sql) {
  const std::string conninfo = "host=127.0.0.1 port=" + std::to_string(port) + " user=postgres dbname=postgres";
  PGconn* connection = ::PQconnectdb(conninfo.c_str());
  core::Status status;
  if (::PQstatus(connection) != CONNECTION_OK) {
    status = make_error(ErrorKind::kInternal, std::string("cannot connect: ") + ::PQerrorMessage(connection));
  } else {
    PGresult* result = ::PQexec(connection, sql.c_str());
    if (::PQresultStatus(result) != PGRES_COMMAND_OK) {
      status = make_error(ErrorKind::kInternal, sql + ": " + ::PQresultErrorMessage(result));
    }
    ::PQclear(result);
  }
  ::PQfinish(connection);
  return status;
}

core::Status check_name(const std::string& name) {
  for (const char c : name) {
    if ((c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_') {
      return make_error(ErrorKind::kInvalidInput, "database names are lower-case letters, digits and underscores");
    }
  }
  return name.empty() ? core::Status(make_error(ErrorKind::kInvalidInput, "empty database name")) : core::Status();
}

}  // namespace

core::Result<std::string> PostgresHarness::create_database(const std::string& name) {
  if (auto checked = check_name(name); !checked.ok()) {
    return checked.error();
  }
  if (auto created = run_admin(port_, "CREATE DATABASE " + name); !created.ok()) {
    return created.error();
  }
  return url(name);
}

core::Status PostgresHarness::drop_database(const std::string& name) {
  if (auto checked = check_name(name); !checked.ok()) {
    return checked;
  }
  return run_admin(port_, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

}  // namespace covalue::testing
