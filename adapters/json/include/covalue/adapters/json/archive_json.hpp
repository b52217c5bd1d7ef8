#pragma once

// The network archive (docs/archive.md): one JSON document holding everything a network holds, as
// `covalue network export` writes it and `covalue network import` reads it. Each record uses the JSON
// form of program_json.hpp, access_json.hpp and cycle_outcome_json.hpp, plus what those API forms leave
// out (ids, a token's secret hash, an initiative's status and nominees).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "covalue/core/result.hpp"
#include "covalue/program/archive.hpp"

namespace covalue::adapters::json {

//! The value of the archive's top-level `format` member.
inline constexpr std::string_view kArchiveFormat = "covalue-network-archive";
//! The archive version this build writes, and the newest it reads.
inline constexpr std::int64_t kArchiveVersion = 3;

//! The archive as text: a JSON object with `format` and `version` first, then one member per part, each
//! record of a list on a line of its own; ends with a newline. The same archive always gives the same
//! bytes. kInvalidInput when a stored text is not valid UTF-8 (JSON cannot carry it).
[[nodiscard]] core::Result<std::string> archive_to_text(const program::NetworkArchive& archive);

//! Reads an archive document: kInvalidInput when it is not an archive, its version is newer than
//! kArchiveVersion, or a member is missing or of the wrong shape (naming its JSON path, "$.partners[3].name").
[[nodiscard]] core::Result<program::NetworkArchive> archive_from_json(const nlohmann::json& document);

//! Parses `text` and reads it with archive_from_json; malformed JSON is kInvalidInput naming the byte.
[[nodiscard]] core::Result<program::NetworkArchive> archive_from_text(std::string_view text);

}  // namespace covalue::adapters::json
