// libFuzzer target of the JSON codecs of adapters/json that read what a person or a file hands over:
// the cycle outcome records, the solution documents `covalue pb verify` reads (against a fixed
// election), the program's decoders of request bodies, and network archives (`network import`). The first byte picks
// the reader (one of kReaders; any other byte picks byte % the count), the rest is the JSON text. Oracles: no exception
// escapes a reader; an error is kInvalidInput with a message and a JSON path below the reader's root; a document read,
// written and read again gives the same value, and writing that value again gives the same document. Aborts on any
// breach.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/adapters/json/archive_json.hpp"
#include "covalue/adapters/json/cycle_outcome_json.hpp"
#include "covalue/adapters/json/outcome_json.hpp"
#include "covalue/adapters/json/program_json.hpp"
#include "covalue/adapters/pabulib/pb_file.hpp"

namespace {

namespace cj = covalue::adapters::json;
namespace core = covalue::core;
using nlohmann::json;

//! The letters that pick a reader, in the order of the switch in LLVMFuzzerTestOneInput.
constexpr std::string_view kReaders = "oscjibrkda";

//! The election the solution documents speak of: four projects, four voters.
constexpr std::string_view kElection =
    "META\nkey;value\ndescription;json fuzzer\nnum_projects;4\nnum_votes;4\nbudget;100\nvote_type;approval\n"
    "PROJECTS\nproject_id;cost\np1;40\np2;30\np3;50\np4;20\n"
    "VOTES\nvoter_id;vote\nv1;p1,p2\nv2;p2,p3\nv3;p1,p4\nv4;p3\n";

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "json_fuzzer: %s\n%s\n", what, detail.c_str());
  std::abort();
}

//! An error must be kInvalidInput, say something, and name a JSON path below `root`.
void expect_located(const core::Error& error, std::string_view root) {
  if (error.kind != core::ErrorKind::kInvalidInput || error.message.empty() || error.where.rfind(root, 0) != 0) {
    fail("an error without kind, message or JSON path", error.to_string());
  }
}

//! read -> write -> read is the identity and writing is stable; `strip` removes the members the writer
//! adds and the reader does not take (ids and states the program sets).
template <typename T, typename Read, typename Write>
void round_trip(const json& document, std::string_view root, Read read, Write write,
                const std::vector<std::string>& strip = {}) {
  core::Result<T> first = read(document);
  if (!first.ok()) {
    expect_located(first.error(), root);
    return;
  }
  json written = write(*first);
  for (const std::string& key : strip) {
    written.erase(key);
  }
  core::Result<T> second = read(written);
  if (!second.ok()) {
    fail("the written document does not read back", second.error().to_string() + "\n" + written.dump());
  }
  if (!(*second == *first)) {
    fail("read -> write -> read changed the value", written.dump());
  }
  json again = write(*second);
  for (const std::string& key : strip) {
    again.erase(key);
  }
  if (again != written) {
    fail("writing the re-read value gave another document", written.dump() + "\n" + again.dump());
  }
}

struct Election {
  covalue::adapters::pabulib::PbFile file;
  core::ApprovalProfile profile;
};

const Election& election() {
  static const Election* parsed = [] {
    auto file = covalue::adapters::pabulib::parse_pabulib(kElection, "election");
    if (!file.ok()) {
      fail("the fixed election does not parse", file.error().to_string());
    }
    auto profile = core::ApprovalProfile::from_profile(file->profile, file->instance.size());
    return new Election{std::move(*file), std::move(profile)};  // lives as long as the process
  }();
  return *parsed;
}

bool same_options(const core::rules::RuleOptions& a, const core::rules::RuleOptions& b) {
  return a.rule == b.rule && a.sat == b.sat && a.completion == b.completion && a.tie == b.tie &&
         a.irresolute == b.irresolute && a.increment == b.increment;
}

//! A solution document: read, write, read. A resolute document keeps its first outcome only.
void solution_round_trip(const json& document) {
  const Election& e = election();
  auto first = cj::solution_from_json(document, e.file.instance, e.profile);
  if (!first.ok()) {
    expect_located(first.error(), "$");
    return;
  }
  if (first->outcomes.empty()) {
    fail("a solution without any outcome was accepted", document.dump());
  }
  const json written = cj::solution_to_json(e.file.instance, e.profile, first->options, first->outcomes);
  auto second = cj::solution_from_json(written, e.file.instance, e.profile);
  if (!second.ok()) {
    fail("the written solution does not read back", second.error().to_string() + "\n" + written.dump());
  }
  std::vector<core::Outcome> kept = first->outcomes;
  if (!first->options.irresolute) {
    kept.resize(1);
  }
  if (!same_options(first->options, second->options) || second->outcomes != kept) {
    fail("read -> write -> read changed the solution", written.dump());
  }
  if (cj::solution_to_json(e.file.instance, e.profile, second->options, second->outcomes) != written) {
    fail("writing the re-read solution gave another document", written.dump());
  }
}

//! A network archive: read, write as text, read the text back; the value and the text stay the same.
void archive_round_trip(const json& document) {
  auto first = cj::archive_from_json(document);
  if (!first.ok()) {
    expect_located(first.error(), "$");
    return;
  }
  auto text = cj::archive_to_text(*first);
  if (!text.ok()) {
    fail("an archive read does not write", text.error().to_string());
  }
  auto second = cj::archive_from_text(*text);
  if (!second.ok()) {
    fail("the written archive does not read back", second.error().to_string() + "\n" + *text);
  }
  if (!(*second == *first)) {
    fail("read -> write -> read changed the archive", *text);
  }
  auto again = cj::archive_to_text(*second);
  if (!again.ok() || *again != *text) {
    fail("writing the re-read archive gave another text", *text);
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  namespace net = core::network;
  const std::size_t letter = kReaders.find(static_cast<char>(data[0]));
  const std::size_t reader = letter != std::string_view::npos ? letter : data[0] % kReaders.size();
  const json document = json::parse(data + 1, data + size, nullptr, false);
  if (document.is_discarded()) {
    return 0;
  }
  const auto at = [](auto decode) { return [decode](const json& node) { return decode(node, "body"); }; };
  switch (reader) {
    case 0:
      round_trip<net::CycleOutcome>(document, "$", cj::cycle_outcome_from_json, cj::cycle_outcome_to_json);
      break;
    case 1:
      solution_round_trip(document);
      break;
    case 2:
      round_trip<net::Charter>(
          document, "body", [](const json& node) { return cj::charter_from_json(node, "body", net::Charter{}); },
          cj::charter_to_json);
      break;
    case 3:
      round_trip<net::Objective>(document, "body", at(cj::objective_from_json), cj::objective_to_json, {"id"});
      break;
    case 4:
      round_trip<net::Initiative>(document, "body", at(cj::initiative_from_json), cj::initiative_to_json,
                                  {"id", "status", "undecided", "cycle", "lead", "nominees", "network_value"});
      break;
    case 5:
      round_trip<net::PartnerBallot>(document, "body", at(cj::ballot_from_json), cj::ballot_to_json,
                                     {"cycle", "partner"});
      break;
    case 6:
      round_trip<net::RealisedValue>(document, "body", at(cj::realised_value_from_json), cj::realised_value_to_json);
      break;
    case 7:
      round_trip<net::KpiMeasurement>(document, "body", at(cj::kpi_measurement_from_json), cj::kpi_measurement_to_json);
      break;
    case 8:
      round_trip<net::Scorecard>(document, "body", at(cj::scorecard_from_json), cj::scorecard_to_json);
      break;
    default:
      archive_round_trip(document);
      break;
  }
  return 0;
}
