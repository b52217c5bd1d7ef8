#pragma once

// One libpqxx connection with its prepared statements, the translation of libpqxx's exceptions into
// Errors, and the text form of parameters. Nothing here throws past its callers' try blocks: every
// function that talks to the server may throw a pqxx exception, and the session catches it.

#include <pqxx/pqxx>

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "covalue/core/result.hpp"

namespace covalue::adapters::postgres {

//! A statement parameter in text form; nothing is SQL NULL.
using Param = std::optional<std::string>;

//! The SQLSTATE of a serialisation failure or a deadlock: the work may be run again.
[[nodiscard]] bool is_retryable(const std::string& sqlstate);

//! The Error of a caught exception: a unique violation is kConflict, a foreign-key violation
//! kNotFound, a check or not-null violation kInvalidInput, a serialisation failure or deadlock
//! kConflict, anything else kInternal. Sets `sqlstate` when the server sent one, and `lost` when
//! the connection broke.
[[nodiscard]] core::Error pg_error(const std::exception_ptr& caught, std::string* sqlstate = nullptr,
                                   bool* lost = nullptr);

//! `url` with its password (if any) replaced by "***", for error messages.
[[nodiscard]] std::string redact_url(const std::string& url);

//! One open connection and the statements prepared on it.
class Connection {
 public:
  //! Connects to `url`; kInvalidInput naming the (redacted) URL when the server refuses.
  [[nodiscard]] static core::Result<std::unique_ptr<Connection>> open(const std::string& url);

  //! Runs `sql` with `params` in `tx`, preparing it on first use. Throws pqxx exceptions.
  pqxx::result execute(pqxx::transaction_base& tx, const char* sql, const std::vector<Param>& params);
  //! The libpqxx connection.
  [[nodiscard]] pqxx::connection& handle() { return *connection_; }
  //! False once the connection was lost; such a connection is dropped from the pool.
  [[nodiscard]] bool usable() const { return !broken_ && connection_->is_open(); }
  //! Marks the connection lost.
  void mark_broken() { broken_ = true; }

 private:
  explicit Connection(std::unique_ptr<pqxx::connection> connection) : connection_(std::move(connection)) {}

  std::unique_ptr<pqxx::connection> connection_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  bool broken_{false};
};

}  // namespace covalue::adapters::postgres
