#include "json_fields.hpp"

#include "outcome_codec.hpp"

namespace covalue::adapters::json {

using core::ErrorKind;
using core::make_error;
using core::Rational;
using core::Result;
using nlohmann::json;

bool is_unsigned(const json& node) {
  return node.is_number_unsigned() || (node.is_number_integer() && node.get<std::int64_t>() >= 0);
}

Result<std::string> text_from_json(const json& node, const std::string& path) {
  if (!node.is_string()) {
    return make_error(ErrorKind::kInvalidInput, "expected a string", path);
  }
  return node.get<std::string>();
}

Result<Rational> rational_from_json(const json& node, const std::string& path) {
  if (node.is_number_integer()) {
    return node.is_number_unsigned() ? Rational(std::to_string(node.get<std::uint64_t>()))
                                     : Rational(std::to_string(node.get<std::int64_t>()));
  }
  auto text = text_from_json(node, path);
  if (!text.ok()) {
    return make_error(ErrorKind::kInvalidInput, "expected an exact number like \"7/2\"", path);
  }
  auto value = core::parse_exact_number(*text);
  if (!value.ok()) {
    return make_error(ErrorKind::kInvalidInput, value.error().message, path);
  }
  return value;
}

FieldReader::FieldReader(const json& node, std::string path) : node_(node), path_(std::move(path)) {
  if (!node_.is_object()) {
    error_ = make_error(ErrorKind::kInvalidInput, "expected an object", path_);
  }
}

bool FieldReader::fail(core::Error error) {
  if (!error_) {
    error_ = std::move(error);
  }
  return false;
}

const json* FieldReader::member(const char* key) const {
  if (error_) {
    return nullptr;
  }
  const auto it = node_.find(key);
  return it == node_.end() ? nullptr : &*it;
}

std::string FieldReader::text(const char* key) {
  const json* node = member(key);
  if (error_) {
    return {};
  }
  auto value = text_from_json(node == nullptr ? json() : *node, at(key));
  return value.ok() ? std::move(value).value() : (fail(value.error()), std::string());
}

std::string FieldReader::optional_text(const char* key, std::string fallback) {
  if (member(key) == nullptr) {
    return fallback;
  }
  return text(key);
}

Rational FieldReader::rational(const char* key) {
  const json* node = member(key);
  if (error_) {
    return {};
  }
  auto value = rational_from_json(node == nullptr ? json() : *node, at(key));
  return value.ok() ? std::move(value).value() : (fail(value.error()), Rational());
}

std::optional<Rational> FieldReader::optional_rational(const char* key) {
  const json* node = member(key);
  if (node == nullptr || node->is_null()) {
    return std::nullopt;
  }
  return rational(key);
}

std::int64_t FieldReader::integer(const char* key) {
  const json* node = member(key);
  if (error_) {
    return 0;
  }
  if (node == nullptr || !node->is_number_integer() ||
      (node->is_number_unsigned() && node->get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max())) {
    fail(make_error(ErrorKind::kInvalidInput, "expected an integer", at(key)));
    return 0;
  }
  return node->get<std::int64_t>();
}

std::optional<std::int64_t> FieldReader::optional_integer(const char* key) {
  const json* node = member(key);
  if (node == nullptr || node->is_null()) {
    return std::nullopt;
  }
  return integer(key);
}

bool FieldReader::boolean(const char* key) {
  const json* node = member(key);
  if (error_) {
    return false;
  }
  if (node == nullptr || !node->is_boolean()) {
    fail(make_error(ErrorKind::kInvalidInput, "expected true or false", at(key)));
    return false;
  }
  return node->get<bool>();
}

std::vector<std::int64_t> FieldReader::ids(const char* key) {
  std::vector<std::int64_t> out;
  each(key, [&](const json& item, const std::string& at) {
    if (!item.is_number_integer() ||
        (item.is_number_unsigned() && item.get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max())) {
      return fail(make_error(ErrorKind::kInvalidInput, "expected an integer id", at));
    }
    out.push_back(item.get<std::int64_t>());
    return true;
  });
  return out;
}

}  // namespace covalue::adapters::json
