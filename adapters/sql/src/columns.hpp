#pragma once

// One description of a model type's columns: its members in the order the statements name their
// columns, used to read its rows and to bind its values to an INSERT or an UPDATE. Integers, texts and
// truth values are stored as they are, rationals as their canonical text, empty optionals as NULL,
// enums by their name_of() names.

#include <cstdint>
#include <optional>
#include <string>

#include "covalue/core/enum_names.hpp"
#include "row_reader.hpp"

namespace covalue::adapters::sql {

//! Binds the next parameter of `statement` to `value`, by its type.
inline void bind_value(Statement& statement, std::int64_t value) { statement.bind_int(value); }
inline void bind_value(Statement& statement, const std::optional<std::int64_t>& value) {
  statement.bind_optional_int(value);
}
inline void bind_value(Statement& statement, bool value) { statement.bind_bool(value); }
inline void bind_value(Statement& statement, const std::string& value) { statement.bind_text(value); }
inline void bind_value(Statement& statement, const core::Rational& value) { statement.bind_rational(value); }
inline void bind_value(Statement& statement, const std::optional<core::Rational>& value) {
  statement.bind_optional_rational(value);
}
template <core::NamedEnum E>
void bind_value(Statement& statement, E value) {
  statement.bind_text(core::name_of(value));
}

namespace detail {
template <typename Class, typename Member>
Class class_of(Member Class::*member);
}  // namespace detail

//! The columns of the rows of one model type: `kFirst` and `kMembers`, its members, in column order.
template <auto kFirst, auto... kMembers>
struct Columns {
  using Row = decltype(detail::class_of(kFirst));

  //! The current row of a query, its first member read from column 0.
  Row operator()(RowReader& row) const {
    Row value;
    int column = 0;
    row.read(column++, value.*kFirst);
    (row.read(column++, value.*kMembers), ...);
    return value;
  }

  //! Binds `value`'s members, from the `from`-th on (0: all of them), to the statement's next parameters.
  void bind(Statement& statement, const Row& value, int from) const {
    int member = 0;
    if (member++ >= from) {
      bind_value(statement, value.*kFirst);
    }
    ((member++ >= from ? bind_value(statement, value.*kMembers) : void()), ...);
  }
};

}  // namespace covalue::adapters::sql
