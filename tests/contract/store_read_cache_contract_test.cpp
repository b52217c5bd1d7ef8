// The storage contract, part 5: reads kept between transactions (adapters/sql/read_cache.hpp) never
// show data older than the database's. A store keeps what it read while its network's audit chain
// stays where it was; a change from another store (another process), an undone change, and a change
// without an audit entry must all be seen at once.
#include <atomic>
#include <thread>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using program::StoreSession;

// Adds a partner named `name` with its audit entry, in one transaction of `store`.
void add_partner_in(program::Store& store, const std::string& name) {
  must(store.transact([&](StoreSession& s) { return add_partner(s, name); }));
}

std::unique_ptr<program::Store> same_network(program::Store& store) {
  auto other = store.open_network({.name_or_id = std::to_string(store.network())});
  EXPECT_TRUE(other.ok()) << other.error().to_string();
  return other.ok() ? std::move(other).value() : nullptr;
}

TEST_P(PersistentStoreContract, ReadsKeptBetweenTransactionsSeeAnotherStoresChange) {
  const Filled filled = fill();
  const std::size_t before = filled.expected.partners.size();
  ASSERT_EQ(partner_names(store()).size(), before);  // read (and kept) here
  auto other = same_network(store());
  ASSERT_NE(other, nullptr);
  add_partner_in(*other, "Joined elsewhere");
  const auto names = partner_names(store());
  ASSERT_EQ(names.size(), before + 1);
  EXPECT_EQ(names.back(), "Joined elsewhere");
  expect_same(snapshot(store()), snapshot(*other));
}

TEST_P(PersistentStoreContract, ReadsKeptBetweenTransactionsForgetAnUndoneChange) {
  const Filled filled = fill();
  ASSERT_EQ(partner_names(store()).size(), filled.expected.partners.size());
  const auto failed = store().transact([&](StoreSession& s) -> core::Status {
    must(s.insert_partner(sample_partner("Undone", net::Tier::kOther)));
    must(audit_next(s));
    EXPECT_EQ(must(s.partners()).size(), filled.expected.partners.size() + 1);  // seen inside
    return core::make_error(core::ErrorKind::kConflict, "changed my mind");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(partner_names(store()).size(), filled.expected.partners.size());
  // The chain ends where it did: the next entry follows the last committed one.
  add_partner_in(store(), "Kept");
  const auto names = partner_names(store());
  ASSERT_EQ(names.size(), filled.expected.partners.size() + 1);
  EXPECT_EQ(names.back(), "Kept");
  expect_same(snapshot(store()), snapshot(*same_network(store())));
}

TEST_P(PersistentStoreContract, ReadsKeptBetweenTransactionsSeeAChangeWithoutAuditEntry) {
  const Filled filled = fill();
  ASSERT_EQ(partner_names(store()).size(), filled.expected.partners.size());
  must(store().transact([](StoreSession& s) -> core::Status {
    if (auto id = s.insert_partner(sample_partner("Unaudited", net::Tier::kOther)); !id.ok()) {
      return id.error();
    }
    return {};
  }));
  EXPECT_EQ(partner_names(store()).back(), "Unaudited");
}

// Writers add partners while readers read them over and over: a reader never sees fewer partners than
// it saw before, and afterwards the store shows exactly what a store opened afresh shows.
TEST_P(PersistentStoreContract, ReadsKeptBetweenTransactionsStayFreshUnderConcurrency) {
  const Filled filled = fill();
  constexpr int kWriters = 3;
  constexpr int kAdds = 15;
  constexpr int kReaders = 3;
  std::atomic<bool> writing{true};
  std::atomic<int> regressions{0};
  std::vector<std::thread> readers;
  readers.reserve(kReaders);
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&] {
      std::size_t seen = 0;
      while (writing.load()) {
        const std::size_t now = partner_names(store()).size();
        if (now < seen) {
          regressions.fetch_add(1);
        }
        seen = now;
      }
    });
  }
  std::vector<std::thread> writers;
  writers.reserve(kWriters);
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto mine = w == 0 ? nullptr : same_network(store());  // writer 0 shares the readers' store
      for (int k = 0; k < kAdds; ++k) {
        add_partner_in(mine ? *mine : store(), "W" + std::to_string(w) + "-" + std::to_string(k));
      }
    });
  }
  for (auto& writer : writers) {
    writer.join();
  }
  writing = false;
  for (auto& reader : readers) {
    reader.join();
  }
  EXPECT_EQ(regressions.load(), 0);
  EXPECT_EQ(partner_names(store()).size(), filled.expected.partners.size() + std::size_t{kWriters} * kAdds);
  expect_same(snapshot(store()), snapshot(*same_network(store())));
}

// Store::read gives what was committed last, by any store, and refuses to run inside a transaction.
TEST_P(PersistentStoreContract, AReadSeesWhatWasCommittedLast) {
  const Filled filled = fill();
  auto other = same_network(store());
  ASSERT_NE(other, nullptr);
  const auto read_names = [&] {
    std::size_t count = 0;
    must(store().read([&](StoreSession& s) -> core::Status {
      count = must(s.partners()).size();
      return {};
    }));
    return count;
  };
  EXPECT_EQ(read_names(), filled.expected.partners.size());
  add_partner_in(*other, "Seen by the next read");
  EXPECT_EQ(read_names(), filled.expected.partners.size() + 1);
  core::Status nested;
  must(store().transact([&](StoreSession&) -> core::Status {
    nested = store().read([](StoreSession&) -> core::Status { return {}; });
    return {};
  }));
  EXPECT_TRUE(fails_with(nested, core::ErrorKind::kInternal, "inside a transaction"));
}

}  // namespace
}  // namespace covalue::testing
