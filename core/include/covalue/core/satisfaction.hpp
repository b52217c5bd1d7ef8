#pragma once

#include <string_view>

#include "covalue/core/instance.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core {

//! Additive satisfaction a voter draws from an approved selected project.
enum class Satisfaction {
  kCost,         //!< the project's cost
  kCardinality,  //!< one per approved project
};

//! "cost" or "card".
[[nodiscard]] const char* satisfaction_name(Satisfaction sat);
//! Inverse of satisfaction_name.
[[nodiscard]] Result<Satisfaction> parse_satisfaction(std::string_view name);

//! A voter's satisfaction from one approved project.
[[nodiscard]] inline Rational project_satisfaction(Satisfaction sat, const Project& project) {
  return sat == Satisfaction::kCost ? project.cost : Rational(1);
}

}  // namespace covalue::core
