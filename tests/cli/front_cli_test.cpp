// The two binaries (apps/cli/front/forward.hpp): the front `covalue` links none of the heavy libraries and runs
// the computing commands without the full binary; every other command line reaches covalue-full unchanged, in
// the same process (pid, standard streams, exit code).
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>

#include "cli_test_support.hpp"

namespace covalue::testing {
namespace {

//! The improvement cycle the repository ships (`pb demo`'s).
std::string demo() { return std::string(COVALUE_SOURCE_DIR) + "/apps/demo/network_cycle.pb"; }

//! Libraries (by the start of their file names) the front must never load, directly or through another.
constexpr const char* kHeavy[] = {"libcurl", "libgnutls",  "libpq.",  "libCbc",      "libClp",  "libCoinUtils",
                                  "libOsi",  "liblapack",  "libblas", "libgfortran", "libmpi",  "libopen-pal",
                                  "libgomp", "libsqlite3", "libldap", "libkrb5",     "libboost"};

//! The shared libraries `binary` loads, as ldd lists them (one per line).
std::string loaded_libraries(const std::string& binary) {
  const CommandResult result = run_binary("ldd", binary);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.out;
}

TEST(FrontBinary, LoadsNoneOfTheHeavyLibraries) {
  const std::string front = loaded_libraries(COVALUE_BINARY);
  for (const char* heavy : kHeavy) {
    EXPECT_EQ(front.find(std::string("\t") + heavy), std::string::npos) << heavy << " in:\n" << front;
  }
  // The check sees them where they are: the full binary loads the store's, CBC's, libcurl's and MPI's.
  const std::string full = loaded_libraries(COVALUE_FULL_BINARY);
  for (const char* heavy : {"libcurl", "libpq.", "libCbc", "libmpi", "libsqlite3"}) {
    EXPECT_NE(full.find(std::string("\t") + heavy), std::string::npos) << heavy << " in:\n" << full;
  }
}

TEST(FrontBinary, TheFullBinaryLinksEveryCommandsAdder) {
  // The table reaches the full binary's commands by weak references: none may stay unresolved there.
  const CommandResult symbols = run_binary("nm", std::string("-C ") + COVALUE_FULL_BINARY);
  ASSERT_EQ(symbols.exit_code, 0) << symbols.err;
  EXPECT_EQ(symbols.out.find(" w covalue::cli::add_"), std::string::npos);
  EXPECT_EQ(symbols.out.find(" v covalue::cli::add_"), std::string::npos);
  EXPECT_NE(symbols.out.find(" covalue::cli::add_network_init("), std::string::npos);
}

TEST(FrontBinary, RunsTheComputingCommandsWithoutTheFullBinary) {
  const TempDir alone;
  const std::string front = alone.file("covalue");
  std::filesystem::copy_file(COVALUE_BINARY, front);
  const CommandResult version = run_binary(front, "--version");
  EXPECT_EQ(version.exit_code, 0) << version.err;
  EXPECT_EQ(version.out, "covalue 0.1.0\n");
  const CommandResult solved = run_binary(front, "pb solve " + demo() + " --rule mes");
  EXPECT_EQ(solved.exit_code, 0) << solved.err;
  EXPECT_EQ(solved.out, run_covalue("pb solve " + demo() + " --rule mes").out);
  const CommandResult bad = run_binary(front, "pb solve " + demo() + " --rule nonsense");
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  // What needs the full binary says where it looked for it.
  const CommandResult listed = run_binary(front, "network list --db " + alone.file("x.db"));
  EXPECT_EQ(listed.exit_code, 4);
  EXPECT_NE(listed.err.find("covalue: internal error: this command runs in the full binary "), std::string::npos)
      << listed.err;
  EXPECT_NE(listed.err.find("covalue-full: No such file or directory"), std::string::npos) << listed.err;
}

//! `text` with every `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

//! Runs `args` through the front and through covalue-full: the same exit code, stdout and stderr.
void expect_as_the_full_binary(const std::string& args) {
  const CommandResult front = run_covalue(args);
  const CommandResult full = run_binary(COVALUE_FULL_BINARY, args);
  // CLI11's usage lines show argv[0], which the front passes on as it got it.
  EXPECT_EQ(front.exit_code, full.exit_code) << args;
  EXPECT_EQ(front.out, replaced(full.out, COVALUE_FULL_BINARY, COVALUE_BINARY)) << args;
  EXPECT_EQ(front.err, full.err) << args;
  EXPECT_FALSE(front.out.empty() && front.err.empty()) << args;
}

TEST(FrontBinary, HandsItsCommandLineToTheFullBinaryUnchanged) {
  const TempDir dir;
  for (const std::string& args : {std::string("--help"), std::string("network --help"), std::string("simulate --help"),
                                  std::string("pb"), std::string("nonsense"), std::string("partner list --bogus"),
                                  "network show --db " + dir.file("missing/x.db")}) {
    expect_as_the_full_binary(args);
  }
  const CommandResult created = run_covalue("network init --name North --db " + dir.file("n.db"));
  EXPECT_EQ(created.exit_code, 0) << created.err;
  const CommandResult full = run_binary(COVALUE_FULL_BINARY, "network init --name North --db " + dir.file("m.db"));
  EXPECT_EQ(created.out, replaced(full.out, dir.file("m.db"), dir.file("n.db")));
}

TEST(FrontBinary, RunsItsOwnCommandLinesAsTheFullBinaryWould) {
  // The front registers only the named family's rows: what the other families' names do on its command line.
  for (const std::string& args :
       {"pb solve " + demo() + " --rule mes", "pb solve " + demo() + " --rule mes network",
        "pb solve " + demo() + " pb check", "pb solve " + demo() + " --bogus", "pb check " + demo() + " extra",
        std::string("pb solve"), std::string("pb solve --help"), std::string("rank --help"),
        std::string("simulate lackner2020 --help"), std::string("--version"), "pb solve " + demo() + " --version"}) {
    expect_as_the_full_binary(args);
  }
}

//! The executable a live process runs now.
std::string executable_of(pid_t pid) {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/exe", error).string();
}

TEST(FrontBinary, TheFullBinaryKeepsThePidAndReadsTheSameStandardInput) {
  const TempDir dir;
  const std::string source = dir.file("source.db");
  ASSERT_EQ(run_covalue("network init --name North --capacity 7 --db " + source).exit_code, 0);
  const std::string archive = run_covalue("network export --output - --db " + source).out;
  ASSERT_FALSE(archive.empty());
  const std::string target = dir.file("target.db");
  const std::string out = dir.file("import.out");

  int input[2];
  ASSERT_EQ(pipe(input), 0);
  const pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    dup2(input[0], STDIN_FILENO);
    close(input[0]);
    close(input[1]);
    const int written = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(written, STDOUT_FILENO);
    execl(COVALUE_BINARY, COVALUE_BINARY, "network", "import", "-", "--db", target.c_str(), nullptr);
    _exit(127);
  }
  close(input[0]);
  // The import waits for its standard input: by then the process the test started runs the full binary.
  const std::string full = std::filesystem::canonical(COVALUE_FULL_BINARY).string();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (executable_of(child) != full && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(executable_of(child), full);
  ASSERT_EQ(write(input[1], archive.data(), archive.size()), static_cast<ssize_t>(archive.size()));
  close(input[1]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NE(read_file(out).find("imported network 'North'"), std::string::npos) << read_file(out);
  EXPECT_NE(run_covalue("network list --db " + target).out.find("North"), std::string::npos);
}

}  // namespace
}  // namespace covalue::testing
