#include "api.hpp"

#include <cstdio>
#include <ctime>
#include <exception>

#include "cookies.hpp"
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
  for (auto& header : reply.headers) {
    response.headers.push_back(std::move(header));
  }
  return response;
}

//! kForbidden when the caller's token does not reach the route: an administrator's token reaches the admin
//! routes (and the session) only, a network's token every route but the admin ones.
core::Status reaches_route(const Route& route, const program::Actor& actor) {
  if (route.access == Access::kSignedIn || route.access == Access::kCredentials ||
      (route.access == Access::kAdmin) == actor.administers()) {
    return {};
  }
  const std::string message = actor.administers()
                                  ? "an administrator's token reaches no network's data: it lists and creates "
                                    "networks (GET and POST /api/networks)"
                                  : "only an administrator of the deployment can do this; this token is a " +
                                        std::string(program::name_of(actor.role)) + " of a network";
  return core::make_error(core::ErrorKind::kForbidden, message, "role");
}

}  // namespace

Api::Api(program::Store& store, std::filesystem::path web_dir, program::DecisionSettings decision,
         SessionOptions sessions, SimulationOptions simulations)
    : networks_(store),
      web_dir_(std::move(web_dir)),
      decision_(decision),
      sessions_(sessions),
      simulations_(simulations) {}

std::vector<Api::ScheduledStep> Api::run_deadlines() {
  std::vector<ScheduledStep> steps;
  core::Result<std::vector<program::NetworkInfo>> networks = networks_.home().store.networks();
  if (!networks) {
    std::fprintf(stderr, "covalue serve: scheduler: %s\n", networks.error().to_string().c_str());
    return steps;
  }
  const program::Actor scheduler = program::Actor::scheduler();
  for (const program::NetworkInfo& network : *networks) {
    core::Result<std::vector<program::DeadlineStep>> taken = [&]() -> core::Result<std::vector<program::DeadlineStep>> {
      core::Result<NetworkStores::Served> served = networks_.of(network.id);
      if (!served) {
        return served.error();
      }
      program::Program program(served->store, program::make_decision_tools(&solver_, decision_), scheduler);
      return program.run_deadlines();
    }();
    if (!taken) {
      std::fprintf(stderr, "covalue serve: scheduler: network %lld: %s\n", static_cast<long long>(network.id),
                   taken.error().to_string().c_str());
      continue;
    }
    for (program::DeadlineStep& step : *taken) {
      steps.push_back({network.id, std::move(step)});
    }
  }
  return steps;
}

std::int64_t Api::record_digests(const program::DigestSettings& settings) {
  std::int64_t total = 0;
  core::Result<std::vector<program::NetworkInfo>> networks = networks_.home().store.networks();
  if (!networks) {
    std::fprintf(stderr, "covalue serve: digests: %s\n", networks.error().to_string().c_str());
    return total;
  }
  for (const program::NetworkInfo& network : *networks) {
    core::Result<std::int64_t> recorded = [&]() -> core::Result<std::int64_t> {
      core::Result<NetworkStores::Served> served = networks_.of(network.id);
      if (!served) {
        return served.error();
      }
      program::Program program(served->store, program::make_decision_tools(&solver_, decision_),
                               program::Actor::scheduler());
      return program.record_digests(settings);
    }();
    if (!recorded) {
      std::fprintf(stderr, "covalue serve: digests: network %lld: %s\n", static_cast<long long>(network.id),
                   recorded.error().to_string().c_str());
      continue;
    }
    total += *recorded;
  }
  return total;
}

program::DeliveryPass Api::deliver_due(program::Mailer* mailer, program::WebhookPoster* poster,
                                       const program::DeliverySettings& settings) {
  program::DeliveryPass total;
  core::Result<std::vector<program::NetworkInfo>> networks = networks_.home().store.networks();
  if (!networks) {
    std::fprintf(stderr, "covalue serve: delivery: %s\n", networks.error().to_string().c_str());
    return total;
  }
  program::Actor worker;
  worker.role = program::Role::kOperator;
  worker.name = "delivery";
  for (const program::NetworkInfo& network : *networks) {
    core::Result<program::DeliveryPass> pass = [&]() -> core::Result<program::DeliveryPass> {
      core::Result<NetworkStores::Served> served = networks_.of(network.id);
      if (!served) {
        return served.error();
      }
      program::Program program(served->store, program::make_decision_tools(&solver_, decision_), worker);
      return program.deliver_due(mailer, poster, settings);
    }();
    if (!pass) {
      std::fprintf(stderr, "covalue serve: delivery: network %lld: %s\n", static_cast<long long>(network.id),
                   pass.error().to_string().c_str());
      continue;
    }
    total.claimed += pass->claimed;
    total.delivered += pass->delivered;
    total.retried += pass->retried;
    total.dead += pass->dead;
  }
  return total;
}

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
  core::Result<Caller> caller = caller_of(route, request);
  if (!caller) {
    ApiResponse refused = error_response(caller.error());
    if (caller.error().kind == core::ErrorKind::kUnauthenticated && request.authorization.empty() &&
        session_cookie(request.cookie)) {
      refused.headers.emplace_back("Set-Cookie", clear_session_cookie(sessions_.cookie_secure));
    }
    return refused;
  }
  // Reads are cached per store version; a write needs none (-1: never cached).
  std::int64_t version = -1;
  if (route.method == Method::kGet) {
    core::Result<std::int64_t> current = caller->network.store.version();
    if (!current) {
      return error_response(current.error());
    }
    version = *current;
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
  program::Program program(caller->network.store, program::make_decision_tools(&solver_, decision_), caller->actor);
  const SignInContext sign_in{request, sessions_.settings, sessions_.cookie_secure, clock_};
  RouteCall call{program,  caller->network.cache, version, match.params, query, body, &networks_,
                 &sign_in, &simulations_};
  core::Result<Reply> reply = route.handler(call);
  if (!reply) {
    if (route.access == Access::kCredentials && reply.error().kind == core::ErrorKind::kUnauthenticated) {
      record_auth_failure(route, request, reply.error().message);
    }
    return error_response(reply.error());
  }
  return to_response(route, std::move(*reply));
}

