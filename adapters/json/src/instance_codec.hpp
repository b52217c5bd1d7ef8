#pragma once

// How a solution document names projects (by the instance's project ids) and voter groups (by
// their approval sets, in a `groups` table that the MES payments index).

#include <map>
#include <vector>

#include "outcome_codec.hpp"

namespace covalue::adapters::json {

//! Projects named by the instance's project ids.
class InstanceProjects final : public ProjectCodec {
 public:
  //! Names the projects of `instance`.
  explicit InstanceProjects(const core::Instance& instance) : instance_(instance) {}
  //! The project's id.
  [[nodiscard]] nlohmann::json write(core::ProjectIndex project) const override;
  //! The project with this id; an unknown id is an error.
  [[nodiscard]] core::Result<core::ProjectIndex> read(const nlohmann::json& node,
                                                      const std::string& path) const override;

 private:
  const core::Instance& instance_;
};

//! Voter groups written as slots of a table of approval sets (with weights) and read back from it.
class ProfileGroups final : public GroupCodec {
 public:
  //! Names the voter groups of `profile`, whose approvals are projects of `instance`.
  ProfileGroups(const core::Instance& instance, const core::ApprovalProfile& profile);
  //! The slot of `group` in the table, adding it when new.
  [[nodiscard]] std::size_t write(core::GroupIndex group) override;
  //! The group in slot `slot` of the table loaded by load().
  [[nodiscard]] core::Result<core::GroupIndex> read(std::size_t slot, const std::string& path) const override;

  //! The table of the groups written so far.
  [[nodiscard]] const nlohmann::json& table() const { return table_; }
  //! Reads the `groups` table of an MES certificate at `path`, matching each approval set to a voter
  //! group of the profile.
  [[nodiscard]] core::Status load(const nlohmann::json& certificate, const std::string& path);

 private:
  const core::Instance& instance_;
  const core::ApprovalProfile& profile_;
  std::map<core::GroupIndex, std::size_t> slot_of_;
  nlohmann::json table_ = nlohmann::json::array();
  std::map<std::vector<core::ProjectIndex>, core::GroupIndex> by_approvals_;
  std::vector<core::GroupIndex> loaded_;
};

}  // namespace covalue::adapters::json
