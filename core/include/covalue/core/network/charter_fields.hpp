#pragma once

// The charter's fields one by one (issue 14 item 4): what a charter proposal changes, field by field. Each field
// has the name the API and the audit log use ("capacity", "fairness.max_dry_spell", "amendment_rule"), its value
// as text, and a copy from one charter to another.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/network/charter.hpp"

namespace covalue::core::network {

//! Every field name a charter proposal may change, in the order the charter lists them.
[[nodiscard]] std::span<const std::string_view> charter_field_names();

//! The fields in which `after` differs from `before`, in charter_field_names() order.
[[nodiscard]] std::vector<std::string> changed_charter_fields(const Charter& before, const Charter& after);

//! A field's value as people read it ("40", "consent", "2/3"); empty for an unknown field.
[[nodiscard]] std::string charter_field_text(const Charter& charter, std::string_view field);

//! `to` with the named fields copied from `from`; kInvalidInput naming "fields" for an unknown field.
[[nodiscard]] Result<Charter> copy_charter_fields(const Charter& from, Charter to,
                                                  const std::vector<std::string>& fields);

}  // namespace covalue::core::network
