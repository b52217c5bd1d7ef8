#include "http_network.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"
#include "server/api.hpp"
#include "server/route_table.hpp"

namespace covalue::fuzz {
namespace {

using server::Method;

[[noreturn]] void broken(const std::string& what) {
  std::fprintf(stderr, "http fuzzer: cannot seed the network: %s\n", what.c_str());
  std::abort();
}

template <typename T>
T checked(core::Result<T> result, const char* what) {
  if (!result.ok()) {
    broken(std::string(what) + ": " + result.error().to_string());
  }
  return std::move(result).value();
}

//! Sends the requests that seed the network, each expected to succeed with a given status.
class Seeder {
 public:
  Seeder(program::Store& store, const std::filesystem::path& web_dir, std::string coordinator)
      : api_(store, web_dir), coordinator_(std::move(coordinator)) {}

  //! Sends `method path` with `body` and an Authorization header (the coordinator's when empty);
  //! aborts unless the answer has `status`.
  nlohmann::json send(Method method, const std::string& path, unsigned status, const std::string& body = "",
                      const std::string& authorization = "") {
    server::ApiRequest request;
    request.method = method;
    request.path = path;
    request.authorization = authorization.empty() ? coordinator_ : authorization;
    request.body = body;
    const server::ApiResponse answer = api_.handle(request);
    const std::string text = answer.body ? *answer.body : std::string();
    if (answer.status != status) {
      broken(path + " answered " + std::to_string(answer.status) + ": " + text);
    }
    return nlohmann::json::parse(text);
  }

  //! Issues a token (POST /api/tokens) and returns its Authorization header.
  std::string token(const std::string& body) {
    return "Bearer " + send(Method::kPost, "/api/tokens", 201, body).at("secret").get<std::string>();
  }

