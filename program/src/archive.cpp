// Export and import of a whole network (archive.hpp), through the storage port only.
#include "covalue/program/archive.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <variant>

#include "archive_checks.hpp"
#include "covalue/program/limits.hpp"
#include "covalue/program/snapshot.hpp"
#include "use_case.hpp"

namespace covalue::program {
namespace {

using core::ErrorKind;
using core::make_error;

//! Moves a read value out of `read` into `out`; its error otherwise.
template <typename T>
core::Status take(core::Result<T> read, T& out) {
  if (!read) {
    return read.error();
  }
  out = std::move(*read);
  return {};
}

//! The id a store gave a row must be the archived one: the archive's other rows, its outcomes and its
//! audit details name rows by id.
core::Status same_id(const core::Result<std::int64_t>& given, std::int64_t archived, const char* what) {
  if (!given) {
    return given.error();
  }
  if (*given != archived) {
    return make_error(ErrorKind::kInternal, std::string("the store gave ") + what + " id " + std::to_string(*given) +
                                                " where the archive has " + std::to_string(archived) +
                                                "; nothing was imported");
  }
  return {};
}

//! `rows` sorted by `key` (the order they are inserted in, so that a store numbering them gives the same ids).
template <typename T, typename Key>
std::vector<T> sorted_by(std::vector<T> rows, Key key) {
  std::stable_sort(rows.begin(), rows.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
  return rows;
}

//! Inserts rows that the store numbers, in id order, checking each id given.
template <typename T, typename Insert>
core::Status insert_numbered(const std::vector<T>& rows, const char* what, Insert insert) {
  for (const T& row : sorted_by(rows, [](const T& r) { return r.id; })) {
    if (core::Status same = same_id(insert(row), row.id, what); !same) {
      return same;
    }
  }
  return {};
}

//! Runs `steps` in order until one fails; that one's error.
core::Status in_order(std::initializer_list<std::function<core::Status()>> steps) {
  for (const auto& step : steps) {
    if (core::Status status = step(); !status) {
      return status;
    }
  }
  return {};
}

//! Calls `put` on every row until one fails.
template <typename T, typename Put>
core::Status put_each(const std::vector<T>& rows, Put put) {
  for (const T& row : rows) {
    if (core::Status status = put(row); !status) {
      return status;
    }
  }
  return {};
}

//! The rows whose ids the store assigns: partners, objectives, initiatives (in that order: each may
//! name the ones before).
core::Status write_numbered(StoreSession& session, const NetworkArchive& archive) {
  return in_order({
      [&] {
        return insert_numbered(archive.partners, "partner",
                               [&](const net::Partner& p) { return session.insert_partner(p); });
      },
      [&] {
        return insert_numbered(archive.objectives, "objective",
                               [&](const net::Objective& o) { return session.insert_objective(o); });
      },
      [&] {
        return insert_numbered(archive.initiatives, "initiative",
                               [&](const net::Initiative& i) { return session.insert_initiative(i); });
      },
  });
}

//! Cycles, ballots, outcomes and the ledger: rows keyed by what was written before.
core::Status write_cycles(StoreSession& session, const NetworkArchive& archive) {
  const auto cycles = sorted_by(archive.cycles, [](const net::Cycle& c) { return c.number; });
  return in_order({
      [&] { return put_each(cycles, [&](const net::Cycle& c) { return session.insert_cycle(c); }); },
      [&] { return put_each(archive.ballots, [&](const net::PartnerBallot& b) { return session.put_ballot(b); }); },
      [&] { return put_each(archive.outcomes, [&](const net::CycleOutcome& o) { return session.save_outcome(o); }); },
      [&] {
        return put_each(archive.realised, [&](const net::RealisedValue& v) { return session.put_realised_value(v); });
      },
      [&] {
        return put_each(archive.kpis, [&](const net::KpiMeasurement& m) { return session.put_kpi_measurement(m); });
      },
  });
}

//! The scorecard and its scores, the tokens (numbered) and the audit chain as archived.
core::Status write_rest(StoreSession& session, const NetworkArchive& archive) {
  return in_order({
      [&] { return archive.scorecard ? session.save_scorecard(*archive.scorecard) : core::Status(); },
      [&] {
        return put_each(archive.scores, [&](const net::InitiativeScore& s) { return session.put_initiative_score(s); });
      },
      [&] {
        return insert_numbered(archive.people, "person", [&](const Person& p) { return session.insert_person(p); });
      },
      [&] {
        return insert_numbered(archive.tokens, "token", [&](const AccessToken& t) { return session.insert_token(t); });
      },
      [&] {
        for (const auto& [person, hash] : archive.password_hashes) {
          if (core::Status set = session.set_password_hash(person, hash); !set) {
            return set;
          }
        }
        return core::Status();
      },
  });
}

//! The row's delivery key for the target network: keys are unique in a database and begin with the network's
//! id ("n1.e5.inbox.p3", outbox_writer.cpp), which the import changes to the target's.
ArchiveRow for_network(ArchiveRow row, std::size_t key_column, std::int64_t network) {
  if (auto* key = std::get_if<std::string>(&row[key_column]); key != nullptr && key->starts_with("n")) {
    const std::size_t dot = key->find('.');
    if (dot != std::string::npos && dot > 1 && key->find_first_not_of("0123456789", 1) == dot) {
      *key = "n" + std::to_string(network) + key->substr(dot);
    }
  }
  return row;
}

//! The tables carried row by row, in the order of archive_tables() (each after the ones it names).
core::Status write_tables(StoreSession& session, const NetworkArchive& archive, std::int64_t network) {
  for (const ArchiveTableSpec& spec : archive_tables()) {
    const auto table = std::find_if(archive.tables.begin(), archive.tables.end(),
                                    [&](const ArchiveTable& t) { return t.name == spec.name; });
    if (table == archive.tables.end() || table->rows.empty()) {
      continue;
    }
    std::vector<ArchiveRow> rows = table->rows;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      if (std::string_view(spec.columns[c].name) == "delivery_key") {
        for (ArchiveRow& row : rows) {
          row = for_network(std::move(row), c, network);
        }
      }
    }
    if (core::Status put = session.put_archive_rows(spec, rows); !put) {
      return put;
    }
  }
  return {};
}

//! The name the imported network gets, checked as any network name is.
core::Result<std::optional<std::string>> new_name(const NetworkArchive& archive, const ImportOptions& options) {
  if (!options.rename || *options.rename == archive.charter.name) {
    return std::optional<std::string>();
  }
  if (core::Status name = check_text_field(*options.rename, kNameField, "name", true); !name) {
    return name.error();
  }
  return options.rename;
}

//! kInvalidInput when two rows of `rows` (the archive's part `part`) share an id: a defect of the
//! archive, refused before the store is asked (which would number the second one differently).
template <typename T, typename Key>
core::Status unique_ids(const std::vector<T>& rows, const char* part, Key key) {
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!seen.insert(key(rows[i])).second) {
      return make_error(ErrorKind::kInvalidInput, "a second row with id " + std::to_string(key(rows[i])),
                        std::string(part) + "[" + std::to_string(i) + "]");
    }
  }
  return {};
}

