#include <fmt/core.h>

#include <cstdio>

#include "commands.hpp"
#include "covalue/core/text.hpp"
#include "covalue/program/queries.hpp"

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

namespace {

//! What to run next, for the program errors a command can get past (the program's errors name no
//! command: HTTP callers get them too).
std::string hint_for(const core::Error& error) {
  using core::ErrorKind;
  if (error.kind == ErrorKind::kNotFound && error.message == program::kNoNetworkMessage) {
    return ": run `covalue network init` first";
  }
  if (error.kind == ErrorKind::kNotFound && error.where == "scorecard" &&
      error.message == program::kNoScorecardMessage) {
    return ": define one with `covalue scorecard define`";
  }
  if (error.kind == ErrorKind::kConflict && error.where == "cycle" &&
      error.message.ends_with(program::kStillProposingEnding)) {
    return "; voting starts with `covalue cycle vote`";
  }
  return "";
}

}  // namespace

int report_error(const core::Error& error) {
  fmt::print(stderr, "covalue: error: {}{}\n", core::terminal_safe(error.to_string()), hint_for(error));
  return exit_code_for(error.kind);
}

}  // namespace covalue::cli
