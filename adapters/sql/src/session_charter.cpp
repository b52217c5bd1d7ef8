#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using NC = net::Charter;
using NF = net::FairnessPolicy;

//! Column 5, perpetual_weighting: the older form of weight_policy (step 5 filled that from it), still
//! written, no longer read.
struct PerpetualWeighting {
  void read(RowReader& /*row*/, int /*column*/, NC& /*charter*/) const {}
  void bind(Statement& statement, const NC& charter) const {
    statement.bind_bool(charter.fairness.weight_policy != core::perpetual::WeightPolicy::kNone);
  }
};

//! The charter's columns after the network's name (column 0 of kCharter, the network of kSaveCharter).
constexpr Columns<&NC::capacity, &NC::rule, Nested<&NC::fairness, &NF::max_dry_spell>{},
                  Nested<&NC::fairness, &NF::max_deopt_share>{}, PerpetualWeighting{}, &NC::sharing,
                  Nested<&NC::leadership, &net::LeadershipPolicy::max_concurrent_leads>{}, &NC::ranking_rule,
                  &NC::disclosure, Nested<&NC::fairness, &NF::weight_policy>{},
                  Nested<&NC::fairness, &NF::weight_absence>{}, &NC::deadline_action, &NC::unit, &NC::reminder_hours,
                  &NC::amendment_rule, &NC::amendment_majority, &NC::amendment_window_hours, &NC::coordination,
                  &NC::coordination_term>
    kCharterColumns{};

net::Charter read_charter(RowReader& row) {
  net::Charter out = kCharterColumns(row, 1);
  row.read(0, out.name);
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
    auto saved = in_network(sq::kSaveCharter).bind_columns(kCharterColumns, charter).run_or_defer();
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
