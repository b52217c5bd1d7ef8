// libFuzzer target of the perpetual history reader (`covalue perpetual replay`): parse JSON lines; an error
// must be kInvalidInput at "fuzz.jsonl:<line>"; each history read is decided by its rule, which either
// succeeds (one winner per round, first of its tied set, a state per voter and quantity) or refuses with
// kInvalidInput naming the round; its replay row must be writable. Aborts on any mismatch.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "covalue/adapters/json/perpetual_json.hpp"
#include "covalue/core/perpetual/perpetual_rule.hpp"

namespace {

namespace perpetual = covalue::core::perpetual;
using covalue::core::ErrorKind;

constexpr std::string_view kSource = "fuzz.jsonl";
// Histories larger than this are parsed but not decided (keeps each input fast).
constexpr std::size_t kMaxDecidedCells = 4000;

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "perpetual_fuzzer: %s\n%s\n", what, detail.c_str());
  std::abort();
}

void check_decision(const covalue::adapters::json::PerpetualCase& c) {
  const std::size_t voters = c.rounds.front().approvals.size();
  if (voters * c.rounds.size() * c.rounds.front().num_candidates > kMaxDecidedCells) {
    return;
  }
  auto decision = perpetual::decide_history(c.rule, c.absence, c.rounds);
  if (!decision) {
    if (decision.error().kind != ErrorKind::kInvalidInput || decision.error().where.rfind("round ", 0) != 0) {
      fail("a refusal that is not located at a round", decision.error().to_string());
    }
    return;
  }
  if (decision->winners.size() != c.rounds.size() || decision->states.size() != c.rounds.size()) {
    fail("not one winner and state per round", c.history);
  }
  for (std::size_t t = 0; t < c.rounds.size(); ++t) {
    const auto& tied = decision->tied[t];
    if (tied.empty() || tied.front() != decision->winners[t] || !std::is_sorted(tied.begin(), tied.end()) ||
        decision->winners[t] >= c.rounds[t].num_candidates) {
      fail("the winner is not the first of its tied set", std::to_string(t));
    }
    for (const auto& quantity : decision->states[t].quantities) {
      if (quantity.size() != voters) {
        fail("a state without one value per voter", std::to_string(t));
      }
    }
  }
  (void)covalue::adapters::json::perpetual_replay_json(c, *decision)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = covalue::adapters::json::parse_perpetual_cases(text, kSource);
  if (!parsed) {
    const std::string& where = parsed.error().where;
    if (parsed.error().kind != ErrorKind::kInvalidInput || where.rfind(std::string(kSource) + ":", 0) != 0 ||
        where.size() == kSource.size() + 1 || parsed.error().message.empty()) {
      fail("error without fuzz.jsonl:<line> and a message", parsed.error().to_string());
    }
    return 0;
  }
  for (const auto& c : *parsed) {
    check_decision(c);
  }
  return 0;
}
