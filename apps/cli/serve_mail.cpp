#include "serve_mail.hpp"

#include <algorithm>
#include <fstream>
#include <string>

#include "covalue/adapters/delivery/smtp_mailer.hpp"

namespace covalue::cli {

namespace {

using core::ErrorKind;
using core::make_error;

//! The first line of the password file, without its line end.
core::Result<std::string> read_password(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) {
    return make_error(ErrorKind::kInvalidInput, "cannot read the SMTP password from '" + path + "'",
                      "--smtp-password-file");
  }
  if (!line.empty() && line.back() == '\r') {
    line.pop_back();
  }
  if (line.empty()) {
    return make_error(ErrorKind::kInvalidInput, "the first line of '" + path + "' is empty", "--smtp-password-file");
  }
  return line;
}

}  // namespace

core::Result<std::string> public_url_of(std::string public_url, const std::string& listen) {
  if (public_url.empty()) {
    const std::size_t colon = listen.rfind(':');
    const std::string host = colon == std::string::npos ? std::string() : listen.substr(0, colon);
    const std::string port = colon == std::string::npos ? std::string() : listen.substr(colon + 1);
    if (host.empty() || host == "0.0.0.0" || host == "[::]" || port.empty() || port == "0") {
      return std::string();
    }
    public_url = "http://" + listen;
  }
  while (public_url.ends_with("/")) {
    public_url.pop_back();
  }
  const bool web = public_url.starts_with("http://") || public_url.starts_with("https://");
  const bool clean = std::none_of(public_url.begin(), public_url.end(), [](unsigned char ch) {
    return ch <= ' ' || ch == 0x7f || ch == '"' || ch == '<' || ch == '>' || ch == '?' || ch == '#';
  });
  if (!web || !clean || public_url.size() > 1000 || public_url.find("://") + 3 >= public_url.size()) {
    return make_error(ErrorKind::kInvalidInput,
                      "expected the http:// or https:// address people open covalue at, without a query, got '" +
                          public_url.substr(0, 60) + "'",
                      "--public-url");
  }
  return public_url;
}

core::Result<std::unique_ptr<program::Mailer>> open_mailer(const MailArgs& args) {
  if (args.smtp.empty()) {
    if (!args.from.empty() || !args.user.empty() || !args.password_file.empty()) {
      return make_error(ErrorKind::kUsage, "e-mail settings without an SMTP server", "--smtp");
    }
    return std::unique_ptr<program::Mailer>();
  }
  if (args.from.empty()) {
    return make_error(ErrorKind::kUsage, "the sender address of e-mail is needed with --smtp", "--mail-from");
  }
  if (args.user.empty() != args.password_file.empty()) {
    return make_error(ErrorKind::kUsage, "--smtp-user and --smtp-password-file go together",
                      args.user.empty() ? "--smtp-user" : "--smtp-password-file");
  }
  adapters::delivery::SmtpConfig config;
  config.url = args.smtp;
  config.from = args.from;
  config.user = args.user;
  config.require_tls = args.require_tls;
  if (!args.password_file.empty()) {
    core::Result<std::string> password = read_password(args.password_file);
    if (!password) {
      return password.error();
    }
    config.password = std::move(password).value();
  }
  core::Result<std::unique_ptr<program::Mailer>> mailer = adapters::delivery::make_smtp_mailer(config);
  if (!mailer) {
    core::Error error = mailer.error();
    error.where = "--" + error.where;
    return error;
  }
  return mailer;
}

}  // namespace covalue::cli
