#pragma once

// One libpq connection with the statements prepared on it, and the translation of PostgreSQL's
// failures into Errors. Nothing here throws.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "covalue/core/result.hpp"

namespace covalue::adapters::postgres {

//! A statement parameter in text form; nothing is SQL NULL.
using Param = std::optional<std::string>;

//! The parameters as libpq takes them: each one's text, or a null pointer for NULL.
[[nodiscard]] std::vector<const char*> param_values(const std::vector<Param>& params);

//! A PGresult, cleared when it dies.
struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

//! The SQLSTATE of a serialisation failure or a deadlock: the work may be run again.
[[nodiscard]] bool is_retryable(const std::string& sqlstate);

//! The Error of a failed result: a unique violation is kConflict, a foreign-key violation kNotFound, a
//! check or not-null violation kInvalidInput, a serialisation failure or deadlock kConflict, anything
//! else kInternal. Sets `sqlstate` to the server's (empty when the connection broke: `lost`).
[[nodiscard]] core::Error result_error(const PGresult* result, PGconn* connection, std::string* sqlstate, bool* lost);

//! `url` with its password (if any) replaced by "***", for error messages.
[[nodiscard]] std::string redact_url(const std::string& url);

//! One open connection and the statements prepared on it.
class Connection {
 public:
  //! Connects to `url`; kInvalidInput naming the (redacted) URL when the server refuses.
  [[nodiscard]] static core::Result<std::unique_ptr<Connection>> open(const std::string& url);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&&) = delete;
  Connection& operator=(Connection&&) = delete;
  ~Connection();

  //! The libpq connection.
  [[nodiscard]] PGconn* raw() const { return connection_; }
  //! The name of the prepared statement for `sql` (neutral "$?" text), and the text to prepare when
  //! it is not prepared yet (empty once it is, or while its preparation is on its way).
  [[nodiscard]] std::pair<std::string, std::string> statement(const char* sql);
  //! The server confirmed (or refused) the preparation of `name`.
  void prepared(const std::string& name, bool ok);
  //! Runs `sql` (one or more statements, no parameters) outside pipeline mode.
  [[nodiscard]] core::Status exec(const std::string& sql);
  //! Runs one statement with parameters outside pipeline mode and gives its result.
  [[nodiscard]] core::Result<PgResult> exec_params(const std::string& sql, const std::vector<Param>& params);
  //! False once the connection was lost; such a connection is dropped from the pool.
  [[nodiscard]] bool usable() const { return !broken_ && PQstatus(connection_) == CONNECTION_OK; }
  //! Marks the connection lost (or left in a state it cannot be reused in).
  void mark_broken() { broken_ = true; }
  //! Results still on their way from the last user, read (and ignored) by the next one: for each, true
  //! when it is a synchronisation point's.
  [[nodiscard]] std::vector<bool>& unread() { return unread_; }

 private:
  explicit Connection(PGconn* connection) : connection_(connection) {}
  // `result` when it succeeded, else its Error (the connection marked broken when it was lost).
  [[nodiscard]] core::Result<PgResult> checked(PgResult result);

  struct Prepared {
    std::string name;
    bool confirmed{false};
  };
  PGconn* connection_;
  std::unordered_map<std::string, Prepared> prepared_;  // SQL text -> its prepared statement
  std::size_t names_{0};
  std::vector<bool> unread_;
  bool broken_{false};
};

}  // namespace covalue::adapters::postgres
