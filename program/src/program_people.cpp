#include <algorithm>

#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

using nlohmann::json;

namespace detail {

// kForbidden unless `actor` may manage `person`: coordinators anyone, a representative its own partner's
// representatives and observers.
core::Status require_manages(const Actor& actor, const Person& person, const std::string& what) {
  if (actor.coordinates()) {
    return {};
  }
  if (actor.role == Role::kRepresentative && actor.partner && person.partner == actor.partner &&
      person.role != Role::kCoordinator) {
    return {};
  }
  return core::make_error(core::ErrorKind::kForbidden,
                          "only a coordinator, or a representative of the person's own partner, can " + what,
                          person.partner ? "partner" : "role");
}

const Person* find_person(const std::vector<Person>& people, PersonId id) {
  const auto found = std::find_if(people.begin(), people.end(), [&](const Person& p) { return p.id == id; });
  return found == people.end() ? nullptr : &*found;
}

}  // namespace detail

namespace {

//! The audit detail of a person: never its e-mail address, which the audit log shows to everyone who reads it.
json person_detail(const Person& person) {
  json detail = {{"person", person.id},
                 {"name", person.name},
                 {"role", name_of(person.role)},
                 {"time_zone", person.time_zone},
                 {"language", name_of(person.language)}};
  if (person.partner) {
    detail["partner"] = *person.partner;
  }
  return detail;
}

//! True when `actor` may read `person`'s e-mail address.
bool sees_email(const Actor& actor, const Person& person) {
  return actor.coordinates() || (actor.partner && person.partner == actor.partner);
}

}  // namespace

core::Result<Person> Program::add_person(const Person& person) {
  if (core::Status valid = check_person(person); !valid) {
    return valid.error();
  }
  if (core::Status allowed = detail::require_manages(actor_, person, "add this person"); !allowed) {
    return allowed.error();
  }
  return detail::run_change_to<Person>(
      {store_, actor_, *clock_}, "add_person", SnapshotParts::minimal(), person,
      [&](StoreSession& session, Snapshot& snapshot, json& detail, Person& added) -> core::Status {
        if (added.partner && snapshot.find_partner(*added.partner) == nullptr) {
          return detail::not_found("no partner with id " + std::to_string(*added.partner), "partner");
        }
        core::Result<PersonId> id = session.insert_person(added);
        if (!id) {
          return id.error();
        }
        added.id = *id;
        detail = person_detail(added);
        return {};
      });
}

core::Result<Person> Program::remove_person(PersonId id) {
  if (actor_.role != Role::kRepresentative) {
    if (core::Status allowed = detail::require_coordinator(actor_, "remove people"); !allowed) {
      return allowed.error();
    }
  }
  return detail::run_change_to<Person>(
      {store_, actor_, *clock_}, "remove_person", SnapshotParts::minimal(), {},
      [&](StoreSession& session, Snapshot& /*snapshot*/, json& detail, Person& removed) -> core::Status {
        core::Result<std::vector<Person>> people = session.people();
        if (!people) {
          return people.error();
        }
        const Person* found = detail::find_person(*people, id);
        if (found == nullptr || found->removed) {
          return detail::not_found("no person with id " + std::to_string(id), "person");
        }
        if (core::Status allowed = detail::require_manages(actor_, *found, "remove this person"); !allowed) {
          return allowed;
        }
        removed = *found;
        core::Result<std::vector<AccessToken>> tokens = session.tokens();
        if (!tokens) {
          return tokens.error();
        }
        json revoked = json::array();
        for (const AccessToken& token : *tokens) {
          if (token.person == id && !token.revoked) {
            if (core::Status status = session.revoke_token(token.id); !status) {
              return status;
            }
            revoked.push_back(token.id);
          }
        }
        core::Result<std::int64_t> sessions = session.revoke_person_sessions(id, clock_->now());
        if (!sessions) {
          return sessions.error();
        }
        if (core::Status closed = session.close_password_links(id); !closed) {
          return closed;
        }
        detail = person_detail(removed);
        detail["revoked_tokens"] = revoked;
        detail["revoked_sessions"] = *sessions;
        return session.remove_person(id);
      });
}

core::Result<std::vector<Person>> Program::people() {
  if (actor_.administers()) {
    return core::make_error(core::ErrorKind::kForbidden, "an administrator manages networks, not their people");
  }
  core::Result<std::vector<Person>> people =
      detail::read_in<std::vector<Person>>(store_, [](StoreSession& session) { return session.people(); });
  if (!people) {
    return people;
  }
  std::erase_if(*people, [](const Person& person) { return person.removed; });
  for (Person& person : *people) {
    if (!sees_email(actor_, person)) {
      person.email.clear();
    }
  }
  return people;
}

core::Result<IssuedToken> Program::issue_person_token(PersonId id, const std::string& label) {
  if (core::Status allowed = detail::require_coordinator(actor_, "issue access tokens"); !allowed) {
    return allowed.error();
  }
  core::Result<std::vector<Person>> people =
      detail::read_in<std::vector<Person>>(store_, [](StoreSession& session) { return session.people(); });
  if (!people) {
    return people.error();
  }
  const Person* person = detail::find_person(*people, id);
  if (person == nullptr || person->removed) {
    return detail::not_found("no person with id " + std::to_string(id), "person");
  }
  return issue_token_for(person->role, person->partner, id, label.empty() ? person->name : label);
}

}  // namespace covalue::program
