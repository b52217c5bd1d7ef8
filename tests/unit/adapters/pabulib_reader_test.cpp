// parse_pabulib on hand-written .pb texts: what lands where in the model.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "covalue/adapters/pabulib/pb_file.hpp"

namespace covalue::adapters::pabulib {
namespace {

using core::Attribute;
using core::BallotKind;
using core::ProjectIndex;
using core::Rational;

// A ballot's projects, as a vector to compare.
std::vector<ProjectIndex> projects_of(const PbFile& file, std::size_t ballot) {
  const auto projects = file.profile.projects(ballot);
  return {projects.begin(), projects.end()};
}

PbFile parse_ok(std::string_view text) {
  auto parsed = parse_pabulib(text, "test.pb");
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().to_string());
  return parsed.ok() ? std::move(parsed).value() : PbFile{};
}

constexpr std::string_view kSmall =
    "META\n"
    "key;value\n"
    "description;A small test\n"
    "num_projects;3\n"
    "budget;1000\n"
    "vote_type;approval\n"
    "PROJECTS\n"
    "project_id;cost;name;category;target\n"
    "1;500;Park;nature,sport;children\n"
    "2;250,5;Library;none;\n"
    "3;1/3;Bench;;seniors,adults\n"
    "VOTES\n"
    "voter_id;vote;age;sex\n"
    "v1;1,2;34;F\n"
    "v2;3;;M\n"
    "v3;;51;\n";

TEST(PabulibReader, ReadsMetaRowsInFileOrderAndTheBudget) {
  const PbFile file = parse_ok(kSmall);
  const std::vector<Attribute> meta{
      {"description", "A small test"}, {"num_projects", "3"}, {"budget", "1000"}, {"vote_type", "approval"}};
  EXPECT_EQ(file.instance.meta(), meta);
  EXPECT_EQ(file.instance.budget(), Rational(1000));
  EXPECT_EQ(file.profile.kind(), BallotKind::kApproval);
}

TEST(PabulibReader, ReadsProjectsWithCostsListsAndExtraColumns) {
  const PbFile file = parse_ok(kSmall);
  ASSERT_EQ(file.instance.size(), 3U);
  const auto& park = file.instance.project(0);
  EXPECT_EQ(park.id, "1");
  EXPECT_EQ(park.cost, Rational(500));
  EXPECT_EQ(park.categories, (std::vector<std::string>{"nature", "sport"}));
  EXPECT_EQ(park.targets, (std::vector<std::string>{"children"}));
  EXPECT_EQ(park.extra, (std::vector<Attribute>{{"name", "Park"}}));
  EXPECT_EQ(file.instance.project(1).cost, Rational(501, 2));  // a comma is a decimal point
  EXPECT_TRUE(file.instance.project(1).categories.empty());    // "none"
  EXPECT_TRUE(file.instance.project(1).targets.empty());       // empty
  EXPECT_EQ(file.instance.project(2).cost, Rational(1, 3));    // the writer's fraction form
  EXPECT_EQ(file.instance.project(2).targets, (std::vector<std::string>{"seniors", "adults"}));
  EXPECT_EQ(file.project_columns, (std::vector<std::string>{"project_id", "cost", "name", "category", "target"}));
}

TEST(PabulibReader, ReadsBallotsWithExtraColumnsAndEmptyVotes) {
  const PbFile file = parse_ok(kSmall);
  ASSERT_EQ(file.profile.size(), 3U);
  EXPECT_EQ(file.profile.voter_id(0), "v1");
  EXPECT_EQ(projects_of(file, 0), (std::vector<ProjectIndex>{0, 1}));
  EXPECT_TRUE(file.profile.points(0).empty());
  EXPECT_TRUE(file.profile.unit_weights());
  EXPECT_EQ(file.profile.weight(0), Rational(1));
  EXPECT_EQ(file.profile.attributes(0), (std::vector<Attribute>{{"age", "34"}, {"sex", "F"}}));
  EXPECT_EQ(file.profile.attributes(1), (std::vector<Attribute>{{"age", ""}, {"sex", "M"}}));
  EXPECT_TRUE(file.profile.projects(2).empty());
  EXPECT_EQ(file.vote_columns, (std::vector<std::string>{"voter_id", "vote", "age", "sex"}));
}

TEST(PabulibReader, AcceptsBomCrlfBlankLinesAndLowercaseSections) {
  const std::string text =
      "\xEF\xBB\xBFmeta\r\nkey;value\r\n\r\nbudget;10\r\nvote_type;Approval\r\n\r\n"
      "Projects\r\nproject_id;cost\r\n1;5\r\n   \r\nvotes\r\nvoter_id;vote\r\n1;1\r\n\r\n";
  const PbFile file = parse_ok(text);
  EXPECT_EQ(file.instance.budget(), Rational(10));
  EXPECT_EQ(file.profile.kind(), BallotKind::kApproval);
  EXPECT_EQ(file.instance.meta().back(), (Attribute{"vote_type", "Approval"}));
  ASSERT_EQ(file.profile.size(), 1U);
  EXPECT_EQ(file.profile.voter_id(0), "1");
}

TEST(PabulibReader, AcceptsLoneCarriageReturnLineEnds) {
  const PbFile file = parse_ok(
      "META\rkey;value\rbudget;10\rvote_type;approval\rPROJECTS\rproject_id;cost\r"
      "1;5\rVOTES\rvoter_id;vote\r1;1\r2;1");
  EXPECT_EQ(file.profile.size(), 2U);
}

TEST(PabulibReader, UnquotesFieldsLikePythonCsv) {
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;10\nvote_type;approval\n"
      "description;\"a; b, \"\"c\"\"\"\n"
      "PROJECTS\nproject_id;cost;name\n"
      "\"p;1\";5;\"  spaced  \"\n"
      "p2;6;  trimmed\t\n"
      "p3;7;\"two\nlines\"\n"
      "VOTES\nvoter_id;vote\n1;\"p;1,p2\"\n");
  EXPECT_EQ(file.instance.meta().back(), (Attribute{"description", "a; b, \"c\""}));
  EXPECT_EQ(file.instance.project(0).id, "p;1");
  EXPECT_EQ(file.instance.project(0).extra[0].second, "  spaced  ");  // quoted: kept as written
  EXPECT_EQ(file.instance.project(1).extra[0].second, "trimmed");     // unquoted: blanks trimmed
  EXPECT_EQ(file.instance.project(2).extra[0].second, "two\nlines");
  EXPECT_EQ(projects_of(file, 0), (std::vector<ProjectIndex>{0, 1}));
}

