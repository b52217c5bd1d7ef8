// The PrefLib writer, and read -> write -> read being the identity.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "covalue/adapters/preflib/preflib_file.hpp"

namespace covalue::adapters::preflib {
namespace {

using core::ranking::Candidate;
using core::ranking::make_ballot;

PrefLibFile sample() {
  PrefLibFile file;
  file.type = DataType::kToi;
  file.metadata = {{"TITLE", "Cycle 3 ranking"}, {"DESCRIPTION", "a: b, c"}};
  file.alternative_names = {"Shared forecasting", "", "Returns hub"};
  file.profile = {3, {make_ballot({{0}, {1, 2}}, 4), make_ballot({{2}}, 1), make_ballot({}, 2)}};
  return file;
}

TEST(PrefLibWriter, WritesTheCanonicalForm) {
  EXPECT_EQ(write_preflib(sample()),
            "# TITLE: Cycle 3 ranking\n"
            "# DESCRIPTION: a: b, c\n"
            "# DATA TYPE: toi\n"
            "# NUMBER ALTERNATIVES: 3\n"
            "# NUMBER VOTERS: 7\n"
            "# NUMBER UNIQUE ORDERS: 3\n"
            "# ALTERNATIVE NAME 1: Shared forecasting\n"
            "# ALTERNATIVE NAME 3: Returns hub\n"
            "4: 1,{2,3}\n"
            "1: 3\n"
            "2:\n");
}

TEST(PrefLibWriter, ReadWriteReadIsTheIdentity) {
  const PrefLibFile file = sample();
  ASSERT_TRUE(check_preflib(file).ok());
  auto read = parse_preflib(write_preflib(file));
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  EXPECT_EQ(*read, file);
}

TEST(PrefLibWriter, CheckRejectsWhatCannotBeWritten) {
  PrefLibFile ties = sample();
  ties.type = DataType::kSoi;
  EXPECT_FALSE(check_preflib(ties).ok());
  PrefLibFile incomplete = sample();
  incomplete.type = DataType::kToc;
  EXPECT_FALSE(check_preflib(incomplete).ok());
  PrefLibFile derived = sample();
  derived.metadata.emplace_back("NUMBER VOTERS", "3");
  EXPECT_FALSE(check_preflib(derived).ok());
  PrefLibFile names = sample();
  names.alternative_names.pop_back();
  EXPECT_FALSE(check_preflib(names).ok());
  PrefLibFile newline = sample();
  newline.metadata.front().second = "two\nlines";
  EXPECT_FALSE(check_preflib(newline).ok());
}

RC_GTEST_PROP(PrefLibRoundTrip, AnyWritableFileReadsBackEqual, ()) {
  PrefLibFile file;
  file.type = *rc::gen::element(DataType::kSoc, DataType::kSoi, DataType::kToc, DataType::kToi);
  const auto m = *rc::gen::inRange<Candidate>(1, 9);
  file.profile.num_candidates = m;
  const auto word = rc::gen::container<std::string>(rc::gen::elementOf(std::string("abc XYZ:#{},-1")));
  for (Candidate c = 0; c < m; ++c) {
    std::string name = *word;
    file.alternative_names.push_back(
        std::string(name.empty() || name.front() == ' ' || name.back() == ' ' ? "" : name));
  }
  const auto ballots = *rc::gen::inRange(0, 6);
  for (int i = 0; i < ballots; ++i) {
    auto keys = *rc::gen::container<std::vector<int>>(m, rc::gen::inRange(0, 100));
    std::vector<Candidate> order(m);
    std::iota(order.begin(), order.end(), Candidate{0});
    std::sort(order.begin(), order.end(), [&](Candidate a, Candidate b) { return keys[a] < keys[b]; });
    const std::size_t keep = requires_complete(file.type) ? m : *rc::gen::inRange<std::size_t>(0, m + 1);
    core::ranking::WeakOrder tiers;
    for (std::size_t k = 0; k < keep; ++k) {
      if (k == 0 || !allows_ties(file.type) || *rc::gen::arbitrary<bool>()) {
        tiers.emplace_back();
      }
      tiers.back().push_back(order[k]);
    }
    file.profile.ballots.push_back(make_ballot(tiers, *rc::gen::inRange<std::int64_t>(1, 1000)));
  }
  RC_PRE(check_preflib(file).ok());
  auto read = parse_preflib(write_preflib(file));
  RC_ASSERT(read.ok());
  RC_ASSERT(*read == file);
}

}  // namespace
}  // namespace covalue::adapters::preflib