//! Every numbered part of the archive names each id once.
core::Status check_unique_ids(const NetworkArchive& archive) {
  const auto id = [](const auto& row) { return row.id; };
  return in_order({
      [&] { return unique_ids(archive.partners, "partners", id); },
      [&] { return unique_ids(archive.objectives, "objectives", id); },
      [&] { return unique_ids(archive.initiatives, "initiatives", id); },
      [&] { return unique_ids(archive.cycles, "cycles", [](const net::Cycle& c) { return c.number; }); },
      [&] { return unique_ids(archive.people, "people", id); },
      [&] { return unique_ids(archive.tokens, "tokens", id); },
  });
}

}  // namespace

core::Result<NetworkArchive> read_network_archive(StoreSession& session) {
  core::Result<Snapshot> snapshot = read_snapshot(session, SnapshotParts::all());
  if (!snapshot) {
    return snapshot.error();
  }
  NetworkArchive archive{.charter = std::move(snapshot->charter),
                         .partners = std::move(snapshot->partners),
                         .objectives = std::move(snapshot->objectives.get()),
                         .initiatives = std::move(snapshot->initiatives),
                         .cycles = std::move(snapshot->cycles),
                         .ballots = std::move(snapshot->ballots.get()),
                         .outcomes = std::move(snapshot->outcomes.get()),
                         .realised = std::move(snapshot->realised.get()),
                         .kpis = std::move(snapshot->kpis.get()),
                         .scorecard = std::move(snapshot->scorecard.get()),
                         .scores = std::move(snapshot->scores.get()),
                         .people = {},
                         .tokens = {},
                         .audit = {},
                         .password_hashes = {},
                         .tables = {}};
  if (core::Status people = take(session.people(), archive.people); !people) {
    return people.error();
  }
  if (core::Status tokens = take(session.tokens(), archive.tokens); !tokens) {
    return tokens.error();
  }
  if (core::Status audit = take(session.audit_entries(0, INT64_MAX), archive.audit); !audit) {
    return audit.error();
  }
  for (const Person& person : archive.people) {
    if (person.removed) {
      continue;  // a removed person signs in no more (the store answers only for present people)
    }
    core::Result<std::optional<std::string>> hash = session.password_hash(person.id);
    if (!hash) {
      return hash.error();
    }
    if (hash->has_value()) {
      archive.password_hashes.emplace(person.id, std::move(**hash));
    }
  }
  for (const ArchiveTableSpec& spec : archive_tables()) {
    ArchiveTable table{.name = spec.name, .rows = {}};
    if (core::Status rows = take(session.archive_rows(spec), table.rows); !rows) {
      return rows.error();
    }
    archive.tables.push_back(std::move(table));
  }
  return archive;
}

