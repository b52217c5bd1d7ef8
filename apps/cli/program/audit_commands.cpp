// `covalue audit list|verify`: the hash-chained log of every change.
#include <fmt/core.h>

#include <memory>

#include "command_handlers.hpp"
#include "program/program_session.hpp"
#include "setting_flags.hpp"

namespace covalue::cli {
namespace {

using program::ReportCell;

struct AuditListArgs {
  ProgramFlags flags;
  std::int64_t after{0};  // --after and --limit: their defaults are the settings table's audit.* rows
  std::int64_t limit{0};
};

const std::vector<program::ReportColumn<program::AuditEntry>>& entry_columns() {
  using Entry = program::AuditEntry;
  static const std::vector<program::ReportColumn<Entry>> columns = {
      {"sequence", "Sequence", [](const Entry& e) { return ReportCell::of_integer(e.sequence); }},
      {"time", "Time (UTC)", [](const Entry& e) { return ReportCell::of_text(e.time); }},
      {"actor", "Actor", [](const Entry& e) { return ReportCell::of_text(e.actor); }},
      {"action", "Action", [](const Entry& e) { return ReportCell::of_text(e.action); }},
      {"detail", "Detail", [](const Entry& e) { return ReportCell::of_text(e.detail); }},
      {"hash", "Hash", [](const Entry& e) { return ReportCell::of_text(e.hash); }},
  };
  return columns;
}

}  // namespace

Handler add_audit_list(CLI::App& command) {
  auto args = std::make_shared<AuditListArgs>();
  args->flags.add_output(command);
  args->flags.add_admins(command, "the audit chain");
  add_setting(command, "audit.after", args->after);
  add_setting(command, "audit.limit", args->limit);
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<std::vector<program::AuditEntry>> entries = session.program().audit_log(args->after, args->limit);
      if (!entries) {
        return entries.error();
      }
      return args->flags.report(
          program::Report{"audit", {}, {program::table_of("entries", "Audit log", entry_columns(), *entries)}});
    });
  };
}

Handler add_audit_verify(CLI::App& command) {
  auto flags = std::make_shared<ProgramFlags>();
  flags->add_db(command);
  flags->add_admins(command, "the audit chain");
  return [flags] {
    return with_session(*flags, [](ProgramSession& session) -> core::Result<Output> {
      core::Result<program::AuditVerification> verification = session.program().verify_audit();
      if (!verification) {
        return verification.error();
      }
      if (!verification->intact()) {
        return Output::of_text(
            fmt::format("first broken link: entry {}: {}\n", *verification->first_broken, verification->problem),
            kExitBadInput);
      }
      return Output::of_text(fmt::format("audit log intact: {} entries\n", verification->entries));
    });
  };
}

}  // namespace covalue::cli
