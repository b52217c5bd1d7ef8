#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "covalue/core/ilp/binary_program.hpp"
#include "covalue/core/ilp/exact_search.hpp"
#include "decision_context.hpp"

namespace covalue::core::network::detail {
namespace {

using ilp::Constraint;
using ilp::Term;

std::string partner_label(const DecisionContext& context, std::uint32_t p) {
  return "partner " + context.input->members[p].name;
}

void add_capacity_row(const DecisionContext& context, FairModel& model) {
  Constraint row{"capacity", {}, Constraint::Sense::kLessEqual, context.input->cycle.capacity};
  for (std::uint32_t v = 0; v < model.candidate_of.size(); ++v) {
    row.terms.push_back({v, context.input->candidates[model.candidate_of[v]].cost});
  }
  model.program.constraints.push_back(std::move(row));
  model.rows.push_back({FairRow::Kind::kCapacity, 0});
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
    model.rows.push_back({FairRow::Kind::kDeoptShare, p});
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
    model.rows.push_back({FairRow::Kind::kProtection, p});
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
    model.rows.push_back({FairRow::Kind::kSupport, p});
  }
}

Rational proven_bound(const DecisionContext& context, const FairModel& model) {
  std::vector<Rational> values;
  std::vector<Rational> weights;
  for (std::uint32_t c : model.candidate_of) {
    values.push_back(context.objective_value[c]);
    weights.push_back(context.input->candidates[c].cost);
  }
  return ilp::knapsack_relaxation_bound(values, weights, context.input->cycle.capacity);
}

//! The solver's answer when it can be believed: an optimal or feasible point that passes the exact
//! re-check. Otherwise nothing, and `note` says why.
std::optional<FairSolution> ask_solver(const ilp::BinaryProgram& program, const DecisionTools& tools,
                                       std::string& note) {
  if (tools.solver == nullptr) {
    note = "no ILP solver was given";
    return std::nullopt;
  }
  Result<ilp::SolverAnswer> answer = tools.solver->solve(program, tools.solver_options);
  if (!answer) {
    note = tools.solver->name() + " failed: " + answer.error().to_string();
    return std::nullopt;
  }
  if (answer->status == ilp::SolveStatus::kOutOfRange) {
    note = tools.solver->name() + " was not used: " + answer->note;
    return std::nullopt;
  }
  if (answer->status != ilp::SolveStatus::kOptimal && answer->status != ilp::SolveStatus::kFeasible) {
    // The model always has a point (nothing selected), so the solver stopped on a limit or erred.
    note = tools.solver->name() + " answered " + core::name_of(answer->status);
    return std::nullopt;
  }
  if (Status check = ilp::check_point(program, answer->x); !check) {
    note = tools.solver->name() + "'s answer failed the exact re-check (" + check.error().to_string() + ")";
    return std::nullopt;
  }
  FairSolution solution;
  solution.x = std::move(answer->x);
  solution.certificate.status = core::name_of(answer->status);
  solution.certificate.nodes = answer->nodes;
  solution.certificate.solver = tools.solver->name();
  if (std::isfinite(answer->best_bound)) {
    solution.solver_bound = Rational(answer->best_bound);
  }
  return solution;
}

}  // namespace

FairModel build_fair_model(const DecisionContext& context, const std::vector<bool>& allowed) {
  FairModel model;
  Rational penalty = 1;
  for (std::uint32_t c = 0; c < context.num_candidates(); ++c) {
    if (allowed[c]) {
      model.candidate_of.push_back(c);
      model.program.var_names.push_back("x_" + std::to_string(context.input->candidates[c].id));
      model.program.objective.push_back(context.objective_value[c]);
      penalty += std::max(Rational(0), context.objective_value[c]);
    }
  }
  add_capacity_row(context, model);
  add_protection_rows(context, model);
  add_support_rows(context, model, penalty);
  add_deopt_rows(context, model);
  return model;
}

std::string binding_key(const DecisionContext& context, const FairRow& row) {
  if (row.kind == FairRow::Kind::kCapacity) {
    return "capacity";
  }
  const std::string id = std::to_string(context.input->members.at(row.member).id);
  switch (row.kind) {
    case FairRow::Kind::kCapacity:
      break;
    case FairRow::Kind::kDeoptShare:
      return "deopt_share:" + id;
    case FairRow::Kind::kProtection:
      return "protected_net_value:" + id;
    case FairRow::Kind::kSupport:
      break;
  }
  return "protected_support:" + id;
}

Result<FairSolution> solve_fair(const ilp::BinaryProgram& program, const DecisionTools& tools) {
  std::string note;
  if (std::optional<FairSolution> solved = ask_solver(program, tools, note)) {
    return std::move(*solved);
  }
  Result<ilp::ExactSearchResult> exact = ilp::search_exactly(program, tools.exact_search);
  if (!exact) {
    return exact.error();
  }
  if (exact->status == ilp::SolveStatus::kInfeasible) {
    return make_error(ErrorKind::kInfeasible, "the network-fair model has no point: " + note, "rule");
  }
  if (exact->status != ilp::SolveStatus::kOptimal && exact->status != ilp::SolveStatus::kFeasible) {
    return make_error(ErrorKind::kTimeLimit,
                      "the network-fair model could not be solved: " + note + "; covalue's exact search found " +
                          core::name_of(exact->status) + " after " + std::to_string(exact->nodes) + " nodes",
                      "rule");
  }
  if (Status check = ilp::check_point(program, exact->x); !check) {
    return make_error(ErrorKind::kInternal,
                      "the exact search's answer failed the exact re-check: " + check.error().to_string());
  }
  FairSolution solution;
  solution.x = std::move(exact->x);
  solution.certificate.status = core::name_of(exact->status);
  solution.certificate.nodes = exact->nodes;
  solution.certificate.solver = "covalue exact search";
  solution.solver_bound = exact->bound;
  solution.exact_bound = exact->bound;
  solution.certificate.note = note;
  return solution;
}

Result<Selection> select_network_fair(const DecisionContext& context, const std::vector<bool>& allowed,
                                      const DecisionTools& tools) {
  FairModel model = build_fair_model(context, allowed);
  Result<FairSolution> solution = solve_fair(model.program, tools);
  if (!solution) {
    return solution.error();
  }
  Selection selection;
  for (std::uint32_t v = 0; v < model.candidate_of.size(); ++v) {
    if (solution->x[v]) {
      selection.chosen.push_back(model.candidate_of[v]);
    }
  }
  NetworkFairCertificate& certificate = solution->certificate;
  certificate.objective = ilp::objective_value(model.program, solution->x);
  certificate.proven_bound = proven_bound(context, model);
  if (solution->exact_bound) {
    certificate.proven_bound = std::min(certificate.proven_bound, *solution->exact_bound);
  }
  // A solver without a finite bound proves nothing beyond covalue's own bound.
  certificate.solver_bound = solution->solver_bound.value_or(certificate.proven_bound);
  const Rational bound = std::min(certificate.solver_bound, certificate.proven_bound);
  certificate.gap = std::max(Rational(0), Rational(bound - certificate.objective));
  certificate.rechecked = true;
  selection.network_fair = std::move(certificate);
  model.point = std::move(solution->x);
  selection.fair = std::move(model);
  return selection;
}

}  // namespace covalue::core::network::detail
