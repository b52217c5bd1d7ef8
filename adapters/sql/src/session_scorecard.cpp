#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace sq = statements;

namespace {

net::ScorecardCriterion read_criterion(RowReader& row) {
  net::ScorecardCriterion criterion;
  criterion.name = row.text(0);
  criterion.kind = row.name(1, core::parse_name<net::CriterionKind>);
  criterion.weight = row.rational(2);
  criterion.low = row.rational(3);
  criterion.high = row.rational(4);
  return criterion;
}

}  // namespace

core::Result<std::optional<net::Scorecard>> Session::scorecard() {
  Statement head = in_network(sq::kScorecard);
  auto row = head.step();
  if (!row.ok()) {
    return row.error();
  }
  if (!*row) {
    return std::optional<net::Scorecard>();
  }
  net::Scorecard card;
  {
    RowReader reader(head, "scorecard");
    card.formula = reader.name(0, core::parse_name<net::ScorecardFormula>);
    card.shortlist_size = reader.integer(1);
    if (!reader.ok()) {
      return reader.error();
    }
  }
  Statement criteria = in_network(sq::kCriteria);
  auto read = read_rows(criteria, "scorecard_criteria", read_criterion);
  if (!read.ok()) {
    return read.error();
  }
  card.criteria = std::move(*read);
  return std::optional<net::Scorecard>(std::move(card));
}

core::Status Session::save_scorecard(const net::Scorecard& scorecard) {
  return atomically([&]() -> core::Status {
    auto saved = in_network(sq::kSaveScorecard)
                     .bind_text(net::name_of(scorecard.formula))
                     .bind_int(scorecard.shortlist_size)
                     .run_or_defer();
    if (!saved.ok()) {
      return saved;
    }
    if (auto cleared = in_network(sq::kDeleteCriteria).run_or_defer(); !cleared.ok()) {
      return cleared;
    }
    for (std::size_t k = 0; k < scorecard.criteria.size(); ++k) {
      const net::ScorecardCriterion& criterion = scorecard.criteria[k];
      auto inserted = in_network(sq::kInsertCriterion)
                          .bind_int(static_cast<std::int64_t>(k))
                          .bind_text(criterion.name)
                          .bind_text(net::name_of(criterion.kind))
                          .bind_rational(criterion.weight)
                          .bind_rational(criterion.low)
                          .bind_rational(criterion.high)
                          .run_or_defer();
      if (!inserted.ok()) {
        return on_conflict(inserted.error(), "criterion '" + criterion.name + "' appears twice");
      }
    }
    return {};
  });
}

core::Status Session::put_initiative_score(const net::InitiativeScore& score) {
  auto stored = atomically([&]() -> core::Status {
    return in_network(sq::kPutInitiativeScore)
        .bind_int(score.initiative)
        .bind_int(score.partner)
        .bind_text(score.criterion)
        .bind_rational(score.value)
        .run_or_defer();
  });
  if (!stored.ok()) {
    return explain(stored.error(), {initiative_ref(score.initiative), partner_ref(score.partner)});
  }
  return {};
}

core::Result<std::vector<net::InitiativeScore>> Session::initiative_scores() {
  Statement query = in_network(sq::kInitiativeScores);
  return read_rows(query, "initiative_scores", [](RowReader& row) {
    net::InitiativeScore score;
    score.initiative = row.integer(0);
    score.partner = row.integer(1);
    score.criterion = row.text(2);
    score.value = row.rational(3);
    return score;
  });
}

}  // namespace covalue::adapters::sql
