// libFuzzer target of the PrefLib adapter: parse; on success the file must be writable, write -> re-parse
// must give an equal file and writing must be stable; small elections also go through every ranking
// rule. On failure the error must say "source:line:column". Aborts on any mismatch.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "covalue/adapters/preflib/preflib_file.hpp"
#include "covalue/core/ranking/consensus.hpp"
#include "covalue/core/ranking/ranking_rule.hpp"

namespace {

namespace preflib = covalue::adapters::preflib;
namespace ranking = covalue::core::ranking;

constexpr std::string_view kSource = "fuzz.soc";

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "preflib_fuzzer: %s\n%s\n", what, detail.c_str());
  std::abort();
}

// True for "fuzz.soc:<line>:<column>" with positive numbers.
bool located(const std::string& where) {
  if (where.rfind(std::string(kSource) + ":", 0) != 0) {
    return false;
  }
  std::size_t at = kSource.size();
  for (int part = 0; part < 2; ++part) {
    if (at >= where.size() || where[at] != ':') {
      return false;
    }
    const std::size_t begin = ++at;
    while (at < where.size() && where[at] >= '0' && where[at] <= '9') {
      ++at;
    }
    if (at == begin || where[begin] == '0') {
      return false;
    }
  }
  return at == where.size();
}

// Every rule on a small election: it must succeed (or hit a search limit) and name a winner.
void run_rules(const ranking::OrdinalProfile& profile) {
  if (profile.num_candidates > 8 || profile.ballots.size() > 64) {
    return;
  }
  const ranking::PairwiseMatrix pairwise = ranking::compute_pairwise(profile);
  ranking::RankingOptions options;
  options.max_states = 20000;
  options.max_rankings = 50;
  for (const ranking::RankingRule rule : covalue::core::all_of<ranking::RankingRule>()) {
    auto result = ranking::rank_candidates(profile, pairwise, rule, options);
    if (!result.ok()) {
      if (result.error().kind != covalue::core::ErrorKind::kTimeLimit) {
        fail("a rule failed on a valid profile", result.error().to_string());
      }
      continue;
    }
    if (result->winners.empty()) {
      fail("a rule found no winner", covalue::core::name_of(rule));
    }
    (void)ranking::analyse_consensus(profile, pairwise, result->ranking);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = preflib::parse_preflib(text, kSource);
  if (!parsed.ok()) {
    if (!located(parsed.error().where)) {
      fail("error without source:line:column", parsed.error().to_string());
    }
    return 0;
  }
  if (auto status = preflib::check_preflib(*parsed); !status.ok()) {
    fail("a parsed file is not writable", status.error().to_string());
  }
  const std::string written = preflib::write_preflib(*parsed);
  auto again = preflib::parse_preflib(written, kSource);
  if (!again.ok()) {
    fail("written text does not parse", again.error().to_string() + "\n" + written);
  }
  if (!(*again == *parsed)) {
    fail("read -> write -> read changed the file", written);
  }
  if (preflib::write_preflib(*again) != written) {
    fail("writing is not stable", written);
  }
  run_rules(parsed->profile);
  return 0;
}
