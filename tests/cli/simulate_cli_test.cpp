// `covalue simulate run` through the binary: policies compared with intervals and paired tests, the same
// output on any number of threads, charter and model files, and bad input named by key or flag.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

using nlohmann::json;

// A small run: 6 networks of 8 partners over 5 cycles.
std::string small_run() { return "simulate run --networks 6 --cycles 5 --partners 8 --seed 11"; }

TEST(SimulateCli, ComparesPoliciesWithIntervalsAndPairedTestsOnAnyNumberOfThreads) {
  const CommandResult one = run_covalue(small_run() + " --policy inward --policy outward --threads 1 --format json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CommandResult three = run_covalue(small_run() + " --policy inward --policy outward --threads 3 --format json");
  ASSERT_EQ(three.exit_code, 0) << three.err;
  EXPECT_EQ(one.out, three.out);
  EXPECT_EQ(one.err, "");  // no progress line when standard error is not a terminal
  const json report = json::parse(one.out);
  EXPECT_EQ(report.at("simulation").at("networks"), 6);
  EXPECT_EQ(report.at("model").at("partners"), 8);
  ASSERT_EQ(report.at("policies").size(), 2U);
  const json& outward = report.at("policies").at(1);
  EXPECT_EQ(outward.at("name"), "outward");
  EXPECT_EQ(outward.at("charter").at("rule"), "network_fair");
  for (const char* measure : {"retention", "members", "network_value", "value_per_partner", "gini", "longest_dry_spell",
                              "quota_compliance", "core_membership"}) {
    const json& m = outward.at("measures").at(measure);
    EXPECT_LE(m.at("low").get<double>(), m.at("mean").get<double>()) << measure;
    EXPECT_GE(m.at("high").get<double>(), m.at("mean").get<double>()) << measure;
  }
  EXPECT_EQ(outward.at("per_cycle").at("survival").size(), 5U);
  EXPECT_EQ(outward.at("per_cycle").at("survival").at(0).at("mean"), 1.0);
  ASSERT_EQ(report.at("paired").size(), 8U);
  EXPECT_EQ(report.at("paired").at(0).at("baseline"), "inward");
  EXPECT_EQ(report.at("paired").at(0).at("policy"), "outward");
  const json& paired = report.at("paired").at(0);
  EXPECT_EQ(paired.at("wins").get<int>() + paired.at("losses").get<int>() + paired.at("ties").get<int>(), 6);
  const CommandResult other = run_covalue(
      "simulate run --networks 6 --cycles 5 --partners 8 --seed 12 --policy inward --policy outward --format json");
  EXPECT_NE(other.out, one.out);
}

// Open MPI's mpirun (issue 16 item 6): the networks split across 2 and 3 processes (network i on rank i mod N),
// merged on rank 0, which alone prints: byte for byte the single process's output, as JSON and as a table.
TEST(SimulateCli, UnderMpirunTheRanksShareTheNetworksAndPrintTheSingleProcessOutput) {
  const std::string run =
      "simulate run --networks 7 --cycles 5 --partners 8 --seed 11 --policy reset --policy outward --threads 1";
  for (const char* format : {"json", "table"}) {
    const CommandResult alone = run_covalue(run + " --format " + format);
    ASSERT_EQ(alone.exit_code, 0) << alone.err;
    for (const char* ranks : {"2", "3"}) {
      const TempDir dir;
      const std::string out = dir.file("out");
      const std::string err = dir.file("err");
      // As root (CI), mpirun wants the permission said out loud; 3 ranks on a 2-core machine oversubscribe.
      const std::string command = std::string("mpirun --allow-run-as-root --oversubscribe -np ") + ranks + " " +
                                  COVALUE_BINARY + " " + run + " --format " + format + " >" + out + " 2>" + err +
                                  " </dev/null";
      const int status = std::system(command.c_str());
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << command << "\n" << read_file(err);
      EXPECT_EQ(read_file(out), alone.out) << ranks << " ranks, " << format;
    }
  }
  // --output: written once, by rank 0.
  const TempDir dir;
  const std::string file = dir.file("report.json");
  const std::string command = std::string("mpirun --allow-run-as-root --oversubscribe -np 2 ") + COVALUE_BINARY + " " +
                              run + " --format json --output " + file + " >" + dir.file("out") + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << read_file(dir.file("out"));
  EXPECT_EQ(read_file(dir.file("out")), "wrote " + file + "\n");
  EXPECT_EQ(read_file(file), run_covalue(run + " --format json").out);
}

TEST(SimulateCli, EveryNamedPolicyRunsAndTheTableNamesThem) {
  const CommandResult table = run_covalue(
      "simulate run --networks 2 --cycles 3 --partners 6 --policy greedy --policy random --policy none "
      "--policy reset --policy pav --policy unitcost --policy consensus --policy quota --policy phragmen "
      "--policy nash");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  for (const char* name : {"random:", "nash:", "paired, phragmen - greedy"}) {
    EXPECT_NE(table.out.find(name), std::string::npos) << name << "\n" << table.out;
  }
}

TEST(SimulateCli, PerpetualWeightsWhoseDenominatorsGrowRunFortyCycles) {
  // Under MES, pav, phragmen and nash weights (1/(1 + wins), ...) grow a common denominator cycle after cycle;
  // on this seed their integer weights passed 2^62 at cycles 12 to 24, and the run stopped with an error.
  // The rules now count such weights in GMP integers and the networks run on.
  const CommandResult result = run_covalue(
      "simulate run --networks 1 --cycles 40 --seed 31415 --policy pav --policy phragmen --policy nash "
      "--format json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find("2^62"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("\"nash\""), std::string::npos) << result.out.substr(0, 400);
}

