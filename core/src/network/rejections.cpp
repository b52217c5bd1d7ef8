// Why each candidate the rule left out stays out: the constraint that binds, in words, and under
// network-fair the value that including it would forgo.
#include <algorithm>

#include "decision_context.hpp"

namespace covalue::core::network::detail {
namespace {

//! Model variables times forced solves per close: 5 solves up to 200 variables, 2 at 500.
constexpr std::size_t kForgoneWork = 1000;

//! "62.5%": a share as a percentage rounded to one decimal.
std::string percent_text(const Rational& share) {
  Integer tenths = Integer(share.get_num() * 2000 + share.get_den());
  mpz_fdiv_q(tenths.get_mpz_t(), tenths.get_mpz_t(), Integer(share.get_den() * 2).get_mpz_t());
  Rational percent(tenths, 10);
  percent.canonicalize();
  return to_decimal_string(percent) + "%";
}

std::string units_left_text(const DecisionContext& context, std::uint32_t c, const Rational& spent) {
  const Rational& capacity = context.input->cycle.capacity;
  return "it costs " + to_decimal_string(context.input->candidates[c].cost) + " and only " +
         to_decimal_string(capacity - spent) + " of the " + to_decimal_string(capacity) + " capacity units are left";
}

//! A member's share of the de-optimisation of the selection `chosen` plus candidate c.
Rational deopt_share_with(const DecisionContext& context, const std::vector<std::uint32_t>& chosen, std::uint32_t c,
                          std::uint32_t member) {
  Rational total;
  Rational own;
  std::vector<std::uint32_t> with = chosen;
  with.push_back(c);
  for (std::uint32_t k : with) {
    for (const MemberImpact& impact : context.impacts[k]) {
      if (impact.value < 0) {
        total -= impact.value;
        own -= impact.member == member ? impact.value : Rational(0);
      }
    }
  }
  return total == 0 ? Rational(0) : Rational(own / total);
}

//! What adding candidate c to the selection would break, in words, for one row of the fair model.
std::string broken_row_text(const DecisionContext& context, const FairRow& row,
                            const std::vector<std::uint32_t>& chosen, std::uint32_t c, const Rational& spent) {
  const std::string name = row.kind == FairRow::Kind::kCapacity ? "" : context.input->members[row.member].name;
  switch (row.kind) {
    case FairRow::Kind::kCapacity:
      return units_left_text(context, c, spent);
    case FairRow::Kind::kDeoptShare: {
      const Rational share = deopt_share_with(context, chosen, c, row.member);
      return "adding it would put " + name + "'s share of the cycle's de-optimisation at " + percent_text(share) +
             " (the charter allows " + percent_text(context.input->charter.fairness.max_deopt_share) + ")";
    }
    case FairRow::Kind::kProtection: {
      Rational net;
      for (std::uint32_t k : chosen) {
        net += context.impact(k, row.member);
      }
      net += context.impact(c, row.member);
      return "protected partner " + name + " (dry spell " + std::to_string(context.previous_dry_spell[row.member]) +
             ") would end the cycle at " + to_decimal_string(net) + ", below zero";
    }
    case FairRow::Kind::kSupport:
      break;
  }
  return "protected partner " + name + " would get nothing it asked for";
}

//! The best objective of the fair model with candidate variable v forced in, and whether it is proven.
struct ForcedBest {
  std::optional<Rational> value;  //!< nothing when no selection can include it
  bool proven{false};
  bool known{false};  //!< false when the solvers could not tell within their limits
};

ForcedBest best_with(const FairModel& fair, std::uint32_t v, const DecisionTools& tools) {
  ilp::BinaryProgram forced = fair.program;
  forced.constraints.push_back(
      {"include " + fair.program.var_names[v], {{v, Rational(1)}}, ilp::Constraint::Sense::kGreaterEqual, Rational(1)});
  DecisionTools limited = tools;
  limited.solver_options.time_limit_seconds = std::min(tools.solver_options.time_limit_seconds, 2.0);
  limited.exact_search.node_limit = std::min<std::uint64_t>(tools.exact_search.node_limit, 200'000);
  Result<FairSolution> solved = solve_fair(forced, limited);
  if (!solved) {
    return {std::nullopt, solved.error().kind == ErrorKind::kInfeasible, solved.error().kind == ErrorKind::kInfeasible};
  }
  return {ilp::objective_value(forced, solved->x), solved->certificate.status == "optimal", true};
}

std::string forgone_text(const ForcedBest& best, const Rational& optimum, InitiativeDecision& decision) {
  if (!best.known) {
    return "";
  }
  if (!best.value) {
    return "no selection that keeps the charter's fairness rules can include it";
  }
  decision.value_forgone = std::max(Rational(0), Rational(optimum - *best.value));
  return "the best selection that includes it is worth " + std::string(best.proven ? "" : "at most ") +
         to_decimal_string(*decision.value_forgone) + " less (" + to_decimal_string(*best.value) + " instead of " +
         to_decimal_string(optimum) + ")";
}

//! The model's variables of the rejected candidates, highest network value per unit of cost first.
std::vector<std::uint32_t> rejected_by_density(const DecisionContext& context, const FairModel& fair) {
  std::vector<std::uint32_t> vars;
  for (std::uint32_t v = 0; v < fair.candidate_of.size(); ++v) {
    if (!fair.point[v]) {
      vars.push_back(v);
    }
  }
  const auto density = [&](std::uint32_t v) {
    const std::uint32_t c = fair.candidate_of[v];
    return Rational(context.network_value[c] / context.input->candidates[c].cost);
  };
  std::stable_sort(vars.begin(), vars.end(), [&](std::uint32_t a, std::uint32_t b) { return density(a) > density(b); });
  return vars;
}

void explain_fair(const DecisionContext& context, const FairModel& fair, const std::vector<std::uint32_t>& chosen,
                  const Rational& spent, const DecisionTools& tools, std::vector<InitiativeDecision>& decisions) {
  const Rational optimum = ilp::objective_value(fair.program, fair.point);
  // A forced solve costs about as much as the selection's own; large models get fewer.
  const std::size_t budget = std::min(
      tools.forgone_solves, std::max<std::size_t>(1, kForgoneWork / std::max<std::size_t>(1, fair.point.size())));
  std::size_t solves = 0;
  for (const std::uint32_t v : rejected_by_density(context, fair)) {
    const std::uint32_t c = fair.candidate_of[v];
    InitiativeDecision& decision = decisions[c];
    if (decision.reason != DecisionReason::kNotChosen) {
      continue;
    }
    std::vector<bool> with = fair.point;
    with[v] = true;
    std::string text;
    for (const std::size_t k : ilp::violated_constraints(fair.program, with)) {
      decision.binding.push_back(binding_key(context, fair.rows[k]));
      text += (text.empty() ? "" : "; ") + broken_row_text(context, fair.rows[k], chosen, c, spent);
    }
    if (decision.binding.empty()) {
      decision.explanation = context.network_value[c] == 0
                                 ? "it adds no network value, so the selection is as good without it"
                                 : "the solver stopped at its limit before reaching it";
      continue;
    }
    if (solves == budget) {
      decision.explanation = text;
      continue;
    }
    ++solves;
    const std::string forgone = forgone_text(best_with(fair, v, tools), optimum, decision);
    decision.explanation = text + (forgone.empty() ? "" : "; " + forgone);
  }
}

std::string capacity_taken_by(SelectionRule rule) {
  switch (rule) {
    case SelectionRule::kEqualShares:
      return "initiatives the Method of Equal Shares funded first took the rest";
    case SelectionRule::kPhragmen:
      return "initiatives sequential Phragmén chose first took the rest";
    case SelectionRule::kGreedy:
      return "initiatives with more support per unit of cost took the rest";
    case SelectionRule::kConsensus:
      return "initiatives the partners' consensus ranks higher took the rest";
    case SelectionRule::kNetworkFair:
      break;
  }
  return "the selection took the rest";
}

void explain_by_rule(const DecisionContext& context, const std::vector<bool>& allowed, const Rational& spent,
                     std::vector<InitiativeDecision>& decisions) {
  const SelectionRule rule = context.input->cycle.rule;
  for (std::uint32_t c = 0; c < context.num_candidates(); ++c) {
    InitiativeDecision& decision = decisions[c];
    if (!allowed[c] || decision.selected || decision.reason != DecisionReason::kNotChosen) {
      continue;
    }
    const bool supported = std::any_of(context.supported.begin(), context.supported.end(), [&](const auto& list) {
      return std::find(list.begin(), list.end(), c) != list.end();
    });
    if (context.input->candidates[c].cost > context.input->cycle.capacity - spent) {
      decision.binding = {"capacity"};
      decision.explanation = units_left_text(context, c, spent) + ": " + capacity_taken_by(rule);
    } else if (!supported) {
      decision.binding = {"support"};
      decision.explanation = "no partner supported it";
    } else {
      decision.binding = {"rule"};
      decision.explanation =
          rule == SelectionRule::kPhragmen
              ? "sequential Phragmén stops at the first initiative that does not fit, before this one"
              : std::string("not chosen by ") + name_of(rule);
    }
    decision.explanation += "; carried over";
  }
}

}  // namespace

void explain_rejections(const DecisionContext& context, const std::vector<bool>& allowed, const Selection& selection,
                        const DecisionTools& tools, std::vector<InitiativeDecision>& decisions) {
  Rational spent;
  for (std::uint32_t c : selection.chosen) {
    spent += context.input->candidates[c].cost;
  }
  if (selection.fair) {
    explain_fair(context, *selection.fair, selection.chosen, spent, tools, decisions);
    for (InitiativeDecision& decision : decisions) {
      if (!decision.selected && decision.reason == DecisionReason::kNotChosen) {
        decision.explanation += "; carried over";
      }
    }
    return;
  }
  explain_by_rule(context, allowed, spent, decisions);
}

}  // namespace covalue::core::network::detail
