#include "row_reader.hpp"
#include "sqlite_session.hpp"

namespace covalue::adapters::sqlite {
core::Result<std::optional<net::Charter>> SqliteSession::charter() {
  Statement query = db_.prepare(
      "SELECT name, capacity, rule, max_dry_spell, max_deopt_share, perpetual_weighting, sharing, "
      "max_concurrent_leads, ranking_rule, disclosure FROM charter WHERE id = 1");
  auto row = query.step();
  if (!row.ok()) {
    return row.error();
  }
  if (!*row) {
    return std::optional<net::Charter>();
  }
  RowReader row_reader(query, "charter");
  net::Charter out;
  out.name = row_reader.text(0);
  out.capacity = row_reader.rational(1);
  out.rule = row_reader.name(2, core::parse_name<net::SelectionRule>);
  out.fairness.max_dry_spell = row_reader.integer(3);
  out.fairness.max_deopt_share = row_reader.rational(4);
  out.fairness.perpetual_weighting = row_reader.integer(5) != 0;
  out.sharing = row_reader.name(6, core::parse_name<net::SharingPolicy>);
  out.leadership.max_concurrent_leads = row_reader.integer(7);
  out.ranking_rule = row_reader.name(8, core::parse_name<core::ranking::RankingRule>);
  out.disclosure = row_reader.name(9, core::parse_name<net::BallotDisclosure>);
  if (!row_reader.ok()) {
    return row_reader.error();
  }
  return std::optional<net::Charter>(std::move(out));
}

core::Status SqliteSession::save_charter(const net::Charter& charter) {
  return db_
      .prepare(
          "INSERT INTO charter (id, name, capacity, rule, max_dry_spell, max_deopt_share, perpetual_weighting, "
          "sharing, max_concurrent_leads, ranking_rule, disclosure) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
          "?10) "
          "ON CONFLICT (id) DO UPDATE SET name = excluded.name, capacity = excluded.capacity, rule = excluded.rule, "
          "max_dry_spell = excluded.max_dry_spell, max_deopt_share = excluded.max_deopt_share, "
          "perpetual_weighting = excluded.perpetual_weighting, sharing = excluded.sharing, "
          "max_concurrent_leads = excluded.max_concurrent_leads, ranking_rule = excluded.ranking_rule, "
          "disclosure = excluded.disclosure")
      .bind_text(charter.name)
      .bind_rational(charter.capacity)
      .bind_text(net::name_of(charter.rule))
      .bind_int(charter.fairness.max_dry_spell)
      .bind_rational(charter.fairness.max_deopt_share)
      .bind_int(charter.fairness.perpetual_weighting ? 1 : 0)
      .bind_text(net::name_of(charter.sharing))
      .bind_int(charter.leadership.max_concurrent_leads)
      .bind_text(core::name_of(charter.ranking_rule))
      .bind_text(net::name_of(charter.disclosure))
      .run();
}

}  // namespace covalue::adapters::sqlite
