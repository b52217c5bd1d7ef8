#include "covalue/core/network/cycle_decision.hpp"

#include <algorithm>

#include "covalue/core/games/benefit_sharing.hpp"
#include "covalue/core/network/lead_assignment.hpp"
#include "decision_context.hpp"

namespace covalue::core::network {
namespace {

using detail::DecisionContext;
using detail::Selection;

//! A selection with its shared value.
struct Portfolio {
  Selection selection;
  games::SharedValue shared;
};

games::Sharing sharing_of(SharingPolicy policy) {
  switch (policy) {
    case SharingPolicy::kShapley:
      return games::Sharing::kShapley;
    case SharingPolicy::kProportional:
      return games::Sharing::kProportional;
    case SharingPolicy::kNone:
      break;
  }
  return games::Sharing::kNone;
}

Result<Portfolio> select_and_share(const DecisionContext& context, const std::vector<bool>& allowed,
                                   const DecisionTools& tools) {
  Result<Selection> selection = detail::select(context, allowed, tools);
  if (!selection) {
    return selection.error();
  }
  Result<games::PortfolioGame> game = detail::portfolio_game(context, selection->chosen);
  if (!game) {
    return game.error();
  }
  Result<games::SharedValue> shared =
      games::share_value(*game, sharing_of(context.input->charter.sharing), tools.shapley);
  if (!shared) {
    return shared.error();
  }
  return Portfolio{std::move(*selection), std::move(*shared)};
}

//! The objected initiatives to exclude next: for every member whose transfer does not cover its losses
//! from its objected selections, the one that harms it most (lowest candidate index on ties).
std::vector<std::uint32_t> unmet_objections(const DecisionContext& context, const Portfolio& portfolio) {
  std::vector<std::uint32_t> excluded;
  for (std::uint32_t p = 0; p < context.num_members(); ++p) {
    Rational loss;
    std::optional<std::uint32_t> worst;
    Rational worst_impact;
    for (const detail::MemberObjection& objection : context.objections[p]) {
      const auto& chosen = portfolio.selection.chosen;
      if (!std::binary_search(chosen.begin(), chosen.end(), objection.candidate)) {
        continue;
      }
      const Rational impact = context.impact(objection.candidate, p);
      loss -= std::min(Rational(0), impact);
      if (!worst || impact < worst_impact) {
        worst = objection.candidate;
        worst_impact = impact;
      }
    }
    if (worst && portfolio.shared.transfers[p] < loss) {
      excluded.push_back(*worst);
    }
  }
  std::sort(excluded.begin(), excluded.end());
  excluded.erase(std::unique(excluded.begin(), excluded.end()), excluded.end());
  return excluded;
}

//! Why each candidate is or is not selected, before objections and selection are known.
std::vector<bool> eligibility(const DecisionContext& context, std::vector<InitiativeDecision>& decisions) {
  std::vector<bool> allowed(context.num_candidates(), true);
  for (std::uint32_t c = 0; c < context.num_candidates(); ++c) {
    const Initiative& initiative = context.input->candidates[c];
    decisions[c].initiative = initiative.id;
    if (initiative.cost > context.input->cycle.capacity) {
      allowed[c] = false;
      decisions[c].reason = DecisionReason::kExceedsCapacity;
      decisions[c].explanation = "costs " + to_decimal_string(initiative.cost) + ", more than the capacity " +
                                 to_decimal_string(context.input->cycle.capacity);
    } else if (context.network_value[c] < 0) {
      allowed[c] = false;
      decisions[c].reason = DecisionReason::kNegativeNetworkValue;
      decisions[c].explanation = "its estimated network value " + to_decimal_string(context.network_value[c]) +
                                 " is negative: network benefit first";
    }
  }
  return allowed;
}

std::string objection_text(const DecisionContext& context, std::uint32_t candidate);

//! Without transfers nobody can be compensated: an initiative that harms one of its objectors is
//! excluded before selection.
void exclude_uncompensable(const DecisionContext& context, std::vector<bool>& allowed,
                           std::vector<InitiativeDecision>& decisions) {
  if (context.input->charter.sharing != SharingPolicy::kNone) {
    return;
  }
  for (std::uint32_t p = 0; p < context.num_members(); ++p) {
    for (const detail::MemberObjection& objection : context.objections[p]) {
      const std::uint32_t c = objection.candidate;
      if (allowed[c] && context.impact(c, p) < 0) {
        allowed[c] = false;
        decisions[c].reason = DecisionReason::kObjection;
        decisions[c].explanation =
            objection_text(context, c) + "; with transfers off the objector cannot be made whole";
      }
    }
  }
}

std::string objection_text(const DecisionContext& context, std::uint32_t candidate) {
  std::string text;
  for (std::uint32_t p = 0; p < context.num_members(); ++p) {
    for (const detail::MemberObjection& objection : context.objections[p]) {
      if (objection.candidate == candidate) {
        text += (text.empty() ? "" : "; ") + context.input->members[p].name + " objects";
        text += objection.reason.empty() ? std::string() : " (" + objection.reason + ")";
      }
    }
  }
  return text;
}

//! Runs selection and sharing, excluding unmet objections one at a time until none is left.
Result<Portfolio> settle_objections(const DecisionContext& context, std::vector<bool>& allowed,
                                    std::vector<InitiativeDecision>& decisions, const DecisionTools& tools,
                                    std::vector<std::string>& notes) {
  while (true) {
    Result<Portfolio> portfolio = select_and_share(context, allowed, tools);
    if (!portfolio) {
      return portfolio.error();
    }
    const std::vector<std::uint32_t> excluded = unmet_objections(context, *portfolio);
    if (excluded.empty()) {
      return portfolio;
    }
    for (std::uint32_t c : excluded) {
      allowed[c] = false;
      decisions[c].reason = DecisionReason::kObjection;
      decisions[c].explanation =
          objection_text(context, c) + "; transfers would not make the objector whole, so it is excluded";
      notes.push_back("excluded " + context.input->candidates[c].title + ": " + decisions[c].explanation);
    }
    notes.push_back("selecting again without the excluded initiatives");
  }
}

bool is_objected(const DecisionContext& context, std::uint32_t candidate) {
  return !objection_text(context, candidate).empty();
}

void record_selection(const DecisionContext& context, const Portfolio& portfolio,
                      std::vector<InitiativeDecision>& decisions) {
  for (std::uint32_t c : portfolio.selection.chosen) {
    decisions[c].selected = true;
    if (is_objected(context, c)) {
      decisions[c].reason = DecisionReason::kSelectedObjectionMet;
      decisions[c].explanation = objection_text(context, c) + "; transfers make every objector whole";
    } else {
      decisions[c].reason = DecisionReason::kSelected;
      decisions[c].explanation = std::string("chosen by ") + name_of(context.input->cycle.rule);
    }
  }
}

//! How the weights were set, in words.
std::string weights_note(const FairnessPolicy& fairness) {
  switch (fairness.weight_policy) {
    case perpetual::WeightPolicy::kReset:
      return "weights: Perpetual Reset (Lackner 2020): 1 + the partner's dry spell";
    case perpetual::WeightPolicy::kNone:
      return "weights: 1 for every partner (perpetual weighting off)";
    default:
      return std::string("weights: ") + name_of(perpetual::library_rule(fairness.weight_policy)) +
             " (Lackner 2020) over the cycles so far, absence: " + name_of(fairness.weight_absence) +
             "; network-fair weighs each partner's impact by its weight (docs/perpetual.md)";
  }
}

//! The decision in words: weights, eligibility, selection, sharing.
void explain(const DecisionContext& context, const std::vector<bool>& allowed, const Portfolio& portfolio,
             std::vector<std::string>& notes) {
  const CycleInput& input = *context.input;
  notes.insert(notes.begin(), weights_note(input.charter.fairness));
  const auto eligible = std::count(allowed.begin(), allowed.end(), true);
  notes.push_back(std::to_string(input.candidates.size()) + " candidates, " + std::to_string(eligible) +
                  " eligible after the capacity, network-value and objection checks");
  notes.push_back(std::string("selection by ") + name_of(input.cycle.rule) + ": " +
                  std::to_string(portfolio.selection.chosen.size()) + " initiatives");
  notes.push_back(std::string("sharing: ") + name_of(input.charter.sharing) + " (" + portfolio.shared.method + ")");
}

//! The consensus the selection was made by, or (other rules) the one the ballots express, by the
//! charter's ranking rule or, when that one hits its limits, by Schulze's.
Result<std::optional<ConsensusSummary>> consensus_of(const DecisionContext& context, const std::vector<bool>& allowed,
                                                     Selection& selection, std::vector<std::string>& notes) {
  if (selection.consensus) {
    return std::optional<ConsensusSummary>(std::move(selection.consensus));
  }
  const ranking::RankingRule preferred = context.input->charter.ranking_rule;
  Result<std::optional<ConsensusSummary>> first = detail::summarise_consensus(context, allowed, preferred);
  Result<std::optional<ConsensusSummary>> summary =
      !first && first.error().kind == ErrorKind::kTimeLimit
          ? detail::summarise_consensus(context, allowed, ranking::RankingRule::kSchulze)
          : std::move(first);
  if (!summary && summary.error().kind == ErrorKind::kInvalidInput) {
    // Weights whose common denominator is too large to count ballots in whole numbers (pav after a few
    // cycles: 1/2, 1/3, ..., 1/29): the summary is for information only, so the cycle closes without it.
    notes.push_back("no consensus summary: " + summary.error().message);
    return std::optional<ConsensusSummary>();
  }
  return summary;
}

}  // namespace

Result<CycleOutcome> decide_cycle(const CycleInput& input, const DecisionTools& tools) {
  Result<DecisionContext> context = detail::make_context(input);
  if (!context) {
    return context.error();
  }
  CycleOutcome outcome;
  outcome.cycle = input.cycle.number;
  outcome.rule = input.cycle.rule;
  outcome.capacity = input.cycle.capacity;
  outcome.decisions.resize(input.candidates.size());
  std::vector<bool> allowed = eligibility(*context, outcome.decisions);
  exclude_uncompensable(*context, allowed, outcome.decisions);
  Result<Portfolio> portfolio = settle_objections(*context, allowed, outcome.decisions, tools, outcome.notes);
  if (!portfolio) {
    return portfolio.error();
  }
  record_selection(*context, *portfolio, outcome.decisions);
  detail::explain_rejections(*context, allowed, portfolio->selection, tools, outcome.decisions);
  explain(*context, allowed, *portfolio, outcome.notes);
  const std::vector<std::uint32_t>& chosen = portfolio->selection.chosen;
  for (std::uint32_t c : chosen) {
    outcome.spent += input.candidates[c].cost;
    outcome.network_value += context->network_value[c];
  }
  detail::fill_partner_results(*context, chosen, portfolio->shared, outcome);
  Result<std::vector<LeadAssignment>> leads = detail::assign_cycle_leads(*context, chosen);
  if (!leads) {
    return leads.error();
  }
  outcome.leads = std::move(*leads);
  outcome.sharing.policy = input.charter.sharing;
  outcome.sharing.method = portfolio->shared.method;
  outcome.sharing.samples = portfolio->shared.samples;
  outcome.sharing.error_bound = portfolio->shared.error_bound;
  outcome.rule_outcome = std::move(portfolio->selection.rule_outcome);
  outcome.candidates = std::move(portfolio->selection.rule_candidates);
  outcome.network_fair = std::move(portfolio->selection.network_fair);
  Result<std::optional<ConsensusSummary>> consensus =
      consensus_of(*context, allowed, portfolio->selection, outcome.notes);
  if (!consensus) {
    return consensus.error();
  }
  outcome.consensus = std::move(*consensus);
  if (outcome.consensus) {
    outcome.notes.push_back(std::string("consensus ranking by ") + core::name_of(outcome.consensus->rule) +
                            (input.cycle.rule == SelectionRule::kConsensus
                                 ? ": initiatives taken in its order while they fit the capacity"
                                 : " (for information: the selection rule decided)") +
                            "; agreement index " + to_decimal_string(outcome.consensus->agreement_index));
  }
  const games::CoreCheck& core = portfolio->shared.core;
  outcome.sharing.in_core = core.verdict == games::CoreCheck::Verdict::kYes  ? "yes"
                            : core.verdict == games::CoreCheck::Verdict::kNo ? "no"
                                                                             : "unknown";
  for (games::Player player : core.blocking) {
    outcome.sharing.blocking_coalition.push_back(input.members[player].id);
  }
  return outcome;
}

}  // namespace covalue::core::network
