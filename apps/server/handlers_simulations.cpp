// What if (issue 16 item 5): a coordinator compares the current charter with a changed one on simulated futures of
// the network; the simulations run as background jobs (simulation_jobs.hpp), never on the threads serving requests.
#include "covalue/adapters/json/program_json.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/settings.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "simulation_jobs.hpp"

namespace covalue::server {
namespace {

using nlohmann::json;
namespace codec = adapters::json;
namespace net = core::network;

//! The body's integer member `key` within [low, high], or `fallback` when absent.
core::Result<std::int64_t> bounded(const json& body, const char* key, std::int64_t low, std::int64_t high,
                                   std::int64_t fallback) {
  const std::string where = std::string("body.") + key;
  if (!body.contains(key)) {
    return fallback;
  }
  const json& node = body[key];
  if (!node.is_number_integer()) {
    return invalid("expected an integer from " + std::to_string(low) + " to " + std::to_string(high), where);
  }
  const auto value = node.is_number_unsigned() && node.get<std::uint64_t>() > static_cast<std::uint64_t>(high)
                         ? high + 1
                         : node.get<std::int64_t>();
  if (value < low || value > high) {
    return invalid(
        "expected an integer from " + std::to_string(low) + " to " + std::to_string(high) + ", got " + node.dump(),
        where);
  }
  return value;
}

//! The size and seed of a what-if from the body: {"networks", "cycles", "seed"} (each optional).
core::Status read_size(const json& body, simulation::WhatIf& what_if) {
  core::Result<std::int64_t> networks =
      bounded(body, "networks", kMinSimulatedNetworks, kMaxSimulatedNetworks, kDefaultSimulatedNetworks);
  if (!networks) {
    return networks.error();
  }
  core::Result<std::int64_t> cycles = bounded(body, "cycles", 1, kMaxSimulatedCycles, kDefaultSimulatedCycles);
  if (!cycles) {
    return cycles.error();
  }
  core::Result<std::int64_t> seed =
      bounded(body, "seed", 0, std::int64_t{1} << 53, core::settings::integer_default("simulate.seed"));
  if (!seed) {
    return seed.error();
  }
  what_if.networks = *networks;
  what_if.cycles = *cycles;
  what_if.seed = *seed;
  return {};
}

//! 429 with a clear message when the runner's queue is full.
Reply queue_full(const SimulationJobs& jobs) {
  Reply reply;
  reply.status = 429;
  reply.body = {
      {"error",
       {{"kind", "too_many_requests"},
        {"message", "the server is already running or queueing as many what-if simulations as it may (" +
                        std::to_string(jobs.queue_limit()) + " waiting); try again when one finishes, or cancel one"},
        {"field", nullptr}}}};
  reply.headers.emplace_back("Retry-After", "30");
  return reply;
}

core::Result<SimulationJobs*> runner(RouteCall& call) {
  if (call.simulations == nullptr) {
    return core::make_error(core::ErrorKind::kInternal, "no simulation runner");
  }
  return call.simulations;
}

}  // namespace

core::Result<Reply> handle_simulation_start(RouteCall& call) {
  core::Result<SimulationJobs*> jobs = runner(call);
  core::Result<std::int64_t> network = call.program.what_if_network();  // coordinators, before the body is read
  if (!jobs || !network) {
    return !jobs ? jobs.error() : network.error();
  }
  if (!call.body.is_object()) {
    return invalid("expected an object", "body");
  }
  if (core::Status known = codec::reject_unknown_members(call.body, "body", {"charter", "networks", "cycles", "seed"});
      !known) {
    return known.error();
  }
  simulation::WhatIf what_if;
  if (core::Status size = read_size(call.body, what_if); !size) {
    return size.error();
  }
  core::Result<net::Charter> current = call.program.queries().network();
  if (!current) {
    return current.error();
  }
  core::Result<net::Charter> changed = call.body.contains("charter")
                                           ? codec::charter_from_json(call.body["charter"], "body.charter", *current)
                                           : core::Result<net::Charter>(*current);
  if (!changed) {
    return changed.error();
  }
  core::Result<program::WhatIfStart> start = call.program.what_if_start(*changed);
  if (!start) {
    core::Error error = start.error();
    error.where = error.where.starts_with("charter") ? "body." + error.where : error.where;
    return error;
  }
  core::Result<simulation::RealNetwork> real = simulation::real_network_of(start->snapshot);
  if (!real) {
    return invalid(real.error().message, "network");
  }
  what_if.changed.name = "changed";
  what_if.changed.charter = *changed;
  what_if.changed.capacity_scale = core::to_double(core::Rational(changed->capacity / real->charter.capacity));
  what_if.real = std::move(*real);
  std::optional<json> job = (*jobs)->submit(start->network, std::move(what_if), codec::charter_to_json(*current),
                                            codec::charter_to_json(*changed));
  if (!job) {
    return queue_full(**jobs);
  }
  return json_reply(std::move(*job));
}

core::Result<Reply> handle_simulation_list(RouteCall& call) {
  core::Result<SimulationJobs*> jobs = runner(call);
  core::Result<std::int64_t> network = call.program.what_if_network();
  if (!jobs || !network) {
    return !jobs ? jobs.error() : network.error();
  }
  return json_reply((*jobs)->list(*network));
}

core::Result<Reply> handle_simulation_show(RouteCall& call) {
  core::Result<SimulationJobs*> jobs = runner(call);
  core::Result<std::int64_t> network = call.program.what_if_network();
  if (!jobs || !network) {
    return !jobs ? jobs.error() : network.error();
  }
  core::Result<std::int64_t> id = call.id("simulation");
  if (!id) {
    return id.error();
  }
  std::optional<json> job = (*jobs)->view(*network, *id);
  if (!job) {
    return core::make_error(core::ErrorKind::kNotFound,
                            "no simulation " + std::to_string(*id) +
                                " (simulations are kept in memory: a restart "
                                "of the server forgets them)",
                            "path.simulation");
  }
  return json_reply(std::move(*job));
}

core::Result<Reply> handle_simulation_cancel(RouteCall& call) {
  core::Result<SimulationJobs*> jobs = runner(call);
  core::Result<std::int64_t> network = call.program.what_if_network();
  if (!jobs || !network) {
    return !jobs ? jobs.error() : network.error();
  }
  core::Result<std::int64_t> id = call.id("simulation");
  if (!id) {
    return id.error();
  }
  std::optional<json> job = (*jobs)->cancel(*network, *id);
  if (!job) {
    return core::make_error(core::ErrorKind::kNotFound, "no simulation " + std::to_string(*id), "path.simulation");
  }
  return json_reply(std::move(*job));
}

}  // namespace covalue::server
