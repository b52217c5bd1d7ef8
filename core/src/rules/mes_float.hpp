#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
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

  //! What a run learnt about its prices that can prove later budgets alike (holds()). Per purchase: the
  //! bought project first, then the other projects priced in that step, each with certified bounds of
  //! its price then.
  struct Bounds {
    struct Price {
      std::uint32_t slot{0};  //!< the candidate
      bool all_rich{false};   //!< no supporter paid all they had (its price is exactly ratio / total)
      double lo{0};           //!< its price is at least this
      double hi{0};           //!< ... and at most this
      double total{0};        //!< its supporters' weight with budget left (exact)
    };
    //! A candidate found unaffordable while choosing purchase `purchase` (it stays so in later ones).
    struct Drop {
      std::uint32_t slot{0};
      std::size_t purchase{0};
      double money{0};  //!< its supporters' money then (rounded)
    };
    Rational budget;                        //!< the budget per unit of integer weight they were found at
    std::vector<Price> prices;              //!< per purchase, the bought project first
    std::vector<std::uint32_t> offsets{0};  //!< per purchase, its first entry in prices; then the end
    std::vector<Drop> dropped;              //!< candidates found unaffordable, in order
  };

  //! The selection (in order, supported zero-cost projects first) of MES with every voter holding
  //! `budget_per_weight` per unit of integer weight; nullopt when some decision was too close to call
  //! (a near tie between the cheapest projects, a class's budget at a payment cap, a project exactly
  //! affordable) or the election lies outside the assumptions of the error bound. A tie it can prove
  //! exact goes to `resolver` as MesEngine::run would present it (its error is returned); without a
  //! resolver, every tie gives up. A resolver may thus be asked, and the run still give up later.
  //! With `bounds`, also records what the run learnt about its prices.
  [[nodiscard]] Result<FloatSelection> run(const Rational& budget_per_weight, TieResolver* resolver,
                                           Bounds* bounds = nullptr);

  //! Whether MES buys `bought` (in order, zero-cost projects left out) at every budget from `from.budget`
  //! up to `budget_per_weight`, where `from` is what a run buying `bought` learnt (run() or holds()).
  //! With the earlier purchases fixed, prices only fall as budgets grow; so it suffices that, buying in
  //! that order at the higher budget, every other project still in the running is certainly
  //! unaffordable there or certainly dearer than the bought one all along: dearer at the higher budget
  //! than the bought one at the lower, or, where `from` priced it too, apart at both ends by more than
  //! their fall rates can close in between. After the last purchase nothing may be affordable. With
  //! `twins_alike` (a resolver that picks from a tie by the tie alone) a twin of the bought project is
  //! exempt: the tie it forms is the same at every budget. On success `to` holds what this run learnt. `aim`
  //! (when given) guesses, in multiples of the growth from the lower budget, where a change may come: on
  //! success, where the first two prices would meet if they kept closing as they did (infinity: none
  //! closing); on failure, how much of the growth could have been proven (0: none).
  [[nodiscard]] bool holds(const Rational& budget_per_weight, std::span<const ProjectIndex> bought, const Bounds& from,
                           Bounds& to, bool twins_alike, double* aim = nullptr);

  //! Makes later runs also describe each purchase in `log` (cleared at the start of each run); nullptr stops it.
  void record(std::vector<FloatPurchase>* log) { log_ = log; }

 private:
  //! A project still in the running, with its last computed price and that price's error bound.
  struct Candidate {
    ProjectIndex project{0};   //!< index in the instance
    std::uint32_t slot{0};     //!< index in all_ and ratio_
    double cost{0};            //!< cost, rounded
    double sat{0};             //!< a supporter's satisfaction, rounded
    double lo{0};              //!< certified lower bound of its price, now and later (prices never fall)
    double hi{0};              //!< certified upper bound of its price when last computed
    double rho{0};             //!< its price when last computed
    double cap{0};             //!< payment cap when last computed
    double cap_err{0};         //!< bound on that cap's error
    double cap_fall{0};        //!< in holds(): bound on how fast its cap falls on the way up to this budget
    double fall{0};            //!< the same for its price
    double cap_least_fall{0};  //!< in holds(): how fast its cap falls at least on the way
    double least_fall{0};      //!< the same for its price
    double cap_at_a{0};        //!< in holds(): bound of its cap at the lower budget
    double money{0};           //!< its supporters' money when last evaluated (rounded)
    double total{0};           //!< its supporters' weight with budget left, when last priced (exact)
    bool all_rich{false};      //!< when last priced, no supporter paid all they had
    bool out{false};           //!< bought or certified unaffordable in the current step
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
  //! Takes an unaffordable candidate out of the running, noting it for the bounds.
  void drop(Candidate& candidate);
  //! In holds(): a guess of where a candidate not priced at the lower budget turned affordable.
  [[nodiscard]] double affordable_share(const Candidate& candidate, std::size_t purchase) const;
  //! Prices, for the bounds, the candidates whose prices may lie near `price` (see MesFloat::Bounds).
  void price_near(std::size_t from, double price);
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
  double gather(const Candidate& candidate);
  //! What a run gathered, per purchase and candidate, and the path of purchases it took: which project each
  //! bought and where each class met went. A later run that buys the same projects and splits the classes
  //! alike has its supporters in the same classes, so its gathers find the same classes with the same
  //! weights (only their budgets differ). Tries of add1 along a stretch proven alike are often such runs.
  struct GatherLog {
    std::vector<std::int64_t> at;             //!< per (purchase, slot): its first entry in classes, or -1
    std::vector<std::uint32_t> count;         //!< ... and how many
    std::vector<std::uint32_t> classes;       //!< the classes met, in order
    std::vector<double> weights;              //!< the supporters' weight in each
    std::vector<std::uint32_t> path;          //!< per purchase: the slot bought, then (class, where it went)...
    std::vector<std::uint32_t> path_from{0};  //!< per purchase, its first entry in path; then the end
    //! Empties it, keeping its buffers.
    void clear();
  };
  //! Repeats the previous run's gather of `candidate` at this purchase, when this run has so far bought and
  //! split alike (false when it can't); `total` gets the supporters' weight.
  [[nodiscard]] bool gather_again(const Candidate& candidate, double& total);
  //! Notes the gather just made (the classes met; their weights in touched_weight_) in this run's log.
  void log_gather(const Candidate& candidate, std::span<const std::uint32_t> classes);
  //! Notes how the purchase just made split the classes, and whether the previous run's split alike.
  void log_split(const Candidate& candidate);
  //! Lists in met_ the classes other than 0 of the groups list[0, count), in the order first met; returns how many.
  std::size_t meet_classes(const GroupIndex* list, std::uint32_t count);
  //! A mark for mark_ that no class holds yet.
  std::uint32_t next_stamp();
  //! Makes the supporters pay for a priced candidate.
  void buy(const Candidate& candidate);
  //! Appends a priced candidate to `bounds`.
  static void note(Bounds& bounds, const Candidate& candidate);
  //! Whether two candidates priced at the lower budget (`*_from`) and here stay tied all the way (holds()).
  [[nodiscard]] bool tied_throughout(const Bounds::Price& a_from, const Candidate& a, const Bounds::Price& b_from,
                                     const Candidate& b) const;
  //! Sets the candidate's cap_fall and fall for the budgets from at_a's up to this run's (holds()).
  void bound_fall(const Bounds::Price& at_a, Candidate& candidate, double growth) const;
  //! Whether the bought candidate's price stays below the other's between the two budgets (holds()):
  //! above 1 when it does; below, the share of the growth it might stay below for.
  [[nodiscard]] static double apart(const Bounds::Price& bought_from, const Candidate& bought,
                                    const Bounds::Price* other_from, const Candidate& other, double growth);
  //! The class the payers of class `from` move to at this cap (0: they pay all they have).
  std::uint32_t split(std::uint32_t from, const Candidate& candidate);
  //! Appends a class; returns its index.
  std::uint32_t add_class(double budget, double err, double rise, double least_rise);
  //! Least budget at the lower budget of holds() of a class holding `budget` (off by `err`) here.
  [[nodiscard]] static double least_at_a(double budget, double err, double rise, double growth);

  const MesEngine& engine_;
  std::vector<Rational> ratio_;             // per candidate slot: cost / sat, exactly
  std::vector<std::uint32_t> twin_;         // per candidate slot: the first slot with the same cost, sat, supporters
  std::vector<double> weight_;              // per group: integer weight as a double (exact)
  std::vector<Candidate> all_;              // every candidate, unpriced
  std::vector<GroupIndex> all_supporters_;  // per candidate slot, its supporters of positive weight
  std::vector<std::uint32_t> supporters_from_;  // per slot: where its supporters start
  std::vector<std::uint32_t> all_counts_;       // per slot: how many
  bool usable_{true};                           // the election meets the error bound's assumptions
  // State of the current run.
  bool one_class_{false};                   // every voter is still in class 1 (nothing bought yet)
  bool recording_{false};                   // run() records bounds
  bool alike_so_far_{false};                // this run has bought and split as the previous one did
  std::uint32_t gather_mark_{0};            // the last mark handed out (next_stamp())
  std::vector<Candidate> live_;             // candidates not yet bought or dropped
  std::vector<std::uint32_t> class_of_;     // per group: its budget class (0: nothing left)
  std::vector<GroupIndex> supporters_;      // all_supporters_, less those met with nothing left
  std::vector<std::uint32_t> counts_;       // per slot: how many of its supporters are left in supporters_
  std::vector<double> budget_;              // per class: budget per unit of integer weight
  std::vector<double> err_;                 // per class: bound on that budget's error
  std::size_t purchases_{0};                // purchases made in the current run
  std::vector<Bounds::Drop> drops_;         // candidates dropped in the current run
  const Bounds* drop_source_{nullptr};      // in holds(): the bounds it starts from
  std::vector<std::int64_t> from_drop_;     // in holds(): per slot, its entry in drop_source_->dropped
  double growth_{0};                        // in holds(): how far budgets grew since the lower budget; else 0
  std::vector<double> rise_;                // per class, in holds(): bound on how fast its budget grows on the way
  std::vector<double> least_rise_;          // ... and how fast it grows at least
  std::vector<std::size_t> priced_;         // scratch of next_purchase(): where in live_ the candidates it priced are
  std::vector<std::int64_t> from_entry_;    // scratch of holds(): per slot, its entry in the purchase's bounds
  static constexpr std::size_t kLanes = 4;  // sums per class in gather()
  std::vector<std::int64_t> weight_in_;     // per class, kLanes sums, scratch of gather(): supporters' weight
  std::vector<std::uint32_t> mark_;         // per class, scratch of gather(): gather_mark_ once met
  GatherLog before_;                        // what the previous run gathered
  GatherLog gathers_;                       // what this run gathered
  std::vector<std::uint32_t> met_;          // scratch of gather(): the classes met, in order
  std::vector<std::uint32_t> child_;        // per class, scratch of buy(): where its payers go
  std::vector<ProjectIndex> tied_;          // scratch of settle(): projects tied with the cheapest
  std::vector<std::uint32_t> touched_;      // scratch: classes met by gather() or buy()
  std::vector<double> touched_budget_;      // scratch of gather(): per touched class, budget
  std::vector<double> touched_weight_;      // ... supporters' weight
  std::vector<double> touched_err_;         // ... budget error bound
  std::vector<double> touched_rise_;        // ... bound on its growth rate
  std::vector<double> touched_least_rise_;  // ... and its least growth rate

  // What record() asked for.
  std::vector<FloatPurchase>* log_{nullptr};  // where record() asked purchases to be described
  FloatPurchase step_;                        // the purchase being chosen, as described in log_
};

//! One certified double-precision run of MES (see MesFloat::run), with fresh buffers.
[[nodiscard]] Result<FloatSelection> certified_float_run(const MesEngine& engine, const Rational& budget_per_weight,
                                                         TieResolver* resolver = nullptr);

}  // namespace covalue::core::rules
