#include "covalue/program/access.hpp"

#include <sodium.h>

#include <array>
#include <cstdlib>

#include "crypto.hpp"

namespace covalue::program {
namespace {

constexpr std::size_t kSecretBytes = 32;

}  // namespace

Actor Actor::local_operator() { return Actor{Role::kOperator, std::nullopt, "cli", std::nullopt, std::nullopt, false}; }

Actor Actor::scheduler() {
  return Actor{Role::kOperator, std::nullopt, "scheduler", std::nullopt, std::nullopt, false};
}

std::string new_token_secret() {
  detail::ensure_sodium();
  std::array<unsigned char, kSecretBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return "cvt_" + detail::to_hex(bytes.data(), bytes.size());
}

std::string hash_token_secret(std::string_view secret) {
  detail::ensure_sodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                     nullptr, 0);
  return detail::to_hex(digest.data(), digest.size());
}

}  // namespace covalue::program
