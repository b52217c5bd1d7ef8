#include "covalue/adapters/json/perpetual_json.hpp"

#include <optional>

namespace covalue::adapters::json {
namespace {

namespace perpetual = core::perpetual;
using nlohmann::json;

// Reads the members of one line; the first problem found is kept.
class LineReader {
 public:
  LineReader(const json& row, std::string where) : row_(row), where_(std::move(where)) {}

  [[nodiscard]] bool ok() const { return !error_; }
  [[nodiscard]] const core::Error& error() const { return *error_; }
  void fail(const std::string& member, const std::string& message) {
    if (!error_) {
      error_ = core::make_error(core::ErrorKind::kInvalidInput, member + ": " + message, where_);
    }
  }
  // The member, or nullptr (and an error) when it is missing.
  const json* need(const char* key) {
    auto it = row_.find(key);
    if (it == row_.end()) {
      fail(key, "missing");
      return nullptr;
    }
    return &*it;
  }
  std::size_t count(const char* key, std::size_t max) {
    const json* node = need(key);
    if (node == nullptr) {
      return 0;
    }
    if (!node->is_number_unsigned() || node->get<std::uint64_t>() == 0 || node->get<std::uint64_t>() > max) {
      fail(key, "expected an integer from 1 to " + std::to_string(max) + ", got " + excerpt(*node));
      return 0;
    }
    return node->get<std::size_t>();
  }
  // A short quote of a value: scalars as JSON, containers by their kind (never dumped: they may nest deep).
  static std::string excerpt(const json& node) {
    if (node.is_array() || node.is_object()) {
      return node.is_array() ? "a list" : "an object";
    }
    std::string text = node.dump(-1, ' ', false, json::error_handler_t::replace);
    constexpr std::size_t kShown = 40;
    return text.size() > kShown ? text.substr(0, kShown) + "..." : text;
  }

