// The Pabulib adapter on the real elections in ../shared/data/pabulib.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "covalue/adapters/pabulib/pb_file.hpp"

namespace covalue::adapters::pabulib {
namespace {

namespace fs = std::filesystem;

fs::path data_dir() { return fs::path(COVALUE_DATA_DIR) / "pabulib"; }

std::vector<fs::path> all_files() {
  std::vector<fs::path> files;
  if (fs::is_directory(data_dir())) {
    for (const auto& entry : fs::directory_iterator(data_dir())) {
      if (entry.path().extension() == ".pb") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The largest files, files with quoting, decimal costs, targets, choose-1 votes and other countries,
// plus every 60th file of the collection.
std::vector<fs::path> varied_files() {
  const char* const named[] = {
      "Poland_Lodz_2022.pb",
      "Poland_Warszawa_2026.pb",
      "Hungary_Budapest_2024.pb",
      "Poland_Gdansk_2020.pb",
      "Netherlands_Amsterdam_631.pb",
      "Poland_Warszawa_2021_Ursynow.pb",
      "Netherlands_Amsterdam_252.pb",
      "France_Toulouse_2022.pb",
      "Netherlands_Amsterdam_643.pb",
      "Poland_Poznan_2024_10_-_Swierczewo_Wilda_Zielony_Debiec__large.pb",
      "Hungary_Budapest_2023_VIII_Jozsefvaros.pb",
      "Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals.pb",
      "Switzerland_Zurich_S5.pb",
      "US_Stanford_Dataset_2021-22_Cal_High_Library_PB_vote_knapsacks.pb",
      "Poland_Warszawa_2017_Aleksandrow.pb",
  };
  std::vector<fs::path> files;
  for (const char* name : named) {
    files.push_back(data_dir() / name);
  }
  const auto all = all_files();
  constexpr std::size_t kStride = 60;
  for (std::size_t i = 0; i < all.size(); i += kStride) {
    files.push_back(all[i]);
  }
  return files;
}

TEST(PabulibData, ReadWriteReadIsTheIdentityOnVariedFiles) {
  ASSERT_TRUE(fs::is_directory(data_dir())) << "no data in " << data_dir();
  const auto files = varied_files();
  EXPECT_GE(files.size(), 30U);
  for (const auto& path : files) {
    auto first = read_pabulib_file(path);
    ASSERT_TRUE(first.ok()) << first.error().to_string();
    const std::string written = write_pabulib(*first);
    auto second = parse_pabulib(written, path.filename().string());
    ASSERT_TRUE(second.ok()) << second.error().to_string();
    EXPECT_TRUE(*first == *second) << path;
    EXPECT_EQ(write_pabulib(*second), written) << path;
  }
}

TEST(PabulibData, ParsesAndChecksEveryFile) {
  const auto files = all_files();
  ASSERT_FALSE(files.empty()) << "no data in " << data_dir();
  EXPECT_EQ(files.size(), 1132U);
  std::size_t ballots = 0;
  std::size_t inconsistent = 0;
  for (const auto& path : files) {
    auto file = read_pabulib_file(path);
    ASSERT_TRUE(file.ok()) << file.error().to_string();
    ballots += file->profile.size();
    EXPECT_FALSE(file->instance.projects().empty()) << path;
    EXPECT_TRUE(file->instance.meta_value("budget").has_value()) << path;
    const auto errors = check_pabulib(*file, path.filename().string());
    inconsistent += errors.empty() ? 0 : 1;
  }
  EXPECT_GT(ballots, 1'000'000U);
  RecordProperty("inconsistent_files", static_cast<int>(inconsistent));
  std::cout << "[ PABULIB  ] " << files.size() << " files, " << ballots << " ballots, " << inconsistent
            << " files with check_pabulib findings\n";
}

}  // namespace
}  // namespace covalue::adapters::pabulib