TEST(PabulibReader, JoinsTextAfterAClosingQuoteAsPythonDoes) {
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;10\nvote_type;approval\ndescription;\"ab\"cd\"e\n"
      "PROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n");
  EXPECT_EQ(file.instance.meta().back().second, "abcd\"e");
}

TEST(PabulibReader, KeepsRepeatedApprovalsAsWritten) {
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\n2;5\n"
      "VOTES\nvoter_id;vote\n1;2, 1 ,2\n");
  EXPECT_EQ(projects_of(file, 0), (std::vector<ProjectIndex>{1, 0, 1}));
}

TEST(PabulibReader, ReadsOrdinalBallotsFavouriteFirst) {
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;10\nvote_type;ordinal\nPROJECTS\nproject_id;cost\na;5\nb;5\nc;5\n"
      "VOTES\nvoter_id;vote\n1;c,a,b\n");
  EXPECT_EQ(file.profile.kind(), BallotKind::kOrdinal);
  EXPECT_EQ(projects_of(file, 0), (std::vector<ProjectIndex>{2, 0, 1}));
}

TEST(PabulibReader, PairsPointsWithProjectsForCumulativeAndScoring) {
  for (const char* kind : {"cumulative", "scoring"}) {
    const PbFile file = parse_ok(std::string("META\nkey;value\nbudget;10\nvote_type;") + kind +
                                 "\nPROJECTS\nproject_id;cost\na;5\nb;5\n"
                                 "VOTES\nvoter_id;points;vote;age\n1;3,1.5;b,a;40\n2;;;41\n");
    EXPECT_EQ(projects_of(file, 0), (std::vector<ProjectIndex>{1, 0}));
    EXPECT_EQ(file.profile.points(0).to_vector(), (std::vector<Rational>{Rational(3), Rational(3, 2)}));
    EXPECT_EQ(file.profile.attributes(0), (std::vector<Attribute>{{"age", "40"}}));
    EXPECT_TRUE(file.profile.points(1).empty());
  }
}

