#include "covalue/core/ranking/ranked_pairs.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "covalue/core/ranking/weak_order.hpp"

namespace covalue::core::ranking {
namespace {

using Edge = std::pair<Candidate, Candidate>;

// The transitive closure of the locked pairs, one bit row per candidate.
class Reach {
 public:
  explicit Reach(std::uint32_t n) : n_(n), words_((n + 63) / 64), bits_(static_cast<std::size_t>(n) * words_, 0) {}

  [[nodiscard]] bool reaches(Candidate from, Candidate to) const {
    return ((bits_[(from * words_) + (to / 64)] >> (to % 64)) & 1U) != 0;
  }

  // Adds from -> to: everyone reaching `from` (and `from` itself) now reaches `to` and beyond.
  void add_edge(Candidate from, Candidate to) {
    if (reaches(from, to)) {
      return;
    }
    std::vector<std::uint64_t> gained(bits_.begin() + static_cast<std::ptrdiff_t>(to * words_),
                                      bits_.begin() + static_cast<std::ptrdiff_t>((to + 1) * words_));
    gained[to / 64] |= std::uint64_t{1} << (to % 64);
    for (Candidate x = 0; x < n_; ++x) {
      if (x == from || reaches(x, from)) {
        for (std::size_t w = 0; w < words_; ++w) {
          bits_[(x * words_) + w] |= gained[w];
        }
      }
    }
  }

  // Candidates no locked pair reaches (no locked pair beats them).
  [[nodiscard]] std::vector<Candidate> unbeaten() const {
    std::vector<std::uint64_t> reached(words_, 0);
    for (Candidate x = 0; x < n_; ++x) {
      for (std::size_t w = 0; w < words_; ++w) {
        reached[w] |= bits_[(x * words_) + w];
      }
    }
    std::vector<Candidate> result;
    for (Candidate c = 0; c < n_; ++c) {
      if (((reached[c / 64] >> (c % 64)) & 1U) == 0) {
        result.push_back(c);
      }
    }
    return result;
  }

  [[nodiscard]] std::vector<char> relation() const {
    std::vector<char> beats(static_cast<std::size_t>(n_) * n_, 0);
    for (Candidate x = 0; x < n_; ++x) {
      for (Candidate y = 0; y < n_; ++y) {
        beats[(static_cast<std::size_t>(x) * n_) + y] = reaches(x, y) && x != y ? 1 : 0;
      }
    }
    return beats;
  }

  bool operator==(const Reach&) const = default;
  auto operator<=>(const Reach& other) const { return bits_ <=> other.bits_; }

 private:
  std::uint32_t n_;
  std::size_t words_;
  std::vector<std::uint64_t> bits_;
};

// Positive-margin pairs grouped by margin, largest first; each group sorted by (a, b).
std::vector<std::vector<Edge>> margin_groups(const PairwiseMatrix& pairwise) {
  std::map<std::int64_t, std::vector<Edge>, std::greater<>> groups;
  for (Candidate a = 0; a < pairwise.size(); ++a) {
    for (Candidate b = 0; b < pairwise.size(); ++b) {
      if (pairwise.margin(a, b) > 0) {
        groups[pairwise.margin(a, b)].emplace_back(a, b);
      }
    }
  }
  std::vector<std::vector<Edge>> result;
  result.reserve(groups.size());
  for (auto& entry : groups) {
    result.push_back(std::move(entry.second));
  }
  return result;
}

// Every distinct closure that some order of one group's pairs can lock from `start`. A pair that
// can never close a cycle (its loser cannot reach its winner even with the whole group added) is
// locked in every order; the others are either locked or found to close a cycle at the end.
class GroupExtender {
 public:
  GroupExtender(const Reach& start, const std::vector<Edge>& group, std::size_t budget)
      : base_(start), budget_(budget) {
    std::vector<Edge> open;  // pairs the start neither implies nor forbids
    for (const Edge& e : group) {
      if (!start.reaches(e.second, e.first) && !start.reaches(e.first, e.second)) {
        open.push_back(e);
      }
    }
    Reach everything = start;
    for (const Edge& e : open) {
      everything.add_edge(e.first, e.second);
    }
    for (const Edge& e : open) {
      if (everything.reaches(e.second, e.first)) {
        ambiguous_.push_back(e);
      } else {
        base_.add_edge(e.first, e.second);
      }
    }
  }

