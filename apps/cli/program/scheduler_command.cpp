// `covalue scheduler run-once`: one pass of the deadline scheduler (and the digests) over every network of the
// database (or the one --network names), for deployments that run it from cron instead of `covalue serve`'s own.
#include <fmt/core.h>

#include <memory>

#include "command_handlers.hpp"
#include "program/program_session.hpp"
#include "setting_flags.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;
using program::ReportCell;

//! One step of the pass, with the network it was taken in.
struct ScheduledStep {
  program::NetworkInfo network;
  program::DeadlineStep step;
};

//! What the step did, in words.
std::string action_of(const program::DeadlineStep& step) {
  if (step.moved) {
    return step.state == net::CycleState::kVoting ? "moved to voting" : "closed";
  }
  return "due: the coordinator moves it (charter: deadline_action remind)";
}

const std::vector<program::ReportColumn<ScheduledStep>>& step_columns() {
  static const std::vector<program::ReportColumn<ScheduledStep>> columns = {
      {"network", "Network", [](const ScheduledStep& s) { return ReportCell::of_text(s.network.name); }},
      {"cycle", "Cycle", [](const ScheduledStep& s) { return ReportCell::of_integer(s.step.cycle); }},
      {"deadline", "Deadline", [](const ScheduledStep& s) { return ReportCell::of_text(s.step.deadline); }},
      {"at", "At (UTC)", [](const ScheduledStep& s) { return ReportCell::of_text(s.step.at); }},
      {"action", "Action", [](const ScheduledStep& s) { return ReportCell::of_text(action_of(s.step)); }},
      {"state", "State now", [](const ScheduledStep& s) { return ReportCell::of_text(net::name_of(s.step.state)); }},
  };
  return columns;
}

//! The flags of `scheduler run-once`.
struct RunOnceArgs {
  ProgramFlags flags;
  program::DigestSettings digest;
};

//! Runs the pass on `network`, adding its steps to `steps` and the digests it recorded to `digests`.
core::Status run_on(const RunOnceArgs& args, const program::NetworkInfo& network, std::vector<ScheduledStep>& steps,
                    std::int64_t& digests) {
  const ProgramFlags& flags = args.flags;
  core::Result<std::unique_ptr<ProgramSession>> session =
      ProgramSession::open(flags.db, {.name_or_id = std::to_string(network.id)}, program::Actor::scheduler());
  if (!session) {
    return session.error();
  }
  core::Result<std::vector<program::DeadlineStep>> taken = (*session)->program().run_deadlines();
  if (!taken) {
    core::Error error = taken.error();
    error.message = "network '" + network.name + "': " + error.message;
    return error;
  }
  for (program::DeadlineStep& step : *taken) {
    steps.push_back({network, std::move(step)});
  }
  core::Result<std::int64_t> recorded = (*session)->program().record_digests(args.digest);
  if (!recorded) {
    core::Error error = recorded.error();
    error.message = "network '" + network.name + "': " + error.message;
    return error;
  }
  digests += *recorded;
  return {};
}

core::Result<Output> run_once(const RunOnceArgs& args) {
  const ProgramFlags& flags = args.flags;
  return with_session(flags, [&](ProgramSession& session) -> core::Result<Output> {
    core::Result<std::vector<program::NetworkInfo>> networks = session.store().networks();
    if (!networks) {
      return networks.error();
    }
    if (!flags.network.empty()) {
      std::erase_if(*networks, [&](const program::NetworkInfo& n) { return n.id != session.store().network(); });
    }
    std::vector<ScheduledStep> steps;
    std::int64_t digests = 0;
    for (const program::NetworkInfo& network : *networks) {
      if (core::Status ran = run_on(args, network, steps, digests); !ran) {
        return ran.error();
      }
    }
    program::Report report{"scheduler",
                           {{"networks", ReportCell::of_integer(static_cast<std::int64_t>(networks->size()))},
                            {"steps", ReportCell::of_integer(static_cast<std::int64_t>(steps.size()))},
                            {"digests", ReportCell::of_integer(digests)}},
                           {program::table_of("steps", "Deadlines passed", step_columns(), steps)}};
    return flags.report(std::move(report));
  });
}

}  // namespace

Handler add_scheduler_run_once(CLI::App& command) {
  auto args = std::make_shared<RunOnceArgs>();
  args->flags.whole_database = true;
  args->flags.add_output(command);
  add_setting(command, "digest.hour", args->digest.hour);
  return [args] { return run_once(*args); };
}

}  // namespace covalue::cli