core::Result<NetworkArchive> export_network(Store& store) {
  return detail::read_in<NetworkArchive>(store, [](StoreSession& session) { return read_network_archive(session); });
}

core::Status check_archive(const NetworkArchive& archive) {
  if (core::Status charter = archive.charter.validate(); !charter) {
    return charter;
  }
  if (core::Status ids = check_unique_ids(archive); !ids) {
    return ids;
  }
  if (core::Status tables = check_archive_tables(archive); !tables) {
    return tables;
  }
  const AuditVerification chain = verify_audit_chain(archive.audit);
  if (!chain.intact()) {
    return make_error(ErrorKind::kInvalidInput,
                      "the archive's audit chain is broken at entry " + std::to_string(*chain.first_broken) + ": " +
                          chain.problem + "; nothing was imported",
                      "audit");
  }
  return {};
}

core::Status check_import_target(StoreSession& session) {
  core::Result<std::optional<net::Charter>> existing = session.charter();
  if (!existing) {
    return existing.error();
  }
  if (existing->has_value()) {
    return make_error(ErrorKind::kConflict,
                      "the network to import into already holds '" + (*existing)->name + "'; nothing was imported",
                      "network");
  }
  return {};
}

core::Status import_network(Store& store, const NetworkArchive& archive, const ImportOptions& options) {
  if (core::Status checked = check_archive(archive); !checked) {
    return checked;
  }
  core::Result<std::optional<std::string>> renamed = new_name(archive, options);
  if (!renamed) {
    return renamed.error();
  }
  static SystemClock system_clock;
  Clock& clock = options.clock != nullptr ? *options.clock : system_clock;
  return store.transact([&](StoreSession& session) -> core::Status {
    net::Charter charter = archive.charter;
    charter.name = renamed->value_or(charter.name);
    return in_order({
        [&] { return check_import_target(session); },
        [&] { return session.save_charter(charter); },
        [&] { return write_numbered(session, archive); },
        [&] { return write_cycles(session, archive); },
        [&] { return write_rest(session, archive); },
        [&] { return write_tables(session, archive, store.network()); },
        [&] { return put_each(archive.audit, [&](const AuditEntry& e) { return session.append_audit(e); }); },
        [&] {
          return *renamed ? detail::append_audit(session, {store, options.actor, clock}, "rename_network",
                                                 {{"from", archive.charter.name}, {"to", charter.name}})
                          : core::Status();
        },
    });
  });
}

}  // namespace covalue::program
