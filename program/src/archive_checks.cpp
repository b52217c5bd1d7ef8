// The import's checks of the archive's tables carried row by row (archive_checks.hpp).
#include "archive_checks.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "covalue/program/discussion.hpp"

namespace covalue::program {
namespace {

using core::ErrorKind;
using core::make_error;

//! The ids each part of the archive holds, which other rows may name.
class KnownIds {
 public:
  explicit KnownIds(const NetworkArchive& archive) {
    for (const auto& partner : archive.partners) {
      ids_[ArchiveReference::kPartner].insert(partner.id);
    }
    for (const auto& person : archive.people) {
      ids_[ArchiveReference::kPerson].insert(person.id);
    }
    for (const auto& initiative : archive.initiatives) {
      ids_[ArchiveReference::kInitiative].insert(initiative.id);
    }
    for (const auto& cycle : archive.cycles) {
      ids_[ArchiveReference::kCycle].insert(cycle.number);
    }
    add_keys(archive, "comments", ArchiveReference::kComment);
    add_keys(archive, "notification_events", ArchiveReference::kEvent);
    add_keys(archive, "webhooks", ArchiveReference::kWebhook);
    add_keys(archive, "charter_proposals", ArchiveReference::kProposal);
    add_keys(archive, "coordinator_elections", ArchiveReference::kElection);
  }

  //! True when the archive holds a row of `kind` with this id.
  [[nodiscard]] bool holds(ArchiveReference kind, std::int64_t id) const {
    const auto found = ids_.find(kind);
    return found != ids_.end() && found->second.contains(id);
  }

 private:
  void add_keys(const NetworkArchive& archive, const char* table, ArchiveReference kind) {
    for (const ArchiveTable& rows : archive.tables) {
      if (rows.name != table) {
        continue;
      }
      for (const ArchiveRow& row : rows.rows) {
        if (!row.empty()) {
          if (const auto* id = std::get_if<std::int64_t>(&row.front())) {
            ids_[kind].insert(*id);
          }
        }
      }
    }
  }

