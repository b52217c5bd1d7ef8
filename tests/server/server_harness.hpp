#pragma once

// Test support for the HTTP server: start the real `covalue serve` on an ephemeral loopback port,
// talk HTTP/1.1 to it over a plain socket, stop it by its pid.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/temp_dir.hpp"

namespace covalue::testing {

//! A fresh temporary directory for a server's files, removed when the object dies.
class ServerTempDir : public TempDir {
 public:
  ServerTempDir() : TempDir("covalue-server-") {}
};

//! Runs the shell command `command` and returns its exit code and stdout.
inline std::pair<int, std::string> run_command(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return {-1, ""};
  }
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) {
    out.append(buffer, n);
  }
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

//! Runs `covalue ARGS` and returns its exit code and stdout.
inline std::pair<int, std::string> run_cli(const std::string& args) {
  return run_command(std::string(COVALUE_BINARY) + " " + args + " 2>/dev/null </dev/null");
}

//! What the server answered.
struct HttpAnswer {
  int status{0};
  std::map<std::string, std::string> headers;  //!< lower-case names
  std::string body;

  [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  //! A header's value by its lower-case name; empty when absent.
  [[nodiscard]] std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

//! A TCP connection to the server on loopback, from `source` (any 127.x.y.z address works on Linux, so
//! a test can stand for several clients); -1 when the connection fails.
inline int connect_loopback(int port, const char* source = "127.0.0.1") {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    return -1;
  }
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source, &from.sin_addr);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

//! Parses a raw HTTP/1.1 answer (status line, headers, the rest as body); status 0 when there is none.
inline HttpAnswer parse_answer(const std::string& data) {
  HttpAnswer answer;
  const std::size_t head_end = data.find("\r\n\r\n");
  if (data.size() < 12 || head_end == std::string::npos) {
    return answer;
  }
  answer.status = std::stoi(data.substr(9, 3));
  std::size_t line = data.find("\r\n") + 2;
  while (line < head_end) {
    const std::size_t end = data.find("\r\n", line);
    const std::string header = data.substr(line, end - line);
    const std::size_t colon = header.find(':');
    std::string name = header.substr(0, colon);
    for (char& ch : name) {
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    const std::size_t value = header.find_first_not_of(' ', colon + 1);
    answer.headers[name] = value == std::string::npos ? std::string() : header.substr(value);
    line = end + 2;
  }
  answer.body = data.substr(head_end + 4);
  return answer;
}

//! Reads from `fd` until the server closes the connection.
inline std::string read_to_close(int fd) {
  std::string data;
  char buffer[65536];
  while (true) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      return data;
    }
    data.append(buffer, static_cast<std::size_t>(n));
  }
}

//! Sends one raw request on a fresh connection (from `source`) and reads the answer until the server
//! closes it.
inline HttpAnswer raw_http(int port, const std::string& request, const char* source = "127.0.0.1") {
  const int fd = connect_loopback(port, source);
  if (fd < 0) {
    throw std::runtime_error("cannot connect");
  }
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      break;  // the server may answer (413) and stop reading
    }
    sent += static_cast<std::size_t>(n);
  }
  shutdown(fd, SHUT_WR);
  const std::string data = read_to_close(fd);
  close(fd);
  return parse_answer(data);
}

//! CPU time a process has used (user + system, /proc/PID/stat fields 14 and 15), in seconds.
inline double process_cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));  // from field 3 (the state) on
  std::string field;
  long ticks = 0;
  for (int number = 3; number <= 15 && fields >> field; ++number) {
    if (number >= 14) {
      ticks += std::stol(field);
    }
  }
  return static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

//! The resident memory of a process (VmRSS of /proc/PID/status), in KiB.
inline long process_rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      return std::stol(line.substr(6));
    }
  }
  return -1;
}

//! How a test starts the server beyond the defaults.
struct ServerLaunch {
  std::vector<std::string> extra_args;  //!< more `covalue serve` flags
  rlim_t open_files{0};                 //!< RLIMIT_NOFILE of the server (0: inherited)
  std::string stderr_file;              //!< where the server's stderr goes (empty: inherited)
  bool bare{false};                     //!< only `serve` and extra_args (no --db, --listen, --threads, --web)
};

//! A running `covalue serve`, stopped (SIGTERM, by pid) when the object dies.
class ServerProcess {
 public:
  ServerProcess(const std::string& db, const std::string& web_dir, const ServerLaunch& launch = {}) {
    std::vector<std::string> args = {COVALUE_BINARY, "serve",     "--db", db,      "--listen",
                                     "127.0.0.1:0",  "--threads", "2",    "--web", web_dir};
    if (launch.bare) {
      args.resize(2);
    }
    args.insert(args.end(), launch.extra_args.begin(), launch.extra_args.end());
    std::vector<char*> argv;
    for (std::string& arg : args) {
      argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    int out[2];
    if (pipe(out) != 0) {
      throw std::runtime_error("pipe");
    }
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      start_child(launch, argv.data());
    }
    close(out[1]);
    std::string line;
    char ch = 0;
    while (read(out[0], &ch, 1) == 1 && ch != '\n') {
      line += ch;
    }
    close(out[0]);
    const std::string prefix = "listening on http://127.0.0.1:";
    if (line.rfind(prefix, 0) != 0) {
      throw std::runtime_error("covalue serve did not start: '" + line + "'");
    }
    port_ = std::stoi(line.substr(prefix.size()));
  }
  ~ServerProcess() { stop(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  //! Stops the server with SIGTERM and returns its exit status (-1 when already stopped).
  int stop() {
    if (pid_ <= 0) {
      return -1;
    }
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] pid_t pid() const { return pid_; }

  //! One request with an optional bearer token and body.
  [[nodiscard]] HttpAnswer request(const std::string& method, const std::string& target, const std::string& token = "",
                                   const std::string& body = "") const {
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!token.empty()) {
      text += "Authorization: Bearer " + token + "\r\n";
    }
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
      text += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    }
    return raw_http(port_, text + "\r\n" + body);
  }

 private:
  //! In the forked child: applies the launch options, then runs the server (never returns).
  [[noreturn]] static void start_child(const ServerLaunch& launch, char* const* argv) {
    if (!launch.stderr_file.empty()) {
      std::FILE* err = std::fopen(launch.stderr_file.c_str(), "w");
      if (err != nullptr) {
        dup2(fileno(err), STDERR_FILENO);
      }
    }
    if (launch.open_files > 0) {
      const rlimit limit{launch.open_files, launch.open_files};
      setrlimit(RLIMIT_NOFILE, &limit);
    }
    execv(COVALUE_BINARY, argv);
    _exit(127);
  }

  pid_t pid_{-1};
  int port_{0};
};

}  // namespace covalue::testing
