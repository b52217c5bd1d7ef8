// `covalue report network|partner|fairness|engagement|cycle|kpi`.
#include <memory>

#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

struct ReportArgs {
  ProgramFlags flags;
  std::string subject;  // partner reference or cycle number
};

int run_report(const ReportArgs& args, const std::string& kind) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    auto snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    core::Result<program::Report> report = core::make_error(core::ErrorKind::kUsage, "unknown report " + kind);
    if (kind == "network") {
      report = program::network_report(*snapshot);
    } else if (kind == "partner") {
      std::optional<core::network::PartnerId> partner;
      if (!args.subject.empty()) {
        auto id = resolve_partner(*snapshot, args.subject, "PARTNER");
        if (!id) {
          return report_error(id.error());
        }
        partner = *id;
      }
      report = program::partner_report(*snapshot, partner);
    } else if (kind == "fairness") {
      report = program::fairness_report(*snapshot);
    } else if (kind == "engagement") {
      report = program::engagement_report(*snapshot);
    } else if (kind == "kpi") {
      report = program::kpi_report(*snapshot);
    } else if (kind == "cycle") {
      const core::network::Cycle* current = snapshot->current_cycle();
      std::int64_t number = current == nullptr ? 0 : current->number;
      if (!args.subject.empty()) {
        auto id = parse_id(args.subject, "CYCLE");
        if (!id) {
          return report_error(id.error());
        }
        number = *id;
      }
      report = program::cycle_report(*snapshot, number);
    }
    if (!report) {
      return report_error(report.error());
    }
    return print_report(*report, args.flags);
  });
}

}  // namespace

void add_report_commands(CLI::App& command, Action& run) {
  auto* report = &command;
  const std::vector<std::pair<std::string, std::string>> kinds = {
      {"network", "Network value per cycle: estimated, realised, cumulative"},
      {"partner", "Per partner: cumulative net value, dry spells, shares of de-optimisation and leadership"},
      {"fairness", "Fairness indices: Gini of net value and leadership, dry spells against k"},
      {"engagement", "Participation per partner and retention risk with its reasons"},
      {"cycle", "One cycle's outcome: decisions and reasons, transfers, leads, certificate"},
      {"kpi", "KPI progress of every objective"}};
  for (const auto& [kind, help] : kinds) {
    auto args = std::make_shared<ReportArgs>();
    auto* cmd = report->add_subcommand(kind, help);
    args->flags.add_output(*cmd);
    if (kind == "partner") {
      cmd->add_option("PARTNER", args->subject, "one partner's history (id or name)");
    } else if (kind == "cycle") {
      cmd->add_option("CYCLE", args->subject, "cycle number (default: the newest)");
    }
    cmd->callback([&run, args, name = kind] { run = [args, name] { return run_report(*args, name); }; });
  }
}

}  // namespace covalue::cli
