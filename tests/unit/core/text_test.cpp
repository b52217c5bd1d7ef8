#include "covalue/core/text.hpp"

#include <gtest/gtest.h>

namespace covalue::core {
namespace {

TEST(Text, DecodesWellFormedUtf8AndRefusesTheRest) {
  EXPECT_EQ(decode_utf8("a").code, U'a');
  EXPECT_EQ(decode_utf8("\xc5\xbc").code, U'\u017c');  // ż
  EXPECT_EQ(decode_utf8("\xe6\x9d\xb1").code, U'\u6771');
  EXPECT_EQ(decode_utf8("\xf0\x9f\x9a\x9a").code, U'\U0001F69A');
  EXPECT_EQ(decode_utf8("\xf0\x9f\x9a\x9a").length, 4U);
  EXPECT_EQ(decode_utf8("\xc0\xaf").length, 0U);          // overlong '/'
  EXPECT_EQ(decode_utf8("\xed\xa0\x80").length, 0U);      // a surrogate
  EXPECT_EQ(decode_utf8("\xf4\x90\x80\x80").length, 0U);  // above U+10FFFF
  EXPECT_EQ(decode_utf8("\xe6\x9d").length, 0U);          // cut short
  EXPECT_EQ(decode_utf8("\x80").length, 0U);
}

TEST(Text, ChecksLinesAndParagraphs) {
  EXPECT_TRUE(check_text("Dziko \xc5\xbcyj\xc4\x85"
                         "ce pszczo\xc5\x82y",
                         TextShape::kLine, 40, "title")
                  .ok());
  EXPECT_TRUE(check_text("two\nlines\tand a tab", TextShape::kParagraphs, 40, "description").ok());
  const Status newline = check_text("two\nlines", TextShape::kLine, 40, "title");
  ASSERT_FALSE(newline.ok());
  EXPECT_EQ(newline.error().where, "title");
  EXPECT_NE(newline.error().message.find("line break at character 4"), std::string::npos);
  const Status nul = check_text(std::string("a\0b", 3), TextShape::kParagraphs, 40, "reason");
  ASSERT_FALSE(nul.ok());
  EXPECT_NE(nul.error().message.find("NUL"), std::string::npos);
  const Status escape = check_text("red \x1b[31m", TextShape::kParagraphs, 40, "comment");
  ASSERT_FALSE(escape.ok());
  EXPECT_NE(escape.error().message.find("U+001b"), std::string::npos);
  EXPECT_FALSE(check_text("c1 \xc2\x85", TextShape::kParagraphs, 40, "x").ok());
  EXPECT_FALSE(check_text("bad \xff", TextShape::kLine, 40, "x").ok());
}

TEST(Text, CountsCharactersNotBytesAgainstTheLimit) {
  const std::string emoji = "\xf0\x9f\x9a\x9a";
  std::string five;
  for (int i = 0; i < 5; ++i) {
    five += emoji;
  }
  EXPECT_EQ(count_chars(five), 5U);
  EXPECT_TRUE(check_text(five, TextShape::kLine, 5, "name").ok());
  const Status long_one = check_text(five + "x", TextShape::kLine, 5, "name");
  ASSERT_FALSE(long_one.ok());
  EXPECT_NE(long_one.error().message.find("longer than 5 characters"), std::string::npos);
}

TEST(Text, QuotesAShortSafeExcerpt) {
  EXPECT_EQ(quote_excerpt("abc"), "'abc'");
  EXPECT_EQ(quote_excerpt(std::string(1000, 'x'), 5), "'xxxxx'...");
  EXPECT_EQ(quote_excerpt("a\x1b[0m", 10), "'a\\x1b[0m'");
  EXPECT_EQ(quote_excerpt("\xc5\xbc\xc5\xbc\xc5\xbc", 2), "'\xc5\xbc\xc5\xbc'...");
  EXPECT_EQ(quote_excerpt("\xff", 4), "'\\xff'");
  EXPECT_EQ(quote_excerpt("\xc2\x85", 4), "'\\xc2\\x85'");
}

}  // namespace
}  // namespace covalue::core
