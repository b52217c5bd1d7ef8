#include "api.hpp"

#include <cstdio>
#include <exception>

#include "error_mapping.hpp"
#include "static_files.hpp"

namespace covalue::server {

namespace {

core::network::DecisionTools decision_tools(core::ilp::BinarySolver* solver) {
  core::network::DecisionTools tools;
  tools.solver = solver;
  tools.solver_options.time_limit_seconds = 20;
  tools.solver_options.threads = 1;
  tools.shapley.threads = 1;
  return tools;
}

std::string allow_header(const std::vector<Method>& methods) {
  std::string out;
  for (const Method method : methods) {
    std::string name = method_name(method);
    for (char& ch : name) {
      ch = static_cast<char>(ch - 'a' + 'A');
    }
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

//! The request body as JSON: an empty body is an empty object; malformed JSON is kInvalidInput.
core::Result<nlohmann::json> parse_body(const std::string& body) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return nlohmann::json::object();
  }
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    return core::make_error(core::ErrorKind::kInvalidInput, "malformed JSON", "body");
  }
  return parsed;
}

ApiResponse to_response(const Route& route, Reply reply) {
  ApiResponse response;
  response.status = reply.status == 200 ? route.success : reply.status;
  response.body = reply.text ? std::move(reply.text) : std::make_shared<const std::string>(reply.body.dump());
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

}  // namespace

Api::Api(program::Store& store, std::filesystem::path web_dir) : store_(store), web_dir_(std::move(web_dir)) {}

ApiResponse Api::handle(const ApiRequest& request) {
  try {
    if (request.path == "/api" || request.path.rfind("/api/", 0) == 0) {
      return handle_api(request);
    }
    return serve_static(web_dir_, request);
  } catch (const std::exception& e) {
    return error_response(core::make_error(core::ErrorKind::kInternal, e.what(), request.path));
  } catch (...) {
    return error_response(core::make_error(core::ErrorKind::kInternal, "unknown exception", request.path));
  }
}

ApiResponse Api::handle_api(const ApiRequest& request) {
  const RouteMatch match = match_route(request.method, request.path);
  if (match.route == nullptr) {
    if (match.allowed.empty()) {
      return error_response(404, "not_found", "no route " + request.path);
    }
    ApiResponse response = error_response(405, "method_not_allowed", "this path takes " + allow_header(match.allowed));
    response.headers.emplace_back("Allow", allow_header(match.allowed));
    return response;
  }
  return run_route(*match.route, match, request);
}

ApiResponse Api::run_route(const Route& route, const RouteMatch& match, const ApiRequest& request) {
  // Reads are cached per store version; a write needs none (-1: never cached).
  std::int64_t version = -1;
  program::Actor actor{program::Role::kObserver, std::nullopt, "anonymous"};
  if (route.method == Method::kGet) {
    core::Result<std::int64_t> current = store_.version();
    if (!current) {
      return error_response(current.error());
    }
    version = *current;
  }
  if (route.access != Access::kPublic) {
    core::Result<program::Actor> caller = authenticate(request.authorization);
    if (!caller) {
      return error_response(caller.error());
    }
    actor = std::move(*caller);
  }
  nlohmann::json body;
  if (!route.request_schema.empty()) {
    core::Result<nlohmann::json> parsed = parse_body(request.body);
    if (!parsed) {
      return error_response(parsed.error());
    }
    body = std::move(*parsed);
  }
  const std::map<std::string, std::string> query = parse_query(request.query);
  program::Program program(store_, decision_tools(&solver_), actor);
  RouteCall call{program, cache_, version, match.params, query, body};
  core::Result<Reply> reply = route.handler(call);
  if (!reply) {
    return error_response(reply.error());
  }
  return to_response(route, std::move(*reply));
}

core::Result<program::Actor> Api::authenticate(const std::string& authorization) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size() || authorization.compare(0, kScheme.size(), kScheme) != 0) {
    return core::make_error(core::ErrorKind::kUnauthenticated, "send Authorization: Bearer <token>", "Authorization");
  }
  const std::string secret = authorization.substr(kScheme.size());
  const std::string hash = program::hash_token_secret(secret);
  if (std::optional<program::Actor> cached = cache_.actor(hash)) {
    return *cached;
  }
  core::Result<program::Actor> actor = program::Program::authenticate(store_, secret);
  if (!actor) {
    return actor.error();
  }
  cache_.put_actor(hash, *actor);
  return actor;
}

}  // namespace covalue::server
