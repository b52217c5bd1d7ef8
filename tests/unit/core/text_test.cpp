#include "covalue/core/text.hpp"

#include "covalue/core/html.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

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

// Texts a partner network meets: Polish, CJK, Korean, emoji, combining marks.
const std::string kPolish = "\xc5\xbc\xc4\x85\xc5\x82";              // żął
const std::string kTokyo = "\xe6\x9d\xb1\xe4\xba\xac";               // 東京
const std::string kKorean = "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4";  // 한국어
const std::string kTruck = "\xf0\x9f\x9a\x9a";                       // 🚚
const std::string kFamily =
    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"  // 👨‍👩‍👧
    "\xe2\x80\x8d\xf0\x9f\x91\xa7";
const std::string kFlag = "\xf0\x9f\x87\xb5\xf0\x9f\x87\xb1";  // 🇵🇱
const std::string kEAcute = "e\xcc\x81";                       // e + U+0301

bool well_formed(const std::string& text) {
  for (std::size_t at = 0; at < text.size();) {
    const DecodedChar decoded = decode_utf8(std::string_view(text).substr(at));
    if (decoded.length == 0) {
      return false;
    }
    at += decoded.length;
  }
  return true;
}

bool has_control(const std::string& text) {
  for (std::size_t at = 0; at < text.size();) {
    const DecodedChar decoded = decode_utf8(std::string_view(text).substr(at));
    if (decoded.length == 0 || decoded.code < 0x20 || (decoded.code >= 0x7F && decoded.code <= 0x9F)) {
      return true;
    }
    at += decoded.length;
  }
  return false;
}

TEST(TextWidth, CountsTheColumnsATerminalUses) {
  EXPECT_EQ(char_width(U'a'), 1);
  EXPECT_EQ(char_width(U'\u017c'), 1);      // ż
  EXPECT_EQ(char_width(U'\u6771'), 2);      // 東
  EXPECT_EQ(char_width(U'\uD55C'), 2);      // 한
  EXPECT_EQ(char_width(U'\uFF21'), 2);      // fullwidth A
  EXPECT_EQ(char_width(U'\U0001F69A'), 2);  // 🚚
  EXPECT_EQ(char_width(U'\U00020B9F'), 2);  // an ideograph of plane 2
  EXPECT_EQ(char_width(U'\u0301'), 0);      // combining acute accent
  EXPECT_EQ(char_width(U'\u200D'), 0);      // zero-width joiner
  EXPECT_EQ(char_width(U'\u200B'), 0);      // zero-width space
  EXPECT_EQ(char_width(U'\uFE0F'), 0);      // variation selector 16
  EXPECT_EQ(char_width(U'\u1160'), 0);      // Hangul medial vowel
  EXPECT_EQ(char_width(U'\u00AD'), 1);      // soft hyphen shows
  EXPECT_EQ(char_width(U'\u2026'), 1);      // ambiguous: narrow
  EXPECT_EQ(char_width(U'\U0001F1F5'), 1);  // one regional indicator
  EXPECT_EQ(char_width(0x1B), 0);
  EXPECT_EQ(display_width(""), 0U);
  EXPECT_EQ(display_width("Dziko " + kPolish), 9U);
  EXPECT_EQ(display_width(kTokyo), 4U);
  EXPECT_EQ(display_width(kKorean), 6U);
  EXPECT_EQ(display_width(kTruck), 2U);
  EXPECT_EQ(display_width(kFamily), 6U);  // per code point, as wcwidth counts
  EXPECT_EQ(display_width(kFlag), 2U);
  EXPECT_EQ(display_width(kEAcute), 1U);
}

TEST(TextWidth, MakesControlCharactersAndMalformedBytesVisible) {
  EXPECT_EQ(terminal_safe("plain " + kPolish + kTokyo + kFamily), "plain " + kPolish + kTokyo + kFamily);
  EXPECT_EQ(terminal_safe("\x1b[31mred\x07"), "\\x1b[31mred\\x07");
  EXPECT_EQ(terminal_safe("two\nlines\tand\x7f"), "two\\x0alines\\x09and\\x7f");
  EXPECT_EQ(terminal_safe("c1 \xc2\x9b"
                          "31m"),
            "c1 \\xc2\\x9b31m");  // CSI as one C1 character
  EXPECT_EQ(terminal_safe("rlo \xe2\x80\xae"), "rlo \\xe2\\x80\\xae");
  EXPECT_EQ(terminal_safe("bad \xff \xc5"), "bad \\xff \\xc5");
  EXPECT_EQ(terminal_safe("cut \xe6\x9d"), "cut \\xe6\\x9d");
  const std::string hostile = "a\x1b]0;title\x07\x9b\xc2\x9b\xed\xa0\x80z";
  const std::string safe = terminal_safe(hostile);
  EXPECT_TRUE(well_formed(safe));
  EXPECT_FALSE(has_control(safe));
  EXPECT_EQ(terminal_safe(safe), safe);
  EXPECT_EQ(display_width(hostile), display_width(safe));
  EXPECT_EQ(display_width(safe), safe.size());
}

