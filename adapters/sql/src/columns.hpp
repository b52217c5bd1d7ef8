#pragma once

// One description of a model type's columns: its members in the order the statements name their
// columns, used to read its rows and to bind its values to an INSERT or an UPDATE. Integers, texts and
// truth values are stored as they are, rationals as their canonical text, empty optionals as NULL,
// enums by their name_of() names.

#include "row_reader.hpp"

namespace covalue::adapters::sql {

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
    const auto next = [&](const auto& field) {
      if (member++ >= from) {
        statement.bind(field);
      }
    };
    next(value.*kFirst);
    (next(value.*kMembers), ...);
  }
};

}  // namespace covalue::adapters::sql
