#include "covalue/core/network/charter_fields.hpp"

#include <algorithm>
#include <array>
#include <functional>

namespace covalue::core::network {
namespace {

//! One field: its name, its value as text, and how to copy it.
struct Field {
  std::string_view name;
  std::function<std::string(const Charter&)> text;
  std::function<void(const Charter&, Charter&)> copy;
};

std::string number(std::int64_t value) { return std::to_string(value); }

const std::vector<Field>& fields() {
  static const std::vector<Field> table = {
      {"name", [](const Charter& c) { return c.name; }, [](const Charter& f, Charter& t) { t.name = f.name; }},
      {"capacity", [](const Charter& c) { return to_string(c.capacity); },
       [](const Charter& f, Charter& t) { t.capacity = f.capacity; }},
      {"rule", [](const Charter& c) { return std::string(name_of(c.rule)); },
       [](const Charter& f, Charter& t) { t.rule = f.rule; }},
      {"fairness.max_dry_spell", [](const Charter& c) { return number(c.fairness.max_dry_spell); },
       [](const Charter& f, Charter& t) { t.fairness.max_dry_spell = f.fairness.max_dry_spell; }},
      {"fairness.max_deopt_share", [](const Charter& c) { return to_string(c.fairness.max_deopt_share); },
       [](const Charter& f, Charter& t) { t.fairness.max_deopt_share = f.fairness.max_deopt_share; }},
      {"fairness.weight_policy", [](const Charter& c) { return std::string(core::name_of(c.fairness.weight_policy)); },
       [](const Charter& f, Charter& t) { t.fairness.weight_policy = f.fairness.weight_policy; }},
      {"fairness.weight_absence",
       [](const Charter& c) { return std::string(core::name_of(c.fairness.weight_absence)); },
       [](const Charter& f, Charter& t) { t.fairness.weight_absence = f.fairness.weight_absence; }},
      {"sharing", [](const Charter& c) { return std::string(name_of(c.sharing)); },
       [](const Charter& f, Charter& t) { t.sharing = f.sharing; }},
      {"leadership.max_concurrent_leads", [](const Charter& c) { return number(c.leadership.max_concurrent_leads); },
       [](const Charter& f, Charter& t) { t.leadership.max_concurrent_leads = f.leadership.max_concurrent_leads; }},
      {"ranking_rule", [](const Charter& c) { return std::string(core::name_of(c.ranking_rule)); },
       [](const Charter& f, Charter& t) { t.ranking_rule = f.ranking_rule; }},
      {"disclosure", [](const Charter& c) { return std::string(name_of(c.disclosure)); },
       [](const Charter& f, Charter& t) { t.disclosure = f.disclosure; }},
      {"deadline_action", [](const Charter& c) { return std::string(name_of(c.deadline_action)); },
       [](const Charter& f, Charter& t) { t.deadline_action = f.deadline_action; }},
      {"unit", [](const Charter& c) { return c.unit; }, [](const Charter& f, Charter& t) { t.unit = f.unit; }},
      {"reminder_hours", [](const Charter& c) { return c.reminder_hours; },
       [](const Charter& f, Charter& t) { t.reminder_hours = f.reminder_hours; }},
      {"amendment_rule", [](const Charter& c) { return std::string(name_of(c.amendment_rule)); },
       [](const Charter& f, Charter& t) { t.amendment_rule = f.amendment_rule; }},
      {"amendment_majority", [](const Charter& c) { return to_string(c.amendment_majority); },
       [](const Charter& f, Charter& t) { t.amendment_majority = f.amendment_majority; }},
      {"amendment_window_hours", [](const Charter& c) { return to_string(c.amendment_window_hours); },
       [](const Charter& f, Charter& t) { t.amendment_window_hours = f.amendment_window_hours; }},
      {"coordination", [](const Charter& c) { return std::string(name_of(c.coordination)); },
       [](const Charter& f, Charter& t) { t.coordination = f.coordination; }},
      {"coordination_term", [](const Charter& c) { return number(c.coordination_term); },
       [](const Charter& f, Charter& t) { t.coordination_term = f.coordination_term; }},
      // Ballot limits (issue 15 item 6).
      {"score_max", [](const Charter& c) { return to_string(c.score_max); },
       [](const Charter& f, Charter& t) { t.score_max = f.score_max; }},
      {"points_budget", [](const Charter& c) { return to_string(c.points_budget); },
       [](const Charter& f, Charter& t) { t.points_budget = f.points_budget; }},
  };
  return table;
}

const Field* find_field(std::string_view name) {
  const auto& table = fields();
  const auto found = std::find_if(table.begin(), table.end(), [&](const Field& f) { return f.name == name; });
  return found == table.end() ? nullptr : &*found;
}

}  // namespace

std::span<const std::string_view> charter_field_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Field& field : fields()) {
      out.push_back(field.name);
    }
    return out;
  }();
  return names;
}

std::vector<std::string> changed_charter_fields(const Charter& before, const Charter& after) {
  std::vector<std::string> out;
  for (const Field& field : fields()) {
    if (field.text(before) != field.text(after)) {
      out.emplace_back(field.name);
    }
  }
  return out;
}

std::string charter_field_text(const Charter& charter, std::string_view field) {
  const Field* found = find_field(field);
  return found == nullptr ? std::string() : found->text(charter);
}

Result<Charter> copy_charter_fields(const Charter& from, Charter to, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const Field* found = find_field(name);
    if (found == nullptr) {
      return make_error(ErrorKind::kInvalidInput, "no charter field '" + name.substr(0, 40) + "'", "fields");
    }
    found->copy(from, to);
  }
  return to;
}

}  // namespace covalue::core::network
