#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

net::Charter read_charter(RowReader& row) {
  net::Charter out;
  row.read(0, out.name);
  row.read(1, out.capacity);
  row.read(2, out.rule);
  row.read(3, out.fairness.max_dry_spell);
  row.read(4, out.fairness.max_deopt_share);
  row.read(6, out.sharing);
  row.read(7, out.leadership.max_concurrent_leads);
  row.read(8, out.ranking_rule);
  row.read(9, out.disclosure);
  // Column 5 (perpetual_weighting) is the older form of column 10, which step 5 filled from it.
  row.read(10, out.fairness.weight_policy);
  row.read(11, out.fairness.weight_absence);
  row.read(12, out.deadline_action);
  row.read(13, out.unit);
  row.read(14, out.reminder_hours);
  row.read(15, out.amendment_rule);
  row.read(16, out.amendment_majority);
  row.read(17, out.amendment_window_hours);
  row.read(18, out.coordination);
  row.read(19, out.coordination_term);
  return out;
}

}  // namespace

core::Result<std::optional<net::Charter>> Session::charter() {
  return cached(Rows::kCharter, -1, [&]() -> core::Result<std::optional<net::Charter>> {
    core::Result<std::optional<net::Charter>> charter = first_of(rows(sq::kCharter, "charter", read_charter));
    if (!charter || !*charter) {
      return charter;
    }
    // Delegation's column (schema step 15), read on its own so that the charter's statement stays as it was.
    auto warning = first_of(rows(sq::kCharterTurnout, "charter", [](RowReader& row) { return row.integer(0); }));
    if (!warning) {
      return warning.error();
    }
    (*charter)->close_turnout_warning = warning->value_or((*charter)->close_turnout_warning);
    // The ballot limits (schema step 17), likewise.
    auto limits = first_of(rows(sq::kCharterBallotLimits, "charter", [](RowReader& row) {
      std::pair<core::Rational, core::Rational> out;
      row.read(0, out.first);
      row.read(1, out.second);
      return out;
    }));
    if (!limits) {
      return limits.error();
    }
    if (*limits) {
      (*charter)->score_max = (*limits)->first;
      (*charter)->points_budget = (*limits)->second;
    }
    return charter;
  });
}

// The network's name is the charter's: it lives in `networks`, unique in the database.
core::Status Session::save_charter(const net::Charter& charter) {
  change(Rows::kCharter);
  return atomically([&]() -> core::Status {
    auto named = in_network(sq::kSaveNetwork).bind_text(charter.name).run_or_defer();
    if (!named.ok()) {
      return on_conflict(named.error(), "a network named '" + charter.name + "' already exists");
    }
    auto saved = in_network(sq::kSaveCharter)
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
                     .bind_text(net::name_of(charter.amendment_rule))
                     .bind_rational(charter.amendment_majority)
                     .bind_rational(charter.amendment_window_hours)
                     .bind_text(net::name_of(charter.coordination))
                     .bind_int(charter.coordination_term)
                     .run_or_defer();
    if (!saved.ok()) {
      return saved;
    }
    if (core::Status turnout =
            db_.prepare(sq::kSaveCharterTurnout).bind_int(charter.close_turnout_warning).bind_int(network_).run();
        !turnout) {
      return turnout;
    }
    return db_.prepare(sq::kSaveCharterBallotLimits)
        .bind_rational(charter.score_max)
        .bind_rational(charter.points_budget)
        .bind_int(network_)
        .run();
  });
}

}  // namespace covalue::adapters::sql
