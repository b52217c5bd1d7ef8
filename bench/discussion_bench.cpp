// Discussion and activity (issue 14): reading a thread of 1,000 comments (replies nested, revision counts, the
// reader's follow state), the first page (200 comments) of a thread of 10,000, and one page of an activity feed over
// 10,000 activities, each through the program on a SQLite file, as the server's GET /api/threads/.../comments and
// GET /api/activity run them.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"

namespace {

namespace core = covalue::core;
namespace net = covalue::core::network;
namespace program = covalue::program;

//! A network of 20 partners with a person each, initiative 1 of partner 1's (partners 1 to 10 estimate an impact)
//! and two of partner 20's that partner 1 does not follow; `comments` comments on initiative 1 (every third a reply
//! to the one before), each with its activity, and `others` more activities: every 50th a cycle event everyone
//! sees, the rest comments on the two initiatives the reader does not follow.
struct World {
  std::unique_ptr<program::Store> store;
  program::Actor reader;
  program::Subject subject;
};

std::string prepare(World& world, const std::string& path, int comments, int others) {
  std::filesystem::remove(path);
  auto store = covalue::adapters::sqlite::open_sqlite_store(path);
  if (!store) {
    return store.error().to_string();
  }
  world.store = std::move(*store);
  program::Program op(*world.store, {});
  net::Charter charter;
  charter.name = "Bench";
  charter.capacity = 100;
  if (!op.init_network(charter).ok()) {
    return "init failed";
  }
  std::vector<program::Actor> people;
  for (int p = 1; p <= 20; ++p) {
    auto partner = op.add_partner("Partner " + std::to_string(p), net::Tier::kRetailer);
    program::Person person;
    person.partner = partner->id;
    person.name = "Person " + std::to_string(p);
    person.email = "p@partner" + std::to_string(p) + ".example";
    auto added = op.add_person(person);
    auto token = op.issue_person_token(added->id, "bench");
    people.push_back(*program::Program::authenticate(*world.store, token->secret));
  }
  for (int i = 0; i < 3; ++i) {
    net::Initiative initiative;
    initiative.title = "Initiative " + std::to_string(i);
    initiative.proposer = i == 0 ? 1 : 20;
    initiative.cost = 5;
    for (int p = 1; p <= 10; ++p) {
      initiative.impacts.push_back({i == 0 ? p : 10 + p, 1});
    }
    if (auto proposed = op.propose(initiative); !proposed) {
      return proposed.error().to_string();
    }
  }
  world.subject = {program::SubjectKind::kInitiative, 1};
  world.reader = people[0];
  // Written straight through the store in one transaction: what many posts over weeks would have left.
  const core::Status written = world.store->transact([&](program::StoreSession& session) -> core::Status {
    std::optional<std::int64_t> last;
    for (int c = 0; c < comments; ++c) {
      program::Comment comment;
      comment.subject_kind = world.subject.kind;
      comment.subject_id = world.subject.id;
      comment.parent = c % 3 == 2 ? last : std::nullopt;
      comment.author = people[static_cast<std::size_t>(c % 20)].person;
      comment.author_name = "Person";
      comment.actor = "bench";
      comment.body = "Comment " + std::to_string(c) + " on the shared pallet pool, with a link https://example.org/p";
      comment.created_at = "2026-12-04T10:00:00.000Z";
      auto id = session.insert_comment(comment);
      if (!id) {
        return id.error();
      }
      last = *id;
      program::Activity activity;
      activity.occurred_at = comment.created_at;
      activity.kind = "comment";
      activity.subject = world.subject;
      activity.actor = "Person";
      activity.payload = R"({"title":"Initiative 0","excerpt":"Comment"})";
      if (auto noted = session.insert_activity(activity); !noted) {
        return noted.error();
      }
    }
    for (int a = 0; a < others; ++a) {
      program::Activity activity;
      activity.occurred_at = "2026-12-04T10:00:00.000Z";
      activity.kind = a % 50 == 0 ? "voting_opened" : "comment";
      activity.subject = a % 50 == 0 ? program::Subject{program::SubjectKind::kCycle, 1}
                                     : program::Subject{program::SubjectKind::kInitiative, 2 + a % 2};
      activity.audience = a % 50 == 0 ? program::ActivityAudience::kEveryone : program::ActivityAudience::kFollowers;
      activity.payload = R"({"title":"Elsewhere"})";
      if (auto noted = session.insert_activity(activity); !noted) {
        return noted.error();
      }
    }
    return {};
  });
  if (!written) {
    return written.error().to_string();
  }
  return "";
}

void BM_Thread(benchmark::State& state) {  // NOLINT(readability-identifier-naming): Google Benchmark
  World world;
  const std::string path = (std::filesystem::temp_directory_path() / "covalue-bench-thread.db").string();
  if (std::string failed = prepare(world, path, static_cast<int>(state.range(0)), 0); !failed.empty()) {
    state.SkipWithError(failed.c_str());
    return;
  }
  program::Program reader(*world.store, {}, world.reader);
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    auto thread = reader.thread(world.subject);
    if (!thread || static_cast<std::int64_t>(thread->comments.size()) != state.range(0)) {
      state.SkipWithError("the thread did not read back");
      return;
    }
    benchmark::DoNotOptimize(thread);
  }
  world.store.reset();
  std::filesystem::remove(path);
}

