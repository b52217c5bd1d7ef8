#pragma once

// Shared pieces of the independent verifier (verify*.cpp). Nothing here calls the rules.

#include <span>
#include <string>
#include <vector>

#include "covalue/core/tie_breaking.hpp"
#include "covalue/core/verify.hpp"

namespace covalue::core::verify_detail {

//! What every check needs: the election, the options, the tie order and the report to fill.
struct VerifyContext {
  const Instance& instance;
  const ApprovalProfile& profile;
  const rules::RuleOptions& options;
  TieBreaker ties;
  VerifyReport& report;

  //! Records that a check ran.
  void check(std::string name) const { report.checks.push_back(std::move(name)); }
  //! Records a failed check.
  void fail(std::string finding) const {
    report.ok = false;
    report.findings.push_back(std::move(finding));
  }
  //! "project 'id'".
  [[nodiscard]] std::string name(ProjectIndex p) const { return "project '" + instance.project(p).id + "'"; }
  //! Total satisfaction of a project: approval weight times a supporter's satisfaction.
  [[nodiscard]] Rational total_satisfaction(ProjectIndex p) const;
};

//! A number as text for findings ("12.5", "1/3").
[[nodiscard]] std::string text(const Rational& value);

//! Checks that `added` is what a naive greedy pass (density order, ties by rank; under irresolute
//! options any tie order) adds to `start`.
void verify_greedy_pass(const VerifyContext& ctx, std::span<const ProjectIndex> start,
                        std::span<const ProjectIndex> added, const std::string& what);

//! Recomputes sequential Phragmén naively, step by step along the outcome.
void verify_phragmen(const VerifyContext& ctx, const Outcome& outcome);

//! Checks an MES outcome's certificate, prices, minimality, exhaustiveness and completion.
void verify_equal_shares(const VerifyContext& ctx, const Outcome& outcome);

//! Checks a maximum-welfare outcome's certificate and re-proves its optimality.
void verify_max_welfare(const VerifyContext& ctx, const Outcome& outcome);

}  // namespace covalue::core::verify_detail
