// `covalue person add|list|remove|invite|sign-out`: the people who act for partners or for the network.
#include <fmt/core.h>

#include <memory>
#include <utility>

#include "command_handlers.hpp"
#include "covalue/core/text.hpp"
#include "name_option.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"
#include "setting_flags.hpp"

namespace covalue::cli {
namespace {

using program::Person;
using program::ReportCell;

struct PersonArgs {
  ProgramFlags flags;
  std::string partner;
  Person person;
};

const std::vector<program::ReportColumn<Person>>& person_columns() {
  static const std::vector<program::ReportColumn<Person>> columns = {
      {"id", "Id", [](const Person& p) { return ReportCell::of_integer(p.id); }},
      {"name", "Name", [](const Person& p) { return ReportCell::of_text(p.name); }},
      {"email", "E-mail", [](const Person& p) { return ReportCell::of_text(p.email); }},
      {"role", "Role", [](const Person& p) { return ReportCell::of_text(program::name_of(p.role)); }},
      {"partner", "Partner",
       [](const Person& p) { return p.partner ? ReportCell::of_integer(*p.partner) : ReportCell::empty(); }},
      {"time_zone", "Time zone", [](const Person& p) { return ReportCell::of_text(p.time_zone); }},
      {"language", "Language", [](const Person& p) { return ReportCell::of_text(program::name_of(p.language)); }},
  };
  return columns;
}

//! A person that changed, as `person add|remove` print it (with the e-mail address the operator gave).
Change person_change(const Person& person, std::string sentence) {
  return {"person",
          std::move(sentence),
          {{"id", ReportCell::of_integer(person.id)},
           {"name", ReportCell::of_text(person.name)},
           {"email", ReportCell::of_text(person.email)},
           {"role", ReportCell::of_text(program::name_of(person.role))},
           {"partner", person.partner ? ReportCell::of_integer(*person.partner) : ReportCell::empty()},
           {"time_zone", ReportCell::of_text(person.time_zone)},
           {"language", ReportCell::of_text(program::name_of(person.language))}}};
}

struct RemoveArgs {
  ProgramFlags flags;
  std::string id;
};

}  // namespace

Handler add_person_add(CLI::App& command) {
  auto args = std::make_shared<PersonArgs>();
  args->flags.add_change_output(command);
  command.add_option("--partner", args->partner, "the partner the person acts for (id or name); none for the network");
  command.add_option("--name", args->person.name, "the person's name")->required();
  command.add_option("--email", args->person.email, "the person's e-mail address (local@domain)")->required();
  add_name_option<program::Role>(
      command, "--role", args->person.role, "",
      {program::Role::kRepresentative, program::Role::kCoordinator, program::Role::kObserver});
  command.add_option("--time-zone", args->person.time_zone, "an IANA time zone name (Europe/Berlin)")
      ->default_str("UTC");
  add_name_option<program::Language>(command, "--language", args->person.language, "");
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<std::optional<core::network::PartnerId>> partner =
          resolve_optional_partner(session.program().queries(), args->partner, "--partner");
      if (!partner) {
        return partner.error();
      }
      Person draft = args->person;
      draft.partner = *partner;
      core::Result<Person> added = session.program().add_person(draft);
      if (!added) {
        return added.error();
      }
      return args->flags.change(
          person_change(*added, fmt::format("person {} '{}' added ({})\n", added->id, core::terminal_safe(added->name),
                                            program::name_of(added->role))));
    });
  };
}

Handler add_person_list(CLI::App& command) {
  return add_list_leaf<Person>(command, "people", "People", person_columns(),
                               [](ProgramSession& session) { return session.program().people(); });
}

Handler add_person_remove(CLI::App& command) {
  auto args = std::make_shared<RemoveArgs>();
  args->flags.add_change_output(command);
  command.add_option("ID", args->id, "person id")->required();
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "ID");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<Person> removed = session.program().remove_person(*id);
      if (!removed) {
        return removed.error();
      }
      return args->flags.change(person_change(*removed, fmt::format("person {} '{}' removed; its tokens are revoked\n",
                                                                    removed->id, core::terminal_safe(removed->name))));
    });
  };
}

