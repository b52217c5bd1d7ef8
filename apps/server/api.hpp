#pragma once

#include <filesystem>
#include <string>

#include "api_types.hpp"
#include "auth_throttle.hpp"
#include "covalue/adapters/cbc/cbc_solver.hpp"
#include "covalue/program/decision_tools.hpp"
#include "covalue/program/program.hpp"
#include "covalue/program/store.hpp"
#include "network_stores.hpp"
#include "read_cache.hpp"
#include "route_table.hpp"
#include "simulation_jobs.hpp"

namespace covalue::server {

//! How browser sessions work on this server (the settings table's session.* rows and server.cookie_secure).
struct SessionOptions {
  program::SignInSettings settings;
  bool cookie_secure{core::settings::boolean_default("server.cookie_secure")};  //!< clients come over https
};

//! The HTTP API and the web UI behind one entry point, independent of the HTTP library: matches the
//! route, authenticates the bearer token, parses the body, runs the handler with a Program for the
//! caller on the network its token belongs to (every network of the database is served, each on its own
//! store; an administrator's token reaches only the admin routes) and maps errors to statuses. Keeps
//! nothing but its stores, their read caches and the failed authentications
//! per client address (logged to stderr; kAuthFailureLimit of them within kAuthFailureWindow, and the
//! address gets 429 on protected routes until the window passes). Thread safe.
class Api {
 public:
  //! Failed authentications from one address that throttle it, and the window they are counted in.
  static constexpr std::size_t kAuthFailureLimit = 10;
  static constexpr std::chrono::seconds kAuthFailureWindow{60};

  //! Serves the networks of `store`'s database (requests without a token read `store` itself), and the web
  //! UI from `web_dir`; cycles close under `decision` (the settings table's defaults unless a config file or
  //! flag changed them).
  //! Browser sessions (a person signed in with e-mail and password) last as `sessions` says.
  //! What-if simulations run on `simulations.workers` threads of their own.
  Api(program::Store& store, std::filesystem::path web_dir, program::DecisionSettings decision = {},
      SessionOptions sessions = {}, SimulationOptions simulations = {});

  //! Answers one request; never throws (a fault becomes a logged 500). HEAD is answered as GET (the
  //! transport leaves the body out).
  [[nodiscard]] ApiResponse handle(const ApiRequest& request);

  //! A step of the deadline scheduler, with the network it was taken in.
  struct ScheduledStep {
    std::int64_t network{0};
    program::DeadlineStep step;
  };
  //! One pass of the deadline scheduler over every network of the database (program::Program::run_deadlines,
  //! as the actor "scheduler", on the stores requests use). A network whose pass fails is logged to stderr
  //! and the others still run.
  [[nodiscard]] std::vector<ScheduledStep> run_deadlines();
  //! One pass of the delivery worker over every network (program::Program::deliver_due as the actor
  //! "delivery"): e-mail through `mailer`, webhooks through `poster` (null: that channel waits). A network whose
  //! pass fails is logged to stderr and the others still run. Returns the sum of the passes.
  [[nodiscard]] program::DeliveryPass deliver_due(program::Mailer* mailer, program::WebhookPoster* poster,
                                                  const program::DeliverySettings& settings);
  //! One pass of the digests over every network (program::Program::record_digests as the actor "scheduler"): a
  //! network whose pass fails is logged to stderr and the others still run. Returns how many were recorded.
  [[nodiscard]] std::int64_t record_digests(const program::DigestSettings& settings);

 private:
  [[nodiscard]] ApiResponse handle_api(const ApiRequest& request);
  [[nodiscard]] ApiResponse run_route(const Route& route, const RouteMatch& match, const ApiRequest& request);
  //! Who calls, and the network the request runs on.
  struct Caller {
    program::Actor actor;
    NetworkStores::Served network;
  };
  //! The caller of a request on the network it runs on: anonymous on the home store for a public route, else
  //! authenticate()'s, refused (kForbidden) when its token does not reach the route.
  [[nodiscard]] core::Result<Caller> caller_of(const Route& route, const ApiRequest& request);
  //! The caller of a request to a protected route, on its token's network; kUnauthenticated when the token
  //! is missing or unknown. A failure with a token is logged and counted against the client's address.
  [[nodiscard]] core::Result<Caller> authenticate(const Route& route, const ApiRequest& request);
  //! The caller a browser session's cookie stands for; a change (not GET) must come with the server's own
  //! Origin (kForbidden otherwise).
  [[nodiscard]] core::Result<Caller> authenticate_cookie(const Route& route, const ApiRequest& request,
                                                         const std::string& secret);
  //! Logs a failed authentication (UTC time, client address, route, reason; never the token) and counts
  //! it; logs once more when it starts throttling the address.
  void record_auth_failure(const Route& route, const ApiRequest& request, const std::string& reason);

  NetworkStores networks_;
  adapters::cbc::CbcSolver solver_;
  AuthThrottle throttle_{kAuthFailureLimit, kAuthFailureWindow};
  std::filesystem::path web_dir_;
  program::DecisionSettings decision_;
  SessionOptions sessions_;
  program::SystemClock clock_;
  SimulationJobs simulations_;  // last: its workers stop (and are joined) before the rest goes
};

}  // namespace covalue::server
