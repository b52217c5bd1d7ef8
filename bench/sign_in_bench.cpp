// Benchmarks of signing in (issue 15 item 4): the Argon2id hash of a new password and its verification
// (libsodium's crypto_pwhash_str with the interactive limits: 2 passes over 64 MiB, one lane), which is
// what a sign-in costs the server beyond a couple of indexed reads; and a whole sign-in on a SQLite store
// (check the password, open the session), then a request's session check.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"

namespace covalue::program {
namespace {

constexpr const char* kPassword = "correct horse battery staple";

void BM_SignInSmoke(benchmark::State& state) {
  const std::string hash = *hash_password(kPassword);
  for (auto _ : state) {
    benchmark::DoNotOptimize(verify_password(hash, "wrong"));
  }
}
BENCHMARK(BM_SignInSmoke)->Iterations(1);

void BM_HashPassword(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(hash_password(kPassword));
  }
}
BENCHMARK(BM_HashPassword)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_VerifyPassword(benchmark::State& state) {
  const std::string hash = *hash_password(kPassword);
  for (auto _ : state) {
    benchmark::DoNotOptimize(verify_password(hash, kPassword));
  }
}
BENCHMARK(BM_VerifyPassword)->Unit(benchmark::kMillisecond)->UseRealTime();

//! A network with one person whose password is set, in a SQLite file of its own.
class SignedUpNetwork {
 public:
  SignedUpNetwork() {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto opened = adapters::sqlite::open_sqlite_store((dir_ / "net.db").string());
    store_ = std::move(opened).value();
    Program op(*store_, {});
    core::network::Charter charter;
    charter.name = "Bench";
    (void)op.init_network(charter);
    Person ana;
    ana.role = Role::kCoordinator;
    ana.name = "Ana";
    ana.email = "ana@bench.example";
    person_ = *op.add_person(ana);
    const IssuedPasswordLink link = *op.create_password_link(person_.id);
    (void)Program::set_password(*store_, link.secret, kPassword, clock_);
  }
  ~SignedUpNetwork() {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  SignedUpNetwork(const SignedUpNetwork&) = delete;
  SignedUpNetwork& operator=(const SignedUpNetwork&) = delete;

  Store& store() { return *store_; }
  Clock& clock() { return clock_; }

 private:
  std::filesystem::path dir_ = std::filesystem::temp_directory_path() / "covalue-sign-in-bench";
  SystemClock clock_;
  std::unique_ptr<Store> store_;
  Person person_;
};

// What POST /api/session does on one network: find the person, verify, store a new session.
void BM_SignIn(benchmark::State& state) {
  SignedUpNetwork network;
  for (auto _ : state) {
    core::Result<Person> person = Program::check_sign_in(network.store(), "ana@bench.example", kPassword);
    if (!person) {
      state.SkipWithError(person.error().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(Program::open_session(network.store(), *person, {}, network.clock()));
  }
}
BENCHMARK(BM_SignIn)->Unit(benchmark::kMillisecond)->UseRealTime();

// What a request with the session cookie costs before the server's 1 s actor cache holds it.
void BM_SessionCheck(benchmark::State& state) {
  SignedUpNetwork network;
  core::Result<Person> person = Program::check_sign_in(network.store(), "ana@bench.example", kPassword);
  const OpenedSession opened = *Program::open_session(network.store(), *person, {}, network.clock());
  for (auto _ : state) {
    core::Result<Actor> actor = Program::authenticate_session(network.store(), opened.secret, {}, network.clock());
    if (!actor) {
      state.SkipWithError(actor.error().to_string().c_str());
      break;
    }
    benchmark::DoNotOptimize(actor);
  }
}
BENCHMARK(BM_SessionCheck)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
}  // namespace covalue::program

BENCHMARK_MAIN();
