// `covalue actuals record|kpi`: the ledger of what was really achieved.
#include <fmt/core.h>

#include <memory>
#include <utility>

#include "command_handlers.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;
using program::ReportCell;

struct ActualArgs {
  ProgramFlags flags;
  std::int64_t cycle{0};
  std::string initiative;
  std::string partner;
  std::string actual;
  std::string target;
  std::string forecast;
};

//! An exact number from a flag that may be left out (empty: none); the error names the flag.
core::Result<std::optional<core::Rational>> parse_optional_number(const std::string& text, const std::string& flag) {
  if (text.empty()) {
    return std::optional<core::Rational>();
  }
  core::Result<core::Rational> value = parse_number(text, flag);
  if (!value) {
    return value.error();
  }
  return std::optional<core::Rational>(*value);
}

core::Result<net::RealisedValue> to_value(const ActualArgs& args, program::Queries queries) {
  net::RealisedValue value;
  value.cycle = args.cycle;
  core::Result<std::int64_t> initiative = parse_id(args.initiative, "--initiative");
  if (!initiative) {
    return initiative.error();
  }
  value.initiative = *initiative;
  core::Result<net::PartnerId> partner = resolve_partner(std::move(queries), args.partner, "--partner");
  if (!partner) {
    return partner.error();
  }
  value.partner = *partner;
  core::Result<core::Rational> actual = parse_number(args.actual, "--actual");
  if (!actual) {
    return actual.error();
  }
  value.actual = *actual;
  core::Result<std::optional<core::Rational>> target = parse_optional_number(args.target, "--target");
  if (!target) {
    return target.error();
  }
  value.target = *target;
  core::Result<std::optional<core::Rational>> forecast = parse_optional_number(args.forecast, "--forecast");
  if (!forecast) {
    return forecast.error();
  }
  value.forecast = *forecast;
  return value;
}

struct KpiArgs {
  ProgramFlags flags;
  std::int64_t cycle{0};
  std::int64_t objective{0};
  std::string value;
};

}  // namespace

Handler add_actuals_record(CLI::App& command) {
  auto args = std::make_shared<ActualArgs>();
  args->flags.add_change_output(command);
  command.add_option("--cycle", args->cycle, "the cycle that selected it")->required();
  command.add_option("--initiative", args->initiative, "initiative id")->required();
  command.add_option("--partner", args->partner, "partner (id or name)")->required();
  command.add_option("--actual", args->actual, "the value realised")->required();
  command.add_option("--target", args->target, "the value the partner aimed for");
  command.add_option("--forecast", args->forecast, "the latest forecast before delivery");
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::RealisedValue> value = to_value(*args, session.program().queries());
      if (!value) {
        return value.error();
      }
      if (core::Status status = session.program().record_realised_value(*value); !status) {
        return status.error();
      }
      return args->flags.change(
          {"realised_value",
           fmt::format("recorded: initiative {} realised {} for {} in cycle {}\n", value->initiative,
                       core::to_decimal_string(value->actual), args->partner, value->cycle),
           {{"initiative", ReportCell::of_integer(value->initiative)},
            {"partner", ReportCell::of_integer(value->partner)},
            {"cycle", ReportCell::of_integer(value->cycle)},
            {"actual", ReportCell::of_number(value->actual)}}});
    });
  };
}

Handler add_actuals_kpi(CLI::App& command) {
  auto args = std::make_shared<KpiArgs>();
  args->flags.add_change_output(command);
  command.add_option("--cycle", args->cycle, "a closed cycle")->required();
  command.add_option("--objective", args->objective, "objective id")->required();
  command.add_option("--value", args->value, "the measured KPI value")->required();
  return [args]() -> core::Result<Output> {
    core::Result<core::Rational> value = parse_number(args->value, "--value");
    if (!value) {
      return value.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      if (core::Status status = session.program().record_kpi({args->cycle, args->objective, *value}); !status) {
        return status.error();
      }
      return args->flags.change(
          {"kpi_measurement",
           fmt::format("recorded: objective {} at {} after cycle {}\n", args->objective, args->value, args->cycle),
           {{"objective", ReportCell::of_integer(args->objective)},
            {"cycle", ReportCell::of_integer(args->cycle)},
            {"value", ReportCell::of_number(*value)}}});
    });
  };
}

}  // namespace covalue::cli
