// What a person sees on a terminal: tables of Polish, CJK and emoji names line up by the columns a
// terminal gives each character, long names are cut between characters, and no control character in
// a title or a file reaches the terminal.
#include <gtest/gtest.h>

#include <cctype>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

const std::string kDataDir = COVALUE_DATA_DIR;

// The test's own reading of UTF-8 and of terminal columns, independent of the code under test: enough
// for the scripts used here (Latin, CJK, Hangul, emoji, combining marks).
struct Decoded {
  char32_t code{0};
  std::size_t length{0};  // 0: malformed
};

Decoded decode(const std::string& text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t length = lead < 0x80                   ? 1
                             : lead >= 0xC2 && lead < 0xE0 ? 2
                             : lead >= 0xE0 && lead < 0xF0 ? 3
                             : lead >= 0xF0 && lead < 0xF5 ? 4
                                                           : 0;
  if (length == 0 || at + length > text.size()) {
    return {};
  }
  char32_t code = length == 1 ? lead : lead & (0x7FU >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[at + k]);
    if ((byte & 0xC0U) != 0x80U) {
      return {};
    }
    code = (code << 6U) | (byte & 0x3FU);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  if (overlong || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
    return {};
  }
  return {code, length};
}

int columns_of(char32_t code) {
  if ((code >= 0x300 && code <= 0x36F) || code == 0x200D || (code >= 0xFE00 && code <= 0xFE0F)) {
    return 0;
  }
  const bool wide = (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) ||
                    (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF) ||
                    (code >= 0xFF00 && code <= 0xFF60) || (code >= 0x1F300 && code <= 0x1F64F) ||
                    (code >= 0x1F680 && code <= 0x1F6FF) || (code >= 0x1F900 && code <= 0x1F9FF);
  return wide ? 2 : 1;
}

//! The line as a terminal lays it out: one entry per column, 0 for the right half of a wide character.
std::vector<char32_t> layout(const std::string& line) {
  std::vector<char32_t> cells;
  for (std::size_t at = 0; at < line.size();) {
    const Decoded d = decode(line, at);
    if (d.length == 0) {
      ADD_FAILURE() << "not UTF-8 at byte " << at << ": " << line;
      return cells;
    }
    const int width = columns_of(d.code);
    for (int k = 0; k < width; ++k) {
      cells.push_back(k == 0 ? d.code : 0);
    }
    at += d.length;
  }
  return cells;
}

