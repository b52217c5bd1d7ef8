// `covalue report network|partner|fairness|engagement|cycle|kpi`: each the program's report query.
#include <memory>

#include "command_handlers.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

struct ReportArgs {
  ProgramFlags flags;
  std::string subject;  // partner reference or cycle number
};

}  // namespace

Handler add_report_network(CLI::App& command) { return add_report_leaf(command, &program::Queries::network_report); }

Handler add_report_partner(CLI::App& command) {
  auto args = std::make_shared<ReportArgs>();
  args->flags.add_output(command);
  command.add_option("PARTNER", args->subject, "one partner's history (id or name)");
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      program::Queries queries = session.program().queries();
      std::optional<core::network::PartnerId> partner;
      if (!args->subject.empty()) {
        core::Result<core::network::PartnerId> id = resolve_partner(queries, args->subject, "PARTNER");
        if (!id) {
          return id.error();
        }
        partner = *id;
      }
      return args->flags.report_of(queries.partner_report(partner));
    });
  };
}

Handler add_report_fairness(CLI::App& command) { return add_report_leaf(command, &program::Queries::fairness_report); }

Handler add_report_engagement(CLI::App& command) {
  return add_report_leaf(command, &program::Queries::engagement_report);
}

Handler add_report_cycle(CLI::App& command) {
  auto args = std::make_shared<ReportArgs>();
  args->flags.add_output(command);
  command.add_option("CYCLE", args->subject, "cycle number (default: the newest)");
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      std::optional<core::network::CycleNumber> number;
      if (!args->subject.empty()) {
        core::Result<std::int64_t> id = parse_id(args->subject, "CYCLE");
        if (!id) {
          return id.error();
        }
        number = *id;
      }
      return args->flags.report_of(session.program().queries().cycle_report(number));
    });
  };
}

Handler add_report_kpi(CLI::App& command) { return add_report_leaf(command, &program::Queries::kpi_report); }

}  // namespace covalue::cli
