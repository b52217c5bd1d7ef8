// The archive reader (`covalue network import`) fed the JSON fuzzer's whole corpus: every document read as
// an archive, and put in place of each part of a small real archive (corpus/json/archive-small, exported
// by covalue). The reader never throws; it refuses with kInvalidInput naming a path below "$", or reads a
// value whose written text reads back to the same value and text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "covalue/adapters/json/archive_json.hpp"

namespace {

namespace cj = covalue::adapters::json;
using nlohmann::json;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Counts {
  int read{0};
  int refused{0};
};

//! Reads `document` as an archive and checks what came back; counts reads and refusals.
void check(const json& document, Counts& counts) {
  auto archive = cj::archive_from_json(document);
  if (!archive.ok()) {
    ++counts.refused;
    EXPECT_EQ(archive.error().kind, covalue::core::ErrorKind::kInvalidInput) << archive.error().to_string();
    EXPECT_TRUE(archive.error().where.starts_with("$")) << archive.error().to_string();
    EXPECT_FALSE(archive.error().message.empty());
    return;
  }
  ++counts.read;
  auto text = cj::archive_to_text(*archive);
  ASSERT_TRUE(text.ok()) << text.error().to_string();
  auto again = cj::archive_from_text(*text);
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_TRUE(*again == *archive) << *text;
  EXPECT_EQ(cj::archive_to_text(*again).value(), *text);
}

TEST(JsonArchiveReader, EveryCorpusDocumentAsAnArchiveAndInEveryPartOfOne) {
  const std::filesystem::path corpus(COVALUE_CORPUS_DIR);
  // A version 2 archive, and a version 3 one whose tables carried row by row hold a row each or more.
  const std::vector<json> seeds = {json::parse(read_file(corpus / "archive-small").substr(1)),
                                   json::parse(read_file(corpus / "archive-small-v3").substr(1))};
  Counts counts;
  for (const json& seed : seeds) {
    check(seed, counts);
  }
  ASSERT_EQ(counts.read, 2) << "a seed archive does not read";
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    const std::string input = read_file(entry.path());
    const json document = input.empty() ? json() : json::parse(input.substr(1), nullptr, false);
    if (document.is_discarded()) {
      continue;
    }
    check(document, counts);
    for (const json& seed : seeds) {
      for (const auto& [part, value] : seed.items()) {
        json altered = seed;
        altered[part] = value.is_array() ? json::array({document}) : document;
        check(altered, counts);
      }
    }
  }
  EXPECT_GT(counts.refused, 1000);
  EXPECT_GT(counts.read, 10);
}

}  // namespace
