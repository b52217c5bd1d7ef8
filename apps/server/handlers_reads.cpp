// Handlers of reads that span the program: the OpenAPI document, the session, the dashboard, reports.
#include "covalue/adapters/json/access_json.hpp"
#include "covalue/adapters/json/report_json.hpp"
#include "covalue/core/text.hpp"
#include "covalue/program/report.hpp"
#include "dashboard.hpp"
#include "handler_support.hpp"
#include "handlers.hpp"
#include "openapi.hpp"

namespace covalue::server {

namespace codec = adapters::json;
namespace net = core::network;
using nlohmann::json;

namespace {

core::Result<json> report_json(core::Result<program::Report> report) {
  if (!report) {
    return report.error();
  }
  return codec::report_to_json(*report);
}

core::Result<json> report_of_kind(program::Queries queries, const std::string& kind) {
  if (kind == "network") {
    return report_json(queries.network_report());
  }
  if (kind == "fairness") {
    return report_json(queries.fairness_report());
  }
  if (kind == "engagement") {
    return report_json(queries.engagement_report());
  }
  if (kind == "kpi") {
    return report_json(queries.kpi_report());
  }
  if (kind == "partner") {
    return report_json(queries.partner_report(std::nullopt));
  }
  if (kind == "cycle") {
    return report_json(queries.cycle_report(std::nullopt));
  }
  return core::make_error(
      core::ErrorKind::kNotFound,
      "no report " + core::quote_excerpt(kind) + " (network, fairness, engagement, kpi, partner, cycle)", "path.kind");
}

}  // namespace

core::Result<Reply> handle_openapi(RouteCall& /*call*/) {
  static const std::shared_ptr<const std::string> text = std::make_shared<const std::string>(openapi_document().dump());
  Reply reply;
  reply.text = text;
  return reply;
}

core::Result<Reply> handle_session(RouteCall& call) {
  json session = codec::actor_to_json(call.program.actor());
  // A person's own time zone and language: the web UI shows times (deadlines) in the zone the person chose.
  // A representative whose partner coordinates by the charter's rotation (issue 14 item 4).
  session["coordinating"] = call.program.actor().coordinates();
  session["time_zone"] = nullptr;
  session["language"] = nullptr;
  if (const std::optional<std::int64_t> id = call.program.actor().person) {
    core::Result<std::vector<program::Person>> people = call.program.people();
    if (!people) {
      return people.error();
    }
    for (const program::Person& person : *people) {
      if (person.id == *id) {
        session["time_zone"] = person.time_zone;
        session["language"] = program::name_of(person.language);
      }
    }
  }
  return json_reply(session);
}

core::Result<Reply> handle_dashboard(RouteCall& call) {
  return cached_json(call, "dashboard", [&] { return encoded(call.program.queries().dashboard(), dashboard_json); });
}

core::Result<Reply> handle_report(RouteCall& call) {
  const std::string kind = call.params.at("kind");
  return cached_json(call, "report " + kind, [&] { return report_of_kind(call.program.queries(), kind); });
}

core::Result<Reply> handle_partner_report(RouteCall& call) {
  core::Result<std::int64_t> id = call.id("partner");
  if (!id) {
    return id.error();
  }
  return cached_json(call, "report partner " + std::to_string(*id),
                     [&] { return report_json(call.program.queries().partner_report(*id)); });
}

core::Result<Reply> handle_cycle_report(RouteCall& call) {
  core::Result<std::int64_t> number = call.id("cycle");
  if (!number) {
    return number.error();
  }
  return cached_json(call, "report cycle " + std::to_string(*number),
                     [&] { return report_json(call.program.queries().cycle_report(*number)); });
}

}  // namespace covalue::server
