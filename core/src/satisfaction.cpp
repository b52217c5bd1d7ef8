#include "covalue/core/satisfaction.hpp"

#include <string>

namespace covalue::core {

const char* satisfaction_name(Satisfaction sat) { return sat == Satisfaction::kCost ? "cost" : "card"; }

Result<Satisfaction> parse_satisfaction(std::string_view name) {
  if (name == "cost") {
    return Satisfaction::kCost;
  }
  if (name == "card" || name == "cardinality") {
    return Satisfaction::kCardinality;
  }
  return make_error(ErrorKind::kUsage, "unknown satisfaction '" + std::string(name) + "' (expected cost or card)");
}

}  // namespace covalue::core
