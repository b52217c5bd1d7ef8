#pragma once

// What the handlers share: cached reads, JSON replies, body decoding.

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "route_table.hpp"

namespace covalue::server {

//! Computes a JSON answer (a query's result, encoded), or takes it from the cache (key, actor's view,
//! version).
[[nodiscard]] core::Result<Reply> cached_json(RouteCall& call, const std::string& key,
                                              const std::function<core::Result<nlohmann::json>()>& compute);

//! Encodes a query's result with `encode`, or passes its error on with the field named as the path
//! parameter it came from ("cycle" becomes "path.cycle").
template <typename T, typename Encode>
[[nodiscard]] core::Result<nlohmann::json> encoded(core::Result<T> result, Encode encode, const char* param = "") {
  if (!result) {
    core::Error error = result.error();
    if (*param != '\0' && error.where == param) {
      error.where = std::string("path.") + param;
    }
    return error;
  }
  return encode(*result);
}

//! A reply with a JSON body.
[[nodiscard]] Reply json_reply(nlohmann::json body, unsigned status = 200);

//! Decodes the request body with `decode(node, "body")`.
template <typename Decode>
[[nodiscard]] auto decode_body(const RouteCall& call, Decode decode) {
  return decode(call.body, std::string("body"));
}

//! kInvalidInput with `message`, naming `where` as the request names it ("body.size", "path.id").
[[nodiscard]] core::Error invalid(std::string message, std::string where);

//! kInvalidInput unless the body is an object of `known` members only.
[[nodiscard]] core::Status expect_object(const nlohmann::json& body, const std::vector<std::string>& known);

//! A text, or null when it is empty.
[[nodiscard]] nlohmann::json text_or_null(const std::string& text);

//! A value, or null when there is none.
template <typename T>
[[nodiscard]] nlohmann::json or_null(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

//! An array of `items`, each encoded by `encode`.
template <typename T, typename Encode>
[[nodiscard]] nlohmann::json json_list(const std::vector<T>& items, Encode encode) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& item : items) {
    out.push_back(encode(item));
  }
  return out;
}

}  // namespace covalue::server
