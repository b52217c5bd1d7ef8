#include "ranking_line.hpp"

#include <string>

namespace covalue::adapters::preflib {
namespace {

using core::ranking::Candidate;
using core::ranking::RankedBallot;

class LineParser {
 public:
  LineParser(std::string_view line, std::size_t number, const LineRules& rules, std::vector<char>& seen,
             const ErrorSite& site)
      : line_(line), number_(number), rules_(rules), seen_(seen), site_(site) {}
  LineParser(const LineParser&) = delete;
  LineParser& operator=(const LineParser&) = delete;
  ~LineParser() {
    for (const Candidate c : ballot_.order) {
      seen_[c] = 0;
    }
  }

  core::Result<RankedBallot> parse() {
    if (core::Status status = read_count(); !status.ok()) {
      return status.error();
    }
    skip_blanks();
    if (!at_end()) {
      if (core::Status status = read_items(); !status.ok()) {
        return status.error();
      }
    }
    const std::size_t ranked = core::ranking::ranked_count(ballot_);
    if (requires_complete(rules_.type) && ranked != rules_.alternatives) {
      return fail(pos_, "the ranking names " + std::to_string(ranked) + " of the " +
                            std::to_string(rules_.alternatives) + " alternatives (" + name_of(rules_.type) +
                            " rankings are complete)");
    }
    return ballot_;
  }

 private:
  [[nodiscard]] bool at_end() const { return pos_ >= line_.size(); }
  [[nodiscard]] char peek() const { return at_end() ? '\0' : line_[pos_]; }
  void skip_blanks() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\r')) {
      ++pos_;
    }
  }
  [[nodiscard]] core::Error fail(std::size_t offset, std::string message) const {
    return site_.at({number_, offset + 1}, std::move(message));
  }
  [[nodiscard]] std::string_view digits() {
    const std::size_t start = pos_;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      ++pos_;
    }
    return line_.substr(start, pos_ - start);
  }

  core::Status read_count() {
    skip_blanks();
    const std::size_t start = pos_;
    const std::string_view text = digits();
    if (text.empty()) {
      return fail(start, "expected 'count: ranking'");
    }
    const auto count = parse_bounded(text, core::ranking::kMaxTotalWeight);
    if (!count || *count < 1) {
      return fail(start,
                  "the count must be a whole number from 1 to " + std::to_string(core::ranking::kMaxTotalWeight));
    }
    ballot_.count = *count;
    skip_blanks();
    if (peek() != ':') {
      return fail(pos_, "expected ':' after the count");
    }
    ++pos_;
    return {};
  }

  core::Status read_items() {
    while (true) {
      skip_blanks();
      core::Status status = peek() == '{' ? read_tie() : read_single();
      if (!status.ok()) {
        return status;
      }
      skip_blanks();
      if (at_end()) {
        return {};
      }
      if (peek() != ',') {
        return fail(pos_, std::string("unexpected '") + peek() + "' (expected ',' or the end of the line)");
      }
      ++pos_;
    }
  }

  core::Status read_single() {
    auto candidate = read_alternative();
    if (!candidate.ok()) {
      return candidate.error();
    }
    ballot_.order.push_back(*candidate);
    return {};
  }

  core::Status read_tie() {
    if (!allows_ties(rules_.type)) {
      return fail(pos_, std::string("ties ({...}) are not allowed in a ") + name_of(rules_.type) + " file");
    }
    ++pos_;
    const std::size_t tier_begin = ballot_.order.size();
    while (true) {
      skip_blanks();
      auto candidate = read_alternative();
      if (!candidate.ok()) {
        return candidate.error();
      }
      if (ballot_.order.size() > tier_begin) {
        ballot_.ties.push_back(static_cast<std::uint32_t>(ballot_.order.size()));
      }
      ballot_.order.push_back(*candidate);
      skip_blanks();
      if (peek() == '}') {
        ++pos_;
        return {};
      }
      if (peek() != ',') {
        return fail(pos_, at_end() ? "unclosed '{'" : std::string("unexpected '") + peek() + "' in a tie");
      }
      ++pos_;
    }
  }

  core::Result<Candidate> read_alternative() {
    const std::size_t start = pos_;
    const std::string_view text = digits();
    if (text.empty()) {
      return fail(start, at_end() ? "expected an alternative, found the end of the line"
                                  : std::string("expected an alternative, found '") + peek() + "'");
    }
    const auto number = parse_bounded(text, rules_.alternatives);
    if (!number || *number < 1) {
      return fail(start, "alternative " + std::string(text) + " is not in 1.." + std::to_string(rules_.alternatives));
    }
    const auto candidate = static_cast<Candidate>(*number - 1);
    if (seen_[candidate] != 0) {
      return fail(start, "alternative " + std::string(text) + " appears twice in this ranking");
    }
    seen_[candidate] = 1;
    return candidate;
  }

  std::string_view line_;
  std::size_t number_;
  const LineRules& rules_;
  std::vector<char>& seen_;
  const ErrorSite& site_;
  std::size_t pos_{0};
  RankedBallot ballot_;
};

}  // namespace

core::Result<core::ranking::RankedBallot> parse_ranking_line(std::string_view line, std::size_t line_number,
                                                             const LineRules& rules, std::vector<char>& seen,
                                                             const ErrorSite& site) {
  LineParser parser(line, line_number, rules, seen, site);
  return parser.parse();
}

}  // namespace covalue::adapters::preflib
