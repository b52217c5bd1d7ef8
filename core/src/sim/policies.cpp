#include "covalue/core/sim/policies.hpp"

#include <string>

namespace covalue::core::sim {
namespace {

namespace net = core::network;
using perpetual::WeightPolicy;

Policy base(std::string name) {
  Policy p;
  p.name = std::move(name);
  p.charter.name = p.name;
  return p;
}

}  // namespace

std::vector<Policy> named_policies() {
  std::vector<Policy> out;
  Policy inward = base("inward");  // each approves its own gains; greedy; no transfers; no rotation
  inward.charter.rule = net::SelectionRule::kGreedy;
  inward.charter.sharing = net::SharingPolicy::kNone;
  inward.charter.fairness.weight_policy = WeightPolicy::kNone;
  inward.ballots = BallotStyle::kOwnGain;
  inward.leads = LeadStyle::kProposer;
  out.push_back(inward);
  Policy outward = base("outward");  // network-fair, transfers, perpetual weights, rotation
  outward.charter.rule = net::SelectionRule::kNetworkFair;
  outward.charter.sharing = net::SharingPolicy::kShapley;
  outward.charter.fairness.weight_policy = WeightPolicy::kReset;
  outward.charter.fairness.max_deopt_share = Rational(1, 2);
  outward.ballots = BallotStyle::kNetwork;
  out.push_back(outward);
  Policy greedy = base("greedy");  // unweighted greedy on network-minded ballots, with transfers
  greedy.charter.rule = net::SelectionRule::kGreedy;
  greedy.charter.fairness.weight_policy = WeightPolicy::kNone;
  out.push_back(greedy);
  Policy random = base("random");  // random approvals, unweighted greedy, no transfers
  random.charter.rule = net::SelectionRule::kGreedy;
  random.charter.sharing = net::SharingPolicy::kNone;
  random.charter.fairness.weight_policy = WeightPolicy::kNone;
  random.ballots = BallotStyle::kRandom;
  out.push_back(random);
  for (const WeightPolicy w : core::all_of<WeightPolicy>()) {
    Policy p = base(core::name_of(w));  // the default charter (MES, Shapley) with that weight policy
    p.charter.fairness.weight_policy = w;
    out.push_back(p);
  }
  return out;
}

Result<Policy> named_policy(std::string_view name) {
  std::string known;
  for (Policy& p : named_policies()) {
    if (p.name == name) {
      return std::move(p);
    }
    known += (known.empty() ? "" : ", ") + p.name;
  }
  return make_error(
      ErrorKind::kInvalidInput,
      "unknown policy '" + std::string(name) + "'; the named ones are " + known + ", or a charter file ending in .toml",
      "--policy");
}

}  // namespace covalue::core::sim
