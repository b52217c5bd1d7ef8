#include <algorithm>
#include <cmath>

#include "covalue/core/ilp/binary_program.hpp"
#include "decision_context.hpp"

namespace covalue::core::network::detail {
namespace {

using ilp::Constraint;
using ilp::Term;

//! The network-fair ILP and how its variables map back to candidates.
struct FairModel {
  ilp::BinaryProgram program;
  std::vector<std::uint32_t> candidate_of;  // variable -> candidate, for the first candidate_of.size() variables
};

std::string partner_label(const DecisionContext& context, std::uint32_t p) {
  return "partner " + context.input->members[p].name;
}

void add_capacity_row(const DecisionContext& context, FairModel& model) {
  Constraint row{"capacity", {}, Constraint::Sense::kLessEqual, context.input->cycle.capacity};
  for (std::uint32_t v = 0; v < model.candidate_of.size(); ++v) {
    row.terms.push_back({v, context.input->candidates[model.candidate_of[v]].cost});
  }
  model.program.constraints.push_back(std::move(row));
}

//! No member carries more than the allowed share s of the cycle's de-optimisation:
//! sum_c loss(p, c) x_c - s * D <= 0, with D = sum_c loss(c) x_c a defined variable, so each row only
//! holds the member's own losses (sparse) instead of every candidate's.
void add_deopt_rows(const DecisionContext& context, FairModel& model) {
  const Rational& share = context.input->charter.fairness.max_deopt_share;
  if (share >= 1) {
    return;  // a share of 1 never binds
  }
  const std::size_t vars = model.candidate_of.size();
  ilp::DefinedVariable total{"total de-optimisation", {}};
  std::vector<std::vector<Term>> rows(context.num_members());
  for (std::uint32_t v = 0; v < vars; ++v) {
    Rational loss;
    for (const MemberImpact& impact : context.impacts[model.candidate_of[v]]) {
      if (impact.value < 0) {
        loss -= impact.value;
        rows[impact.member].push_back({v, -impact.value});
      }
    }
    if (loss != 0) {
      total.terms.push_back({v, loss});
    }
  }
  if (total.terms.empty()) {
    return;
  }
  // Defined variables are numbered after every binary one, so this runs once all binaries exist.
  const auto d = static_cast<std::uint32_t>(model.program.num_vars() + model.program.defined.size());
  model.program.defined.push_back(std::move(total));
  for (std::uint32_t p = 0; p < rows.size(); ++p) {
    if (rows[p].empty()) {
      continue;
    }
    Constraint row{"de-optimisation share of " + partner_label(context, p), std::move(rows[p]),
                   Constraint::Sense::kLessEqual, 0};
    row.terms.push_back({d, -share});
    model.program.constraints.push_back(std::move(row));
  }
}

//! A protected member ends the cycle with a net value >= 0. With transfers on, sharing guarantees it
//! (every selected initiative has a non-negative network value); without, its own impacts must.
void add_protection_rows(const DecisionContext& context, FairModel& model) {
  if (context.input->charter.sharing != SharingPolicy::kNone) {
    return;
  }
  for (std::uint32_t p = 0; p < context.num_members(); ++p) {
    if (!context.is_protected[p]) {
      continue;
    }
    Constraint row{"net value of protected " + partner_label(context, p), {}, Constraint::Sense::kGreaterEqual, 0};
    for (std::uint32_t v = 0; v < model.candidate_of.size(); ++v) {
      Rational a = context.impact(model.candidate_of[v], p);
      if (a != 0) {
        row.terms.push_back({v, a});
      }
    }
    model.program.constraints.push_back(std::move(row));
  }
}

//! A protected member who supported something should get something: sum of its supported x + miss >= 1,
//! with each miss costing more than all the network value on offer (so meeting it comes first).
void add_support_rows(const DecisionContext& context, FairModel& model, const Rational& penalty) {
  std::vector<std::int64_t> var_of(context.num_candidates(), -1);
  for (std::uint32_t v = 0; v < model.candidate_of.size(); ++v) {
    var_of[model.candidate_of[v]] = v;
  }
  for (std::uint32_t p = 0; p < context.num_members(); ++p) {
    if (!context.is_protected[p]) {
      continue;
    }
    Constraint row{
        "something asked for, for protected " + partner_label(context, p), {}, Constraint::Sense::kGreaterEqual, 1};
    for (std::uint32_t c : context.supported[p]) {
      if (var_of[c] >= 0) {
        row.terms.push_back({static_cast<std::uint32_t>(var_of[c]), 1});
      }
    }
    if (row.terms.empty()) {
      continue;  // it asked for nothing that can be selected
    }
    const auto miss = static_cast<std::uint32_t>(model.program.objective.size());
    model.program.var_names.push_back("miss_" + std::to_string(context.input->members[p].id));
    model.program.objective.push_back(-penalty);
    row.terms.push_back({miss, 1});
    model.program.constraints.push_back(std::move(row));
  }
}

FairModel build_model(const DecisionContext& context, const std::vector<bool>& allowed) {
  FairModel model;
  Rational penalty = 1;
  for (std::uint32_t c = 0; c < context.num_candidates(); ++c) {
    if (allowed[c]) {
      model.candidate_of.push_back(c);
      model.program.var_names.push_back("x_" + std::to_string(context.input->candidates[c].id));
      model.program.objective.push_back(context.network_value[c]);
      penalty += std::max(Rational(0), context.network_value[c]);
    }
  }
  add_capacity_row(context, model);
  add_protection_rows(context, model);
  add_support_rows(context, model, penalty);
  add_deopt_rows(context, model);
  return model;
}

Rational proven_bound(const DecisionContext& context, const FairModel& model) {
  std::vector<Rational> values;
  std::vector<Rational> weights;
  for (std::uint32_t c : model.candidate_of) {
    values.push_back(context.network_value[c]);
    weights.push_back(context.input->candidates[c].cost);
  }
  return ilp::knapsack_relaxation_bound(values, weights, context.input->cycle.capacity);
}

}  // namespace

Result<Selection> select_network_fair(const DecisionContext& context, const std::vector<bool>& allowed,
                                      const DecisionTools& tools) {
  if (tools.solver == nullptr) {
    return make_error(ErrorKind::kUsage, "the network-fair rule needs an ILP solver", "rule");
  }
  FairModel model = build_model(context, allowed);
  Result<ilp::SolverAnswer> answer = tools.solver->solve(model.program, tools.solver_options);
  if (!answer) {
    return answer.error();
  }
  if (answer->status != ilp::SolveStatus::kOptimal && answer->status != ilp::SolveStatus::kFeasible) {
    return make_error(ErrorKind::kTimeLimit, std::string("the ILP solver answered ") +
                                                 ilp::solve_status_name(answer->status) + " on the network-fair model");
  }
  if (Status check = ilp::check_point(model.program, answer->x); !check) {
    return make_error(ErrorKind::kInternal,
                      "the solver's answer failed the exact re-check: " + check.error().to_string());
  }
  Selection selection;
  for (std::uint32_t v = 0; v < model.candidate_of.size(); ++v) {
    if (answer->x[v]) {
      selection.chosen.push_back(model.candidate_of[v]);
    }
  }
  NetworkFairCertificate certificate;
  certificate.status = ilp::solve_status_name(answer->status);
  certificate.objective = ilp::objective_value(model.program, answer->x);
  certificate.proven_bound = proven_bound(context, model);
  // A solver without a finite bound proves nothing beyond covalue's own bound.
  certificate.solver_bound =
      std::isfinite(answer->best_bound) ? Rational(answer->best_bound) : certificate.proven_bound;
  const Rational bound = std::min(certificate.solver_bound, certificate.proven_bound);
  certificate.gap = std::max(Rational(0), Rational(bound - certificate.objective));
  certificate.nodes = answer->nodes;
  certificate.rechecked = true;
  selection.network_fair = std::move(certificate);
  return selection;
}

}  // namespace covalue::core::network::detail