//! Everything a terminal would receive is well-formed UTF-8, with no control character but newlines.
void expect_terminal_safe(const std::string& out, const std::string& what) {
  for (std::size_t at = 0; at < out.size();) {
    const Decoded d = decode(out, at);
    ASSERT_NE(d.length, 0U) << what << ": not UTF-8 at byte " << at;
    const bool control = (d.code < 0x20 && d.code != '\n') || (d.code >= 0x7F && d.code <= 0x9F);
    ASSERT_FALSE(control) << what << ": control character " << static_cast<unsigned>(d.code) << " at byte " << at;
    ASSERT_NE(d.code, 0xFFFDU) << what << ": a replacement character at byte " << at;
    at += d.length;
  }
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

//! Every row is as wide as the header, and every column starts where its header does, after two spaces.
void expect_aligned(const std::vector<std::string>& table, const std::string& what) {
  ASSERT_GE(table.size(), 2U) << what;
  const std::vector<char32_t> header = layout(table.front());
  std::vector<std::size_t> starts;
  for (std::size_t c = 2; c < header.size(); ++c) {
    if (header[c] != U' ' && header[c - 1] == U' ' && header[c - 2] == U' ') {
      starts.push_back(c);
    }
  }
  for (const std::string& line : table) {
    const std::vector<char32_t> row = layout(line);
    EXPECT_EQ(row.size(), header.size()) << what << ":\n" << table.front() << "\n" << line;
    for (const std::size_t start : starts) {
      ASSERT_LT(start, row.size()) << what << ": " << line;
      EXPECT_TRUE(row[start - 1] == U' ' && row[start - 2] == U' ')
          << what << ": column at " << start << " out of line:\n"
          << table.front() << "\n"
          << line;
    }
  }
}

//! A table's note: indented by two spaces, then words (a row indented by spaces goes on with a number).
bool is_note(const std::string& line) {
  const std::size_t text = line.find_first_not_of(' ');
  return line.rfind("  ", 0) == 0 && text != std::string::npos && std::isalpha(static_cast<unsigned char>(line[text]));
}

//! Checks every table of a report printed as text (a title line without double spaces, a header, rows;
//! then notes indented by two spaces, or "(none)"), and returns how many had rows.
std::size_t expect_tables_aligned(const std::string& out, const std::string& what) {
  std::vector<std::vector<std::string>> blocks(1);
  for (const std::string& line : lines_of(out)) {
    if (line.empty()) {
      blocks.emplace_back();
    } else {
      blocks.back().push_back(line);
    }
  }
  std::size_t tables = 0;
  for (const auto& block : blocks) {
    if (block.size() < 3 || block.front().find("  ") != std::string::npos) {
      continue;  // a summary (key, two spaces, value) or a table without rows
    }
    std::vector<std::string> table;
    for (std::size_t i = 1; i < block.size() && !is_note(block[i]) && block[i] != "(none)"; ++i) {
      table.push_back(block[i]);
    }
    if (table.size() >= 2) {
      expect_aligned(table, what + ": " + block.front());
      ++tables;
    }
  }
  return tables;
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char ch : text) {
    out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  }
  return out + "'";
}

const std::string kShop =
    "\xc5\x81\xc3\xb3"
    "d\xc5\xba \xc5\xbby\xc5\xbcnie";                                                        // Łódź Żyżnie
const std::string kTokyo = "\xe6\x9d\xb1\xe4\xba\xac\xe7\x89\xa9\xe6\xb5\x81";               // 東京物流
const std::string kKorea = "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 \xed\x83\x9d\xeb\xb0\xb0";  // 한국어 택배
const std::string kTruck = "\xf0\x9f\x9a\x9a Kurier \xf0\x9f\x87\xb5\xf0\x9f\x87\xb1";       // 🚚 Kurier 🇵🇱
const std::string kHostile = "\x1b[31mRed alert\x07 \x1b]0;pwned\x07";

class TerminalCli : public DatabaseCli {
 protected:
  void create_network() {
    ok("network init --name " + quoted("Sie\xc4\x87 " + kTokyo + " \xf0\x9f\x9a\x9a") +
       " --capacity 12 --rule network-fair --sharing shapley");
    ok("partner add " + quoted(kShop) + " --tier retailer");
    ok("partner add " + quoted(kTokyo) + " --tier last_mile");
    ok("partner add " + quoted(kKorea) + " --tier manufacturer");
    ok("partner add " + quoted(kTruck) + " --tier logistics");
    ok("cycle open");
    ok("initiative propose --title " +
       quoted("Pe\xc5\x82ny pa\xc5\x9bnik \xe2\x80\x93 dziko \xc5\xbcyj\xc4\x85"
              "ce") +
       " --proposer " + quoted(kShop) + " --cost 5 --impact " + quoted(kShop + "=4") + " --impact " +
       quoted(kTokyo + "=-1"));
    ok("initiative propose --title " + quoted("\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xae\xe5\x80\x89\xe5\xba\xab") +
       " --proposer " + quoted(kTokyo) + " --cost 4 --impact " + quoted(kTokyo + "=3") + " --impact " +
       quoted(kKorea + "=1"));
    ok("initiative propose --title " +
       quoted("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 lockers cafe\xcc\x81") +
       " --proposer " + quoted(kTruck) + " --cost 3 --impact " + quoted(kTruck + "=2"));
    ok("initiative propose --title Placeholder --proposer " + quoted(kKorea) + " --cost 2 --impact " +
       quoted(kKorea + "=1"));
  }

