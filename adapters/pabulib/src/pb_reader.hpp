#pragma once
// Private to covalue_pabulib: the .pb reader, split over pb_reader.cpp (sections, META, PROJECTS)
// and pb_votes.cpp (VOTES).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/adapters/pabulib/pb_file.hpp"
#include "pb_internal.hpp"

namespace covalue::adapters::pabulib::detail {

//! Reads one .pb text into a PbFile, failing with the position of the first offending field.
class Reader {
 public:
  //! A reader of `text` (BOM allowed); `layout`, when given, receives the rows' positions.
  Reader(std::string_view text, std::string_view source, PbLayout* layout, const PbReadOptions& options);

  //! Parses the whole text.
  [[nodiscard]] core::Result<PbFile> run();

 private:
  // Rows and sections.
  void next_row();
  [[nodiscard]] std::optional<Section> row_section() const;
  [[nodiscard]] core::Status expect_section(Section expected);
  [[nodiscard]] core::Status read_header(Section section);
  [[nodiscard]] core::Status read_columns(Section section);
  [[nodiscard]] core::Status check_required_columns(Section section) const;
  [[nodiscard]] core::Status check_width(std::size_t width, Section section);
  [[nodiscard]] core::Status read_rows(Section section);

  // META and PROJECTS (pb_reader.cpp).
  [[nodiscard]] core::Status read_meta_row();
  [[nodiscard]] core::Status read_budget(const Field& value);
  [[nodiscard]] core::Status read_vote_type(const Field& value);
  [[nodiscard]] core::Status finish_meta() const;
  [[nodiscard]] core::Status read_project_row();
  [[nodiscard]] core::Status read_cost(const Field& field, core::Project& project) const;

  // VOTES (pb_votes.cpp).
  void start_votes();
  [[nodiscard]] core::Status read_ballot_row();
  [[nodiscard]] bool add_voter(std::string_view id);
  void index_earlier_voters();
  [[nodiscard]] core::Status read_vote(const Field& field, std::size_t& count);
  [[nodiscard]] core::Status read_points(const Field& field, std::size_t projects);

  // Errors.
  [[nodiscard]] core::Error error_at(PbPosition position, std::string message) const;
  [[nodiscard]] core::Error error_at(const Field& field, std::string message) const;
  [[nodiscard]] core::Error unexpected_end(Section section) const;

  Lexer lexer_;
  Row row_;
  LexStatus status_{LexStatus::kEnd};
  std::string_view source_;
  PbLayout* layout_;
  bool keep_attributes_;  // the voters' other VOTES columns (PbReadOptions::voter_attributes)
  PbFile file_;
  std::vector<ColumnRole> roles_;  // of the current section's columns
  std::vector<std::string>* columns_{nullptr};
  core::Rational number_;  // the points value being read (its limbs are reused)
  IdIndex meta_keys_;
  IdIndex projects_;
  ShortIdIndex short_projects_;      // the projects whose ids are short and untrimmed, for votes
  IdIndex voters_;                   // used once the voter ids stop increasing
  std::string_view last_voter_;      // the last voter id, while they increase
  std::string earlier_voter_ids_;    // the ids before the first out of order, which voters_ views
  std::size_t expected_ballots_{0};  // lines left when VOTES started
  bool voters_increasing_{true};
  std::optional<PbPosition> meta_start_;
  bool has_budget_{false};
  bool has_vote_type_{false};
};

}  // namespace covalue::adapters::pabulib::detail
