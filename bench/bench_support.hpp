#pragma once

// What the store benchmarks share: a failed step aborts the run (a benchmark has no error path), and the
// same generated network (partners, initiatives with impacts, cycle 1 voting) and ballots, so that the
// SQLite and PostgreSQL figures measure the same data.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "covalue/program/store.hpp"

namespace covalue::bench {

namespace net = core::network;
using core::Rational;
using core::Status;
using program::Store;
using program::StoreSession;

//! The value of `result`; throws (ends the benchmark) when it is an error.
template <typename T>
T check(core::Result<T> result) {
  if (!result.ok()) {
    throw std::runtime_error(result.error().to_string());
  }
  return std::move(result).value();
}

//! Throws (ends the benchmark) when `status` is an error.
inline void check(const core::Status& status) {
  if (!status.ok()) {
    throw std::runtime_error(status.error().to_string());
  }
}

//! The exact fraction n/d.
inline core::Rational fraction(long n, long d) {
  core::Rational value{core::Integer(n), core::Integer(d)};
  value.canonicalize();
  return value;
}

//! The ids the store gave the generated network.
struct NetworkIds {
  std::vector<net::PartnerId> partners;
  std::vector<net::InitiativeId> initiatives;
};

//! Stores `partners` partners, `initiatives` initiatives with `impacts` impacts each, and cycle 1 (voting).
inline NetworkIds insert_network(program::StoreSession& s, int partners, int initiatives, int impacts) {
  NetworkIds ids;
  for (int p = 0; p < partners; ++p) {
    ids.partners.push_back(check(s.insert_partner({0, "partner " + std::to_string(p), net::Tier::kRetailer, 1, {}})));
  }
  for (int i = 0; i < initiatives; ++i) {
    net::Initiative initiative;
    initiative.title = "initiative " + std::to_string(i);
    initiative.description = "a description of some length";
    initiative.proposer = ids.partners[i % partners];
    initiative.cost = fraction(1 + i % 17, 4);
    for (int k = 0; k < impacts && k < partners; ++k) {
      initiative.impacts.push_back({ids.partners[(i + k) % partners], fraction((i * 7 + k * 13) % 101 - 40, 3)});
    }
    initiative.volunteers = {ids.partners[(i + 1) % partners]};
    ids.initiatives.push_back(check(s.insert_initiative(initiative)));
  }
  check(
      s.insert_cycle({1, net::CycleState::kVoting, core::Rational(500), net::SelectionRule::kEqualShares, {}, {}, {}}));
  return ids;
}

//! The `partner`-th partner's scores ballot over `entries` initiatives (shifted by `round`, so that successive
//! ballots differ), objecting to one.
inline net::PartnerBallot ballot_of(const NetworkIds& ids, std::size_t partner, std::size_t entries,
                                    std::int64_t round) {
  net::PartnerBallot ballot{1, ids.partners[partner], net::BallotFormat::kScores, {}, {}};
  for (std::size_t k = 0; k < entries && k < ids.initiatives.size(); ++k) {
    const std::size_t at = (partner * 3 + k + static_cast<std::size_t>(round)) % ids.initiatives.size();
    ballot.entries.push_back({ids.initiatives[at], fraction(1 + static_cast<long>(k % 10), 2)});
  }
  ballot.objections.push_back({ids.initiatives[partner % ids.initiatives.size()], "too costly for us"});
  return ballot;
}

//! Stores every partner's ballot over `entries` initiatives (`ballot_of` round 0).
inline void insert_ballots(program::StoreSession& s, const NetworkIds& ids, std::size_t entries) {
  for (std::size_t p = 0; p < ids.partners.size(); ++p) {
    check(s.put_ballot(ballot_of(ids, p, entries, 0)));
  }
}

}  // namespace covalue::bench
