// People (issue 13 item 1): who may add and remove whom, what each one sees of e-mail addresses, bad input,
// tokens issued to a person, and the audit entries.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "covalue/program/program.hpp"
#include "roles_fixture.hpp"

namespace covalue::program {
namespace {

namespace net = core::network;

using People = testing::RolesFixture;

Person person(std::optional<net::PartnerId> partner, const std::string& name, const std::string& email,
              Role role = Role::kRepresentative) {
  Person p;
  p.partner = partner;
  p.name = name;
  p.email = email;
  p.role = role;
  p.time_zone = "Europe/Berlin";
  p.language = Language::kGerman;
  return p;
}

::testing::AssertionResult refused(const core::Result<Person>& result, core::ErrorKind kind, const std::string& where) {
  if (result.ok()) {
    return ::testing::AssertionFailure() << "worked";
  }
  if (result.error().kind != kind || result.error().where != where) {
    return ::testing::AssertionFailure() << result.error().to_string();
  }
  return ::testing::AssertionSuccess();
}

TEST_F(People, ARepresentativeManagesItsOwnPartnersPeopleOnly) {
  auto ana = as(retail_).add_person(person(ids_[0], "Ana", "ana@retail.example"));
  ASSERT_TRUE(ana.ok()) << ana.error().to_string();
  EXPECT_TRUE(refused(as(retail_).add_person(person(ids_[1], "Bo", "bo@courier.example")), core::ErrorKind::kForbidden,
                      "partner"));
  EXPECT_TRUE(refused(as(retail_).add_person(person(std::nullopt, "Co", "co@net.example", Role::kCoordinator)),
                      core::ErrorKind::kForbidden, "role"));
  EXPECT_TRUE(refused(as(observer_).add_person(person(ids_[0], "Ob", "ob@retail.example")), core::ErrorKind::kForbidden,
                      "partner"));
  auto bo = as(coordinator_).add_person(person(ids_[1], "Bo", "bo@courier.example"));
  ASSERT_TRUE(bo.ok());
  EXPECT_TRUE(refused(as(retail_).remove_person(bo->id), core::ErrorKind::kForbidden, "partner"));
  EXPECT_TRUE(refused(as(observer_).remove_person(ana->id), core::ErrorKind::kForbidden, "role"));
  EXPECT_TRUE(as(retail_).remove_person(ana->id).ok());
  EXPECT_TRUE(refused(as(retail_).remove_person(ana->id), core::ErrorKind::kNotFound, "person"));
}

TEST_F(People, EmailAddressesAreShownOnlyToCoordinatorsAndThePersonsOwnPartner) {
  ASSERT_TRUE(as(coordinator_).add_person(person(ids_[0], "Ana", "ana@retail.example")).ok());
  ASSERT_TRUE(as(coordinator_).add_person(person(ids_[1], "Bo", "bo@courier.example")).ok());
  ASSERT_TRUE(as(coordinator_).add_person(person(std::nullopt, "Co", "co@net.example", Role::kCoordinator)).ok());
  const auto emails = [&](const Actor& actor) {
    std::vector<std::string> seen;
    const core::Result<std::vector<Person>> people = as(actor).people();
    EXPECT_TRUE(people.ok());
    for (const Person& p : people.ok() ? *people : std::vector<Person>{}) {
      seen.push_back(p.name + ":" + p.email);
    }
    return seen;
  };
  EXPECT_EQ(emails(coordinator_),
            (std::vector<std::string>{"Ana:ana@retail.example", "Bo:bo@courier.example", "Co:co@net.example"}));
  EXPECT_EQ(emails(retail_), (std::vector<std::string>{"Ana:ana@retail.example", "Bo:", "Co:"}));
  EXPECT_EQ(emails(courier_), (std::vector<std::string>{"Ana:", "Bo:bo@courier.example", "Co:"}));
  EXPECT_EQ(emails(observer_), (std::vector<std::string>{"Ana:", "Bo:", "Co:"}));
}

TEST_F(People, BadInputIsRefusedNamingTheField) {
  Program coordinator = as(coordinator_);
  for (const char* bad :
       {"", "ana", "ana@", "@retail.example", "ana@retail", "a na@retail.example", "ana@retail..example",
        ".ana@retail.example", "ana@-retail.example", "\"ana\"@retail.example", "Ana <ana@retail.example>"}) {
    EXPECT_TRUE(refused(coordinator.add_person(person(ids_[0], "Ana", bad)), core::ErrorKind::kInvalidInput, "email"))
        << bad;
  }
  Person zone = person(ids_[0], "Ana", "ana@retail.example");
  for (const char* bad : {"", "Mars/Olympus", "../../etc/passwd", "Europe//Berlin", "/etc/localtime", "Europe/"}) {
    zone.time_zone = bad;
    EXPECT_TRUE(refused(coordinator.add_person(zone), core::ErrorKind::kInvalidInput, "time_zone")) << bad;
  }
  EXPECT_TRUE(refused(coordinator.add_person(person(ids_[0], "", "ana@retail.example")), core::ErrorKind::kInvalidInput,
                      "name"));
  EXPECT_TRUE(refused(coordinator.add_person(person(std::nullopt, "Ana", "ana@retail.example")),
                      core::ErrorKind::kInvalidInput, "partner"));
  EXPECT_TRUE(refused(coordinator.add_person(person(ids_[0], "Co", "co@net.example", Role::kCoordinator)),
                      core::ErrorKind::kInvalidInput, "partner"));
  EXPECT_TRUE(refused(coordinator.add_person(person(std::nullopt, "Op", "op@net.example", Role::kOperator)),
                      core::ErrorKind::kInvalidInput, "role"));
  EXPECT_TRUE(
      refused(coordinator.add_person(person(999, "Ana", "ana@retail.example")), core::ErrorKind::kNotFound, "partner"));
  ASSERT_TRUE(coordinator.add_person(person(ids_[0], "Ana", "ana@retail.example")).ok());
  EXPECT_TRUE(refused(coordinator.add_person(person(ids_[1], "Ana", "ana@retail.example")), core::ErrorKind::kConflict,
                      "email"));
  for (const char* good : {"UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Europe/Warsaw"}) {
    zone.time_zone = good;
    zone.email = std::string("z") + std::to_string(std::hash<std::string>{}(good) % 100000) + "@retail.example";
    EXPECT_TRUE(coordinator.add_person(zone).ok()) << good;
  }
}

TEST_F(People, ATokenIssuedToAPersonActsAsItAndDiesWithIt) {
  auto ana = as(coordinator_).add_person(person(ids_[0], "Ana", "ana@retail.example"));
  ASSERT_TRUE(ana.ok());
  EXPECT_EQ(as(retail_).issue_person_token(ana->id, "").error().kind, core::ErrorKind::kForbidden);
  EXPECT_EQ(as(coordinator_).issue_person_token(999, "").error().kind, core::ErrorKind::kNotFound);
  auto issued = as(coordinator_).issue_person_token(ana->id, "");
  ASSERT_TRUE(issued.ok()) << issued.error().to_string();
  EXPECT_EQ(issued->token.label, "Ana");
  auto actor = Program::authenticate(*store_, issued->secret);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->role, Role::kRepresentative);
  EXPECT_EQ(actor->partner, std::optional<net::PartnerId>(ids_[0]));
  EXPECT_EQ(actor->person, std::optional<PersonId>(ana->id));
  ASSERT_TRUE(as(coordinator_).remove_person(ana->id).ok());
  EXPECT_EQ(Program::authenticate(*store_, issued->secret).error().kind, core::ErrorKind::kUnauthenticated);
  EXPECT_EQ(as(coordinator_).issue_person_token(ana->id, "").error().kind, core::ErrorKind::kNotFound);
}

TEST_F(People, ChangesToPeopleAreAuditedWithoutEmailAddresses) {
  auto ana = as(coordinator_).add_person(person(ids_[0], "Ana", "ana@retail.example"));
  ASSERT_TRUE(ana.ok());
  ASSERT_TRUE(as(coordinator_).remove_person(ana->id).ok());
  auto log = as(coordinator_).audit_log(0, 1000);
  ASSERT_TRUE(log.ok());
  ASSERT_GE(log->size(), 2U);
  EXPECT_EQ((*log)[log->size() - 2].action, "add_person");
  EXPECT_EQ(log->back().action, "remove_person");
  for (const AuditEntry& entry : *log) {
    EXPECT_EQ(entry.detail.find("ana@retail.example"), std::string::npos) << entry.detail;
  }
  EXPECT_TRUE(as(coordinator_).verify_audit().value().intact());
}

}  // namespace
}  // namespace covalue::program
