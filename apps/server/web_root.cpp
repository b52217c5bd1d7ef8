// Finding the web UI next to the binary, so that an installed or packaged covalue serves it wherever its
// prefix is, and a binary run from the build tree serves the freshly built one.
#include "web_root.hpp"

#include <system_error>

#ifndef COVALUE_WEB_DIR
#error "COVALUE_WEB_DIR (the build tree's web UI folder) must be defined"
#endif

namespace covalue::server {
namespace {

bool holds_index(const std::filesystem::path& folder) {
  std::error_code ignored;
  return std::filesystem::is_regular_file(folder / "index.html", ignored);
}

}  // namespace

std::filesystem::path web_root_for(const std::filesystem::path& executable, const std::filesystem::path& build_dir) {
  const std::filesystem::path installed = (executable.parent_path() / kInstalledWebDir).lexically_normal();
  if (holds_index(installed)) {
    return installed;
  }
  if (!build_dir.empty() && holds_index(build_dir)) {
    return build_dir.lexically_normal();
  }
  return installed;
}

std::filesystem::path default_web_root() {
  std::error_code error;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) {
    return std::filesystem::path(COVALUE_WEB_DIR).lexically_normal();
  }
  return web_root_for(executable, COVALUE_WEB_DIR);
}

}  // namespace covalue::server
