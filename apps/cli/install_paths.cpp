// Finding shipped files next to the binary, so that an installed or packaged covalue finds them wherever
// its prefix is, and a binary run from the build tree uses the freshly built ones.
#include "install_paths.hpp"

#include <string>
#include <system_error>

namespace covalue::cli {
namespace {

bool is_there(const std::filesystem::path& path) {
  std::error_code ignored;
  return std::filesystem::exists(path, ignored);
}

//! The running executable, empty when /proc is not there.
std::filesystem::path self() {
  std::error_code error;
  std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : executable;
}

}  // namespace

std::filesystem::path installed_or_built(const std::filesystem::path& executable, std::string_view relative,
                                         const std::filesystem::path& built) {
  std::filesystem::path installed = executable.parent_path() / kInstalledDataDir / relative;
  installed = installed.lexically_normal();
  if (!executable.empty() && is_there(installed)) {
    return installed;
  }
  if (!built.empty() && is_there(built)) {
    return built.lexically_normal();
  }
  return executable.empty() ? built.lexically_normal() : installed;
}

std::filesystem::path default_web_root() {
  // The folder counts as the web UI only with its index.html.
  const std::filesystem::path built = std::filesystem::path(COVALUE_WEB_DIR) / "index.html";
  return installed_or_built(self(), "web/index.html", built).parent_path();
}

std::filesystem::path default_demo_file() {
  return installed_or_built(self(), "demo/network_cycle.pb", std::string(COVALUE_DEMO_DIR) + "/network_cycle.pb");
}

}  // namespace covalue::cli
