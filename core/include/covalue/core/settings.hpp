#pragma once

// The one declarative table of covalue's settings (DESIGN.md convention 7; HiGHS `OptionRecord`,
// DuckDB `settings.json`): each row's name, type, default, range and help feed the CLI flags, the
// TOML file of `covalue serve --config`, the defaults of `Charter{}` and `SolverOptions{}`, and
// docs/settings.md. A setting is added here and nowhere else.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/vocabulary.hpp"
#include "covalue/core/perpetual/cycle_weights.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::settings {

//! What a setting's value is.
enum class Type {
  kInteger,  //!< a whole number (TOML integer)
  kNumber,   //!< an exact number: "12", "12.5", "7/2" (TOML integer or string)
  kSeconds,  //!< a duration in seconds, possibly fractional (TOML integer or float)
  kBoolean,  //!< true or false
  kText,     //!< free text (a path, an address)
  kChoice,   //!< one of a list of names
};

//! Where a setting applies (a bit set).
enum Applies : unsigned {
  kCharter = 1U,  //!< a field of the network's charter (`network init|update`, the API's charter)
  kServer = 2U,   //!< `covalue serve` and its TOML file
  kCli = 4U,      //!< the other CLI commands
};

//! "mes, phragmen, ..." for the choices of a kChoice row.
using ChoicesFn = std::string_view (*)();

//! What an output flag (--format) can ask for; rank and pb solve offer table and json only.
enum class OutputFormat { kTable, kJson, kCsv };

//! "table", "json", "csv".
constexpr auto enum_names(OutputFormat /*tag*/) {
  using enum OutputFormat;
  return NameTable{"output format",
                   std::to_array<EnumName<OutputFormat>>({{kTable, "table"}, {kJson, "json"}, {kCsv, "csv"}})};
}

//! "a, b, c": the names of E from its name table, for the choices of a kChoice row.
template <NamedEnum E>
[[nodiscard]] std::string_view choices_of() {
  static const std::string names = name_list<E>();
  return names;
}

//! One row of the table.
struct Setting {
  std::string_view name;          //!< dotted: "<section>.<key>" (the TOML section and key)
  Type type{Type::kText};         //!< what the value is
  std::string_view default_text;  //!< as written in TOML or on the command line ("" : supplied by the build)
  std::string_view min;           //!< lower bound ("" : none)
  bool min_open{false};           //!< the lower bound itself is excluded
  std::string_view max;           //!< upper bound, inclusive ("" : none)
  std::string_view help;          //!< one line for --help and the docs
  unsigned applies{0};            //!< Applies bits
  std::string_view flag;          //!< the CLI flag when it is not "--" + the key with '-' for '_'
  ChoicesFn choices{nullptr};     //!< kChoice: the accepted names
};

