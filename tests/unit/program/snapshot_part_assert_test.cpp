// Reading a snapshot part that a use case did not ask for aborts, in every build this test runs in:
// this file is compiled with assertions on (tests/CMakeLists.txt), and it instantiates SnapshotPart only
// over a type of its own, so no other translation unit shares (and could replace) the functions it checks.
// That read_snapshot leaves unasked parts unread is checked in queries_test.cpp.
#include <gtest/gtest.h>

#include <string>

#include "covalue/program/snapshot.hpp"

#ifdef NDEBUG
#error "snapshot_part_assert_test.cpp must be compiled with assertions on (see tests/CMakeLists.txt)"
#endif

namespace covalue::program::testing {
namespace {

struct OnlyHere {
  std::string text;
};

TEST(SnapshotPartAssert, ReadingAnUnreadPartAborts) {
  const SnapshotPart<OnlyHere> unread = SnapshotPart<OnlyHere>::absent();
  EXPECT_FALSE(unread.loaded());
  EXPECT_DEATH((void)unread.get(), "snapshot part not read");
  EXPECT_DEATH((void)(*unread).text, "snapshot part not read");
  SnapshotPart<OnlyHere> read = SnapshotPart<OnlyHere>::absent();
  read = OnlyHere{"kept"};
  EXPECT_TRUE(read.loaded());
  EXPECT_EQ(read.get().text, "kept");
}

}  // namespace
}  // namespace covalue::program::testing
