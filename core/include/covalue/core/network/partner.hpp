#pragma once

#include <optional>
#include <string>

#include "covalue/core/network/ids.hpp"
#include "covalue/core/network/vocabulary.hpp"

namespace covalue::core::network {

//! A member organisation of the network.
struct Partner {
  PartnerId id{0};
  std::string name;  //!< unique within the network
  Tier tier{Tier::kOther};
  CycleNumber joined_cycle{1};            //!< first cycle it is a member of
  std::optional<CycleNumber> left_cycle;  //!< first cycle it is no longer a member of

  //! True when the partner is a member during `cycle`.
  [[nodiscard]] bool member_in(CycleNumber cycle) const {
    return joined_cycle <= cycle && (!left_cycle || cycle < *left_cycle);
  }

  bool operator==(const Partner&) const = default;
};

}  // namespace covalue::core::network
