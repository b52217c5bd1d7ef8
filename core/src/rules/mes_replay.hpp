#pragma once

#include <optional>
#include <vector>

#include "mes_engine.hpp"
#include "mes_float.hpp"

namespace covalue::core::rules {

//! The exact outcome, trace and class-level certificate of an MES run whose purchases a certified run
//! in doubles (MesFloat) chose and described (FloatPurchase): only the bought projects are priced, and
//! each price is exact, computed from the integer weight of its supporters per budget class and the
//! payment caps before it (a class's budget is the start minus the caps on its lineage), so no class's
//! budget is ever computed. The run in doubles certified which classes pay all they have; the replay
//! only confirms that its description fits the election (else nullopt).
class MesReplay {
 public:
  //! Prepares a replay over `engine`'s election; the engine must outlive this object.
  explicit MesReplay(const MesEngine& engine);

  //! The outcome of the run in which every voter held `budget_per_weight` per unit of integer weight
  //! and `log` describes the purchases; nullopt when the description does not fit.
  [[nodiscard]] std::optional<Outcome> run(const Rational& budget_per_weight, const std::vector<FloatPurchase>& log);

 private:
  //! Prices and records purchase number `k`; false when its description does not fit.
  [[nodiscard]] bool purchase(std::size_t k, const FloatPurchase& bought, Outcome& outcome);
  //! Sum of weight times budget over the classes that pay all they have, exactly.
  [[nodiscard]] Rational poor_money(const FloatPurchase& bought, std::int64_t& poor_weight);

  const MesEngine& engine_;
  Rational start_;
  std::vector<std::uint32_t> class_of_;     // per group: its budget class (0: nothing left)
  std::vector<std::int64_t> parent_;        // per class: the class it split from (-1: none)
  std::vector<std::int64_t> via_;           // per class: the purchase that split it (-1: none)
  std::vector<std::int64_t> weight_in_;     // per class, scratch: the current project's supporters' weight
  std::vector<std::uint32_t> moved_to_;     // per class, scratch: where its payers go
  std::vector<Rational> caps_;              // per purchase: its payment cap per unit of integer weight
  std::vector<std::int64_t> per_purchase_;  // per purchase, scratch: poor weight whose lineage holds it
  MesCertificate certificate_;
};

//! MES with every voter holding `budget_per_weight`, run in doubles with certified decisions and then
//! replayed exactly; nullopt when the run in doubles gave up (the caller then runs the exact engine).
//! Ties go to `resolver` only when it is resolute and `strict` is false (otherwise any tie gives up).
[[nodiscard]] std::optional<Result<Outcome>> certified_equal_shares(const MesEngine& engine,
                                                                    const Rational& budget_per_weight,
                                                                    TieResolver& resolver, bool strict);

}  // namespace covalue::core::rules
