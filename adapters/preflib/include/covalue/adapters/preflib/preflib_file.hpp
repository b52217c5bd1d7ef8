#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/ranking/ordinal_profile.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::preflib {

//! The four PrefLib ordinal formats: strict or with ties ("tied"), complete or incomplete.
enum class DataType {
  kSoc,  //!< strict orders, complete
  kSoi,  //!< strict orders, incomplete
  kToc,  //!< orders with ties, complete
  kToi,  //!< orders with ties, incomplete
};

//! The data type named by a DATA TYPE header or a file extension, case-insensitive ("SOC", "toi").
[[nodiscard]] core::Result<DataType> parse_data_type_header(std::string_view text);
//! True for toc and toi, whose rankings may hold {tied, groups}.
[[nodiscard]] bool allows_ties(DataType type);
//! True for soc and toc, whose every ranking names every alternative.
[[nodiscard]] bool requires_complete(DataType type);

//! PrefLib's own data type tokens, as the format spells them.
constexpr auto enum_names(DataType /*tag*/) {
  using enum DataType;
  return core::NameTable{"data type", std::to_array<core::EnumName<DataType>>(
                                          {{kSoc, "soc"}, {kSoi, "soi"}, {kToc, "toc"}, {kToi, "toi"}})};
}

using core::name_of;

//! Everything a PrefLib file holds. Alternatives are numbered 1..m in the file and 0..m-1 in the
//! profile; the counts headers (NUMBER VOTERS, NUMBER UNIQUE ORDERS) are derived from the profile,
//! so read -> write -> read gives an equal PrefLibFile.
struct PrefLibFile {
  DataType type{DataType::kSoc};
  std::vector<core::Attribute> metadata;       //!< other "# KEY: value" lines in file order (TITLE, ...)
  std::vector<std::string> alternative_names;  //!< one per alternative; "" when the file names none
  core::ranking::OrdinalProfile profile;       //!< one ballot per "count: ranking" line, in file order

  bool operator==(const PrefLibFile&) const = default;
};

//! Parses PrefLib text. The data type comes from "# DATA TYPE" or else the extension of `source`.
//! Required headers: NUMBER ALTERNATIVES, NUMBER VOTERS, NUMBER UNIQUE ORDERS; they must match the
//! rankings. Errors are kInvalidInput with where = "source:line:column".
[[nodiscard]] core::Result<PrefLibFile> parse_preflib(std::string_view text, std::string_view source = "<input>");

//! Reads and parses a PrefLib file (kNotFound when it cannot be opened).
[[nodiscard]] core::Result<PrefLibFile> read_preflib_file(const std::filesystem::path& path);

//! PrefLib text that parse_preflib reads back to an equal file (check_preflib must pass).
[[nodiscard]] std::string write_preflib(const PrefLibFile& file);

//! Whether the file can be written as its type: a valid profile, one name per alternative, rankings
//! strict / complete as the type demands, metadata keys that are not derived headers, no line breaks.
[[nodiscard]] core::Status check_preflib(const PrefLibFile& file);

}  // namespace covalue::adapters::preflib
