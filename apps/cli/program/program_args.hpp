#pragma once

#include <string>
#include <vector>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/program/queries.hpp"
#include "covalue/program/snapshot.hpp"

namespace covalue::cli {

//! An exact number from a flag; the error names the flag.
[[nodiscard]] core::Result<core::Rational> parse_number(const std::string& text, const std::string& flag);

//! A partner named by id or name on the command line, among `partners` (read once by a command that
//! names several); the error names the flag.
[[nodiscard]] core::Result<core::network::PartnerId> resolve_partner(
    const std::vector<core::network::Partner>& partners, const std::string& reference, const std::string& flag);
//! The same through the program's partner query (one read of the partners alone).
[[nodiscard]] core::Result<core::network::PartnerId> resolve_partner(program::Queries queries,
                                                                     const std::string& reference,
                                                                     const std::string& flag);

//! "KEY=VALUE" split at the last '='; the error names the flag and the text.
[[nodiscard]] core::Result<std::pair<std::string, core::Rational>> parse_pair(const std::string& text,
                                                                              const std::string& flag);

//! A positive whole id ("12"); the error names the flag.
[[nodiscard]] core::Result<std::int64_t> parse_id(const std::string& text, const std::string& flag);

//! The partner an optional flag or argument names (none when it is empty), through the partner query.
[[nodiscard]] core::Result<std::optional<core::network::PartnerId>> resolve_optional_partner(
    program::Queries queries, const std::string& reference, const std::string& flag);

}  // namespace covalue::cli