 private:
  const json& row_;
  std::string where_;
  std::optional<core::Error> error_;
};

template <typename E>
std::optional<E> read_name(LineReader& reader, const char* key) {
  const json* node = reader.need(key);
  if (node == nullptr) {
    return std::nullopt;
  }
  if (!node->is_string()) {
    reader.fail(key, "expected a string, got " + LineReader::excerpt(*node));
    return std::nullopt;
  }
  auto value = core::parse_name<E>(node->get<std::string>());
  if (!value) {
    reader.fail(key, value.error().message);
    return std::nullopt;
  }
  return *value;
}

std::optional<perpetual::AbsenceMode> read_absence(LineReader& reader) {
  const json* node = reader.need("missing_rule");
  if (node == nullptr) {
    return std::nullopt;
  }
  if (node->is_null()) {
    return perpetual::AbsenceMode::kStrict;
  }
  if (node->is_string() && (*node == "empty" || *node == "ignore")) {
    return *node == "empty" ? perpetual::AbsenceMode::kEmpty : perpetual::AbsenceMode::kIgnore;
  }
  reader.fail("missing_rule", "expected null, \"empty\" or \"ignore\", got " + LineReader::excerpt(*node));
  return std::nullopt;
}

// One voter's ballot in one round: distinct candidates below m; [] marks an absent voter.
void read_ballot(LineReader& reader, const json& node, const std::string& member, std::uint32_t m,
                 perpetual::RoundBallots& round, std::size_t v) {
  if (!node.is_array()) {
    reader.fail(member, "expected a list of candidates, got " + LineReader::excerpt(node));
    return;
  }
  std::vector<bool> seen(m, false);
  for (const json& c : node) {
    if (!c.is_number_unsigned() || c.get<std::uint64_t>() >= m) {
      reader.fail(member, "expected candidates from 0 to " + std::to_string(m - 1) + ", got " + LineReader::excerpt(c));
      return;
    }
    const auto candidate = c.get<std::uint32_t>();
    if (seen[candidate]) {
      reader.fail(member, "candidate " + std::to_string(candidate) + " is listed twice");
      return;
    }
    seen[candidate] = true;
    round.approvals[v].push_back(candidate);
  }
  round.present[v] = !node.empty();
}

void read_rounds(LineReader& reader, const json& node, std::size_t n, std::uint32_t m, std::size_t rounds,
                 PerpetualCase& out) {
  if (!node.is_array() || node.size() != rounds) {
    reader.fail("approvals", "expected a list of " + std::to_string(rounds) + " rounds (the member `rounds`)");
    return;
  }
  for (std::size_t t = 0; t < rounds && reader.ok(); ++t) {
    const std::string member = "approvals[" + std::to_string(t) + "]";
    const json& voters = node[t];
    if (!voters.is_array() || voters.size() != n) {
      reader.fail(member, "expected a list of " + std::to_string(n) + " ballots (the member `voters`)");
      return;
    }
    perpetual::RoundBallots round;
    round.num_candidates = m;
    round.approvals.resize(n);
    round.present.assign(n, false);
    for (std::size_t v = 0; v < n && reader.ok(); ++v) {
      read_ballot(reader, voters[v], member + "[" + std::to_string(v) + "]", m, round, v);
    }
    out.rounds.push_back(std::move(round));
  }
}

}  // namespace

core::Result<PerpetualCase> parse_perpetual_case(std::string_view line, std::string_view source,
                                                 std::size_t line_number) {
  const std::string where = std::string(source) + ":" + std::to_string(line_number);
  const json row = json::parse(line.begin(), line.end(), nullptr, false);
  if (row.is_discarded()) {
    return core::make_error(core::ErrorKind::kInvalidInput, "not valid JSON", where);
  }
  if (!row.is_object()) {
    return core::make_error(core::ErrorKind::kInvalidInput, "expected a JSON object", where);
  }
  LineReader reader(row, where);
  PerpetualCase out;
  if (const json* history = reader.need("history"); history != nullptr) {
    if (history->is_string()) {
      out.history = history->get<std::string>();
    } else {
      reader.fail("history", "expected a string, got " + LineReader::excerpt(*history));
    }
  }
  const auto rule = read_name<perpetual::PerpetualRule>(reader, "rule");
  const auto absence = read_absence(reader);
  const std::size_t n = reader.count("voters", kMaxPerpetualVoters);
  const std::size_t m = reader.count("candidates", kMaxPerpetualCandidates);
  const std::size_t rounds = reader.count("rounds", kMaxPerpetualRounds);
  if (reader.ok() && n * m * rounds > kMaxPerpetualCells) {
    reader.fail("voters", "voters x candidates x rounds exceeds " + std::to_string(kMaxPerpetualCells));
  }
  const json* approvals = reader.need("approvals");
  if (reader.ok()) {
    read_rounds(reader, *approvals, n, static_cast<std::uint32_t>(m), rounds, out);
  }
  if (!reader.ok()) {
    return reader.error();
  }
  out.rule = *rule;
  out.absence = *absence;
  return out;
}

core::Result<std::vector<PerpetualCase>> parse_perpetual_cases(std::string_view text, std::string_view source) {
  std::vector<PerpetualCase> cases;
  std::size_t line_number = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end;
    const std::string_view line = text.substr(begin, end - begin);
    ++line_number;
    begin = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    auto parsed = parse_perpetual_case(line, source, line_number);
    if (!parsed) {
      return parsed.error();
    }
    cases.push_back(std::move(*parsed));
  }
  return cases;
}

json perpetual_value_json(const core::Rational& value) {
  if (value.get_den() == 1 && value.get_num().fits_slong_p()) {
    return value.get_num().get_si();
  }
  return core::to_string(value);
}

json perpetual_state_json(perpetual::PerpetualRule rule, const perpetual::HistoryDecision& decision) {
  json state = json::object();
  const auto names = perpetual::quantity_names(rule);
  for (std::size_t q = 0; q < names.size(); ++q) {
    json rounds = json::array();
    for (const perpetual::PerpetualState& after : decision.states) {
      json voters = json::array();
      for (const core::Rational& value : after.quantities[q]) {
        voters.push_back(perpetual_value_json(value));
      }
      rounds.push_back(std::move(voters));
    }
    state[std::string(names[q])] = std::move(rounds);
  }
  return state;
}

json perpetual_replay_json(const PerpetualCase& c, const perpetual::HistoryDecision& decision) {
  json row = json::object();
  row["history"] = c.history;
  row["rule"] = core::name_of(c.rule);
  row["missing_rule"] = c.absence == perpetual::AbsenceMode::kStrict ? json(nullptr) : json(core::name_of(c.absence));
  row["winners"] = decision.winners;
  row["tied"] = decision.tied;
  row["state"] = perpetual_state_json(c.rule, decision);
  return row;
}

}  // namespace covalue::adapters::json
