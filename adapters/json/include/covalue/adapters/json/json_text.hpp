#pragma once

// JSON text read strictly, the same way for every reader of JSON from outside (request bodies, network
// archives): malformed text names its byte offset with a short excerpt, and a key given twice in one
// object (which nlohmann-json would silently resolve to the last) is refused with its path.

#include <nlohmann/json.hpp>
#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::adapters::json {

//! `text` as JSON. kInvalidInput naming `root` ("body", "$") for malformed text or a number out of
//! range, and naming the key's path from `root` ("body.impacts[1].estimate") for a key given twice in
//! one object, at any depth.
[[nodiscard]] core::Result<nlohmann::json> parse_json_text(std::string_view text, const char* root);

}  // namespace covalue::adapters::json
