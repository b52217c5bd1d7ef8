#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/error.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/profile.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::pabulib {

//! Everything a .pb file holds: the instance (META, PROJECTS), the profile (VOTES) and the column
//! order of the PROJECTS and VOTES sections, so that read -> write -> read is the identity.
struct PbFile {
  core::Instance instance;
  core::Profile profile;
  std::vector<std::string> project_columns;  //!< header of PROJECTS, first is project_id
  std::vector<std::string> vote_columns;     //!< header of VOTES, first is voter_id

  bool operator==(const PbFile&) const = default;
};

//! Parses .pb text. `source` names the input in errors, which read "source:line:column: what".
[[nodiscard]] core::Result<PbFile> parse_pabulib(std::string_view text, std::string_view source = "<input>");

//! What reading a .pb file keeps besides what the rules need.
struct PbReadOptions {
  //! The voters' other VOTES columns (age, sex, how they voted...): kept for writing the file back and
  //! for reports, left out by a command that only solves (they are still checked to be there).
  bool voter_attributes{true};
};

//! Reads and parses a .pb file.
[[nodiscard]] core::Result<PbFile> read_pabulib_file(const std::filesystem::path& path,
                                                     const PbReadOptions& options = {});

//! Writes .pb text that parse_pabulib reads back to an equal PbFile.
[[nodiscard]] std::string write_pabulib(const PbFile& file);

//! Checks a parsed file against its own META constraints and counts (num_projects, num_votes,
//! min_length, max_length, min_sum_cost, max_sum_cost, min/max_points, min/max_sum_points,
//! choose-1 ballots of exactly one project, ...): an empty list means the file is consistent.
[[nodiscard]] std::vector<core::Error> check_pabulib(const PbFile& file, std::string_view source = "<input>");

//! A 1-based line and column (in UTF-8 code points) of a field in .pb text.
struct PbPosition {
  std::uint32_t line{0};
  std::uint32_t column{0};

  bool operator==(const PbPosition&) const = default;
};

//! Where the rows of a .pb text sit, so that check_pabulib can point into the text it came from.
struct PbLayout {
  std::vector<PbPosition> meta;    //!< value field of each META row, parallel to Instance::meta()
  std::vector<PbPosition> votes;   //!< vote field of each VOTES row, parallel to Profile::ballots
  std::vector<PbPosition> points;  //!< points field of each VOTES row (the vote field when there is none)
};

//! Parses .pb text like parse_pabulib and also records where each META row and ballot sits.
[[nodiscard]] core::Result<PbFile> parse_pabulib(std::string_view text, std::string_view source, PbLayout& layout);

//! check_pabulib with positions taken from `layout` (from parsing the text) instead of from the
//! text write_pabulib would produce; positions missing from the layout are left out of `where`.
[[nodiscard]] std::vector<core::Error> check_pabulib(const PbFile& file, const PbLayout& layout,
                                                     std::string_view source = "<input>");

}  // namespace covalue::adapters::pabulib
