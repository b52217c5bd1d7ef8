#pragma once

#include <array>

#include "covalue/core/enum_names.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/result.hpp"

namespace covalue::core {

//! Additive satisfaction a voter draws from an approved selected project.
enum class Satisfaction {
  kCost,         //!< the project's cost
  kCardinality,  //!< one per approved project
};

//! The names of satisfaction values.
constexpr auto enum_names(Satisfaction /*tag*/) {
  using enum Satisfaction;
  return core::NameTable{"satisfaction", std::to_array<core::EnumName<Satisfaction>>(
                                             {{kCost, "cost"}, {kCardinality, "card", {"cardinality"}}})};
}

//! A voter's satisfaction from one approved project.
[[nodiscard]] inline Rational project_satisfaction(Satisfaction sat, const Project& project) {
  return sat == Satisfaction::kCost ? project.cost : Rational(1);
}

}  // namespace covalue::core
