#include "covalue/core/ilp/exact_search.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <string>

namespace covalue::core::ilp {
namespace {

//! sum coefs[k] * x[vars[k]] <= rhs, in integers.
struct IntRow {
  std::vector<std::uint32_t> vars;
  std::vector<Integer> coefs;
  Integer rhs;
};

//! The program in integers: the objective times `objective_scale`, each row times its own factor.
struct IntModel {
  std::vector<Integer> objective;
  Rational objective_scale{1};
  std::vector<IntRow> rows;
  std::vector<std::vector<std::pair<std::uint32_t, Integer>>> incidence;  //!< per variable: (row, coefficient)
  std::vector<std::uint32_t> packing;                                     //!< rows with no negative coefficient
};

Integer lcm_of_denominators(const std::vector<const Rational*>& numbers) {
  Integer lcm(1);
  for (const Rational* q : numbers) {
    if (q->get_den() != 1) {
      mpz_lcm(lcm.get_mpz_t(), lcm.get_mpz_t(), q->get_den_mpz_t());
    }
  }
  return lcm;
}

Integer times(const Rational& q, const Integer& lcm) {
  Integer out;
  mpz_divexact(out.get_mpz_t(), lcm.get_mpz_t(), q.get_den_mpz_t());
  return out * q.get_num();
}

//! A constraint's terms over the binary variables, defined variables substituted, merged by variable.
Result<std::map<std::uint32_t, Rational>> binary_terms(const BinaryProgram& program, const Constraint& constraint,
                                                       std::size_t index) {
  std::map<std::uint32_t, Rational> terms;
  for (const Term& term : constraint.terms) {
    if (term.var < program.num_vars()) {
      terms[term.var] += term.coef;
      continue;
    }
    const std::size_t k = term.var - program.num_vars();
    if (k >= program.defined.size()) {
      return make_error(ErrorKind::kInvalidInput, "constraint " + std::to_string(index) + " '" + constraint.name +
                                                      "' uses variable " + std::to_string(term.var) + " of only " +
                                                      std::to_string(program.num_columns()));
    }
    for (const Term& inner : program.defined[k].terms) {
      if (inner.var >= program.num_vars()) {
        return make_error(ErrorKind::kInvalidInput,
                          "defined variable '" + program.defined[k].name + "' uses a variable that is not binary");
      }
      terms[inner.var] += term.coef * inner.coef;
    }
  }
  return terms;
}

//! Adds sign * (terms <= rhs) as an integer row.
void add_row(const std::map<std::uint32_t, Rational>& terms, const Rational& rhs, int sign, IntModel& model) {
  std::vector<const Rational*> numbers = {&rhs};
  for (const auto& [var, coef] : terms) {
    numbers.push_back(&coef);
  }
  const Integer lcm = lcm_of_denominators(numbers);
  IntRow row;
  for (const auto& [var, coef] : terms) {
    if (sgn(coef) != 0) {
      row.vars.push_back(var);
      row.coefs.push_back(sign * times(coef, lcm));
    }
  }
  row.rhs = sign * times(rhs, lcm);
  model.rows.push_back(std::move(row));
}

Result<IntModel> to_int_model(const BinaryProgram& program) {
  IntModel model;
  std::vector<const Rational*> numbers;
  for (const Rational& q : program.objective) {
    numbers.push_back(&q);
  }
  const Integer lcm = lcm_of_denominators(numbers);
  model.objective_scale = Rational(lcm);
  for (const Rational& q : program.objective) {
    model.objective.push_back(times(q, lcm));
  }
  for (std::size_t c = 0; c < program.constraints.size(); ++c) {
    const Constraint& constraint = program.constraints[c];
    Result<std::map<std::uint32_t, Rational>> terms = binary_terms(program, constraint, c);
    if (!terms) {
      return terms.error();
    }
    if (constraint.sense != Constraint::Sense::kGreaterEqual) {
      add_row(*terms, constraint.rhs, 1, model);
    }
    if (constraint.sense != Constraint::Sense::kLessEqual) {
      add_row(*terms, constraint.rhs, -1, model);
    }
  }
  model.incidence.resize(program.num_vars());
  for (std::uint32_t r = 0; r < model.rows.size(); ++r) {
    const IntRow& row = model.rows[r];
    bool packing = true;
    for (std::size_t k = 0; k < row.vars.size(); ++k) {
      model.incidence[row.vars[k]].emplace_back(r, row.coefs[k]);
      packing = packing && sgn(row.coefs[k]) > 0;
    }
    if (packing && !row.vars.empty()) {
      model.packing.push_back(r);
    }
  }
  return model;
}

//! The positive-objective variables of a packing row in the order of its LP relaxation: those the row
//! does not hold first (free room), then by objective per unit of the row, best first.
std::vector<std::pair<std::uint32_t, Integer>> relaxation_order(const IntModel& model, std::uint32_t r) {
  std::vector<Integer> weight(model.objective.size());
  const IntRow& row = model.rows[r];
  for (std::size_t k = 0; k < row.vars.size(); ++k) {
    weight[row.vars[k]] = row.coefs[k];
  }
  std::vector<std::pair<std::uint32_t, Integer>> order;
  for (std::uint32_t j = 0; j < model.objective.size(); ++j) {
    if (sgn(model.objective[j]) > 0) {
      order.emplace_back(j, weight[j]);
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (sgn(a.second) == 0 || sgn(b.second) == 0) {
      return sgn(a.second) == 0 && sgn(b.second) != 0;
    }
    return model.objective[a.first] * b.second > model.objective[b.first] * a.second;
  });
  return order;
}

//! Depth-first branch and bound over the variables in a fixed order.
class Search {
 public:
  Search(const IntModel& model, std::uint64_t node_limit) : model_(model), node_limit_(node_limit) {
    const std::size_t n = model.objective.size();
    value_.assign(n, kFree);
    fixed_sum_.assign(model.rows.size(), Integer(0));
    negative_free_.assign(model.rows.size(), Integer(0));
    for (std::uint32_t r = 0; r < model.rows.size(); ++r) {
      for (const Integer& coef : model.rows[r].coefs) {
        if (sgn(coef) < 0) {
          negative_free_[r] += coef;
        }
      }
    }
    for (const Integer& c : model.objective) {
      if (sgn(c) > 0) {
        positive_free_ += c;
      }
    }
    for (const std::uint32_t r : model.packing) {
      relaxations_.push_back({r, relaxation_order(model, r)});
    }
    order_ = branching_order();
  }

