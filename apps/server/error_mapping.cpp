#include "error_mapping.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/text.hpp"

namespace covalue::server {

unsigned http_status_for(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kInvalidInput:
    case core::ErrorKind::kUsage:
      return 400;
    case core::ErrorKind::kUnauthenticated:
      return 401;
    case core::ErrorKind::kForbidden:
      return 403;
    case core::ErrorKind::kNotFound:
      return 404;
    case core::ErrorKind::kConflict:
      return 409;
    case core::ErrorKind::kInfeasible:
    case core::ErrorKind::kTieRefused:
    case core::ErrorKind::kTimeLimit:
      return 422;
    case core::ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

ApiResponse error_response(unsigned status, const char* kind, const std::string& message, const std::string& field) {
  ApiResponse response;
  response.status = status;
  const nlohmann::json body = {
      {"error",
       {{"kind", kind}, {"message", message}, {"field", field.empty() ? nlohmann::json() : nlohmann::json(field)}}}};
  // Messages quote input through core::quote_excerpt; replacing any malformed byte that slipped
  // through keeps an error answer from ever failing to be written.
  response.set_body(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  response.headers.emplace_back("Cache-Control", "no-store");
  if (status == 401) {
    response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"covalue\"");
  }
  return response;
}

ApiResponse error_response(const core::Error& error) {
  const unsigned status = http_status_for(error.kind);
  if (error.kind == core::ErrorKind::kInternal) {
    std::fprintf(stderr, "covalue serve: internal error: %s\n", core::terminal_safe(error.to_string()).c_str());
    return error_response(status, core::name_of(error.kind), "internal error (logged on the server)");
  }
  return error_response(status, core::name_of(error.kind), error.message, error.where);
}

}  // namespace covalue::server
