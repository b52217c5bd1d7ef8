#include "covalue/adapters/sql/read_cache.hpp"

#include <algorithm>

namespace covalue::adapters::sql {

namespace {

ChainHead head_of(const std::optional<program::AuditEntry>& last) {
  return last ? ChainHead{last->sequence, last->hash} : ChainHead{};
}

}  // namespace

std::uint64_t ReadCache::epoch() const {
  const std::lock_guard lock(mutex_);
  return epoch_;
}

void ReadCache::clear() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
  head_.reset();
  ++epoch_;
}

void ReadCache::committed(std::uint64_t epoch, const ChainHead& start, const ChainHead& end, std::uint32_t changed,
                          std::vector<Entry> read) {
  const std::lock_guard lock(mutex_);
  if (changed != 0 && end == start) {
    // Rows changed without an audit entry: the head no longer names the data. Forget everything, and
    // refuse the reads of transactions that started before (they may be older).
    entries_.clear();
    head_.reset();
    ++epoch_;
    return;
  }
  if (epoch != epoch_ || (head_ && head_->sequence > end.sequence)) {
    return;  // reads older than what the cache knows
  }
  if (head_ == start) {
    std::erase_if(entries_, [&](const auto& entry) { return (changed & bit(entry.first.first)) != 0; });
  } else {
    entries_.clear();  // the cache was at an older head (or none): start afresh from this transaction
  }
  head_ = end;
  for (Entry& entry : read) {
    if ((changed & bit(entry.rows)) == 0) {
      entries_.insert_or_assign({entry.rows, entry.key}, std::move(entry.value));
    }
  }
}

void TransactionReads::commit() {
  if (!start_) {
    if (changed_ != 0 || appended_) {
      cache_.clear();
    }
    return;
  }
  if (!last_ && appended_) {
    cache_.clear();  // an undone work hid where the chain ends now
    return;
  }
  const ChainHead end = last_ ? head_of(*last_) : *start_;
  cache_.committed(epoch_, *start_, end, changed_, std::move(read_));
}

core::Result<std::optional<program::AuditEntry>> TransactionReads::head(
    const std::function<core::Result<std::optional<program::AuditEntry>>()>& read) {
  if (last_) {
    return *last_;
  }
  // The epoch before the read: a change without audit entry handed over after it may be newer than
  // this start.
  const std::uint64_t epoch = cache_.epoch();
  core::Result<std::optional<program::AuditEntry>> last = read();
  if (!last.ok()) {
    return last;
  }
  last_ = *last;
  if (!start_ && !appended_) {
    start_ = head_of(*last);
    epoch_ = epoch;
  }
  return last;
}

void TransactionReads::appended(const core::Status& appended, const program::AuditEntry& entry) {
  if (appended.ok()) {
    appended_ = true;
    last_ = entry;
  } else {
    last_.reset();
  }
}

}  // namespace covalue::adapters::sql
