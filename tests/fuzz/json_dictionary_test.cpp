// The JSON fuzzer's dictionary and seed corpus keep up with the codecs: every member name in the seed
// documents (which the writers produced) is in tests/fuzz/json.dict, and every reader has seeds.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace {

using nlohmann::json;

std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void collect_members(const json& node, std::set<std::string>& members) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      members.insert(key);
      collect_members(value, members);
    }
  } else if (node.is_array()) {
    for (const json& item : node) {
      collect_members(item, members);
    }
  }
}

//! libFuzzer names the inputs it keeps by their SHA-1 (40 hex digits); seeds have names that say what
//! they are.
bool is_fuzzer_found(const std::string& name) {
  return name.size() == 40 && name.find_first_not_of("0123456789abcdef") == std::string::npos;
}

TEST(JsonCorpus, EveryReaderHasSeedsAndTheDictionaryNamesTheirMembers) {
  const std::string dictionary = read_whole_file(std::filesystem::path(COVALUE_FUZZ_DIR) / "json.dict");
  std::set<std::string> members;
  std::set<char> readers;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(COVALUE_CORPUS_DIR))) {
    if (is_fuzzer_found(entry.path().filename().string())) {
      continue;  // what the fuzzer mutated, not a document a writer produced
    }
    const std::string input = read_whole_file(entry.path());
    const json document = input.empty() ? json() : json::parse(input.substr(1), nullptr, false);
    if (document.is_discarded() || document.is_null()) {
      continue;
    }
    readers.insert(input.front());
    collect_members(document, members);
  }
  for (const char reader : std::string("oscjibrkda")) {
    EXPECT_TRUE(readers.count(reader)) << "no seed for reader " << reader;
  }
  ASSERT_GT(members.size(), 40U);
  for (const std::string& member : members) {
    EXPECT_NE(dictionary.find("\"\\\"" + member + "\\\":\""), std::string::npos) << "member " << member;
  }
}

}  // namespace
