// The archive's encoder (archive_json.hpp): the API's JSON forms of each record, one record per line.
#include <algorithm>
#include <string>
#include <vector>

#include "archive_shape.hpp"

#include "covalue/adapters/json/access_json.hpp"
#include "covalue/adapters/json/archive_json.hpp"
#include "covalue/adapters/json/cycle_outcome_json.hpp"
#include "covalue/adapters/json/program_json.hpp"

namespace covalue::adapters::json {
namespace {

using nlohmann::json;
namespace net = core::network;

//! A person with its e-mail address (empty once removed) and whether it was removed.
json person_to_archive(const program::Person& person) {
  json out = person_to_json(person);
  out["email"] = person.email;
  out["removed"] = person.removed;
  return out;
}

//! A token with its secret hash, which the API form leaves out.
json archived_token(const program::AccessToken& token) {
  json out = access_token_to_json(token);
  out["secret_hash"] = token.secret_hash;
  return out;
}

//! Writes the archive's members, each `"key":` and its value (compact), then `,` and a newline.
class ArchiveWriter {
 public:
  explicit ArchiveWriter(std::string& out) : out_(out) {}

  //! One member holding one value.
  void member(const char* key, const json& value) { out_ += std::string("\"") + key + "\":" + dump(value) + ",\n"; }

  //! One member holding a list, one record per line.
  template <typename T, typename Encode>
  void list(const char* key, const std::vector<T>& rows, Encode encode) {
    out_ += std::string("\"") + key + "\":[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out_ += (i == 0 ? "\n" : ",\n") + dump(encode(rows[i]));
    }
    out_ += rows.empty() ? "],\n" : "\n],\n";
  }

 private:
  //! Compact JSON; UTF-8 as is (a text that is not valid UTF-8 throws json::type_error, caught by the caller).
  static std::string dump(const json& value) { return value.dump(); }

  std::string& out_;
};

}  // namespace

core::Result<std::string> archive_to_text(const program::NetworkArchive& archive) {
  std::string out = "{";
  ArchiveWriter writer(out);
  try {
    writer.member("format", std::string(kArchiveFormat));
    writer.member("version", kArchiveVersion);
    writer.member("charter", charter_to_json(archive.charter));
    writer.list("partners", archive.partners, partner_to_json);
    writer.list("objectives", archive.objectives, objective_to_json);
    writer.list("initiatives", archive.initiatives, initiative_to_json);
    writer.list("cycles", archive.cycles, cycle_to_json);
    writer.list("ballots", archive.ballots, ballot_to_json);
    writer.list("outcomes", archive.outcomes, cycle_outcome_to_json);
    writer.list("realised_values", archive.realised, realised_value_to_json);
    writer.list("kpi_measurements", archive.kpis, kpi_measurement_to_json);
    writer.member("scorecard", archive.scorecard ? scorecard_to_json(*archive.scorecard) : json());
    writer.list("scores", archive.scores, initiative_score_to_json);
    writer.list("people", archive.people, [&](const program::Person& person) {
      json record = person_to_archive(person);
      const auto hash = archive.password_hashes.find(person.id);
      record["password_hash"] = hash == archive.password_hashes.end() ? json() : json(hash->second);
      return record;
    });
    writer.list("tokens", archive.tokens, archived_token);
    for (const program::ArchiveTableSpec& spec : program::archive_tables()) {
      static const std::vector<program::ArchiveRow> kNone;
      const auto table = std::find_if(archive.tables.begin(), archive.tables.end(),
                                      [&](const program::ArchiveTable& t) { return t.name == spec.name; });
      writer.list(spec.name, table == archive.tables.end() ? kNone : table->rows,
                  [&](const program::ArchiveRow& row) { return archive_row_to_json(spec, row); });
    }
    writer.list("audit", archive.audit, audit_entry_to_json);
  } catch (const json::type_error& error) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            std::string("a stored text cannot be written as JSON: ") + error.what());
  }
  // The list writer ends every member with ",\n": the last one ends the object instead.
  out.resize(out.size() - 2);
  out += "\n}\n";
  return out;
}

}  // namespace covalue::adapters::json
