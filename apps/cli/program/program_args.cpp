#include "program/program_args.hpp"

#include <charconv>
#include <utility>

#include "covalue/core/text.hpp"

namespace covalue::cli {

core::Result<core::Rational> parse_number(const std::string& text, const std::string& flag) {
  core::Result<core::Rational> value = core::parse_exact_number(text);
  if (!value) {
    return core::make_error(core::ErrorKind::kInvalidInput, value.error().message, flag);
  }
  return value;
}

core::Result<core::network::PartnerId> resolve_partner(const std::vector<core::network::Partner>& partners,
                                                       const std::string& reference, const std::string& flag) {
  const core::network::Partner* partner = program::find_partner(partners, reference);
  if (partner == nullptr) {
    return core::make_error(core::ErrorKind::kNotFound,
                            "no partner named or numbered " + core::quote_excerpt(reference), flag);
  }
  return partner->id;
}

core::Result<core::network::PartnerId> resolve_partner(program::Queries queries, const std::string& reference,
                                                       const std::string& flag) {
  core::Result<core::network::Partner> partner = queries.find_partner(reference, flag);
  if (!partner) {
    return partner.error();
  }
  return partner->id;
}

core::Result<std::pair<std::string, core::Rational>> parse_pair(const std::string& text, const std::string& flag) {
  const std::size_t eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0) {
    return core::make_error(core::ErrorKind::kInvalidInput, "expected KEY=VALUE, got " + core::quote_excerpt(text),
                            flag);
  }
  core::Result<core::Rational> value = parse_number(text.substr(eq + 1), flag);
  if (!value) {
    return value.error();
  }
  return std::make_pair(text.substr(0, eq), std::move(*value));
}

core::Result<std::int64_t> parse_id(const std::string& text, const std::string& flag) {
  std::int64_t id = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, id);
  if (text.empty() || ec != std::errc() || ptr != end || id <= 0) {
    return core::make_error(core::ErrorKind::kInvalidInput, "expected a positive id, got " + core::quote_excerpt(text),
                            flag);
  }
  return id;
}

core::Result<std::optional<core::network::PartnerId>> resolve_optional_partner(program::Queries queries,
                                                                               const std::string& reference,
                                                                               const std::string& flag) {
  if (reference.empty()) {
    return std::optional<core::network::PartnerId>();
  }
  core::Result<core::network::PartnerId> id = resolve_partner(std::move(queries), reference, flag);
  if (!id) {
    return id.error();
  }
  return std::optional<core::network::PartnerId>(*id);
}

}  // namespace covalue::cli
