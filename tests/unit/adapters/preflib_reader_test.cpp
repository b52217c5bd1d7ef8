// The PrefLib reader on good files and on each kind of bad input, one by one.
#include <gtest/gtest.h>

#include <string>

#include "covalue/adapters/preflib/preflib_file.hpp"

namespace covalue::adapters::preflib {
namespace {

using core::ranking::tiers_of;
using core::ranking::WeakOrder;

const char* const kToi =
    "# FILE NAME: 00001-00000001.toi\n"
    "# TITLE: Partner votes\n"
    "# DATA TYPE: toi\n"
    "# NUMBER ALTERNATIVES: 4\n"
    "# NUMBER VOTERS: 6\n"
    "# NUMBER UNIQUE ORDERS: 3\n"
    "# ALTERNATIVE NAME 1: Shared forecasting\n"
    "# ALTERNATIVE NAME 3: Cross-docking\n"
    "3: 1,{2,3},4\n"
    "2: 3\n"
    "1: {4, 2}, 1\n";

// The error text for `text` read as `source`, or "ok".
std::string error_of(const std::string& text, const std::string& source = "votes.soc") {
  auto parsed = parse_preflib(text, source);
  return parsed.ok() ? "ok" : parsed.error().to_string();
}

// A soc header over 3 alternatives announcing `voters` voters and `orders` orders, then `lines`.
std::string soc(const std::string& lines, int voters = 3, int orders = 2) {
  return "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: " + std::to_string(voters) +
         "\n# NUMBER UNIQUE ORDERS: " + std::to_string(orders) + "\n" + lines;
}

TEST(PrefLibReader, ReadsHeadersNamesTiesAndPartialRankings) {
  auto file = parse_preflib(kToi, "votes.toi");
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_EQ(file->type, DataType::kToi);
  EXPECT_EQ(file->metadata,
            (std::vector<core::Attribute>{{"FILE NAME", "00001-00000001.toi"}, {"TITLE", "Partner votes"}}));
  EXPECT_EQ(file->alternative_names, (std::vector<std::string>{"Shared forecasting", "", "Cross-docking", ""}));
  ASSERT_EQ(file->profile.ballots.size(), 3U);
  EXPECT_EQ(file->profile.num_candidates, 4U);
  EXPECT_EQ(tiers_of(file->profile.ballots[0]), (WeakOrder{{0}, {1, 2}, {3}}));
  EXPECT_EQ(file->profile.ballots[0].count, 3);
  EXPECT_EQ(tiers_of(file->profile.ballots[1]), (WeakOrder{{2}}));
  EXPECT_EQ(tiers_of(file->profile.ballots[2]), (WeakOrder{{3, 1}, {0}}));
}

TEST(PrefLibReader, TakesTheTypeFromTheExtensionWhenTheHeaderHasNone) {
  const std::string text = "# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 1\n# NUMBER UNIQUE ORDERS: 1\n1: 2\n";
  EXPECT_EQ(parse_preflib(text, "x.soi")->type, DataType::kSoi);
  EXPECT_EQ(error_of(text, "x.txt"), "x.txt:4:1: unknown data type: add '# DATA TYPE: soc' (or soi, toc, toi)");
  EXPECT_EQ(error_of(text, "x.soc"),
            "x.soc:4:5: the ranking names 1 of the 2 alternatives (soc rankings are complete)");
}

TEST(PrefLibReader, ToleratesBlankLinesCarriageReturnsAndSpaces) {
  auto file = parse_preflib(soc("\r\n 2 :  1 , 2,3 \r\n\n1: 3,2,1"), "v.soc");
  ASSERT_TRUE(file.ok()) << file.error().to_string();
  EXPECT_EQ(tiers_of(file->profile.ballots[0]), (WeakOrder{{0}, {1}, {2}}));
}

TEST(PrefLibReader, UnknownAlternative) {
  EXPECT_EQ(error_of(soc("2: 1,2,3\n1: 3,7,1\n")), "votes.soc:6:6: alternative 7 is not in 1..3");
  EXPECT_EQ(error_of(soc("2: 0,1,2\n1: 3,2,1\n")), "votes.soc:5:4: alternative 0 is not in 1..3");
}

TEST(PrefLibReader, AlternativeNamedTwice) {
  EXPECT_EQ(error_of(soc("2: 1,2,1\n1: 3,2,1\n")), "votes.soc:5:8: alternative 1 appears twice in this ranking");
  const std::string toc = "# DATA TYPE: toc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 1\n# NUMBER UNIQUE ORDERS: 1\n";
  EXPECT_EQ(error_of(toc + "1: {1,2},{3,2}\n"), "votes.soc:5:13: alternative 2 appears twice in this ranking");
}

TEST(PrefLibReader, VoterCountDifferentFromTheHeader) {
  EXPECT_EQ(error_of(soc("2: 1,2,3\n2: 3,2,1\n")), "votes.soc:3:18: NUMBER VOTERS is 3 but the orders count 4 voters");
}

TEST(PrefLibReader, OrderCountDifferentFromTheHeader) {
  EXPECT_EQ(error_of(soc("1: 1,2,3\n1: 3,2,1\n1: 2,1,3\n", 3, 2)),
            "votes.soc:7:1: more orders than NUMBER UNIQUE ORDERS announces (2)");
}

TEST(PrefLibReader, TruncatedFiles) {
  EXPECT_EQ(error_of(soc("2: 1,2,3\n")),
            "votes.soc:6:1: the file ends after 1 of the 2 orders that NUMBER UNIQUE "
            "ORDERS announces");
  EXPECT_EQ(error_of(soc("2: 1,2,3\n1: 3,")), "votes.soc:6:6: expected an alternative, found the end of the line");
  EXPECT_EQ(error_of(soc("2: 1,2,3\n1: 3,2")),
            "votes.soc:6:7: the ranking names 2 of the 3 alternatives (soc rankings are complete)");
  EXPECT_EQ(error_of("# DATA TYPE: soc\n# NUMBER ALTERN"),
            "votes.soc:2:16: missing '# NUMBER ALTERNATIVES: m' before the rankings");
  EXPECT_EQ(error_of(""), "votes.soc:1:1: missing '# NUMBER ALTERNATIVES: m' before the rankings");
  const std::string toi = "# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 1\n# NUMBER UNIQUE ORDERS: 1\n";
  EXPECT_EQ(error_of(toi + "1: 1,{2,3"), "votes.soc:5:10: unclosed '{'");
}

TEST(PrefLibReader, MalformedLines) {
  EXPECT_EQ(error_of(soc("x: 1,2,3\n")), "votes.soc:5:1: expected 'count: ranking'");
  EXPECT_EQ(error_of(soc("0: 1,2,3\n")), "votes.soc:5:1: the count must be a whole number from 1 to 2147483647");
  EXPECT_EQ(error_of(soc("99999999999: 1,2,3\n")),
            "votes.soc:5:1: the count must be a whole number from 1 to 2147483647");
  EXPECT_EQ(error_of(soc("2 1,2,3\n")), "votes.soc:5:3: expected ':' after the count");
  EXPECT_EQ(error_of(soc("2: 1;2,3\n")), "votes.soc:5:5: unexpected ';' (expected ',' or the end of the line)");
  EXPECT_EQ(error_of(soc("2: 1,{2,3}\n")), "votes.soc:5:6: ties ({...}) are not allowed in a soc file");
  EXPECT_EQ(error_of(soc("2: 1,2,3\n# TITLE: late\n")), "votes.soc:6:1: a '#' header line after the first ranking");
}

TEST(PrefLibReader, BadHeaders) {
  EXPECT_EQ(error_of("# DATA TYPE: csv\n"),
            "votes.soc:1:1: unknown data type 'csv' (expected one of: soc, soi, toc, toi)");
  EXPECT_EQ(error_of("# NUMBER ALTERNATIVES: many\n"),
            "votes.soc:1:24: NUMBER ALTERNATIVES must be a whole number from 0 to 65535");
  EXPECT_EQ(error_of("# NUMBER VOTERS: 1\n# NUMBER VOTERS: 1\n"), "votes.soc:2:18: NUMBER VOTERS given twice");
  EXPECT_EQ(error_of(soc("# ALTERNATIVE NAME 4: D\n")),
            "votes.soc:5:1: ALTERNATIVE NAME 4 but NUMBER ALTERNATIVES is 3");
  EXPECT_EQ(error_of(soc("# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 1: B\n")),
            "votes.soc:6:1: ALTERNATIVE NAME 1 given twice");
  EXPECT_EQ(error_of("# NUMBER ALTERNATIVES: 0\n# NUMBER VOTERS: 0\n# NUMBER UNIQUE ORDERS: 0\n"),
            "votes.soc:1:24: NUMBER ALTERNATIVES must be at least 1");
}

TEST(PrefLibReader, MissingFileIsNotFound) {
  auto file = read_preflib_file("/nonexistent/votes.soc");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().kind, core::ErrorKind::kNotFound);
  EXPECT_EQ(file.error().where, "/nonexistent/votes.soc");
}

}  // namespace
}  // namespace covalue::adapters::preflib
