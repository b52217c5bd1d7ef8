#pragma once

#include <cstddef>
#include <string>

namespace covalue::program::detail {

//! Initialises libsodium once (thread-safe); aborts when it cannot, as nothing is safe without it.
void ensure_sodium();

//! Lower-case hex of `size` bytes.
[[nodiscard]] std::string to_hex(const unsigned char* bytes, std::size_t size);

}  // namespace covalue::program::detail
