#include <cctype>
#include <string>
#include <utility>

#include "covalue/adapters/preflib/preflib_file.hpp"
#include "preflib_text.hpp"

namespace covalue::adapters::preflib {
namespace {

core::Error invalid(std::string message) {
  return core::make_error(core::ErrorKind::kInvalidInput, std::move(message));
}

bool is_derived_key(std::string_view key) {
  return key == "DATA TYPE" || key == "NUMBER ALTERNATIVES" || key == "NUMBER VOTERS" ||
         key == "NUMBER UNIQUE ORDERS" || key.starts_with("ALTERNATIVE NAME ");
}

bool is_clean(std::string_view text) { return text.find('\n') == std::string_view::npos; }

core::Status check_ballot_shape(const core::ranking::RankedBallot& ballot, DataType type, std::uint32_t m) {
  if (!ballot.ties.empty() && !allows_ties(type)) {
    return invalid(std::string("a ") + name_of(type) + " file cannot hold ties");
  }
  if (requires_complete(type) && ballot.order.size() != m) {
    return invalid(std::string("a ") + name_of(type) + " file needs complete rankings");
  }
  return {};
}

}  // namespace

core::Result<DataType> parse_data_type_header(std::string_view text) {
  std::string lower(text);
  for (char& ch : lower) {
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return core::parse_name<DataType>(lower);
}

bool allows_ties(DataType type) { return type == DataType::kToc || type == DataType::kToi; }

bool requires_complete(DataType type) { return type == DataType::kSoc || type == DataType::kToc; }

core::Status check_preflib(const PrefLibFile& file) {
  if (core::Status status = core::ranking::validate_profile(file.profile); !status.ok()) {
    return status;
  }
  if (file.alternative_names.size() != file.profile.num_candidates || file.profile.num_candidates == 0) {
    return invalid("one name (possibly empty) per alternative, and at least one alternative");
  }
  for (const auto& [key, value] : file.metadata) {
    if (is_derived_key(key) || key.find(':') != std::string::npos || !is_clean(key) || !is_clean(value) ||
        key != trim_blanks(key) || value != trim_blanks(value)) {
      return invalid("metadata '" + key + "' cannot be written as a '# KEY: value' line");
    }
  }
  for (const auto& name : file.alternative_names) {
    if (!is_clean(name) || name != trim_blanks(name)) {
      return invalid("alternative name '" + name + "' cannot be written on one line");
    }
  }
  for (const auto& ballot : file.profile.ballots) {
    if (core::Status status = check_ballot_shape(ballot, file.type, file.profile.num_candidates); !status.ok()) {
      return status;
    }
  }
  return {};
}

}  // namespace covalue::adapters::preflib
