#include <string>

#include "covalue/adapters/preflib/preflib_file.hpp"

namespace covalue::adapters::preflib {
namespace {

void append_header(std::string& out, std::string_view key, std::string_view value) {
  out += "# ";
  out += key;
  out += ':';
  if (!value.empty()) {
    out += ' ';
    out += value;
  }
  out += '\n';
}

void append_ranking(std::string& out, const core::ranking::RankedBallot& ballot) {
  out += std::to_string(ballot.count);
  out += ':';
  bool first = true;
  for (core::ranking::TierWalker walk(ballot); !walk.done(); walk.next()) {
    out += first ? " " : ",";
    first = false;
    const auto tier = walk.tier();
    if (tier.size() > 1) {
      out += '{';
    }
    for (std::size_t i = 0; i < tier.size(); ++i) {
      if (i > 0) {
        out += ',';
      }
      out += std::to_string(tier[i] + 1);
    }
    if (tier.size() > 1) {
      out += '}';
    }
  }
  out += '\n';
}

}  // namespace

std::string write_preflib(const PrefLibFile& file) {
  std::string out;
  for (const auto& [key, value] : file.metadata) {
    append_header(out, key, value);
  }
  append_header(out, "DATA TYPE", name_of(file.type));
  append_header(out, "NUMBER ALTERNATIVES", std::to_string(file.profile.num_candidates));
  append_header(out, "NUMBER VOTERS", std::to_string(file.profile.total_weight()));
  append_header(out, "NUMBER UNIQUE ORDERS", std::to_string(file.profile.ballots.size()));
  for (std::size_t i = 0; i < file.alternative_names.size(); ++i) {
    if (!file.alternative_names[i].empty()) {
      append_header(out, "ALTERNATIVE NAME " + std::to_string(i + 1), file.alternative_names[i]);
    }
  }
  for (const auto& ballot : file.profile.ballots) {
    append_ranking(out, ballot);
  }
  return out;
}

}  // namespace covalue::adapters::preflib
