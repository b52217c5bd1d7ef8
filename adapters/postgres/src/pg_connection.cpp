#include "pg_connection.hpp"

#include <cstring>
#include <utility>

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

}  // namespace

bool is_retryable(const std::string& sqlstate) { return sqlstate == "40001" || sqlstate == "40P01"; }

core::Error pg_error(const std::exception_ptr& caught, std::string* sqlstate, bool* lost) {
  // libpqxx 6 throws serialisation failures and deadlocks as transaction_rollback, not sql_error.
  const auto retry = [&](const char* state) {
    if (sqlstate != nullptr) {
      *sqlstate = state;
    }
    return make_error(ErrorKind::kConflict, "a concurrent transaction changed the same data; try again");
  };
  try {
    std::rethrow_exception(caught);
  } catch (const pqxx::serialization_failure&) {
    return retry("40001");
  } catch (const pqxx::deadlock_detected&) {
    return retry("40P01");
  } catch (const pqxx::sql_error& e) {
    if (sqlstate != nullptr) {
      *sqlstate = e.sqlstate();
    }
    if (is_retryable(e.sqlstate())) {
      return make_error(ErrorKind::kConflict, "a concurrent transaction changed the same data; try again");
    }
    return make_error(kind_of(e.sqlstate()), e.what());
  } catch (const pqxx::broken_connection& e) {
    if (lost != nullptr) {
      *lost = true;
    }
    return make_error(ErrorKind::kInternal, std::string("lost the connection to PostgreSQL: ") + e.what());
  } catch (const std::exception& e) {
    return make_error(ErrorKind::kInternal, e.what());
  } catch (...) {
    return make_error(ErrorKind::kInternal, "unknown failure talking to PostgreSQL");
  }
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
  try {
    auto connection = std::make_unique<pqxx::connection>(url);
    return std::unique_ptr<Connection>(new Connection(std::move(connection)));
  } catch (...) {
    const core::Error error = pg_error(std::current_exception());
    return make_error(ErrorKind::kInvalidInput,
                      "cannot connect to the database '" + redact_url(url) + "': " + error.message, redact_url(url));
  }
}

pqxx::result Connection::execute(pqxx::transaction_base& tx, const char* sql, const std::vector<Param>& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "covalue_" + std::to_string(prepared_.size() + 1);
    // Statements of the store written once carry neutral "$?" placeholders: numbered as $1, $2, ...
    connection_->prepare(name, std::strstr(sql, "$?") != nullptr ? sql::translate(sql, true) : std::string(sql));
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& value : params) {
    values.push_back(value ? value->c_str() : nullptr);
  }
  return tx.exec_prepared(it->second, pqxx::prepare::make_dynamic_params(values));
}

}  // namespace covalue::adapters::postgres
