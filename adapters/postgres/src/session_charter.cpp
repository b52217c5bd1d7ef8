#include "covalue/core/ranking/ranking_rule.hpp"
#include "postgres_session.hpp"
#include "row_reader.hpp"

namespace covalue::adapters::postgres {

core::Result<std::optional<net::Charter>> PostgresSession::charter() {
  auto rows = query(
      "SELECT name, capacity, rule, max_dry_spell, max_deopt_share, perpetual_weighting, sharing, "
      "max_concurrent_leads, ranking_rule, disclosure FROM charter WHERE id = 1");
  if (!rows.ok()) {
    return rows.error();
  }
  if (rows->empty()) {
    return std::optional<net::Charter>();
  }
  const pqxx::row row = (*rows)[0];
  RowReader reader(row, "charter");
  net::Charter out;
  out.name = reader.text(0);
  out.capacity = reader.rational(1);
  out.rule = reader.name<net::SelectionRule>(2, core::parse_name<net::SelectionRule>);
  out.fairness.max_dry_spell = reader.integer(3);
  out.fairness.max_deopt_share = reader.rational(4);
  out.fairness.perpetual_weighting = reader.boolean(5);
  out.sharing = reader.name<net::SharingPolicy>(6, core::parse_name<net::SharingPolicy>);
  out.leadership.max_concurrent_leads = reader.integer(7);
  out.ranking_rule = reader.name<core::ranking::RankingRule>(8, core::parse_name<core::ranking::RankingRule>);
  out.disclosure = reader.name<net::BallotDisclosure>(9, core::parse_name<net::BallotDisclosure>);
  if (!reader.ok()) {
    return reader.error();
  }
  return std::optional<net::Charter>(std::move(out));
}

core::Status PostgresSession::save_charter(const net::Charter& charter) {
  return atomically([&]() -> core::Status {
    auto saved = query(
        "INSERT INTO charter (id, name, capacity, rule, max_dry_spell, max_deopt_share, perpetual_weighting, "
        "sharing, max_concurrent_leads, ranking_rule, disclosure) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, capacity = excluded.capacity, rule = excluded.rule, "
        "max_dry_spell = excluded.max_dry_spell, max_deopt_share = excluded.max_deopt_share, "
        "perpetual_weighting = excluded.perpetual_weighting, sharing = excluded.sharing, "
        "max_concurrent_leads = excluded.max_concurrent_leads, ranking_rule = excluded.ranking_rule, "
        "disclosure = excluded.disclosure",
        charter.name, charter.capacity, net::name_of(charter.rule), charter.fairness.max_dry_spell,
        charter.fairness.max_deopt_share, charter.fairness.perpetual_weighting, net::name_of(charter.sharing),
        charter.leadership.max_concurrent_leads, core::name_of(charter.ranking_rule), net::name_of(charter.disclosure));
    return saved.ok() ? core::Status() : core::Status(saved.error());
  });
}

}  // namespace covalue::adapters::postgres
