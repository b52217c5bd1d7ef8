// The storage contract, part 4: many networks in one database. A store works on one network; every
// row belongs to one; ids, audit chains and versions are per network; names are unique in the database;
// a token's network is found from its secret hash.
#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::NetworkChoice;
using program::StoreSession;

// A second network's charter, named apart from the sample one.
net::Charter second_charter() {
  net::Charter charter = sample_charter();
  charter.name = "Second network";
  return charter;
}

program::AccessToken token_with_hash(const std::string& hash) {
  program::AccessToken token;
  token.role = program::Role::kCoordinator;
  token.label = "test";
  token.secret_hash = hash;
  token.issued_at = "2026-12-03T00:00:00Z";
  return token;
}

// The Status of a Result: its error, or ok.
template <typename T>
core::Status status_of(const core::Result<T>& result) {
  return result.ok() ? core::Status() : core::Status(result.error());
}

// Runs `work` in a transaction of `store`; a failure fails the test.
void write_in(program::Store& store, const std::function<core::Status(StoreSession&)>& work) {
  must(store.transact(work));
}

std::unique_ptr<program::Store> open_other(program::Store& store, const NetworkChoice& choice) {
  auto other = store.open_network(choice);
  EXPECT_TRUE(other.ok()) << other.error().to_string();
  return other.ok() ? std::move(other).value() : nullptr;
}

TEST_P(PersistentStoreContract, TwoNetworksInOneDatabaseSeeOnlyTheirOwnRows) {
  const Filled filled = fill();
  auto second = open_other(store(), {.name_or_id = "", .create = true});
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->network(), store().network() + 1);
  write_in(*second, [](StoreSession& s) { return s.save_charter(second_charter()); });
  const auto id = read_in(*second, [](StoreSession& s) { return s.insert_partner(sample_partner("Only here", {})); });
  EXPECT_EQ(id, 1);  // ids are per network
  const auto hash = std::string(64, 'b');
  write_in(*second, [&](StoreSession& s) { return status_of(s.insert_token(token_with_hash(hash))); });

  expect_same(snapshot(store()), filled.expected);
  const Snapshot seen = snapshot(*second);
  ASSERT_EQ(seen.partners.size(), 1U);
  EXPECT_EQ(seen.partners[0].name, "Only here");
  EXPECT_TRUE(seen.initiatives.empty());
  EXPECT_TRUE(seen.cycles.empty());
  EXPECT_TRUE(seen.audit.empty());
  EXPECT_EQ(seen.charter->name, "Second network");
  EXPECT_EQ(must(store().token_network(hash)), std::optional<std::int64_t>(second->network()));
  EXPECT_EQ(must(second->token_network(std::string(64, 'z'))), std::nullopt);
  EXPECT_EQ(must(second->version()), 0);
  EXPECT_GT(must(store().version()), 0);

  const auto networks = must(store().networks());
  ASSERT_EQ(networks.size(), 2U);
  EXPECT_EQ(networks[0].name, sample_charter().name);
  EXPECT_EQ(networks[1].name, "Second network");
  auto by_name = open_other(*second, {.name_or_id = sample_charter().name});
  ASSERT_NE(by_name, nullptr);
  expect_same(snapshot(*by_name), filled.expected);
  auto by_id = open_other(store(), {.name_or_id = std::to_string(second->network())});
  ASSERT_NE(by_id, nullptr);
  EXPECT_EQ(snapshot(*by_id), seen);
}

TEST_P(PersistentStoreContract, AReferenceToAnotherNetworksRowIsNotFound) {
  fill();
  auto second = open_other(store(), {.name_or_id = "", .create = true});
  ASSERT_NE(second, nullptr);
  write_in(*second, [](StoreSession& s) { return s.save_charter(second_charter()); });
  // Network 1 has partners 1..3 and initiatives; network 2 has none: naming them there finds nothing.
  const core::Status status = second->transact([](StoreSession& s) -> core::Status {
    return status_of(s.insert_initiative(sample_initiative("Borrowed", 1, {1})));
  });
  EXPECT_TRUE(fails_with(status, ErrorKind::kNotFound, "no partner with id 1"));
  EXPECT_TRUE(snapshot(*second).initiatives.empty());
}

