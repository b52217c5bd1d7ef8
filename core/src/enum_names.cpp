#include "covalue/core/enum_names.hpp"

#include "covalue/core/text.hpp"

namespace covalue::core::detail {

Error unknown_name(const char* what, std::string_view text, const std::string& accepted) {
  return make_error(ErrorKind::kInvalidInput, std::string("unknown ") + what + " " + quote_excerpt(text) +
                                                  " (expected one of: " + accepted + ")");
}

}  // namespace covalue::core::detail