// Rows name only the fields they set (the others keep their defaults), which GCC's -Wextra reports.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
//! Every setting, grouped by section.
inline constexpr auto kTable = std::to_array<Setting>({
    {.name = "charter.capacity",
     .type = Type::kNumber,
     .default_text = "100",
     .min = "0",
     .min_open = true,
     .help = "capacity units (e.g. person-weeks) the network can spend per cycle",
     .applies = kCharter | kCli},
    {.name = "charter.rule",
     .type = Type::kChoice,
     .default_text = "mes",
     .help = "the rule that selects a cycle's initiatives",
     .applies = kCharter | kCli,
     .choices = choices_of<network::SelectionRule>},
    {.name = "charter.ranking_rule",
     .type = Type::kChoice,
     .default_text = "schulze",
     .help = "the consensus order of ranked ballots",
     .applies = kCharter | kCli,
     .choices = choices_of<ranking::RankingRule>},
    {.name = "charter.disclosure",
     .type = Type::kChoice,
     .default_text = "anonymous",
     .help = "ballots shown after a cycle closes",
     .applies = kCharter | kCli,
     .choices = choices_of<network::BallotDisclosure>},
    {.name = "charter.sharing",
     .type = Type::kChoice,
     .default_text = "shapley",
     .help = "how a cycle's value is shared among the partners",
     .applies = kCharter | kCli,
     .choices = choices_of<network::SharingPolicy>},
    {.name = "charter.max_dry_spell",
     .type = Type::kInteger,
     .default_text = "3",
     .min = "1",
     .help = "k: a partner whose dry spell reached k must not end a cycle below zero",
     .applies = kCharter | kCli},
    {.name = "charter.max_deopt_share",
     .type = Type::kNumber,
     .default_text = "1",
     .min = "0",
     .min_open = true,
     .max = "1",
     .help = "largest share of one cycle's total de-optimisation one partner may carry",
     .applies = kCharter | kCli},
    {.name = "charter.perpetual_weighting",
     .type = Type::kBoolean,
     .default_text = "true",
     .help = "the older form of weight_policy: on is reset, off is none (weight_policy wins when both are given)",
     .applies = kCharter | kCli},
    {.name = "charter.weight_policy",
     .type = Type::kChoice,
     .default_text = "reset",
     .help = "how voting weights follow a partner's past cycles: reset (1 + its dry spell), a perpetual rule of "
             "Lackner's (docs/perpetual.md), or none",
     .applies = kCharter | kCli,
     .choices = choices_of<perpetual::WeightPolicy>},
    {.name = "charter.weight_absence",
     .type = Type::kChoice,
     .default_text = "ignore",
     .help = "a partner that does not vote, to the weight policy (not reset): ignore keeps its weight, empty "
             "counts it as satisfied by nothing",
     .applies = kCharter | kCli,
     .choices = choices_of<perpetual::WeightAbsence>},
    {.name = "charter.deadline_action",
     .type = Type::kChoice,
     .default_text = "remind",
     .help = "when a cycle's deadline passes: remind the coordinator, who moves the cycle, or auto: the scheduler "
             "starts the vote or closes the cycle itself",
     .applies = kCharter | kCli,
     .choices = choices_of<network::DeadlineAction>},
    {.name = "charter.reminder_hours",
     .type = Type::kText,
     .default_text = "48,6",
     .help = "hours before voting closes at which partners that have not voted are reminded, comma-separated "
             "(each once per cycle; empty: no reminders)",
     .applies = kCharter | kCli},
    {.name = "charter.close_turnout_warning",
     .type = Type::kInteger,
     .default_text = "50",
     .min = "0",
     .max = "100",
     .help = "percentage of member partners that must have voted (delegated ballots count) before a cycle closes "
             "without asking to confirm the low turnout; 0: never ask",
     .applies = kCharter | kCli},
    {.name = "charter.max_concurrent_leads",
     .type = Type::kInteger,
     .default_text = "2",
     .min = "1",
     .help = "initiatives one partner may lead at once",
     .applies = kCharter | kCli,
     .flag = "--max-leads"},
    {.name = "charter.unit",
     .type = Type::kText,
     .default_text = "value points",
     .help = "the unit every value (estimates, actuals, transfers) is counted in: a currency code such as EUR, or "
             "value points",
     .applies = kCharter | kCli},
    // Charter proposals and coordination (issue 14 item 4).
    {.name = "charter.amendment_rule",
     .type = Type::kChoice,
     .default_text = "coordinator",
     .help = "how the charter changes: a coordinator changes it directly, or the partners decide charter proposals "
             "by consent (adopted unless a partner objects) or by a qualified majority",
     .applies = kCharter | kCli,
     .choices = choices_of<network::AmendmentRule>},
    {.name = "charter.amendment_majority",
     .type = Type::kNumber,
     .default_text = "2/3",
     .min = "1/2",
     .min_open = true,
     .max = "1",
     .help = "amendment_rule majority: the share of the member partners (one partner, one vote) that must agree",
     .applies = kCharter | kCli},
    {.name = "charter.amendment_window_hours",
     .type = Type::kNumber,
     .default_text = "72",
     .min = "0",
     .min_open = true,
     .max = "8760",
     .help = "hours a charter proposal stays open for the partners' positions (a revision starts it again; 0.5: half "
             "an hour)",
     .applies = kCharter | kCli},
    {.name = "charter.coordination",
     .type = Type::kChoice,
     .default_text = "fixed",
     .help = "who coordinates: the network's coordinators (fixed), or the representatives of one of the partners "
             "willing to for a term: in turn (rotation) or elected by the partners when a term ends (election)",
     .applies = kCharter | kCli,
     .choices = choices_of<network::Coordination>},
    {.name = "charter.coordination_term",
     .type = Type::kInteger,
     .default_text = "1",
     .min = "1",
     .max = "1000",
     .help = "coordination rotation or election: cycles one partner's term as coordinator lasts",
     .applies = kCharter | kCli},
    // Ballot limits (issue 15 item 6).
    {.name = "charter.score_max",
     .type = Type::kNumber,
     .default_text = "10",
     .min = "0",
     .min_open = true,
     .max = "1000000000",
     .help = "the top of a score ballot's scale: each score is an exact number from 0 (no support) to this "
             "(databases made before this setting keep 1000000000, the old limit)",
     .applies = kCharter | kCli},
    {.name = "charter.points_budget",
     .type = Type::kNumber,
     .default_text = "0",
     .min = "0",
     .max = "1000000000",
     .help = "the points one points ballot may give in total; 0: no fixed budget",
     .applies = kCharter | kCli},
    {.name = "server.db",
     .type = Type::kText,
     .default_text = "covalue.db",
     .help = "the network's database: a SQLite file, or a postgresql:// URL",
     .applies = kServer | kCli},
    {.name = "server.network",
     .type = Type::kText,
     .default_text = "",
     .help = "the network to work on, by name or id (needed when the database holds several; serve: for requests "
             "without a token)",
     .applies = kServer | kCli},
    {.name = "server.listen",
     .type = Type::kText,
     .default_text = "127.0.0.1:8080",
     .help = "HOST:PORT to listen on (port 0: any free port, printed)",
     .applies = kServer},
    {.name = "server.threads",
     .type = Type::kInteger,
     .default_text = "0",
     .min = "0",
     .max = "1024",
     .help = "threads serving requests (0: 2 per core, at least 16)",
     .applies = kServer},
    {.name = "server.max_connections",
     .type = Type::kInteger,
     .default_text = "512",
     .min = "1",
     .max = "1000000",
     .help = "concurrent connections served; past them, a 503 and a close",
     .applies = kServer},
    {.name = "server.scheduler_interval",
     .type = Type::kSeconds,
     .default_text = "30",
     .min = "0",
     .max = "3600",
     .help = "seconds between the scheduler's passes over every network's deadlines (0: no scheduler; then run "
             "`covalue scheduler run-once` from cron)",
     .applies = kServer},
    {.name = "server.delivery_interval",
     .type = Type::kSeconds,
     .default_text = "5",
     .min = "0",
     .max = "3600",
     .help = "seconds between the delivery worker's passes over every network's outbox (0: no worker; then run "
             "`covalue delivery run-once` from cron)",
     .applies = kServer},
    {.name = "server.simulation_workers",
     .type = Type::kInteger,
     .default_text = "1",
     .min = "1",
     .max = "16",
     .help = "what-if simulations (POST /api/simulations) run at once, each on its own low-priority thread, never "
             "on the threads serving requests",
     .applies = kServer},
    {.name = "server.simulation_queue",
     .type = Type::kInteger,
     .default_text = "4",
     .min = "0",
     .max = "1000",
     .help = "what-if simulations that may wait for a worker; past them, a new one is refused with 429",
     .applies = kServer},
    {.name = "delivery.retry_base_seconds",
     .type = Type::kInteger,
     .default_text = "60",
     .min = "1",
     .max = "86400",
     .help = "a failed delivery is tried again after this many seconds, doubled after each further failure",
     .applies = kServer | kCli},
    {.name = "delivery.retry_max_seconds",
     .type = Type::kInteger,
     .default_text = "21600",
     .min = "1",
     .max = "604800",
     .help = "the longest wait between two attempts of a delivery (6 hours)",
     .applies = kServer | kCli},
    {.name = "delivery.max_attempts",
     .type = Type::kInteger,
     .default_text = "10",
     .min = "1",
     .max = "100",
     .help = "attempts before a delivery is given up (dead: coordinators see it and can retry it)",
     .applies = kServer | kCli},
    {.name = "delivery.lease_seconds",
     .type = Type::kInteger,
     .default_text = "300",
     .min = "1",
     .max = "86400",
     .help = "how long a worker's claim on a delivery lasts: what a worker killed mid-send had claimed is sent again "
             "after this, under the same Message-ID",
     .applies = kServer | kCli},
    {.name = "server.web",
     .type = Type::kText,
     .help = "folder of the built web UI (default: the one this build serves)",
     .applies = kServer},
    {.name = "server.cookie_secure",
     .type = Type::kBoolean,
     .default_text = "false",
     .help = "clients reach the server over https (a TLS proxy in front): the session cookie is Secure, and a "
             "signed-in change must come from the origin https://HOST",
     .applies = kServer},
    {.name = "session.idle_seconds",
     .type = Type::kInteger,
     .default_text = "43200",
     .min = "1",
     .max = "31536000",
     .help = "a browser session ends after this many seconds without a request (12 hours)",
     .applies = kServer,
     .flag = "--session-idle-seconds"},
    {.name = "session.lifetime_seconds",
     .type = Type::kInteger,
     .default_text = "2592000",
     .min = "1",
     .max = "31536000",
     .help = "a browser session ends this many seconds after signing in, however busy (30 days)",
     .applies = kServer,
     .flag = "--session-lifetime-seconds"},
    {.name = "session.link_seconds",
     .type = Type::kInteger,
     .default_text = "259200",
     .min = "60",
     .max = "31536000",
     .help = "a set-password link works for this many seconds after it is made (3 days)",
     .applies = kServer | kCli,
     .flag = "--password-link-seconds"},
    {.name = "mail.smtp",
     .type = Type::kText,
     .default_text = "",
     .help = "the SMTP server e-mail goes through: smtp://HOST:PORT (STARTTLS when it offers it) or smtps://HOST:PORT "
             "(TLS from the start); empty: no e-mail",
     .applies = kServer | kCli,
     .flag = "--smtp"},
    {.name = "mail.from",
     .type = Type::kText,
     .default_text = "",
     .help = "the sender address of every e-mail (needed with --smtp)",
     .applies = kServer | kCli,
     .flag = "--mail-from"},
    {.name = "mail.smtp_user",
     .type = Type::kText,
     .default_text = "",
     .help = "the user to authenticate to the SMTP server as (with --smtp-password-file)",
     .applies = kServer | kCli},
    {.name = "mail.smtp_password_file",
     .type = Type::kText,
     .default_text = "",
     .help = "a file whose first line is the SMTP password (readable by the server's user only)",
     .applies = kServer | kCli},
    {.name = "mail.smtp_require_tls",
     .type = Type::kBoolean,
     .default_text = "false",
     .help = "send e-mail over smtp:// only after STARTTLS (a server without it gets nothing; the e-mails wait)",
     .applies = kServer | kCli},
    {.name = "mail.public_url",
     .type = Type::kText,
     .default_text = "",
     .help = "the address people open covalue at (https://covalue.example.org): e-mail links and the one-click "
             "unsubscribe link (List-Unsubscribe) start with it; empty: serve uses http://LISTEN, run-once gives "
             "paths and no unsubscribe link",
     .applies = kServer | kCli,
     .flag = "--public-url"},
    {.name = "digest.hour",
     .type = Type::kInteger,
     .default_text = "7",
     .min = "0",
     .max = "23",
     .help = "the hour of the day, in each person's time zone, at which the scheduler makes daily digests (weekly "
             "ones on Mondays)",
     .applies = kServer | kCli,
     .flag = "--digest-hour"},
    {.name = "solver.time_limit_seconds",
     .type = Type::kSeconds,
     .default_text = "20",
     .min = "0",
     .min_open = true,
     .max = "86400",
     .help = "the ILP solver's time limit per solve when a cycle closes (network-fair rule)",
     .applies = kServer | kCli,
     .flag = "--solver-time-limit"},
    {.name = "solver.threads",
     .type = Type::kInteger,
     .default_text = "1",
     .min = "1",
     .max = "256",
     .help = "threads the ILP solver may use per solve",
     .applies = kServer | kCli,
     .flag = "--solver-threads"},
    {.name = "shapley.threads",
     .type = Type::kInteger,
     .default_text = "1",
     .min = "1",
     .max = "256",
     .help = "threads computing Shapley values when a cycle closes",
     .applies = kServer | kCli,
     .flag = "--shapley-threads"},
    {.name = "cli.format",
     .type = Type::kChoice,
     .default_text = "table",
     .help = "how a command prints its result",
     .applies = kCli,
     .choices = choices_of<OutputFormat>},
    {.name = "audit.after",
     .type = Type::kInteger,
     .default_text = "0",
     .min = "0",
     .help = "only entries after this sequence number",
     .applies = kCli},
    {.name = "audit.limit",
     .type = Type::kInteger,
     .default_text = "1000",
     .min = "1",
     .max = "10000",
     .help = "at most this many entries",
     .applies = kCli},
    {.name = "pb.increment",
     .type = Type::kNumber,
     .default_text = "1",
     .min = "0",
     .min_open = true,
     .help = "add1 completion: budget added per voter each round",
     .applies = kCli},
    {.name = "pb.irresolute",
     .type = Type::kBoolean,
     .default_text = "false",
     .help = "return every outcome some tie-breaking yields",
     .applies = kCli},
    {.name = "pb.max_outcomes",
     .type = Type::kInteger,
     .default_text = "10000",
     .min = "1",
     .max = "1000000",
     .help = "irresolute: give up past this many outcomes",
     .applies = kCli},
    {.name = "simulate.histories",
     .type = Type::kInteger,
     .default_text = "10000",
     .min = "1",
     .max = "10000000",
     .help = "lackner2020: histories simulated (the paper's 10,000)",
     .applies = kCli},
    {.name = "simulate.seed",
     .type = Type::kInteger,
     .default_text = "31415",
     .min = "0",
     .help = "the seed every simulated history's or network's random streams derive from",
     .applies = kCli},
    {.name = "simulate.networks",
     .type = Type::kInteger,
     .default_text = "1000",
     .min = "1",
     .max = "10000000",
     .help = "run: networks simulated per policy (the same seeds for every policy)",
     .applies = kCli},
    {.name = "simulate.cycles",
     .type = Type::kInteger,
     .default_text = "40",
     .min = "1",
     .max = "10000",
     .help = "run: cycles per network",
     .applies = kCli},
    {.name = "simulate.partners",
     .type = Type::kInteger,
     .default_text = "20",
     .min = "2",
     .max = "1000",
     .help = "run: partners at the start of each network",
     .applies = kCli},
    {.name = "simulate.threads",
     .type = Type::kInteger,
     .default_text = "0",
     .min = "0",
     .max = "1024",
     .help = "threads simulating (0: one per core); the figures do not depend on it",
     .applies = kCli},
});
#pragma GCC diagnostic pop

