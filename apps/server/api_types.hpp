#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "covalue/core/enum_names.hpp"

namespace covalue::server {

//! The HTTP methods the API answers (HEAD is answered as GET, without the body).
enum class Method { kGet, kPost, kPut, kPatch, kDelete, kHead, kOther };

//! Lower case, as OpenAPI writes them ("get", "post", ...).
constexpr auto enum_names(Method /*tag*/) {
  using enum Method;
  return core::NameTable{"HTTP method", std::to_array<core::EnumName<Method>>({{kGet, "get"},
                                                                               {kPost, "post"},
                                                                               {kPut, "put"},
                                                                               {kPatch, "patch"},
                                                                               {kDelete, "delete"},
                                                                               {kHead, "head"},
                                                                               {kOther, "other"}})};
}

//! One HTTP request as the dispatcher sees it (independent of the HTTP library).
struct ApiRequest {
  Method method{Method::kGet};
  std::string path;           //!< the path as sent (percent-encoding kept), without the query ("/api/cycles/3")
  std::string query;          //!< the raw query string, without '?'
  std::string client;         //!< the client's address ("127.0.0.1"), for throttling and logs
  std::string authorization;  //!< the Authorization header, as sent
  std::string if_none_match;  //!< the If-None-Match header, as sent
  std::string cookie;         //!< the Cookie header, as sent (the browser session's cookie)
  std::string origin;         //!< the Origin header, as sent (checked on a signed-in change)
  std::string host;           //!< the Host header, as sent (the server's own origin, with the scheme)
  std::string body;
};

//! One HTTP response: status, content type, body and extra headers.
struct ApiResponse {
  unsigned status{200};
  std::string content_type{"application/json"};
  std::shared_ptr<const std::string> body;                   //!< shared so cached bodies are not copied
  std::vector<std::pair<std::string, std::string>> headers;  //!< ETag, Allow, Cache-Control, ...

  //! Sets the body to a copy of `text`.
  void set_body(std::string text) { body = std::make_shared<const std::string>(std::move(text)); }
};

}  // namespace covalue::server
