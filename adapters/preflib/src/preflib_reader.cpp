#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>

#include "covalue/adapters/preflib/preflib_file.hpp"
#include "preflib_text.hpp"
#include "ranking_line.hpp"

namespace covalue::adapters::preflib {
namespace {

constexpr std::string_view kNamePrefix = "ALTERNATIVE NAME ";

// A header value and where it was read.
template <typename T>
struct Located {
  std::optional<T> value;
  TextPosition at;
};

struct NameLine {
  std::size_t index{0};
  std::string name;
  TextPosition at;
};

std::optional<DataType> type_from_extension(std::string_view source) {
  const std::size_t dot = source.rfind('.');
  if (dot == std::string_view::npos) {
    return std::nullopt;
  }
  auto type = parse_data_type_header(source.substr(dot + 1));
  return type.ok() ? std::optional<DataType>(*type) : std::nullopt;
}

// Reads the text line by line: a header of "# KEY: value" lines, then one ranking per line.
class Reader {
 public:
  Reader(std::string_view text, std::string_view source) : text_(text), source_(source), site_(source) {}

  core::Result<PrefLibFile> run() {
    std::size_t start = 0;
    std::size_t number = 0;
    while (start < text_.size()) {
      std::size_t end = text_.find('\n', start);
      end = end == std::string_view::npos ? text_.size() : end;
      ++number;
      if (core::Status status = read_line(text_.substr(start, end - start), number); !status.ok()) {
        return status.error();
      }
      start = end + 1;
    }
    if (core::Status status = finish(); !status.ok()) {
      return status.error();
    }
    return std::move(file_);
  }

 private:
  core::Status read_line(std::string_view line, std::size_t number) {
    const std::string_view content = trim_blanks(line);
    if (content.empty()) {
      return {};
    }
    const TextPosition at{number, line.find_first_not_of(" \t\r\v\f") + 1};
    if (content.front() == '#') {
      if (in_rankings_) {
        return site_.at(at, "a '#' header line after the first ranking");
      }
      return read_header(content.substr(1), at);
    }
    if (!in_rankings_) {
      if (core::Status status = start_rankings({number, 1}); !status.ok()) {
        return status;
      }
    }
    return read_ranking(line, number);
  }

  core::Status read_header(std::string_view content, TextPosition at) {
    const std::size_t colon = content.find(':');
    const std::string_view key = trim_blanks(content.substr(0, colon));
    const std::string_view value =
        colon == std::string_view::npos ? std::string_view{} : trim_blanks(content.substr(colon + 1));
    const std::size_t value_offset =
        value.empty() ? std::min(colon + 1, content.size()) : static_cast<std::size_t>(value.data() - content.data());
    const TextPosition value_at{at.line, at.column + 1 + value_offset};
    if (key == "DATA TYPE") {
      return read_type(value, at);
    }
    if (key == "NUMBER ALTERNATIVES") {
      return read_number(key, value, value_at, static_cast<std::int64_t>(core::ranking::kMaxCandidates), alternatives_);
    }
    if (key == "NUMBER VOTERS") {
      return read_number(key, value, value_at, core::ranking::kMaxTotalWeight, voters_);
    }
    if (key == "NUMBER UNIQUE ORDERS") {
      return read_number(key, value, value_at, core::ranking::kMaxTotalWeight, orders_);
    }
    if (key.starts_with(kNamePrefix)) {
      return read_name(key.substr(kNamePrefix.size()), value, at);
    }
    file_.metadata.emplace_back(std::string(key), std::string(value));
    return {};
  }

  core::Status read_type(std::string_view value, TextPosition at) {
    if (type_.value) {
      return site_.at(at, "DATA TYPE given twice");
    }
    auto type = parse_data_type_header(value);
    if (!type.ok()) {
      return site_.at(at, type.error().message);
    }
    type_ = {*type, at};
    return {};
  }

  core::Status read_number(std::string_view key, std::string_view value, TextPosition at, std::int64_t max,
                           Located<std::int64_t>& out) {
    if (out.value) {
      return site_.at(at, std::string(key) + " given twice");
    }
    const auto number = parse_bounded(value, max);
    if (!number) {
      return site_.at(at, std::string(key) + " must be a whole number from 0 to " + std::to_string(max));
    }
    out = {*number, at};
    return {};
  }

  core::Status read_name(std::string_view index_text, std::string_view value, TextPosition at) {
    const auto index = parse_bounded(trim_blanks(index_text), core::ranking::kMaxCandidates);
    if (!index || *index < 1) {
      return site_.at(at, "ALTERNATIVE NAME needs an alternative number from 1");
    }
    names_.push_back({static_cast<std::size_t>(*index), std::string(value), at});
    return {};
  }

