#pragma once

#include <filesystem>

namespace covalue::server {

//! Where an installed binary keeps its web UI, relative to the executable's folder (bin/ → share/).
inline constexpr const char* kInstalledWebDir = "../share/covalue/web";

//! The web UI folder for the executable at `executable`: `<its folder>/../share/covalue/web` when that
//! holds an index.html (an installed covalue), else `build_dir` when that does (run from the build
//! tree), else the installed location (so that what is missing is named where an install puts it).
[[nodiscard]] std::filesystem::path web_root_for(const std::filesystem::path& executable,
                                                 const std::filesystem::path& build_dir);

//! The web UI `covalue serve` serves unless `--web` says otherwise: `web_root_for` the running
//! executable (/proc/self/exe) and the build tree's folder compiled in (COVALUE_WEB_DIR).
[[nodiscard]] std::filesystem::path default_web_root();

}  // namespace covalue::server
