// Where covalue finds the files it ships without --web or --file: beside an installed binary
// (bin/../share/covalue/), else in the build tree.
#include "cli/install_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace covalue::cli {
namespace {

class InstallPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device seed;
    root_ = std::filesystem::temp_directory_path() / ("covalue-install-paths-" + std::to_string(seed()));
    std::filesystem::create_directories(root_ / "build/release/apps");
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  void touch(const std::filesystem::path& file) const {
    std::filesystem::create_directories((root_ / file).parent_path());
    std::ofstream(root_ / file) << "<!doctype html>";
  }

  std::filesystem::path root_;
};

TEST_F(InstallPaths, AnInstalledBinaryUsesItsPrefixsShare) {
  touch("prefix/share/covalue/web/index.html");
  touch("build/web/dist/index.html");
  EXPECT_EQ(installed_or_built(root_ / "prefix/bin/covalue", "web/index.html", root_ / "build/web/dist/index.html"),
            root_ / "prefix/share/covalue/web/index.html");
}

TEST_F(InstallPaths, TheBuildTreesBinaryUsesTheBuildTree) {
  touch("build/web/dist/index.html");
  EXPECT_EQ(installed_or_built(root_ / "build/release/apps/covalue", "web/index.html",
                               root_ / "build/release/../web/dist/index.html"),
            root_ / "build/web/dist/index.html");
}

TEST_F(InstallPaths, AWebFolderWithoutItsIndexIsNotTheWebUi) {
  std::filesystem::create_directories(root_ / "prefix/share/covalue/web");
  touch("build/web/dist/index.html");
  EXPECT_EQ(installed_or_built(root_ / "prefix/bin/covalue", "web/index.html", root_ / "build/web/dist/index.html"),
            root_ / "build/web/dist/index.html");
}

TEST_F(InstallPaths, WithNeitherItNamesWhereAnInstallPutsIt) {
  EXPECT_EQ(installed_or_built(root_ / "somewhere/bin/covalue", "demo/network_cycle.pb", root_ / "gone.pb"),
            root_ / "somewhere/share/covalue/demo/network_cycle.pb");
}

TEST_F(InstallPaths, TheRunningBinaryFindsTheSourceTreesDemo) {
  // unit_tests runs from the build tree, where nothing is installed beside it.
  EXPECT_TRUE(std::filesystem::exists(default_demo_file()));
  EXPECT_EQ(default_demo_file().filename(), "network_cycle.pb");
}

}  // namespace
}  // namespace covalue::cli
