#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using S = net::Scorecard;
using SC = net::ScorecardCriterion;
using Score = net::InitiativeScore;
constexpr Columns<&S::formula, &S::shortlist_size> kScorecard{};
constexpr Columns<&SC::name, &SC::kind, &SC::weight, &SC::low, &SC::high> kCriterion{};
constexpr Columns<&Score::initiative, &Score::partner, &Score::criterion, &Score::value> kScore{};

}  // namespace

core::Result<std::optional<net::Scorecard>> Session::scorecard() {
  return cached(Rows::kScorecard, -1, [&]() -> core::Result<std::optional<net::Scorecard>> {
    auto card = first_of(rows(sq::kScorecard, "scorecard", kScorecard));
    if (!card.ok() || !*card) {
      return card;
    }
    auto criteria = rows(sq::kCriteria, "scorecard_criteria", kCriterion);
    if (!criteria.ok()) {
      return criteria.error();
    }
    (*card)->criteria = std::move(*criteria);
    return card;
  });
}

core::Status Session::save_scorecard(const net::Scorecard& scorecard) {
  change(Rows::kScorecard);
  return atomically([&]() -> core::Status {
    auto saved = in_network(sq::kSaveScorecard).bind_columns(kScorecard, scorecard).run_or_defer();
    if (!saved.ok()) {
      return saved;
    }
    if (auto cleared = in_network(sq::kDeleteCriteria).run_or_defer(); !cleared.ok()) {
      return cleared;
    }
    return insert_list(
        sq::kInsertCriterion, scorecard.criteria,
        [](Statement& row, const net::ScorecardCriterion& criterion, std::int64_t position) {
          row.bind_int(position).bind_columns(kCriterion, criterion);
        },
        [](const net::ScorecardCriterion& criterion) { return "criterion '" + criterion.name + "' appears twice"; });
  });
}

core::Status Session::put_initiative_score(const net::InitiativeScore& score) {
  change(Rows::kScores);
  auto stored =
      atomically([&] { return in_network(sq::kPutInitiativeScore).bind_columns(kScore, score).run_or_defer(); });
  if (!stored.ok()) {
    return explain(stored.error(), {initiative_ref(score.initiative), partner_ref(score.partner)});
  }
  return {};
}

core::Result<std::vector<net::InitiativeScore>> Session::initiative_scores() {
  return cached(Rows::kScores, -1, [&] { return rows(sq::kInitiativeScores, "initiative_scores", kScore); });
}

}  // namespace covalue::adapters::sql
