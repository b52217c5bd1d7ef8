#include "pg_connection.hpp"

#include <utility>
#include <vector>

#include "covalue/adapters/sql/db.hpp"

namespace covalue::adapters::postgres {
namespace {

using core::ErrorKind;
using core::make_error;

ErrorKind kind_of(const std::string& sqlstate) {
  if (sqlstate == "23505") {
    return ErrorKind::kConflict;
  }
  if (sqlstate == "23503") {
    return ErrorKind::kNotFound;
  }
  if (sqlstate == "23514" || sqlstate == "23502") {
    return ErrorKind::kInvalidInput;
  }
  return is_retryable(sqlstate) ? ErrorKind::kConflict : ErrorKind::kInternal;
}

// The server's message without libpq's trailing newline.
std::string trimmed(const char* message) {
  std::string text = message == nullptr ? std::string() : std::string(message);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

}  // namespace

bool is_retryable(const std::string& sqlstate) { return sqlstate == "40001" || sqlstate == "40P01"; }

core::Error result_error(const PGresult* result, PGconn* connection, std::string* sqlstate, bool* lost) {
  const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
  if (state == nullptr || PQstatus(connection) != CONNECTION_OK) {
    if (lost != nullptr) {
      *lost = PQstatus(connection) != CONNECTION_OK;
    }
    const std::string message = trimmed(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection));
    return make_error(ErrorKind::kInternal, PQstatus(connection) != CONNECTION_OK
                                                ? "lost the connection to PostgreSQL: " + message
                                                : "PostgreSQL failed: " + message);
  }
  if (sqlstate != nullptr) {
    *sqlstate = state;
  }
  if (is_retryable(state)) {
    return make_error(ErrorKind::kConflict, "a concurrent transaction changed the same data; try again");
  }
  return make_error(kind_of(state), trimmed(PQresultErrorMessage(result)));
}

std::string redact_url(const std::string& url) {
  const auto scheme = url.find("://");
  const auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) {
    return url;
  }
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) {
    return url;
  }
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

core::Result<std::unique_ptr<Connection>> Connection::open(const std::string& url) {
  PGconn* connection = PQconnectdb(url.c_str());
  if (connection == nullptr || PQstatus(connection) != CONNECTION_OK) {
    const std::string message = connection == nullptr ? "out of memory" : trimmed(PQerrorMessage(connection));
    PQfinish(connection);
    return make_error(ErrorKind::kInvalidInput, "cannot connect to the database '" + redact_url(url) + "': " + message,
                      redact_url(url));
  }
  // Notices (a dropped table that did not exist, say) are not the user's business.
  PQsetNoticeProcessor(
      connection, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<Connection>(new Connection(connection));
}

Connection::~Connection() { PQfinish(connection_); }

std::pair<std::string, std::string> Connection::statement(const char* sql) {
  auto [it, added] = prepared_.try_emplace(sql);
  if (!added) {
    return {it->second.name, std::string()};
  }
  it->second.name = "covalue_" + std::to_string(++names_);
  // Statements of the store written once carry neutral "$?" placeholders: numbered as $1, $2, ...
  return {it->second.name, sql::translate(sql, true)};
}

void Connection::prepared(const std::string& name, bool ok) {
  for (auto it = prepared_.begin(); it != prepared_.end(); ++it) {
    if (it->second.name == name) {
      if (ok) {
        it->second.confirmed = true;
      } else {
        prepared_.erase(it);
      }
      return;
    }
  }
}

core::Status Connection::exec(const std::string& sql) {
  auto result = checked(PgResult(PQexec(connection_, sql.c_str())));
  return result.ok() ? core::Status() : core::Status(result.error());
}

std::vector<const char*> param_values(const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& value : params) {
    values.push_back(value ? value->c_str() : nullptr);
  }
  return values;
}

core::Result<PgResult> Connection::exec_params(const std::string& sql, const std::vector<Param>& params) {
  const std::vector<const char*> values = param_values(params);
  return checked(PgResult(PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                       values.data(), nullptr, nullptr, 0)));
}

core::Result<PgResult> Connection::checked(PgResult result) {
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    return result;
  }
  bool lost = false;
  core::Error error = result_error(result.get(), connection_, nullptr, &lost);
  if (lost) {
    broken_ = true;
  }
  return error;
}

}  // namespace covalue::adapters::postgres
