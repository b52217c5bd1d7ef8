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
       "scheduler_interval, delivery_interval, simulation_workers, simulation_queue, web"},
      {"wrong type", "[server]\nlisten = \"127.0.0.1:0\"\n\nthreads = \"two\"\n", ":4:1",
       "server.threads: must be an integer"},
      {"out of range", "[server]\nlisten = \"127.0.0.1:0\"\n  max_connections = 0\n", ":3:3",
       "server.max_connections: must be >= 1 and <= 1000000, got '0'"},
      {"seconds out of range", "[solver]\ntime_limit_seconds = -1.5\n", ":2:1",
       "solver.time_limit_seconds: must be > 0 and <= 86400, got '-1.5'"},
      {"not a server setting", "[server]\nlisten = \"127.0.0.1:0\"\n[charter]\ncapacity = 5\n", ":4:1",
       "unknown setting 'capacity' in section 'charter'; the file takes the sections [server], [delivery], [session], "
       "[mail], [digest], [solver], [shapley]"},
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

struct BadMail {
  std::string flags;
  int code;
  std::string message;  //!< part of the error, naming the flag
};

TEST_F(ServerConfig, BadEmailSettingsAreRefusedNamingTheFlagAndNothingStarts) {
  const std::vector<BadMail> cases = {
      {"--smtp http://127.0.0.1:25 --mail-from covalue@x.example", 1,
       "--smtp: the scheme must be smtp or smtps, not 'http'"},
      {"--smtp smtp://mail.example --mail-from covalue@x.example", 1, "--smtp: no port in 'smtp://mail.example'"},
      {"--smtp smtp://u:p@mail.example:25 --mail-from covalue@x.example", 1,
       "--smtp: credentials do not belong in the URL"},
      {"--smtp smtp://127.0.0.1:25", 2, "--mail-from: the sender address of e-mail is needed with --smtp"},
      {"--smtp smtp://127.0.0.1:25 --mail-from 'not an address'", 1, "--mail-from: not an e-mail address"},
      {"--smtp smtp://127.0.0.1:25 --mail-from covalue@x.example --smtp-user relay", 2,
       "--smtp-password-file: --smtp-user and --smtp-password-file go together"},
      {"--smtp smtp://127.0.0.1:25 --mail-from covalue@x.example --smtp-user relay --smtp-password-file " +
           dir_.file("missing"),
       1, "--smtp-password-file: cannot read the SMTP password from"},
      {"--mail-from covalue@x.example", 2, "--smtp: e-mail settings without an SMTP server"},
  };
  for (const BadMail& bad : cases) {
    const auto [code, out] = run_command("timeout 20 " + std::string(COVALUE_BINARY) + " serve --db " +
                                         dir_.file("x.db") + " --listen 127.0.0.1:0 " + bad.flags + " 2>&1 </dev/null");
    EXPECT_EQ(code, bad.code) << bad.flags << ": " << out;
    EXPECT_NE(out.find("covalue: error: " + bad.message), std::string::npos) << bad.flags << ": " << out;
    EXPECT_EQ(out.find("listening on"), std::string::npos) << bad.flags << ": the server must not start";
  }
}

TEST_F(ServerConfig, EmailSettingsFromFlagsOrTheFileStartTheServer) {
  const std::string password = write("smtp-password", "s3cret\n");
  ServerLaunch flags;
  flags.extra_args = {"--smtp", "smtp://127.0.0.1:2525", "--mail-from", "covalue@x.example", "--smtp-user",
                      "relay",  "--smtp-password-file",  password,      "--smtp-require-tls"};
  ServerProcess by_flags(dir_.file("a.db"), dir_.file("web"), flags);
  EXPECT_EQ(by_flags.request("GET", "/api/openapi.json").status, 200);

  const std::string config = write("mail.toml", good_config("b.db", "web") +
                                                    "\n[mail]\nsmtp = \"smtps://127.0.0.1:465\"\nfrom = "
                                                    "\"covalue@x.example\"\nsmtp_user = \"relay\"\n"
                                                    "smtp_password_file = \"" +
                                                    password + "\"\n");
  ServerLaunch file;
  file.bare = true;
  file.extra_args = {"--config", config};
  ServerProcess by_file("", "", file);
  EXPECT_EQ(by_file.request("GET", "/api/openapi.json").status, 200);

  const std::string bad =
      write("bad-mail.toml", good_config("c.db", "web") + "\n[mail]\nsmtp = \"smtp://x\"\nfrom = \"a@b.c\"\n");
  const auto [code, out] = serve_with(bad);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("--smtp: no port"), std::string::npos) << out;
}

}  // namespace
}  // namespace covalue::testing
