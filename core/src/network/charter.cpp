#include "covalue/core/network/charter.hpp"

namespace covalue::core::network {

Status Charter::validate() const {
  if (name.empty()) {
    return make_error(ErrorKind::kInvalidInput, "the network needs a name", "name");
  }
  if (capacity <= 0) {
    return make_error(ErrorKind::kInvalidInput, "must be > 0, got " + to_string(capacity), "capacity");
  }
  if (fairness.max_dry_spell < 1) {
    return make_error(ErrorKind::kInvalidInput, "must be >= 1, got " + std::to_string(fairness.max_dry_spell),
                      "fairness.max_dry_spell");
  }
  if (fairness.max_deopt_share <= 0 || fairness.max_deopt_share > 1) {
    return make_error(ErrorKind::kInvalidInput, "must be in (0, 1], got " + to_string(fairness.max_deopt_share),
                      "fairness.max_deopt_share");
  }
  if (leadership.max_concurrent_leads < 1) {
    return make_error(ErrorKind::kInvalidInput, "must be >= 1, got " + std::to_string(leadership.max_concurrent_leads),
                      "leadership.max_concurrent_leads");
  }
  return {};
}

}  // namespace covalue::core::network
