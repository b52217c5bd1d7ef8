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

//! A report about the subject named on the command line ("": every partner, the newest cycle).
using SubjectReport = core::Result<program::Report> (*)(program::Queries queries, const std::string& subject);

//! Adds --db, --format, --table and the optional positional `name` (the subject) to `command`, a leaf
//! that shows what `read` returns for it.
Handler add_subject_report(CLI::App& command, const std::string& name, const std::string& help, SubjectReport read) {
  auto args = std::make_shared<ReportArgs>();
  args->flags.add_output(command);
  command.add_option(name, args->subject, help);
  return [args, read] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      return args->flags.report_of(read(session.program().queries(), args->subject));
    });
  };
}

core::Result<program::Report> report_of_partner(program::Queries queries, const std::string& subject) {
  core::Result<std::optional<core::network::PartnerId>> partner = resolve_optional_partner(queries, subject, "PARTNER");
  if (!partner) {
    return partner.error();
  }
  return queries.partner_report(*partner);
}

core::Result<program::Report> report_of_cycle(program::Queries queries, const std::string& subject) {
  std::optional<core::network::CycleNumber> number;
  if (!subject.empty()) {
    core::Result<std::int64_t> id = parse_id(subject, "CYCLE");
    if (!id) {
      return id.error();
    }
    number = *id;
  }
  return queries.cycle_report(number);
}

}  // namespace

Handler add_report_network(CLI::App& command) { return add_report_leaf(command, &program::Queries::network_report); }

Handler add_report_partner(CLI::App& command) {
  return add_subject_report(command, "PARTNER", "one partner's history (id or name)", report_of_partner);
}

Handler add_report_fairness(CLI::App& command) { return add_report_leaf(command, &program::Queries::fairness_report); }

Handler add_report_engagement(CLI::App& command) {
  return add_report_leaf(command, &program::Queries::engagement_report);
}

Handler add_report_cycle(CLI::App& command) {
  return add_subject_report(command, "CYCLE", "cycle number (default: the newest)", report_of_cycle);
}

Handler add_report_kpi(CLI::App& command) { return add_report_leaf(command, &program::Queries::kpi_report); }

}  // namespace covalue::cli
