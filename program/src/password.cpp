#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdio>

#include "covalue/program/sign_in.hpp"
#include "crypto.hpp"

namespace covalue::program {

namespace {

constexpr std::size_t kPasswordSecretBytes = 32;

//! "PREFIX" + 64 random hex digits.
std::string random_secret(const char* prefix) {
  detail::ensure_sodium();
  std::array<unsigned char, kPasswordSecretBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return prefix + detail::to_hex(bytes.data(), bytes.size());
}

bool has_secret_shape(std::string_view secret, std::string_view prefix) {
  if (secret.size() != prefix.size() + 2 * kPasswordSecretBytes || secret.substr(0, prefix.size()) != prefix) {
    return false;
  }
  for (const char c : secret.substr(prefix.size())) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

//! Reads `count` decimal digits at `at`; -1 when they are not digits.
int digits_at(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return -1;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

core::Status check_password(std::string_view password, const std::string& where) {
  if (password.size() < kMinPasswordBytes) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "a password needs at least " + std::to_string(kMinPasswordBytes) +
                                " characters (bytes), got " + std::to_string(password.size()),
                            where);
  }
  if (password.size() > kMaxPasswordBytes) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "a password has at most " + std::to_string(kMaxPasswordBytes) + " bytes, got " +
                                std::to_string(password.size()),
                            where);
  }
  return {};
}

core::Result<std::string> hash_password(std::string_view password) {
  detail::ensure_sodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::make_error(core::ErrorKind::kInternal, "not enough memory to hash a password");
  }
  return std::string(out.data());
}

bool verify_password(const std::string& stored, std::string_view password) {
  detail::ensure_sodium();
  if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) {
    return false;
  }
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

void verify_no_password(std::string_view password) {
  // A hash of a random password, made once: verifying against it costs what a real verification costs.
  static const std::string nobody = [] {
    core::Result<std::string> hash = hash_password(random_secret("nobody_"));
    return hash ? *hash : std::string();
  }();
  (void)verify_password(nobody, password);
}

std::string new_session_secret() { return random_secret("cvs_"); }
std::string new_password_link_secret() { return random_secret("cvp_"); }
bool is_session_secret(std::string_view secret) { return has_secret_shape(secret, "cvs_"); }
bool is_password_link_secret(std::string_view secret) { return has_secret_shape(secret, "cvp_"); }

std::optional<std::string> add_seconds(std::string_view time, std::int64_t seconds) {
  // "2026-11-23T06:30:00.123Z"
  if (time.size() != 24 || time[4] != '-' || time[7] != '-' || time[10] != 'T' || time[13] != ':' || time[16] != ':' ||
      time[19] != '.' || time[23] != 'Z') {
    return std::nullopt;
  }
  const int year = digits_at(time, 0, 4);
  const int month = digits_at(time, 5, 2);
  const int day = digits_at(time, 8, 2);
  const int hour = digits_at(time, 11, 2);
  const int minute = digits_at(time, 14, 2);
  const int second = digits_at(time, 17, 2);
  const int millis = digits_at(time, 20, 3);
  using namespace std::chrono;
  const year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
      second > 59 || millis < 0 || !date.ok()) {
    return std::nullopt;
  }
  const sys_time<milliseconds> at = sys_days(date) + hours(hour) + minutes(minute) + std::chrono::seconds(second) +
                                    milliseconds(millis) + std::chrono::seconds(seconds);
  const sys_days day_of = floor<days>(at);
  const year_month_day out{day_of};
  const hh_mm_ss<milliseconds> clock{at - day_of};
  std::array<char, 96> text{};
  std::snprintf(text.data(), text.size(), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(out.year()),
                static_cast<unsigned>(out.month()), static_cast<unsigned>(out.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
  return std::string(text.data());
}

}  // namespace covalue::program
