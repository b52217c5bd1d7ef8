#pragma once

#include <string>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/rules/rule.hpp"

namespace covalue::core {

//! What verify_outcome found: ok when every check passed; findings say what failed, one line each.
struct VerifyReport {
  bool ok{true};
  std::vector<std::string> findings;  //!< one line per failed check, naming the project and the fault
  std::vector<std::string> checks;    //!< names of the checks that ran
};

//! Re-checks an outcome of `rules::solve` with code independent of the rule implementations: naive,
//! per-voter-group recomputations in exact rationals. Checks feasibility for every rule; for MES the
//! priceability certificate, every purchase's price and its minimality, exhaustiveness and the
//! completion; for greedy and Phragmén a recomputation; for maximum welfare the certificate and the
//! optimality claim (by an exact method different from the rule's). An error only for options that
//! cannot be verified (an unknown rule); every fault of the outcome itself is a finding.
[[nodiscard]] Result<VerifyReport> verify_outcome(const Instance& instance, const ApprovalProfile& profile,
                                                  const Outcome& outcome, const rules::RuleOptions& options);

}  // namespace covalue::core
