#include <tuple>

#include "covalue/program/limits.hpp"
#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

using detail::charter_detail;
using detail::check_charter;
using detail::run_change;
using nlohmann::json;

namespace {

SystemClock& system_clock() {
  static SystemClock clock;
  return clock;
}

core::Status check_objective(const net::Objective& objective) {
  if (objective.kpi == net::Kpi::kCustom && objective.name.empty()) {
    return detail::invalid("a custom KPI needs a name", "name");
  }
  for (const auto& [text, field, where] :
       {std::tuple{&objective.name, kNameField, "name"}, std::tuple{&objective.unit, kUnitField, "unit"}}) {
    if (core::Status checked = check_text_field(*text, field, where); !checked) {
      return checked;
    }
  }
  if (core::Status baseline = check_amount(objective.baseline, AmountSign::kAny, "baseline"); !baseline) {
    return baseline;
  }
  return check_amount(objective.target, AmountSign::kAny, "target");
}

}  // namespace

namespace detail {

json charter_detail(const net::Charter& charter) {
  return {{"name", charter.name},
          {"capacity", core::to_string(charter.capacity)},
          {"rule", net::name_of(charter.rule)},
          {"sharing", net::name_of(charter.sharing)},
          {"max_dry_spell", charter.fairness.max_dry_spell},
          {"max_deopt_share", core::to_string(charter.fairness.max_deopt_share)},
          {"perpetual_weighting", charter.fairness.weight_policy != core::perpetual::WeightPolicy::kNone},
          {"weight_policy", core::name_of(charter.fairness.weight_policy)},
          {"weight_absence", core::name_of(charter.fairness.weight_absence)},
          {"max_concurrent_leads", charter.leadership.max_concurrent_leads},
          {"ranking_rule", core::name_of(charter.ranking_rule)},
          {"disclosure", net::name_of(charter.disclosure)},
          {"deadline_action", net::name_of(charter.deadline_action)},
          {"unit", charter.unit},
          {"reminder_hours", charter.reminder_hours},
          {"close_turnout_warning", charter.close_turnout_warning},

          // Charter proposals and coordination (issue 14 item 4).
          {"amendment_rule", net::name_of(charter.amendment_rule)},
          {"amendment_majority", core::to_string(charter.amendment_majority)},
          {"amendment_window_hours", core::to_string(charter.amendment_window_hours)},
          {"coordination", net::name_of(charter.coordination)},
          {"coordination_term", charter.coordination_term},

          // Ballot limits (issue 15 item 6).
          {"score_max", core::to_string(charter.score_max)},
          {"points_budget", core::to_string(charter.points_budget)}};
}

core::Status check_charter(const net::Charter& charter) {
  if (core::Status status = charter.validate(); !status) {
    return status;
  }
  if (core::Status name = check_text_field(charter.name, kNameField, "name", true); !name) {
    return name;
  }
  if (core::Status unit = check_text_field(charter.unit, kUnitField, "unit", true); !unit) {
    return unit;
  }
  if (core::Status majority = check_amount(charter.amendment_majority, AmountSign::kPositive, "amendment_majority");
      !majority) {
    return majority;
  }
  if (core::Status window =
          check_amount(charter.amendment_window_hours, AmountSign::kPositive, "amendment_window_hours");
      !window) {
    return window;
  }
  if (core::Status scale = check_amount(charter.score_max, AmountSign::kPositive, "score_max"); !scale) {
    return scale;
  }
  if (core::Status budget = check_amount(charter.points_budget, AmountSign::kNonNegative, "points_budget"); !budget) {
    return budget;
  }
  return check_amount(charter.capacity, AmountSign::kPositive, "capacity");
}

}  // namespace detail

Program::Program(Store& store, net::DecisionTools tools, Actor actor, Clock* clock)
    : store_(store),
      tools_(std::move(tools)),
      actor_(std::move(actor)),
      clock_(clock != nullptr ? clock : &system_clock()) {}

