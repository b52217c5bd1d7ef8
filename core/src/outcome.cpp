#include "covalue/core/outcome.hpp"

#include <algorithm>

namespace covalue::core {

std::vector<ProjectIndex> Outcome::sorted_selection() const {
  std::vector<ProjectIndex> sorted = selected;
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

}  // namespace covalue::core
