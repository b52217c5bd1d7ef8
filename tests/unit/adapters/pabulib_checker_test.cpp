// check_pabulib: META counts and ballot constraints, each reported at its ballot's position.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "covalue/adapters/pabulib/pb_file.hpp"

namespace covalue::adapters::pabulib {
namespace {

struct Checked {
  std::vector<core::Error> from_text;     // positions from the parsed text
  std::vector<core::Error> from_written;  // positions from the text write_pabulib produces
};

Checked check(const std::string& text) {
  PbLayout layout;
  auto parsed = parse_pabulib(text, "in.pb", layout);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().to_string());
  if (!parsed.ok()) {
    return {};
  }
  return {check_pabulib(*parsed, layout, "in.pb"), check_pabulib(*parsed, "in.pb")};
}

void expect_errors(const std::vector<core::Error>& errors,
                   const std::vector<std::pair<std::string, std::string>>& want) {
  ASSERT_EQ(errors.size(), want.size()) << (errors.empty() ? "no errors" : errors.front().to_string());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(errors[i].kind, core::ErrorKind::kInvalidInput);
    EXPECT_EQ(errors[i].where, "in.pb:" + want[i].first) << errors[i].message;
    EXPECT_NE(errors[i].message.find(want[i].second), std::string::npos) << errors[i].message;
  }
}

// Projects a (cost 10), b (20), c (30) on lines 7-9 after `meta` rows on lines 3...; ballots follow VOTES.
std::string file_with(const std::string& kind, const std::string& meta, const std::string& votes,
                      const std::string& vote_header = "voter_id;vote") {
  return "META\nkey;value\nbudget;100\nvote_type;" + kind + "\n" + meta +
         "PROJECTS\nproject_id;cost\na;10\nb;20\nc;30\n" + "VOTES\n" + vote_header + "\n" + votes;
}

TEST(PabulibChecker, AConsistentFileHasNoErrors) {
  const Checked checked =
      check(file_with("approval", "num_projects;3\nnum_votes;2\nmax_length;2\nmax_sum_cost;50\n", "1;a,b\n2;c\n"));
  EXPECT_TRUE(checked.from_text.empty());
  EXPECT_TRUE(checked.from_written.empty());
}

TEST(PabulibChecker, ReportsCountsThatDisagreeWithTheSections) {
  const Checked checked = check(file_with("approval", "num_projects;4\nnum_votes;1\n", "1;a\n2;b\n"));
  expect_errors(checked.from_text, {{"5:14", "num_projects is 4 but PROJECTS has 3 rows"},
                                    {"6:11", "num_votes is 1 but VOTES has 2 rows"}});
}

TEST(PabulibChecker, ReportsBallotLengthOutsideItsBounds) {
  const Checked checked = check(file_with("approval", "min_length;2\nmax_length;2\n", "1;a\n2;a,b\n3;a,b,c\n4;a,a\n"));
  // Lines: META rows end on line 6, projects 7-11, VOTES 12, header 13, ballots from 14.
  expect_errors(checked.from_text, {{"14:3", "ballot of voter '1' has 1 projects, below min_length 2"},
                                    {"16:3", "ballot of voter '3' has 3 projects, above max_length 2"},
                                    {"17:3", "ballot of voter '4' has 1 projects, below min_length 2"}});
}

TEST(PabulibChecker, ReportsBallotCostOutsideItsBounds) {
  const Checked checked = check(file_with("approval", "min_sum_cost;15\nmax_sum_cost;40\n", "1;a\n2;a,b\n3;b,c\n"));
  expect_errors(checked.from_text, {{"14:3", "ballot of voter '1' costs 10, below min_sum_cost 15"},
                                    {"16:3", "ballot of voter '3' costs 50, above max_sum_cost 40"}});
}

TEST(PabulibChecker, ReportsPointsOutsideTheirBounds) {
  const Checked checked =
      check(file_with("cumulative", "min_points;1\nmax_points;5\nmin_sum_points;3\nmax_sum_points;8\n",
                      "1;a,b;2,6\n2;a;0\n3;a,b,c;3,3,3\n", "voter_id;vote;points"));
  // META rows end on line 8, so ballots start on line 16.
  expect_errors(checked.from_text, {{"16:7", "ballot of voter '1' gives 6 points to project 'b', above max_points 5"},
                                    {"17:5", "ballot of voter '2' gives 0 points to project 'a', below min_points 1"},
                                    {"17:5", "ballot of voter '2' gives 0 points in total, below min_sum_points 3"},
                                    {"18:9", "ballot of voter '3' gives 9 points in total, above max_sum_points 8"}});
}

TEST(PabulibChecker, ReportsChoose1BallotsWithoutExactlyOneProject) {
  const Checked checked = check(file_with("choose-1", "", "1;a\n2;\n3;a,b\n"));
  expect_errors(checked.from_text, {{"13:3", "choose-1 ballot of voter '2' has 0 projects, expected exactly 1"},
                                    {"14:3", "choose-1 ballot of voter '3' has 2 projects, expected exactly 1"}});
}

TEST(PabulibChecker, ReportsRepeatedProjectsInRankedBallotsOnly) {
  const Checked ordinal = check(file_with("ordinal", "", "1;a,b,a,a\n2;c,b\n"));
  expect_errors(ordinal.from_text, {{"12:3", "ballot of voter '1' lists project 'a' more than once"}});
  const Checked scoring = check(file_with("scoring", "", "1;b,b;1,2\n", "voter_id;vote;points"));
  expect_errors(scoring.from_text, {{"12:3", "ballot of voter '1' lists project 'b' more than once"}});
  EXPECT_TRUE(check(file_with("approval", "", "1;a,b,a\n")).from_text.empty());
}

TEST(PabulibChecker, ReportsLimitsThatAreNotNumbers) {
  const Checked checked = check(file_with("approval", "max_length;many\n", "1;a\n"));
  expect_errors(checked.from_text, {{"5:12", "max_length is not a number: 'many'"}});
}

TEST(PabulibChecker, PointsAtTheTextItWasGivenOrAtTheWrittenText) {
  // Blank lines move the ballots in the source, not in the written text.
  const std::string text = file_with("approval", "\nmax_length;1\n", "\n1;a,b\n");
  const Checked checked = check(text);
  expect_errors(checked.from_text, {{"15:3", "has 2 projects, above max_length 1"}});
  expect_errors(checked.from_written, {{"13:3", "has 2 projects, above max_length 1"}});
}

TEST(PabulibChecker, ReportsWhatOnlyCodeCanBuild) {
  PbFile file;
  ASSERT_TRUE(file.instance.add_project({"a", core::Rational(1), {}, {}, {}}).ok());
  file.profile.set_kind(core::BallotKind::kScoring);
  file.profile.add_ballot("v");
  file.profile.add_project(0);
  file.profile.add_ballot("w");
  file.profile.add_project(7);
  const auto errors = check_pabulib(file, "code");
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].message, "0 points for 1 projects");
  EXPECT_EQ(errors[1].message, "ballot of voter 'w' names project index 7, out of range");
  EXPECT_EQ(errors[1].where, "code:11:3");
}

}  // namespace
}  // namespace covalue::adapters::pabulib
