// The storage contract, part 6: signing in (issue 15 item 4). A person's password hash, browser sessions and
// set-password links, kept per network under the hashes of their secrets.
#include <optional>
#include <vector>

#include "store_contract.hpp"

namespace covalue::testing {
namespace {

using core::ErrorKind;
using program::PasswordLink;
using program::Person;
using program::StoreSession;
using program::WebSession;

//! A representative of `partner` stored in a transaction of its own; returns its id.
program::PersonId add_partner_person(program::Store& store, net::PartnerId partner, const std::string& email) {
  Person person;
  person.partner = partner;
  person.name = "Zoë";
  person.email = email;
  return read_in(store, [&](StoreSession& s) { return s.insert_person(person); });
}

WebSession sample_session(program::PersonId person, char hash) {
  WebSession session;
  session.person = person;
  session.secret_hash = std::string(64, hash);
  session.created_at = "2026-12-04T10:00:00.000Z";
  session.last_seen_at = "2026-12-04T10:05:00.000Z";
  session.expires_at = "2027-01-03T10:00:00.000Z";
  return session;
}

PasswordLink sample_link(program::PersonId person, char hash) {
  PasswordLink link;
  link.person = person;
  link.secret_hash = std::string(64, hash);
  link.created_at = "2026-12-04T10:00:00.000Z";
  link.expires_at = "2026-12-07T10:00:00.000Z";
  return link;
}

TEST_P(StoreContract, APasswordHashIsKeptBesideThePersonNotInIt) {
  Filled filled = fill();
  const program::PersonId ana = add_partner_person(store(), filled.partners[0], "Ana@Acme.example");
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.password_hash(ana); }), std::nullopt);
  EXPECT_TRUE(must(store().email_networks("ana@acme.example")).empty());  // no password yet: no sign-in
  write([&](StoreSession& s) { return s.set_password_hash(ana, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"); });
  EXPECT_EQ(read_in(store(), [&](StoreSession& s) { return s.password_hash(ana); }),
            std::optional<std::string>("$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"));
  EXPECT_EQ(must(store().email_networks("ANA@acme.EXAMPLE")), std::vector<std::int64_t>{store().network()});
  EXPECT_TRUE(fails_with(store().transact([](StoreSession& s) { return s.set_password_hash(999, "x"); }),
                         ErrorKind::kNotFound, "999"));
  // A removed person keeps no password, and its address signs in nowhere.
  write([&](StoreSession& s) { return s.remove_person(ana); });
  EXPECT_TRUE(must(store().email_networks("ana@acme.example")).empty());
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) -> core::Status {
    auto hash = s.password_hash(ana);
    return hash.ok() ? core::Status() : core::Status(hash.error());
  }),
                         ErrorKind::kNotFound));
}

TEST_P(StoreContract, SessionsAreFoundByTheirSecretsHashAndRevokedOneOrAllOfAPerson) {
  Filled filled = fill();
  const program::PersonId ana = add_partner_person(store(), filled.partners[0], "ana@acme.example");
  const program::PersonId bo = add_partner_person(store(), filled.partners[1], "bo@beta.example");
  WebSession first = sample_session(ana, 'a');
  WebSession second = sample_session(ana, 'b');
  WebSession expired = sample_session(ana, 'c');
  expired.expires_at = "2026-12-01T00:00:00.000Z";
  WebSession other = sample_session(bo, 'd');
  for (WebSession* session : {&first, &second, &expired, &other}) {
    session->id = read_in(store(), [&](StoreSession& s) { return s.insert_web_session(*session); });
  }
  EXPECT_EQ(second.id, first.id + 1);
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.find_web_session(std::string(64, 'a')); }),
            std::optional<WebSession>(first));
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.find_web_session(std::string(64, 'z')); }), std::nullopt);
  EXPECT_EQ(must(store().sign_in_network(std::string(64, 'a'), false)), std::optional<std::int64_t>(store().network()));
  EXPECT_EQ(must(store().sign_in_network(std::string(64, 'a'), true)), std::nullopt);  // not a link's
  // A duplicate secret and an unknown person are refused; the transaction goes on.
  std::optional<core::Result<std::int64_t>> duplicate;
  std::optional<core::Result<std::int64_t>> stranger;
  write([&](StoreSession& s) -> core::Status {
    duplicate = s.insert_web_session(sample_session(bo, 'a'));
    stranger = s.insert_web_session(sample_session(4242, 'e'));
    return s.touch_web_session(first.id, "2026-12-04T11:00:00.000Z");
  });
  EXPECT_TRUE(fails_with(*duplicate, ErrorKind::kConflict));
  EXPECT_TRUE(fails_with(*stranger, ErrorKind::kNotFound, "4242"));
  first.last_seen_at = "2026-12-04T11:00:00.000Z";
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.find_web_session(std::string(64, 'a')); }),
            std::optional<WebSession>(first));
  // Ana's sessions in force end; the expired one and Bo's are not counted.
  EXPECT_EQ(
      read_in(store(), [&](StoreSession& s) { return s.revoke_person_sessions(ana, "2026-12-04T12:00:00.000Z"); }), 2);
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.find_web_session(std::string(64, 'b')); })->revoked);
  EXPECT_FALSE(read_in(store(), [](StoreSession& s) { return s.find_web_session(std::string(64, 'd')); })->revoked);
  write([&](StoreSession& s) { return s.revoke_web_session(other.id); });
  EXPECT_TRUE(read_in(store(), [](StoreSession& s) { return s.find_web_session(std::string(64, 'd')); })->revoked);
  EXPECT_TRUE(fails_with(store().transact([](StoreSession& s) { return s.revoke_web_session(777); }),
                         ErrorKind::kNotFound, "777"));
}

TEST_P(StoreContract, ALinkIsUsedOnceAndANewerOneClosesTheOlder) {
  Filled filled = fill();
  const program::PersonId ana = add_partner_person(store(), filled.partners[0], "ana@acme.example");
  PasswordLink older = sample_link(ana, '1');
  older.id = read_in(store(), [&](StoreSession& s) { return s.insert_password_link(older); });
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.find_password_link(std::string(64, '1')); }),
            std::optional<PasswordLink>(older));
  EXPECT_EQ(must(store().sign_in_network(std::string(64, '1'), true)), std::optional<std::int64_t>(store().network()));
  write([&](StoreSession& s) { return s.close_password_links(ana); });
  older.used = true;
  EXPECT_EQ(read_in(store(), [](StoreSession& s) { return s.find_password_link(std::string(64, '1')); }),
            std::optional<PasswordLink>(older));
  PasswordLink newer = sample_link(ana, '2');
  newer.id = read_in(store(), [&](StoreSession& s) { return s.insert_password_link(newer); });
  EXPECT_GT(newer.id, older.id);
  EXPECT_TRUE(fails_with(store().transact([&](StoreSession& s) -> core::Status {
    auto id = s.insert_password_link(sample_link(ana, '2'));
    return id.ok() ? core::Status() : core::Status(id.error());
  }),
                         ErrorKind::kConflict));
  EXPECT_FALSE(read_in(store(), [](StoreSession& s) { return s.find_password_link(std::string(64, '2')); })->used);
}

}  // namespace
}  // namespace covalue::testing
