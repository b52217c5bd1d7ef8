#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace sq = statements;

core::Result<std::optional<net::Charter>> Session::charter() {
  Statement query = in_network(sq::kCharter);
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
  out.sharing = row_reader.name(6, core::parse_name<net::SharingPolicy>);
  out.leadership.max_concurrent_leads = row_reader.integer(7);
  out.ranking_rule = row_reader.name(8, core::parse_name<core::ranking::RankingRule>);
  out.disclosure = row_reader.name(9, core::parse_name<net::BallotDisclosure>);
  // Column 5 (perpetual_weighting) is the older form of column 10, which step 5 filled from it.
  out.fairness.weight_policy = row_reader.name(10, core::parse_name<core::perpetual::WeightPolicy>);
  out.fairness.weight_absence = row_reader.name(11, core::parse_name<core::perpetual::WeightAbsence>);
  out.deadline_action = row_reader.name(12, core::parse_name<net::DeadlineAction>);
  out.unit = row_reader.text(13);
  out.reminder_hours = row_reader.text(14);
  if (!row_reader.ok()) {
    return row_reader.error();
  }
  return std::optional<net::Charter>(std::move(out));
}

// The network's name is the charter's: it lives in `networks`, unique in the database.
core::Status Session::save_charter(const net::Charter& charter) {
  return atomically([&]() -> core::Status {
    auto named = in_network(sq::kSaveNetwork).bind_text(charter.name).run_or_defer();
    if (!named.ok()) {
      return on_conflict(named.error(), "a network named '" + charter.name + "' already exists");
    }
    return in_network(sq::kSaveCharter)
        .bind_rational(charter.capacity)
        .bind_text(net::name_of(charter.rule))
        .bind_int(charter.fairness.max_dry_spell)
        .bind_rational(charter.fairness.max_deopt_share)
        .bind_bool(charter.fairness.weight_policy != core::perpetual::WeightPolicy::kNone)
        .bind_text(net::name_of(charter.sharing))
        .bind_int(charter.leadership.max_concurrent_leads)
        .bind_text(core::name_of(charter.ranking_rule))
        .bind_text(net::name_of(charter.disclosure))
        .bind_text(core::name_of(charter.fairness.weight_policy))
        .bind_text(core::name_of(charter.fairness.weight_absence))
        .bind_text(net::name_of(charter.deadline_action))
        .bind_text(charter.unit)
        .bind_text(charter.reminder_hours)
        .run_or_defer();
  });
}

}  // namespace covalue::adapters::sql
