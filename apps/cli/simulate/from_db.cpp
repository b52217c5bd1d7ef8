#include "simulate/from_db.hpp"

#include <filesystem>

#include "program/program_session.hpp"

namespace covalue::cli {
namespace {

core::Error at_from_db(const std::string& db, core::Error error) {
  error.message = "'" + db + "': " + error.to_string();
  error.where = "--from-db";
  return error;
}

}  // namespace

core::Result<simulation::RealNetwork> read_real_network(const std::string& db, const std::string& network) {
  const bool postgres = db.starts_with("postgres://") || db.starts_with("postgresql://");
  if (!postgres && !std::filesystem::is_regular_file(db)) {
    return core::make_error(core::ErrorKind::kInvalidInput, "no database file '" + db + "'", "--from-db");
  }
  core::Result<std::unique_ptr<ProgramSession>> session = ProgramSession::open(db, {.name_or_id = network});
  if (!session) {
    return at_from_db(db, session.error());
  }
  core::Result<program::Snapshot> snapshot = (*session)->program().snapshot();
  if (!snapshot) {
    return at_from_db(db, snapshot.error());
  }
  core::Result<simulation::RealNetwork> real = simulation::real_network_of(*snapshot);
  if (!real) {
    return core::make_error(real.error().kind, real.error().message, "--from-db");
  }
  return real;
}

}  // namespace covalue::cli