Handler add_person_invite(CLI::App& command) {
  struct InviteArgs {
    ProgramFlags flags;
    std::string id;
    program::SignInSettings settings;
  };
  auto args = std::make_shared<InviteArgs>();
  args->flags.add_change_output(command);
  command.add_option("--person", args->id, "the person's id")->required();
  add_setting(command, "session.link_seconds", args->settings.link_seconds);
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "--person");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<program::IssuedPasswordLink> issued = session.program().create_password_link(*id, args->settings);
      if (!issued) {
        return issued.error();
      }
      return args->flags.change(
          {"password_link",
           fmt::format(
               "a set-password link for person {}, shown once, works once until {}; open it on the server:\n{}\n", *id,
               issued->link.expires_at, issued->path()),
           {{"person", ReportCell::of_integer(*id)},
            {"link", ReportCell::of_text(issued->path())},
            {"expires_at", ReportCell::of_text(issued->link.expires_at)}}});
    });
  };
}

Handler add_person_sign_out(CLI::App& command) {
  auto args = std::make_shared<RemoveArgs>();
  args->flags.add_change_output(command);
  command.add_option("--person", args->id, "the person's id")->required();
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "--person");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<std::int64_t> revoked = session.program().revoke_sessions(*id);
      if (!revoked) {
        return revoked.error();
      }
      return args->flags.change(
          {"sessions",
           fmt::format("person {}: {} browser session(s) ended\n", *id, *revoked),
           {{"person", ReportCell::of_integer(*id)}, {"revoked_sessions", ReportCell::of_integer(*revoked)}}});
    });
  };
}

namespace {

//! A preference as `person preferences` lists it: the kind, its cadence, whether the person chose it.
const std::vector<program::ReportColumn<program::KindPreference>>& preference_columns() {
  using program::KindPreference;
  static const std::vector<program::ReportColumn<KindPreference>> columns = {
      {"kind", "Kind", [](const KindPreference& p) { return ReportCell::of_text(program::name_of(p.kind)); }},
      {"cadence", "E-mail", [](const KindPreference& p) { return ReportCell::of_text(program::name_of(p.cadence)); }},
      {"chosen", "Chosen", [](const KindPreference& p) { return ReportCell::of_text(p.chosen ? "yes" : "default"); }},
  };
  return columns;
}

//! "cycle_opened=weekly" as a change; an error naming --set otherwise.
core::Result<program::KindPreference> parse_change(const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "expected KIND=WHEN (cycle_opened=weekly), got '" + core::terminal_safe(text) + "'",
                            "--set");
  }
  core::Result<program::EventKind> kind = core::parse_name<program::EventKind>(text.substr(0, eq));
  core::Result<program::Cadence> cadence = core::parse_name<program::Cadence>(text.substr(eq + 1));
  if (!kind || !cadence) {
    core::Error error = kind ? cadence.error() : kind.error();
    error.where = "--set";
    return error;
  }
  return program::KindPreference{.kind = *kind, .cadence = *cadence, .chosen = true};
}

}  // namespace

Handler add_person_preferences(CLI::App& command) {
  struct PreferencesArgs {
    ProgramFlags flags;
    std::string id;
    std::vector<std::string> set;
  };
  auto args = std::make_shared<PreferencesArgs>();
  args->flags.add_output(command);
  command.add_option("--person", args->id, "the person's id")->required();
  command.add_option("--set", args->set,
                     "KIND=WHEN: e-mail about KIND " + std::string(core::name_list<program::Cadence>()) +
                         " (repeatable; kinds: " + std::string(core::name_list<program::EventKind>()) + " but digest)");
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "--person");
    if (!id) {
      return id.error();
    }
    std::vector<program::KindPreference> changes;
    for (const std::string& text : args->set) {
      core::Result<program::KindPreference> change = parse_change(text);
      if (!change) {
        return change.error();
      }
      changes.push_back(*change);
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<program::PersonPreferences> preferences =
          changes.empty() ? session.program().preferences(*id) : session.program().set_preferences(*id, changes);
      if (!preferences) {
        core::Error error = preferences.error();
        if (error.where.starts_with("preferences[")) {
          error.where = "--set";
        }
        return error;
      }
      return args->flags.report(program::Report{
          "preferences",
          {{"person", ReportCell::of_integer(*id)}},
          {program::table_of("preferences", "E-mail preferences", preference_columns(), preferences->kinds)}});
    });
  };
}

}  // namespace covalue::cli
