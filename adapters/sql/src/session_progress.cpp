// Delivery by the lead (issue 14 item 3): progress updates, milestones and the lead's realised values.
#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using M = program::Milestone;
using L = program::LeadRealisedValue;
constexpr Columns<&M::id, &M::initiative, &M::title, &M::due_date, &M::done, &M::done_at> kMilestone{};
constexpr Columns<&L::cycle, &L::initiative, &L::partner, &L::target, &L::forecast, &L::actual, &L::recorded_at,
                  &L::recorded_by, &L::confirmed, &L::confirmed_at>
    kLeadValue{};

program::InitiativeUpdate read_update(RowReader& row) {
  program::InitiativeUpdate update;
  update.id = row.integer(0);
  update.initiative = row.integer(1);
  update.text = row.text(2);
  update.posted_at = row.text(3);
  update.partner = row.optional_integer(4);
  update.person = row.optional_integer(5);
  update.author = row.text(6);
  if (!row.text(7).empty()) {
    update.status = row.name(7, core::parse_name<net::InitiativeStatus>);
  }
  return update;
}

}  // namespace

core::Result<std::int64_t> Session::insert_initiative_update(const program::InitiativeUpdate& update) {
  auto inserted = atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sq::kInsertInitiativeUpdate)
        .bind_int(network_)
        .bind_int(update.initiative)
        .bind_text(update.text)
        .bind_text(update.posted_at)
        .bind(update.partner)
        .bind(update.person)
        .bind_text(update.author)
        .bind_text(update.status ? std::string(core::name_of(*update.status)) : std::string())
        .single_int();
  });
  if (!inserted.ok()) {
    return explain(inserted.error(), {initiative_ref(update.initiative)});
  }
  return inserted;
}

core::Result<std::vector<program::InitiativeUpdate>> Session::initiative_updates(
    std::optional<net::InitiativeId> initiative) {
  const std::int64_t id = initiative.value_or(0);
  return rows(sq::kInitiativeUpdates, "initiative_updates", read_update, id, id);
}

core::Result<program::MilestoneId> Session::insert_milestone(const program::Milestone& milestone) {
  auto inserted = atomically([&]() -> core::Result<std::int64_t> {
    return in_network(sq::kInsertMilestone).bind_int(network_).bind_columns(kMilestone, milestone, 1).single_int();
  });
  if (!inserted.ok()) {
    return explain(inserted.error(), {initiative_ref(milestone.initiative)});
  }
  return inserted;
}

core::Status Session::update_milestone(const program::Milestone& milestone) {
  auto changed = atomically([&]() -> core::Result<std::int64_t> {
    return db_.prepare(sq::kUpdateMilestone)
        .bind_text(milestone.title)
        .bind_text(milestone.due_date)
        .bind_bool(milestone.done)
        .bind_text(milestone.done_at)
        .bind_int(network_)
        .bind_int(milestone.id)
        .changed();
  });
  return one_changed(
      changed, make_error(ErrorKind::kNotFound, "no milestone with id " + std::to_string(milestone.id), "milestone"));
}

core::Status Session::remove_milestone(program::MilestoneId id) {
  auto changed = atomically(
      [&]() -> core::Result<std::int64_t> { return in_network(sq::kRemoveMilestone).bind_int(id).changed(); });
  return one_changed(changed,
                     make_error(ErrorKind::kNotFound, "no milestone with id " + std::to_string(id), "milestone"));
}

core::Result<std::vector<program::Milestone>> Session::milestones(std::optional<net::InitiativeId> initiative) {
  const std::int64_t id = initiative.value_or(0);
  return rows(sq::kMilestones, "milestones", kMilestone, id, id);
}

core::Status Session::put_lead_realised_value(const program::LeadRealisedValue& value) {
  auto stored = atomically(
      [&]() -> core::Status { return in_network(sq::kPutLeadRealisedValue).bind_columns(kLeadValue, value).run(); });
  if (!stored.ok()) {
    return explain(stored.error(),
                   {cycle_ref(value.cycle), initiative_ref(value.initiative), partner_ref(value.partner)});
  }
  return {};
}

core::Result<std::vector<program::LeadRealisedValue>> Session::lead_realised_values(
    std::optional<net::InitiativeId> initiative) {
  const std::int64_t id = initiative.value_or(0);
  return rows(sq::kLeadRealisedValues, "lead_realised_values", kLeadValue, id, id);
}

}  // namespace covalue::adapters::sql
