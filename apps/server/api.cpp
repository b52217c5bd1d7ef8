#include "api.hpp"

#include <cstdio>
#include <ctime>
#include <exception>

#include "covalue/core/text.hpp"
#include "error_mapping.hpp"
#include "request_json.hpp"
#include "static_files.hpp"

namespace covalue::server {

namespace {

//! "GET", "POST", ...
std::string upper_name(Method method) {
  std::string name = core::name_of(method);
  for (char& ch : name) {
    ch = static_cast<char>(ch - 'a' + 'A');
  }
  return name;
}

//! The Allow header: the methods of the path, HEAD wherever GET is.
std::string allow_header(const std::vector<Method>& methods) {
  std::string out;
  for (const Method method : methods) {
    out += (out.empty() ? "" : ", ") + upper_name(method);
    if (method == Method::kGet) {
      out += ", HEAD";
    }
  }
  return out;
}

//! The current time in UTC, as logs write it ("2025-06-01T12:00:00Z").
std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  const std::size_t size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return {text, size};
}

//! 429 for an address that failed to authenticate too often.
ApiResponse too_many_failures(std::chrono::seconds wait) {
  ApiResponse response = error_response(
      429, "too_many_requests",
      "too many failed authentications from this address; retry in " + std::to_string(wait.count()) + " s",
      "Authorization");
  response.headers.emplace_back("Retry-After", std::to_string(wait.count()));
  return response;
}

ApiResponse to_response(const Route& route, Reply reply) {
  ApiResponse response;
  response.status = reply.status == 200 ? route.success : reply.status;
  response.body = reply.text ? std::move(reply.text) : std::make_shared<const std::string>(reply.body.dump());
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

Api::Api(program::Store& store, std::filesystem::path web_dir, program::DecisionSettings decision)
    : store_(store), web_dir_(std::move(web_dir)), decision_(decision) {}

ApiResponse Api::handle(const ApiRequest& request) {
  if (request.method == Method::kHead) {
    ApiRequest get = request;
    get.method = Method::kGet;
    return handle(get);
  }
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
      return error_response(404, "not_found", "no route " + core::quote_excerpt(request.path));
    }
    ApiResponse response = error_response(405, "method_not_allowed", "this path takes " + allow_header(match.allowed));
    response.headers.emplace_back("Allow", allow_header(match.allowed));
    return response;
  }
  return run_route(*match.route, match, request);
}

ApiResponse Api::run_route(const Route& route, const RouteMatch& match, const ApiRequest& request) {
  if (route.access != Access::kPublic) {  // a throttled address is refused before its token is looked up
    const std::chrono::seconds wait = throttle_.retry_after(request.client, AuthThrottle::Clock::now());
    if (wait.count() > 0) {
      return too_many_failures(wait);
    }
  }
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
    core::Result<program::Actor> caller = authenticate(route, request);
    if (!caller) {
      return error_response(caller.error());
    }
    actor = std::move(*caller);
  }
  nlohmann::json body;
  if (!route.request_schema.empty()) {
    core::Result<nlohmann::json> parsed = parse_request_json(request.body);
    if (!parsed) {
      return error_response(parsed.error());
    }
    body = std::move(*parsed);
  }
  const std::map<std::string, std::string> query = parse_query(request.query);
  program::Program program(store_, program::make_decision_tools(&solver_, decision_), actor);
  RouteCall call{program, cache_, version, match.params, query, body};
  core::Result<Reply> reply = route.handler(call);
  if (!reply) {
    return error_response(reply.error());
  }
  return to_response(route, std::move(*reply));
}

core::Result<program::Actor> Api::authenticate(const Route& route, const ApiRequest& request) {
  constexpr std::string_view kScheme = "Bearer ";
  const std::string& authorization = request.authorization;
  if (authorization.size() <= kScheme.size() || authorization.compare(0, kScheme.size(), kScheme) != 0) {
    if (!authorization.empty()) {
      record_auth_failure(route, request, "not a Bearer token");
    }
    return core::make_error(core::ErrorKind::kUnauthenticated, "send Authorization: Bearer <token>", "Authorization");
  }
  const std::string secret = authorization.substr(kScheme.size());
  const std::string hash = program::hash_token_secret(secret);
  if (std::optional<program::Actor> cached = cache_.actor(hash)) {
    return *cached;
  }
  core::Result<program::Actor> actor = program::Program::authenticate(store_, secret);
  if (!actor) {
    if (actor.error().kind == core::ErrorKind::kUnauthenticated) {
      record_auth_failure(route, request, actor.error().message);
    }
    return actor.error();
  }
  cache_.put_actor(hash, *actor);
  return actor;
}

void Api::record_auth_failure(const Route& route, const ApiRequest& request, const std::string& reason) {
  const bool throttles = throttle_.record_failure(request.client, AuthThrottle::Clock::now());
  const std::string time = utc_now();
  const std::string method = upper_name(request.method);
  std::fprintf(stderr, "%s covalue serve: authentication failed: client %s, %s %.*s: %s\n", time.c_str(),
               request.client.c_str(), method.c_str(), static_cast<int>(route.pattern.size()), route.pattern.data(),
               reason.c_str());
  if (throttles) {
    std::fprintf(stderr,
                 "%s covalue serve: authentication throttled: client %s failed %zu times within %lld s; its "
                 "requests that need a token get 429 until the window passes\n",
                 time.c_str(), request.client.c_str(), throttle_.limit(),
                 static_cast<long long>(throttle_.window().count()));
  }
}

}  // namespace covalue::server
