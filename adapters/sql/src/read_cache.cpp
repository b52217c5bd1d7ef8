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

template <typename T, typename Read>
core::Result<T> CachedSession::cached(Rows rows, std::int64_t key, Read read) {
  if (reads_.changed(rows)) {
    return read();
  }
  if (!reads_.start_ && !reads_.appended_) {
    if (auto last = last_audit(); !last.ok()) {
      return last.error();
    }
  }
  if (!reads_.start_) {
    return read();  // the transaction appended before it read: its start is unknown
  }
  if (std::shared_ptr<const T> hit = reads_.cache_.find<T>(*reads_.start_, rows, key)) {
    return T(*hit);
  }
  core::Result<T> value = read();
  if (value.ok() && !reads_.changed(rows)) {
    reads_.read_.push_back({rows, key, std::make_shared<const T>(*value)});
  }
  return value;
}

core::Result<std::optional<program::AuditEntry>> CachedSession::last_audit() {
  if (reads_.last_) {
    return *reads_.last_;
  }
  // The epoch before the read: a change without audit entry handed over after it may be newer than
  // this start.
  const std::uint64_t epoch = reads_.cache_.epoch();
  core::Result<std::optional<program::AuditEntry>> last = inner_.last_audit();
  if (!last.ok()) {
    return last;
  }
  reads_.last_ = *last;
  if (!reads_.start_ && !reads_.appended_) {
    reads_.start_ = head_of(*last);
    reads_.epoch_ = epoch;
  }
  return last;
}

core::Status CachedSession::append_audit(const program::AuditEntry& entry) {
  core::Status appended = inner_.append_audit(entry);
  if (appended.ok()) {
    reads_.appended_ = true;
    reads_.last_ = entry;
  } else {
    reads_.last_.reset();
  }
  return appended;
}

core::Result<std::vector<program::AuditEntry>> CachedSession::audit_entries(std::int64_t after, std::int64_t limit) {
  return inner_.audit_entries(after, limit);
}

core::Result<std::optional<net::Charter>> CachedSession::charter() {
  return cached<std::optional<net::Charter>>(Rows::kCharter, -1, [&] { return inner_.charter(); });
}

core::Status CachedSession::save_charter(const net::Charter& charter) {
  reads_.change(Rows::kCharter);
  return inner_.save_charter(charter);
}

core::Result<net::PartnerId> CachedSession::insert_partner(const net::Partner& partner) {
  reads_.change(Rows::kPartners);
  return inner_.insert_partner(partner);
}

core::Status CachedSession::update_partner(const net::Partner& partner) {
  reads_.change(Rows::kPartners);
  return inner_.update_partner(partner);
}

core::Result<std::vector<net::Partner>> CachedSession::partners() {
  return cached<std::vector<net::Partner>>(Rows::kPartners, -1, [&] { return inner_.partners(); });
}

core::Result<net::ObjectiveId> CachedSession::insert_objective(const net::Objective& objective) {
  reads_.change(Rows::kObjectives);
  return inner_.insert_objective(objective);
}

core::Result<std::vector<net::Objective>> CachedSession::objectives() {
  return cached<std::vector<net::Objective>>(Rows::kObjectives, -1, [&] { return inner_.objectives(); });
}

core::Result<net::InitiativeId> CachedSession::insert_initiative(const net::Initiative& initiative) {
  reads_.change(Rows::kInitiatives);
  return inner_.insert_initiative(initiative);
}

core::Status CachedSession::update_initiative(const net::Initiative& initiative) {
  reads_.change(Rows::kInitiatives);
  return inner_.update_initiative(initiative);
}

core::Result<std::vector<net::Initiative>> CachedSession::initiatives() {
  return cached<std::vector<net::Initiative>>(Rows::kInitiatives, -1, [&] { return inner_.initiatives(); });
}

core::Result<std::vector<net::Initiative>> CachedSession::initiatives_in_cycle(net::CycleNumber cycle) {
  return cached<std::vector<net::Initiative>>(Rows::kInitiatives, cycle,
                                              [&] { return inner_.initiatives_in_cycle(cycle); });
}

core::Status CachedSession::insert_cycle(const net::Cycle& cycle) {
  reads_.change(Rows::kCycles);
  return inner_.insert_cycle(cycle);
}

core::Status CachedSession::update_cycle(const net::Cycle& cycle) {
  reads_.change(Rows::kCycles);
  return inner_.update_cycle(cycle);
}

core::Result<std::vector<net::Cycle>> CachedSession::cycles() {
  return cached<std::vector<net::Cycle>>(Rows::kCycles, -1, [&] { return inner_.cycles(); });
}

core::Status CachedSession::put_ballot(const net::PartnerBallot& ballot) {
  reads_.change(Rows::kBallots);
  return inner_.put_ballot(ballot);
}