  core::Status start_rankings(TextPosition at) {
    in_rankings_ = true;
    return check_header(at);
  }

  core::Status check_header(TextPosition at) {
    if (!type_.value) {
      const auto from_name = type_from_extension(source_);
      if (!from_name) {
        return site_.at(at, "unknown data type: add '# DATA TYPE: soc' (or soi, toc, toi)");
      }
      type_.value = from_name;
    }
    for (const auto* needed : {&alternatives_, &voters_, &orders_}) {
      if (!needed->value) {
        return site_.at(at, needed == &alternatives_ ? "missing '# NUMBER ALTERNATIVES: m' before the rankings"
                            : needed == &voters_     ? "missing '# NUMBER VOTERS: n' before the rankings"
                                                     : "missing '# NUMBER UNIQUE ORDERS: k' before the rankings");
      }
    }
    if (*alternatives_.value < 1) {
      return site_.at(alternatives_.at, "NUMBER ALTERNATIVES must be at least 1");
    }
    return assign_names();
  }

  core::Status assign_names() {
    const auto m = static_cast<std::size_t>(*alternatives_.value);
    file_.type = *type_.value;
    file_.profile.num_candidates = static_cast<core::ranking::Candidate>(m);
    file_.alternative_names.assign(m, std::string());
    std::vector<char> named(m, 0);
    for (const NameLine& line : names_) {
      if (line.index > m) {
        return site_.at(line.at, "ALTERNATIVE NAME " + std::to_string(line.index) + " but NUMBER ALTERNATIVES is " +
                                     std::to_string(m));
      }
      if (named[line.index - 1] != 0) {
        return site_.at(line.at, "ALTERNATIVE NAME " + std::to_string(line.index) + " given twice");
      }
      named[line.index - 1] = 1;
      file_.alternative_names[line.index - 1] = line.name;
    }
    seen_.assign(m, 0);
    return {};
  }

  core::Status read_ranking(std::string_view line, std::size_t number) {
    const std::int64_t announced = *orders_.value;
    if (static_cast<std::int64_t>(file_.profile.ballots.size()) >= announced) {
      return site_.at({number, 1},
                      "more orders than NUMBER UNIQUE ORDERS announces (" + std::to_string(announced) + ")");
    }
    const LineRules rules{file_.profile.num_candidates, file_.type};
    auto ballot = parse_ranking_line(line, number, rules, seen_, site_);
    if (!ballot.ok()) {
      return ballot.error();
    }
    if (ballot->count > core::ranking::kMaxTotalWeight - voter_sum_) {
      return site_.at({number, 1}, "more than " + std::to_string(core::ranking::kMaxTotalWeight) + " voters in total");
    }
    voter_sum_ += ballot->count;
    file_.profile.ballots.push_back(std::move(*ballot));
    return {};
  }

  [[nodiscard]] TextPosition end_position() const {
    std::size_t lines = 1;
    std::size_t last_start = 0;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++lines;
        last_start = i + 1;
      }
    }
    return {lines, text_.size() - last_start + 1};
  }

  core::Status finish() {
    if (!in_rankings_) {
      if (core::Status status = start_rankings(end_position()); !status.ok()) {
        return status;
      }
    }
    const auto orders = static_cast<std::int64_t>(file_.profile.ballots.size());
    if (orders < *orders_.value) {
      return site_.at(end_position(), "the file ends after " + std::to_string(orders) + " of the " +
                                          std::to_string(*orders_.value) +
                                          " orders that NUMBER UNIQUE ORDERS announces");
    }
    if (voter_sum_ != *voters_.value) {
      return site_.at(voters_.at, "NUMBER VOTERS is " + std::to_string(*voters_.value) + " but the orders count " +
                                      std::to_string(voter_sum_) + " voters");
    }
    return {};
  }

  std::string_view text_;
  std::string_view source_;
  ErrorSite site_;
  Located<DataType> type_;
  Located<std::int64_t> alternatives_;
  Located<std::int64_t> voters_;
  Located<std::int64_t> orders_;
  std::vector<NameLine> names_;
  std::vector<char> seen_;
  bool in_rankings_{false};
  std::int64_t voter_sum_{0};
  PrefLibFile file_;
};

}  // namespace

core::Result<PrefLibFile> parse_preflib(std::string_view text, std::string_view source) {
  Reader reader(text, source);
  return reader.run();
}

core::Result<PrefLibFile> read_preflib_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::make_error(core::ErrorKind::kNotFound, "cannot open file", path.string());
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  return parse_preflib(text, path.string());
}

}  // namespace covalue::adapters::preflib
