// The role x endpoint matrix, driven by the route table: a route added to the table is checked here.
#include <algorithm>
#include <cctype>
#include <regex>
#include <string>
#include <vector>

#include "server/route_table.hpp"
#include "server_fixture.hpp"

namespace covalue::testing {
namespace {

using server::Access;
using server::Route;
using ServerAccess = ServedNetwork;

enum class Caller { kNobody, kObserver, kOtherRepresentative, kOwnRepresentative, kCoordinator };

//! What a caller should get: 0 allowed (neither 401 nor 403), else the denying status.
int expected(Access access, Caller caller) {
  if (access == Access::kPublic || access == Access::kCredentials) {
    return 0;
  }
  if (caller == Caller::kNobody) {
    return 401;
  }
  switch (access) {
    case Access::kPublic:
    case Access::kCredentials:
    case Access::kReader:
    case Access::kSignedIn:
      return 0;
    case Access::kAdmin:
      return 403;  // a network's token never reaches the deployment's routes
    case Access::kCoordinator:
      return caller == Caller::kCoordinator ? 0 : 403;
    case Access::kRepresentative:
      return caller == Caller::kOwnRepresentative ? 0 : 403;
    case Access::kPartnerOrCoordinator:
      return caller == Caller::kOwnRepresentative || caller == Caller::kCoordinator ? 0 : 403;
    case Access::kWriter:
      return caller == Caller::kObserver ? 403 : 0;
    case Access::kAuthor:  // comment 1 is partner 1's representative's (the test posts it first)
      return caller == Caller::kOwnRepresentative ? 0 : 403;
    case Access::kLead:  // initiative 1 is a candidate here, led by nobody: only a coordinator gets past access
      return caller == Caller::kCoordinator ? 0 : 403;
  }
  return 0;
}

//! The route's pattern with its parameters filled: partner 1, initiative 1, cycle 1, an unknown token.
std::string target_of(const Route& route) {
  std::string target(route.pattern);
  const std::vector<std::pair<std::string, std::string>> values = {{"{partner}", "1"},
                                                                   {"{initiative}", "1"},
                                                                   {"{cycle}", "1"},
                                                                   {"{token}", "999"},
                                                                   {"{kind}", "network"},
                                                                   {"{network}", "1"},
                                                                   {"{person}", "1"},
                                                                   {"{entry}", "1"},
                                                                   {"{delivery}", "1"},
                                                                   {"{webhook}", "1"},
                                                                   {"{subject}", "initiative"},
                                                                   {"{id}", "1"},
                                                                   {"{comment}", "1"},
                                                                   {"{simulation}", "1"},
                                                                   {"{proposal}", "1"},
                                                                   {"{election}", "1"},
                                                                   {"{milestone}", "1"}};
  for (const auto& [name, value] : values) {
    for (std::size_t at = target.find(name); at != std::string::npos; at = target.find(name)) {
      target.replace(at, name.size(), value);
    }
  }
  EXPECT_EQ(target.find('{'), std::string::npos) << "no test value for a parameter of " << route.pattern;
  return target;
}

//! The method as a request line writes it: its name ("get"), in upper case.
std::string verb(server::Method method) {
  std::string text(core::name_of(method));
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

//! Who calls: the role, named for the failure message, and its token.
struct Calling {
  Caller caller;
  const char* name;
  std::string token;
};

TEST_F(ServerAccess, EveryRouteForEveryRole) {
  ASSERT_EQ(post("/api/cycles", "", coordinator_).status, 201);  // cycle 1 exists, initiative 1 is its candidate
  ASSERT_EQ(post("/api/threads/initiative/1/comments", R"({"body":"comment 1, partner 1's"})", rep_a_).status, 201);
  const std::vector<Calling> callers = {{Caller::kNobody, "no token", ""},
                                        {Caller::kObserver, "observer", observer_},
                                        {Caller::kOtherRepresentative, "representative of partner 2", rep_b_},
                                        {Caller::kOwnRepresentative, "representative of partner 1", rep_a_},
                                        {Caller::kCoordinator, "coordinator", coordinator_}};
  ASSERT_FALSE(server::routes().empty());
  for (const Route& route : server::routes()) {
    if (!route.request_schema.empty()) {
      EXPECT_FALSE(route.example.empty()) << route.pattern << ": a route with a body needs an example";
    }
    const std::string target = target_of(route);
    for (const auto& [caller, name, token] : callers) {
      const HttpAnswer answer = server_->request(verb(route.method), target, token, std::string(route.example));
      const std::string where = verb(route.method) + " " + target + " as " + name + ": " +
                                std::to_string(answer.status) + " " + answer.body.substr(0, 300);
      EXPECT_NE(answer.status, 500) << where;
      EXPECT_NE(answer.status, 405) << where;
      const int denial = expected(route.access, caller);
      if (route.access == Access::kCredentials) {  // no role: the example's made-up credential is refused
        EXPECT_TRUE(answer.status == 401 || answer.status == 400) << where;
      } else if (denial == 0) {
        EXPECT_NE(answer.status, 401) << where;
        EXPECT_NE(answer.status, 403) << where;
      } else {
        EXPECT_EQ(answer.status, denial) << where;
      }
    }
  }
}

}  // namespace
}  // namespace covalue::testing