  //! Runs the search; the root bound is an upper bound on the optimum, valid whatever the limit.
  void run() {
    root_bound_ = bound();
    for (std::uint32_t r = 0; r < model_.rows.size(); ++r) {
      if (!row_holds(r)) {
        return;  // no point satisfies this row
      }
    }
    dfs(0);
  }

  [[nodiscard]] bool stopped() const { return stopped_; }
  [[nodiscard]] const std::optional<Integer>& incumbent() const { return incumbent_; }
  [[nodiscard]] const std::vector<bool>& best() const { return best_; }
  [[nodiscard]] const Integer& root_bound() const { return root_bound_; }
  [[nodiscard]] std::uint64_t nodes() const { return nodes_; }

 private:
  static constexpr signed char kFree = -1;

  struct Relaxation {
    std::uint32_t row;
    std::vector<std::pair<std::uint32_t, Integer>> order;
  };

  //! The variables of the first packing row in its relaxation order, then the rest by objective.
  [[nodiscard]] std::vector<std::uint32_t> branching_order() const {
    std::vector<std::uint32_t> order;
    std::vector<bool> placed(model_.objective.size(), false);
    if (!relaxations_.empty()) {
      for (const auto& [var, weight] : relaxations_.front().order) {
        order.push_back(var);
        placed[var] = true;
      }
    }
    std::vector<std::uint32_t> rest;
    for (std::uint32_t j = 0; j < model_.objective.size(); ++j) {
      if (!placed[j]) {
        rest.push_back(j);
      }
    }
    std::stable_sort(rest.begin(), rest.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return model_.objective[a] > model_.objective[b]; });
    order.insert(order.end(), rest.begin(), rest.end());
    return order;
  }

  [[nodiscard]] bool row_holds(std::uint32_t r) const {
    return fixed_sum_[r] + negative_free_[r] <= model_.rows[r].rhs;
  }