  [[nodiscard]] bool run(std::vector<Reach>& out) {
    std::vector<Edge> skipped;
    return extend(0, base_, skipped, out);
  }

 private:
  bool extend(std::size_t i, const Reach& reach, std::vector<Edge>& skipped, std::vector<Reach>& out) {
    if (++steps_ > budget_) {
      return false;
    }
    if (i == ambiguous_.size()) {
      const bool maximal =
          std::all_of(skipped.begin(), skipped.end(), [&](const Edge& e) { return reach.reaches(e.second, e.first); });
      if (maximal) {
        out.push_back(reach);
      }
      return out.size() <= budget_;
    }
    const Edge& e = ambiguous_[i];
    if (reach.reaches(e.second, e.first)) {
      return extend(i + 1, reach, skipped, out);
    }
    Reach with = reach;
    with.add_edge(e.first, e.second);
    if (!extend(i + 1, with, skipped, out)) {
      return false;
    }
    skipped.push_back(e);
    const bool ok = extend(i + 1, reach, skipped, out);
    skipped.pop_back();
    return ok;
  }

  Reach base_;
  std::vector<Edge> ambiguous_;
  std::size_t budget_;
  std::size_t steps_{0};
};

// When the whole group locks without closing a cycle, every order locks it all: one outcome.
bool lock_all(const Reach& state, const std::vector<Edge>& group, std::vector<Reach>& out) {
  Reach reach = state;
  for (const Edge& e : group) {
    if (reach.reaches(e.second, e.first)) {
      return false;
    }
    reach.add_edge(e.first, e.second);
  }
  out.push_back(std::move(reach));
  return true;
}

// Keeps the states that may still add a winner: a state's final winners are among its unbeaten
// candidates, so it goes when those are all known winners; a lone unbeaten candidate reaches every
// other one and is a winner already.
std::vector<Reach> prune(std::vector<Reach> states, std::vector<char>& found) {
  std::vector<Reach> kept;
  for (Reach& state : states) {
    const std::vector<Candidate> open = state.unbeaten();
    if (open.size() == 1) {
      found[open.front()] = 1;
    } else if (std::any_of(open.begin(), open.end(), [&](Candidate c) { return found[c] == 0; })) {
      kept.push_back(std::move(state));
    }
  }
  return kept;
}

Result<std::vector<Candidate>> all_winners(std::uint32_t n, const std::vector<std::vector<Edge>>& groups,
                                           std::size_t max_states) {
  std::vector<char> found(n, 0);
  std::vector<Reach> states{Reach(n)};
  for (std::size_t g = 0; g < groups.size() && !states.empty(); ++g) {
    std::vector<Reach> next;
    for (const Reach& state : states) {
      if (lock_all(state, groups[g], next)) {
        continue;
      }
      GroupExtender extender(state, groups[g], max_states);
      if (!extender.run(next)) {
        return make_error(ErrorKind::kTimeLimit, "ranked pairs: more than " + std::to_string(max_states) +
                                                     " tie-breaking states; raise max_states");
      }
    }
    if (next.size() > 1) {
      std::sort(next.begin(), next.end());
      next.erase(std::unique(next.begin(), next.end()), next.end());
    }
    states = prune(std::move(next), found);
  }
  for (const Reach& state : states) {
    for (const Candidate c : state.unbeaten()) {
      found[c] = 1;
    }
  }
  std::vector<Candidate> winners;
  for (Candidate c = 0; c < n; ++c) {
    if (found[c] != 0) {
      winners.push_back(c);
    }
  }
  return winners;
}

}  // namespace

Result<RankingResult> ranked_pairs(const PairwiseMatrix& pairwise, const RankingOptions& options) {
  const std::uint32_t n = pairwise.size();
  const std::vector<std::vector<Edge>> groups = margin_groups(pairwise);
  RankingResult result;
  result.rule = RankingRule::kRankedPairs;
  Reach canonical(n);
  for (const auto& group : groups) {
    for (const Edge& e : group) {
      if (!canonical.reaches(e.second, e.first)) {
        canonical.add_edge(e.first, e.second);
        result.locked.push_back(e);
      }
    }
  }
  result.ranking = layer_by_relation(n, canonical.relation());
  auto winners = all_winners(n, groups, options.max_states);
  if (!winners.ok()) {
    return winners.error();
  }
  result.winners = std::move(*winners);
  return result;
}

}  // namespace covalue::core::ranking
