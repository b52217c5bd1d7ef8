#include <string>

#include "postgres_session.hpp"
#include "row_reader.hpp"

namespace covalue::adapters::postgres {
namespace {

using core::ErrorKind;
using core::make_error;

// The criteria as parallel arrays, one per column; kConflict when a name is used twice.
struct CriteriaColumns {
  std::vector<std::string> names, kinds, weights, lows, highs;
};

core::Result<CriteriaColumns> columns_of(const net::Scorecard& scorecard) {
  CriteriaColumns out;
  for (const net::ScorecardCriterion& criterion : scorecard.criteria) {
    for (const std::string& name : out.names) {
      if (name == criterion.name) {
        return make_error(ErrorKind::kConflict, "criterion '" + name + "' appears twice");
      }
    }
    out.names.push_back(criterion.name);
    out.kinds.emplace_back(net::name_of(criterion.kind));
    out.weights.push_back(core::to_string(criterion.weight));
    out.lows.push_back(core::to_string(criterion.low));
    out.highs.push_back(core::to_string(criterion.high));
  }
  return out;
}

}  // namespace

core::Result<std::optional<net::Scorecard>> PostgresSession::scorecard() {
  auto head = query("SELECT formula, shortlist_size FROM scorecard WHERE id = 1");
  auto criteria = query("SELECT name, kind, weight, low, high FROM scorecard_criteria ORDER BY position");
  if (!head.ok() || !criteria.ok()) {
    return head.ok() ? criteria.error() : head.error();
  }
  if (head->empty()) {
    return std::optional<net::Scorecard>();
  }
  const pqxx::row row = (*head)[0];
  RowReader reader(row, "scorecard");
  net::Scorecard out;
  out.formula = reader.name<net::ScorecardFormula>(0, core::parse_name<net::ScorecardFormula>);
  out.shortlist_size = reader.integer(1);
  if (!reader.ok()) {
    return reader.error();
  }
  auto read = read_rows(*criteria, "scorecard_criteria", [](RowReader& r) {
    return net::ScorecardCriterion{r.text(0), r.name<net::CriterionKind>(1, core::parse_name<net::CriterionKind>),
                                   r.rational(2), r.rational(3), r.rational(4)};
  });
  if (!read.ok()) {
    return read.error();
  }
  out.criteria = std::move(read).value();
  return std::optional<net::Scorecard>(std::move(out));
}

core::Status PostgresSession::save_scorecard(const net::Scorecard& scorecard) {
  auto columns = columns_of(scorecard);
  if (!columns.ok()) {
    return columns.error();
  }
  return atomically([&]() -> core::Status {
    auto head = query(
        "INSERT INTO scorecard (id, formula, shortlist_size) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET "
        "formula = excluded.formula, shortlist_size = excluded.shortlist_size",
        net::name_of(scorecard.formula), scorecard.shortlist_size);
    if (!head.ok()) {
      return head.error();
    }
    if (auto deleted = query("DELETE FROM scorecard_criteria"); !deleted.ok()) {
      return deleted.error();
    }
    if (columns->names.empty()) {
      return {};
    }
    auto inserted = query(
        "INSERT INTO scorecard_criteria (position, name, kind, weight, low, high) "
        "SELECT u.position - 1, u.name, u.kind, u.weight, u.low, u.high "
        "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) "
        "WITH ORDINALITY AS u (name, kind, weight, low, high, position)",
        text_array(columns->names), text_array(columns->kinds), text_array(columns->weights), text_array(columns->lows),
        text_array(columns->highs));
    return inserted.ok() ? core::Status() : core::Status(inserted.error());
  });
}

core::Status PostgresSession::put_initiative_score(const net::InitiativeScore& score) {
  auto stored = atomically([&] {
    return query(
        "INSERT INTO initiative_scores (initiative_id, partner_id, criterion, value) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (initiative_id, partner_id, criterion) DO UPDATE SET value = excluded.value",
        score.initiative, score.partner, score.criterion, score.value);
  });
  if (!stored.ok()) {
    return explain(stored.error(), {initiative_ref(score.initiative), partner_ref(score.partner)});
  }
  return {};
}

core::Result<std::vector<net::InitiativeScore>> PostgresSession::initiative_scores() {
  auto rows = query(
      "SELECT initiative_id, partner_id, criterion, value FROM initiative_scores "
      "ORDER BY initiative_id, partner_id, criterion COLLATE \"C\"");
  if (!rows.ok()) {
    return rows.error();
  }
  return read_rows(*rows, "initiative_scores", [](RowReader& row) {
    return net::InitiativeScore{row.integer(0), row.integer(1), row.text(2), row.rational(3)};
  });
}

}  // namespace covalue::adapters::postgres
