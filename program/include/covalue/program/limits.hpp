#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "covalue/core/rational.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/text.hpp"

namespace covalue::program {

//! A text people fill in: its shape and its longest length in characters (Unicode code points). The
//! program's use cases check every such text, so the API and the CLI refuse the same input; the OpenAPI
//! document states the same lengths (maxLength).
struct TextField {
  const char* what;  //!< for messages ("a title")
  core::TextShape shape;
  std::size_t max_chars;
};

inline constexpr TextField kNameField{"a name", core::TextShape::kLine, 200};
inline constexpr TextField kTitleField{"a title", core::TextShape::kLine, 200};
inline constexpr TextField kDescriptionField{"a description", core::TextShape::kParagraphs, 10000};
inline constexpr TextField kReasonField{"a reason", core::TextShape::kParagraphs, 2000};
inline constexpr TextField kUnitField{"a unit", core::TextShape::kLine, 40};
inline constexpr TextField kLabelField{"a label", core::TextShape::kLine, 200};
inline constexpr TextField kCommentField{"a comment", core::TextShape::kParagraphs, 10000};
inline constexpr TextField kUpdateField{"a progress update", core::TextShape::kParagraphs, 5000};

//! Checks a text against its field: well-formed UTF-8, no control characters (newline and tab allowed in
//! paragraphs), at most max_chars characters; `required` refuses an empty text. kInvalidInput naming `where`.
[[nodiscard]] core::Status check_text_field(const std::string& text, const TextField& field, const std::string& where,
                                            bool required = false);

//! The largest magnitude of an amount people send: costs, capacities, impact estimates, actuals, KPI
//! values, scores and points. Inside these bounds every rule computes with numbers of at most a few dozen
//! digits (fast and exact); the decision itself stays exact and never aborts beyond them.
inline constexpr std::int64_t kMaxAmount = 1'000'000'000;
//! The largest denominator of an amount: 6 decimal places, or a fraction such as 1/3 up to 1/1000000.
inline constexpr std::int64_t kMaxDenominator = 1'000'000;

//! Which signs an amount may take.
enum class AmountSign { kAny, kNonNegative, kPositive };

//! Checks an amount against kMaxAmount, kMaxDenominator and its sign; kInvalidInput naming `where`.
[[nodiscard]] core::Status check_amount(const core::Rational& value, AmountSign sign, const std::string& where);

}  // namespace covalue::program