core::Result<Api::Caller> Api::caller_of(const Route& route, const ApiRequest& request) {
  if (route.access == Access::kPublic || route.access == Access::kCredentials) {
    core::Result<Caller> anonymous(Caller{program::Actor{}, networks_.home()});
    anonymous->actor =
        program::Actor{program::Role::kObserver, std::nullopt, "anonymous", std::nullopt, std::nullopt, false};
    return anonymous;
  }
  core::Result<Caller> caller = authenticate(route, request);
  if (!caller) {
    return caller.error();
  }
  if (core::Status reaches = reaches_route(route, caller->actor); !reaches) {
    return reaches.error();
  }
  return caller;
}

core::Result<Api::Caller> Api::authenticate(const Route& route, const ApiRequest& request) {
  constexpr std::string_view kScheme = "Bearer ";
  const std::string& authorization = request.authorization;
  if (authorization.empty()) {
    if (std::optional<std::string> cookie = session_cookie(request.cookie); cookie && !cookie->empty()) {
      return authenticate_cookie(route, request, *cookie);
    }
  }
  if (authorization.size() <= kScheme.size() || authorization.compare(0, kScheme.size(), kScheme) != 0) {
    if (!authorization.empty()) {
      record_auth_failure(route, request, "not a Bearer token");
    }
    return core::make_error(core::ErrorKind::kUnauthenticated, "send Authorization: Bearer <token>", "Authorization");
  }
  const std::string secret = authorization.substr(kScheme.size());
  const std::string hash = program::hash_token_secret(secret);
  core::Result<std::optional<std::int64_t>> network = networks_.network_of(hash);
  if (!network) {
    return network.error();
  }
  core::Result<NetworkStores::Served> served =
      network->has_value() ? networks_.of(**network) : core::Result<NetworkStores::Served>(networks_.home());
  if (!served) {
    return served.error();
  }
  if (std::optional<program::Actor> cached = served->cache.actor(hash)) {
    return Caller{std::move(*cached), *served};
  }
  core::Result<program::Actor> actor = program::Program::authenticate(served->store, secret);
  if (!actor) {
    if (actor.error().kind == core::ErrorKind::kUnauthenticated) {
      record_auth_failure(route, request, actor.error().message);
    }
    return actor.error();
  }
  served->cache.put_actor(hash, *actor);
  return Caller{std::move(*actor), *served};
}

core::Result<Api::Caller> Api::authenticate_cookie(const Route& route, const ApiRequest& request,
                                                   const std::string& secret) {
  // A cookie that is over is not counted as a failure: its browser simply signed in long ago, and a session's
  // 256-bit secret cannot be guessed.
  if (route.method != Method::kGet) {
    if (core::Status origin = check_origin(request, sessions_.cookie_secure, true); !origin) {
      return origin.error();
    }
  }
  const std::string hash = program::hash_token_secret(secret);
  const auto over = [] {
    return core::make_error(core::ErrorKind::kUnauthenticated,
                            "the session is over (signed out, revoked or expired): sign in again", "cookie");
  };
  core::Result<std::optional<std::int64_t>> network = networks_.session_network_of(hash);
  if (!network) {
    return network.error();
  }
  if (!network->has_value()) {
    return over();
  }
  core::Result<NetworkStores::Served> served = networks_.of(**network);
  if (!served) {
    return served.error();
  }
  if (std::optional<program::Actor> cached = served->cache.actor(hash)) {
    return Caller{std::move(*cached), *served};
  }
  core::Result<program::Actor> actor =
      program::Program::authenticate_session(served->store, secret, sessions_.settings, clock_);
  if (!actor) {
    return actor.error();
  }
  served->cache.put_actor(hash, *actor);
  return Caller{std::move(*actor), *served};
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
