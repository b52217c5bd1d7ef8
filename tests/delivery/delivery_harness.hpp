#pragma once

// Test support for the delivery adapters: the real receivers (tests/support/smtp_sink.py on Debian's
// python3-aiosmtpd, tests/support/webhook_receiver.py on http.server) started on an ephemeral loopback
// port and stopped by their pid, and readers of what they stored.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/temp_dir.hpp"

namespace covalue::testing {

//! Debian's interpreter, which has python3-aiosmtpd (the one on PATH may not).
inline const std::string kSystemPython = COVALUE_SYSTEM_PYTHON;
//! tests/support, where the receivers' scripts are.
inline const std::string kSupportDir = std::string(COVALUE_SOURCE_DIR) + "/tests/support";

//! A helper process that prints "port N" when it is ready; stopped (SIGTERM, by pid) when the object dies.
class ReceiverProcess {
 public:
  explicit ReceiverProcess(std::vector<std::string> args) {
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
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char ch = 0;
    while (read(out[0], &ch, 1) == 1 && ch != '\n') {
      line += ch;
    }
    close(out[0]);
    if (line.rfind("port ", 0) != 0) {
      stop();
      throw std::runtime_error("the receiver did not start: '" + line + "' (" + args.at(1) + ")");
    }
    port_ = std::stoi(line.substr(5));
  }
  ~ReceiverProcess() { stop(); }
  ReceiverProcess(const ReceiverProcess&) = delete;
  ReceiverProcess& operator=(const ReceiverProcess&) = delete;

  //! Stops the process (SIGTERM) and waits for it.
  void stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
      pid_ = -1;
    }
  }

  [[nodiscard]] int port() const { return port_; }

 private:
  pid_t pid_{-1};
  int port_{0};
};

//! Runs a shell command; returns its stdout.
inline std::string command_output(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return {};
  }
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) {
    out.append(buffer, n);
  }
  pclose(pipe);
  return out;
}

//! A file's bytes.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

//! The files in `dir` whose names end in `suffix`, sorted (the receivers number them in arrival order).
inline std::vector<std::filesystem::path> files_ending(const std::filesystem::path& dir, const std::string& suffix) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

//! A loopback port nothing listens on (bound, then closed), so a connection to it is refused.
inline int closed_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  socklen_t size = sizeof address;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  close(fd);
  return ntohs(address.sin_port);
}

//! The SMTP sink storing into `dir`, with extra arguments (--user, --tls-cert, ...).
class SmtpSink {
 public:
  explicit SmtpSink(const std::vector<std::string>& extra = {}) : process_(arguments(dir_.path().string(), extra)) {}

  [[nodiscard]] int port() const { return process_.port(); }
  [[nodiscard]] std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port()); }
  [[nodiscard]] std::vector<std::filesystem::path> messages() const { return files_ending(dir_.path(), ".eml"); }
  //! A stored message decoded by Python's email package (headers, parts, longest line, defects).
  [[nodiscard]] static nlohmann::json parse(const std::filesystem::path& message) {
    return nlohmann::json::parse(
        command_output(kSystemPython + " " + kSupportDir + "/smtp_sink.py --parse " + message.string()), nullptr,
        false);
  }
  //! The envelope the sink received with a stored message (mail_from, rcpt_tos, login).
  [[nodiscard]] static nlohmann::json envelope(const std::filesystem::path& message) {
    std::filesystem::path json = message;
    json.replace_extension(".json");
    return nlohmann::json::parse(read_file(json), nullptr, false);
  }

 private:
  static std::vector<std::string> arguments(const std::string& dir, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {kSystemPython, kSupportDir + "/smtp_sink.py", "--dir", dir};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  TempDir dir_{"covalue-smtp-"};
  ReceiverProcess process_;
};

//! One request the webhook receiver recorded.
struct RecordedRequest {
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::filesystem::path body_file;

  //! A header's value by name (case-insensitive); empty when absent.
  [[nodiscard]] std::string header(const std::string& name) const {
    for (const auto& [key, value] : headers) {
      if (key.size() == name.size() && std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
          })) {
        return value;
      }
    }
    return {};
  }
};

//! The webhook receiver recording into its own directory.
class WebhookReceiver {
 public:
  WebhookReceiver() : process_({kSystemPython, kSupportDir + "/webhook_receiver.py", "--dir", dir_.path().string()}) {}

  [[nodiscard]] std::string url(const std::string& path = "/hook") const {
    return "http://127.0.0.1:" + std::to_string(process_.port()) + path;
  }
  [[nodiscard]] std::vector<RecordedRequest> requests() const {
    std::vector<RecordedRequest> out;
    for (const auto& file : files_ending(dir_.path(), ".json")) {
      const nlohmann::json record = nlohmann::json::parse(read_file(file));
      RecordedRequest request{record["path"], {}, {}, file};
      for (const auto& pair : record["headers"]) {
        request.headers.emplace_back(pair[0], pair[1]);
      }
      request.body_file.replace_extension(".body");
      request.body = read_file(request.body_file);
      out.push_back(request);
    }
    return out;
  }

 private:
  TempDir dir_{"covalue-webhook-"};
  ReceiverProcess process_;
};

}  // namespace covalue::testing
