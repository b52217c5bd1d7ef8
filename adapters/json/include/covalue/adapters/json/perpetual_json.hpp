#pragma once

// The perpetual-voting history format of ../shared/data/perpetual-expected.jsonl (docs/perpetual.md): one
// JSON object per line with `history`, `rule`, `missing_rule`, `voters`, `candidates`, `rounds` and
// `approvals[t][v]` (`[]`: voter v is absent in round t). Other members (the expected `winners`, `tied`,
// `state`, ...) are read by tests, not here.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/core/perpetual/perpetual_rule.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::json {

//! One line of a history file: a history to decide with a rule under an absence mode.
struct PerpetualCase {
  std::string history;
  core::perpetual::PerpetualRule rule{core::perpetual::PerpetualRule::kAv};
  core::perpetual::AbsenceMode absence{core::perpetual::AbsenceMode::kStrict};
  std::vector<core::perpetual::RoundBallots> rounds;
};

//! The largest histories read: candidates, voters, rounds, and voters x candidates x rounds.
inline constexpr std::size_t kMaxPerpetualCandidates = 1000;
inline constexpr std::size_t kMaxPerpetualVoters = 10000;
inline constexpr std::size_t kMaxPerpetualRounds = 10000;
inline constexpr std::size_t kMaxPerpetualCells = 10'000'000;

//! Parses one line; errors are kInvalidInput at "SOURCE:LINE" and name the member ("approvals[2][0]: ...").
[[nodiscard]] core::Result<PerpetualCase> parse_perpetual_case(std::string_view line, std::string_view source,
                                                               std::size_t line_number);

//! Parses every non-blank line; the first bad line's error.
[[nodiscard]] core::Result<std::vector<PerpetualCase>> parse_perpetual_cases(std::string_view text,
                                                                             std::string_view source);

//! A state value as the format writes it: a JSON integer when whole, else "p/q".
[[nodiscard]] nlohmann::json perpetual_value_json(const core::Rational& value);

//! The format's `state` of a decided history: {quantity: [t][v]} ({} for av).
[[nodiscard]] nlohmann::json perpetual_state_json(core::perpetual::PerpetualRule rule,
                                                  const core::perpetual::HistoryDecision& decision);

//! The replay row of a decided case: history, rule, missing_rule (null for strict), winners, tied, state.
[[nodiscard]] nlohmann::json perpetual_replay_json(const PerpetualCase& c,
                                                   const core::perpetual::HistoryDecision& decision);

}  // namespace covalue::adapters::json
