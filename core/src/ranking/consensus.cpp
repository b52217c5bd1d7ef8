#include "covalue/core/ranking/consensus.hpp"

#include <algorithm>

#include "covalue/core/ranking/kemeny.hpp"
#include "covalue/core/ranking/weak_order.hpp"

namespace covalue::core::ranking {
namespace {

// Counts of inserted tier indices, for "how many inserted are ranked below index y".
class Fenwick {
 public:
  explicit Fenwick(std::size_t size) : tree_(size + 1, 0) {}
  void insert(std::size_t index) {
    for (std::size_t i = index + 1; i < tree_.size(); i += i & (~i + 1)) {
      ++tree_[i];
    }
    ++total_;
  }
  // Number inserted with an index strictly greater than `index`.
  [[nodiscard]] std::int64_t above(std::size_t index) const {
    std::int64_t at_most = 0;
    for (std::size_t i = index + 1; i > 0; i -= i & (~i + 1)) {
      at_most += tree_[i];
    }
    return total_ - at_most;
  }

 private:
  std::vector<std::int64_t> tree_;
  std::int64_t total_{0};
};

std::int64_t pairs(std::int64_t n) { return n * (n - 1) / 2; }

// Pairs within one group of equally ranked ballot candidates that the ranking also ties.
std::int64_t pairs_tied_in_both(std::span<const Candidate> group, const std::vector<std::uint32_t>& tier) {
  std::vector<std::uint32_t> values;
  values.reserve(group.size());
  for (const Candidate c : group) {
    values.push_back(tier[c]);
  }
  std::sort(values.begin(), values.end());
  std::int64_t both = 0;
  for (std::size_t i = 0; i < values.size();) {
    std::size_t j = i;
    while (j < values.size() && values[j] == values[i]) {
      ++j;
    }
    both += pairs(static_cast<std::int64_t>(j - i));
    i = j;
  }
  return both;
}

}  // namespace

std::optional<Candidate> condorcet_winner(const PairwiseMatrix& pairwise) {
  for (Candidate c = 0; c < pairwise.size(); ++c) {
    bool beats_all = true;
    for (Candidate d = 0; d < pairwise.size() && beats_all; ++d) {
      beats_all = d == c || pairwise.margin(c, d) > 0;
    }
    if (beats_all) {
      return c;
    }
  }
  return std::nullopt;
}

std::vector<Candidate> find_majority_cycle(const PairwiseMatrix& pairwise, const std::vector<Candidate>& among) {
  std::vector<char> state(pairwise.size(), 0);  // 0 unseen, 1 on the stack, 2 done
  for (const Candidate root : among) {
    if (state[root] != 0) {
      continue;
    }
    std::vector<std::pair<Candidate, std::size_t>> stack{{root, 0}};
    state[root] = 1;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      while (next < among.size() && !(pairwise.margin(node, among[next]) > 0 && state[among[next]] != 2)) {
        ++next;
      }
      if (next == among.size()) {
        state[node] = 2;
        stack.pop_back();
        continue;
      }
      const Candidate child = among[next++];
      if (state[child] == 1) {
        auto from = std::find_if(stack.begin(), stack.end(), [&](const auto& e) { return e.first == child; });
        std::vector<Candidate> cycle;
        for (; from != stack.end(); ++from) {
          cycle.push_back(from->first);
        }
        return cycle;
      }
      state[child] = 1;
      stack.emplace_back(child, 0);
    }
  }
  return {};
}

Rational kendall_tau_distance(const RankedBallot& ballot, const WeakOrder& ranking, std::uint32_t num_candidates) {
  const std::vector<std::uint32_t> tier = tier_index(ranking, num_candidates);
  std::vector<Candidate> unranked;
  std::vector<char> ranked(num_candidates, 0);
  for (const Candidate c : ballot.order) {
    ranked[c] = 1;
  }
  for (Candidate c = 0; c < num_candidates; ++c) {
    if (ranked[c] == 0) {
      unranked.push_back(c);
    }
  }
  Fenwick seen(ranking.size() + 1);
  std::int64_t discordant = 0;
  std::int64_t ballot_only = 0;
  std::int64_t both = 0;
  const auto visit = [&](std::span<const Candidate> group) {
    for (const Candidate c : group) {
      discordant += seen.above(tier[c]);
    }
    const std::int64_t tied_both = pairs_tied_in_both(group, tier);
    ballot_only += pairs(static_cast<std::int64_t>(group.size())) - tied_both;
    both += tied_both;
    for (const Candidate c : group) {
      seen.insert(tier[c]);
    }
  };
  for (TierWalker walk(ballot); !walk.done(); walk.next()) {
    visit(walk.tier());
  }
  visit(unranked);
  std::int64_t ranking_ties = 0;
  for (const Tier& t : ranking) {
    ranking_ties += pairs(static_cast<std::int64_t>(t.size()));
  }
  Rational result(static_cast<long>((2 * discordant) + ballot_only + (ranking_ties - both)), 2);
  result.canonicalize();
  return result;
}

Rational agreement_index(const PairwiseMatrix& pairwise) {
  const std::int64_t m = pairwise.size();
  if (m < 2 || pairwise.total_weight() == 0) {
    return Rational(0);
  }
  Integer decisive = 0;
  for (Candidate a = 0; a < pairwise.size(); ++a) {
    for (Candidate b = a + 1; b < pairwise.size(); ++b) {
      const std::int64_t margin = pairwise.margin(a, b);
      decisive += static_cast<long>(margin < 0 ? -margin : margin);
    }
  }
  Rational result(decisive, Integer(static_cast<long>(pairwise.total_weight())) * static_cast<long>(pairs(m)));
  result.canonicalize();
  return result;
}

ConsensusReport analyse_consensus(const OrdinalProfile& profile, const PairwiseMatrix& pairwise,
                                  const WeakOrder& consensus) {
  ConsensusReport report;
  report.condorcet_winner = condorcet_winner(pairwise);
  const auto parts = condorcet_components(pairwise);
  if (!parts.empty()) {
    report.smith_set = parts.front();
  }
  if (!report.condorcet_winner) {
    report.majority_cycle = find_majority_cycle(pairwise, report.smith_set);
  }
  Rational total = 0;
  for (const RankedBallot& ballot : profile.ballots) {
    report.ballot_distances.push_back(kendall_tau_distance(ballot, consensus, profile.num_candidates));
    total += report.ballot_distances.back() * static_cast<long>(ballot.count);
  }
  if (profile.total_weight() > 0) {
    report.mean_distance = total / static_cast<long>(profile.total_weight());
  }
  report.agreement_index = agreement_index(pairwise);
  return report;
}

}  // namespace covalue::core::ranking
