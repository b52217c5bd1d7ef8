// The CLI's command table: every command's path, summary and what adds its options and callback,
// registered by one loop (the counterpart of apps/server/route_table.cpp).
#include "command_table.hpp"

#include <string>

namespace covalue::cli {

const std::vector<CommandRow>& command_table() {
  static const std::vector<CommandRow> table = {
      {{"pb"}, "Participatory-budgeting elections in the Pabulib .pb format", true, false, add_pb_commands},
      {{"pb", "demo"},
       "Solve a bundled improvement cycle with every rule, side by side",
       false,
       false,
       add_pb_demo_command},
      {{"rank"}, "Consensus ranking of a PrefLib election (.soc, .soi, .toc, .toi)", false, false, add_rank_command},
      {{"network"}, "Create and show the network and its charter", true, false, add_network_commands},
      {{"partner"}, "Add, list and retire partners", true, false, add_partner_commands},
      {{"objective"}, "State a partner's objectives (KPIs with targets)", true, false, add_objective_commands},
      {{"scorecard"}, "Define the scorecard, score initiatives, show the ranking", true, false, add_scorecard_commands},
      {{"initiative"},
       "Propose, list, show and withdraw initiatives; offers to lead",
       true,
       false,
       add_initiative_commands},
      {{"cycle"}, "Open, vote, close, review and show cycles", true, false, add_cycle_commands},
      {{"ballot"}, "Cast ballots", true, false, add_ballot_commands},
      {{"actuals"}, "Record what initiatives really achieved", true, false, add_actuals_commands},
      {{"report"}, "Reports on the network, its partners, fairness and engagement", true, false, add_report_commands},
      {{"demo"},
       "Build a demo partner network (8 cycles) and show its reports",
       false,
       false,
       add_program_demo_command},
      {{"serve"}, "Serve the HTTP API (/api) and the web UI", false, false, add_serve_command},
      {{"token"}, "Issue, list and revoke the HTTP API's bearer tokens", true, false, add_token_commands},
      {{"audit"}, "Read and verify the audit log", true, false, add_audit_commands},
      {{"settings"}, "Print the settings table (docs/settings.md)", false, true, add_settings_command},
      {{"names"}, "Print the web UI's enum names as a TypeScript module", false, true, add_names_command},
  };
  return table;
}

void register_commands(CLI::App& app, Action& run) {
  for (const CommandRow& row : command_table()) {
    CLI::App* parent = &app;
    for (std::size_t i = 0; i + 1 < row.path.size(); ++i) {
      parent = parent->get_subcommand(std::string(row.path[i]));  // an earlier row (kept in order by a test)
    }
    CLI::App* command = parent->add_subcommand(std::string(row.path.back()), std::string(row.summary));
    if (row.group) {
      command->require_subcommand(1);
    }
    if (row.hidden) {
      command->group("");
    }
    row.add(*command, run);
  }
}

}  // namespace covalue::cli
