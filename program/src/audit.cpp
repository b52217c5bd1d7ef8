#include "covalue/program/audit.hpp"

#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>

#include "crypto.hpp"

namespace covalue::program {
namespace detail {

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) {
      std::fputs("covalue: libsodium failed to initialise\n", stderr);
      std::abort();
    }
  });
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    hex.push_back(kDigits[bytes[i] >> 4U]);
    hex.push_back(kDigits[bytes[i] & 15U]);
  }
  return hex;
}

}  // namespace detail

namespace {

//! Appends one field with its length, so no two different entries hash the same text.
void add_field(crypto_hash_sha256_state& state, const std::string& field) {
  const std::string length = std::to_string(field.size()) + ":";
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

}  // namespace

std::string audit_hash(const AuditEntry& entry) {
  detail::ensure_sodium();
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (const std::string* field : {&entry.previous_hash, &entry.time, &entry.actor, &entry.action, &entry.detail}) {
    add_field(state, *field);
  }
  add_field(state, std::to_string(entry.sequence));
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  return detail::to_hex(digest.data(), digest.size());
}

AuditVerification verify_audit_chain(const std::vector<AuditEntry>& entries) {
  AuditVerification result;
  std::string previous(64, '0');
  std::int64_t expected = 1;
  for (const AuditEntry& entry : entries) {
    std::string problem;
    if (entry.sequence != expected) {
      problem = "expected entry " + std::to_string(expected) + " here: an entry is missing or out of order";
    } else if (entry.previous_hash != previous) {
      problem = "its previous_hash does not match the hash of the entry before";
    } else if (entry.hash != audit_hash(entry)) {
      problem = "its hash does not match its fields: the entry was altered";
    }
    if (!problem.empty()) {
      result.first_broken = entry.sequence;
      result.problem = std::move(problem);
      return result;
    }
    ++result.entries;
    previous = entry.hash;
    ++expected;
  }
  return result;
}

std::string SystemClock::now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::array<char, 96> text{};  // room for any int the format may print
  std::snprintf(text.data(), text.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
  return text.data();
}

}  // namespace covalue::program