TEST(TextWidth, CutsByColumnsOnCharacterBoundaries) {
  EXPECT_EQ(cut_to_width("short", 10), "short");
  EXPECT_EQ(cut_to_width("exactly", 7), "exactly");
  EXPECT_EQ(cut_to_width("too long", 5), "too ~");
  EXPECT_EQ(cut_to_width("anything", 0), "");
  EXPECT_EQ(cut_to_width("anything", 1), "~");
  // The Lodz title that printed "dziko \xc5\xbcyj\xef\xbf\xbd~": cut after a whole "ą", never inside it.
  const std::string lodz =
      "dziko \xc5\xbcyj\xc4\x85"
      "cych";
  EXPECT_EQ(cut_to_width(lodz, 10), "dziko \xc5\xbcyj~");
  EXPECT_EQ(cut_to_width(lodz, 11), "dziko \xc5\xbcyj\xc4\x85~");
  EXPECT_EQ(cut_to_width(kTokyo + kTokyo, 5), kTokyo + "~");
  EXPECT_EQ(cut_to_width(kTokyo + kTokyo, 6), kTokyo + "~");  // no room for half of 東
  EXPECT_EQ(cut_to_width(kTokyo + kTokyo, 7), kTokyo + "\xe6\x9d\xb1~");
  EXPECT_EQ(cut_to_width(kKorean, 4), "\xed\x95\x9c~");
  EXPECT_EQ(cut_to_width(kTruck + kTruck, 3), kTruck + "~");
  EXPECT_EQ(cut_to_width(kFamily + "xy", 6), "~");  // the family stays whole or goes
  EXPECT_EQ(cut_to_width(kFamily + "xy", 7), kFamily + "~");
  EXPECT_EQ(cut_to_width(kFlag + kFlag + kFlag, 5), kFlag + kFlag + "~");
  EXPECT_EQ(cut_to_width(kFlag + kFlag, 3), kFlag + "~");
  EXPECT_EQ(cut_to_width(kEAcute + kEAcute + kEAcute, 2), kEAcute + "~");
  EXPECT_EQ(cut_to_width("\x1b[31mred", 6), "\\x1b[~");
  EXPECT_EQ(cut_to_width("\x1b[31mred", 4), "~");  // an escape is never cut
}

TEST(TextWidth, EveryCutIsWellFormedAndFits) {
  const std::string names[] = {"Pe\xc5\x82ny pa\xc5\x9bnik", kTokyo + kKorean, kTruck + kFamily + kFlag,
                               kEAcute + kTokyo + kEAcute, "\x1b[31m" + kPolish + "\x07\xff"};
  for (const std::string& name : names) {
    for (std::size_t columns = 0; columns <= display_width(name) + 1; ++columns) {
      const std::string cut = cut_to_width(name, columns);
      EXPECT_TRUE(well_formed(cut)) << name << " at " << columns;
      EXPECT_FALSE(has_control(cut)) << name << " at " << columns;
      EXPECT_LE(display_width(cut), columns) << name << " at " << columns;
      if (columns >= display_width(name)) {
        EXPECT_EQ(cut, terminal_safe(name));
      } else if (columns > 0) {
        ASSERT_EQ(cut.back(), '~');
        EXPECT_TRUE(terminal_safe(name).starts_with(cut.substr(0, cut.size() - 1))) << name << " at " << columns;
        EXPECT_GT(display_width(cut) + 6, columns) << name << " at " << columns;  // 6: the widest cluster here
      }
      const std::string fitted = fit_width(name, columns, columns % 2 == 0 ? Align::kLeft : Align::kRight);
      EXPECT_EQ(display_width(fitted), columns) << name << " at " << columns;
    }
  }
}

TEST(TextWidth, PadsByColumnsNotBytes) {
  EXPECT_EQ(pad_to_width(kTokyo, 6), kTokyo + "  ");
  EXPECT_EQ(pad_to_width(kTokyo, 6, Align::kRight), "  " + kTokyo);
  EXPECT_EQ(pad_to_width(kPolish, 5), kPolish + "  ");
  EXPECT_EQ(pad_to_width(kEAcute, 3), kEAcute + "  ");
  EXPECT_EQ(pad_to_width(kFlag, 2), kFlag);
  EXPECT_EQ(pad_to_width("longer", 3), "longer");
  EXPECT_EQ(pad_to_width("\x1b", 6), "\\x1b  ");
  EXPECT_EQ(fit_width(kKorean + "!", 5), "\xed\x95\x9c\xea\xb5\xad~");
  EXPECT_EQ(fit_width(kKorean + "!", 6), "\xed\x95\x9c\xea\xb5\xad~ ");
}

TEST(Html, EscapesEveryCharacterThatCouldOpenMarkupOrCloseAnAttribute) {
  EXPECT_EQ(html_escape(R"(<a href="x" title='y'>Tom & Jerry</a>)"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  EXPECT_EQ(html_escape("Łódź \xe2\x82\xac 5"), "Łódź \xe2\x82\xac 5");  // other bytes stay as they are
  EXPECT_EQ(html_escape(""), "");
  EXPECT_EQ(html_escape("&amp;"), "&amp;amp;");  // escaped once more: the text is never taken for markup
}

}  // namespace
}  // namespace covalue::core
