// Enum names on the command line and in a network's file: a database written with the spellings
// before issue 11 still opens (and answers with today's names), an unknown name is a command-line
// error naming what is accepted, and help texts and the web UI's module list the name tables.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using EnumNamesCli = DatabaseCli;

TEST_F(EnumNamesCli, ADatabaseWithTheOldSpellingsStillOpens) {
  ok("network init --name Old --capacity 10 --rule mes --ranking-rule borda");
  ok("cycle open");
  write_sql("UPDATE charter SET rule = 'network-fair', ranking_rule = 'ranked-pairs'");
  write_sql("UPDATE cycles SET rule = 'network-fair'");
  const nlohmann::json charter = nlohmann::json::parse(ok("network show --format json"));
  EXPECT_EQ(charter.dump().find("network-fair"), std::string::npos) << charter.dump();
  EXPECT_NE(charter.dump().find("\"network_fair\""), std::string::npos) << charter.dump();
  EXPECT_NE(charter.dump().find("\"ranked_pairs\""), std::string::npos) << charter.dump();
  const nlohmann::json cycle = nlohmann::json::parse(ok("cycle show 1 --format json"));
  EXPECT_EQ(cycle.at("summary").at("rule"), "network_fair");
}

TEST_F(EnumNamesCli, OldSpellingsAreAcceptedOnTheCommandLine) {
  ok("network init --name Old --capacity 10 --rule network-fair --ranking-rule ranked-pairs");
  const std::string shown = ok("network show --format json");
  EXPECT_NE(shown.find("\"network_fair\""), std::string::npos) << shown;
  EXPECT_NE(shown.find("\"ranked_pairs\""), std::string::npos) << shown;
}

TEST_F(EnumNamesCli, AnUnknownNameIsAUsageErrorNamingTheAcceptedValues) {
  // Every enum flag is checked by the parser (usage, exit 2), a charter flag as any other.
  for (const char* command : {"network init --name X", "network update"}) {
    const CommandResult rule = run(std::string(command) + " --rule dictator");
    EXPECT_EQ(rule.exit_code, 2) << command;
    EXPECT_NE(rule.err.find("--rule: unknown selection rule 'dictator' (expected one of: mes, phragmen, greedy, "
                            "network_fair, consensus)"),
              std::string::npos)
        << rule.err;
  }
  for (const char* flag : {"--sharing", "--ranking-rule", "--disclosure"}) {
    const CommandResult charter = run(std::string("network init --name X ") + flag + " nope");
    EXPECT_EQ(charter.exit_code, 2) << flag;
    EXPECT_NE(charter.err.find(std::string(flag) + ": unknown "), std::string::npos) << charter.err;
    EXPECT_NE(charter.err.find("'nope' (expected one of: "), std::string::npos) << charter.err;
  }
  ok("network init --name X");
  const CommandResult tier = run("partner add Shop --tier \"$(printf 'moon\\033[31m')\"");
  EXPECT_EQ(tier.exit_code, 2);
  EXPECT_EQ(tier.err.find('\033'), std::string::npos) << "the text is quoted as an excerpt";
  EXPECT_NE(tier.err.find("unknown tier 'moon\\x1b[31m' (expected one of: raw_materials,"), std::string::npos)
      << tier.err;
  const CommandResult format = run("network show --format yaml");
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_NE(format.err.find("--format: must be one of: table, json, csv, got 'yaml'"), std::string::npos) << format.err;
}

TEST(EnumNamesHelp, HelpTextsAndTheWebModuleListTheTables) {
  const CommandResult pb = run_covalue("pb solve --help");
  EXPECT_NE(pb.out.find("tie-breaking: lex | min_cost | max_approvals | refuse"), std::string::npos) << pb.out;
  EXPECT_NE(pb.out.find("greedy | mes | phragmen | max_welfare"), std::string::npos) << pb.out;
  const CommandResult init = run_covalue("network init --help");
  EXPECT_NE(init.out.find("(one of: mes, phragmen, greedy, network_fair, consensus)"), std::string::npos) << init.out;
  const CommandResult names = run_covalue("names");
  ASSERT_EQ(names.exit_code, 0) << names.err;
  EXPECT_NE(names.out.find("export const selectionRules = ['mes', 'phragmen', 'greedy', 'network_fair', "
                           "'consensus'] as const;\nexport type SelectionRule = (typeof selectionRules)[number];"),
            std::string::npos)
      << names.out;
  // The webhooks page's format choice and event kinds (issue 13 item 6).
  EXPECT_NE(names.out.find("export const webhookFormats = ['json', 'slack', 'teams'] as const;"), std::string::npos)
      << names.out;
  EXPECT_NE(names.out.find("export const eventKinds = ['cycle_opened', 'voting_opened', 'voting_closes_soon', "),
            std::string::npos)
      << names.out;
  EXPECT_EQ(run_covalue("--help").out.find("names"), std::string::npos) << "a build step, hidden from --help";
}

}  // namespace
}  // namespace covalue::testing
