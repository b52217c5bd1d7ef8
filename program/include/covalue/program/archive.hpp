#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/network/charter.hpp"
#include "covalue/core/network/cycle.hpp"
#include "covalue/core/network/cycle_outcome.hpp"
#include "covalue/core/network/initiative.hpp"
#include "covalue/core/network/objective.hpp"
#include "covalue/core/network/partner.hpp"
#include "covalue/core/network/partner_ballot.hpp"
#include "covalue/core/network/realised_value.hpp"
#include "covalue/core/network/scorecard.hpp"
#include "covalue/core/result.hpp"
#include "covalue/program/access.hpp"
#include "covalue/program/archive_tables.hpp"
#include "covalue/program/audit.hpp"
#include "covalue/program/store.hpp"

namespace covalue::program {

//! Everything one network holds, as stored: what `covalue network export` writes and `network import`
//! loads into another store (docs/archive.md). Ids are the stored ids; every list is in the order the
//! store reads it (by id, number or sequence).
struct NetworkArchive {
  net::Charter charter;
  std::vector<net::Partner> partners;
  std::vector<net::Objective> objectives;
  std::vector<net::Initiative> initiatives;  //!< with impacts, objectives, volunteers and nominees
  std::vector<net::Cycle> cycles;            //!< with their shortlists
  std::vector<net::PartnerBallot> ballots;   //!< of every cycle, by cycle then partner
  std::vector<net::CycleOutcome> outcomes;   //!< with their certificates
  std::vector<net::RealisedValue> realised;
  std::vector<net::KpiMeasurement> kpis;
  std::optional<net::Scorecard> scorecard;
  std::vector<net::InitiativeScore> scores;
  std::vector<Person> people;       //!< removed ones too (without their e-mail addresses)
  std::vector<AccessToken> tokens;  //!< secret hashes only: a secret is never stored
  std::vector<AuditEntry> audit;    //!< the whole chain, by sequence
  //! People's password hashes (Argon2id strings), by person: who had a password can still sign in after a move.
  std::map<PersonId, std::string> password_hashes;
  //! The tables carried row by row (version 3), one per archive_tables() entry and in its order.
  std::vector<ArchiveTable> tables;

  bool operator==(const NetworkArchive&) const = default;
};

//! Reads the whole network through one open session (kNotFound when the store holds none).
[[nodiscard]] core::Result<NetworkArchive> read_network_archive(StoreSession& session);

//! Exports the network of `store`, read in one transaction. For the operator (the CLI) or a caller that
//! checked its own right to read everything (tokens' hashes and the audit log included).
[[nodiscard]] core::Result<NetworkArchive> export_network(Store& store);

//! What an import may change about the archive it loads.
struct ImportOptions {
  //! A new name for the network (the charter's); the rename is appended to the audit chain as a
  //! `rename_network` entry by `actor`, after the archived entries.
  std::optional<std::string> rename;
  Actor actor{Actor::local_operator()};
  Clock* clock{nullptr};  //!< stamps the rename entry (the system clock when null)
};

//! Checks an archive before anything is written: a valid charter, each id once per part, and an audit
//! chain that verifies (kInvalidInput naming what is at fault otherwise).
[[nodiscard]] core::Status check_archive(const NetworkArchive& archive);

//! kConflict when the store the session is on may not receive an imported network (today: it holds
//! a network already, i.e. a charter).
[[nodiscard]] core::Status check_import_target(StoreSession& session);

//! Writes the whole archive into `store` in one transaction, keeping every id: the archive is checked
//! (check_archive), the target too (check_import_target), then each row is written in id order and
//! every id the store gives back must equal the archived one (kInternal otherwise). Any failure leaves
//! the store unchanged.
[[nodiscard]] core::Status import_network(Store& store, const NetworkArchive& archive,
                                          const ImportOptions& options = {});

}  // namespace covalue::program
