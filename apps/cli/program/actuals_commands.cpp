// `covalue actuals record|kpi`: the ledger of what was really achieved.
#include <fmt/core.h>

#include <memory>

#include "program/change_output.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;

struct ActualArgs {
  ProgramFlags flags;
  std::int64_t cycle{0};
  std::string initiative;
  std::string partner;
  std::string actual;
  std::string target;
  std::string forecast;
};

core::Result<net::RealisedValue> to_value(const ActualArgs& args, const program::Snapshot& snapshot) {
  net::RealisedValue value;
  value.cycle = args.cycle;
  auto initiative = parse_id(args.initiative, "--initiative");
  if (!initiative) {
    return initiative.error();
  }
  value.initiative = *initiative;
  auto partner = resolve_partner(snapshot, args.partner, "--partner");
  if (!partner) {
    return partner.error();
  }
  value.partner = *partner;
  auto actual = parse_number(args.actual, "--actual");
  if (!actual) {
    return actual.error();
  }
  value.actual = *actual;
  if (!args.target.empty()) {
    auto target = parse_number(args.target, "--target");
    if (!target) {
      return target.error();
    }
    value.target = *target;
  }
  if (!args.forecast.empty()) {
    auto forecast = parse_number(args.forecast, "--forecast");
    if (!forecast) {
      return forecast.error();
    }
    value.forecast = *forecast;
  }
  return value;
}

int record(const ActualArgs& args) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    auto snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    auto value = to_value(args, *snapshot);
    if (!value) {
      return report_error(value.error());
    }
    if (core::Status status = session.program().record_realised_value(*value); !status) {
      return report_error(status.error());
    }
    return print_change({"realised_value",
                         fmt::format("recorded: initiative {} realised {} for {} in cycle {}\n", value->initiative,
                                     core::to_decimal_string(value->actual), args.partner, value->cycle),
                         {{"initiative", program::ReportCell::of_integer(value->initiative)},
                          {"partner", program::ReportCell::of_integer(value->partner)},
                          {"cycle", program::ReportCell::of_integer(value->cycle)},
                          {"actual", program::ReportCell::of_number(value->actual)}}},
                        args.flags);
  });
}

struct KpiArgs {
  ProgramFlags flags;
  std::int64_t cycle{0};
  std::int64_t objective{0};
  std::string value;
};

int record_kpi(const KpiArgs& args) {
  auto value = parse_number(args.value, "--value");
  if (!value) {
    return report_error(value.error());
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    if (core::Status status = session.program().record_kpi({args.cycle, args.objective, *value}); !status) {
      return report_error(status.error());
    }
    return print_change(
        {"kpi_measurement",
         fmt::format("recorded: objective {} at {} after cycle {}\n", args.objective, args.value, args.cycle),
         {{"objective", program::ReportCell::of_integer(args.objective)},
          {"cycle", program::ReportCell::of_integer(args.cycle)},
          {"value", program::ReportCell::of_number(*value)}}},
        args.flags);
  });
}

}  // namespace

void add_actuals_commands(CLI::App& command, Action& run) {
  auto* actuals = &command;
  auto args = std::make_shared<ActualArgs>();
  auto* cmd = actuals->add_subcommand("record", "Record an initiative's realised value for one partner");
  args->flags.add_change_output(*cmd);
  cmd->add_option("--cycle", args->cycle, "the cycle that selected it")->required();
  cmd->add_option("--initiative", args->initiative, "initiative id")->required();
  cmd->add_option("--partner", args->partner, "partner (id or name)")->required();
  cmd->add_option("--actual", args->actual, "the value realised")->required();
  cmd->add_option("--target", args->target, "the value the partner aimed for");
  cmd->add_option("--forecast", args->forecast, "the latest forecast before delivery");
  cmd->callback([&run, args] { run = [args] { return record(*args); }; });
  auto kpi_args = std::make_shared<KpiArgs>();
  auto* kpi = actuals->add_subcommand("kpi", "Record an objective's KPI value at the end of a cycle");
  kpi_args->flags.add_change_output(*kpi);
  kpi->add_option("--cycle", kpi_args->cycle, "a closed cycle")->required();
  kpi->add_option("--objective", kpi_args->objective, "objective id")->required();
  kpi->add_option("--value", kpi_args->value, "the measured KPI value")->required();
  kpi->callback([&run, kpi_args] { run = [kpi_args] { return record_kpi(*kpi_args); }; });
}

}  // namespace covalue::cli
