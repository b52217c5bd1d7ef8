#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/network/ids.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core::network {

//! What a scorecard criterion measures. RICE reads reach, value (its "impact"), confidence and
//! effort; WSJF reads value, time criticality, risk reduction and effort (its "job size"); the
//! weighted formula reads every criterion.
enum class CriterionKind { kValue, kTimeCriticality, kRiskReduction, kReach, kConfidence, kEffort, kCustom };

//! How criterion scores become one initiative score.
enum class ScorecardFormula {
  kRice,      //!< reach x value x confidence / effort
  kWsjf,      //!< (value + time criticality + risk reduction) / effort
  kWeighted,  //!< sum of weight x score normalised to [0, 1] on the criterion's scale (effort inverted)
};

//! One criterion partners score initiatives on, on the scale [low, high].
struct ScorecardCriterion {
  std::string name;  //!< unique within the scorecard ("reach", "carbon", ...)
  CriterionKind kind{CriterionKind::kCustom};
  Rational weight{1};  //!< used by the weighted formula
  Rational low{0};
  Rational high{10};

  bool operator==(const ScorecardCriterion&) const = default;
};

//! The network's scorecard: criteria, a formula, and how many top initiatives a shortlist keeps.
struct Scorecard {
  ScorecardFormula formula{ScorecardFormula::kWeighted};
  std::vector<ScorecardCriterion> criteria;
  std::int64_t shortlist_size{0};  //!< default size of a cycle's shortlist (0: no shortlist)

  //! Checks the criteria against the formula; the error names the field ("criteria[2].high", ...).
  [[nodiscard]] Status validate() const;
  //! The criterion named `name`, or nullptr.
  [[nodiscard]] const ScorecardCriterion* find(std::string_view name) const;

  bool operator==(const Scorecard&) const = default;
};

//! One partner's score of one initiative on one criterion (a re-score replaces it).
struct InitiativeScore {
  InitiativeId initiative{0};
  PartnerId partner{0};
  std::string criterion;
  Rational value;

  bool operator==(const InitiativeScore&) const = default;
};

//! An initiative's place on the scorecard.
struct ScorecardEntry {
  InitiativeId initiative{0};
  std::optional<Rational> score;                  //!< nothing when some criterion the formula needs is unscored
  std::vector<std::optional<Rational>> averages;  //!< per criterion, the mean of the partners' scores
  std::int64_t scorers{0};                        //!< partners who scored it
  std::int64_t rank{0};                           //!< 1 = best; tied scores share a rank; unscored rank last

  bool operator==(const ScorecardEntry&) const = default;
};

//! Scores `initiatives` (in the order given): each criterion averaged over the partners who scored
//! it, then the formula; sorted best first (ties by id). Exact.
[[nodiscard]] std::vector<ScorecardEntry> rank_by_scorecard(const Scorecard& scorecard,
                                                            const std::vector<InitiativeId>& initiatives,
                                                            const std::vector<InitiativeScore>& scores);

//! The names of criterion kind values.
constexpr auto enum_names(CriterionKind /*tag*/) {
  using enum CriterionKind;
  return core::NameTable{"criterion kind",
                         std::to_array<core::EnumName<CriterionKind>>({{kValue, "value"},
                                                                       {kTimeCriticality, "time_criticality"},
                                                                       {kRiskReduction, "risk_reduction"},
                                                                       {kReach, "reach"},
                                                                       {kConfidence, "confidence"},
                                                                       {kEffort, "effort"},
                                                                       {kCustom, "custom"}})};
}

//! The names of formula values.
constexpr auto enum_names(ScorecardFormula /*tag*/) {
  using enum ScorecardFormula;
  return core::NameTable{"formula", std::to_array<core::EnumName<ScorecardFormula>>(
                                        {{kRice, "rice"}, {kWsjf, "wsjf"}, {kWeighted, "weighted"}})};
}

//! The one lookup of a name, found from this namespace too.
using core::name_of;

}  // namespace covalue::core::network
