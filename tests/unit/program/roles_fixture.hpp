#pragma once

// A network with an actor per role, for tests of what each role may do.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "covalue/program/program.hpp"

namespace covalue::program::testing {

namespace net = core::network;

//! A clock that ticks one second per reading, so audit times are predictable.
class FixedClock final : public Clock {
 public:
  std::string now() override { return "2026-11-23T00:00:" + std::to_string(10 + (ticks_++ % 50)) + ".000Z"; }

 private:
  int ticks_{0};
};

//! A clock the test sets.
class SetClock final : public Clock {
 public:
  std::string now() override { return now_; }
  void set(std::string now) { now_ = std::move(now); }

 private:
  std::string now_{"2026-12-01T09:00:00.000Z"};
};

//! A network of three partners (Retail, Courier, Maker) in a SQLite file, with a token per role: a
//! coordinator, Retail's and Courier's representatives and an observer.
class RolesFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("covalue-audit-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = adapters::sqlite::open_sqlite_store((dir_ / "net.db").string());
    ASSERT_TRUE(store.ok()) << store.error().to_string();
    store_ = std::move(*store);
    Program op = as(Actor::local_operator());
    net::Charter charter;
    charter.name = "Audit";
    charter.capacity = 20;
    charter.disclosure = net::BallotDisclosure::kAnonymous;
    ASSERT_TRUE(op.init_network(charter).ok());
    for (const char* name : {"Retail", "Courier", "Maker"}) {
      auto partner = op.add_partner(name, net::Tier::kRetailer);
      ASSERT_TRUE(partner.ok());
      ids_.push_back(partner->id);
    }
    coordinator_ = token(Role::kCoordinator, std::nullopt);
    retail_ = token(Role::kRepresentative, ids_[0]);
    courier_ = token(Role::kRepresentative, ids_[1]);
    observer_ = token(Role::kObserver, std::nullopt);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  Program as(Actor actor) { return Program(*store_, {}, std::move(actor), &clock_); }

  Actor token(Role role, std::optional<net::PartnerId> partner) {
    auto issued = as(Actor::local_operator()).issue_token(role, partner, "test");
    EXPECT_TRUE(issued.ok()) << issued.error().to_string();
    auto actor = Program::authenticate(*store_, issued->secret);
    EXPECT_TRUE(actor.ok()) << actor.error().to_string();
    return *actor;
  }

  net::Initiative initiative(const std::string& title, net::PartnerId proposer) const {
    net::Initiative i;
    i.title = title;
    i.proposer = proposer;
    i.cost = 5;
    i.impacts = {{ids_[0], 3}, {ids_[1], 2}};
    return i;
  }

  std::int64_t audit_size() {
    auto log = as(Actor::local_operator()).audit_log(0, 10000);
    EXPECT_TRUE(log.ok());
    return static_cast<std::int64_t>(log->size());
  }

  std::filesystem::path dir_;
  FixedClock clock_;
  std::unique_ptr<Store> store_;
  std::vector<net::PartnerId> ids_;
  Actor coordinator_, retail_, courier_, observer_;
};

}  // namespace covalue::program::testing
