#pragma once

// The JSON form of a core::Outcome shared by the solution documents (projects named by the
// instance's ids, voter groups by their approval sets) and the cycle outcome records (projects and
// groups named by their indices). Only how an index is written differs; the rest is one codec.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/outcome.hpp"
#include "covalue/core/result.hpp"

namespace covalue::adapters::json {

//! How an outcome's project indices are written to JSON and read back.
class ProjectCodec {
 public:
  virtual ~ProjectCodec() = default;
  //! The JSON value that names `project`.
  [[nodiscard]] virtual nlohmann::json write(core::ProjectIndex project) const = 0;
  //! The project a JSON value names; the error names `path`.
  [[nodiscard]] virtual core::Result<core::ProjectIndex> read(const nlohmann::json& node,
                                                              const std::string& path) const = 0;
};

//! How an MES certificate's voter groups are written (as a slot number) and read back.
class GroupCodec {
 public:
  virtual ~GroupCodec() = default;
  //! The slot number a payment of `group` is written with (may record the group in a table).
  [[nodiscard]] virtual std::size_t write(core::GroupIndex group) = 0;
  //! The group a slot number read from JSON stands for; the error names `path`.
  [[nodiscard]] virtual core::Result<core::GroupIndex> read(std::size_t slot, const std::string& path) const = 0;
};

//! Projects and groups named by their bare indices (the cycle outcome records).
class IndexCodec final : public ProjectCodec, public GroupCodec {
 public:
  //! The index itself.
  [[nodiscard]] nlohmann::json write(core::ProjectIndex project) const override;
  //! A non-negative integer that fits a ProjectIndex.
  [[nodiscard]] core::Result<core::ProjectIndex> read(const nlohmann::json& node,
                                                      const std::string& path) const override;
  //! The group index itself.
  [[nodiscard]] std::size_t write(core::GroupIndex group) override;
  //! The slot, when it fits a GroupIndex.
  [[nodiscard]] core::Result<core::GroupIndex> read(std::size_t slot, const std::string& path) const override;
};

//! A string, or an error naming `path`.
[[nodiscard]] core::Result<std::string> text_from_json(const nlohmann::json& node, const std::string& path);
//! An exact rational written as a string ("7/3", "12.5") or an integer, or an error naming `path`.
[[nodiscard]] core::Result<core::Rational> rational_from_json(const nlohmann::json& node, const std::string& path);

//! `selected`, `num_selected`, `total_cost`, `trace` and the `certificate` (without an MES `groups` table).
[[nodiscard]] nlohmann::json outcome_to_json(const ProjectCodec& projects, GroupCodec& groups,
                                             const core::Outcome& outcome);
//! Reads what outcome_to_json wrote; errors name the JSON path below `path`.
[[nodiscard]] core::Result<core::Outcome> outcome_from_json(const ProjectCodec& projects, const GroupCodec& groups,
                                                            const nlohmann::json& node, const std::string& path);

}  // namespace covalue::adapters::json