  //! Gives initiative `id` a title with escape sequences and a bell, as a database written before
  //! titles were checked at the door (or by another client) may hold.
  void store_title(int id, const std::string& title) {
    write_sql("UPDATE initiatives SET title = ? WHERE id = " + std::to_string(id), {title});
  }
};

TEST_F(TerminalCli, TablesOfPolishCjkAndEmojiNamesLineUpAndCarryNoEscapeSequence) {
  create_network();
  store_title(4, kHostile);
  const std::string initiatives = ok("initiative list");
  expect_terminal_safe(initiatives, "initiative list");
  EXPECT_EQ(expect_tables_aligned(initiatives, "initiative list"), 1U) << initiatives;
  EXPECT_NE(initiatives.find("\\x1b[31mRed alert\\x07"), std::string::npos) << initiatives;
  const std::string partners = ok("partner list");
  expect_terminal_safe(partners, "partner list");
  EXPECT_EQ(expect_tables_aligned(partners, "partner list"), 1U) << partners;
  expect_terminal_safe(ok("initiative show 4"), "initiative show");
  ok("initiative propose --title Temporary --proposer " + quoted(kKorea) + " --cost 1");
  store_title(5, kHostile + " again");
  const std::string withdrawn = ok("initiative withdraw 5");
  expect_terminal_safe(withdrawn, "initiative withdraw");
  EXPECT_NE(withdrawn.find("'\\x1b[31mRed alert"), std::string::npos) << withdrawn;

  ok("cycle vote");
  ok("ballot cast --partner " + quoted(kShop) + " --approve 1 --approve 4");
  ok("ballot cast --partner " + quoted(kTokyo) + " --approve 2 --approve 3");
  ok("ballot cast --partner " + quoted(kKorea) + " --approve 2 --approve 4");
  ok("ballot cast --partner " + quoted(kTruck) + " --approve 3");
  const std::string closed = ok("cycle close --confirm-low-turnout 1");
  expect_terminal_safe(closed, "cycle close");
  EXPECT_GE(expect_tables_aligned(closed, "cycle close"), 1U) << closed;
  EXPECT_NE(closed.find("\\x1b[31mRed alert"), std::string::npos) << closed;
  for (const std::string report : {"cycle 1", "network", "partner", "engagement", "fairness"}) {
    const std::string out = ok("report " + report);
    expect_terminal_safe(out, "report " + report);
    EXPECT_GE(expect_tables_aligned(out, "report " + report), 1U) << out;
  }
}

// The Lodz titles are long Polish names: the table cuts them between characters ("dziko żyj~", not a
// broken byte) and the name column starts where its header does.
TEST(TerminalFileCli, LodzTableIsWellFormedAndAligned) {
  const auto r = run_covalue("pb solve " + kDataDir + "/pabulib/Poland_Lodz_2022.pb");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_terminal_safe(r.out, "pb solve Lodz");
  const std::vector<std::string> lines = lines_of(r.out);
  ASSERT_GE(lines.size(), 3U);
  const std::vector<char32_t> header = layout(lines[1]);
  const std::size_t name_at = lines[1].find("name");
  ASSERT_NE(name_at, std::string::npos) << lines[1];
  std::size_t rows = 0;
  bool cut_polish = false;
  for (std::size_t i = 2; i < lines.size() && lines[i].rfind("selected ", 0) != 0; ++i, ++rows) {
    const std::vector<char32_t> row = layout(lines[i]);
    ASSERT_GT(row.size(), name_at) << lines[i];
    EXPECT_TRUE(row[name_at - 1] == U' ' && row[name_at - 2] == U' ' && row[name_at] != U' ') << lines[i];
    EXPECT_LE(row.size() - name_at, 40U) << lines[i];
    cut_polish = cut_polish || lines[i].find("dziko \xc5\xbcyj") != std::string::npos;
  }
  EXPECT_GT(rows, 20U);
  EXPECT_TRUE(cut_polish) << r.out;
}

