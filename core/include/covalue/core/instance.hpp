#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "covalue/core/rational.hpp"

namespace covalue::core {

//! Index of a project inside its Instance.
using ProjectIndex = std::uint32_t;

//! A named text attribute kept as it was read (extra META keys, extra columns).
using Attribute = std::pair<std::string, std::string>;

//! A fundable project (an initiative, in covalue's words): id, cost and descriptive data.
struct Project {
  std::string id;
  Rational cost;
  std::vector<std::string> categories;
  std::vector<std::string> targets;
  std::vector<Attribute> extra;  //!< other columns, in file order (name, votes, ...)

  bool operator==(const Project&) const = default;
};

//! The projects on offer and the budget limit; ids are unique.
class Instance {
 public:
  Instance() = default;

  //! Appends a project; fails when its id is taken or its cost is negative.
  [[nodiscard]] Status add_project(Project project);

  //! The index of the project with this id, if any.
  [[nodiscard]] std::optional<ProjectIndex> find(std::string_view id) const;

  [[nodiscard]] const std::vector<Project>& projects() const { return projects_; }
  [[nodiscard]] const Project& project(ProjectIndex index) const { return projects_[index]; }
  [[nodiscard]] std::size_t size() const { return projects_.size(); }

  [[nodiscard]] const Rational& budget() const { return budget_; }
  void set_budget(Rational budget) { budget_ = std::move(budget); }

  //! Every META entry in file order (description, budget, vote_type, ...); budget() is the parsed budget.
  [[nodiscard]] const std::vector<Attribute>& meta() const { return meta_; }
  std::vector<Attribute>& mutable_meta() { return meta_; }
  //! The value of a META key, if present.
  [[nodiscard]] std::optional<std::string> meta_value(std::string_view key) const;

  //! Sum of the costs of the given projects.
  [[nodiscard]] Rational total_cost(const std::vector<ProjectIndex>& selection) const;

  bool operator==(const Instance& other) const {
    return projects_ == other.projects_ && budget_ == other.budget_ && meta_ == other.meta_;
  }

 private:
  std::vector<Project> projects_;
  //! Hash that lets the id index be searched with a string_view, without building a string.
  struct IdHash {
    using is_transparent = void;  // NOLINT(readability-identifier-naming): the standard library's name
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  std::unordered_map<std::string, ProjectIndex, IdHash, std::equal_to<>> index_;
  Rational budget_;
  std::vector<Attribute> meta_;
};

}  // namespace covalue::core
