#include <algorithm>
#include <set>

#include <utility>

#include "covalue/core/text.hpp"
#include "covalue/program/limits.hpp"
#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {
namespace {

using detail::run_change;
using nlohmann::json;

//! An initiative partners may score now: waiting for, or a candidate of, a cycle not yet voting.
core::Status check_scorable(const Snapshot& snapshot, const net::InitiativeScore& score, const std::string& where) {
  const net::Initiative* initiative = snapshot.find_initiative(score.initiative);
  if (initiative == nullptr) {
    return detail::not_found("no initiative with id " + std::to_string(score.initiative), where + ".initiative");
  }
  if (!initiative->undecided()) {
    return detail::conflict("initiative " + std::to_string(score.initiative) + " is " +
                                net::name_of(initiative->status) + "; only undecided initiatives are scored",
                            where + ".initiative");
  }
  const net::Scorecard& card = **snapshot.scorecard;
  const net::ScorecardCriterion* criterion = card.find(score.criterion);
  if (criterion == nullptr) {
    return detail::not_found("the scorecard has no criterion " + core::quote_excerpt(score.criterion),
                             where + ".criterion");
  }
  if (score.value < criterion->low || score.value > criterion->high) {
    return detail::invalid("must be within [" + core::to_decimal_string(criterion->low) + ", " +
                               core::to_decimal_string(criterion->high) + "], got " +
                               core::to_decimal_string(score.value),
                           where + ".value");
  }
  return {};
}

//! The candidates of a proposing cycle, best scorecard rank first.
std::vector<net::ScorecardEntry> rank_candidates(const Snapshot& snapshot, net::CycleNumber number) {
  std::vector<net::InitiativeId> candidates;
  for (const net::Initiative& initiative : snapshot.initiatives) {
    if (initiative.cycle == number && initiative.status == net::InitiativeStatus::kProposed) {
      candidates.push_back(initiative.id);
    }
  }
  return net::rank_by_scorecard(**snapshot.scorecard, candidates, *snapshot.scores);
}

//! The scorecard's own rules, then the limits of what people send: names and numbers.
core::Status check_scorecard(const net::Scorecard& scorecard) {
  if (core::Status valid = scorecard.validate(); !valid) {
    return valid;
  }
  for (std::size_t k = 0; k < scorecard.criteria.size(); ++k) {
    const net::ScorecardCriterion& criterion = scorecard.criteria[k];
    const std::string at = "criteria[" + std::to_string(k) + "].";
    if (core::Status name = check_text_field(criterion.name, kNameField, at + "name", true); !name) {
      return name;
    }
    for (const auto& [value, field] : {std::pair{&criterion.weight, "weight"}, std::pair{&criterion.low, "low"},
                                       std::pair{&criterion.high, "high"}}) {
      if (core::Status amount = check_amount(*value, AmountSign::kAny, at + field); !amount) {
        return amount;
      }
    }
  }
  return {};
}

}  // namespace

core::Status Program::define_scorecard(const net::Scorecard& scorecard) {
  if (core::Status allowed = detail::require_coordinator(actor_, "define the scorecard"); !allowed) {
    return allowed;
  }
  if (core::Status valid = check_scorecard(scorecard); !valid) {
    return valid;
  }
  return run_change({store_, actor_, *clock_}, "define_scorecard", SnapshotParts::minimal(),
                    [&](StoreSession& session, Snapshot&, json& detail) -> core::Status {
                      json criteria = json::array();
                      for (const net::ScorecardCriterion& criterion : scorecard.criteria) {
                        criteria.push_back(criterion.name);
                      }
                      detail = {{"formula", net::name_of(scorecard.formula)}, {"criteria", criteria}};
                      return session.save_scorecard(scorecard);
                    });
}

