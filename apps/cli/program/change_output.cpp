#include "program/change_output.hpp"

#include <fmt/core.h>

namespace covalue::cli {

namespace net = core::network;
using program::ReportCell;

Fields initiative_fields(const net::Initiative& initiative) {
  return {{"id", ReportCell::of_integer(initiative.id)},
          {"title", ReportCell::of_text(initiative.title)},
          {"status", ReportCell::of_text(net::name_of(initiative.status))},
          {"cycle", ReportCell::of_integer(initiative.cycle)},
          {"cost", ReportCell::of_number(initiative.cost)},
          {"network_value", ReportCell::of_number(initiative.network_value())}};
}

Fields partner_fields(const net::Partner& partner) {
  return {{"id", ReportCell::of_integer(partner.id)},
          {"name", ReportCell::of_text(partner.name)},
          {"tier", ReportCell::of_text(net::name_of(partner.tier))},
          {"joined_cycle", ReportCell::of_integer(partner.joined_cycle)},
          {"left_cycle", partner.left_cycle ? ReportCell::of_integer(*partner.left_cycle) : ReportCell::empty()}};
}

Fields charter_fields(const net::Charter& charter) {
  return {{"name", ReportCell::of_text(charter.name)},
          {"capacity", ReportCell::of_number(charter.capacity)},
          {"rule", ReportCell::of_text(net::name_of(charter.rule))},
          {"sharing", ReportCell::of_text(net::name_of(charter.sharing))},
          {"max_dry_spell", ReportCell::of_integer(charter.fairness.max_dry_spell)}};
}

Fields cycle_fields(const net::Cycle& cycle) {
  return {{"cycle", ReportCell::of_integer(cycle.number)},
          {"state", ReportCell::of_text(net::name_of(cycle.state))},
          {"rule", ReportCell::of_text(net::name_of(cycle.rule))},
          {"capacity", ReportCell::of_number(cycle.capacity)},
          {"proposals_close_at",
           cycle.proposals_close_at.empty() ? ReportCell() : ReportCell::of_text(cycle.proposals_close_at)},
          {"voting_closes_at",
           cycle.voting_closes_at.empty() ? ReportCell() : ReportCell::of_text(cycle.voting_closes_at)}};
}

}  // namespace covalue::cli