core::Status Program::init_network(const net::Charter& charter) {
  if (core::Status allowed = detail::require_coordinator(actor_, "create the network"); !allowed) {
    return allowed;
  }
  if (core::Status status = check_charter(charter); !status) {
    return status;
  }
  return store_.transact([&](StoreSession& session) -> core::Status {
    core::Result<std::optional<net::Charter>> existing = session.charter();
    if (!existing) {
      return existing.error();
    }
    if (existing->has_value()) {
      return detail::conflict("this database already holds the network '" + (*existing)->name + "'", "network");
    }
    if (core::Status saved = session.save_charter(charter); !saved) {
      return saved;
    }
    return detail::append_audit(session, {store_, actor_, *clock_}, "init_network", charter_detail(charter));
  });
}

core::Status Program::update_charter(const net::Charter& charter) {
  if (core::Status allowed = detail::require_coordinator(actor_, "change the charter"); !allowed) {
    return allowed;
  }
  if (core::Status status = check_charter(charter); !status) {
    return status;
  }
  return run_change({store_, actor_, *clock_}, "update_charter", SnapshotParts::minimal(),
                    [&](StoreSession& session, Snapshot& snapshot, json& detail) -> core::Status {
                      // Under consent or majority the partners decide every change (issue 14 item 4).
                      if (snapshot.charter.amendment_rule != net::AmendmentRule::kCoordinator) {
                        return detail::conflict(
                            "the charter's amendment rule is " +
                                std::string(net::name_of(snapshot.charter.amendment_rule)) +
                                ": the partners decide charter changes; propose this one instead (covalue charter "
                                "propose, POST /api/charter/proposals)",
                            "amendment_rule");
                      }
                      detail = charter_detail(charter);
                      return session.save_charter(charter);
                    });
}

core::Result<net::Partner> Program::add_partner(const std::string& name, net::Tier tier) {
  if (core::Status allowed = detail::require_coordinator(actor_, "add partners"); !allowed) {
    return allowed.error();
  }
  net::Partner draft;
  draft.name = name;
  draft.tier = tier;
  if (core::Status text = check_text_field(name, kNameField, "name", true); !text) {
    return text.error();
  }
  return detail::run_change_to<net::Partner>(
      {store_, actor_, *clock_}, "add_partner", SnapshotParts::minimal(), std::move(draft),
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Partner& partner) -> core::Status {
        if (snapshot.find_partner(std::string_view(name)) != nullptr) {
          return detail::conflict("a partner named '" + name + "' already exists", "name");
        }
        partner.joined_cycle = detail::membership_cycle(snapshot);
        core::Result<net::PartnerId> id = session.insert_partner(partner);
        if (!id) {
          return id.error();
        }
        partner.id = *id;
        detail = {{"partner", partner.id}, {"name", name}, {"tier", net::name_of(tier)}};
        return {};
      });
}

core::Result<net::Partner> Program::leave_partner(net::PartnerId id) {
  if (core::Status allowed = detail::require_coordinator(actor_, "record that a partner leaves"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<net::Partner>(
      {store_, actor_, *clock_}, "leave_partner", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Partner& partner) -> core::Status {
        const net::CycleNumber cycle = detail::membership_cycle(snapshot);
        core::Result<const net::Partner*> found = detail::member(snapshot, id, cycle, "partner");
        if (!found) {
          return found.error();
        }
        partner = **found;
        partner.left_cycle = cycle;
        detail = {{"partner", id}, {"left_cycle", cycle}};
        return session.update_partner(partner);
      });
}

core::Result<net::Objective> Program::add_objective(const net::Objective& objective) {
  if (core::Status allowed = detail::require_acts_for(actor_, objective.partner, true, "partner"); !allowed) {
    return allowed.error();
  }
  net::Objective draft = objective;
  if (core::Status valid = check_objective(objective); !valid) {
    return valid.error();
  }
  return detail::run_change_to<net::Objective>(
      {store_, actor_, *clock_}, "add_objective", SnapshotParts::minimal(), std::move(draft),
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Objective& stored) -> core::Status {
        const net::CycleNumber cycle = detail::membership_cycle(snapshot);
        if (core::Result<const net::Partner*> owner = detail::member(snapshot, objective.partner, cycle, "partner");
            !owner) {
          return owner.error();
        }
        core::Result<net::ObjectiveId> id = session.insert_objective(objective);
        if (!id) {
          return id.error();
        }
        stored.id = *id;
        detail = {{"objective", stored.id}, {"partner", objective.partner}, {"kpi", net::name_of(objective.kpi)}};
        return {};
      });
}

}  // namespace covalue::program