//! The index of a row, found at compile time: a misspelt name does not compile.
consteval std::size_t index_of(std::string_view name) {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (kTable[i].name == name) {
      return i;
    }
  }
  throw "no such setting in core/settings.hpp";  // reached only at compile time: an error there
}

//! A setting's name, checked at compile time (`Name{"server.listen"}`, or a string literal passed on).
struct Name {
  consteval Name(const char* text) : index(index_of(text)) {}  // NOLINT(google-explicit-constructor)
  std::size_t index;
};

//! The row a checked name designates.
[[nodiscard]] constexpr const Setting& row(Name name) { return kTable[name.index]; }

//! The default of an integer row, read at compile time.
consteval std::int64_t integer_default(Name name) {
  const std::string_view text = kTable[name.index].default_text;
  std::int64_t value = 0;
  for (const char ch : text.substr(text.starts_with('-') ? 1 : 0)) {
    value = value * 10 + (ch - '0');
  }
  return text.starts_with('-') ? -value : value;
}

//! The default of a kSeconds row ("20", "0.5"), read at compile time.
consteval double seconds_default(Name name) {
  double value = 0;
  double scale = 0;
  for (const char ch : kTable[name.index].default_text) {
    if (ch == '.') {
      scale = 1;
      continue;
    }
    value = value * 10 + (ch - '0');
    scale *= 10;
  }
  return scale > 0 ? value / scale : value;
}

