#pragma once

#include <filesystem>
#include <string>

#include "api_types.hpp"
#include "covalue/adapters/cbc/cbc_solver.hpp"
#include "covalue/program/store.hpp"
#include "read_cache.hpp"
#include "route_table.hpp"

namespace covalue::server {

//! The HTTP API and the web UI behind one entry point, independent of the HTTP library: matches the
//! route, authenticates the bearer token, parses the body, runs the handler with a Program for the
//! caller and maps errors to statuses. Stateless apart from its read cache. Thread safe.
class Api {
 public:
  //! Serves `store`, and the web UI from `web_dir`.
  Api(program::Store& store, std::filesystem::path web_dir);

  //! Answers one request; never throws (a fault becomes a logged 500).
  [[nodiscard]] ApiResponse handle(const ApiRequest& request);

 private:
  [[nodiscard]] ApiResponse handle_api(const ApiRequest& request);
  [[nodiscard]] ApiResponse run_route(const Route& route, const RouteMatch& match, const ApiRequest& request);
  //! The caller of a request to a protected route; kUnauthenticated when the token is missing or unknown.
  [[nodiscard]] core::Result<program::Actor> authenticate(const std::string& authorization);

  program::Store& store_;
  adapters::cbc::CbcSolver solver_;
  ReadCache cache_;
  std::filesystem::path web_dir_;
};

}  // namespace covalue::server
