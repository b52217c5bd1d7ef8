#include "covalue/core/perpetual/perpetual_rule.hpp"

#include <string>

#include "perpetual_engine.hpp"

namespace covalue::core::perpetual {
namespace detail {

Participation participation(AbsenceMode absence, const RoundBallots& ballots) {
  Participation p;
  p.num_voters = ballots.approvals.size();
  p.num_candidates = ballots.num_candidates;
  for (std::uint32_t v = 0; v < ballots.approvals.size(); ++v) {
    if (ballots.present[v]) {
      p.voters.push_back(v);
    }
  }
  const std::size_t present = p.voters.size();
  if (absence == AbsenceMode::kEmpty) {
    for (std::uint32_t v = 0; v < ballots.approvals.size(); ++v) {
      if (!ballots.present[v]) {
        p.voters.push_back(v);
      }
    }
  }
  p.approves.assign(p.voters.size() * p.num_candidates, 0);
  for (std::size_t i = 0; i < present; ++i) {
    for (std::uint32_t c : ballots.approvals[p.voters[i]]) {
      p.approves[i * p.num_candidates + c] = 1;
    }
  }
  return p;
}

std::vector<std::int64_t> supports(const Participation& p) {
  std::vector<std::int64_t> approvers(p.num_candidates, 0);
  for (std::size_t i = 0; i < p.size(); ++i) {
    for (std::uint32_t c = 0; c < p.num_candidates; ++c) {
      approvers[c] += p.approved(i, c) ? 1 : 0;
    }
  }
  std::vector<std::int64_t> support(p.size(), 0);
  for (std::size_t i = 0; i < p.size(); ++i) {
    for (std::uint32_t c = 0; c < p.num_candidates; ++c) {
      if (p.approved(i, c)) {
        support[i] = std::max(support[i], approvers[c]);
      }
    }
  }
  return support;
}

}  // namespace detail

namespace {

Status check_ballots(AbsenceMode absence, const RoundBallots& ballots) {
  if (ballots.num_candidates == 0) {
    return make_error(ErrorKind::kInvalidInput, "a round needs at least one candidate");
  }
  if (ballots.present.size() != ballots.approvals.size()) {
    return make_error(ErrorKind::kInvalidInput, "presence and ballots differ in their number of voters");
  }
  bool anyone = false;
  for (std::size_t v = 0; v < ballots.approvals.size(); ++v) {
    const std::string voter = "voter " + std::to_string(v);
    if (!ballots.present[v]) {
      if (absence == AbsenceMode::kStrict) {
        return make_error(ErrorKind::kInvalidInput, "is absent, which the strict mode (missing_rule null) forbids",
                          voter);
      }
      continue;
    }
    anyone = true;
    if (ballots.approvals[v].empty() && absence == AbsenceMode::kStrict) {
      return make_error(ErrorKind::kInvalidInput, "approves nothing, which the strict mode forbids", voter);
    }
    for (std::uint32_t c : ballots.approvals[v]) {
      if (c >= ballots.num_candidates) {
        return make_error(ErrorKind::kInvalidInput,
                          "approves candidate " + std::to_string(c) + ", but the round has " +
                              std::to_string(ballots.num_candidates) + " candidates",
                          voter);
      }
    }
  }
  if (!anyone) {
    return make_error(ErrorKind::kInvalidInput, "no voter is present");
  }
  return {};
}

Status check_state(PerpetualRule rule, const PerpetualState& state, std::size_t num_voters) {
  const std::size_t expected = quantity_names(rule).size();
  if (state.quantities.size() != expected) {
    return make_error(ErrorKind::kInvalidInput, std::string("the state of ") + name_of(rule) + " has " +
                                                    std::to_string(expected) + " quantities, not " +
                                                    std::to_string(state.quantities.size()));
  }
  for (const auto& quantity : state.quantities) {
    if (quantity.size() != num_voters) {
      return make_error(ErrorKind::kInvalidInput, "the state has " + std::to_string(quantity.size()) +
                                                      " voters, the ballots " + std::to_string(num_voters));
    }
  }
  if (rule == PerpetualRule::kNash) {
    for (const Rational& s : state.quantities[0]) {
      if (s.get_den() != 1 || s < 0) {
        return make_error(ErrorKind::kInvalidInput,
                          "per_nash satisfactions are whole numbers >= 0, got " + to_string(s));
      }
    }
  }
  if (rule == PerpetualRule::kPav) {
    for (const Rational& w : state.quantities[0]) {
      if (w <= 0) {
        return make_error(ErrorKind::kInvalidInput, "per_pav weights are > 0, got " + to_string(w));
      }
    }
  }
  return {};
}

}  // namespace

std::vector<std::string_view> quantity_names(PerpetualRule rule) {
  switch (rule) {
    case PerpetualRule::kAv:
      return {};
    case PerpetualRule::kPav:
    case PerpetualRule::kReset:
    case PerpetualRule::kUnitCost:
    case PerpetualRule::kConsensus:
      return {"weight"};
    case PerpetualRule::kNash:
      return {"satisfaction"};
    case PerpetualRule::kPhragmen:
      return {"load"};
    case PerpetualRule::kQuota:
    case PerpetualRule::kQuotaNew:
      return {"quota", "satisfaction"};
  }
  return {};
}

PerpetualState initial_state(PerpetualRule rule, std::size_t num_voters) {
  PerpetualState state;
  const std::size_t count = quantity_names(rule).size();
  const bool weights = count == 1 && quantity_names(rule).front() == "weight";
  state.quantities.assign(count, std::vector<Rational>(num_voters, Rational(weights ? 1 : 0)));
  return state;
}

Result<RoundDecision> decide_round(PerpetualRule rule, AbsenceMode absence, const RoundBallots& ballots,
                                   const PerpetualState& before) {
  if (Status status = check_ballots(absence, ballots); !status) {
    return status.error();
  }
  if (Status status = check_state(rule, before, ballots.approvals.size()); !status) {
    return status.error();
  }
  detail::EngineState<Rational> state;
  if (!before.quantities.empty()) {
    state.first = before.quantities[0];
  }
  if (before.quantities.size() > 1) {
    state.second = before.quantities[1];
  }
  RoundDecision decision;
  decision.winner = detail::run_round(rule, detail::participation(absence, ballots), state, decision.tied);
  decision.state = before;
  if (!decision.state.quantities.empty()) {
    decision.state.quantities[0] = std::move(state.first);
  }
  if (decision.state.quantities.size() > 1) {
    decision.state.quantities[1] = std::move(state.second);
  }
  return decision;
}

Result<HistoryDecision> decide_history(PerpetualRule rule, AbsenceMode absence,
                                       const std::vector<RoundBallots>& rounds) {
  HistoryDecision history;
  if (rounds.empty()) {
    return history;
  }
  PerpetualState state = initial_state(rule, rounds.front().approvals.size());
  for (std::size_t t = 0; t < rounds.size(); ++t) {
    auto decision = decide_round(rule, absence, rounds[t], state);
    if (!decision) {
      const Error& error = decision.error();
      const std::string where = "round " + std::to_string(t) + (error.where.empty() ? "" : ", " + error.where);
      return make_error(error.kind, error.message, where);
    }
    history.winners.push_back(decision->winner);
    history.tied.push_back(std::move(decision->tied));
    state = std::move(decision->state);
    history.states.push_back(state);
  }
  return history;
}

}  // namespace covalue::core::perpetual
