#include "schema.hpp"

#include <array>
#include <string>

#include "covalue/adapters/sql/schema.hpp"
#include "schema_v1.hpp"
#include "schema_v2.hpp"
#include "schema_v3.hpp"

namespace covalue::adapters::postgres {
namespace {

using core::ErrorKind;
using core::make_error;
using core::Status;

// How PostgreSQL spells the neutral DDL of adapters/sql (its shortlists were rows from step 2 on).
constexpr sql::DdlDialect kDialect{
    .integer = "bigint",
    .boolean = "boolean",
    .keyed = "",
    .rowid = "",
    .prelude = "",
    .fill_shortlist = "INSERT INTO cycle_shortlist_v4 SELECT 1, cycle, initiative_id, position FROM cycle_shortlist;",
};

// Where a database stands: how many tables it has, and which step it has taken last.
struct DatabaseState {
  std::int64_t tables{0};
  bool versioned{false};
  std::int64_t version{0};
};

DatabaseState read_state(pqxx::work& tx) {
  DatabaseState state;
  state.tables = tx.exec1(
                       "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                       "AND table_type = 'BASE TABLE'")[0]
                     .as<std::int64_t>();
  state.versioned = tx.exec1("SELECT to_regclass('schema_migrations') IS NOT NULL")[0].as<bool>();
  if (state.versioned) {
    state.version = tx.exec1("SELECT coalesce(max(version), 0) FROM schema_migrations")[0].as<std::int64_t>();
  }
  return state;
}

Status check_state(const DatabaseState& state, std::span<const Migration> steps, const std::string& name) {
  if (!state.versioned && state.tables != 0) {
    return make_error(ErrorKind::kInvalidInput, "'" + name + "' is not a covalue database", name);
  }
  const std::int64_t known = steps.empty() ? 0 : steps.back().version;
  if (state.version > known) {
    return make_error(ErrorKind::kConflict,
                      "the database '" + name + "' has schema version " + std::to_string(state.version) +
                          ", newer than this covalue knows (" + std::to_string(known) + "); upgrade covalue",
                      name);
  }
  return {};
}

// Inside the migration transaction, holding the lock: re-reads the state and applies the missing steps.
Status apply_missing(pqxx::work& tx, std::span<const Migration> steps, const std::string& name) {
  tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
  const DatabaseState state = read_state(tx);
  if (auto checked = check_state(state, steps, name); !checked.ok()) {
    return checked;
  }
  if (!state.versioned) {
    tx.exec(
        "CREATE TABLE schema_migrations (version integer PRIMARY KEY, description text NOT NULL, "
        "applied_at timestamptz NOT NULL DEFAULT now())");
  }
  for (const Migration& step : steps) {
    if (step.version > state.version) {
      tx.exec(step.sql);
      tx.exec_params("INSERT INTO schema_migrations (version, description) VALUES ($1, $2)", step.version,
                     std::string(step.description));
    }
  }
  return {};
}

}  // namespace

std::span<const Migration> schema_migrations() {
  static const std::string step4 = sql::render_ddl(sql::kSchemaV4, kDialect);
  static const std::vector<Migration> steps = sql::schema_steps({kSchemaV1, kSchemaV2, kSchemaV3, step4.c_str()});
  return steps;
}

Status migrate(Connection& db, std::span<const Migration> steps, const std::string& name) {
  try {
    pqxx::work tx(db.handle());
    if (auto applied = apply_missing(tx, steps, name); !applied.ok()) {
      tx.abort();
      return applied;
    }
    tx.commit();
    return {};
  } catch (...) {
    core::Error error = pg_error(std::current_exception());
    error.message = "cannot bring the schema of '" + name + "' up to date: " + error.message;
    error.where = name;
    return error;
  }
}

}  // namespace covalue::adapters::postgres