  //! Fixes variable j to v; false when a row it is in can no longer hold.
  bool fix(std::uint32_t j, signed char v) {
    value_[j] = v;
    if (sgn(model_.objective[j]) > 0) {
      positive_free_ -= model_.objective[j];
    }
    if (v == 1) {
      objective_fixed_ += model_.objective[j];
    }
    bool holds = true;
    for (const auto& [r, coef] : model_.incidence[j]) {
      if (sgn(coef) < 0) {
        negative_free_[r] -= coef;
      }
      if (v == 1) {
        fixed_sum_[r] += coef;
      }
      holds = holds && row_holds(r);
    }
    return holds;
  }

  void unfix(std::uint32_t j, signed char v) {
    for (const auto& [r, coef] : model_.incidence[j]) {
      if (sgn(coef) < 0) {
        negative_free_[r] += coef;
      }
      if (v == 1) {
        fixed_sum_[r] -= coef;
      }
    }
    if (v == 1) {
      objective_fixed_ -= model_.objective[j];
    }
    if (sgn(model_.objective[j]) > 0) {
      positive_free_ += model_.objective[j];
    }
    value_[j] = kFree;
  }

  //! Dantzig's bound of one packing row over the free variables (floored: objectives are integers).
  [[nodiscard]] Integer relaxation_bound(const Relaxation& relaxation) const {
    Integer room = model_.rows[relaxation.row].rhs - fixed_sum_[relaxation.row];
    Integer sum(0);
    if (sgn(room) < 0) {
      return sum;  // the row cannot hold: no point here (only the root asks before checking)
    }
    for (const auto& [var, weight] : relaxation.order) {
      if (value_[var] != kFree) {
        continue;
      }
      if (weight <= room) {
        sum += model_.objective[var];
        room -= weight;
        continue;
      }
      Integer part = model_.objective[var] * room;
      mpz_fdiv_q(part.get_mpz_t(), part.get_mpz_t(), weight.get_mpz_t());
      return sum + part;
    }
    return sum;
  }

  [[nodiscard]] Integer bound() const {
    Integer best = positive_free_;
    for (const Relaxation& relaxation : relaxations_) {
      best = std::min(best, relaxation_bound(relaxation));
    }
    return objective_fixed_ + best;
  }

  void dfs(std::size_t depth) {
    if (depth == order_.size()) {
      if (!incumbent_ || objective_fixed_ > *incumbent_) {
        incumbent_ = objective_fixed_;
        best_.assign(value_.size(), false);
        for (std::size_t j = 0; j < value_.size(); ++j) {
          best_[j] = value_[j] == 1;
        }
      }
      return;
    }
    if (incumbent_ && bound() <= *incumbent_) {
      return;
    }
    const std::uint32_t j = order_[depth];
    const signed char first = sgn(model_.objective[j]) > 0 ? 1 : 0;
    for (const signed char v : {first, static_cast<signed char>(1 - first)}) {
      if (nodes_ == node_limit_) {
        stopped_ = true;
        return;
      }
      ++nodes_;
      if (fix(j, v)) {
        dfs(depth + 1);
      }
      unfix(j, v);
      if (stopped_) {
        return;
      }
    }
  }

  const IntModel& model_;
  std::uint64_t node_limit_;
  std::vector<signed char> value_;
  std::vector<Integer> fixed_sum_;
  std::vector<Integer> negative_free_;
  Integer objective_fixed_{0};
  Integer positive_free_{0};
  std::vector<Relaxation> relaxations_;
  std::vector<std::uint32_t> order_;
  std::optional<Integer> incumbent_;
  std::vector<bool> best_;
  Integer root_bound_{0};
  std::uint64_t nodes_{0};
  bool stopped_{false};
};

}  // namespace

Result<ExactSearchResult> search_exactly(const BinaryProgram& program, const ExactSearchOptions& options) {
  Result<IntModel> model = to_int_model(program);
  if (!model) {
    return model.error();
  }
  Search search(*model, options.node_limit);
  search.run();
  ExactSearchResult result;
  result.nodes = search.nodes();
  result.bound = Rational(search.root_bound()) / model->objective_scale;
  if (search.incumbent()) {
    result.x = search.best();
    result.objective = Rational(*search.incumbent()) / model->objective_scale;
    result.status = search.stopped() ? SolveStatus::kFeasible : SolveStatus::kOptimal;
    if (!search.stopped()) {
      result.bound = result.objective;
    }
  } else {
    result.status = search.stopped() ? SolveStatus::kNoSolutionFound : SolveStatus::kInfeasible;
  }
  return result;
}

}  // namespace covalue::core::ilp
