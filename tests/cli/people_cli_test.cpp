// `covalue person add|list|remove` and `token issue --person` on a real database file (issue 13 item 1).
#include <string>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

class PeopleCli : public DatabaseCli {
 protected:
  void SetUp() override {
    DatabaseCli::SetUp();
    ok("network init --name North");
    ok("partner add Mill");
    ok("partner add Farm");
  }
};

TEST_F(PeopleCli, PeopleAreAddedListedAndRemovedWithTheirTokens) {
  ok("person add --partner Mill --name 'Ana Nowak' --email ana@mill.example --time-zone Europe/Warsaw --language pl");
  ok("person add --name Coordinator --email co@north.example --role coordinator");
  EXPECT_EQ(ok("person list --format csv"),
            "id,name,email,role,partner,time_zone,language\n"
            "1,Ana Nowak,ana@mill.example,representative,1,Europe/Warsaw,pl\n"
            "2,Coordinator,co@north.example,coordinator,,UTC,en\n");
  EXPECT_EQ(ok("token issue --person 1 --label phone").rfind("cvt_", 0), 0U);
  EXPECT_NE(ok("token list --format csv").find("\n1,representative,1,phone,"), std::string::npos);
  EXPECT_NE(ok("person remove 1").find("removed"), std::string::npos);
  EXPECT_NE(ok("token list --format csv").find(",yes\n"), std::string::npos);
  EXPECT_EQ(ok("person list --format csv"),
            "id,name,email,role,partner,time_zone,language\n2,Coordinator,co@north.example,coordinator,,UTC,en\n");
  const std::string audit = ok("audit list --format csv");
  EXPECT_NE(audit.find("add_person"), std::string::npos) << audit;
  EXPECT_NE(audit.find("remove_person"), std::string::npos) << audit;
  EXPECT_EQ(audit.find("ana@mill.example"), std::string::npos) << "the audit log never holds e-mail addresses";
  ok("audit verify");
}

TEST_F(PeopleCli, BadInputGetsAClearErrorNamingTheField) {
  const struct {
    const char* args;
    const char* says;
  } cases[] = {
      {"person add --partner Mill --name Ana --email ana.mill.example", "email: not an e-mail address"},
      {"person add --partner Mill --name Ana --email ana@mill.example --time-zone Mars/Base",
       "time_zone: unknown time zone 'Mars/Base'"},
      {"person add --partner Mill --name Ana --email ana@mill.example --language xx", "--language"},
      {"person add --partner Mill --name Ana --email ana@mill.example --role admin", "--role"},
      {"person add --name Ana --email ana@mill.example", "partner: a representative needs the partner"},
      {"person add --partner Nowhere --name Ana --email ana@mill.example", "--partner"},
      {"person remove 42", "person: no person with id 42"},
      {"person remove x", "ID"},
      {"token issue --person 42", "no person with id 42"},
      {"token issue --person 1 --role observer", "--person"},
      {"token issue", "--role"},
  };
  for (const auto& [args, says] : cases) {
    const CommandResult result = run(args);
    EXPECT_NE(result.exit_code, 0) << args << "\n" << result.err;
    EXPECT_NE(result.err.find(says), std::string::npos) << args << "\n" << result.err;
  }
  ok("person add --partner Mill --name Ana --email ana@mill.example");
  const CommandResult twice = run("person add --partner Farm --name Ana --email ana@mill.example");
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("email: a person with the e-mail address 'ana@mill.example' exists already"),
            std::string::npos)
      << twice.err;
}

TEST_F(PeopleCli, PeopleTravelInTheNetworkArchive) {
  ok("person add --partner Mill --name Ana --email ana@mill.example --language de");
  ok("person add --partner Farm --name Bo --email bo@farm.example");
  ok("person remove 2");
  ok("token issue --person 1");
  const std::string archive = db_ + ".json";
  ok("network export --output " + archive);
  const std::string text = read_file(archive);
  EXPECT_NE(text.find("\"version\":3"), std::string::npos);
  EXPECT_NE(text.find("ana@mill.example"), std::string::npos);
  const std::string copy = db_ + ".copy";
  EXPECT_EQ(run_covalue("network import " + archive + " --db " + copy).exit_code, 0);
  EXPECT_EQ(run_covalue("person list --format csv --db " + copy).out,
            "id,name,email,role,partner,time_zone,language\n1,Ana,ana@mill.example,representative,1,UTC,de\n");
  EXPECT_NE(run_covalue("token list --format csv --db " + copy).out.find("\n1,representative,1,Ana,"),
            std::string::npos);
  const std::string added =
      run_covalue("person add --partner Farm --name Cy --email cy@farm.example --format csv --db " + copy).out;
  EXPECT_NE(added.find("\n3,Cy,"), std::string::npos) << added;  // ids continue after the removed person's
}

}  // namespace
}  // namespace covalue::testing
