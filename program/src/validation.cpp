#include <algorithm>
#include <set>

#include "covalue/program/limits.hpp"
#include "covalue/program/queries.hpp"
#include "use_case.hpp"

namespace covalue::program::detail {
namespace {

core::Status validate_impacts(const Snapshot& snapshot, const net::Initiative& initiative, net::CycleNumber cycle) {
  std::set<net::PartnerId> seen;
  for (std::size_t k = 0; k < initiative.impacts.size(); ++k) {
    const net::Impact& impact = initiative.impacts[k];
    if (core::Status amount =
            check_amount(impact.estimate, AmountSign::kAny, "impacts[" + std::to_string(k) + "].estimate");
        !amount) {
      return amount;
    }
    const std::string where = "impacts[" + std::to_string(k) + "].partner";
    core::Result<const net::Partner*> partner = member(snapshot, impact.partner, cycle, where);
    if (!partner) {
      return partner.error();
    }
    if (!seen.insert(impact.partner).second) {
      return invalid("partner " + (*partner)->name + " has two impact estimates", where);
    }
  }
  return {};
}

core::Status validate_links(const Snapshot& snapshot, const net::Initiative& initiative, net::CycleNumber cycle) {
  for (std::size_t k = 0; k < initiative.objectives.size(); ++k) {
    const net::ObjectiveId id = initiative.objectives[k];
    auto it = std::find_if(snapshot.objectives.begin(), snapshot.objectives.end(),
                           [&](const net::Objective& o) { return o.id == id; });
    if (it == snapshot.objectives.end()) {
      return not_found("no objective with id " + std::to_string(id), "objectives[" + std::to_string(k) + "]");
    }
  }
  for (std::size_t k = 0; k < initiative.volunteers.size(); ++k) {
    core::Result<const net::Partner*> partner =
        member(snapshot, initiative.volunteers[k], cycle, "volunteers[" + std::to_string(k) + "]");
    if (!partner) {
      return partner.error();
    }
  }
  return {};
}

bool title_taken(const Snapshot& snapshot, const std::string& title) {
  return std::any_of(snapshot.initiatives.begin(), snapshot.initiatives.end(), [&](const net::Initiative& i) {
    return i.title == title && i.status != net::InitiativeStatus::kWithdrawn;
  });
}

}  // namespace

core::Status validate_proposal(const Snapshot& snapshot, const net::Initiative& initiative) {
  const net::CycleNumber cycle = membership_cycle(snapshot);
  if (core::Status title = check_text_field(initiative.title, kTitleField, "title", true); !title) {
    return title;
  }
  if (core::Status description = check_text_field(initiative.description, kDescriptionField, "description");
      !description) {
    return description;
  }
  if (title_taken(snapshot, initiative.title)) {
    return conflict("an initiative titled " + core::quote_excerpt(initiative.title, 80) + " already exists", "title");
  }
  if (core::Status cost = check_amount(initiative.cost, AmountSign::kPositive, "cost"); !cost) {
    return cost;
  }
  if (initiative.cost > snapshot.charter.capacity) {
    return invalid("costs " + core::to_decimal_string(initiative.cost) + ", more than the network's capacity " +
                       core::to_decimal_string(snapshot.charter.capacity) + " per cycle",
                   "cost");
  }
  if (core::Result<const net::Partner*> proposer = member(snapshot, initiative.proposer, cycle, "proposer");
      !proposer) {
    return proposer.error();
  }
  if (core::Status status = validate_impacts(snapshot, initiative, cycle); !status) {
    return status;
  }
  return validate_links(snapshot, initiative, cycle);
}

namespace {

//! A score above the charter's scale, named by its entry and initiative.
core::Status check_score(const net::Charter& charter, const net::BallotEntry& entry, const std::string& where) {
  if (entry.value <= charter.score_max) {
    return {};
  }
  return invalid("the score for initiative " + std::to_string(entry.initiative) + " is " +
                     core::to_decimal_string(entry.value) + ", above the charter's scale: from 0 (no support) up to " +
                     core::to_decimal_string(charter.score_max),
                 where + ".value");
}

core::Status validate_entry_value(const net::Charter& charter, net::BallotFormat format, net::BallotEntry& entry,
                                  const std::string& where) {
  switch (format) {
    case net::BallotFormat::kApprovals:
      entry.value = 1;
      return {};
    case net::BallotFormat::kRanking:
      if (entry.value < 1 || entry.value.get_den() != 1 || entry.value > kMaxAmount) {
        return invalid("a rank must be a whole number from 1 to " + std::to_string(kMaxAmount) + ", got " +
                           core::quote_excerpt(core::to_decimal_string(entry.value)),
                       where + ".value");
      }
      return {};
    case net::BallotFormat::kScores:
      if (core::Status amount = check_amount(entry.value, AmountSign::kNonNegative, where + ".value"); !amount) {
        return amount;
      }
      return check_score(charter, entry, where);
    case net::BallotFormat::kPoints:
      return check_amount(entry.value, AmountSign::kNonNegative, where + ".value");
  }
  return {};
}

core::Status check_candidate(const Snapshot& snapshot, net::InitiativeId id, net::CycleNumber cycle,
                             const std::string& where) {
  const net::Initiative* initiative = snapshot.find_initiative(id);
  if (initiative == nullptr) {
    return not_found(
        "initiative " + std::to_string(id) + " is not among the candidates of cycle " + std::to_string(cycle), where);
  }
  if (initiative->cycle == cycle && initiative->status == net::InitiativeStatus::kCarriedOver) {
    return invalid("initiative " + std::to_string(id) + " (" + initiative->title +
                       ") is not on the shortlist of cycle " + std::to_string(cycle),
                   where);
  }
  if (initiative->cycle != cycle || initiative->status != net::InitiativeStatus::kProposed) {
    return invalid("initiative " + std::to_string(id) + " (" + initiative->title +
                       ") is not up for decision in cycle " + std::to_string(cycle),
                   where);
  }
  return {};
}

//! A points ballot that gives more than the charter's budget (0: none), naming the entry that goes over it.
core::Status check_points_budget(const net::Charter& charter, const net::PartnerBallot& ballot) {
  if (ballot.format != net::BallotFormat::kPoints || charter.points_budget == 0) {
    return {};
  }
  core::Rational total = 0;
  for (std::size_t k = 0; k < ballot.entries.size(); ++k) {
    total += ballot.entries[k].value;
    if (total > charter.points_budget) {
      return invalid("the points for initiative " + std::to_string(ballot.entries[k].initiative) +
                         " bring the ballot's total to " + core::to_decimal_string(total) +
                         ", over the charter's budget of " + core::to_decimal_string(charter.points_budget) + " points",
                     "entries[" + std::to_string(k) + "].value");
    }
  }
  return {};
}

core::Status check_cycle_votes(const Snapshot& snapshot, net::CycleNumber number) {
  core::Result<const net::Cycle*> required = snapshot.require_cycle(number);
  if (!required) {
    return required.error();
  }
  const net::Cycle* cycle = *required;
  if (cycle->state == net::CycleState::kProposing) {
    return conflict("cycle " + std::to_string(number) + std::string(kStillProposingEnding), "cycle");
  }
  if (cycle->state != net::CycleState::kVoting) {
    return conflict(
        "cycle " + std::to_string(number) + " is " + net::name_of(cycle->state) + "; ballots are no longer accepted",
        "cycle");
  }
  return {};
}

}  // namespace

core::Result<net::PartnerBallot> validate_ballot(const Snapshot& snapshot, const net::PartnerBallot& ballot) {
  if (core::Status status = check_cycle_votes(snapshot, ballot.cycle); !status) {
    return status.error();
  }
  if (core::Result<const net::Partner*> voter = member(snapshot, ballot.partner, ballot.cycle, "partner"); !voter) {
    return voter.error();
  }
  net::PartnerBallot normalised = ballot;
  std::set<net::InitiativeId> seen;
  for (std::size_t k = 0; k < normalised.entries.size(); ++k) {
    net::BallotEntry& entry = normalised.entries[k];
    const std::string where = "entries[" + std::to_string(k) + "]";
    if (core::Status status = check_candidate(snapshot, entry.initiative, ballot.cycle, where); !status) {
      return status.error();
    }
    if (!seen.insert(entry.initiative).second) {
      return invalid("initiative " + std::to_string(entry.initiative) + " appears twice", where);
    }
    if (core::Status status = validate_entry_value(snapshot.charter, ballot.format, entry, where); !status) {
      return status.error();
    }
  }
  if (core::Status budget = check_points_budget(snapshot.charter, normalised); !budget) {
    return budget.error();
  }
  std::set<net::InitiativeId> objected;
  for (std::size_t k = 0; k < normalised.objections.size(); ++k) {
    const std::string where = "objections[" + std::to_string(k) + "]";
    const net::InitiativeId id = normalised.objections[k].initiative;
    if (core::Status status = check_candidate(snapshot, id, ballot.cycle, where); !status) {
      return status.error();
    }
    if (!objected.insert(id).second) {
      return invalid("objection to initiative " + std::to_string(id) + " appears twice", where);
    }
    if (core::Status reason = check_text_field(normalised.objections[k].reason, kReasonField, where + ".reason");
        !reason) {
      return reason.error();
    }
  }
  return normalised;
}

}  // namespace covalue::program::detail
