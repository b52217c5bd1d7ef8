// check_pabulib: a parsed file against its own META counts and ballot constraints.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pb_internal.hpp"

namespace covalue::adapters::pabulib {
namespace {

using core::Rational;

//! The ballot constraints a META section may carry.
struct Limits {
  std::optional<Rational> min_length;
  std::optional<Rational> max_length;
  std::optional<Rational> min_sum_cost;
  std::optional<Rational> max_sum_cost;
  std::optional<Rational> min_points;
  std::optional<Rational> max_points;
  std::optional<Rational> min_sum_points;
  std::optional<Rational> max_sum_points;
  std::optional<Rational> num_projects;
  std::optional<Rational> num_votes;
};

struct LimitKey {
  const char* name;
  std::optional<Rational> Limits::*member;
};

constexpr std::array<LimitKey, 10> kLimitKeys{{
    {"min_length", &Limits::min_length},
    {"max_length", &Limits::max_length},
    {"min_sum_cost", &Limits::min_sum_cost},
    {"max_sum_cost", &Limits::max_sum_cost},
    {"min_points", &Limits::min_points},
    {"max_points", &Limits::max_points},
    {"min_sum_points", &Limits::min_sum_points},
    {"max_sum_points", &Limits::max_sum_points},
    {"num_projects", &Limits::num_projects},
    {"num_votes", &Limits::num_votes},
}};

std::string quote(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string text_of(const Rational& value) { return core::to_decimal_string(value); }

class Checker {
 public:
  Checker(const PbFile& file, const PbLayout& layout, std::string_view source)
      : file_(file), layout_(layout), source_(source), seen_(file.instance.size(), 0), reported_(seen_) {}

  std::vector<core::Error> run() {
    read_limits();
    check_counts();
    for (std::size_t i = 0; i < file_.profile.size(); ++i) {
      check_ballot(i);
    }
    return std::move(errors_);
  }

 private:
  void read_limits();
  void check_counts();
  void check_ballot(std::size_t i);
  void check_bounds(std::size_t i, std::size_t length, const Rational& cost);
  void check_points(std::size_t i);

  std::string where(const std::vector<PbPosition>& positions, std::size_t i) const {
    if (i >= positions.size() || positions[i].line == 0) {
      return std::string(source_);
    }
    return std::string(source_) + ":" + std::to_string(positions[i].line) + ":" + std::to_string(positions[i].column);
  }
  void report(std::string at, std::string message) {
    errors_.push_back(core::make_error(core::ErrorKind::kInvalidInput, std::move(message), std::move(at)));
  }
  std::string voter(std::size_t i) const { return "ballot of voter " + quote(file_.profile.voter_id(i)); }

  const PbFile& file_;
  const PbLayout& layout_;
  std::string_view source_;
  Limits limits_;
  std::array<std::size_t, 2> meta_row_of_count_{SIZE_MAX, SIZE_MAX};  // META rows of num_projects, num_votes
  std::vector<std::uint32_t> seen_;      // stamp of the last ballot that listed each project
  std::vector<std::uint32_t> reported_;  // stamp of the last ballot that reported it as repeated
  std::vector<core::Error> errors_;
};

void Checker::read_limits() {
  const auto& meta = file_.instance.meta();
  for (std::size_t row = 0; row < meta.size(); ++row) {
    for (const LimitKey& key : kLimitKeys) {
      if (!detail::iequals(meta[row].first, key.name)) {
        continue;
      }
      Rational value;
      if (!detail::parse_number(meta[row].second, value)) {
        report(where(layout_.meta, row), std::string(key.name) + " is not a number: " + quote(meta[row].second));
        continue;
      }
      limits_.*key.member = value;
      if (key.member == &Limits::num_projects) {
        meta_row_of_count_[0] = row;
      } else if (key.member == &Limits::num_votes) {
        meta_row_of_count_[1] = row;
      }
    }
  }
}

void Checker::check_counts() {
  const std::size_t projects = file_.instance.size();
  const std::size_t ballots = file_.profile.size();
  if (limits_.num_projects && *limits_.num_projects != Rational(projects)) {
    report(where(layout_.meta, meta_row_of_count_[0]), "num_projects is " + text_of(*limits_.num_projects) +
                                                           " but PROJECTS has " + std::to_string(projects) + " rows");
  }
  if (limits_.num_votes && *limits_.num_votes != Rational(ballots)) {
    report(where(layout_.meta, meta_row_of_count_[1]),
           "num_votes is " + text_of(*limits_.num_votes) + " but VOTES has " + std::to_string(ballots) + " rows");
  }
}

void Checker::check_ballot(std::size_t i) {
  const std::span<const core::ProjectIndex> listed = file_.profile.projects(i);
  const auto& projects = file_.instance.projects();
  const core::BallotKind kind = file_.profile.kind();
  const bool ranked =
      kind == core::BallotKind::kOrdinal || kind == core::BallotKind::kCumulative || kind == core::BallotKind::kScoring;
  const auto stamp = static_cast<std::uint32_t>(i + 1);
  const bool costs = limits_.min_sum_cost.has_value() || limits_.max_sum_cost.has_value();
  std::size_t distinct = 0;
  Rational cost;
  for (const core::ProjectIndex p : listed) {
    if (p >= projects.size()) {
      report(where(layout_.votes, i), voter(i) + " names project index " + std::to_string(p) + ", out of range");
      return;
    }
    if (seen_[p] != stamp) {
      seen_[p] = stamp;
      ++distinct;
      if (costs) {
        cost += projects[p].cost;
      }
    } else if (ranked && reported_[p] != stamp) {
      reported_[p] = stamp;
      report(where(layout_.votes, i), voter(i) + " lists project " + quote(projects[p].id) + " more than once");
    }
  }
  if (kind == core::BallotKind::kChoose1 && listed.size() != 1) {
    report(where(layout_.votes, i),
           "choose-1 " + voter(i) + " has " + std::to_string(listed.size()) + " projects, expected exactly 1");
  }
  check_bounds(i, distinct, cost);
  if (kind == core::BallotKind::kCumulative || kind == core::BallotKind::kScoring) {
    check_points(i);
  }
}

void Checker::check_bounds(std::size_t i, std::size_t length, const Rational& cost) {
  const std::string at = where(layout_.votes, i);
  const Rational count(length);
  if (limits_.min_length && count < *limits_.min_length) {
    report(at,
           voter(i) + " has " + std::to_string(length) + " projects, below min_length " + text_of(*limits_.min_length));
  }
  if (limits_.max_length && count > *limits_.max_length) {
    report(at,
           voter(i) + " has " + std::to_string(length) + " projects, above max_length " + text_of(*limits_.max_length));
  }
  if (limits_.min_sum_cost && cost < *limits_.min_sum_cost) {
    report(at, voter(i) + " costs " + text_of(cost) + ", below min_sum_cost " + text_of(*limits_.min_sum_cost));
  }
  if (limits_.max_sum_cost && cost > *limits_.max_sum_cost) {
    report(at, voter(i) + " costs " + text_of(cost) + ", above max_sum_cost " + text_of(*limits_.max_sum_cost));
  }
}

void Checker::check_points(std::size_t i) {
  const std::span<const core::ProjectIndex> listed = file_.profile.projects(i);
  const core::NumberSpan points = file_.profile.points(i);
  const std::string at = where(layout_.points, i);
  if (points.size() != listed.size()) {
    report(at, std::to_string(points.size()) + " points for " + std::to_string(listed.size()) + " projects");
    return;
  }
  Rational sum;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const Rational value = points[k];
    const std::string& id = file_.instance.project(listed[k]).id;
    sum += value;
    if (limits_.min_points && value < *limits_.min_points) {
      report(at, voter(i) + " gives " + text_of(value) + " points to project " + quote(id) + ", below min_points " +
                     text_of(*limits_.min_points));
    }
    if (limits_.max_points && value > *limits_.max_points) {
      report(at, voter(i) + " gives " + text_of(value) + " points to project " + quote(id) + ", above max_points " +
                     text_of(*limits_.max_points));
    }
  }
  if (limits_.min_sum_points && sum < *limits_.min_sum_points) {
    report(at, voter(i) + " gives " + text_of(sum) + " points in total, below min_sum_points " +
                   text_of(*limits_.min_sum_points));
  }
  if (limits_.max_sum_points && sum > *limits_.max_sum_points) {
    report(at, voter(i) + " gives " + text_of(sum) + " points in total, above max_sum_points " +
                   text_of(*limits_.max_sum_points));
  }
}

}  // namespace

std::vector<core::Error> check_pabulib(const PbFile& file, const PbLayout& layout, std::string_view source) {
  return Checker(file, layout, source).run();
}

std::vector<core::Error> check_pabulib(const PbFile& file, std::string_view source) {
  PbLayout layout;
  (void)detail::write_pabulib(file, &layout);
  return check_pabulib(file, layout, source);
}

}  // namespace covalue::adapters::pabulib
