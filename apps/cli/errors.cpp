#include <fmt/core.h>

#include <cstdio>

#include "commands.hpp"
#include "covalue/core/text.hpp"

namespace covalue::cli {

int exit_code_for(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kInvalidInput:
    case core::ErrorKind::kNotFound:
    case core::ErrorKind::kConflict:
    case core::ErrorKind::kUnauthenticated:
    case core::ErrorKind::kForbidden:
      return kExitBadInput;
    case core::ErrorKind::kUsage:
      return kExitUsage;
    case core::ErrorKind::kInfeasible:
    case core::ErrorKind::kTieRefused:
    case core::ErrorKind::kTimeLimit:
      return kExitInfeasible;
    case core::ErrorKind::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

int report_error(const core::Error& error) {
  fmt::print(stderr, "covalue: error: {}\n", core::terminal_safe(error.to_string()));
  return exit_code_for(error.kind);
}

}  // namespace covalue::cli