void BM_ThreadFirstPage(benchmark::State& state) {  // NOLINT(readability-identifier-naming): Google Benchmark
  World world;
  const std::string path = (std::filesystem::temp_directory_path() / "covalue-bench-thread-page.db").string();
  if (std::string failed = prepare(world, path, static_cast<int>(state.range(0)), 0); !failed.empty()) {
    state.SkipWithError(failed.c_str());
    return;
  }
  program::Program reader(*world.store, {}, world.reader);
  const std::int64_t limit = std::min<std::int64_t>(program::kDefaultThreadPage, state.range(0));
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    auto page = reader.thread_page(world.subject, 0, limit);
    if (!page || static_cast<std::int64_t>(page->comments.size()) != limit || page->total != state.range(0)) {
      state.SkipWithError("the first page did not read back");
      return;
    }
    benchmark::DoNotOptimize(page);
  }
  world.store.reset();
  std::filesystem::remove(path);
}

void BM_ActivityPage(benchmark::State& state) {  // NOLINT(readability-identifier-naming): Google Benchmark
  World world;
  const std::string path = (std::filesystem::temp_directory_path() / "covalue-bench-activity.db").string();
  const int followed = static_cast<int>(state.range(0)) / 10;
  if (std::string failed = prepare(world, path, followed, static_cast<int>(state.range(0)) - followed);
      !failed.empty()) {
    state.SkipWithError(failed.c_str());
    return;
  }
  program::Program reader(*world.store, {}, world.reader);
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark loop
    auto page = reader.activity(0, 30);
    if (!page || page->items.size() != 30U) {
      state.SkipWithError("the feed did not read back");
      return;
    }
    benchmark::DoNotOptimize(page);
  }
  world.store.reset();
  std::filesystem::remove(path);
}

}  // namespace

BENCHMARK(BM_Thread)->Arg(1000)->Unit(benchmark::kMillisecond)->Name("BM_Thread");
BENCHMARK(BM_ThreadFirstPage)->Arg(10000)->Unit(benchmark::kMillisecond)->Name("BM_ThreadFirstPage");
BENCHMARK(BM_ActivityPage)->Arg(10000)->Unit(benchmark::kMillisecond)->Name("BM_ActivityPage");
BENCHMARK(BM_Thread)->Arg(30)->Unit(benchmark::kMillisecond)->Name("Smoke_Thread");
BENCHMARK(BM_ActivityPage)->Arg(300)->Unit(benchmark::kMillisecond)->Name("Smoke_ActivityPage");
BENCHMARK(BM_ThreadFirstPage)->Arg(30)->Unit(benchmark::kMillisecond)->Name("Smoke_ThreadFirstPage");

BENCHMARK_MAIN();