TEST_P(PersistentStoreContract, ANetworkNameIsUniqueInTheDatabase) {
  fill();
  auto second = open_other(store(), {.name_or_id = "", .create = true});
  ASSERT_NE(second, nullptr);
  const core::Status status = second->transact([](StoreSession& s) { return s.save_charter(sample_charter()); });
  EXPECT_TRUE(fails_with(status, ErrorKind::kConflict, "a network named"));
  EXPECT_EQ(must(store().networks()).size(), 1U);
}

TEST_P(PersistentStoreContract, ChoosingANetworkNamesTheOnesThereAre) {
  fill();
  auto second = open_other(store(), {.name_or_id = "", .create = true});
  ASSERT_NE(second, nullptr);
  write_in(*second, [](StoreSession& s) { return s.save_charter(second_charter()); });
  EXPECT_TRUE(fails_with(store().open_network({}), ErrorKind::kInvalidInput, "holds 2 networks"));
  EXPECT_TRUE(fails_with(store().open_network({.name_or_id = "West"}), ErrorKind::kNotFound, "'Second network'"));
  EXPECT_TRUE(fails_with(store().open_network({.name_or_id = "9"}), ErrorKind::kNotFound, "no network with id"));
}

TEST_P(PersistentStoreContract, TheDeploymentHoldsTokensOfItsOwn) {
  fill();
  auto deployment = open_other(store(), {.name_or_id = "", .create = false, .deployment = true});
  ASSERT_NE(deployment, nullptr);
  EXPECT_EQ(deployment->network(), program::kDeploymentNetwork);
  const auto hash = std::string(64, 'd');
  write_in(*deployment, [&](StoreSession& s) { return status_of(s.insert_token(token_with_hash(hash))); });
  EXPECT_EQ(must(store().token_network(hash)), std::optional<std::int64_t>(program::kDeploymentNetwork));
  EXPECT_EQ(must(store().networks()).size(), 1U);  // the deployment is not a network of the list
}

TEST_P(PersistentStoreContract, ANetworksWorkWritesToTheDeploymentInItsOwnTransaction) {
  fill();
  auto deployment = open_other(store(), {.name_or_id = "", .create = false, .deployment = true});
  ASSERT_NE(deployment, nullptr);
  // Read once before, so that a store keeping reads must notice the change made through another one.
  EXPECT_FALSE(read_in(*deployment, [](StoreSession& s) { return s.last_audit(); }).has_value());
  auto second = open_other(store(), {.name_or_id = "", .create = true});
  ASSERT_NE(second, nullptr);
  write_in(*second, [](StoreSession& s) -> core::Status {
    if (core::Status saved = s.save_charter(second_charter()); !saved) {
      return saved;
    }
    core::Result<StoreSession*> home = s.deployment();
    if (!home) {
      return home.error();
    }
    return (*home)->append_audit(sample_audit(1));
  });
  EXPECT_EQ(read_in(*deployment, [](StoreSession& s) { return s.audit_entries(0, 10); }),
            std::vector<program::AuditEntry>{sample_audit(1)});
  EXPECT_TRUE(read_in(*second, [](StoreSession& s) { return s.audit_entries(0, 10); }).empty());

  // A work that fails after writing to both keeps neither write.
  EXPECT_TRUE(fails_with(second->transact([](StoreSession& s) -> core::Status {
    if (auto inserted = s.insert_partner(sample_partner("Gone", {})); !inserted) {
      return inserted.error();
    }
    core::Result<StoreSession*> home = s.deployment();
    if (!home) {
      return home.error();
    }
    if (core::Status audited = (*home)->append_audit(sample_audit(2)); !audited) {
      return audited;
    }
    return core::make_error(ErrorKind::kInvalidInput, "refused late");
  }),
                         ErrorKind::kInvalidInput, "refused late"));
  EXPECT_EQ(read_in(*deployment, [](StoreSession& s) { return s.audit_entries(0, 10); }).size(), 1U);
  EXPECT_TRUE(snapshot(*second).partners.empty());

  // The deployment's own session is itself.
  write_in(*deployment, [](StoreSession& s) -> core::Status {
    core::Result<StoreSession*> home = s.deployment();
    if (!home) {
      return home.error();
    }
    return *home == &s ? core::Status() : core::make_error(ErrorKind::kInternal, "another session");
  });
}

}  // namespace
}  // namespace covalue::testing