  std::map<ArchiveReference, std::set<std::int64_t>> ids_;
};

//! The word for a kind of row, in errors.
const char* noun(ArchiveReference kind) {
  switch (kind) {
    case ArchiveReference::kPartner:
    case ArchiveReference::kPartnerOrZero:
      return "partner";
    case ArchiveReference::kPerson:
      return "person";
    case ArchiveReference::kInitiative:
      return "initiative";
    case ArchiveReference::kCycle:
      return "cycle";
    case ArchiveReference::kComment:
      return "comment";
    case ArchiveReference::kEvent:
      return "notification event";
    case ArchiveReference::kWebhook:
      return "webhook";
    case ArchiveReference::kProposal:
      return "charter proposal";
    case ArchiveReference::kElection:
      return "coordinator election";
    case ArchiveReference::kNone:
    case ArchiveReference::kSubject:
      break;
  }
  return "row";
}

//! The kind of row a subject (`subject_kind` of the same row) names.
ArchiveReference subject_reference(const ArchiveTableSpec& spec, const ArchiveRow& row) {
  for (std::size_t i = 0; i < spec.columns.size() && i < row.size(); ++i) {
    if (std::string_view(spec.columns[i].name) != "subject_kind") {
      continue;
    }
    const auto* text = std::get_if<std::string>(&row[i]);
    auto kind = text != nullptr ? core::parse_name<SubjectKind>(*text) : core::Result<SubjectKind>(SubjectKind{});
    if (!kind) {
      return ArchiveReference::kNone;
    }
    switch (*kind) {
      case SubjectKind::kInitiative:
        return ArchiveReference::kInitiative;
      case SubjectKind::kCycle:
        return ArchiveReference::kCycle;
      case SubjectKind::kCharterProposal:
        return ArchiveReference::kProposal;
    }
  }
  return ArchiveReference::kNone;
}

//! The value's type (and text) suits its column.
core::Status check_value(const ArchiveColumn& column, const ArchiveValue& value, const std::string& where) {
  if (std::holds_alternative<std::monostate>(value)) {
    return column.nullable ? core::Status() : make_error(ErrorKind::kInvalidInput, "must not be null", where);
  }
  switch (column.type) {
    case ArchiveColumnType::kInteger:
      return std::holds_alternative<std::int64_t>(value)
                 ? core::Status()
                 : make_error(ErrorKind::kInvalidInput, "expected an integer", where);
    case ArchiveColumnType::kBoolean:
      return std::holds_alternative<bool>(value)
                 ? core::Status()
                 : make_error(ErrorKind::kInvalidInput, "expected true or false", where);
    case ArchiveColumnType::kText:
      break;
  }
  const auto* text = std::get_if<std::string>(&value);
  if (text == nullptr) {
    return make_error(ErrorKind::kInvalidInput, "expected a string", where);
  }
  if (text->find('\0') != std::string::npos) {
    return make_error(ErrorKind::kInvalidInput, "a text may not hold a NUL character", where);
  }
  return column.check != nullptr ? column.check(*text, where) : core::Status();
}

//! The value names a row the archive holds.
core::Status check_reference(ArchiveReference kind, const ArchiveValue& value, const KnownIds& known,
                             const std::string& where) {
  const auto* id = std::get_if<std::int64_t>(&value);
  if (kind == ArchiveReference::kNone || id == nullptr || (kind == ArchiveReference::kPartnerOrZero && *id == 0)) {
    return {};
  }
  if (!known.holds(kind, *id)) {
    return make_error(ErrorKind::kNotFound,
                      std::string("no ") + noun(kind) + (kind == ArchiveReference::kCycle ? " " : " with id ") +
                          std::to_string(*id) + " in the archive; nothing was imported",
                      where);
  }
  return {};
}

core::Status check_rows(const ArchiveTableSpec& spec, const ArchiveTable& table, const KnownIds& known) {
  std::set<ArchiveRow> keys;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const ArchiveRow& row = table.rows[r];
    const std::string at = "$." + table.name + "[" + std::to_string(r) + "]";
    if (row.size() != spec.columns.size()) {
      return make_error(
          ErrorKind::kInvalidInput,
          "expected " + std::to_string(spec.columns.size()) + " values, not " + std::to_string(row.size()), at);
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      const ArchiveColumn& column = spec.columns[c];
      const std::string where = at + "." + column.name;
      ArchiveReference kind =
          column.refers_to == ArchiveReference::kSubject ? subject_reference(spec, row) : column.refers_to;
      if (column.refers_to == ArchiveReference::kSubject && kind == ArchiveReference::kCycle &&
          row[c] == ArchiveValue(std::int64_t{0})) {
        kind = ArchiveReference::kNone;  // an activity about no cycle (before the first, a charter proposal's)
      }
      if (core::Status value = check_value(column, row[c], where); !value) {
        return value;
      }
      if (core::Status reference = check_reference(kind, row[c], known, where); !reference) {
        return reference;
      }
    }
    if (!keys.insert(ArchiveRow(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(spec.key_size))).second) {
      return make_error(ErrorKind::kInvalidInput,
                        std::string("a second row with the same ") + spec.columns[0].name +
                            (spec.key_size > 1 ? " (and the rest of its key)" : "") + "; nothing was imported",
                        at);
    }
  }
  return {};
}

}  // namespace

core::Status check_archive_tables(const NetworkArchive& archive) {
  const KnownIds known(archive);
  std::set<std::string> seen;
  for (const ArchiveTable& table : archive.tables) {
    const ArchiveTableSpec* spec = archive_table(table.name);
    if (spec == nullptr) {
      return make_error(ErrorKind::kInvalidInput, "not a table an archive carries", "$." + table.name);
    }
    if (!seen.insert(table.name).second) {
      return make_error(ErrorKind::kInvalidInput, "the table is given twice", "$." + table.name);
    }
    if (core::Status rows = check_rows(*spec, table, known); !rows) {
      return rows;
    }
  }
  for (const auto& entry : archive.password_hashes) {
    const PersonId person = entry.first;
    const std::string& hash = entry.second;
    const auto row =
        std::find_if(archive.people.begin(), archive.people.end(), [&](const Person& p) { return p.id == person; });
    if (row == archive.people.end()) {
      return make_error(ErrorKind::kNotFound,
                        "a password hash of person " + std::to_string(person) + ", who is not in the archive",
                        "$.people");
    }
    const std::string where = "$.people[" + std::to_string(row - archive.people.begin()) + "].password_hash";
    if (row->removed) {
      return make_error(ErrorKind::kInvalidInput, "a removed person has no password: null", where);
    }
    if (hash.empty() || hash.size() > 1024 || hash.find_first_of(std::string("\0\n\r", 3)) != std::string::npos) {
      return make_error(ErrorKind::kInvalidInput, "not a password hash (an Argon2id string)", where);
    }
  }
  return {};
}

}  // namespace covalue::program
