#include "covalue/core/network/cycle_outcome.hpp"

#include <array>
#include <string>

#include "covalue/core/text.hpp"

namespace covalue::core::network {
namespace {

constexpr std::array<const char*, 6> kReasons{
    "selected", "selected_objection_met", "not_chosen", "negative_network_value", "objection", "exceeds_capacity"};

}  // namespace

const char* name_of(DecisionReason reason) { return kReasons.at(static_cast<std::size_t>(reason)); }

Result<DecisionReason> parse_decision_reason(std::string_view text) {
  for (std::size_t i = 0; i < kReasons.size(); ++i) {
    if (text == kReasons[i]) {
      return static_cast<DecisionReason>(i);
    }
  }
  return make_error(ErrorKind::kInvalidInput, "unknown decision reason " + quote_excerpt(text));
}

}  // namespace covalue::core::network
