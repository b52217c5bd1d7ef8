// libFuzzer target of the HTTP API (Api::handle: routing, authentication, bodies, use cases, JSON
// answers) against the seeded network of http_network.hpp, one request per input, each on a fresh
// private copy of one of its worlds. An input is
//   <caller byte><world byte>[<Authorization header line, caller H only>\n]<METHOD> <path>[?<query>]\n<body>
// with the caller byte one of "-CABOGRH" (none, coordinator, representatives of partners 1 and 2,
// observer, unknown token, revoked token, raw header; any other byte picks byte % 8) and the world
// byte one of "PVX" (cycle 2 proposing, voting, closed; any other byte picks byte % 3).
// Oracles: no 5xx; every status documented for the operation in the OpenAPI document; errors in the
// {"error":{"kind","message","field"}} shape with a kind that fits the status; answers of the declared
// JSON type; 401 for every protected route without a valid token; no success beyond the caller's role;
// a read or a refused request leaves the database byte for byte as it was; no file outside the web
// folder is served; each request takes under kMaxSeconds of CPU time. Aborts on any breach.
#include <time.h>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/core/text.hpp"
#include "http_network.hpp"
#include "server/api.hpp"
#include "server/openapi.hpp"
#include "server/route_table.hpp"

namespace {

namespace server = covalue::server;
using covalue::fuzz::Caller;
using covalue::fuzz::kCallerLetters;
using covalue::fuzz::SeededNetwork;
using nlohmann::json;

//! The most CPU time one request may take (sanitizers included; the network-fair close is the slowest).
constexpr double kMaxSeconds = 5.0;

using Input = covalue::fuzz::HttpInput;

[[noreturn]] void fail(const char* what, const Input& input, const server::ApiResponse& answer) {
  std::fprintf(stderr, "http_fuzzer: %s\nrequest: %s %s?%s (caller %c, world %c)\nanswer %u: %s\n", what,
               covalue::core::name_of(input.request.method), input.request.path.c_str(), input.request.query.c_str(),
               kCallerLetters[static_cast<std::size_t>(input.caller)],
               covalue::fuzz::kWorldLetters[static_cast<std::size_t>(input.world)], answer.status,
               answer.body ? answer.body->substr(0, 2000).c_str() : "(no body)");
  std::abort();
}

//! True when the request carries the token of a caller the seeded network knows (and has not revoked).
bool authenticated(const Input& input, const SeededNetwork& network) {
  for (const Caller caller : {Caller::kCoordinator, Caller::kRepA, Caller::kRepB, Caller::kObserver}) {
    if (input.request.authorization == network.authorization(caller)) {
      return true;
    }
  }
  return false;
}

//! The kinds an error of `status` may name.
bool kind_fits(unsigned status, const std::string& kind) {
  switch (status) {
    case 400:
      return kind == "invalid_input" || kind == "usage";
    case 401:
      return kind == "unauthenticated";
    case 403:
      return kind == "forbidden";
    case 404:
      return kind == "not_found";
    case 405:
      return kind == "method_not_allowed";
    case 409:
      return kind == "conflict";
    case 413:
      return kind == "payload_too_large";
    case 422:
      return kind == "infeasible" || kind == "tie_refused" || kind == "time_limit";
    default:
      return false;
  }
}

void check_error_body(const Input& input, const server::ApiResponse& answer) {
  const json body = json::parse(answer.body ? *answer.body : std::string(), nullptr, false);
  if (!body.is_object() || body.size() != 1 || !body.contains("error") || !body["error"].is_object()) {
    fail("an error answer is not {\"error\": {...}}", input, answer);
  }
  const json& error = body["error"];
  if (error.size() != 3 || !error.contains("kind") || !error["kind"].is_string() || !error.contains("message") ||
      !error["message"].is_string() || !error.contains("field") ||
      !(error["field"].is_string() || error["field"].is_null())) {
    fail("an error is not {kind, message, field}", input, answer);
  }
  if (error["message"].get<std::string>().empty() || !kind_fits(answer.status, error["kind"].get<std::string>())) {
    fail("an error's kind does not fit its status, or its message is empty", input, answer);
  }
}

//! The JSON type the document declares for a route's success body ("object" for an allOf).
std::string declared_type(const server::Route& route) {
  const json& schema = server::openapi_document().at("components").at("schemas").at(std::string(route.response_schema));
  return schema.contains("type") ? schema["type"].get<std::string>() : std::string("object");
}

//! A path parameter's leading integer, if it has one.
std::optional<std::int64_t> number(const std::map<std::string, std::string>& params, const char* name) {
  const auto it = params.find(name);
  std::int64_t value = 0;
  if (it == params.end() ||
      std::from_chars(it->second.data(), it->second.data() + it->second.size(), value).ec != std::errc()) {
    return std::nullopt;
  }
  return value;
}

//! The proposers of the seeded initiatives 1..7 (index 0 unused).
constexpr std::array<std::int64_t, 8> kProposers = {0, 1, 2, 3, 1, 2, 1, 1};

//! For a representative's success on a representative-or-coordinator route: every partner the request
//! names (the body's proposer or partner, the proposer of the initiative in the path) is its own. A
//! route that names the partner in its path (volunteering to lead another's initiative) needs only
//! that partner to be its own.
bool within_own_partner(const Input& input, const server::RouteMatch& match, std::int64_t own) {
  if (match.params.count("partner") != 0) {
    return number(match.params, "partner") == own;
  }
  const json body = json::parse(input.request.body, nullptr, false);
  for (const char* key : {"proposer", "partner"}) {
    if (body.is_object() && body.contains(key) && body[key].is_number_integer() &&
        body[key].get<std::int64_t>() != own) {
      return false;
    }
  }
  const std::optional<std::int64_t> initiative = number(match.params, "initiative");
  return !initiative || *initiative < 1 || *initiative > 7 ||
         kProposers.at(static_cast<std::size_t>(*initiative)) == own;
}

//! No success beyond the caller's role, and 401 without a valid token.
void check_access(const Input& input, const server::RouteMatch& match, const server::ApiResponse& answer,
                  const SeededNetwork& network) {
  const server::Route& route = *match.route;
  const bool success = answer.status < 300;
  if (route.access != server::Access::kPublic && route.access != server::Access::kCredentials &&
      !authenticated(input, network) && answer.status != 401) {
    fail("a protected route answered without a valid token", input, answer);
  }
  if (!success) {
    return;
  }
  const Caller caller = input.caller;
  const bool representative = caller == Caller::kRepA || caller == Caller::kRepB;
  const bool allowed = [&] {
    switch (route.access) {
      case server::Access::kAdmin:
        return false;  // the seeded network's tokens are never an administrator's
      case server::Access::kCoordinator:
        return caller == Caller::kCoordinator;
      case server::Access::kRepresentative:
        return representative && number(match.params, "partner") == (caller == Caller::kRepA ? 1 : 2);
      case server::Access::kPartnerOrCoordinator:
        return caller == Caller::kCoordinator ||
               (representative && within_own_partner(input, match, caller == Caller::kRepA ? 1 : 2));
      default:
        return route.method == server::Method::kGet || caller != Caller::kObserver;
    }
  }();
  if (!allowed) {
    fail("a request succeeded beyond the caller's role", input, answer);
  }
}

void check_api_answer(const Input& input, const server::ApiResponse& answer, const SeededNetwork& network) {
  const server::RouteMatch match = server::match_route(input.request.method, input.request.path);
  if (match.route == nullptr) {
    if (answer.status != (match.allowed.empty() ? 404U : 405U)) {
      fail("a path without a route answered other than 404/405", input, answer);
    }
    return;
  }
  const json& responses = server::openapi_document()
                              .at("paths")
                              .at(std::string(match.route->pattern))
                              .at(covalue::core::name_of(match.route->method))
                              .at("responses");
  if (!responses.contains(std::to_string(answer.status))) {
    fail("a status the OpenAPI document does not list for this operation", input, answer);
  }
  check_access(input, match, answer, network);
  if (answer.status < 300) {
    const json body = json::parse(answer.body ? *answer.body : std::string(), nullptr, false);
    const std::string type = declared_type(*match.route);
    if (body.is_discarded() || (type == "array" && !body.is_array()) || (type == "object" && !body.is_object())) {
      fail("a success body is not the declared JSON type", input, answer);
    }
  }
}

void check_answer(const Input& input, const server::ApiResponse& answer, const SeededNetwork& network) {
  if (answer.status >= 500 || answer.status < 200) {
    fail("a server fault (5xx) or a nonsense status", input, answer);
  }
  const std::string& path = input.request.path;
  if (path == "/api" || path.rfind("/api/", 0) == 0) {
    check_api_answer(input, answer, network);
  } else {
    if (answer.status != 200 && answer.status != 304 && answer.status != 404 && answer.status != 405) {
      fail("a static file answered other than 200/304/404/405", input, answer);
    }
    if (answer.body && answer.body->find(network.secret_marker()) != std::string::npos) {
      fail("a file outside the web folder was served", input, answer);
    }
  }
  if (answer.status >= 400) {
    check_error_body(input, answer);
  }
}

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

//! The store of each world, reused while requests leave it as it was (its change count stands still)
//! and reopened from the world's image after any request that changed it.
std::unique_ptr<covalue::program::Store>& store_of(covalue::fuzz::World world) {
  static std::array<std::unique_ptr<covalue::program::Store>, 3> stores;
  return stores.at(static_cast<std::size_t>(world));
}

std::int64_t changes(covalue::program::Store& store) {
  return covalue::adapters::sqlite::sqlite_total_changes(store).value();
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const SeededNetwork& network = SeededNetwork::get();
  const std::optional<Input> input =
      covalue::fuzz::parse_http_input(std::string_view(reinterpret_cast<const char*>(data), size), network);
  if (!input) {
    return 0;
  }
  std::unique_ptr<covalue::program::Store>& store = store_of(input->world);
  if (!store) {
    store = network.open(input->world);
  }
  const std::int64_t before = changes(*store);
  server::Api api(*store, network.web_dir());  // a fresh read cache: every request reaches its handler
  const double start = cpu_seconds();
  const server::ApiResponse answer = api.handle(input->request);
  if (cpu_seconds() - start > kMaxSeconds) {
    fail("a request took too long", *input, answer);
  }
  // HEAD is answered as GET (Api::handle; the HTTP layer drops the body), so it is judged as GET.
  Input judged = *input;
  if (judged.request.method == server::Method::kHead) {
    judged.request.method = server::Method::kGet;
  }
  check_answer(judged, answer, network);
  if (changes(*store) != before) {
    if (judged.request.method == server::Method::kGet || answer.status >= 300) {
      auto image = covalue::adapters::sqlite::sqlite_image(*store);
      if (!image.ok() || *image != network.image(input->world)) {
        fail("a read or a refused request changed the database", *input, answer);
      }
    }
    store.reset();
  }
  return 0;
}
