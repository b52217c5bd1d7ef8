#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace covalue::program {

//! One appended state change. `hash` chains it to the entry before: SHA-256 over the previous hash
//! and this entry's fields, so altering or removing any row breaks every link after it.
struct AuditEntry {
  std::int64_t sequence{0};   //!< 1, 2, 3, ... in the order of the changes
  std::string time;           //!< ISO 8601 UTC, from the program's Clock
  std::string actor;          //!< Actor::name
  std::string action;         //!< the use case ("cast_ballot", "close_cycle", ...)
  std::string detail;         //!< what changed, as compact JSON
  std::string previous_hash;  //!< hex; 64 zeros for the first entry
  std::string hash;           //!< hex SHA-256 of the fields above

  bool operator==(const AuditEntry&) const = default;
};

//! The hash `entry` must carry given its fields (its own `hash` field is ignored).
[[nodiscard]] std::string audit_hash(const AuditEntry& entry);

//! What `covalue audit verify` reports.
struct AuditVerification {
  std::int64_t entries{0};                   //!< entries checked
  std::optional<std::int64_t> first_broken;  //!< sequence of the first entry whose link is broken
  std::string problem;                       //!< why it is broken ("hash does not match its fields", ...)

  [[nodiscard]] bool intact() const { return !first_broken; }
};

//! Checks a whole log, in sequence order: numbering without gaps, each previous_hash equal to the
//! hash before, each hash equal to audit_hash.
[[nodiscard]] AuditVerification verify_audit_chain(const std::vector<AuditEntry>& entries);

//! The program's clock port: the time stamped on audit entries and tokens.
class Clock {
 public:
  virtual ~Clock() = default;
  //! Now, as ISO 8601 UTC with milliseconds ("2026-11-23T06:30:00.123Z").
  [[nodiscard]] virtual std::string now() = 0;
};

//! The system clock.
class SystemClock final : public Clock {
 public:
  [[nodiscard]] std::string now() override;
};

}  // namespace covalue::program
