#pragma once

#include <string>

#include "covalue/core/network/ids.hpp"

namespace covalue::program {

namespace net = core::network;

//! A partner's ballot for one cycle handed to another member partner, its proxy: the proxy's representatives
//! cast the partner's ballot (it stays the partner's, and records the proxy as who cast it). Revocable until the
//! cycle closes; the partner casting its own ballot revokes it. No chains: a proxy cannot delegate onward.
struct Delegation {
  net::CycleNumber cycle{0};
  net::PartnerId partner{0};  //!< the partner whose ballot it is
  net::PartnerId proxy{0};    //!< the partner that casts it
  std::string created_at;     //!< UTC, ISO 8601

  bool operator==(const Delegation&) const = default;
};

}  // namespace covalue::program
