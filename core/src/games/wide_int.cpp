#include "wide_int.hpp"

namespace covalue::core::games::detail {

Integer to_integer(Int128 value) {
  const bool negative = value < 0;
  const UInt128 magnitude = negative ? UInt128{0} - static_cast<UInt128>(value) : static_cast<UInt128>(value);
  Integer result(static_cast<unsigned long>(magnitude >> 64));
  result <<= 64;
  result += static_cast<unsigned long>(static_cast<std::uint64_t>(magnitude));
  return negative ? Integer(-result) : result;
}

}  // namespace covalue::core::games::detail
