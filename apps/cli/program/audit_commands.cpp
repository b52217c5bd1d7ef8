// `covalue audit list|verify`: the hash-chained log of every change.
#include <fmt/core.h>

#include <memory>

#include "program/program_session.hpp"
#include "setting_flags.hpp"

namespace covalue::cli {
namespace {

using program::ReportCell;

struct ListArgs {
  ProgramFlags flags;
  std::int64_t after{0};  // --after and --limit: their defaults are the settings table's audit.* rows
  std::int64_t limit{0};
};

int list(const ListArgs& args) {
  return with_session(args.flags, [&](ProgramSession& session) {
    core::Result<std::vector<program::AuditEntry>> entries = session.program().audit_log(args.after, args.limit);
    if (!entries) {
      return report_error(entries.error());
    }
    program::ReportTable table{
        "entries", "Audit log", {"sequence", "time", "actor", "action", "detail", "hash"}, {}, {}};
    for (const program::AuditEntry& entry : *entries) {
      table.rows.push_back({ReportCell::of_integer(entry.sequence), ReportCell::of_text(entry.time),
                            ReportCell::of_text(entry.actor), ReportCell::of_text(entry.action),
                            ReportCell::of_text(entry.detail), ReportCell::of_text(entry.hash)});
    }
    return print_report(program::Report{"audit", {}, {std::move(table)}}, args.flags);
  });
}

int verify(const ProgramFlags& flags) {
  return with_session(flags, [&](ProgramSession& session) {
    core::Result<program::AuditVerification> verification = session.program().verify_audit();
    if (!verification) {
      return report_error(verification.error());
    }
    if (!verification->intact()) {
      fmt::print("first broken link: entry {}: {}\n", *verification->first_broken, verification->problem);
      return static_cast<int>(kExitBadInput);
    }
    fmt::print("audit log intact: {} entries\n", verification->entries);
    return static_cast<int>(kExitOk);
  });
}

}  // namespace

void add_audit_commands(CLI::App& command, Action& run) {
  auto* audit = &command;
  auto args = std::make_shared<ListArgs>();
  auto* list_cmd = audit->add_subcommand("list", "List audit entries");
  args->flags.add_output(*list_cmd);
  add_setting(*list_cmd, "audit.after", args->after);
  add_setting(*list_cmd, "audit.limit", args->limit);
  list_cmd->callback([&run, args] { run = [args] { return list(*args); }; });
  auto verify_flags = std::make_shared<ProgramFlags>();
  auto* verify_cmd = audit->add_subcommand("verify", "Re-check the hash chain; exit 1 at the first broken link");
  verify_flags->add_db(*verify_cmd);
  verify_cmd->callback([&run, verify_flags] { run = [verify_flags] { return verify(*verify_flags); }; });
}

}  // namespace covalue::cli