// A Pabulib file is data from anywhere: its names may be CJK, emoji or hostile.
TEST(TerminalFileCli, ProjectNamesFromAFileAreCutByColumnsAndMadeSafe) {
  const TempDir dir;
  const std::string file =
      dir.write("names.pb",
                "META\nkey;value\nbudget;100\nvote_type;approval\n"
                "description;Demo \x1b[2J cleared\n"
                "PROJECTS\nproject_id;cost;name\n"
                "p1;10;\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xae\xe5\x80\x89\xe5\xba\xab\xe3\x81\xa8"
                "\xe5\x85\xb1\xe5\x90\x8c\xe9\x85\x8d\xe9\x80\x81\xe3\x82\xbb\xe3\x83\xb3\xe3\x82"
                "\xbf\xe3\x83\xbc\xe3\x81\xae\xe6\x96\xb0\xe8\xa8\xad\xe8\xa8\x88\xe7\x94\xbb\n"
                "p2;20;\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a"
                "\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a"
                "\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a"
                "\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a\x9a\xf0\x9f\x9a"
                "\x9a\xf0\x9f\x9a\x9a trucks\n"
                "p3;30;\x1b[31mred\x07 \xed\x95\x9c\xea\xb5\xad\xec\x96\xb4\n"
                "VOTES\nvoter_id;vote\n1;p1,p2,p3\n2;p1,p3\n3;p2\n");
  const auto solved = run_covalue("pb solve " + file + " --rule greedy");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  expect_terminal_safe(solved.out, "pb solve");
  EXPECT_NE(solved.out.find("\\x1b[31mred\\x07"), std::string::npos) << solved.out;
  const std::string unknown = dir.write("unknown.pb",
                                        "META\nkey;value\nbudget;100\nvote_type;approval\n"
                                        "PROJECTS\nproject_id;cost\np1;10\n"
                                        "VOTES\nvoter_id;vote\n1;p1,\x1b[31mp9\x07\n");
  const auto refused = run_covalue("pb solve " + unknown);
  EXPECT_EQ(refused.exit_code, 1);
  expect_terminal_safe(refused.err, "pb solve error");  // the reader quotes the unknown id as it is
  EXPECT_NE(refused.err.find("\\x1b[31mp9\\x07"), std::string::npos) << refused.err;
  const auto demo = run_covalue("pb demo --file " + file);
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  expect_terminal_safe(demo.out, "pb demo");
  std::vector<std::string> table;
  for (const std::string& line : lines_of(demo.out)) {
    if (line.rfind("project ", 0) == 0 || !table.empty()) {
      table.push_back(line);
    }
    if (line.rfind("total cost", 0) == 0) {
      break;
    }
  }
  ASSERT_EQ(table.size(), 5U) << demo.out;
  for (const std::string& line : table) {
    EXPECT_EQ(layout(line).size(), layout(table.front()).size()) << table.front() << "\n" << line;
  }
}

// PrefLib candidate names are data from anywhere too.
TEST(TerminalFileCli, RankingCandidateNamesAreMadeSafe) {
  const TempDir dir;
  const std::string file = dir.write(
      "names.soc",
      "# TITLE: names\n# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 3\n# NUMBER UNIQUE ORDERS: 2\n"
      "# ALTERNATIVE NAME 1: \x1b[31m\xe6\x9d\xb1\xe4\xba\xac\x07\n# ALTERNATIVE NAME 2: \xc5\x81\xc3\xb3"
      "d\xc5\xba\n2: 1,2\n1: 2,1\n");
  const auto r = run_covalue("rank " + file + " --rule schulze");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_terminal_safe(r.out, "rank");
  EXPECT_NE(r.out.find("winner: 1 \\x1b[31m\xe6\x9d\xb1\xe4\xba\xac\\x07"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace covalue::testing
