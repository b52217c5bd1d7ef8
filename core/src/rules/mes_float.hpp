#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "mes_engine.hpp"

namespace covalue::core::rules {

//! What a certified run selected, in order; nullopt when it gave up.
using FloatSelection = std::optional<std::vector<ProjectIndex>>;

//! One purchase of a certified run, as an exact replay needs it (mes_replay.hpp): which budget classes
//! paid and where their payers went, and what the exact run's trace would name beside it. Classes are
//! numbered as MesEngine numbers them: 0 holds those with nothing left, 1 everyone at the start, and
//! each class of payers of the cap comes next, in the order the project's supporters meet them.
struct FloatPurchase {
  ProjectIndex project{0};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> splits;  //!< (paying class, class its payers move to)
  std::vector<ProjectIndex> tied;     //!< projects at the same price, ordered by the tie-breaker (it excluded)
  std::vector<ProjectIndex> dropped;  //!< projects found unaffordable while it was chosen
};

//! The Method of Equal Shares in doubles with every decision certified: each computed budget,
//! payment cap and price carries a rigorous bound on its rounding error (mes_float.cpp derives it),
//! and a decision is taken only when the quantities compared lie further apart than their bounds.
//! A run therefore selects exactly what MesEngine::run selects at the same budget, or gives up.
//! Buffers are reused from run to run: a run allocates little beyond its answer.
class MesFloat {
 public:
  //! Prepares runs on `engine`'s election; the engine must outlive this object.
  explicit MesFloat(const MesEngine& engine);

  //! The selection (in order, supported zero-cost projects first) of MES with every voter holding
  //! `budget_per_weight` per unit of integer weight; nullopt when some decision was too close to call
  //! (a near tie between the cheapest projects, a class's budget at a payment cap, a project exactly
  //! affordable) or the election lies outside the assumptions of the error bound. A tie it can prove
  //! exact goes to `resolver` as MesEngine::run would present it (its error is returned); without a
  //! resolver, every tie gives up. A resolver may thus be asked, and the run still give up later.
  [[nodiscard]] Result<FloatSelection> run(const Rational& budget_per_weight, TieResolver* resolver);

  //! Makes later runs also describe each purchase in `log` (cleared at the start of each run); nullptr stops it.
  void record(std::vector<FloatPurchase>* log) { log_ = log; }

 private:
  //! A project still in the running, with its last computed price and that price's error bound.
  struct Candidate {
    ProjectIndex project{0};  //!< index in the instance
    std::uint32_t slot{0};    //!< index in all_ and ratio_
    double cost{0};           //!< cost, rounded
    double sat{0};            //!< a supporter's satisfaction, rounded
    double lo{0};             //!< certified lower bound of its price, now and later (prices never fall)
    double hi{0};             //!< certified upper bound of its price when last computed
    double rho{0};            //!< its price when last computed
    double cap{0};            //!< payment cap when last computed
    double cap_err{0};        //!< bound on that cap's error
    double total{0};          //!< its supporters' weight with budget left, when last priced (exact)
    bool all_rich{false};     //!< when last priced, no supporter paid all they had
    bool out{false};          //!< bought or certified unaffordable in the current step
  };

  //! Sums over the supporter classes whose budget lies below a trial cap ("poor": they pay all).
  struct PoorSums {
    double weight{0};  //!< their weight (an exact integer)
    double money{0};   //!< their weight times budget
    double err{0};     //!< their weight times budget error bound
    double top{0};     //!< largest budget plus its error bound among them
    double floor{0};   //!< smallest budget minus its error bound among the others
  };

  //! What evaluating a candidate found.
  enum class Verdict {
    kPriced,        //!< affordable, price certified
    kUnaffordable,  //!< its supporters' budgets certainly add up to less than its cost
    kTooClose,      //!< some comparison was within its error bound
  };

  //! Resets the run state to everyone holding the budget; false when it is out of range.
  [[nodiscard]] bool start(const Rational& budget_per_weight);
  //! Index in live_ of the project bought next, kNone when none is affordable, kGiveUp when unsure.
  [[nodiscard]] Result<std::size_t> next_purchase(TieResolver* resolver);
  //! Which candidate to buy given the cheapest, live_[best]; kGiveUp when that is not certain.
  [[nodiscard]] Result<std::size_t> settle(std::size_t best, TieResolver* resolver);
  //! Fills twin_.
  void find_twins();
  //! True when the two candidates' current prices are provably equal.
  [[nodiscard]] bool same_price(const Candidate& a, const Candidate& b) const;
  //! Re-prices a candidate from its supporters' current budgets.
  [[nodiscard]] Verdict evaluate(Candidate& candidate);
  //! Water-fills the payment cap of an affordable candidate; false when not certified.
  [[nodiscard]] bool price(Candidate& candidate, double total);
  //! Sums over the gathered classes with budget below `cap`.
  [[nodiscard]] PoorSums poor_below(double cap) const;
  //! Collects the project's supporters' classes with budget left; returns their total weight.
  double gather(ProjectIndex project);
  //! Makes the supporters pay for a priced candidate.
  void buy(const Candidate& candidate);
  //! The class the payers of class `from` move to at this cap (0: they pay all they have).
  std::uint32_t split(std::uint32_t from, double cap, double cap_err);
  //! Appends a class; returns its index.
  std::uint32_t add_class(double budget, double err);

  const MesEngine& engine_;
  bool usable_{true};                // the election meets the error bound's assumptions
  std::vector<Rational> ratio_;      // per candidate slot: cost / sat, exactly
  std::vector<std::uint32_t> twin_;  // per candidate slot: the first slot with the same cost, sat, supporters
  std::vector<double> weight_;       // per group: integer weight as a double (exact)
  std::vector<Candidate> all_;       // every candidate, unpriced
  // State of the current run.
  std::vector<Candidate> live_;          // candidates not yet bought or dropped
  bool one_class_{false};                // every voter is still in class 1 (nothing bought yet)
  std::vector<std::uint32_t> class_of_;  // per group: its budget class (0: nothing left)
  std::vector<double> budget_;           // per class: budget per unit of integer weight
  std::vector<double> err_;              // per class: bound on that budget's error
  std::vector<double> weight_in_;        // per class, scratch of gather(): supporters' weight
  std::vector<std::uint32_t> child_;     // per class, scratch of buy(): where its payers go
  std::vector<ProjectIndex> tied_;       // scratch of settle(): projects tied with the cheapest
  std::vector<std::uint32_t> touched_;   // scratch: classes met by gather() or buy()
  std::vector<double> touched_budget_;   // scratch of gather(): per touched class, budget
  std::vector<double> touched_weight_;   // ... supporters' weight
  std::vector<double> touched_err_;      // ... budget error bound

  // What record() asked for.
  std::vector<FloatPurchase>* log_{nullptr};  // where record() asked purchases to be described
  FloatPurchase step_;                        // the purchase being chosen, as described in log_
};

//! One certified double-precision run of MES (see MesFloat::run), with fresh buffers.
[[nodiscard]] Result<FloatSelection> certified_float_run(const MesEngine& engine, const Rational& budget_per_weight,
                                                         TieResolver* resolver = nullptr);

}  // namespace covalue::core::rules