TEST(PabulibReader, ReadsNumbersExactlyAndInBaseTen) {
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;010\nvote_type;scoring\nPROJECTS\nproject_id;cost\na;0.08\nb;1e-3\nc;\" 5. \"\n"
      "d;123456789012345678901234567890\nVOTES\nvoter_id;vote;points\n1;a,b,c,d;-0.08,+007,1E2,07/014\n");
  EXPECT_EQ(file.instance.budget(), Rational(10));
  EXPECT_EQ(file.instance.project(0).cost, Rational(2, 25));
  EXPECT_EQ(file.instance.project(1).cost, Rational(1, 1000));
  EXPECT_EQ(file.instance.project(2).cost, Rational(5));
  EXPECT_EQ(file.instance.project(3).cost, Rational(core::Integer("123456789012345678901234567890")));
  EXPECT_EQ(file.profile.points(0).to_vector(),
            (std::vector<Rational>{Rational(-2, 25), Rational(7), Rational(100), Rational(1, 2)}));
}

TEST(PabulibReader, KeepsAPointsColumnOfApprovalBallotsAsExtra) {
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;5\n"
      "VOTES\nvoter_id;vote;points\n1;a;7\n");
  EXPECT_TRUE(file.profile.points(0).empty());
  EXPECT_EQ(file.profile.attributes(0), (std::vector<Attribute>{{"points", "7"}}));
}

TEST(PabulibReader, ReadsChoose1AndPluralListColumns) {
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;10\nvote_type;choose-1\nPROJECTS\nproject_id;cost;categories;targets\n"
      "a;5;x, y;z\nVOTES\nvoter_id;vote\n1;a\n");
  EXPECT_EQ(file.profile.kind(), BallotKind::kChoose1);
  EXPECT_EQ(file.instance.project(0).categories, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(file.instance.project(0).targets, (std::vector<std::string>{"z"}));
}

TEST(PabulibReader, ReadsAListThatComesDownToNoneAsAbsent) {
  // Found by the fuzzer: "none," was the list {"none"}, written back as "none", which reads as absent.
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost;category;target\n"
      "a;5;none,,;, None\nb;5;none,x;\nVOTES\nvoter_id;vote\n");
  EXPECT_TRUE(file.instance.project(0).categories.empty());
  EXPECT_TRUE(file.instance.project(0).targets.empty());
  EXPECT_EQ(file.instance.project(1).categories, (std::vector<std::string>{"none", "x"}));
}

TEST(PabulibReader, IgnoresTrailingEmptyFieldsAndHeaderColumns) {
  const PbFile file = parse_ok(
      "META;\nkey;value;\nbudget;10;;\nvote_type;approval\nPROJECTS;;\nproject_id;cost;;\na;5;;\n"
      "VOTES\nvoter_id;vote\n1;a;\n");
  EXPECT_EQ(file.project_columns, (std::vector<std::string>{"project_id", "cost"}));
  EXPECT_EQ(file.instance.budget(), Rational(10));
}

TEST(PabulibReader, TreatsAQuotedSectionNameAsData) {
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n\"VOTES\";5\n"
      "VOTES\nvoter_id;vote\n\"meta\";VOTES\n");
  EXPECT_EQ(file.instance.project(0).id, "VOTES");
  EXPECT_EQ(file.profile.voter_id(0), "meta");
}

// Votes look short ids up by their bytes, eight at a time where eight can be read: ids of every length
// around a word, blanks, quoted ids with blanks and the last bytes of the text must all read as the
// trimmed text's lookup does.
TEST(PabulibReader, FindsVoteItemsOfEveryLengthAndPlace) {
  const std::string projects =
      "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
      "a;1\nabcdefg;1\nabcdefgh;1\nabcdefghijkl;1\n\" x\";1\nx y;1\n\"q\"\"\";1\n";
  const PbFile file = parse_ok(projects +
                               "VOTES\nvoter_id;vote\n"
                               "1;abcdefgh,a\n"
                               "2; a , abcdefg ,abcdefghijkl\n"
                               "3;\"x y,a\"\n"
                               "4;\"q\"\"\"\n"
                               "5;abcdefg,abcdefgh,a");  // the text ends inside the last word
  ASSERT_EQ(file.profile.size(), 5U);
  EXPECT_EQ(projects_of(file, 0), (std::vector<ProjectIndex>{2, 0}));
  EXPECT_EQ(projects_of(file, 1), (std::vector<ProjectIndex>{0, 1, 3}));
  EXPECT_EQ(projects_of(file, 2), (std::vector<ProjectIndex>{5, 0}));
  EXPECT_EQ(projects_of(file, 3), (std::vector<ProjectIndex>{6}));
  EXPECT_EQ(projects_of(file, 4), (std::vector<ProjectIndex>{1, 2, 0}));

  // An item is trimmed before it is looked up, so the quoted id " x" is never found, and "abcdefg"
  // is not a prefix match of "abcdefgh".
  for (const char* vote : {" x", "x", "abcdef", "abcdefgha", "abcdefghijk"}) {
    auto parsed = parse_pabulib(projects + "VOTES\nvoter_id;vote\n1;a," + vote + "\n", "t.pb");
    ASSERT_FALSE(parsed.ok()) << vote;
    EXPECT_NE(parsed.error().message.find("vote names unknown project"), std::string::npos) << vote;
  }
}

