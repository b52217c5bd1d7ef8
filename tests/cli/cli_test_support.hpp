#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "../support/temp_dir.hpp"

namespace covalue::testing {

//! What one run of the covalue binary produced.
struct CommandResult {
  int exit_code{-1};
  std::string out;
  std::string err;
};

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

//! Runs `BINARY ARGS` (arguments are passed to the shell as written) and captures everything.
inline CommandResult run_binary(const std::string& binary, const std::string& args) {
  static const TempDir dir;
  const std::string out = dir.file("stdout");
  const std::string err = dir.file("stderr");
  const std::string command = binary + " " + args + " >" + out + " 2>" + err + " </dev/null";
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

//! Runs `covalue ARGS` (the front binary, which hands what it does not run itself to covalue-full).
inline CommandResult run_covalue(const std::string& args) { return run_binary(COVALUE_BINARY, args); }

//! A test with its own network database: `run` and `ok` pass `--db` with it to every command.
class DatabaseCli : public ::testing::Test {
 protected:
  //! Runs `covalue ARGS --db <the test's database>`.
  CommandResult run(const std::string& args) { return run_covalue(args + " --db " + db_); }

  //! Runs and expects success; returns what it printed.
  std::string ok(const std::string& args) {
    CommandResult result = run(args);
    EXPECT_EQ(result.exit_code, 0) << args << "\n" << result.err;
    return result.out;
  }

  //! Runs one SQL statement on the database's SQLite file, as an older covalue (or another client) may
  //! have written it, with `texts` bound to its `?` in order; it must change at least one row.
  void write_sql(const std::string& sql, const std::vector<std::string>& texts = {}) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    for (std::size_t k = 0; k < texts.size(); ++k) {
      sqlite3_bind_text(statement, static_cast<int>(k + 1), texts[k].c_str(), static_cast<int>(texts[k].size()),
                        SQLITE_TRANSIENT);
    }
    EXPECT_EQ(sqlite3_step(statement), SQLITE_DONE) << sqlite3_errmsg(db);
    EXPECT_GT(sqlite3_changes(db), 0) << sql;
    sqlite3_finalize(statement);
    sqlite3_close(db);
  }

  TempDir dir_;
  std::string db_{dir_.file("network.db")};
};

}  // namespace covalue::testing