core::Status Program::score_initiative(const std::vector<net::InitiativeScore>& scores) {
  if (scores.empty() || scores.size() > 1000) {
    return detail::invalid("give 1 to 1000 scores, got " + std::to_string(scores.size()), "scores");
  }
  for (std::size_t k = 0; k < scores.size(); ++k) {
    const std::string where = "scores[" + std::to_string(k) + "]";
    if (core::Status allowed = detail::require_acts_for(actor_, scores[k].partner, false, where + ".partner");
        !allowed) {
      return allowed;
    }
    if (core::Status amount = check_amount(scores[k].value, AmountSign::kAny, where + ".value"); !amount) {
      return amount;
    }
  }
  return run_change({store_, actor_, *clock_}, "score_initiative", SnapshotParts{.objectives = true, .scorecard = true},
                    [&](StoreSession& session, Snapshot& snapshot, json& detail) -> core::Status {
                      if (!*snapshot.scorecard) {
                        return detail::conflict("the network has no scorecard yet", "scorecard");
                      }
                      const net::CycleNumber cycle = detail::membership_cycle(snapshot);
                      detail = json::array();
                      for (std::size_t k = 0; k < scores.size(); ++k) {
                        const std::string where = "scores[" + std::to_string(k) + "]";
                        if (core::Result<const net::Partner*> scorer =
                                detail::member(snapshot, scores[k].partner, cycle, where + ".partner");
                            !scorer) {
                          return scorer.error();
                        }
                        if (core::Status valid = check_scorable(snapshot, scores[k], where); !valid) {
                          return valid;
                        }
                        if (core::Status stored = session.put_initiative_score(scores[k]); !stored) {
                          return stored;
                        }
                        detail.push_back({{"initiative", scores[k].initiative},
                                          {"partner", scores[k].partner},
                                          {"criterion", scores[k].criterion},
                                          {"value", core::to_string(scores[k].value)}});
                      }
                      return {};
                    });
}

core::Result<net::Cycle> Program::shortlist(net::CycleNumber number, std::int64_t size) {
  if (core::Status allowed = detail::require_coordinator(actor_, "shortlist the ballot"); !allowed) {
    return allowed.error();
  }
  if (size < 0) {
    return detail::invalid("must be >= 0, got " + std::to_string(size), "size");
  }
  return detail::run_change_to<net::Cycle>(
      {store_, actor_, *clock_}, "shortlist", SnapshotParts{.objectives = true, .scorecard = true}, {},
      [&](StoreSession& session, Snapshot& snapshot, json& detail, net::Cycle& cycle) -> core::Status {
        core::Result<const net::Cycle*> required = snapshot.require_cycle(number);
        if (!required) {
          return required.error();
        }
        const net::Cycle* found = *required;
        if (found->state != net::CycleState::kProposing || !found->shortlist.empty()) {
          return detail::conflict("cycle " + std::to_string(number) + " is " + net::name_of(found->state) +
                                      (found->shortlist.empty() ? "" : " and shortlisted already") +
                                      "; a ballot is shortlisted once, while the cycle is proposing",
                                  "cycle");
        }
        if (!*snapshot.scorecard) {
          return detail::conflict("the network has no scorecard to shortlist by", "scorecard");
        }
        const std::int64_t keep = size > 0 ? size : (*snapshot.scorecard)->shortlist_size;
        if (keep < 1) {
          return detail::invalid("give the shortlist's size: the scorecard has no default", "size");
        }
        const std::vector<net::ScorecardEntry> ranked = rank_candidates(snapshot, number);
        cycle = *found;
        for (std::size_t k = 0; k < ranked.size() && static_cast<std::int64_t>(k) < keep; ++k) {
          cycle.shortlist.push_back(ranked[k].initiative);
        }
        std::sort(cycle.shortlist.begin(), cycle.shortlist.end());
        for (std::size_t k = static_cast<std::size_t>(std::min<std::int64_t>(keep, std::ssize(ranked)));
             k < ranked.size(); ++k) {
          net::Initiative waiting = *snapshot.find_initiative(ranked[k].initiative);
          waiting.status = net::InitiativeStatus::kCarriedOver;
          if (core::Status updated = session.update_initiative(waiting); !updated) {
            return updated;
          }
        }
        detail = {{"cycle", number}, {"shortlist", cycle.shortlist}};
        return session.update_cycle(cycle);
      });
}

}  // namespace covalue::program
