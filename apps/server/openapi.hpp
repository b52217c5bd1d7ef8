#pragma once

#include <nlohmann/json.hpp>

namespace covalue::server {

//! The components schemas of every request and response body, by name.
[[nodiscard]] const nlohmann::json& api_schemas();

//! The OpenAPI 3.1 document of the API, generated from the route table and api_schemas().
[[nodiscard]] const nlohmann::json& openapi_document();

}  // namespace covalue::server
