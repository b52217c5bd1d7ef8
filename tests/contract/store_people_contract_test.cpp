// The storage contract, part 5: people (issue 13 item 1) and the person a token was issued to.
#include <optional>
#include <vector>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::Person;
using program::StoreSession;

Person sample_person(std::optional<net::PartnerId> partner, const std::string& email, program::Role role) {
  Person person;
  person.partner = partner;
  person.name = "Zoë " + email.substr(0, email.find('@'));
  person.email = email;
  person.role = role;
  person.time_zone = "Europe/Warsaw";
  person.language = program::Language::kPolish;
  return person;
}

//! Inserts `person` in a transaction of its own and returns it with the id the store gave it.
Person inserted(program::Store& store, Person person) {
  person.id = read_in(store, [&](StoreSession& s) { return s.insert_person(person); });
  return person;
}

TEST_P(StoreContract, PeopleAreStoredWholeAndReadById) {
  Filled filled = fill();
  const Person ana =
      inserted(store(), sample_person(filled.partners[0], "ana@acme.example", program::Role::kRepresentative));
  const Person coordinator =
      inserted(store(), sample_person(std::nullopt, "co@net.example", program::Role::kCoordinator));
  EXPECT_GT(coordinator.id, ana.id);
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.people(); }), (std::vector<Person>{ana, coordinator}));
}

TEST_P(StoreContract, AnEmailAddressIsUniqueAmongPresentPeopleAndTheSessionGoesOn) {
  Filled filled = fill();
  const Person ana =
      inserted(store(), sample_person(filled.partners[0], "ana@acme.example", program::Role::kRepresentative));
  Person twin = sample_person(filled.partners[1], "ana@acme.example", program::Role::kObserver);
  Person other = sample_person(filled.partners[1], "bo@beta.example", program::Role::kObserver);
  std::optional<core::Result<program::PersonId>> refused;
  std::optional<core::Result<program::PersonId>> accepted;
  write([&](StoreSession& s) -> core::Status {
    refused = s.insert_person(twin);
    accepted = s.insert_person(other);
    return accepted->ok() ? core::Status() : core::Status(accepted->error());
  });
  EXPECT_TRUE(fails_with(*refused, ErrorKind::kConflict, "ana@acme.example"));
  other.id = must(*accepted);
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.people(); }), (std::vector<Person>{ana, other}));
}

TEST_P(StoreContract, APersonOfAnUnknownPartnerIsNotFound) {
  fill();
  const Person stranger = sample_person(6464, "x@y.example", program::Role::kRepresentative);
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) -> core::Status {
    auto id = s.insert_person(stranger);
    return id.ok() ? core::Status() : core::Status(id.error());
  }),
                         ErrorKind::kNotFound, "6464"));
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.people(); }).empty());
}

TEST_P(StoreContract, ARemovedPersonKeepsItsIdWithoutItsEmailAndFreesTheAddress) {
  Filled filled = fill();
  Person ana = inserted(store(), sample_person(filled.partners[0], "ana@acme.example", program::Role::kRepresentative));
  write([&](StoreSession& s) { return s.remove_person(ana.id); });
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) { return s.remove_person(ana.id); }),
                         ErrorKind::kNotFound, std::to_string(ana.id)));
  EXPECT_TRUE(
      fails_with(store().transact([](StoreSession& s) { return s.remove_person(777); }), ErrorKind::kNotFound, "777"));
  const Person again =
      inserted(store(), sample_person(filled.partners[0], "ana@acme.example", program::Role::kRepresentative));
  EXPECT_GT(again.id, ana.id);  // an id is never given twice
  ana.removed = true;
  ana.email.clear();
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.people(); }), (std::vector<Person>{ana, again}));
}

TEST_P(StoreContract, ATokenKeepsThePersonItWasIssuedTo) {
  Filled filled = fill();
  const Person ana =
      inserted(store(), sample_person(filled.partners[0], "ana@acme.example", program::Role::kRepresentative));
  program::AccessToken token = sample_token(program::Role::kRepresentative, filled.partners[0], "ab");
  token.person = ana.id;
  token.id = read_in(store(), [&](StoreSession& s) { return s.insert_token(token); });
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.find_token(token.secret_hash); }), token);
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.tokens(); }).back(), token);
}

// Only stores of a database that holds several networks (PersistentStoreContract: SQLite files, PostgreSQL).
TEST_P(PersistentStoreContract, PeopleOfOneNetworkAreNotAnothers) {
  Filled filled = fill();
  inserted(store(), sample_person(filled.partners[0], "ana@acme.example", program::Role::kRepresentative));
  core::Result<std::unique_ptr<program::Store>> other =
      store().open_network(program::NetworkChoice{.name_or_id = "", .create = true, .deployment = false});
  ASSERT_TRUE(other.ok()) << other.error().to_string();
  EXPECT_TRUE(read_in(**other, [](StoreSession& s) { return s.people(); }).empty());
}

}  // namespace
}  // namespace covalue::testing
