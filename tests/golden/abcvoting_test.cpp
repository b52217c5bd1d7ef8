// Conformance with abcvoting: the 480 approval-based committee elections of its test suite, for the
// committee rules covalue computes on unit costs. Irresolute runs must yield exactly abcvoting's set of
// committees, resolute runs one of them.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/rational.hpp"
#include "covalue/core/rules/committee.hpp"

namespace {

namespace fs = std::filesystem;
using covalue::core::ApprovalProfile;
using covalue::core::ErrorKind;
using covalue::core::Instance;
using covalue::core::ProjectIndex;
using covalue::core::Rational;
namespace rules = covalue::core::rules;

using Committee = std::vector<ProjectIndex>;  // sorted candidate indices
using Committees = std::set<Committee>;

fs::path abc_dir() { return fs::path(COVALUE_DATA_DIR) / "abcvoting"; }
constexpr std::size_t kExpectedFiles = 480;
constexpr std::size_t kMaxRuns = 100000;  // tie-breaking paths per irresolute case

//! One `compute:` entry of an .abc.yaml file.
struct AbcCase {
  std::string rule_id;
  bool resolute{false};
  std::optional<Committees> result;  // nullopt: unknown (null in the file)
};

//! An .abc.yaml file as the test needs it.
struct AbcFile {
  std::vector<std::vector<ProjectIndex>> approvals;
  std::vector<Rational> weights;
  std::size_t num_cand{0};
  std::size_t committee_size{0};
  std::vector<AbcCase> cases;
};

//! Counts per rule, printed when the suite ends.
struct Tally {
  std::size_t checked{0};
  std::size_t passed{0};
  std::size_t skipped{0};   // null result in the file
  std::size_t cap_hits{0};  // irresolute enumeration over the limit
  double seconds{0};
};

std::map<std::string, Tally>& tallies() {
  static std::map<std::string, Tally> table;
  return table;
}

Committee read_committee(const YAML::Node& node) {
  Committee committee;
  for (const auto& cand : node) {
    committee.push_back(cand.as<ProjectIndex>());
  }
  std::sort(committee.begin(), committee.end());
  return committee;
}

Rational read_weight(const YAML::Node& node) {
  auto weight = covalue::core::parse_rational(node.as<std::string>());
  if (!weight.ok()) {
    throw YAML::Exception(node.Mark(), "bad voter weight: " + weight.error().to_string());
  }
  return *weight;
}

AbcCase read_case(const YAML::Node& node) {
  AbcCase entry{node["rule_id"].as<std::string>(), node["resolute"].as<bool>(), std::nullopt};
  const YAML::Node result = node["result"];
  if (result && !result.IsNull()) {
    Committees committees;
    for (const auto& committee : result) {
      committees.insert(read_committee(committee));
    }
    entry.result = std::move(committees);
  }
  return entry;
}

AbcFile read_abc_file(const fs::path& path) {
  const YAML::Node root = YAML::LoadFile(path.string());
  AbcFile file;
  for (const auto& voter : root["profile"]) {
    file.approvals.push_back(read_committee(voter));
  }
  if (const YAML::Node weights = root["voter_weights"]) {
    for (const auto& weight : weights) {
      file.weights.push_back(read_weight(weight));
    }
  } else {
    file.weights.assign(file.approvals.size(), Rational(1));
  }
  if (file.weights.size() != file.approvals.size()) {
    throw YAML::Exception(root.Mark(), "voter_weights and profile differ in length");
  }
  for (const auto& set : file.approvals) {
    for (const ProjectIndex cand : set) {
      file.num_cand = std::max<std::size_t>(file.num_cand, cand + 1);
    }
  }
  if (root["num_cand"]) {
    file.num_cand = root["num_cand"].as<std::size_t>();
  }
  file.committee_size = root["committeesize"].as<std::size_t>();
  for (const auto& entry : root["compute"]) {
    file.cases.push_back(read_case(entry));
  }
  return file;
}

// The committee election as a budgeting instance: candidates "0".."m-1" costing 1, budget k.
Instance committee_instance(const AbcFile& file) {
  Instance instance;
  for (std::size_t c = 0; c < file.num_cand; ++c) {
    EXPECT_TRUE(instance.add_project({std::to_string(c), Rational(1), {}, {}, {}}).ok());
  }
  instance.set_budget(Rational(static_cast<unsigned long>(file.committee_size)));
  return instance;
}

std::string show(const Committees& committees) {
  std::string text = "{";
  for (const auto& committee : committees) {
    text.append(text.size() > 1 ? " {" : "{");
    for (std::size_t i = 0; i < committee.size(); ++i) {
      text.append(i > 0 ? "," : "").append(std::to_string(committee[i]));
    }
    text.append("}");
  }
  return text + "}";
}

std::vector<fs::path> abc_files() {
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(abc_dir(), error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 9 && name.ends_with(".abc.yaml")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Runs one case and checks it against abcvoting's answer; updates the tally.
void check_case(const AbcFile& file, const Instance& instance, const ApprovalProfile& profile, const AbcCase& entry,
                rules::CommitteeRule rule) {
  Tally& tally = tallies()[entry.rule_id];
  if (!entry.result) {
    ++tally.skipped;
    return;
  }
  ++tally.checked;
  rules::CommitteeOptions options;
  options.irresolute = !entry.resolute;
  options.max_runs = kMaxRuns;
  const auto start = std::chrono::steady_clock::now();
  const auto outcomes = rules::solve_committee(instance, profile, rule, options);
  tally.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string what = entry.rule_id + (entry.resolute ? " (resolute)" : " (irresolute)");
  if (!outcomes.ok()) {
    tally.cap_hits += outcomes.error().kind == ErrorKind::kTimeLimit ? 1 : 0;
    ADD_FAILURE() << what << ": " << outcomes.error().to_string();
    return;
  }
  Committees got;
  for (const auto& outcome : *outcomes) {
    got.insert(outcome.sorted_selection());
  }
  const bool sizes_ok =
      std::all_of(got.begin(), got.end(), [&](const Committee& c) { return c.size() == file.committee_size; });
  const bool ok =
      sizes_ok && (entry.resolute ? got.size() == 1 && entry.result->count(*got.begin()) == 1 : got == *entry.result);
  tally.passed += ok ? 1 : 0;
  EXPECT_TRUE(ok) << what << ": got " << show(got) << ", abcvoting " << show(*entry.result);
}

class AbcvotingConformance : public ::testing::TestWithParam<fs::path> {};

TEST_P(AbcvotingConformance, MatchesAbcvoting) {
  AbcFile file;
  try {
    file = read_abc_file(GetParam());
  } catch (const YAML::Exception& error) {
    FAIL() << GetParam() << ": " << error.what();
  }
  const Instance instance = committee_instance(file);
  const ApprovalProfile profile = ApprovalProfile::from_sets(file.approvals, file.weights, file.num_cand);
  for (const AbcCase& entry : file.cases) {
    const auto rule = covalue::core::parse_name<rules::CommitteeRule>(entry.rule_id);
    if (rule.ok()) {
      check_case(file, instance, profile, entry, *rule);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Abc, AbcvotingConformance, ::testing::ValuesIn(abc_files()),
                         [](const ::testing::TestParamInfo<fs::path>& param_info) {
                           std::string name = param_info.param.filename().string();
                           name = name.substr(0, name.size() - std::string(".abc.yaml").size());
                           std::replace_if(
                               name.begin(), name.end(),
                               [](char c) { return std::isalnum(static_cast<unsigned char>(c)) == 0; }, '_');
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(AbcvotingConformance);

TEST(AbcvotingData, AllInstancesPresent) {
  ASSERT_TRUE(fs::exists(abc_dir())) << abc_dir() << " is missing: ../shared/data must sit beside the checkout";
  EXPECT_EQ(abc_files().size(), kExpectedFiles);
}

// Prints the counts once every test has run.
class AbcvotingSummary : public ::testing::Environment {
 public:
  void TearDown() override {
    Tally total;
    for (const auto& [rule, t] : tallies()) {
      std::printf("[abcvoting] %-40s checked %4zu passed %4zu failed %3zu skipped %3zu cap hits %zu (%.2f s)\n",
                  rule.c_str(), t.checked, t.passed, t.checked - t.passed, t.skipped, t.cap_hits, t.seconds);
      total.checked += t.checked;
      total.passed += t.passed;
      total.skipped += t.skipped;
      total.cap_hits += t.cap_hits;
      total.seconds += t.seconds;
    }
    if (total.checked + total.skipped > 0) {
      std::printf("[abcvoting] %-40s checked %4zu passed %4zu failed %3zu skipped %3zu cap hits %zu (%.2f s)\n", "all",
                  total.checked, total.passed, total.checked - total.passed, total.skipped, total.cap_hits,
                  total.seconds);
    }
  }
};

// NOLINTNEXTLINE(cert-err58-cpp): registration must happen before RUN_ALL_TESTS; gtest owns it
[[maybe_unused]] ::testing::Environment* const summary_environment =
    ::testing::AddGlobalTestEnvironment(new AbcvotingSummary);

}  // namespace
