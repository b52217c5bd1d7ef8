#include "request_json.hpp"

#include "covalue/adapters/json/json_text.hpp"

namespace covalue::server {

core::Result<nlohmann::json> parse_request_json(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return nlohmann::json::object();
  }
  return adapters::json::parse_json_text(body, "body");
}

}  // namespace covalue::server
