#include "covalue/core/profile.hpp"

namespace covalue::core {

void Profile::reserve(std::size_t ballots, std::size_t listed, std::size_t id_bytes) {
  voter_ends_.reserve(ballots + 1);
  project_ends_.reserve(ballots + 1);
  attributes_.reserve(ballots * attribute_names_.size());
  voter_ids_.reserve(id_bytes);
  projects_.reserve(listed);
}

void Profile::start_ballot(std::string_view voter_id) {
  while (attributes_.size() < size() * attribute_names_.size()) {  // the last ballot's columns not given
    attributes_.push_back({});
  }
  voter_ids_.append(voter_id);
  voter_ends_.push_back(static_cast<std::uint32_t>(voter_ids_.size()));
  project_ends_.push_back(project_ends_.back());
  if (!point_ends_.empty()) {
    point_ends_.push_back(point_ends_.back());
  }
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
  if (point_ends_.empty()) {  // the first points: the earlier ballots have none
    point_ends_.reserve(voter_ends_.capacity());
    point_ends_.assign(voter_ends_.size(), 0);
  }
  points_.push_back(points);
  point_ends_.back() = static_cast<std::uint32_t>(points_.size());
}

void Profile::add_attribute(std::string_view value) {
  if (attributes_.size() < size() * attribute_names_.size()) {
    attributes_.push_back(value);
  }
}

std::string_view Profile::attribute(std::size_t ballot, std::size_t column) const {
  const std::size_t value = ballot * attribute_names_.size() + column;
  return column < attribute_names_.size() && value < attributes_.size() ? attributes_[value] : std::string_view{};
}

std::vector<Attribute> Profile::attributes(std::size_t ballot) const {
  std::vector<Attribute> out;
  out.reserve(attribute_names_.size());
  for (std::size_t column = 0; column < attribute_names_.size(); ++column) {
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
