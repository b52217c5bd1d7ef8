// How the front binary decides what it runs, and how it hands the rest to the full binary.
#include "front/forward.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "command_table.hpp"

namespace covalue::cli {
namespace {

//! The row whose path is the longest run of the command line's first words, or nullptr.
const CommandRow* named_row(int argc, const char* const* argv) {
  const CommandRow* named = nullptr;
  for (const CommandRow& row : command_table()) {
    const bool longer = named == nullptr || row.path.size() > named->path.size();
    if (longer && row.path.size() < static_cast<std::size_t>(argc) &&
        std::equal(row.path.begin(), row.path.end(), argv + 1,
                   [](std::string_view word, const char* arg) { return word == arg; })) {
      named = &row;
    }
  }
  return named;
}

//! The full binary beside the running `front` (the build tree), else where an install puts it.
std::filesystem::path full_binary(const std::filesystem::path& front) {
  std::filesystem::path built = front.parent_path() / COVALUE_FULL_BINARY_NAME;
  std::error_code ignored;
  if (std::filesystem::exists(built, ignored)) {
    return built;
  }
  return (front.parent_path() / COVALUE_FULL_BINARY_FROM_BIN / COVALUE_FULL_BINARY_NAME).lexically_normal();
}

}  // namespace

bool runs_here(int argc, const char* const* argv) {
  if (argc == 2 && std::string_view(argv[1]) == "--version") {
    return true;
  }
  const CommandRow* row = named_row(argc, argv);
  return row != nullptr && row->add != nullptr;
}

int run_full_binary(char** argv) {
  std::error_code error;
  const std::filesystem::path front = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) {
    std::fprintf(stderr, "covalue: internal error: cannot find the running binary (/proc/self/exe): %s\n",
                 error.message().c_str());
    return kExitInternal;
  }
  const std::filesystem::path full = full_binary(front);
  execv(full.c_str(), argv);
  const int failure = errno;  // execv returns only when it failed
  std::fprintf(stderr, "covalue: internal error: this command runs in the full binary %s: %s\n", full.c_str(),
               std::strerror(failure));
  return kExitInternal;
}

}  // namespace covalue::cli
