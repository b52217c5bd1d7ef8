#pragma once

// One name table per enum, after DuckDB's EnumUtil. Next to each enum, in its own namespace, one
// constexpr function `enum_names(E)` returns its table (found by argument-dependent lookup):
//
//   constexpr auto enum_names(Tier /*tag*/) {
//     using enum Tier;
//     return core::NameTable{"tier", std::to_array<core::EnumName<Tier>>({{kRawMaterials, "raw_materials"}, ...})};
//   }
//
// Everything else (name_of, parse_name, all_of, the lists in help texts, the OpenAPI enums and the web
// UI's names) is derived from that table, which is checked at compile time.

#include <array>
#include <cassert>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "covalue/core/result.hpp"

namespace covalue::core {

//! One row of a name table: the value, its name, and older spellings still accepted on input.
template <typename E>
struct EnumName {
  E value;
  const char* name;
  std::array<const char*, 2> old_names{};
};

//! An enum's name table: what a value is (for errors: "tier") and one row per value, in order.
template <typename E, std::size_t kSize>
struct NameTable {
  const char* what;
  std::array<EnumName<E>, kSize> rows;
};

template <typename E, std::size_t kSize>
NameTable(const char*, std::array<EnumName<E>, kSize>) -> NameTable<E, kSize>;

//! An enum with a name table (an `enum_names(E)` next to it).
template <typename E>
concept NamedEnum = std::is_enum_v<E> && requires(E value) {
  enum_names(value).rows;
};

namespace detail {

//! The table of E, computed once.
template <NamedEnum E>
inline constexpr auto kNameTable = enum_names(E{});

//! Whether kValue is one of its enum's enumerators (not a cast of a number): read from the compiler's
//! spelling of the template argument, which is "(Enum)8" for a value no enumerator has.
template <auto kValue>
consteval bool is_enumerator() {
  constexpr std::string_view kSignature = __PRETTY_FUNCTION__;
  constexpr std::size_t kAt = kSignature.rfind("= ");
  return kAt != std::string_view::npos && kSignature[kAt + 2] != '(';
}

template <typename E, std::size_t... kI>
consteval bool enumerators_are(std::index_sequence<kI...> /*values*/) {
  return (is_enumerator<static_cast<E>(kI)>() && ...) && !is_enumerator<static_cast<E>(sizeof...(kI))>();
}

consteval bool same_text(const char* a, const char* b) {
  return a != nullptr && b != nullptr && std::string_view(a) == std::string_view(b);
}

//! The rows are the values 0..N-1, once each, in order; the enum has no further value; every name is
//! non-empty, and no spelling (name or old name) appears twice.
template <typename E>
consteval bool valid_name_table() {
  constexpr auto& kRows = kNameTable<E>.rows;
  constexpr std::size_t kPerRow = 1 + std::tuple_size_v<decltype(EnumName<E>::old_names)>;
  std::array<const char*, kRows.size() * kPerRow> spellings{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < kRows.size(); ++i) {
    if (static_cast<std::size_t>(kRows[i].value) != i || kRows[i].name == nullptr || kRows[i].name[0] == '\0') {
      return false;
    }
    spellings[n++] = kRows[i].name;
    for (const char* old : kRows[i].old_names) {
      spellings[n++] = old;
    }
  }
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    for (std::size_t j = i + 1; j < spellings.size(); ++j) {
      if (same_text(spellings[i], spellings[j])) {
        return false;
      }
    }
  }
  return enumerators_are<E>(std::make_index_sequence<kRows.size()>());
}

//! The error of an unknown name: kInvalidInput, quoting the text and naming the accepted values.
[[nodiscard]] Error unknown_name(const char* what, std::string_view text, const std::string& accepted);

}  // namespace detail

//! The table of E, checked at compile time (complete, in order, no spelling twice).
template <NamedEnum E>
[[nodiscard]] constexpr const auto& name_table() {
  static_assert(detail::valid_name_table<E>(), "a name table must list every value once, in order, names unique");
  return detail::kNameTable<E>;
}

//! The name of a value ("network_fair").
template <NamedEnum E>
[[nodiscard]] constexpr const char* name_of(E value) {
  const auto index = static_cast<std::size_t>(value);
  assert(index < name_table<E>().rows.size() && "a value outside its enum");
  return name_table<E>().rows[index].name;
}

//! Every value, in the order of the enum.
template <NamedEnum E>
[[nodiscard]] constexpr auto all_of() {
  std::array<E, detail::kNameTable<E>.rows.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = name_table<E>().rows[i].value;
  }
  return values;
}

//! Every name, in the order of the enum (for OpenAPI enums, CLI checks and the web UI).
template <NamedEnum E>
[[nodiscard]] std::vector<std::string> names_of() {
  std::vector<std::string> names;
  for (const auto& row : name_table<E>().rows) {
    names.emplace_back(row.name);
  }
  return names;
}

//! The names joined by a separator, for help texts and errors ("mes | phragmen | greedy").
template <NamedEnum E>
[[nodiscard]] std::string name_list(std::string_view separator = ", ") {
  std::string out;
  for (const auto& row : name_table<E>().rows) {
    out += out.empty() ? "" : separator;
    out += row.name;
  }
  return out;
}

//! The value of a name or of one of its old spellings; kInvalidInput naming the accepted values.
template <NamedEnum E>
[[nodiscard]] Result<E> parse_name(std::string_view text) {
  for (const auto& row : name_table<E>().rows) {
    if (text == row.name) {
      return row.value;
    }
    for (const char* old : row.old_names) {
      if (old != nullptr && text == old) {
        return row.value;
      }
    }
  }
  return detail::unknown_name(name_table<E>().what, text, name_list<E>());
}

//! The error kinds' names, as the HTTP API sends them (here, as error.hpp comes before this header).
constexpr auto enum_names(ErrorKind /*tag*/) {
  using enum ErrorKind;
  return NameTable{"error kind", std::to_array<EnumName<ErrorKind>>({{kInvalidInput, "invalid_input"},
                                                                     {kUsage, "usage"},
                                                                     {kInfeasible, "infeasible"},
                                                                     {kTieRefused, "tie_refused"},
                                                                     {kNotFound, "not_found"},
                                                                     {kConflict, "conflict"},
                                                                     {kTimeLimit, "time_limit"},
                                                                     {kUnauthenticated, "unauthenticated"},
                                                                     {kForbidden, "forbidden"},
                                                                     {kInternal, "internal"}})};
}

}  // namespace covalue::core
