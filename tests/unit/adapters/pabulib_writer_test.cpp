// write_pabulib: exact text for simple files, quoting, and read -> write -> read as the identity.
#include <gtest/gtest.h>

#include <string>

#include "covalue/adapters/pabulib/pb_file.hpp"

namespace covalue::adapters::pabulib {
namespace {

using core::Rational;

PbFile parse_written(std::string_view text) {
  auto parsed = parse_pabulib(text, "test.pb");
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().to_string());
  return parsed.ok() ? std::move(parsed).value() : PbFile{};
}

void expect_round_trip(std::string_view text) {
  const PbFile first = parse_written(text);
  const std::string written = write_pabulib(first);
  const PbFile second = parse_written(written);
  EXPECT_EQ(first, second) << written;
  EXPECT_EQ(write_pabulib(second), written);
}

TEST(PabulibWriter, WritesACanonicalFileBackUnchanged) {
  const std::string text =
      "META\nkey;value\ndescription;Test\nbudget;1000\nvote_type;approval\n"
      "PROJECTS\nproject_id;cost;name;category\n1;500;Park;nature,sport\n2;250.5;Library;\n"
      "VOTES\nvoter_id;vote;age\nv1;1,2;34\nv2;;\n";
  EXPECT_EQ(write_pabulib(parse_written(text)), text);
}

TEST(PabulibWriter, NormalisesNumbersLineEndsAndNone) {
  const PbFile file = parse_written(
      "\xEF\xBB\xBFMETA\r\nkey;value\r\nbudget;1000.00\r\nvote_type;approval\r\n"
      "PROJECTS\r\nproject_id;cost;category\r\n1;1234,50;none\r\n2;1e3; a , b \r\nVOTES\r\nvoter_id;vote\r\nv1; 1 , 2 "
      "\r\n");
  EXPECT_EQ(write_pabulib(file),
            "META\nkey;value\nbudget;1000.00\nvote_type;approval\n"
            "PROJECTS\nproject_id;cost;category\n1;1234.5;\n2;1000;a,b\nVOTES\nvoter_id;vote\nv1;1,2\n");
}

TEST(PabulibWriter, QuotesFieldsThatNeedIt) {
  const std::string text =
      "META\nkey;value\nbudget;10\nvote_type;approval\ndescription;\"a; b, \"\"c\"\"\"\n"
      "PROJECTS\nproject_id;cost;name;category\n\"p;1\";5;\"  spaced \";\"x;y,z\"\n"
      "\"VOTES\";1;\"two\nlines\";\n"
      "VOTES\nvoter_id;vote\n\"meta\";\"p;1,VOTES\"\n";
  const std::string written = write_pabulib(parse_written(text));
  EXPECT_EQ(written, text);
  expect_round_trip(text);
}

TEST(PabulibWriter, WritesFractionsThatHaveNoDecimalForm) {
  PbFile file = parse_written(
      "META\nkey;value\nbudget;10\nvote_type;scoring\nPROJECTS\nproject_id;cost\na;1/3\nb;2\n"
      "VOTES\nvoter_id;vote;points\n1;a,b;2/3,-0.25\n");
  const std::string written = write_pabulib(file);
  EXPECT_NE(written.find("a;1/3\n"), std::string::npos) << written;
  EXPECT_NE(written.find("1;a,b;2/3,-0.25\n"), std::string::npos) << written;  // not octal "-025"
  expect_round_trip(written);
}

TEST(PabulibWriter, WritesTheModelsBudgetAndVoteTypeWhenTheyChanged) {
  PbFile file = parse_written(
      "META\nkey;value\nbudget;10\nvote_type;Approval\nPROJECTS\nproject_id;cost\na;1\n"
      "VOTES\nvoter_id;vote\n1;a\n");
  EXPECT_NE(write_pabulib(file).find("vote_type;Approval\n"), std::string::npos);  // kept as written
  file.instance.set_budget(Rational(21, 2));
  file.profile.set_kind(core::BallotKind::kOrdinal);
  const std::string written = write_pabulib(file);
  EXPECT_NE(written.find("budget;10.5\nvote_type;ordinal\n"), std::string::npos) << written;
  const PbFile reread = parse_written(written);
  EXPECT_EQ(reread.instance.budget(), Rational(21, 2));
  EXPECT_EQ(reread.profile.kind(), core::BallotKind::kOrdinal);
}

TEST(PabulibWriter, WritesAFileBuiltInCodeWithDefaultColumns) {
  PbFile file;
  file.instance.set_budget(Rational(100));
  ASSERT_TRUE(file.instance.add_project({"a", Rational(30), {"green"}, {}, {{"name", "Trees"}}}).ok());
  ASSERT_TRUE(file.instance.add_project({"b", Rational(50), {}, {"kids"}, {{"name", "Books"}}}).ok());
  file.profile.set_kind(core::BallotKind::kCumulative);
  file.profile.set_attribute_names({"age"});
  file.profile.add_ballot("v1");
  file.profile.add_project(0);
  file.profile.add_project(1);
  file.profile.add_points(Rational(2));
  file.profile.add_points(Rational(3));
  file.profile.add_attribute("30");
  const std::string written = write_pabulib(file);
  EXPECT_EQ(written,
            "META\nkey;value\nbudget;100\nvote_type;cumulative\n"
            "PROJECTS\nproject_id;cost;category;name;target\na;30;green;Trees;\nb;50;;Books;kids\n"
            "VOTES\nvoter_id;vote;points;age\nv1;a,b;2,3;30\n");
  const PbFile reread = parse_written(written);
  EXPECT_EQ(reread.instance.projects(), file.instance.projects());
  EXPECT_EQ(reread.profile, file.profile);
}

TEST(PabulibWriter, RoundTripsEveryBallotKind) {
  for (const char* kind : {"approval", "choose-1", "ordinal"}) {
    expect_round_trip(std::string("META\nkey;value\nbudget;10\nvote_type;") + kind +
                      "\nPROJECTS\nproject_id;cost;target\na;5;x\nb;6;\nVOTES\nvoter_id;vote;sex\n2;b,a;F\n1;a;\n");
  }
  for (const char* kind : {"cumulative", "scoring"}) {
    expect_round_trip(std::string("META\nkey;value\nbudget;10\nvote_type;") + kind +
                      "\nPROJECTS\nproject_id;cost\na;5\nb;6\nVOTES\nvoter_id;points;vote\n1;1,2;b,a\n2;;\n");
  }
}

TEST(PabulibWriter, RoundTripsOddButValidInputs) {
  expect_round_trip(
      "META\nkey;value\nbudget;\" 7 \"\nvote_type;approval\nnote;\"\"\n"
      "PROJECTS\nproject_id;cost;\"a;b\";\" x \"\n\"PROJECTS\";\"1,5\";\"\"\"\";\"\r\"\n"
      "VOTES\nvoter_id;vote\n\" v \";\n");
}

}  // namespace
}  // namespace covalue::adapters::pabulib
