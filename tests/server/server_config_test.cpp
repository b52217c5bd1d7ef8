// `covalue serve --config FILE`: the real binary on an ephemeral loopback port reads the settings table's
// server rows from a TOML file; flags override the file; a bad file is an error naming the file, line and
// key, and the server does not start.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "server_harness.hpp"

namespace covalue::testing {
namespace {

class ServerConfig : public ::testing::Test {
 protected:
  //! Writes `name` in the test's folder and returns its path.
  std::string write(const std::string& name, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(dir_.file(name)).parent_path());
    std::ofstream(dir_.file(name), std::ios::binary) << text;
    return dir_.file(name);
  }

  //! A config that serves `web` on any free port from `db`.
  std::string good_config(const std::string& db, const std::string& web) {
    return "# a server's settings\n[server]\ndb = \"" + dir_.file(db) + "\"\nlisten = \"127.0.0.1:0\"\nthreads = 1\n" +
           "max_connections = 64\nweb = \"" + dir_.file(web) +
           "\"\n\n[solver]\ntime_limit_seconds = 2.5\nthreads = 1\n" + "\n[shapley]\nthreads = 2\n";
  }

  //! Runs `covalue serve --config FILE` (stopped by `timeout` should it start) and returns its exit code
  //! and everything it printed.
  std::pair<int, std::string> serve_with(const std::string& config) {
    return run_command("timeout 20 " + std::string(COVALUE_BINARY) + " serve --config " + config + " 2>&1 </dev/null");
  }

  ServerTempDir dir_;
};

TEST_F(ServerConfig, AGoodFileConfiguresTheServer) {
  write("one/index.html", "<p>web one</p>");
  const std::string config = write("covalue.toml", good_config("file.db", "one"));
  ServerLaunch launch;
  launch.bare = true;
  launch.extra_args = {"--config", config};
  ServerProcess server("", "", launch);  // listening on an ephemeral port: the file's listen
  const HttpAnswer page = server.request("GET", "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("web one"), std::string::npos) << "the file's web folder";
  EXPECT_EQ(server.request("GET", "/api/openapi.json").status, 200);
  EXPECT_TRUE(std::filesystem::exists(dir_.file("file.db"))) << "the file's database";
}

TEST_F(ServerConfig, FlagsOverrideTheFile) {
  write("one/index.html", "<p>web one</p>");
  write("two/index.html", "<p>web two</p>");
  const std::string config = write("covalue.toml", good_config("file.db", "one"));
  ServerLaunch launch;
  launch.bare = true;
  launch.extra_args = {"--config", config, "--db", dir_.file("flag.db"), "--web", dir_.file("two")};
  ServerProcess server("", "", launch);
  const HttpAnswer page = server.request("GET", "/");
  EXPECT_NE(page.body.find("web two"), std::string::npos) << "--web overrides the file";
  EXPECT_TRUE(std::filesystem::exists(dir_.file("flag.db")));
  EXPECT_FALSE(std::filesystem::exists(dir_.file("file.db"))) << "--db overrides the file";
}

struct BadFile {
  const char* what;
  std::string text;
  std::string where;    //!< ":LINE:COLUMN" after the file's path
  std::string message;  //!< part of the message, naming the key
};

TEST_F(ServerConfig, ABadFileIsAnErrorNamingFileLineAndKeyAndNothingStarts) {
  const std::vector<BadFile> cases = {
      {"unknown key", "[server]\nlisten = \"127.0.0.1:0\"\nlissten = \"127.0.0.1:0\"\n", ":3:1",
       "unknown setting 'lissten' in section 'server'; it takes: db, network, listen, threads, max_connections, "
       "scheduler_interval, delivery_interval, web"},
      {"wrong type", "[server]\nlisten = \"127.0.0.1:0\"\n\nthreads = \"two\"\n", ":4:1",
       "server.threads: must be an integer"},
      {"out of range", "[server]\nlisten = \"127.0.0.1:0\"\n  max_connections = 0\n", ":3:3",
       "server.max_connections: must be >= 1 and <= 1000000, got '0'"},
      {"seconds out of range", "[solver]\ntime_limit_seconds = -1.5\n", ":2:1",
       "solver.time_limit_seconds: must be > 0 and <= 86400, got '-1.5'"},
      {"not a server setting", "[server]\nlisten = \"127.0.0.1:0\"\n[charter]\ncapacity = 5\n", ":4:1",
       "unknown setting 'capacity' in section 'charter'; the file takes the sections [server], [delivery], [session], "
       "[solver], [shapley]"},
      {"outside a section", "listen = \"127.0.0.1:0\"\n", ":1:1", "'listen' is outside a section"},
      {"not TOML", "[server]\nlisten = 127.0.0.1:0\n", ":2:", ""},
  };
  for (const BadFile& bad : cases) {
    const std::string config = write("bad.toml", bad.text);
    const auto [code, out] = serve_with(config);
    EXPECT_EQ(code, 1) << bad.what << ": " << out;
    EXPECT_NE(out.find("covalue: error: " + config + bad.where), std::string::npos) << bad.what << ": " << out;
    EXPECT_NE(out.find(bad.message), std::string::npos) << bad.what << ": " << out;
    EXPECT_EQ(out.find("listening on"), std::string::npos) << bad.what << ": the server must not start";
  }
}

TEST_F(ServerConfig, TheCharterSchemaStatesTheTablesDefaultsAndRanges) {
  ServerProcess server(dir_.file("x.db"), dir_.file("web"));
  const nlohmann::json doc = server.request("GET", "/api/openapi.json").json();
  const nlohmann::json& charter = doc["components"]["schemas"]["Charter"]["properties"];
  const nlohmann::json& dry = charter["fairness"]["properties"]["max_dry_spell"];
  EXPECT_EQ(dry["default"], 3);
  EXPECT_EQ(dry["minimum"], 1);
  EXPECT_EQ(charter["leadership"]["properties"]["max_concurrent_leads"]["minimum"], 1);
  EXPECT_EQ(charter["fairness"]["properties"]["perpetual_weighting"]["default"], true);
  EXPECT_EQ(charter["capacity"]["default"], "100");
  EXPECT_EQ(charter["capacity"]["description"],
            "capacity units (e.g. person-weeks) the network can spend per cycle (> 0)");
  EXPECT_EQ(charter["rule"]["default"], "mes");
}

TEST_F(ServerConfig, ABadFlagIsRefusedWithItsRange) {
  const auto [code, out] = run_cli("serve --db " + dir_.file("x.db") + " --listen 127.0.0.1:0 --threads -1");
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace covalue::testing
