#include "integer_weights.hpp"

namespace covalue::core::rules {
namespace {

constexpr std::int64_t kLimit = std::int64_t{1} << 62;

}  // namespace

bool fits_int64(const ApprovalProfile& profile) {
  Integer total = 0;
  for (const Integer& w : profile.integer_weights()) {
    total += w;
    if (w < 0 || total >= kLimit) {
      return false;
    }
  }
  return true;
}

template <class Int>
Result<IntegerWeightsOf<Int>> IntegerWeightsOf<Int>::from(const ApprovalProfile& profile) {
  IntegerWeightsOf out;
  out.group.reserve(profile.num_groups());
  Integer total = 0;
  for (const Integer& w : profile.integer_weights()) {
    total += w;
    if (w < 0) {
      return make_error(ErrorKind::kInvalidInput, "voter weights must be non-negative");
    }
    if constexpr (std::is_same_v<Int, std::int64_t>) {
      if (total >= kLimit) {
        return make_error(ErrorKind::kInvalidInput,
                          "voter weights must sum below 2^62 after scaling to integers for 64-bit counting");
      }
      out.group.push_back(w.get_si());
    } else {
      out.group.push_back(w);
    }
  }
  if constexpr (std::is_same_v<Int, std::int64_t>) {
    out.total = total.get_si();
  } else {
    out.total = total;
  }
  out.project.assign(profile.num_projects(), Int(0));
  for (GroupIndex g = 0; g < profile.num_groups(); ++g) {
    for (const ProjectIndex p : profile.approvals(g)) {
      out.project[p] += out.group[g];
    }
  }
  return out;
}

template struct IntegerWeightsOf<std::int64_t>;
template struct IntegerWeightsOf<Integer>;

}  // namespace covalue::core::rules
