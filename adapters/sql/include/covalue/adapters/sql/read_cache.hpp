#pragma once

// A network's committed reads kept between transactions, so that a ballot cast does not read the
// charter, the partners, the cycle's initiatives and the cycles again after every other cast.
//
// Every change covalue makes appends to the network's audit chain, so the chain's last entry (its
// head) names the state of the data: reads kept at one head are valid in any later transaction that
// starts at the same head. A transaction reads the head first (the read the audit append needs
// anyway), serves each kind of rows it has not changed itself from the cache when the cache is at
// that head, and after COMMIT hands the cache what it read and what it changed: the kinds it changed
// are forgotten, the rest stay valid at the transaction's new head.
//
// The cache takes a transaction's reads only when they are not older than what it knows: at its own
// head, or at a newer one (it then starts afresh). Writes that append no audit entry (the storage
// contract suite makes some) leave the head where it was, so they empty the cache and start a new
// epoch: the reads of transactions that began before are refused. Another process's change moves the
// head, so the cache simply misses; every change covalue makes is audited, and a change made to the
// database behind covalue's back without an audit entry is not seen by a cache (nor by the chain).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covalue/program/store.hpp"

namespace covalue::adapters::sql {

namespace net = core::network;

//! The kinds of rows a transaction reads as a whole and the cache keeps.
enum class Rows : std::uint8_t {
  kCharter,
  kPartners,
  kObjectives,
  kInitiatives,  // of the network, and of each cycle
  kCycles,       // with their shortlists
  kBallots,      // of each cycle
  kOutcomes,
  kRealised,
  kKpis,
  kScorecard,
  kScores,
};

//! Where a network's audit chain ends: sequence 0 (and no hash) for an empty chain.
struct ChainHead {
  std::int64_t sequence{0};
  std::string hash;
  bool operator==(const ChainHead&) const = default;
};

//! The cache of one network, shared by the store's transactions (thread-safe).
class ReadCache {
 public:
  //! A value read at some head: the rows of `rows` (for `key`: a cycle, or -1 for all).
  struct Entry {
    Rows rows;
    std::int64_t key;
    std::shared_ptr<const void> value;
  };

  //! The value kept for (`rows`, `key`) when the cache is at `head`; empty otherwise.
  template <typename T>
  [[nodiscard]] std::shared_ptr<const T> find(const ChainHead& head, Rows rows, std::int64_t key) const {
    const std::lock_guard lock(mutex_);
    if (head_ != head) {
      return {};
    }
    const auto found = entries_.find({rows, key});
    return found == entries_.end() ? nullptr : std::static_pointer_cast<const T>(found->second);
  }

  //! A number that grows whenever the cache is emptied because rows changed without an audit entry.
  [[nodiscard]] std::uint64_t epoch() const;

  //! After a COMMIT: a transaction that started at `start` (in epoch `epoch`), ended at `end`, changed
  //! the kinds in `changed` (a bit per Rows) and read `read` (at `start`, of kinds it had not changed).
  void committed(std::uint64_t epoch, const ChainHead& start, const ChainHead& end, std::uint32_t changed,
                 std::vector<Entry> read);
  //! Forgets everything and starts a new epoch (a transaction changed rows where the chain's head cannot
  //! tell).
  void clear();

  //! The bit of `rows` in a set of kinds.
  [[nodiscard]] static std::uint32_t bit(Rows rows) { return 1U << static_cast<unsigned>(rows); }

 private:
  mutable std::mutex mutex_;
  std::uint64_t epoch_{0};
  std::optional<ChainHead> head_;
  std::map<std::pair<Rows, std::int64_t>, std::shared_ptr<const void>> entries_;
};

//! What one transaction knows of the cache: where it started, what it changed and read. A transaction
//! may run several works, each on a Session of its own (a SQLite batch); commit() after COMMIT.
class TransactionReads {
 public:
  explicit TransactionReads(ReadCache& cache) : cache_(cache) {}

  //! A work of the transaction was undone (rolled back to its savepoint): what it appended is gone.
  void work_undone() { last_.reset(); }
  //! The transaction committed: hands its reads and changes to the cache.
  void commit();

  //! A work is about to change rows of `rows`: the transaction reads them from the database from now on.
  void change(Rows rows) { changed_ |= ReadCache::bit(rows); }
  //! The chain's last entry as the transaction sees it: known, or read now by `read()`.
  [[nodiscard]] core::Result<std::optional<program::AuditEntry>> head(
      const std::function<core::Result<std::optional<program::AuditEntry>>()>& read);
  //! A work appended `entry` (ok `appended`) or failed to.
  void appended(const core::Status& appended, const program::AuditEntry& entry);

  //! The rows of `rows` (`key`) from the cache when it is valid for this transaction, else `read()`;
  //! `head()` reads the chain's head first when the transaction has not yet.
  template <typename T, typename Read, typename Head>
  [[nodiscard]] core::Result<T> cached(Rows rows, std::int64_t key, Read read, Head head) {
    if (changed(rows)) {
      return read();
    }
    if (!start_ && !appended_) {
      if (auto last = head(); !last.ok()) {
        return last.error();
      }
    }
    if (!start_) {
      return read();  // the transaction appended before it read: its start is unknown
    }
    if (std::shared_ptr<const T> hit = cache_.find<T>(*start_, rows, key)) {
      return T(*hit);
    }
    core::Result<T> value = read();
    if (value.ok() && !changed(rows)) {
      read_.push_back({rows, key, std::make_shared<const T>(*value)});
    }
    return value;
  }

 private:
  [[nodiscard]] bool changed(Rows rows) const { return (changed_ & ReadCache::bit(rows)) != 0; }

  ReadCache& cache_;
  std::optional<ChainHead> start_;                          // the head when the transaction began
  std::uint64_t epoch_{0};                                  // the cache's epoch then
  std::optional<std::optional<program::AuditEntry>> last_;  // the newest entry as the transaction sees it
  bool appended_{false};                                    // some work appended an audit entry
  std::uint32_t changed_{0};                                // a bit per Rows changed
  std::vector<ReadCache::Entry> read_;                      // read from the database at start_, unchanged
};

}  // namespace covalue::adapters::sql
