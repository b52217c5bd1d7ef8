// parse_pabulib on bad inputs: each error names the file, line and column and says what is wrong.
#include <gtest/gtest.h>

#include <string>

#include "covalue/adapters/pabulib/pb_file.hpp"

namespace covalue::adapters::pabulib {
namespace {

// Lines 1-6; project rows start on line 7.
std::string head() { return "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n"; }

// Lines 1-9 with projects a, b, c; ballots start on line 12.
std::string cumulative() {
  return "META\nkey;value\nbudget;100\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;1\nb;1\nc;1\n";
}

void expect_error(const std::string& text, int line, int column, const std::string& what) {
  auto parsed = parse_pabulib(text, "in.pb");
  ASSERT_FALSE(parsed.ok()) << "expected: " << what;
  EXPECT_EQ(parsed.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_EQ(parsed.error().where, "in.pb:" + std::to_string(line) + ":" + std::to_string(column)) << what;
  EXPECT_NE(parsed.error().message.find(what), std::string::npos) << parsed.error().message;
}

TEST(PabulibErrors, MissingSectionVotes) {
  expect_error(head() + "1;5\n", 8, 1, "missing section VOTES");
  expect_error(head() + "1;5", 7, 4, "missing section VOTES");
}

TEST(PabulibErrors, MissingSectionProjects) {
  expect_error("META\nkey;value\nbudget;1\nvote_type;approval\nVOTES\nvoter_id;vote\n", 5, 1,
               "missing section PROJECTS (found VOTES)");
  expect_error("META\nkey;value\nbudget;1\nvote_type;approval\n", 5, 1, "missing section PROJECTS");
}

TEST(PabulibErrors, MissingSectionMeta) {
  expect_error("", 1, 1, "missing section META");
  expect_error("\n\n", 3, 1, "missing section META");
  expect_error("PROJECTS\nproject_id;cost\n", 1, 1, "missing section META (found PROJECTS)");
  expect_error("hello;x\n", 1, 1, "expected section META, found 'hello'");
}

TEST(PabulibErrors, DuplicateSection) {
  expect_error(head() + "1;5\nPROJECTS\n", 8, 1, "duplicate section PROJECTS");
  expect_error(head() + "1;5\nVOTES\nvoter_id;vote\nv;1\nmeta\n", 11, 1, "duplicate section META");
}

TEST(PabulibErrors, SectionWithoutHeader) {
  expect_error("META\nPROJECTS\n", 1, 1, "section META has no header row");
  expect_error("META\nbudget;5\n", 2, 1, "the META header must be 'key;value'");
}

TEST(PabulibErrors, VoteNamesUnknownProject) {
  expect_error(head() + "1;5\nVOTES\nvoter_id;vote\nv1;1,99\n", 10, 4, "vote names unknown project '99'");
}

TEST(PabulibErrors, EmptyProjectIdInVote) {
  expect_error(head() + "1;5\nVOTES\nvoter_id;vote\nv1;1,,1\n", 10, 4, "empty project id in vote");
  expect_error(head() + "1;5\nVOTES\nvoter_id;vote\nv1;1,\n", 10, 4, "empty project id in vote");
}

TEST(PabulibErrors, NegativeCost) { expect_error(head() + "3;-5\n", 7, 3, "negative cost '-5' for project '3'"); }

TEST(PabulibErrors, CostIsNotANumber) {
  expect_error(head() + "3;abc\n", 7, 3, "cost is not a number: 'abc'");
  expect_error(head() + "3;\n", 7, 3, "cost is not a number: ''");
  expect_error(head() + "3;1/0\n", 7, 3, "cost is not a number: '1/0'");
}

TEST(PabulibErrors, ColumnsCountCodePointsNotBytes) {
  expect_error(head() + "żółw;-1\n", 7, 6, "negative cost '-1' for project 'żółw'");
}

TEST(PabulibErrors, LinesCountLineEndsInsideQuotedFields) {
  expect_error(
      "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;name;cost\n"
      "1;\"two\r\nlines\";5\n2;x;abc\n",
      9, 5, "cost is not a number: 'abc'");
  expect_error(
      "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;name;cost\n"
      "1;\"two\nlines\";x\n",
      8, 8, "cost is not a number: 'x'");
}

TEST(PabulibErrors, DuplicateProjectId) { expect_error(head() + "7;1\n7;2\n", 8, 1, "duplicate project id '7'"); }

TEST(PabulibErrors, EmptyIds) {
  expect_error(head() + ";5\n", 7, 1, "empty project id");
  expect_error(head() + "1;5\nVOTES\nvoter_id;vote\n;1\n", 10, 1, "empty voter id");
}

TEST(PabulibErrors, PointsDoNotMatchProjects) {
  expect_error(cumulative() + "VOTES\nvoter_id;vote;points\nv1;a,b,c;1,2\n", 12, 10, "2 points for 3 projects");
  expect_error(cumulative() + "VOTES\nvoter_id;vote;points\nv1;a;\n", 12, 6, "0 points for 1 projects");
}

TEST(PabulibErrors, PointsValueIsNotANumber) {
  expect_error(cumulative() + "VOTES\nvoter_id;vote;points\nv1;a,b;1,x\n", 12, 8, "points value is not a number: 'x'");
}

TEST(PabulibErrors, UnexpectedEndOfFileInSection) {
  expect_error("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n1;5;x\n2;5", 8, 4,
               "unexpected end of file in section PROJECTS");
  expect_error(head() + "1;5\nVOTES", 8, 6, "unexpected end of file in section VOTES");
  expect_error("META\nkey;value\nbudget", 3, 7, "unexpected end of file in section META");
  expect_error("META", 1, 5, "unexpected end of file in section META");
}

TEST(PabulibErrors, UnterminatedQuotedField) {
  expect_error(head() + "\"abc;5\n2;5\n", 7, 1,
               "unterminated quoted field; unexpected end of file in section PROJECTS");
}

TEST(PabulibErrors, RowWidthDiffersFromHeader) {
  expect_error(head() + "1;5;9\n", 7, 5, "row has 3 fields, the PROJECTS header has 2");
  expect_error("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n1;5\n2;5;x\n", 7, 3,
               "row has 2 fields, the PROJECTS header has 3");
  expect_error("META\nkey;value\nbudget\n", 3, 1, "row has 1 fields, the META header has 2");
}

TEST(PabulibErrors, UnknownVoteType) {
  expect_error("META\nkey;value\nbudget;1\nvote_type;foo\n", 4, 11, "unknown vote type 'foo'");
}

TEST(PabulibErrors, MissingMetaKeys) {
  expect_error("META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\n", 1, 1, "missing META key budget");
  expect_error("\nMETA\nkey;value\nbudget;1\n", 2, 1, "missing META key vote_type");
}

TEST(PabulibErrors, BudgetIsNotANumber) {
  expect_error("META\nkey;value\nbudget;12x\nvote_type;approval\n", 3, 8, "budget is not a number: '12x'");
  expect_error("META\nkey;value\nbudget;-3\nvote_type;approval\n", 3, 8, "negative budget '-3'");
}

TEST(PabulibErrors, DuplicateMetaKey) {
  expect_error("META\nkey;value\nbudget;1\nunit;x\nBudget;2\n", 5, 1, "duplicate META key 'Budget'");
  expect_error("META\nkey;value\nunit;x\nunit;y\n", 4, 1, "duplicate META key 'unit'");
}

TEST(PabulibErrors, DuplicateVoterId) {
  // Increasing ids up to the duplicate, then ids in no order.
  expect_error(head() + "1;5\nVOTES\nvoter_id;vote\n1;1\n2;1\n1;1\n", 12, 1, "duplicate voter id '1'");
  expect_error(head() + "1;5\nVOTES\nvoter_id;vote\n5;1\n3;1\n4;\n3;1\n", 13, 1, "duplicate voter id '3'");
  expect_error(head() + "1;5\nVOTES\nvoter_id;vote\nv;1\nv;1\n", 11, 1, "duplicate voter id 'v'");
  // Ids read before the first out of order (one quoted with an escaped quote) are still known after it.
  expect_error(head() + "1;5\nVOTES\nvoter_id;vote\nx;1\n\"y\"\"\";1\nzz;1\na;1\n\"y\"\"\";1\n", 14, 1,
               "duplicate voter id 'y\"'");
}

TEST(PabulibErrors, BadHeaders) {
  expect_error("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\ncost;project_id\n", 6, 1,
               "the first column of PROJECTS must be project_id, found 'cost'");
  expect_error("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;name\n", 6, 1,
               "missing column cost in the PROJECTS header");
  expect_error("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name;Name\n", 6, 22,
               "duplicate column 'Name' in the PROJECTS header");
  expect_error("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;category;categories\n", 6,
               26, "duplicate column 'categories'");
  expect_error("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;;cost\n", 6, 12,
               "empty column name in the PROJECTS header");
  expect_error(head() + "1;5\nVOTES\nvote;voter_id\n", 9, 1, "the first column of VOTES must be voter_id");
  expect_error(head() + "1;5\nVOTES\nvoter_id;age\n", 9, 1, "missing column vote in the VOTES header");
  expect_error(cumulative() + "VOTES\nvoter_id;vote\n", 11, 1,
               "missing column points in the VOTES header (vote_type cumulative)");
}

}  // namespace
}  // namespace covalue::adapters::pabulib
