// `covalue comment list|add|hide` on a real database file (issue 14 item 1): an operator reads a thread, posts in
// it (a reply and a mention) and hides a comment with a reason; bad input exits 1 naming what is wrong.
#include <string>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

class CommentCli : public DatabaseCli {
 protected:
  void SetUp() override {
    DatabaseCli::SetUp();
    ok("network init --name North");
    ok("partner add Mill");
    ok("initiative propose --title Pallets --proposer Mill --cost 5 --impact Mill=2");
  }
};

TEST_F(CommentCli, AnOperatorPostsRepliesListsAndHides) {
  EXPECT_NE(ok("comment add initiative 1 --body \"Can @Mill share the counts?\"").find("comment 1 posted"),
            std::string::npos);
  ok("comment add initiative 1 --body \"A reply\" --reply-to 1");
  const std::string listed = ok("comment list initiative 1 --format csv");
  EXPECT_EQ(listed.substr(0, listed.find('\n')), "id,parent,depth,kind,author,state,created_at,body");
  EXPECT_NE(listed.find("Can @Mill share the counts?"), std::string::npos) << listed;
  EXPECT_NE(listed.find("2,1,1,comment,cli,visible,"), std::string::npos) << listed;
  EXPECT_NE(ok("comment hide 2 --reason \"off topic\"").find("comment 2 hidden"), std::string::npos);
  EXPECT_NE(ok("comment list initiative 1 --format csv").find("(hidden by the coordinator: off topic) A reply"),
            std::string::npos);
  EXPECT_NE(ok("audit list --format csv").find("hide_comment"), std::string::npos);
}

TEST_F(CommentCli, BadCommentsExitOneNamingTheField) {
  const CommandResult unknown = run("comment add initiative 9 --body Hello");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no initiative with id 9"), std::string::npos) << unknown.err;
  const CommandResult mention = run("comment add initiative 1 --body \"Ask @Nobody\"");
  EXPECT_EQ(mention.exit_code, 1);
  EXPECT_NE(mention.err.find("@Nobody"), std::string::npos) << mention.err;
  EXPECT_EQ(run("comment add partner 1 --body Hello").exit_code, 1);
  EXPECT_EQ(run("comment hide 1 --reason gone").exit_code, 1);
  EXPECT_EQ(ok("comment list initiative 1 --format csv").find('\n'),
            ok("comment list initiative 1 --format csv").size() - 1);
}

}  // namespace
}  // namespace covalue::testing
