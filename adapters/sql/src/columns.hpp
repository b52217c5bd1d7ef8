#pragma once

// One description of a model type's columns: its members in the order the statements name their
// columns, used to read its rows and to bind its values to an INSERT or an UPDATE. Integers, texts and
// truth values are stored as they are, rationals as their canonical text, empty optionals as NULL,
// enums by their name_of() names. A column stored in a form of its own is an object with
// `read(RowReader&, int column, Row&)` and `bind(Statement&, const Row&)` in place of a member.

#include <algorithm>
#include <string>
#include <type_traits>

#include "row_reader.hpp"

namespace covalue::adapters::sql {

namespace detail {
template <typename Class, typename Member>
Class class_of(Member Class::*member);

// Reads `column` into `value`'s member `kColumn` (a member pointer or a column object).
template <auto kColumn, typename Row>
void read_column(RowReader& row, int column, Row& value) {
  if constexpr (std::is_member_object_pointer_v<decltype(kColumn)>) {
    row.read(column, value.*kColumn);
  } else {
    kColumn.read(row, column, value);
  }
}

// Binds `value`'s member `kColumn` to the statement's next parameter.
template <auto kColumn, typename Row>
void bind_column(Statement& statement, const Row& value) {
  if constexpr (std::is_member_object_pointer_v<decltype(kColumn)>) {
    statement.bind(value.*kColumn);
  } else {
    kColumn.bind(statement, value);
  }
}
}  // namespace detail

//! The column of a member's member, `(row.*kOuter).*kInner`: a Follow's subject kind, say.
template <auto kOuter, auto kInner>
struct Nested {
  template <typename Row>
  void read(RowReader& row, int column, Row& value) const {
    row.read(column, (value.*kOuter).*kInner);
  }
  template <typename Row>
  void bind(Statement& statement, const Row& value) const {
    statement.bind((value.*kOuter).*kInner);
  }
};

//! A list member (of texts or of enums) stored as one column of comma-separated texts, enums by their
//! names: "capacity,rule". A name that no longer parses is left out.
template <auto kMember>
struct CommaList {
  template <typename Row>
  void read(RowReader& row, int column, Row& value) const {
    using Item = typename std::remove_cvref_t<decltype(value.*kMember)>::value_type;
    const std::string text = row.text(column);
    std::size_t at = 0;
    while (at < text.size()) {
      const std::size_t end = std::min(text.find(',', at), text.size());
      if constexpr (core::NamedEnum<Item>) {
        if (auto item = core::parse_name<Item>(text.substr(at, end - at)); item.ok()) {
          (value.*kMember).push_back(*item);
        }
      } else {
        (value.*kMember).push_back(text.substr(at, end - at));
      }
      at = end + 1;
    }
  }
  template <typename Row>
  void bind(Statement& statement, const Row& value) const {
    std::string out;
    for (const auto& item : value.*kMember) {
      if constexpr (core::NamedEnum<std::remove_cvref_t<decltype(item)>>) {
        out += (out.empty() ? "" : ",") + std::string(core::name_of(item));
      } else {
        out += (out.empty() ? "" : ",") + item;
      }
    }
    statement.bind_text(out);
  }
};

//! The columns of the rows of one model type: `kFirst`, a member, and `kMembers` (members or column
//! objects), in column order.
template <auto kFirst, auto... kMembers>
struct Columns {
  using Row = decltype(detail::class_of(kFirst));

  //! The current row of a query, its first member read from column `first` (columns before it belong to
  //! another row: a child row's parent key, say).
  Row operator()(RowReader& row, int first = 0) const {
    Row value;
    int column = first;
    row.read(column++, value.*kFirst);
    (detail::read_column<kMembers>(row, column++, value), ...);
    return value;
  }

  //! Binds `value`'s members, from the `from`-th on (0: all of them), to the statement's next parameters.
  void bind(Statement& statement, const Row& value, int from) const {
    int member = 0;
    const auto next = [&](auto bind_member) {
      if (member++ >= from) {
        bind_member();
      }
    };
    next([&] { statement.bind(value.*kFirst); });
    (next([&] { detail::bind_column<kMembers>(statement, value); }), ...);
  }
};

}  // namespace covalue::adapters::sql
