#include "cookies.hpp"

#include "covalue/core/text.hpp"

namespace covalue::server {

std::optional<std::string> session_cookie(std::string_view cookie_header) {
  while (!cookie_header.empty()) {
    const std::size_t end = cookie_header.find(';');
    std::string_view pair = cookie_header.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') {
      pair.remove_prefix(1);
    }
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == kSessionCookie) {
      return std::string(pair.substr(eq + 1));
    }
    cookie_header = end == std::string_view::npos ? std::string_view() : cookie_header.substr(end + 1);
  }
  return std::nullopt;
}

std::string set_session_cookie(const std::string& secret, std::int64_t max_age_seconds, bool secure) {
  return std::string(kSessionCookie) + "=" + secret + "; Max-Age=" + std::to_string(max_age_seconds) +
         "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::string clear_session_cookie(bool secure) {
  return std::string(kSessionCookie) + "=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::string own_origin(const ApiRequest& request, bool secure) {
  return (secure ? "https://" : "http://") + request.host;
}

core::Status check_origin(const ApiRequest& request, bool secure, bool required) {
  if (request.origin.empty() && !required) {
    return {};
  }
  const std::string own = own_origin(request, secure);
  if (!request.host.empty() && request.origin == own) {
    return {};
  }
  const std::string sent =
      request.origin.empty() ? "no Origin header" : "Origin " + core::quote_excerpt(request.origin);
  return core::make_error(core::ErrorKind::kForbidden,
                          "a change signed in by cookie must come from this server's own pages (" + own +
                              "); the request "
                              "sent " +
                              sent,
                          "Origin");
}

}  // namespace covalue::server
