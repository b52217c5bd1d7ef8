// The HTTP fuzzer's dictionary and seed corpus keep up with the API: every route, body member, enum
// name and query parameter is in tests/fuzz/http.dict, and every route has a seed input that succeeds
// on the seeded network (so the fuzzer starts from inside each handler, not at its door).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "covalue/core/ranking/ranking_rule.hpp"
#include "http_network.hpp"
#include "server/api.hpp"
#include "server/openapi.hpp"
#include "server/route_table.hpp"

namespace covalue::fuzz {
namespace {

using nlohmann::json;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

//! The entries of a libFuzzer dictionary: each line's quoted text, with \\, \" and \xNN unescaped.
std::set<std::string> dictionary_entries(const std::filesystem::path& path) {
  std::set<std::string> entries;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const std::size_t open = line.find('"');
    if (line.empty() || line.front() == '#' || open == std::string::npos || line.back() != '"') {
      continue;
    }
    std::string entry;
    for (std::size_t i = open + 1; i + 1 < line.size(); ++i) {
      if (line[i] == '\\' && i + 2 < line.size() && line[i + 1] == 'x') {
        entry += static_cast<char>(std::stoi(line.substr(i + 2, 2), nullptr, 16));
        i += 3;
      } else {
        entry += line[i] == '\\' ? line[++i] : line[i];
      }
    }
    entries.insert(entry);
  }
  return entries;
}

//! The names of every member of every schema ("properties") and every enum value, walked recursively.
void collect(const json& node, std::set<std::string>& members, std::set<std::string>& enums) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "properties" && value.is_object()) {
        for (const auto& member : value.items()) {
          members.insert(member.key());
        }
      }
      if (key == "enum" && value.is_array()) {
        for (const json& item : value) {
          enums.insert(item.get<std::string>());
        }
      }
      collect(value, members, enums);
    }
  } else if (node.is_array()) {
    for (const json& item : node) {
      collect(item, members, enums);
    }
  }
}

class HttpDictionary : public ::testing::Test {
 protected:
  const std::set<std::string> entries_ = dictionary_entries(std::filesystem::path(COVALUE_FUZZ_DIR) / "http.dict");
};

TEST_F(HttpDictionary, NamesEveryRouteAndItsSegments) {
  for (const server::Route& route : server::routes()) {
    std::string path;
    std::string_view rest = route.pattern.substr(1);
    while (!rest.empty()) {
      const std::string segment(rest.substr(0, rest.find('/')));
      rest.remove_prefix(std::min(rest.size(), segment.size() + 1));
      const bool parameter = segment.front() == '{';
      path += "/" + (parameter ? std::string("1") : segment);
      if (!parameter) {
        EXPECT_TRUE(entries_.count(segment)) << "segment " << segment << " of " << route.pattern;
      }
    }
    EXPECT_TRUE(entries_.count(path)) << path << " (" << route.pattern << ")";
    for (std::string_view query = route.query; !query.empty();) {
      const std::string name(query.substr(0, query.find(',')));
      query.remove_prefix(std::min(query.size(), name.size() + 1));
      EXPECT_TRUE(entries_.count(name + "=")) << "query " << name << " of " << route.pattern;
    }
  }
}

TEST_F(HttpDictionary, NamesEveryBodyMemberAndEnumValue) {
  std::set<std::string> members;
  std::set<std::string> enums;
  collect(server::api_schemas(), members, enums);
  ASSERT_GT(members.size(), 50U);
  for (const std::string& member : members) {
    EXPECT_TRUE(entries_.count("\"" + member + "\":")) << "member " << member;
  }
  for (const core::ranking::RankingRule rule : core::all_of<core::ranking::RankingRule>()) {
    enums.insert(core::name_of(rule));
  }
  for (const std::string& value : enums) {
    EXPECT_TRUE(entries_.count("\"" + value + "\"")) << "enum value " << value;
  }
  std::set<std::string> ignored;
  std::set<std::string> path_enums;
  collect(server::openapi_document().at("paths"), ignored, path_enums);
  for (const std::string& value : path_enums) {
    EXPECT_TRUE(entries_.count(value)) << "path parameter value " << value;
  }
}

TEST(HttpCorpus, EveryRouteHasASeedThatSucceeds) {
  // initNetwork can only conflict: the seeded network exists already. The administrators' routes answer
  // an admin token of the deployment only, which no caller of the fuzzer's private in-memory worlds holds
  // (a private database serves one network); tests/server/server_tenancy_test.cpp runs them over HTTP.
  // signIn and setPassword need a person with a password or a live set-password link, which the seeded
  // network's people do not have (tests/server/server_sign_in_test.cpp signs in over HTTP).
  // The inbox belongs to a person, and no caller of the fuzzer holds a token issued to one; the seeded network has
  // no dead delivery to retry and no webhook to remove (tests/server/server_outbox_test.cpp runs them over HTTP).
  // Follows and activity feeds belong to people too (tests/server/server_discussion_test.cpp).
  // E-mail preferences belong to people as the inbox does, and an unsubscribe link needs a token signed with the
  // network's secret (tests/server/server_preferences_test.cpp, tests/e2e/preferences_test.py). What-if jobs live in
  // a running server's memory, which a fresh Api has none of (tests/server/server_simulation_test.cpp).
  // Deciding a charter proposal or a coordinator election needs its window (at least a second, 72 hours in the
  // seeded network) to have ended on the real clock, which a network built when the process starts has not reached
  // (tests/server/server_charter_proposals_test.cpp and server_election_test.cpp wait for short windows over HTTP).
  const std::set<std::string_view> never_succeeds = {"initNetwork",
                                                     "listNetworks",
                                                     "createNetwork",
                                                     "exportNetwork",
                                                     "signIn",
                                                     "setPassword",
                                                     "inbox",
                                                     "readInbox",
                                                     "readAllInbox",
                                                     "retryDelivery",
                                                     "removeWebhook",
                                                     "follow",
                                                     "unfollow",
                                                     "activity",
                                                     "activitySeen",
                                                     "preferences",
                                                     "setPreferences",
                                                     "checkUnsubscribe",
                                                     "unsubscribe",
                                                     "showSimulation",
                                                     "cancelSimulation",
                                                     "decideCharterProposal",
                                                     "decideCoordinatorElection"};
  std::set<std::string_view> seeded;
  std::set<std::string_view> succeeded;
  const SeededNetwork& network = SeededNetwork::get();
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(COVALUE_CORPUS_DIR))) {
    const std::optional<HttpInput> input = parse_http_input(read_file(entry.path()), network);
    const server::RouteMatch match =
        input ? server::match_route(input->request.method, input->request.path) : server::RouteMatch{};
    if (match.route == nullptr) {
      continue;
    }
    seeded.insert(match.route->operation);
    std::unique_ptr<program::Store> store = network.open(input->world);
    server::Api api(*store, network.web_dir());
    if (api.handle(input->request).status < 300) {
      succeeded.insert(match.route->operation);
    }
  }
  for (const server::Route& route : server::routes()) {
    EXPECT_TRUE(seeded.count(route.operation)) << "no seed for " << route.operation;
    EXPECT_TRUE(succeeded.count(route.operation) || never_succeeds.count(route.operation))
        << "no seed of " << route.operation << " succeeds on the seeded network";
    EXPECT_FALSE(succeeded.count(route.operation) && never_succeeds.count(route.operation))
        << route.operation << " succeeds now: take it off the list of routes that never succeed";
  }
}

}  // namespace
}  // namespace covalue::fuzz