//! The default of a kText row, read at compile time.
consteval std::string_view text_default(Name name) { return kTable[name.index].default_text; }

//! The default of a boolean row, read at compile time.
consteval bool boolean_default(Name name) { return kTable[name.index].default_text == "true"; }

//! The default of a kNumber row, exactly.
[[nodiscard]] Rational number_default(Name name);

//! The default of a kChoice row as its enum, read through the enum's name table (core/enum_names.hpp);
//! the consistency test checks every choice default parses.
template <NamedEnum E>
[[nodiscard]] E choice_default(Name name) {
  Result<E> value = parse_name<E>(kTable[name.index].default_text);
  assert(value.ok() && "a choice default must parse");
  return *value;
}

//! Every row.
[[nodiscard]] std::span<const Setting> all();

//! The row named `name` (dotted), or null.
[[nodiscard]] const Setting* find(std::string_view name);

//! The row's CLI flag: its `flag`, or "--" + the key after the dot with '-' for '_'.
[[nodiscard]] std::string flag_of(const Setting& setting);

//! The section of a name ("server" for "server.listen") and its key ("listen").
[[nodiscard]] std::string_view section_of(const Setting& setting);
[[nodiscard]] std::string_view key_of(const Setting& setting);

//! The row's type as the docs name it ("integer", "number", ...).
[[nodiscard]] std::string_view type_name(Type type);

//! The row's range in words: ">= 1", "> 0 and <= 1", "one of: a, b", or "" when any value goes.
[[nodiscard]] std::string range_text(const Setting& setting);

//! Checks a value written as text against the row's type and range; kInvalidInput naming what is
//! accepted and quoting the value (through quote_excerpt). `where` is left empty for the caller.
[[nodiscard]] Status check_value(const Setting& setting, std::string_view text);

//! docs/settings.md: every row, section by section, as a Markdown table.
[[nodiscard]] std::string markdown();

}  // namespace covalue::core::settings
