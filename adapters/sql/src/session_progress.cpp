// Delivery by the lead (issue 14 item 3): progress updates, milestones and the lead's realised values.
#include <string>

#include "session_common.hpp"

namespace covalue::adapters::sql {

namespace {

using IU = program::InitiativeUpdate;
using M = program::Milestone;
using L = program::LeadRealisedValue;

//! `status`: the status an update moved its initiative to, "" for none.
struct MovedTo {
  void read(RowReader& row, int column, IU& update) const {
    if (!row.text(column).empty()) {
      update.status = row.name(column, core::parse_name<net::InitiativeStatus>);
    }
  }
  void bind(Statement& statement, const IU& update) const {
    statement.bind_text(update.status ? std::string(core::name_of(*update.status)) : std::string());
  }
};

constexpr Columns<&IU::id, &IU::initiative, &IU::text, &IU::posted_at, &IU::partner, &IU::person, &IU::author,
                  MovedTo{}>
    kUpdate{};
constexpr Columns<&M::id, &M::initiative, &M::title, &M::due_date, &M::done, &M::done_at> kMilestone{};
//! What an update of a milestone changes.
constexpr Columns<&M::title, &M::due_date, &M::done, &M::done_at> kMilestoneChange{};
constexpr Columns<&L::cycle, &L::initiative, &L::partner, &L::target, &L::forecast, &L::actual, &L::recorded_at,
                  &L::recorded_by, &L::confirmed, &L::confirmed_at>
    kLeadValue{};

}  // namespace

core::Result<std::int64_t> Session::insert_initiative_update(const program::InitiativeUpdate& update) {
  auto inserted = insert_numbered(sq::kInsertInitiativeUpdate, kUpdate, update);
  return inserted.ok() ? inserted : explain(inserted.error(), {initiative_ref(update.initiative)});
}

core::Result<std::vector<program::InitiativeUpdate>> Session::initiative_updates(
    std::optional<net::InitiativeId> initiative) {
  const std::int64_t id = initiative.value_or(0);
  return rows(sq::kInitiativeUpdates, "initiative_updates", kUpdate, id, id);
}

core::Result<program::MilestoneId> Session::insert_milestone(const program::Milestone& milestone) {
  auto inserted = insert_numbered(sq::kInsertMilestone, kMilestone, milestone);
  return inserted.ok() ? inserted : explain(inserted.error(), {initiative_ref(milestone.initiative)});
}

core::Status Session::update_milestone(const program::Milestone& milestone) {
  auto changed =
      atomically([&] { return update_row(sq::kUpdateMilestone, kMilestoneChange, milestone, milestone.id, 0); });
  return one_changed(
      changed, make_error(ErrorKind::kNotFound, "no milestone with id " + std::to_string(milestone.id), "milestone"));
}

core::Status Session::remove_milestone(program::MilestoneId id) {
  auto changed = atomically([&] { return in_network(sq::kRemoveMilestone).bind_int(id).changed(); });
  return one_changed(changed,
                     make_error(ErrorKind::kNotFound, "no milestone with id " + std::to_string(id), "milestone"));
}

core::Result<std::vector<program::Milestone>> Session::milestones(std::optional<net::InitiativeId> initiative) {
  const std::int64_t id = initiative.value_or(0);
  return rows(sq::kMilestones, "milestones", kMilestone, id, id);
}

core::Status Session::put_lead_realised_value(const program::LeadRealisedValue& value) {
  auto stored = write_row(sq::kPutLeadRealisedValue, kLeadValue, value);
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
