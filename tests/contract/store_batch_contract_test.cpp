// The storage contract, part 6: transactions committed in batches (group commit: SQLite's
// adapters/sqlite/src/group_commit.hpp, PostgreSQL's sql/batcher.hpp). Works of many threads share one
// transaction, each in its own savepoint. A work that fails or throws inside a batch leaves nothing
// behind and takes nothing of the others with it; re-entry from a batched work is refused.
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::StoreSession;

// The names of the stored partners, sorted.
std::set<std::string> partner_set(program::Store& store) {
  std::set<std::string> names;
  for (const auto& partner : read_in(store, [](StoreSession& s) { return s.partners(); })) {
    names.insert(partner.name);
  }
  return names;
}

// Inserts a partner called `name`; the error of the insert when it fails.
core::Status insert(StoreSession& s, const std::string& name) {
  auto id = s.insert_partner(sample_partner(name, net::Tier::kOther));
  return id.ok() ? core::Status() : core::Status(id.error());
}

// True when the session sees a partner whose name starts with "doomed".
bool sees_doomed(StoreSession& s) {
  for (const auto& partner : must(s.partners())) {
    if (partner.name.rfind("doomed", 0) == 0) {
      return true;
    }
  }
  return false;
}

// One work holds the store (so its batch is running) until the others are queued behind it; they then
// run in one batch after it: one fails after writing, one throws after writing, one hits a failed write
// and passes its error on, one succeeds (and tries to nest a transaction and reads the version).
TEST_P(StoreContract, AFailingWorkInABatchLeavesTheOthersCommitted) {
  constexpr int kQueued = 4;
  std::atomic<bool> holding{false};
  std::atomic<int> about_to_queue{0};
  std::mutex ran_mutex;
  std::set<std::thread::id> ran_on;  // threads the queued works ran on
  const auto note_thread = [&] {
    const std::lock_guard lock(ran_mutex);
    ran_on.insert(std::this_thread::get_id());
  };
  core::Status holder;
  core::Status failed;
  core::Status thrown;
  core::Status conflicted;
  core::Status kept;
  core::Status nested;
  std::thread holder_thread([&] {
    holder = store().transact([&](StoreSession& s) -> core::Status {
      holding = true;
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      while (about_to_queue.load() < kQueued && std::chrono::steady_clock::now() < until) {
        std::this_thread::yield();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));  // they are waiting in transact() by now
      return insert(s, "kept by the holder");
    });
  });
  while (!holding.load()) {
    std::this_thread::yield();
  }
  const auto queue = [&](core::Status& out, const std::function<core::Status(StoreSession&)>& work) {
    return std::thread([&out, &about_to_queue, work, this] {
      ++about_to_queue;
      out = store().transact(work);
    });
  };
  std::vector<std::thread> queued;
  queued.push_back(queue(failed, [&](StoreSession& s) -> core::Status {
    note_thread();
    must(insert(s, "doomed: returns an error"));
    return core::make_error(ErrorKind::kTieRefused, "changed my mind", "here");
  }));
  queued.push_back(queue(thrown, [&](StoreSession& s) -> core::Status {
    note_thread();
    must(insert(s, "doomed: throws"));
    throw std::runtime_error("boom");
  }));
  queued.push_back(queue(conflicted, [&](StoreSession& s) -> core::Status {
    note_thread();
    must(insert(s, "doomed: a duplicate follows"));
    return insert(s, "doomed: a duplicate follows");
  }));
  queued.push_back(queue(kept, [&](StoreSession& s) -> core::Status {
    note_thread();
    EXPECT_FALSE(sees_doomed(s));  // a failed work of the batch is undone before the next one runs
    nested = store().transact([](StoreSession&) -> core::Status { return {}; });
    EXPECT_TRUE(store().version().ok());
    return insert(s, "kept by a queued work");
  }));
  holder_thread.join();
  for (auto& thread : queued) {
    thread.join();
  }
  must(holder);
  must(kept);
  EXPECT_TRUE(fails_with(failed, ErrorKind::kTieRefused, "changed my mind"));
  EXPECT_EQ(failed.error().where, "here");
  EXPECT_TRUE(fails_with(thrown, ErrorKind::kInternal, "boom"));
  EXPECT_TRUE(fails_with(conflicted, ErrorKind::kConflict));
  EXPECT_TRUE(fails_with(nested, ErrorKind::kInternal, "inside a transaction"));
  EXPECT_EQ(partner_set(store()), (std::set<std::string>{"kept by a queued work", "kept by the holder"}));
  // They ran as one batch: on the thread that ran the holder's work, not each on its caller's.
  EXPECT_EQ(ran_on.size(), 1U);
}

// Threads append to the audit chain, whose next sequence must be exactly one more than the last
// stored one. Some works append and then fail or throw: their entry must vanish, or every later
// append of their batch would be refused and the count would not add up.
TEST_P(StoreContract, ManyThreadsKeepTheAuditChainExact) {
  constexpr int kThreads = 8;
  constexpr int kEach = 60;
  std::atomic<int> committed{0};
  std::atomic<int> ran_elsewhere{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const auto caller = std::this_thread::get_id();
      for (int i = 0; i < kEach; ++i) {
        const int kind = (t + i) % 5;  // 0: returns an error, 1: throws, otherwise: kept
        const core::Status status = store().transact([&](StoreSession& s) -> core::Status {
          if (std::this_thread::get_id() != caller) {
            ++ran_elsewhere;
          }
          std::this_thread::sleep_for(std::chrono::microseconds(50));  // long enough for others to queue
          const auto last = must(s.last_audit());
          if (auto appended = s.append_audit(sample_audit(last ? last->sequence + 1 : 1)); !appended.ok()) {
            return appended;
          }
          if (kind == 0) {
            return core::make_error(ErrorKind::kInvalidInput, "refused after appending");
          }
          if (kind == 1) {
            throw std::runtime_error("thrown after appending");
          }
          return {};
        });
        if (kind == 0) {
          EXPECT_TRUE(fails_with(status, ErrorKind::kInvalidInput, "refused after appending"));
        } else if (kind == 1) {
          EXPECT_TRUE(fails_with(status, ErrorKind::kInternal, "thrown after appending"));
        } else if (status.ok()) {
          ++committed;
        } else {
          ADD_FAILURE() << status.error().to_string();
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(committed.load(), kThreads * kEach * 3 / 5);
  const auto entries = read_in(store(), [](StoreSession& s) { return s.audit_entries(0, 1'000'000); });
  ASSERT_EQ(entries.size(), static_cast<std::size_t>(committed.load()));
  for (std::size_t k = 0; k < entries.size(); ++k) {
    EXPECT_EQ(entries[k].sequence, static_cast<std::int64_t>(k) + 1);
  }
  EXPECT_EQ(must(store().version()), committed.load());
  EXPECT_GT(ran_elsewhere.load(), 0) << "no work was ever batched with another thread's";
}

}  // namespace
}  // namespace covalue::testing
