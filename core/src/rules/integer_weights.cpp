#include "integer_weights.hpp"

#include <span>
#include <type_traits>

namespace covalue::core::rules {

template <class Int>
Result<IntegerWeightsOf<Int>> IntegerWeightsOf<Int>::from(const ApprovalProfile& profile) {
  IntegerWeightsOf out;
  if constexpr (std::is_same_v<Int, std::int64_t>) {
    if (!profile.weights_fit_int64()) {
      return make_error(ErrorKind::kInvalidInput,
                        "voter weights must be non-negative and sum below 2^62 after scaling to integers for 64-bit "
                        "counting");
    }
    const std::span<const std::int64_t> weights = profile.int64_weights();
    out.group.assign(weights.begin(), weights.end());
  } else {
    out.group.reserve(profile.num_groups());
    for (GroupIndex g = 0; g < profile.num_groups(); ++g) {
      out.group.push_back(profile.integer_weight(g));
      if (out.group.back() < 0) {
        return make_error(ErrorKind::kInvalidInput, "voter weights must be non-negative");
      }
    }
  }
  out.project.assign(profile.num_projects(), Int(0));
  for (GroupIndex g = 0; g < profile.num_groups(); ++g) {
    out.total += out.group[g];
    for (const ProjectIndex p : profile.approvals(g)) {
      out.project[p] += out.group[g];
    }
  }
  return out;
}

template struct IntegerWeightsOf<std::int64_t>;
template struct IntegerWeightsOf<Integer>;

}  // namespace covalue::core::rules
