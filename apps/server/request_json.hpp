#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::server {

//! A request body as JSON: an empty (or blank) body is an empty object. kInvalidInput naming "body" for
//! malformed JSON (its byte offset and a short excerpt from there), and naming the key's path
//! ("body.impacts[1].estimate") for a key given twice in one object, at any depth.
[[nodiscard]] core::Result<nlohmann::json> parse_request_json(std::string_view body);

}  // namespace covalue::server
