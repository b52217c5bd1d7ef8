#include "covalue/core/network/transfer_payments.hpp"

#include <algorithm>

namespace covalue::core::network {

std::vector<TransferPayment> transfer_payments(const std::vector<PartnerResult>& partners) {
  std::vector<const PartnerResult*> payers;
  std::vector<const PartnerResult*> receivers;
  Rational received(0);
  for (const PartnerResult& result : partners) {
    if (result.transfer < 0) {
      payers.push_back(&result);
    } else if (result.transfer > 0) {
      receivers.push_back(&result);
      received += result.transfer;
    }
  }
  const auto by_id = [](const PartnerResult* a, const PartnerResult* b) { return a->partner < b->partner; };
  std::sort(payers.begin(), payers.end(), by_id);
  std::sort(receivers.begin(), receivers.end(), by_id);
  std::vector<TransferPayment> payments;
  if (received == 0) {
    return payments;
  }
  payments.reserve(payers.size() * receivers.size());
  for (const PartnerResult* payer : payers) {
    for (const PartnerResult* receiver : receivers) {
      payments.push_back({payer->partner, receiver->partner, -payer->transfer * receiver->transfer / received});
    }
  }
  return payments;
}

}  // namespace covalue::core::network
