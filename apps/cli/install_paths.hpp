#pragma once

// Where the files covalue ships (the web UI, the demo cycle) are found: beside an installed binary, in
// `<its folder>/../share/covalue/`, or in the source and build trees when it runs from there.

#include <filesystem>
#include <string_view>

namespace covalue::cli {

//! The folder, relative to an installed executable's folder, holding what covalue ships (bin/ → share/;
//! the same from libexec/, where covalue-full is installed).
inline constexpr std::string_view kInstalledDataDir = "../share/covalue";

//! `<executable's folder>/../share/covalue/<relative>` when that exists (an installed covalue), else
//! `built` when that exists (run from the build tree), else the installed location (so that what is
//! missing is named where an install puts it).
[[nodiscard]] std::filesystem::path installed_or_built(const std::filesystem::path& executable,
                                                       std::string_view relative, const std::filesystem::path& built);

//! The web UI `covalue serve` serves unless `--web` says otherwise: `share/covalue/web` beside the
//! running executable (/proc/self/exe), else the build tree's folder (COVALUE_WEB_DIR).
[[nodiscard]] std::filesystem::path default_web_root();

//! The improvement cycle `covalue pb demo` solves unless `--file` says otherwise:
//! `share/covalue/demo/network_cycle.pb` beside the running executable, else the source tree's.
[[nodiscard]] std::filesystem::path default_demo_file();

}  // namespace covalue::cli
