#pragma once

// The members an archive's records must have: the API's decoders take many as optional (with defaults),
// an archive is written whole, so a missing one is refused rather than silently defaulted.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::adapters::json {

//! kInvalidInput naming the first member missing from `record` (at `path`), a record of the archive's
//! part `part` ("partners", "charter", ...), or from the objects nested in it; ok for a record that is not
//! an object (its decoder says so) and for a part without a listed shape.
[[nodiscard]] core::Status check_archive_shape(const nlohmann::json& record, const std::string& path,
                                               std::string_view part);

}  // namespace covalue::adapters::json
