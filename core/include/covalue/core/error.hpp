#pragma once

#include <string>

namespace covalue::core {

//! What kind of expected failure an Error reports; callers map it to exit codes and HTTP statuses.
enum class ErrorKind {
  kInvalidInput,     //!< malformed or inconsistent input (a file, a JSON body, a value out of range)
  kUsage,            //!< the caller combined options that do not go together
  kInfeasible,       //!< the problem has no solution under its constraints
  kTieRefused,       //!< a tie occurred and the caller asked to refuse ties
  kNotFound,         //!< an id that names nothing
  kConflict,         //!< a state conflict (a ballot after close, ...)
  kTimeLimit,        //!< a solver or search hit its limit before proving its answer
  kUnauthenticated,  //!< no credentials, or credentials that name nobody (HTTP 401)
  kForbidden,        //!< the caller may not do this (HTTP 403)
  kInternal,         //!< our own fault
};

//! An expected failure, returned as a value: what went wrong and where (file:line:column, a field).
struct Error {
  ErrorKind kind{ErrorKind::kInvalidInput};
  std::string message;
  std::string where;

  //! "where: message", or just the message when there is no location.
  [[nodiscard]] std::string to_string() const { return where.empty() ? message : where + ": " + message; }
};

}  // namespace covalue::core
