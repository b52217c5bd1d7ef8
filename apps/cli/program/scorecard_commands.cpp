// `covalue scorecard define|show|score`: the network's scorecard, and partners scoring initiatives.
#include <fmt/core.h>

#include <memory>

#include "name_option.hpp"
#include "program/change_output.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;

struct DefineArgs {
  ProgramFlags flags;
  std::string formula{"weighted"};
  std::vector<std::string> criteria;
  std::int64_t shortlist{0};
};

//! "NAME:KIND[:WEIGHT[:LOW:HIGH]]", the error naming the flag and the text.
core::Result<net::ScorecardCriterion> parse_criterion(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t colon = text.find(':'); colon != std::string::npos; colon = text.find(':', start)) {
    parts.push_back(text.substr(start, colon - start));
    start = colon + 1;
  }
  parts.push_back(text.substr(start));
  if (parts.size() != 2 && parts.size() != 3 && parts.size() != 5) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "expected NAME:KIND[:WEIGHT[:LOW:HIGH]], got '" + text + "'", "--criterion");
  }
  net::ScorecardCriterion criterion;
  criterion.name = parts[0];
  core::Result<net::CriterionKind> kind = core::parse_name<net::CriterionKind>(parts[1]);
  if (!kind) {
    return core::make_error(kind.error().kind, kind.error().message, "--criterion " + text);
  }
  criterion.kind = *kind;
  std::vector<core::Rational*> numbers{&criterion.weight, &criterion.low, &criterion.high};
  for (std::size_t k = 2; k < parts.size(); ++k) {
    core::Result<core::Rational> value = parse_number(parts[k], "--criterion " + text);
    if (!value) {
      return value.error();
    }
    *numbers[k - 2] = *value;
  }
  return criterion;
}

int define(const DefineArgs& args) {
  net::Scorecard card;
  core::Result<net::ScorecardFormula> formula = core::parse_name<net::ScorecardFormula>(args.formula);
  if (!formula) {
    return report_error(core::make_error(formula.error().kind, formula.error().message, "--formula"));
  }
  card.formula = *formula;
  card.shortlist_size = args.shortlist;
  for (const std::string& text : args.criteria) {
    core::Result<net::ScorecardCriterion> criterion = parse_criterion(text);
    if (!criterion) {
      return report_error(criterion.error());
    }
    card.criteria.push_back(std::move(*criterion));
  }
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    if (core::Status status = session.program().define_scorecard(card); !status) {
      return report_error(status.error());
    }
    return print_change(
        {"scorecard",
         fmt::format("scorecard defined: {} with {} criteria\n", net::name_of(card.formula), card.criteria.size()),
         {{"formula", program::ReportCell::of_text(net::name_of(card.formula))},
          {"criteria", program::ReportCell::of_integer(static_cast<std::int64_t>(card.criteria.size()))}}},
        args.flags);
  });
}

struct ScoreArgs {
  ProgramFlags flags;
  std::string partner;
  std::int64_t initiative{0};
  std::vector<std::string> values;  // CRITERION=VALUE
};

int score(const ScoreArgs& args) {
  return with_session_legacy(args.flags, [&](ProgramSession& session) {
    core::Result<net::PartnerId> partner = resolve_partner(session.program().queries(), args.partner, "--partner");
    if (!partner) {
      return report_error(partner.error());
    }
    std::vector<net::InitiativeScore> scores;
    for (const std::string& text : args.values) {
      auto pair = parse_pair(text, "CRITERION=VALUE");
      if (!pair) {
        return report_error(pair.error());
      }
      scores.push_back({args.initiative, *partner, pair->first, pair->second});
    }
    if (core::Status status = session.program().score_initiative(scores); !status) {
      return report_error(status.error());
    }
    return print_change(
        {"scores",
         fmt::format("{} scores of initiative {} recorded for {}\n", scores.size(), args.initiative, args.partner),
         {{"initiative", program::ReportCell::of_integer(args.initiative)},
          {"partner", program::ReportCell::of_text(args.partner)},
          {"scores", program::ReportCell::of_integer(static_cast<std::int64_t>(scores.size()))}}},
        args.flags);
  });
}

int show(const ProgramFlags& flags) {
  return with_session_legacy(flags, [&](ProgramSession& session) {
    core::Result<program::Snapshot> snapshot = session.program().snapshot();
    if (!snapshot) {
      return report_error(snapshot.error());
    }
    core::Result<program::Report> report = program::scorecard_report(*snapshot);
    if (!report) {
      return report_error(report.error());
    }
    return print_report(*report, flags);
  });
}

}  // namespace

void add_scorecard_commands(CLI::App& command, Action& run) {
  auto* scorecard = &command;
  auto define_args = std::make_shared<DefineArgs>();
  auto* define_cmd = scorecard->add_subcommand("define", "Define (or replace) the network's scorecard");
  define_args->flags.add_change_output(*define_cmd);
  add_name_option<net::ScorecardFormula>(*define_cmd, "--formula", define_args->formula, "")->capture_default_str();
  define_cmd
      ->add_option("--criterion", define_args->criteria,
                   "NAME:KIND[:WEIGHT[:LOW:HIGH]], KIND one of " + core::name_list<net::CriterionKind>() +
                       " (weight 1, scale 0..10 by default)")
      ->required();
  define_cmd->add_option("--shortlist", define_args->shortlist, "default shortlist size of `cycle shortlist`");
  define_cmd->callback([&run, define_args] { run = [define_args] { return define(*define_args); }; });

  auto score_args = std::make_shared<ScoreArgs>();
  auto* score_cmd = scorecard->add_subcommand("score", "A partner scores an undecided initiative");
  score_args->flags.add_change_output(*score_cmd);
  score_cmd->add_option("--partner", score_args->partner, "the scoring partner (name or id)")->required();
  score_cmd->add_option("--initiative", score_args->initiative, "the initiative's id")->required();
  score_cmd->add_option("SCORES", score_args->values, "CRITERION=VALUE ...")->required();
  score_cmd->callback([&run, score_args] { run = [score_args] { return score(*score_args); }; });

  auto show_flags = std::make_shared<ProgramFlags>();
  auto* show_cmd = scorecard->add_subcommand("show", "The criteria and the undecided initiatives ranked by them");
  show_flags->add_output(*show_cmd);
  show_cmd->callback([&run, show_flags] { run = [show_flags] { return show(*show_flags); }; });
}

}  // namespace covalue::cli
