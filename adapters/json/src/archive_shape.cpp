#include "archive_shape.hpp"

#include <vector>

namespace covalue::adapters::json {
namespace {

using nlohmann::json;

//! The members of one kind of object, and of the objects (or arrays of objects) nested in it.
struct Shape {
  std::vector<const char*> members;
  std::vector<std::pair<const char*, std::vector<const char*>>> nested{};
};

//! Every record's members, by part (members added since the format's version 1, such as the charter's
//! fairness.weight_policy and weight_absence, and its unit, are optional: archives written before them still read).
//! Outcomes are left to their own decoder (the stored form).
const std::vector<std::pair<std::string_view, Shape>>& shapes() {
  static const std::vector<std::pair<std::string_view, Shape>> table = {
      {"charter",
       {{"name", "capacity", "rule", "fairness", "sharing", "leadership", "ranking_rule", "disclosure"},
        {{"fairness", {"max_dry_spell", "max_deopt_share", "perpetual_weighting"}},
         {"leadership", {"max_concurrent_leads"}}}}},
      {"partners", {{"id", "name", "tier", "joined_cycle", "left_cycle"}}},
      {"objectives", {{"id", "partner", "kpi", "name", "unit", "baseline", "target"}}},
      {"initiatives",
       {{"id", "title", "description", "channel", "proposer", "cost", "impacts", "objectives", "volunteers", "nominees",
         "status", "cycle", "lead"},
        {{"impacts", {"partner", "estimate"}}}}},
      {"cycles", {{"number", "state", "capacity", "rule", "shortlist"}}},
      {"ballots",
       {{"cycle", "partner", "format", "entries", "objections"},
        {{"entries", {"initiative", "value"}}, {"objections", {"initiative", "reason"}}}}},
      {"realised_values", {{"cycle", "initiative", "partner", "target", "forecast", "actual"}}},
      {"kpi_measurements", {{"cycle", "objective", "value"}}},
      {"scorecard",
       {{"formula", "criteria", "shortlist_size"}, {{"criteria", {"name", "kind", "weight", "low", "high"}}}}},
      {"scores", {{"initiative", "partner", "criterion", "value"}}},
      {"people", {{"id", "partner", "name", "email", "role", "time_zone", "language", "removed"}}},
      {"tokens", {{"id", "role", "partner", "label", "secret_hash", "issued_at", "revoked"}}},
      {"audit", {{"sequence", "time", "actor", "action", "detail", "previous_hash", "hash"}}},
  };
  return table;
}

core::Status require(const json& node, const std::string& path, const std::vector<const char*>& members) {
  if (!node.is_object()) {
    return {};
  }
  for (const char* member : members) {
    if (!node.contains(member)) {
      return core::make_error(core::ErrorKind::kInvalidInput, "missing: an archive's records are written whole",
                              path + "." + member);
    }
  }
  return {};
}

}  // namespace

core::Status check_archive_shape(const json& record, const std::string& path, std::string_view part) {
  for (const auto& [name, shape] : shapes()) {
    if (name != part) {
      continue;
    }
    if (core::Status status = require(record, path, shape.members); !status) {
      return status;
    }
    for (const auto& [member, members] : shape.nested) {
      const auto found = record.is_object() ? record.find(member) : record.end();
      if (found == record.end()) {
        continue;
      }
      const std::string at = path + "." + member;
      for (std::size_t i = 0; found->is_array() && i < found->size(); ++i) {
        if (core::Status status = require((*found)[i], at + "[" + std::to_string(i) + "]", members); !status) {
          return status;
        }
      }
      if (core::Status status = require(*found, at, members); !status) {
        return status;
      }
    }
  }
  return {};
}

}  // namespace covalue::adapters::json
