#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "covalue/adapters/preflib/preflib_file.hpp"
#include "covalue/core/ranking/consensus.hpp"
#include "covalue/core/ranking/pairwise.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"

namespace covalue::cli {

//! Everything `covalue rank` shows about one run of a ranking rule.
struct RankReport {
  std::string path;
  const adapters::preflib::PrefLibFile& file;
  const core::ranking::PairwiseMatrix& pairwise;
  const core::ranking::RankingResult& result;
  const core::ranking::ConsensusReport& consensus;
  std::vector<core::ranking::Candidate> winners;  //!< all tied winners, or the one the tie-break keeps
};

//! The winner kept when ties are not all wanted: the consensus ranking's first winner, then the lowest number.
[[nodiscard]] core::ranking::Candidate first_winner(const core::ranking::RankingResult& result);

//! The JSON form (candidates numbered as in the file): winners, ranking, margins, agreement, ...
[[nodiscard]] nlohmann::ordered_json rank_report_json(const RankReport& report);

//! The human-readable form.
[[nodiscard]] std::string rank_report_table(const RankReport& report);

}  // namespace covalue::cli