 private:
  server::Api api_;
  std::string coordinator_;
};

void seed_partners_and_scorecard(Seeder& seed) {
  for (const char* partner : {R"({"name":"Acme","tier":"manufacturer"})", R"({"name":"Bolt","tier":"retailer"})",
                              R"({"name":"Cargo","tier":"logistics"})", R"({"name":"Delta","tier":"last_mile"})"}) {
    seed.send(Method::kPost, "/api/partners", 201, partner);
  }
  seed.send(Method::kPost, "/api/people", 201, R"({"partner":1,"name":"Ana","email":"ana@acme.example"})");
  seed.send(Method::kPost, "/api/people", 201,
            R"({"partner":2,"name":"Bo","email":"bo@bolt.example","time_zone":"Europe/Berlin","language":"de"})");
  seed.send(Method::kPut, "/api/scorecard", 200,
            R"({"formula":"weighted","criteria":[{"name":"value","kind":"value","weight":"2"},)"
            R"({"name":"effort","kind":"effort","weight":"1","low":"0","high":"10"}]})");
}

//! Cycle 1, closed under MES: initiatives 1 (partner 1), 2 (partner 2) and 3 (the coordinator's).
void seed_closed_cycle(Seeder& seed, const std::string& rep_a, const std::string& rep_b) {
  seed.send(Method::kPost, "/api/objectives", 201,
            R"({"partner":1,"kpi":"on_time_delivery","unit":"%","baseline":"90","target":"97"})", rep_a);
  seed.send(Method::kPost, "/api/cycles", 201);
  seed.send(Method::kPost, "/api/initiatives", 201,
            R"({"title":"Shared forecast","proposer":1,"cost":"30","channel":"supply_chain","objectives":[1],)"
            R"("volunteers":[1],"impacts":[{"partner":1,"estimate":"10"},{"partner":2,"estimate":"5"},)"
            R"({"partner":3,"estimate":"-2"}]})",
            rep_a);
  seed.send(Method::kPost, "/api/initiatives", 201,
            R"({"title":"Returns hub","proposer":2,"cost":"45/2","impacts":[{"partner":2,"estimate":"8"}]})", rep_b);
  seed.send(Method::kPost, "/api/initiatives", 201,
            R"({"title":"Dock slots","proposer":3,"cost":"80","description":"booking","impacts":[)"
            R"({"partner":3,"estimate":"12.5"},{"partner":1,"estimate":"1"}]})");
  seed.send(Method::kPut, "/api/initiatives/1/scores/1", 200,
            R"({"scores":[{"criterion":"value","value":"7"},{"criterion":"effort","value":"3"}]})", rep_a);
  seed.send(Method::kPost, "/api/cycles/1/voting", 200);
  seed.send(Method::kPut, "/api/cycles/1/ballots/1", 200,
            R"({"format":"approvals","entries":[{"initiative":1},{"initiative":3}]})", rep_a);
  seed.send(Method::kPut, "/api/cycles/1/ballots/2", 200,
            R"({"format":"approvals","entries":[{"initiative":2},{"initiative":1}]})", rep_b);
  seed.send(Method::kPost, "/api/cycles/1/close", 200);
  seed.send(Method::kPost, "/api/actuals", 201, R"({"cycle":1,"initiative":1,"partner":1,"actual":"9"})");
  seed.send(Method::kPost, "/api/kpis", 201, R"({"cycle":1,"objective":1,"value":"95"})");
  // Delivery by the lead (partner 1 leads initiative 1): milestone 1, and a realised value awaiting confirmation.
  seed.send(Method::kPost, "/api/initiatives/1/milestones", 201, R"({"title":"Pilot live","due_date":"2027-03-31"})",
            rep_a);
  seed.send(Method::kPut, "/api/initiatives/1/realised/1", 200, R"({"forecast":"12","actual":"10"})", rep_a);
}

//! Cycle 2 proposing under network-fair: initiatives 4 and 5 (6 withdrawn; partner 2 volunteers to lead
//! 5); partner 4 has left.
void seed_proposing_cycle(Seeder& seed, const std::string& rep_a, const std::string& rep_b) {
  // The partners elect the coordinator: partners 1 and 2 are willing, so cycle 2 opens election 1 (72 hours).
  seed.send(Method::kPatch, "/api/network", 200,
            R"({"rule":"network-fair","sharing":"shapley","coordination":"election"})");
  seed.send(Method::kPut, "/api/coordination/willing/1", 200, R"({"willing":true})", rep_a);
  seed.send(Method::kPut, "/api/coordination/willing/2", 200, R"({"willing":true})", rep_b);
  seed.send(Method::kPost, "/api/cycles", 201);
  seed.send(Method::kPost, "/api/initiatives", 201,
            R"({"title":"Cross-dock","proposer":1,"cost":"40","impacts":[{"partner":1,"estimate":"6"},)"
            R"({"partner":2,"estimate":"6"},{"partner":3,"estimate":"-1"}]})",
            rep_a);
  seed.send(Method::kPost, "/api/initiatives", 201,
            R"({"title":"Label printing","proposer":2,"cost":"15","impacts":[{"partner":2,"estimate":"4"}]})", rep_b);
  seed.send(Method::kPost, "/api/initiatives", 201,
            R"({"title":"Dropped idea","proposer":1,"cost":"5","impacts":[{"partner":1,"estimate":"1"}]})", rep_a);
  seed.send(Method::kPost, "/api/initiatives/6/withdraw", 200, "", rep_a);
  seed.send(Method::kPut, "/api/initiatives/5/volunteers/2", 200, "", rep_b);
  seed.send(Method::kPost, "/api/partners/4/leave", 200);
}

//! Cycle 2 voting: a ballot of partner 1 and one of partner 2 with an objection, which partner 1 answers in the
//! thread; initiative 7 waits.
void seed_voting(Seeder& seed, const std::string& rep_a, const std::string& rep_b) {
  seed.send(Method::kPost, "/api/cycles/2/voting", 200);
  seed.send(Method::kPut, "/api/cycles/2/ballots/1", 200,
            R"({"format":"scores","entries":[{"initiative":4,"value":"5"},{"initiative":5,"value":"2"}]})", rep_a);
  seed.send(Method::kPut, "/api/cycles/2/ballots/2", 200,
            R"({"format":"approvals","entries":[{"initiative":5}],)"
            R"("objections":[{"initiative":4,"reason":"too costly"}]})",
            rep_b);
  // Comment 1 anchors partner 2's objection in initiative 4's thread; comment 2 is partner 1's answer.
  seed.send(Method::kPost, "/api/threads/initiative/4/comments", 201,
            R"({"body":"We can share the dock, @Bolt","parent":1})", rep_a);
  seed.send(Method::kPost, "/api/initiatives", 201,
            R"({"title":"Next season","proposer":1,"cost":"10","impacts":[{"partner":1,"estimate":"2"}]})", rep_a);
}

std::string_view take_line(std::string_view& text) {
  const std::size_t end = text.find('\n');
  const std::string_view line = text.substr(0, end);
  text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  return line;
}

//! The index of `byte` in `letters`, or byte % their count.
std::size_t pick(std::string_view letters, char byte) {
  const std::size_t letter = letters.find(byte);
  return letter != std::string_view::npos ? letter : static_cast<unsigned char>(byte) % letters.size();
}

//! The method an upper-case word names, as the HTTP layer maps it: every Method of its name table (so
//! a method added to the enum is fuzzed too), anything else kOther.
Method method_of(std::string_view word) {
  for (const Method method : core::all_of<Method>()) {
    std::string name = core::name_of(method);
    for (char& ch : name) {
      ch = static_cast<char>(ch - 'a' + 'A');
    }
    if (method != Method::kOther && name != "OTHER" && name == word) {
      return method;
    }
  }
  return Method::kOther;
}

}  // namespace

const SeededNetwork& SeededNetwork::get() {
  static const SeededNetwork* network = [] {
    auto* built = new SeededNetwork();  // lives as long as the process (the fuzzer never returns)
    built->build();
    return built;
  }();
  return *network;
}

void SeededNetwork::build() {
  make_web_dir();
  std::unique_ptr<program::Store> store = checked(adapters::sqlite::open_sqlite_store(":memory:"), "open");
  program::Program operator_program(*store, {});
  core::network::Charter charter;
  charter.name = "Fuzz network";
  charter.capacity = 100;
  if (core::Status created = operator_program.init_network(charter); !created.ok()) {
    broken(created.error().to_string());
  }
  const std::string coordinator =
      checked(operator_program.issue_token(program::Role::kCoordinator, std::nullopt, "lead"), "token").secret;
  authorization_[static_cast<std::size_t>(Caller::kCoordinator)] = "Bearer " + coordinator;
  Seeder seed(*store, web_dir_, authorization_[static_cast<std::size_t>(Caller::kCoordinator)]);
  seed_partners_and_scorecard(seed);
  const std::string rep_a = seed.token(R"({"role":"representative","partner":1,"label":"Acme"})");
  const std::string rep_b = seed.token(R"({"role":"representative","partner":2,"label":"Bolt"})");
  authorization_[static_cast<std::size_t>(Caller::kRepA)] = rep_a;
  authorization_[static_cast<std::size_t>(Caller::kRepB)] = rep_b;
  authorization_[static_cast<std::size_t>(Caller::kObserver)] = seed.token(R"({"role":"observer","label":"audit"})");
  authorization_[static_cast<std::size_t>(Caller::kRevoked)] = seed.token(R"({"role":"observer","label":"old"})");
  authorization_[static_cast<std::size_t>(Caller::kGarbage)] = "Bearer cvt_0000000000000000000000000000000000000000";
  seed.send(Method::kDelete, "/api/tokens/5", 200);
  seed_closed_cycle(seed, rep_a, rep_b);
  seed_proposing_cycle(seed, rep_a, rep_b);
  // In P only: partner 1 has handed its ballot of cycle 2 to partner 2 (taken back before it votes in V).
  seed.send(Method::kPost, "/api/cycles/2/delegations/1", 201, R"({"proxy":2})", rep_a);
  seeds_[index(World::kProposing)] = checked(adapters::sqlite::sqlite_image(*store), "image");
  seed.send(Method::kDelete, "/api/cycles/2/delegations/1", 200, "", rep_a);
  seed_voting(seed, rep_a, rep_b);
  seeds_[index(World::kVoting)] = checked(adapters::sqlite::sqlite_image(*store), "image");
  seed.send(Method::kPost, "/api/cycles/2/close", 200);
  // In X only: the partners decide the charter by consent, and partner 1 proposes a unit (proposal 1, open).
  seed.send(Method::kPatch, "/api/network", 200, R"({"amendment_rule":"consent"})");
  seed.send(Method::kPost, "/api/charter/proposals", 201,
            R"({"changes":{"unit":"EUR"},"rationale":"Count in euros, as the partners' books do."})", rep_a);
  seeds_[index(World::kClosed)] = checked(adapters::sqlite::sqlite_image(*store), "image");
  for (const World world : {World::kProposing, World::kVoting, World::kClosed}) {
    opened_[index(world)] = checked(adapters::sqlite::sqlite_image(*open(world)), "image of a copy");
  }
}

std::unique_ptr<program::Store> SeededNetwork::open(World world) const {
  return checked(adapters::sqlite::open_sqlite_image(seeds_[index(world)]), "open an image");
}

void SeededNetwork::make_web_dir() {
  const std::filesystem::path root =
      std::filesystem::temp_directory_path() / ("covalue-http-fuzz-" + std::to_string(::getpid()));
  web_dir_ = root / "web";
  std::filesystem::create_directories(web_dir_ / "assets");
  std::ofstream(web_dir_ / "index.html") << "<!doctype html><title>covalue</title>";
  std::ofstream(web_dir_ / "assets" / "app.js") << "console.log('covalue');";
  secret_marker_ = "covalue-fuzz-secret-" + std::to_string(::getpid());
  std::ofstream(root / "secret.txt") << secret_marker_;
  std::atexit([] {
    std::error_code ignored;
    std::filesystem::remove_all(
        std::filesystem::temp_directory_path() / ("covalue-http-fuzz-" + std::to_string(::getpid())), ignored);
  });
}

std::optional<HttpInput> parse_http_input(std::string_view text, const SeededNetwork& network) {
  if (text.size() < 2) {
    return std::nullopt;
  }
  HttpInput input;
  input.caller = static_cast<Caller>(pick(kCallerLetters, text[0]));
  input.world = static_cast<World>(pick(kWorldLetters, text[1]));
  text.remove_prefix(2);
  input.request.authorization =
      input.caller == Caller::kRaw ? std::string(take_line(text)) : network.authorization(input.caller);
  std::string_view line = take_line(text);
  const std::size_t space = line.find(' ');
  input.request.method = method_of(line.substr(0, space));
  line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
  const std::size_t question = line.find('?');
  std::optional<std::string> path = server::percent_decode(line.substr(0, question));
  if (!path) {
    return std::nullopt;
  }
  input.request.path = std::move(*path);
  input.request.query = question == std::string_view::npos ? std::string() : std::string(line.substr(question + 1));
  input.request.body = std::string(text);
  return input;
}

}  // namespace covalue::fuzz
