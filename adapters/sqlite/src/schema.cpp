#include "schema.hpp"

#include <array>
#include <filesystem>
#include <string>

#include "covalue/adapters/sql/schema.hpp"

namespace covalue::adapters::sqlite {
namespace {

using core::ErrorKind;
using core::make_error;
using core::Result;
using core::Status;

// How SQLite spells the neutral DDL of adapters/sql: STRICT tables, truth values as 0/1, and the
// shortlists of step 2's comma-separated column split into rows.
constexpr sql::DdlDialect kDialect{
    .integer = "INTEGER",
    .serial = "INTEGER PRIMARY KEY AUTOINCREMENT",
    .boolean = "INTEGER",
    .keyed = "STRICT, WITHOUT ROWID",
    .rowid = "STRICT",
    .prelude = "PRAGMA defer_foreign_keys = ON;\n",
    .shortlist_v2 = "ALTER TABLE cycles ADD COLUMN shortlist TEXT NOT NULL DEFAULT '';\n",
    .fill_shortlist = R"sql(WITH RECURSIVE split (cycle, rest, item, position) AS (
  SELECT number, shortlist || ',', NULL, -1 FROM cycles WHERE shortlist <> ''
  UNION ALL
  SELECT cycle, substr(rest, instr(rest, ',') + 1), CAST(substr(rest, 1, instr(rest, ',') - 1) AS INTEGER),
    position + 1 FROM split WHERE rest <> ''
)
INSERT INTO cycle_shortlist_v4 (network_id, cycle, initiative_id, position)
  SELECT 1, cycle, item, position FROM split WHERE item IS NOT NULL;)sql",
};

// Where a database stands: whose it is, and which step it has taken last.
struct DatabaseState {
  std::int64_t application_id{0};
  std::int64_t tables{0};
  std::int64_t version{0};
};

Result<std::int64_t> single_int(Connection& db, const char* sql) {
  Statement query = db.prepare(sql);
  auto row = query.step();
  if (!row.ok()) {
    return row.error();
  }
  return *row ? query.int_at(0) : 0;
}

Result<DatabaseState> read_state(Connection& db) {
  DatabaseState state;
  auto application_id = single_int(db, "PRAGMA application_id");
  auto tables = single_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  auto has_versions =
      single_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
  for (const auto* part : {&application_id, &tables, &has_versions}) {
    if (!part->ok()) {
      return part->error();
    }
  }
  state.application_id = *application_id;
  state.tables = *tables;
  if (*has_versions != 0) {
    auto version = single_int(db, "SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!version.ok()) {
      return version.error();
    }
    state.version = *version;
  }
  return state;
}

// A database is ours when it carries our application id, or is empty (about to become ours).
Status check_owner(const DatabaseState& state, const std::string& path) {
  if (state.application_id == kApplicationId || (state.application_id == 0 && state.tables == 0)) {
    return {};
  }
  return make_error(ErrorKind::kInvalidInput, "'" + path + "' is not a covalue database", path);
}

// Makes an error of opening name the database: "not a database" and the like say whose file it is.
core::Error about(const Connection& db, core::Error error) {
  if (error.where.empty()) {
    if (error.kind == ErrorKind::kInternal) {
      error.kind = ErrorKind::kInvalidInput;
      error.message = "cannot use '" + db.path() + "' as a covalue database: " + error.message;
    }
    error.where = db.path();
  }
  return error;
}

// The database's state, once it is known to be a covalue database without a step this binary does not know.
Result<DatabaseState> checked_state(Connection& db, std::span<const Migration> steps) {
  auto state = read_state(db);
  if (!state.ok()) {
    return about(db, state.error());
  }
  if (auto owner = check_owner(*state, db.path()); !owner.ok()) {
    return owner.error();
  }
  if (auto known = sql::check_known(state->version, steps, db.path()); !known.ok()) {
    return known.error();
  }
  return state;
}

Status apply(Connection& db, const Migration& step) {
  if (auto applied = db.execute(step.sql); !applied.ok()) {
    return applied;
  }
  return db.prepare("INSERT INTO schema_migrations (version, description) VALUES (?1, ?2)")
      .bind_int(step.version)
      .bind_text(step.description)
      .run();
}

// Inside the write transaction: re-reads the state (another connection may have migrated meanwhile)
// and applies the missing steps.
Status apply_missing(Connection& db, std::span<const Migration> steps) {
  auto state = checked_state(db, steps);
  if (!state.ok()) {
    return state.error();
  }
  if (auto created = db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                "description TEXT NOT NULL) STRICT;"
                                "PRAGMA application_id = 1129272897");
      !created.ok()) {
    return created;
  }
  for (const Migration& step : steps) {
    if (step.version > state->version) {
      if (auto applied = apply(db, step); !applied.ok()) {
        return applied;
      }
    }
  }
  return {};
}

// Before a file database made by an earlier release is migrated, a consistent copy of it is kept beside
// it as FILE.bak-vN (N its schema version), unless that copy exists already (an earlier attempt).
Status back_up(Connection& db, const DatabaseState& state, std::span<const Migration> steps) {
  const std::int64_t known = steps.empty() ? 0 : steps.back().version;
  if (db.path() == ":memory:" || db.path().empty() || state.version == 0 || state.version >= known) {
    return {};
  }
  const std::string copy = db.path() + ".bak-v" + std::to_string(state.version);
  std::error_code ignored;
  if (std::filesystem::exists(copy, ignored)) {
    return {};
  }
  return db.prepare("VACUUM INTO ?1").bind_text(copy).run();
}

}  // namespace

std::span<const Migration> schema_migrations() {
  static const auto ddl = sql::render_steps(kDialect);
  static const std::vector<Migration> steps = sql::schema_steps(ddl);
  return steps;
}

Status check_schema(Connection& db, std::span<const Migration> steps) {
  auto state = checked_state(db, steps);
  return state.ok() ? Status() : Status(state.error());
}

Status migrate(Connection& db, std::span<const Migration> steps) {
  static_assert(kApplicationId == 1129272897, "the PRAGMA in apply_missing spells the application id");
  auto state = checked_state(db, steps);
  if (!state.ok()) {
    return state.error();  // a newer database is not touched, not even switched to WAL
  }
  if (db.path() != ":memory:" && !db.path().empty()) {
    // FULL: every commit syncs the log, so an acknowledged change survives power loss; group commit
    // (group_commit.hpp) pays that sync once per batch.
    if (auto wal = db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL"); !wal.ok()) {
      return about(db, wal.error());
    }
  }
  if (auto kept = back_up(db, *state, steps); !kept.ok()) {
    return about(db, kept.error());
  }
  if (auto begun = db.execute("BEGIN IMMEDIATE"); !begun.ok()) {
    return about(db, begun.error());
  }
  if (auto applied = apply_missing(db, steps); !applied.ok()) {
    (void)db.execute("ROLLBACK");
    return about(db, applied.error());
  }
  if (auto committed = db.execute("COMMIT"); !committed.ok()) {
    (void)db.execute("ROLLBACK");
    return about(db, committed.error());
  }
  return {};
}

}  // namespace covalue::adapters::sqlite