core::Result<std::vector<net::PartnerBallot>> CachedSession::ballots(net::CycleNumber cycle) {
  return cached<std::vector<net::PartnerBallot>>(Rows::kBallots, cycle, [&] { return inner_.ballots(cycle); });
}

core::Status CachedSession::save_outcome(const net::CycleOutcome& outcome) {
  reads_.change(Rows::kOutcomes);
  return inner_.save_outcome(outcome);
}

core::Result<std::vector<net::CycleOutcome>> CachedSession::outcomes() {
  return cached<std::vector<net::CycleOutcome>>(Rows::kOutcomes, -1, [&] { return inner_.outcomes(); });
}

core::Status CachedSession::put_realised_value(const net::RealisedValue& value) {
  reads_.change(Rows::kRealised);
  return inner_.put_realised_value(value);
}

core::Result<std::vector<net::RealisedValue>> CachedSession::realised_values() {
  return cached<std::vector<net::RealisedValue>>(Rows::kRealised, -1, [&] { return inner_.realised_values(); });
}

core::Status CachedSession::put_kpi_measurement(const net::KpiMeasurement& measurement) {
  reads_.change(Rows::kKpis);
  return inner_.put_kpi_measurement(measurement);
}

core::Result<std::vector<net::KpiMeasurement>> CachedSession::kpi_measurements() {
  return cached<std::vector<net::KpiMeasurement>>(Rows::kKpis, -1, [&] { return inner_.kpi_measurements(); });
}

core::Result<std::optional<net::Scorecard>> CachedSession::scorecard() {
  return cached<std::optional<net::Scorecard>>(Rows::kScorecard, -1, [&] { return inner_.scorecard(); });
}

core::Status CachedSession::save_scorecard(const net::Scorecard& scorecard) {
  reads_.change(Rows::kScorecard);
  return inner_.save_scorecard(scorecard);
}

core::Status CachedSession::put_initiative_score(const net::InitiativeScore& score) {
  reads_.change(Rows::kScores);
  return inner_.put_initiative_score(score);
}

core::Result<std::vector<net::InitiativeScore>> CachedSession::initiative_scores() {
  return cached<std::vector<net::InitiativeScore>>(Rows::kScores, -1, [&] { return inner_.initiative_scores(); });
}

// Tokens are not cached: authentication must see a revocation at once, and reads them by secret.
core::Result<program::TokenId> CachedSession::insert_token(const program::AccessToken& token) {
  return inner_.insert_token(token);
}

core::Result<std::optional<program::AccessToken>> CachedSession::find_token(const std::string& secret_hash) {
  return inner_.find_token(secret_hash);
}

core::Status CachedSession::revoke_token(program::TokenId id) { return inner_.revoke_token(id); }

core::Result<std::vector<program::AccessToken>> CachedSession::tokens() { return inner_.tokens(); }

// People are not cached: few rows, read by the use cases that manage them and by token issue.
core::Result<program::PersonId> CachedSession::insert_person(const program::Person& person) {
  return inner_.insert_person(person);
}

core::Status CachedSession::remove_person(program::PersonId id) { return inner_.remove_person(id); }

core::Result<std::vector<program::Person>> CachedSession::people() { return inner_.people(); }

// Passwords, sessions and links are never cached: every read goes to the database.
core::Result<std::optional<std::string>> CachedSession::password_hash(program::PersonId person) {
  return inner_.password_hash(person);
}

core::Status CachedSession::set_password_hash(program::PersonId person, const std::string& hash) {
  return inner_.set_password_hash(person, hash);
}

core::Result<std::int64_t> CachedSession::insert_web_session(const program::WebSession& session) {
  return inner_.insert_web_session(session);
}

core::Result<std::optional<program::WebSession>> CachedSession::find_web_session(const std::string& secret_hash) {
  return inner_.find_web_session(secret_hash);
}

core::Status CachedSession::touch_web_session(std::int64_t id, const std::string& last_seen_at) {
  return inner_.touch_web_session(id, last_seen_at);
}

core::Status CachedSession::revoke_web_session(std::int64_t id) { return inner_.revoke_web_session(id); }

core::Result<std::int64_t> CachedSession::revoke_person_sessions(program::PersonId person, const std::string& now) {
  return inner_.revoke_person_sessions(person, now);
}

core::Result<std::int64_t> CachedSession::insert_password_link(const program::PasswordLink& link) {
  return inner_.insert_password_link(link);
}

core::Result<std::optional<program::PasswordLink>> CachedSession::find_password_link(const std::string& secret_hash) {
  return inner_.find_password_link(secret_hash);
}

core::Status CachedSession::close_password_links(program::PersonId person) {
  return inner_.close_password_links(person);
}

}  // namespace covalue::adapters::sql
