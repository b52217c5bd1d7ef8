// The OpenAPI document and the route table cannot drift: every route is documented with its method,
// and every documented path and method is routable.
#include "server/openapi.hpp"
#include "server/route_table.hpp"
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using ServerOpenApi = ServedNetwork;

//! "/api/cycles/{cycle}" -> "/api/cycles/1".
std::string concrete(std::string pattern) {
  for (std::size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{')) {
    pattern.replace(open, pattern.find('}', open) - open + 1, "1");
  }
  return pattern;
}

server::Method method_from(const std::string& name) {
  for (server::Method method : {server::Method::kGet, server::Method::kPost, server::Method::kPut,
                                server::Method::kPatch, server::Method::kDelete}) {
    if (name == core::name_of(method)) {
      return method;
    }
  }
  return server::Method::kOther;
}

TEST_F(ServerOpenApi, TheServedDocumentIsPublicAndListsEveryRoute) {
  const HttpAnswer answer = get("/api/openapi.json", "");
  ASSERT_EQ(answer.status, 200);
  const nlohmann::json document = answer.json();
  EXPECT_EQ(document, server::openapi_document());
  ASSERT_TRUE(document.contains("paths"));
  for (const server::Route& route : server::routes()) {
    const std::string path(route.pattern);
    ASSERT_TRUE(document["paths"].contains(path)) << path;
    const nlohmann::json& operation = document["paths"][path];
    ASSERT_TRUE(operation.contains(core::name_of(route.method))) << path << " " << core::name_of(route.method);
    EXPECT_EQ(operation[core::name_of(route.method)]["operationId"], route.operation);
  }
}

TEST_F(ServerOpenApi, EveryDocumentedOperationIsRoutable) {
  const nlohmann::json& document = server::openapi_document();
  std::size_t operations = 0;
  for (const auto& [path, item] : document["paths"].items()) {
    for (const auto& [name, operation] : item.items()) {
      ++operations;
      const server::RouteMatch match = server::match_route(method_from(name), concrete(path));
      ASSERT_NE(match.route, nullptr) << name << " " << path;
      EXPECT_EQ(std::string(match.route->pattern), path);
      std::string upper = name;
      for (char& ch : upper) {
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
      const std::string target = path == "/api/tokens/{token}" ? "/api/tokens/999" : concrete(path);
      const HttpAnswer answer = server_->request(upper, target, coordinator_, "{}");
      EXPECT_NE(answer.status, 405) << name << " " << path;
      EXPECT_EQ(answer.body.find("no route"), std::string::npos) << name << " " << path;
    }
  }
  EXPECT_EQ(operations, server::routes().size());
}

TEST_F(ServerOpenApi, EverySchemaTheRoutesNameExists) {
  const nlohmann::json& schemas = server::api_schemas();
  for (const server::Route& route : server::routes()) {
    EXPECT_TRUE(schemas.contains(std::string(route.response_schema))) << route.pattern;
    if (!route.request_schema.empty()) {
      EXPECT_TRUE(schemas.contains(std::string(route.request_schema))) << route.pattern;
    }
  }
  const std::string text = server::openapi_document().dump();
  for (std::size_t at = text.find("#/components/schemas/"); at != std::string::npos;
       at = text.find("#/components/schemas/", at + 1)) {
    const std::size_t start = at + std::string("#/components/schemas/").size();
    const std::string name = text.substr(start, text.find('"', start) - start);
    EXPECT_TRUE(schemas.contains(name)) << name;
  }
}

}  // namespace
}  // namespace covalue::testing
