#pragma once

// Test support for the HTTP server: start the real `covalue serve` on an ephemeral loopback port,
// talk HTTP/1.1 to it over a plain socket, stop it by its pid.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
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
#include <stdexcept>
#include <string>
#include <vector>

namespace covalue::testing {

//! A fresh temporary directory, removed when the object dies.
class ServerTempDir {
 public:
  ServerTempDir() {
    std::random_device seed;
    path_ = std::filesystem::temp_directory_path() / ("covalue-server-" + std::to_string(seed()));
    std::filesystem::create_directories(path_);
  }
  ~ServerTempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ServerTempDir(const ServerTempDir&) = delete;
  ServerTempDir& operator=(const ServerTempDir&) = delete;

  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

//! Runs `covalue ARGS` and returns its exit code and stdout.
inline std::pair<int, std::string> run_cli(const std::string& args) {
  const std::string command = std::string(COVALUE_BINARY) + " " + args + " 2>/dev/null </dev/null";
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

//! What the server answered.
struct HttpAnswer {
  int status{0};
  std::map<std::string, std::string> headers;  //!< lower-case names
  std::string body;

  [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

//! Sends one raw request on a fresh connection and reads the answer until the server closes it.
inline HttpAnswer raw_http(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
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
  std::string data;
  char buffer[65536];
  while (true) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      break;
    }
    data.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
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
    answer.headers[name] = header.substr(header.find_first_not_of(' ', colon + 1));
    line = end + 2;
  }
  answer.body = data.substr(head_end + 4);
  return answer;
}

//! A running `covalue serve`, stopped (SIGTERM, by pid) when the object dies.
class ServerProcess {
 public:
  ServerProcess(const std::string& db, const std::string& web_dir) {
    int out[2];
    if (pipe(out) != 0) {
      throw std::runtime_error("pipe");
    }
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      execl(COVALUE_BINARY, COVALUE_BINARY, "serve", "--db", db.c_str(), "--listen", "127.0.0.1:0", "--threads", "2",
            "--web", web_dir.c_str(), static_cast<char*>(nullptr));
      _exit(127);
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
  pid_t pid_{-1};
  int port_{0};
};

}  // namespace covalue::testing
