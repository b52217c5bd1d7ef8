#pragma once

#include <vector>

#include "covalue/core/network/cycle_outcome.hpp"

namespace covalue::core::network {

//! One side payment of a cycle: `from` pays `to` an `amount` (> 0) in the charter's value unit.
struct TransferPayment {
  PartnerId from{0};
  PartnerId to{0};
  Rational amount;

  bool operator==(const TransferPayment&) const = default;
};

//! Who pays whom: the outcome's net transfers (which sum to zero) settled in proportion, exactly. Every
//! partner with a negative transfer pays every partner with a positive one its share of what that one
//! receives: payer p pays receiver r  |t_p| * t_r / (sum of the positive transfers). Each payer's payments
//! add up to what it pays and each receiver's to what it receives. Ordered by payer, then receiver id;
//! empty when nobody pays.
[[nodiscard]] std::vector<TransferPayment> transfer_payments(const std::vector<PartnerResult>& partners);

}  // namespace covalue::core::network
