#pragma once

#include "api_types.hpp"
#include "covalue/core/error.hpp"

namespace covalue::server {

//! The one place an ErrorKind becomes an HTTP status: 400 for malformed or inconsistent input, 401,
//! 403, 404, 409 for state conflicts, 422 for decisions that cannot be made (infeasible, a refused tie,
//! a time limit), 500 for our own faults.
[[nodiscard]] unsigned http_status_for(core::ErrorKind kind);

//! The response for an error: {"error": {"kind", "message", "field"}}. A kInternal error is logged to
//! stderr with its details and answered with a generic message.
[[nodiscard]] ApiResponse error_response(const core::Error& error);

//! An error response with an explicit status (404 for an unknown route, 405, 413).
[[nodiscard]] ApiResponse error_response(unsigned status, const char* kind, const std::string& message,
                                         const std::string& field = {});

}  // namespace covalue::server
