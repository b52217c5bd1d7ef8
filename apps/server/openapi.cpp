// The OpenAPI document: generated from the route table, so the two cannot drift.
#include "openapi.hpp"

#include <string>

#include "covalue/core/enum_names.hpp"
#include "covalue/program/discussion.hpp"
#include "route_table.hpp"

namespace covalue::server {

namespace {

using nlohmann::json;

json ref(std::string_view schema) { return {{"$ref", "#/components/schemas/" + std::string(schema)}}; }

json error_responses(const Route& route) {
  json out = {{"400", {{"description", "malformed request: bad JSON, wrong shape or value"}}},
              {"404", {{"description", "unknown id"}}},
              {"409", {{"description", "state conflict"}}},
              {"413", {{"description", "body over 1 MiB"}}},
              {"500", {{"description", "server fault (logged)"}}}};
  if (route.access == Access::kCredentials) {
    out["401"] = {{"description",
                   "unknown e-mail address or wrong password, or an unusable link (counted as a failed "
                   "authentication)"}};
    out["403"] = {{"description", "an Origin header other than this server's own"}};
  } else if (route.access != Access::kPublic) {
    out["401"] = {{"description", "missing or unknown bearer token, or a session cookie that is over"}};
  }
  if (route.access != Access::kPublic && route.access != Access::kSignedIn && route.access != Access::kCredentials) {
    out["403"] = {{"description",
                   "the token's role may not do this (an administrator's token reaches only the "
                   "admin routes, a network's token every other route)"}};
  }
  for (auto& [status, response] : out.items()) {
    response["content"] = {{"application/json", {{"schema", ref("Error")}}}};
  }
  return out;
}

json parameters(const Route& route) {
  json out = json::array();
  std::string_view pattern = route.pattern;
  for (std::size_t open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
    const std::size_t close = pattern.find('}', open);
    const std::string name(pattern.substr(open + 1, close - open - 1));
    json schema = json{{"type", "integer"}, {"minimum", 1}};
    if (name == "kind") {
      schema = {{"type", "string"}, {"enum", {"network", "fairness", "engagement", "kpi", "partner", "cycle"}}};
    } else if (name == "subject") {
      schema = {{"type", "string"}, {"enum", core::names_of<program::SubjectKind>()}};
    }
    out.push_back({{"name", name}, {"in", "path"}, {"required", true}, {"schema", schema}});
  }
  std::string_view query = route.query;
  while (!query.empty()) {
    const std::size_t comma = query.find(',');
    const std::string name(query.substr(0, comma));
    out.push_back({{"name", name},
                   {"in", "query"},
                   {"required", false},
                   {"schema", name == "status" || name == "state" ? json{{"type", "string"}}
                                                                  : json{{"type", "integer"}, {"minimum", 0}}}});
    query = comma == std::string_view::npos ? std::string_view() : query.substr(comma + 1);
  }
  return out;
}

json operation(const Route& route) {
  json op = {{"operationId", route.operation},
             {"summary", route.summary},
             {"tags", {route.tag}},
             {"x-covalue-access", core::name_of(route.access)},
             {"parameters", parameters(route)},
             {"responses", error_responses(route)}};
  op["responses"][std::to_string(route.success)] = {
      {"description", route.summary}, {"content", {{"application/json", {{"schema", ref(route.response_schema)}}}}}};
  if (!route.request_schema.empty()) {
    json media = {{"schema", ref(route.request_schema)}};
    if (!route.example.empty()) {
      media["example"] = json::parse(route.example);
    }
    op["requestBody"] = {{"required", true}, {"content", {{"application/json", media}}}};
  }
  op["security"] = route.access == Access::kPublic || route.access == Access::kCredentials
                       ? json::array()
                       : json::array({{{"bearer", json::array()}}, {{"cookie", json::array()}}});
  return op;
}

json build_document() {
  json paths = json::object();
  for (const Route& route : routes()) {
    paths[std::string(route.pattern)][core::name_of(route.method)] = operation(route);
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "covalue API"},
            {"version", "0.1.0"},
            {"description",
             "The continuous-improvement program of a collaborative partner network. Exact numbers are strings "
             "of rationals (\"7/2\"); errors are {\"error\": {\"kind\", \"message\", \"field\"}}."}}},
          {"paths", std::move(paths)},
          {"components",
           {{"schemas", api_schemas()},
            {"securitySchemes",
             {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
              {"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "covalue_session"}}}}}}}};
}

}  // namespace

const nlohmann::json& openapi_document() {
  static const nlohmann::json document = build_document();
  return document;
}

}  // namespace covalue::server
