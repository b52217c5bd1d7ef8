#include "covalue/core/network/scorecard.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace covalue::core::network {
namespace {

Error scorecard_error(std::string message, std::string where) {
  return make_error(ErrorKind::kInvalidInput, std::move(message), std::move(where));
}

//! The criteria kinds a formula reads (every one for the weighted formula).
std::vector<CriterionKind> kinds_needed(ScorecardFormula formula) {
  switch (formula) {
    case ScorecardFormula::kRice:
      return {CriterionKind::kReach, CriterionKind::kValue, CriterionKind::kConfidence, CriterionKind::kEffort};
    case ScorecardFormula::kWsjf:
      return {CriterionKind::kValue, CriterionKind::kTimeCriticality, CriterionKind::kRiskReduction,
              CriterionKind::kEffort};
    case ScorecardFormula::kWeighted:
      return {};
  }
  return {};
}

Status validate_criterion(const ScorecardCriterion& criterion, ScorecardFormula formula, const std::string& where) {
  if (criterion.name.empty() || criterion.name.size() > 64) {
    return scorecard_error("a criterion needs a name of 1 to 64 characters", where + ".name");
  }
  if (criterion.high <= criterion.low) {
    return scorecard_error("must be above low (" + to_string(criterion.low) + "), got " + to_string(criterion.high),
                           where + ".high");
  }
  if (criterion.weight < 0) {
    return scorecard_error("must be >= 0, got " + to_string(criterion.weight), where + ".weight");
  }
  if (formula != ScorecardFormula::kWeighted && criterion.kind == CriterionKind::kEffort && criterion.low <= 0) {
    return scorecard_error("effort divides the score, so its scale must start above 0", where + ".low");
  }
  return {};
}

//! The formula's value from the per-kind averages, or nothing when one it needs is missing.
std::optional<Rational> apply_formula(const Scorecard& card, const std::vector<std::optional<Rational>>& averages) {
  if (card.formula == ScorecardFormula::kWeighted) {
    Rational total{0};
    for (std::size_t c = 0; c < card.criteria.size(); ++c) {
      if (!averages[c]) {
        return std::nullopt;
      }
      const ScorecardCriterion& criterion = card.criteria[c];
      Rational normalised = (*averages[c] - criterion.low) / (criterion.high - criterion.low);
      if (criterion.kind == CriterionKind::kEffort) {
        normalised = Rational{1} - normalised;
      }
      total += criterion.weight * normalised;
    }
    return total;
  }
  std::map<CriterionKind, Rational> by_kind;
  for (std::size_t c = 0; c < card.criteria.size(); ++c) {
    if (averages[c]) {
      by_kind.emplace(card.criteria[c].kind, *averages[c]);
    }
  }
  for (CriterionKind kind : kinds_needed(card.formula)) {
    if (by_kind.count(kind) == 0) {
      return std::nullopt;
    }
  }
  const Rational& effort = by_kind.at(CriterionKind::kEffort);
  if (effort <= 0) {
    return std::nullopt;
  }
  if (card.formula == ScorecardFormula::kRice) {
    return by_kind.at(CriterionKind::kReach) * by_kind.at(CriterionKind::kValue) *
           by_kind.at(CriterionKind::kConfidence) / effort;
  }
  return (by_kind.at(CriterionKind::kValue) + by_kind.at(CriterionKind::kTimeCriticality) +
          by_kind.at(CriterionKind::kRiskReduction)) /
         effort;
}

}  // namespace

Status Scorecard::validate() const {
  if (criteria.empty()) {
    return scorecard_error("a scorecard needs at least one criterion", "criteria");
  }
  if (criteria.size() > 32) {
    return scorecard_error("at most 32 criteria, got " + std::to_string(criteria.size()), "criteria");
  }
  if (shortlist_size < 0) {
    return scorecard_error("must be >= 0, got " + std::to_string(shortlist_size), "shortlist_size");
  }
  std::set<std::string> names;
  std::set<CriterionKind> kinds;
  for (std::size_t c = 0; c < criteria.size(); ++c) {
    const std::string where = "criteria[" + std::to_string(c) + "]";
    if (Status status = validate_criterion(criteria[c], formula, where); !status) {
      return status;
    }
    if (!names.insert(criteria[c].name).second) {
      return scorecard_error("criterion '" + criteria[c].name + "' appears twice", where + ".name");
    }
    const bool formula_reads_kind =
        formula != ScorecardFormula::kWeighted && criteria[c].kind != CriterionKind::kCustom;
    if (formula_reads_kind && !kinds.insert(criteria[c].kind).second) {
      return scorecard_error(std::string("the ") + name_of(formula) + " formula reads one " +
                                 name_of(criteria[c].kind) + " criterion, this is a second one",
                             where + ".kind");
    }
  }
  for (CriterionKind needed : kinds_needed(formula)) {
    if (kinds.count(needed) == 0) {
      return scorecard_error(
          std::string("the ") + name_of(formula) + " formula needs a " + name_of(needed) + " criterion", "criteria");
    }
  }
  return {};
}

const ScorecardCriterion* Scorecard::find(std::string_view name) const {
  auto found = std::find_if(criteria.begin(), criteria.end(),
                            [&](const ScorecardCriterion& criterion) { return criterion.name == name; });
  return found == criteria.end() ? nullptr : &*found;
}

std::vector<ScorecardEntry> rank_by_scorecard(const Scorecard& scorecard, const std::vector<InitiativeId>& initiatives,
                                              const std::vector<InitiativeScore>& scores) {
  std::map<std::string, std::size_t> criterion_index;
  for (std::size_t c = 0; c < scorecard.criteria.size(); ++c) {
    criterion_index.emplace(scorecard.criteria[c].name, c);
  }
  std::vector<ScorecardEntry> entries;
  entries.reserve(initiatives.size());
  for (InitiativeId id : initiatives) {
    std::vector<Rational> sums(scorecard.criteria.size());
    std::vector<std::int64_t> counts(scorecard.criteria.size(), 0);
    std::set<PartnerId> scorers;
    for (const InitiativeScore& score : scores) {
      auto found = criterion_index.find(score.criterion);
      if (score.initiative != id || found == criterion_index.end()) {
        continue;
      }
      sums[found->second] += score.value;
      ++counts[found->second];
      scorers.insert(score.partner);
    }
    ScorecardEntry entry;
    entry.initiative = id;
    entry.scorers = static_cast<std::int64_t>(scorers.size());
    for (std::size_t c = 0; c < sums.size(); ++c) {
      entry.averages.push_back(counts[c] == 0 ? std::nullopt : std::optional<Rational>(sums[c] / counts[c]));
    }
    entry.score = apply_formula(scorecard, entry.averages);
    entries.push_back(std::move(entry));
  }
  std::stable_sort(entries.begin(), entries.end(), [](const ScorecardEntry& a, const ScorecardEntry& b) {
    if (a.score.has_value() != b.score.has_value()) {
      return a.score.has_value();
    }
    if (a.score && *a.score != *b.score) {
      return *a.score > *b.score;
    }
    return a.initiative < b.initiative;
  });
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const bool tied = i > 0 && entries[i].score == entries[i - 1].score;
    entries[i].rank = tied ? entries[i - 1].rank : static_cast<std::int64_t>(i) + 1;
  }
  return entries;
}

}  // namespace covalue::core::network
