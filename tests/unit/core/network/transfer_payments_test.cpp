#include "covalue/core/network/transfer_payments.hpp"

#include <gtest/gtest.h>

namespace covalue::core::network {
namespace {

PartnerResult result(PartnerId partner, const char* transfer) {
  PartnerResult r;
  r.partner = partner;
  r.transfer = Rational(transfer);
  return r;
}

TEST(TransferPayments, EveryPayerPaysEveryReceiverInProportion) {
  // 3 pays 3, 1 pays 1/2; 2 receives 5/2 and 4 receives 1: 7/2 in all.
  const std::vector<TransferPayment> payments =
      transfer_payments({result(4, "1"), result(3, "-3"), result(2, "5/2"), result(1, "-1/2"), result(5, "0")});
  const std::vector<TransferPayment> expected{
      {1, 2, Rational("5/14")}, {1, 4, Rational("1/7")}, {3, 2, Rational("15/7")}, {3, 4, Rational("6/7")}};
  EXPECT_EQ(payments, expected);
  Rational paid_by_3(0);
  Rational received_by_2(0);
  for (const TransferPayment& payment : payments) {
    paid_by_3 += payment.from == 3 ? payment.amount : Rational(0);
    received_by_2 += payment.to == 2 ? payment.amount : Rational(0);
  }
  EXPECT_EQ(paid_by_3, Rational(3));
  EXPECT_EQ(received_by_2, Rational("5/2"));
}

TEST(TransferPayments, NoneWithoutTransfers) {
  EXPECT_TRUE(transfer_payments({result(1, "0"), result(2, "0")}).empty());
  EXPECT_TRUE(transfer_payments({}).empty());
}

}  // namespace
}  // namespace covalue::core::network
