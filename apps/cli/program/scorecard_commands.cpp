// `covalue scorecard define|score|show`: the network's scorecard, and partners scoring initiatives.
#include <fmt/core.h>

#include <memory>

#include "command_handlers.hpp"
#include "name_option.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

namespace net = core::network;
using program::ReportCell;

struct DefineArgs {
  ProgramFlags flags;
  net::ScorecardFormula formula{net::ScorecardFormula::kWeighted};
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

//! The scorecard the flags describe.
core::Result<net::Scorecard> to_scorecard(const DefineArgs& args) {
  net::Scorecard card;
  card.formula = args.formula;
  card.shortlist_size = args.shortlist;
  for (const std::string& text : args.criteria) {
    core::Result<net::ScorecardCriterion> criterion = parse_criterion(text);
    if (!criterion) {
      return criterion.error();
    }
    card.criteria.push_back(std::move(*criterion));
  }
  return card;
}

struct ScoreArgs {
  ProgramFlags flags;
  std::string partner;
  std::int64_t initiative{0};
  std::vector<std::string> values;  // CRITERION=VALUE
};

//! The scores the command line gives, by `partner`.
core::Result<std::vector<net::InitiativeScore>> to_scores(const ScoreArgs& args, net::PartnerId partner) {
  std::vector<net::InitiativeScore> scores;
  for (const std::string& text : args.values) {
    auto pair = parse_pair(text, "CRITERION=VALUE");
    if (!pair) {
      return pair.error();
    }
    scores.push_back({args.initiative, partner, pair->first, pair->second});
  }
  return scores;
}

}  // namespace

Handler add_scorecard_define(CLI::App& command) {
  auto args = std::make_shared<DefineArgs>();
  args->flags.add_change_output(command);
  add_name_option<net::ScorecardFormula>(command, "--formula", args->formula, "");
  command
      .add_option("--criterion", args->criteria,
                  "NAME:KIND[:WEIGHT[:LOW:HIGH]], KIND one of " + core::name_list<net::CriterionKind>() +
                      " (weight 1, scale 0..10 by default)")
      ->required();
  command.add_option("--shortlist", args->shortlist, "default shortlist size of `cycle shortlist`");
  return [args]() -> core::Result<Output> {
    core::Result<net::Scorecard> card = to_scorecard(*args);
    if (!card) {
      return card.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      if (core::Status status = session.program().define_scorecard(*card); !status) {
        return status.error();
      }
      return args->flags.change(
          {"scorecard",
           fmt::format("scorecard defined: {} with {} criteria\n", net::name_of(card->formula), card->criteria.size()),
           {{"formula", ReportCell::of_text(net::name_of(card->formula))},
            {"criteria", ReportCell::of_integer(static_cast<std::int64_t>(card->criteria.size()))}}});
    });
  };
}

Handler add_scorecard_score(CLI::App& command) {
  auto args = std::make_shared<ScoreArgs>();
  args->flags.add_change_output(command);
  command.add_option("--partner", args->partner, "the scoring partner (name or id)")->required();
  command.add_option("--initiative", args->initiative, "the initiative's id")->required();
  command.add_option("SCORES", args->values, "CRITERION=VALUE ...")->required();
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<net::PartnerId> partner = resolve_partner(session.program().queries(), args->partner, "--partner");
      if (!partner) {
        return partner.error();
      }
      core::Result<std::vector<net::InitiativeScore>> scores = to_scores(*args, *partner);
      if (!scores) {
        return scores.error();
      }
      if (core::Status status = session.program().score_initiative(*scores); !status) {
        return status.error();
      }
      return args->flags.change(
          {"scores",
           fmt::format("{} scores of initiative {} recorded for {}\n", scores->size(), args->initiative, args->partner),
           {{"initiative", ReportCell::of_integer(args->initiative)},
            {"partner", ReportCell::of_text(args->partner)},
            {"scores", ReportCell::of_integer(static_cast<std::int64_t>(scores->size()))}}});
    });
  };
}

Handler add_scorecard_show(CLI::App& command) { return add_report_leaf(command, &program::Queries::scorecard_report); }

}  // namespace covalue::cli
