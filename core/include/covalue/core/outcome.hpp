#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covalue/core/approval_profile.hpp"
#include "covalue/core/instance.hpp"
#include "covalue/core/rational.hpp"

namespace covalue::core {

//! What one voter group pays for one project (per unit of voter weight).
struct GroupPayment {
  GroupIndex group{0};
  Rational amount;

  bool operator==(const GroupPayment&) const = default;
};

//! The payments that fund one project bought by Method of Equal Shares. Class-level form: voter
//! groups that have paid alike so far form a budget class; class 0 holds every group at the start;
//! the supporters of the project in each class of `pay_cap` pay `cap` and become a new class (numbered
//! on from the classes before, in the order of `pay_cap`), those in each class of `pay_all` pay all
//! they have left. Certificates written before budget classes list one payment per group (`payments`).
struct ProjectPayments {
  ProjectIndex project{0};
  Rational rho;                        //!< the project's affordability when bought: price per unit of satisfaction
  std::vector<GroupPayment> payments;  //!< per paying voter group (the form before budget classes)
  Rational cap;                        //!< per unit of weight, what a supporter in a class of `pay_cap` pays
  std::vector<std::uint32_t> pay_cap;  //!< classes whose supporters pay `cap`
  std::vector<std::uint32_t> pay_all;  //!< classes whose supporters pay all they have left (at most `cap`)

  bool operator==(const ProjectPayments&) const = default;
};

//! Priceability certificate of an MES outcome: with every voter holding `voter_budget` per unit of
//! weight, the payments buy exactly the MES-bought projects and nobody overspends.
struct MesCertificate {
  Rational voter_budget;        //!< per unit of weight (after add1 increments, the final round's)
  std::uint32_t increments{0};  //!< add1 rounds taken before this outcome
  std::vector<ProjectPayments> purchases;

  bool operator==(const MesCertificate&) const = default;
};

//! Every purchase's payments per voter group, class-level payments expanded through the approvals.
struct GroupPayments {
  std::vector<std::vector<GroupPayment>> purchases;  //!< per purchase, in order of the project's supporters
  std::vector<std::vector<std::int64_t>> classes;    //!< beside each payment, its budget class (-1: none)
  std::vector<std::string> faults;                   //!< class references that do not hold, in words
};

//! The per-group payments a certificate stands for, in either form. A class unknown so far, named twice
//! in one purchase or holding no supporter of the project, and a certificate mixing both forms, are
//! faults; a purchase of a project unknown to `profile` expands to no payment.
[[nodiscard]] GroupPayments group_payments(const MesCertificate& certificate, const ApprovalProfile& profile);

//! Proof data of a maximum-welfare outcome.
struct WelfareCertificate {
  Rational welfare;        //!< total satisfaction of the selection
  Rational upper_bound;    //!< proven upper bound on any feasible selection's welfare (== welfare when optimal)
  std::uint64_t nodes{0};  //!< search nodes explored
  std::string method;      //!< "dynamic-programming", "branch-and-bound", ...

  bool operator==(const WelfareCertificate&) const = default;
};

//! One step of a rule: which project was taken (or dropped) in which phase, and by how much.
struct TraceStep {
  std::string phase;  //!< "zero-cost", "mes", "greedy", "phragmen", "add1", ...
  ProjectIndex project{0};
  Rational value;  //!< the step's criterion: MES rho, Phragmén load, greedy density; -1 stands for +infinity
  std::vector<ProjectIndex> tied;     //!< projects tied with the chosen one (chosen excluded)
  std::vector<ProjectIndex> dropped;  //!< projects dropped as no longer affordable in this step

  bool operator==(const TraceStep&) const = default;
};

//! A selected portfolio with what is needed to re-check it.
struct Outcome {
  std::vector<ProjectIndex> selected;  //!< in order of selection
  Rational total_cost;
  std::vector<TraceStep> trace;
  std::optional<MesCertificate> mes;
  std::optional<WelfareCertificate> welfare;

  //! The selection sorted by project index.
  [[nodiscard]] std::vector<ProjectIndex> sorted_selection() const;

  bool operator==(const Outcome&) const = default;
};

}  // namespace covalue::core
