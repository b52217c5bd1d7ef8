#include <string>

#include "row_reader.hpp"
#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;

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

core::Result<std::optional<net::Scorecard>> SqliteSession::scorecard() {
  Statement head = db_.prepare("SELECT formula, shortlist_size FROM scorecard WHERE id = 1");
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
  Statement criteria = db_.prepare("SELECT name, kind, weight, low, high FROM scorecard_criteria ORDER BY position");
  auto read = read_rows(criteria, "scorecard_criteria", read_criterion);
  if (!read.ok()) {
    return read.error();
  }
  card.criteria = std::move(*read);
  return std::optional<net::Scorecard>(std::move(card));
}

core::Status SqliteSession::save_scorecard(const net::Scorecard& scorecard) {
  return atomically([&]() -> core::Status {
    auto saved = db_.prepare(
                        "INSERT INTO scorecard (id, formula, shortlist_size) VALUES (1, ?1, ?2) ON CONFLICT (id) "
                        "DO UPDATE SET formula = excluded.formula, shortlist_size = excluded.shortlist_size")
                     .bind_text(net::name_of(scorecard.formula))
                     .bind_int(scorecard.shortlist_size)
                     .run();
    if (!saved.ok()) {
      return saved;
    }
    if (auto cleared = db_.prepare("DELETE FROM scorecard_criteria").run(); !cleared.ok()) {
      return cleared;
    }
    for (std::size_t k = 0; k < scorecard.criteria.size(); ++k) {
      const net::ScorecardCriterion& criterion = scorecard.criteria[k];
      auto inserted = db_.prepare(
                             "INSERT INTO scorecard_criteria (position, name, kind, weight, low, high) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                          .bind_int(static_cast<std::int64_t>(k))
                          .bind_text(criterion.name)
                          .bind_text(net::name_of(criterion.kind))
                          .bind_rational(criterion.weight)
                          .bind_rational(criterion.low)
                          .bind_rational(criterion.high)
                          .run();
      if (!inserted.ok()) {
        return inserted.error().kind == ErrorKind::kConflict
                   ? make_error(ErrorKind::kConflict, "criterion '" + criterion.name + "' appears twice")
                   : inserted;
      }
    }
    return {};
  });
}

core::Status SqliteSession::put_initiative_score(const net::InitiativeScore& score) {
  auto stored = db_.prepare(
                       "INSERT INTO initiative_scores (initiative_id, partner_id, criterion, value) "
                       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (initiative_id, partner_id, criterion) "
                       "DO UPDATE SET value = excluded.value")
                    .bind_int(score.initiative)
                    .bind_int(score.partner)
                    .bind_text(score.criterion)
                    .bind_rational(score.value)
                    .run();
  if (!stored.ok()) {
    return explain(stored.error(), {initiative_ref(score.initiative), partner_ref(score.partner)});
  }
  return {};
}

core::Result<std::vector<net::InitiativeScore>> SqliteSession::initiative_scores() {
  Statement query = db_.prepare(
      "SELECT initiative_id, partner_id, criterion, value FROM initiative_scores "
      "ORDER BY initiative_id, partner_id, criterion");
  return read_rows(query, "initiative_scores", [](RowReader& row) {
    net::InitiativeScore score;
    score.initiative = row.integer(0);
    score.partner = row.integer(1);
    score.criterion = row.text(2);
    score.value = row.rational(3);
    return score;
  });
}

}  // namespace covalue::adapters::sqlite