TEST(SimulateCli, ACharterFileAndAModelFileAreRead) {
  const TempDir dir;
  const std::string charter = dir.write("fair.toml",
                                        "name = \"fair share\"\n[charter]\nrule = \"mes\"\nsharing = \"proportional\"\n"
                                        "weight_policy = \"quota\"\nmax_deopt_share = \"1/2\"\n"
                                        "[behaviour]\nballots = \"own_gain\"\nobject_to_losses = true\n");
  const std::string model = dir.write("model.toml", "[model]\npartners = 7\ncycles = 4\ndiscount = 0.5\n");
  const CommandResult result = run_covalue("simulate run --networks 3 --policy outward --policy " + charter +
                                           " --model " + model + " --format json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json report = json::parse(result.out);
  EXPECT_EQ(report.at("model").at("partners"), 7);
  EXPECT_EQ(report.at("model").at("discount"), 0.5);
  EXPECT_EQ(report.at("simulation").at("cycles"), 4);
  const json& fair = report.at("policies").at(1);
  EXPECT_EQ(fair.at("name"), "fair share");
  EXPECT_EQ(fair.at("charter").at("sharing"), "proportional");
  EXPECT_EQ(fair.at("charter").at("weight_policy"), "quota");
  EXPECT_EQ(fair.at("charter").at("max_deopt_share"), "1/2");
  EXPECT_EQ(fair.at("charter").at("ballots"), "own_gain");
  EXPECT_EQ(fair.at("charter").at("object_to_losses"), true);
}

TEST(SimulateCli, HtmlIsOneSelfContainedPageWithSvgCharts) {
  const TempDir dir;
  const std::string page = dir.file("report.html");
  const CommandResult result =
      run_covalue(small_run() + " --policy inward --policy outward --format html --output " + page);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("wrote " + page), std::string::npos);
  const std::string html = read_file(page);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  std::size_t charts = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++charts;
  }
  EXPECT_EQ(charts, 2U);
  EXPECT_NE(html.find("outward − inward, paired"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(SimulateCli, BadChartersNameTheKeyAndWhereItIs) {
  const TempDir dir;
  struct Case {
    const char* file;
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"unknown.toml", "[charter]\nrule = \"mes\"\nmax_dry_spel = 2\n",
       "unknown.toml:3:1: unknown key 'max_dry_spel' in [charter]"},
      {"range.toml", "[charter]\nmax_deopt_share = \"3/2\"\n", "range.toml:2:1: charter.max_deopt_share: "},
      {"dry.toml", "[charter]\nmax_dry_spell = 0\n", "dry.toml:2:1: charter.max_dry_spell: "},
      {"rule.toml", "[charter]\nrule = \"borda\"\n", "rule.toml:2:1: charter.rule: "},
      {"weights.toml", "[charter]\nweight_policy = \"per_pav\"\n", "weights.toml:2:1: charter.weight_policy: "},
      {"ballots.toml", "[behaviour]\nballots = \"selfish\"\n", "ballots.toml:2:1: behaviour.ballots: "},
      {"section.toml", "[chartre]\nrule = \"mes\"\n", "section.toml:1:2: unknown key 'chartre'"},
      {"syntax.toml", "[charter\nrule = \"mes\"\n", "syntax.toml:1:"},
      {"type.toml", "[charter]\nmax_dry_spell = \"two\"\n", "type.toml:2:1: charter.max_dry_spell: must be an integer"},
  };
  for (const Case& c : cases) {
    const std::string file = dir.write(c.file, c.text);
    const CommandResult result = run_covalue(small_run() + " --policy outward --policy " + file);
    EXPECT_EQ(result.exit_code, 1) << c.file << "\n" << result.err;
    EXPECT_NE(result.err.find(dir.file(c.expected)), std::string::npos) << c.file << "\n" << result.err;
  }
  const CommandResult rule = run_covalue(small_run() + " --policy " + dir.file("rule.toml"));
  EXPECT_NE(rule.err.find("mes"), std::string::npos) << "names the accepted rules: " << rule.err;
  const CommandResult missing = run_covalue(small_run() + " --policy " + dir.file("nowhere.toml"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot open file"), std::string::npos) << missing.err;
}

TEST(SimulateCli, BadModelsAndFlagsAreNamed) {
  const TempDir dir;
  const std::string unknown = dir.write("m1.toml", "[model]\ndiscont = 0.5\n");
  CommandResult result = run_covalue(small_run() + " --policy inward --model " + unknown);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("m1.toml:2:1: unknown key 'discont' in [model]"), std::string::npos) << result.err;
  const std::string range = dir.write("m2.toml", "[model]\ndiscount = 1.5\n");
  result = run_covalue(small_run() + " --policy inward --model " + range);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("m2.toml:2:1: model.discount: must be from 0 to 1, got 1.5"), std::string::npos)
      << result.err;
  const std::string whole = dir.write("m3.toml", "[model]\npartners = 2.5\n");
  result = run_covalue(small_run() + " --policy inward --model " + whole);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("model.partners: must be a whole number"), std::string::npos) << result.err;
  for (const char* flag : {"--networks 0", "--cycles 0", "--networks -3", "--partners 1", "--format csv"}) {
    result = run_covalue("simulate run --policy inward " + std::string(flag));
    EXPECT_EQ(result.exit_code, 2) << flag;
    EXPECT_NE(result.err.find(std::string(flag).substr(0, std::string(flag).find(' '))), std::string::npos)
        << flag << "\n"
        << result.err;
  }
  result = run_covalue("simulate run --policy inward --policy outward --networks 300000 --cycles 40");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("--networks: 300000 networks x 40 cycles x 2 policies is more than 20 million"),
            std::string::npos)
      << result.err;
  result = run_covalue("simulate run --networks 2");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--policy"), std::string::npos) << result.err;
  result = run_covalue(small_run() + " --policy outwards");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("unknown policy 'outwards'"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("--policy"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace covalue::testing

namespace covalue::testing {
namespace {

// --from-db (issue 16 item 5): the demo network's 13 partners with their 8 closed cycles of history start
// every simulated network; `current` is its own charter; the model's scales come from its initiatives.
TEST(SimulateCli, FromDbStartsFromTheRealNetworksPartnersAndCharter) {
  const TempDir dir;
  const std::string db = dir.file("demo.db");
  ASSERT_EQ(run_covalue("demo --db " + db).exit_code, 0);
  const std::string run = "simulate run --networks 4 --cycles 4 --seed 5 --from-db " + db +
                          " --policy current --policy inward --format json";
  const CommandResult one = run_covalue(run + " --threads 1");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(run_covalue(run + " --threads 3").out, one.out) << "deterministic per seed from a real start too";
  const json report = json::parse(one.out);
  const json& start = report.at("start");
  EXPECT_EQ(start.at("network"), "Fresh Chain Network");
  EXPECT_EQ(start.at("partners"), 13);
  EXPECT_EQ(start.at("closed_cycles"), 8);
  EXPECT_EQ(report.at("model").at("partners"), 13);
  EXPECT_NE(std::find(start.at("calibrated").begin(), start.at("calibrated").end(), "cost_mean"),
            start.at("calibrated").end())
      << start;
  const std::string charter = run_covalue("network show --format json --db " + db).out;
  const json& current = report.at("policies").at(0);
  EXPECT_EQ(current.at("name"), "current");
  EXPECT_NE(charter.find("\"rule\": \"" + current.at("charter").at("rule").get<std::string>() + "\""),
            std::string::npos)
      << charter << "\n"
      << current.at("charter");
  // The default model starts from 20 fresh partners; the real start gives other figures.
  const CommandResult fresh =
      run_covalue("simulate run --networks 4 --cycles 4 --seed 5 --policy inward --format json");
  EXPECT_EQ(json::parse(fresh.out).at("model").at("partners"), 20);
  EXPECT_FALSE(json::parse(fresh.out).contains("start"));
}

TEST(SimulateCli, FromDbBadInputIsNamed) {
  const TempDir dir;
  const std::string empty = dir.file("empty.db");
  ASSERT_EQ(run_covalue("network init --name Empty --db " + empty).exit_code, 0);
  const std::string demo = dir.file("demo.db");
  ASSERT_EQ(run_covalue("demo --db " + demo).exit_code, 0);
  const struct {
    std::string args;
    const char* says;
  } cases[] = {
      {"--from-db " + dir.file("nowhere.db") + " --policy outward", "--from-db: no database file"},
      {"--from-db " + empty + " --policy outward", "--from-db: the network 'Empty' has no partners to start from"},
      {"--policy current", "--policy: the policy 'current' is a real network's charter: give --from-db"},
      {"--network Empty --policy outward", "--network: --network names a network of --from-db's database"},
      {"--from-db " + demo + " --partners 5 --policy outward", "--partners: --from-db starts from the network's own"},
      {"--from-db " + demo + " --network Nope --policy outward", "no network named 'Nope'"},
  };
  for (const auto& [args, says] : cases) {
    const CommandResult result = run_covalue("simulate run --networks 2 --cycles 2 " + args);
    EXPECT_EQ(result.exit_code, 1) << args;
    EXPECT_NE(result.err.find(says), std::string::npos) << args << "\n" << result.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("nowhere.db"))) << "--from-db never creates a database";
}

}  // namespace
}  // namespace covalue::testing
