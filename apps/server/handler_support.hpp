#pragma once

// What the handlers share: cached snapshot reads, JSON replies, body decoding.

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "route_table.hpp"

namespace covalue::server {

//! The snapshot the call's actor may see, from the cache while the store's version is unchanged.
[[nodiscard]] core::Result<std::shared_ptr<const program::Snapshot>> view_snapshot(RouteCall& call);

//! Computes a JSON answer from the snapshot, or takes it from the cache (key, actor's view, version).
[[nodiscard]] core::Result<Reply> cached_json(
    RouteCall& call, const std::string& key,
    const std::function<core::Result<nlohmann::json>(const program::Snapshot&)>& compute);

//! A reply with a JSON body.
[[nodiscard]] Reply json_reply(nlohmann::json body, unsigned status = 200);

//! Decodes the request body with `decode(node, "body")`.
template <typename Decode>
[[nodiscard]] auto decode_body(const RouteCall& call, Decode decode) {
  return decode(call.body, std::string("body"));
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
