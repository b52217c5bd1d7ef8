#include "covalue/core/profile.hpp"

namespace covalue::core {

void Profile::reserve(std::size_t ballots) {
  voter_ends_.reserve(ballots + 1);
  project_ends_.reserve(ballots + 1);
  point_ends_.reserve(ballots + 1);
  attribute_counts_.reserve(ballots + 1);
  attribute_ends_.reserve(ballots * attribute_names_.size() + 1);
}

void Profile::start_ballot(std::string_view voter_id) {
  voter_ids_.append(voter_id);
  voter_ends_.push_back(static_cast<std::uint32_t>(voter_ids_.size()));
  project_ends_.push_back(project_ends_.back());
  point_ends_.push_back(point_ends_.back());
  attribute_counts_.push_back(attribute_counts_.back());
}

void Profile::add_ballot(std::string_view voter_id) {
  if (!unit_weights()) {
    weights_.push_back(std::int64_t{1});
  }
  start_ballot(voter_id);
}

void Profile::add_ballot(std::string_view voter_id, const Rational& weight) {
  if (unit_weights() && weight == 1) {
    start_ballot(voter_id);
    return;
  }
  if (unit_weights()) {  // the first weight other than 1: the earlier ballots weigh 1
    weights_.reserve(voter_ends_.capacity());
    for (std::size_t i = 0; i < size(); ++i) {
      weights_.push_back(std::int64_t{1});
    }
  }
  weights_.push_back(weight);
  start_ballot(voter_id);
}

void Profile::add_points(const Rational& points) {
  points_.push_back(points);
  point_ends_.back() = static_cast<std::uint32_t>(points_.size());
}

void Profile::add_attribute(std::string_view value) {
  attribute_text_.append(value);
  attribute_ends_.push_back(static_cast<std::uint32_t>(attribute_text_.size()));
  ++attribute_counts_.back();
}

std::string_view Profile::attribute(std::size_t ballot, std::size_t column) const {
  const std::size_t value = attribute_counts_[ballot] + column;
  if (value >= attribute_counts_[ballot + 1]) {
    return {};
  }
  return std::string_view(attribute_text_)
      .substr(attribute_ends_[value], attribute_ends_[value + 1] - attribute_ends_[value]);
}

std::vector<Attribute> Profile::attributes(std::size_t ballot) const {
  std::vector<Attribute> out;
  const std::size_t given = attribute_counts_[ballot + 1] - attribute_counts_[ballot];
  for (std::size_t column = 0; column < given && column < attribute_names_.size(); ++column) {
    out.emplace_back(attribute_names_[column], attribute(ballot, column));
  }
  return out;
}

Rational Profile::weight(std::size_t ballot) const { return unit_weights() ? Rational(1) : weights_[ballot]; }

Rational Profile::total_weight() const {
  if (unit_weights()) {
    return Rational(static_cast<long>(size()));  // NOLINT(google-runtime-int): GMP's own type
  }
  Rational total;
  if (weights_.integral()) {
    Integer sum;
    for (const std::int64_t w : weights_.integers()) {
      sum += static_cast<long>(w);  // NOLINT(google-runtime-int)
    }
    total = sum;
    return total;
  }
  for (std::size_t i = 0; i < size(); ++i) {
    total += weights_[i];
  }
  return total;
}

}  // namespace covalue::core