// Rows without quotes or carriage returns are split sixteen bytes at a time; every other row by the
// byte loop. With "\r\n" line ends every row takes the loop, so both spellings of the same text must
// read alike, and fail alike at the same line and column.
TEST(PabulibReader, ReadsPlainRowsAsTheByteLoopDoes) {
  const std::string head =
      "META\nkey;value\nbudget;1000000\nvote_type;approval\ndescription;a description longer than a block\n"
      "PROJECTS\nproject_id;cost;name\n"
      "p1;10;\"a name; with a semicolon, in quotes\"\np2;20;  blanks around a name longer than sixteen  \n"
      "p3;30;x\"y\np_four_is_long;40;;;\n\n   \n";
  const std::string valid =
      "VOTES\nvoter_id;vote;age\n1;p1,p2;30\n2;  p3 , p_four_is_long ;\n\n3;;40\n"
      "0123456789abcdef;p1;0123456789abcdef0123456789\n"
      "abcdefghijklmnopqrstuvwxyz;p2;\"31\"\nvoter_with_crlf_line_end;p3;32\r\n4;\"p1,p2\";5\n5;p2;6";
  const std::vector<std::string> votes = {
      valid,
      "VOTES\nvoter_id;vote;age\n1;p1,p9;30\n",
      "VOTES\nvoter_id;vote;age\n1;p1;2;3\n",
      "VOTES\nvoter_id;vote;age\n1;p1\n",
      "VOTES\nvoter_id;vote;age\n1;p1;30\n1;p2;31\n",
      "VOTES\nvoter_id;vote;age\n;p1;30\n",
  };
  const auto crlf = [](const std::string& text) {
    std::string out;
    for (const char c : text) {
      out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    return out;
  };
  for (const std::string& vote : votes) {
    const std::string text = head + vote;
    auto plain = parse_pabulib(text, "t.pb");
    auto looped = parse_pabulib(crlf(text), "t.pb");
    ASSERT_EQ(plain.ok(), looped.ok()) << text;
    if (plain.ok()) {
      EXPECT_TRUE(plain.value() == looped.value()) << text;
    } else {
      EXPECT_EQ(plain.error().where, looped.error().where) << text;
      EXPECT_EQ(plain.error().message, looped.error().message) << text;
    }
  }
  const PbFile file = parse_ok(head + valid);
  EXPECT_EQ(file.instance.project(0).extra.at(0).second, "a name; with a semicolon, in quotes");
  EXPECT_EQ(file.instance.project(1).extra.at(0).second, "blanks around a name longer than sixteen");
  EXPECT_EQ(file.instance.project(2).extra.at(0).second, "x\"y");
  ASSERT_EQ(file.profile.size(), 8U);
  EXPECT_EQ(projects_of(file, 1), (std::vector<ProjectIndex>{2, 3}));
  EXPECT_EQ(file.profile.voter_id(3), "0123456789abcdef");
  EXPECT_EQ(file.profile.attribute(3, 0), "0123456789abcdef0123456789");
  EXPECT_EQ(file.profile.attribute(4, 0), "31");  // a quote after the first sixteen bytes
  EXPECT_EQ(file.profile.voter_id(5), "voter_with_crlf_line_end");
  EXPECT_EQ(file.profile.attribute(5, 0), "32");
  EXPECT_EQ(projects_of(file, 6), (std::vector<ProjectIndex>{0, 1}));
}

TEST(PabulibReader, AcceptsVotersInAnyOrder) {
  const PbFile file = parse_ok(
      "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;5\n"
      "VOTES\nvoter_id;vote\n10;a\n9;a\n100;a\n1;\nb;a\n");
  EXPECT_EQ(file.profile.size(), 5U);
}

TEST(PabulibReader, RecordsTheLayoutOfMetaValuesAndBallots) {
  PbLayout layout;
  auto parsed = parse_pabulib(
      "META\nkey;value\nbudget;10\n\nvote_type;scoring\nPROJECTS\nproject_id;cost\nä;5\n"
      "VOTES\nvoter_id;points;vote\nżółw;2;ä\n",
      "x", layout);
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  EXPECT_EQ(layout.meta, (std::vector<PbPosition>{{3, 8}, {5, 11}}));
  EXPECT_EQ(layout.votes, (std::vector<PbPosition>{{11, 8}}));  // columns count code points
  EXPECT_EQ(layout.points, (std::vector<PbPosition>{{11, 6}}));
}

TEST(PabulibReader, ReadsFilesAndReportsMissingOnes) {
  const auto path = std::filesystem::temp_directory_path() / "covalue_pabulib_reader_test.pb";
  {
    std::ofstream out(path, std::ios::binary);
    out << kSmall;
  }
  auto read = read_pabulib_file(path);
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  EXPECT_EQ(*read, parse_ok(kSmall));
  std::filesystem::remove(path);
  auto missing = read_pabulib_file(path);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, core::ErrorKind::kNotFound);
}

