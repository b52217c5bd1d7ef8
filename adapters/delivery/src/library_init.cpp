#include "library_init.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <mutex>

namespace covalue::adapters::delivery {

void init_sodium() {
  static std::once_flag once;
  // sodium_init fails only without a source of randomness; HMAC and encodings do not need one.
  std::call_once(once, [] { [[maybe_unused]] const int status = sodium_init(); });
}

void init_curl() {
  init_sodium();
  static std::once_flag once;
  std::call_once(once, [] { static_cast<void>(curl_global_init(CURL_GLOBAL_DEFAULT)); });
}

}  // namespace covalue::adapters::delivery
