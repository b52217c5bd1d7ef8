#include "integer_weights.hpp"

namespace covalue::core::rules {

Result<IntegerWeights> IntegerWeights::from(const ApprovalProfile& profile) {
  constexpr std::int64_t kLimit = std::int64_t{1} << 62;
  IntegerWeights out;
  out.group.reserve(profile.num_groups());
  Integer total = 0;
  for (const Integer& w : profile.integer_weights()) {
    total += w;
    if (w < 0 || total >= kLimit) {
      return make_error(ErrorKind::kInvalidInput,
                        "voter weights must be non-negative and sum below 2^62 "
                        "after scaling to integers");
    }
    out.group.push_back(w.get_si());
  }
  out.total = total.get_si();
  out.project.assign(profile.num_projects(), 0);
  for (GroupIndex g = 0; g < profile.num_groups(); ++g) {
    for (const ProjectIndex p : profile.approvals(g)) {
      out.project[p] += out.group[g];
    }
  }
  return out;
}

}  // namespace covalue::core::rules
