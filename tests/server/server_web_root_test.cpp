// Where `covalue serve` finds its web UI without --web: beside an installed binary
// (bin/../share/covalue/web), else the build tree's folder.
#include <gtest/gtest.h>

#include <fstream>

#include "server/web_root.hpp"
#include "server_harness.hpp"

namespace covalue::testing {
namespace {

void write_index(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "index.html") << "<!doctype html>";
}

TEST(ServerWebRoot, AnInstalledBinaryServesItsPrefixsShare) {
  ServerTempDir dir;
  write_index(dir.path() / "prefix/share/covalue/web");
  write_index(dir.path() / "build/web/dist");
  EXPECT_EQ(server::web_root_for(dir.path() / "prefix/bin/covalue", dir.path() / "build/web/dist"),
            dir.path() / "prefix/share/covalue/web");
}

TEST(ServerWebRoot, TheBuildTreesBinaryServesTheBuildTreesFolder) {
  ServerTempDir dir;
  write_index(dir.path() / "build/web/dist");
  std::filesystem::create_directories(dir.path() / "build/release/apps");
  EXPECT_EQ(server::web_root_for(dir.path() / "build/release/apps/covalue", dir.path() / "build/release/../web/dist"),
            dir.path() / "build/web/dist");
}

TEST(ServerWebRoot, WithNeitherItNamesWhereAnInstallPutsIt) {
  ServerTempDir dir;
  EXPECT_EQ(server::web_root_for(dir.path() / "somewhere/bin/covalue", dir.path() / "gone"),
            dir.path() / "somewhere/share/covalue/web");
}

TEST(ServerWebRoot, AFolderWithoutIndexIsNotTheWebUi) {
  ServerTempDir dir;
  std::filesystem::create_directories(dir.path() / "prefix/share/covalue/web");
  write_index(dir.path() / "build/web/dist");
  EXPECT_EQ(server::web_root_for(dir.path() / "prefix/bin/covalue", dir.path() / "build/web/dist"),
            dir.path() / "build/web/dist");
}

}  // namespace
}  // namespace covalue::testing
