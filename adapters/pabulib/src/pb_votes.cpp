// The VOTES section of the .pb reader.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "pb_reader.hpp"

namespace covalue::adapters::pabulib::detail {
namespace {

std::string quote(std::string_view text) { return "'" + std::string(text) + "'"; }

// Items of a comma list ("" is none); calls `item(text)` for each until it returns false. Items are a few
// bytes (project ids, points): a plain scan costs less than a call to memchr per item.
template <typename Visit>
bool for_each_item(std::string_view list, Visit&& item) {
  std::size_t start = 0;
  for (std::size_t at = 0;; ++at) {
    if (at == list.size() || list[at] == ',') {
      if (!item(trim(list.substr(start, at - start)))) {
        return false;
      }
      if (at == list.size()) {
        return true;
      }
      start = at + 1;
    }
  }
}

// How many ballots `votes` holds, what they list and the bytes of their ids, estimated from the first rows.
struct VotesEstimate {
  std::size_t ballots{0};
  std::size_t listed{0};
  std::size_t id_bytes{0};
};

// Counting the ballots, what they list and the length of their ids would take a pass over the whole
// text (counting its lines alone cost 5 % of reading Lodz): they are estimated from the first 64 KiB,
// a quarter more, and the columns grow past the estimate when a file's later rows are more or longer.
// The estimate never exceeds the bounds the text itself gives (a line takes a byte or more, a project
// and its separator two bytes or more).
VotesEstimate estimate_votes(std::string_view votes) {
  constexpr std::size_t kSample = std::size_t{64} << 10U;
  const std::string_view sample = votes.substr(0, kSample);
  std::size_t ballots = 0;
  std::size_t listed = 0;
  std::size_t id_bytes = 0;
  std::size_t line = 0;
  while (line < sample.size()) {
    std::size_t end = sample.find('\n', line);
    end = end == std::string_view::npos ? sample.size() : end;
    const std::string_view row = sample.substr(line, end - line);
    id_bytes += std::min(row.find(';'), row.size());
    listed += static_cast<std::size_t>(std::count(row.begin(), row.end(), ',')) + 1;
    line = end + 1;
    ++ballots;
  }
  const auto scaled = [&](std::size_t counted, std::size_t bound) {
    const double ratio =
        static_cast<double>(votes.size()) / static_cast<double>(std::max<std::size_t>(sample.size(), 1));
    return std::min(bound, static_cast<std::size_t>(static_cast<double>(counted) * ratio * 1.25) + 16);
  };
  return {scaled(ballots, votes.size() + 1), scaled(listed, votes.size() / 2 + 1), scaled(id_bytes, votes.size())};
}

}  // namespace

void Reader::start_votes() {
  const std::string_view rest = lexer_.rest();
  const VotesEstimate estimate = estimate_votes(rest);
  expected_ballots_ = estimate.ballots;
  std::vector<std::string> attributes;
  for (std::size_t i = 0; keep_attributes_ && i < roles_.size(); ++i) {
    if (roles_[i] == ColumnRole::kExtra) {
      attributes.push_back((*columns_)[i]);
    }
  }
  file_.profile.set_attribute_names(std::move(attributes));
  file_.profile.reserve(expected_ballots_, estimate.listed, estimate.id_bytes);
  if (layout_ != nullptr) {
    layout_->votes.reserve(expected_ballots_);
    layout_->points.reserve(expected_ballots_);
  }
}

core::Status Reader::read_ballot_row() {
  if (core::Status status = check_width(roles_.size(), Section::kVotes); !status.ok()) {
    return status;
  }
  core::Profile& profile = file_.profile;
  const Field& id = row_.fields[0];
  if (id.text.empty()) {
    return error_at(id, "empty voter id");
  }
  if (!add_voter(id.text)) {
    return error_at(id, "duplicate voter id " + quote(id.text));
  }
  profile.add_ballot(id.text);
  const Field* vote = nullptr;
  const Field* points = nullptr;
  for (std::size_t i = 1; i < roles_.size(); ++i) {
    const Field& field = row_.fields[i];
    if (roles_[i] == ColumnRole::kVote) {
      vote = &field;
    } else if (roles_[i] == ColumnRole::kPoints) {
      points = &field;
    } else if (keep_attributes_) {
      profile.add_attribute(field.text);
    }
  }
  std::size_t projects = 0;
  core::Status status = read_vote(*vote, projects);
  if (status.ok() && points != nullptr) {
    status = read_points(*points, projects);
  }
  if (status.ok() && layout_ != nullptr) {
    layout_->votes.push_back(lexer_.position(*vote));
    layout_->points.push_back(lexer_.position(points != nullptr ? *points : *vote));
  }
  return status;
}

// Most files list voters by increasing id (shorter first, then bytewise), which rules out
// duplicates without a hash table; the first id out of order moves every id into `voters_`.
bool Reader::add_voter(std::string_view id) {
  if (voters_increasing_) {
    if (last_voter_.size() < id.size() || (last_voter_.size() == id.size() && last_voter_ < id)) {
      last_voter_ = id;
      return true;
    }
    index_earlier_voters();
  }
  return voters_.insert(id);
}

// Indexes the ids of the ballots read so far, copied once: the profile's own may move as it grows.
void Reader::index_earlier_voters() {
  voters_increasing_ = false;
  const core::Profile& profile = file_.profile;
  for (std::size_t i = 0; i < profile.size(); ++i) {
    earlier_voter_ids_.append(profile.voter_id(i));
  }
  voters_ = IdIndex(expected_ballots_);
  const std::string_view earlier(earlier_voter_ids_);
  std::size_t at = 0;
  for (std::size_t i = 0; i < profile.size(); ++i) {
    const std::size_t length = profile.voter_id(i).size();
    (void)voters_.insert(earlier.substr(at, length));
    at += length;
  }
}

core::Status Reader::read_vote(const Field& field, std::size_t& count) {
  const std::string_view list = trim(field.text);
  const char* at = list.data();
  const char* const end = at + list.size();
  const char* const readable = lexer_.readable_end(list);
  if (at == end) {
    return {};
  }
  // A short id is found by its key alone, its bytes taken as one word where eight can be read; anything
  // else (a long id, blanks, an unknown or empty item) takes the lookup of the trimmed text.
  for (;;) {
    const char* const start = at;
    std::uint32_t index = ShortIdIndex::kMissing;
    std::size_t length = 0;  // of the item, once known
    if (start + kWordBytes <= readable) {
      const std::uint64_t word = load_word(start);
      const auto left = static_cast<std::size_t>(end - start);
      const std::uint64_t stops = bytes_equal(word, ',') | (left < kWordBytes ? ~std::uint64_t{0} << (8 * left) : 0);
      length = stops == 0 ? kWordBytes : first_marked(stops);
      if (length - 1 < ShortIdIndex::kMaxBytes) {
        index = short_projects_.find(ShortIdIndex::key_of(word & ((std::uint64_t{1} << (8 * length)) - 1), length));
      }
    }
    if (length == 0 || length == kWordBytes) {  // not scanned yet, or longer than a word
      const char* item_end = start + length;
      while (item_end != end && *item_end != ',') {
        ++item_end;
      }
      length = static_cast<std::size_t>(item_end - start);
      index = short_projects_.find(ShortIdIndex::key_of(std::string_view(start, length)));
    }
    if (index == ShortIdIndex::kMissing) {
      const std::string_view item = trim(std::string_view(start, length));
      index = item.empty() ? IdIndex::kMissing : projects_.find(item);
      if (index == IdIndex::kMissing) {
        return error_at(field, item.empty() ? "empty project id in vote" : "vote names unknown project " + quote(item));
      }
    }
    file_.profile.add_project(index);
    ++count;
    at = start + length;
    if (at == end) {
      return {};
    }
    ++at;
  }
}

core::Status Reader::read_points(const Field& field, std::size_t projects) {
  const std::string_view list = trim(field.text);
  const std::size_t count = list.empty() ? 0 : static_cast<std::size_t>(std::count(list.begin(), list.end(), ',')) + 1;
  if (count != projects) {
    return error_at(field, std::to_string(count) + " points for " + std::to_string(projects) + " projects");
  }
  if (count == 0) {
    return {};
  }
  std::string_view bad;
  const bool ok = for_each_item(list, [&](std::string_view item) {
    if (!parse_number(item, number_)) {
      bad = item;
      return false;
    }
    file_.profile.add_points(number_);
    return true;
  });
  return ok ? core::Status{} : core::Status{error_at(field, "points value is not a number: " + quote(bad))};
}

}  // namespace covalue::adapters::pabulib::detail
