#include "covalue/core/error.hpp"

namespace covalue::core {

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput:
      return "invalid_input";
    case ErrorKind::kUsage:
      return "usage";
    case ErrorKind::kInfeasible:
      return "infeasible";
    case ErrorKind::kTieRefused:
      return "tie_refused";
    case ErrorKind::kNotFound:
      return "not_found";
    case ErrorKind::kConflict:
      return "conflict";
    case ErrorKind::kTimeLimit:
      return "time_limit";
    case ErrorKind::kUnauthenticated:
      return "unauthenticated";
    case ErrorKind::kForbidden:
      return "forbidden";
    case ErrorKind::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace covalue::core