// A command that only solves reads a file without the voters' other columns: everything the rules use
// is as in a full read, and a row too short is still an error at the same place.
TEST(PabulibReader, ReadsFilesWithoutVoterAttributesWhenAsked) {
  const auto path = std::filesystem::temp_directory_path() / "covalue_pabulib_no_attributes_test.pb";
  const auto write = [&](std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
  };
  write(kSmall);
  const PbReadOptions rules_only{.voter_attributes = false};
  auto full = read_pabulib_file(path);
  auto lean = read_pabulib_file(path, rules_only);
  ASSERT_TRUE(full.ok() && lean.ok());
  ASSERT_FALSE(full->profile.attribute_names().empty());
  EXPECT_TRUE(lean->profile.attribute_names().empty());
  EXPECT_EQ(lean->profile.attribute(0, 0), "");
  EXPECT_EQ(lean->instance, full->instance);
  EXPECT_EQ(lean->vote_columns, full->vote_columns);
  ASSERT_EQ(lean->profile.size(), full->profile.size());
  for (std::size_t v = 0; v < full->profile.size(); ++v) {
    EXPECT_EQ(lean->profile.voter_id(v), full->profile.voter_id(v));
    EXPECT_EQ(projects_of(*lean, v), projects_of(*full, v));
    EXPECT_EQ(lean->profile.weight(v), full->profile.weight(v));
  }

  const std::string short_row =
      "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;5\n"
      "VOTES\nvoter_id;vote;age;sex\n1;a;30;F\n2;a;31\n";
  write(short_row);
  auto full_error = read_pabulib_file(path);
  auto lean_error = read_pabulib_file(path, rules_only);
  ASSERT_FALSE(full_error.ok() || lean_error.ok());
  EXPECT_EQ(lean_error.error().where, full_error.error().where);
  EXPECT_EQ(lean_error.error().message, full_error.error().message);
  std::filesystem::remove(path);
}

TEST(PabulibReader, ReadsEmptyFilesAndRefusesDirectories) {
  const auto path = std::filesystem::temp_directory_path() / "covalue_pabulib_reader_empty.pb";
  std::ofstream(path, std::ios::binary).close();
  auto empty = read_pabulib_file(path);
  std::filesystem::remove(path);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message, "missing section META");
  auto directory = read_pabulib_file(std::filesystem::temp_directory_path());
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(directory.error().message.rfind("cannot read ", 0), 0U) << directory.error().message;
}

TEST(PabulibReader, SizesItsColumnsFromTheTextNotFromMeta) {
  // META claims far more votes and projects than memory holds: the reader reserves from the text it has.
  const PbFile file = parse_ok(
      "META\nkey;value\nnum_projects;1000000000000000\nnum_votes;1000000000000000\nbudget;10\nvote_type;approval\n"
      "PROJECTS\nproject_id;cost\np;1\nVOTES\nvoter_id;vote\n1;p\n2;p\n");
  EXPECT_EQ(file.profile.size(), 2U);
  EXPECT_EQ(projects_of(file, 1), (std::vector<ProjectIndex>{0}));
}

}  // namespace
}  // namespace covalue::adapters::pabulib
