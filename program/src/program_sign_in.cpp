// Signing in as a person: set-password links, passwords and browser sessions.
#include <algorithm>

#include "covalue/program/program.hpp"
#include "use_case.hpp"

namespace covalue::program {

using nlohmann::json;

namespace {

//! The one answer to a failed sign-in: it never says whether the address or the password was wrong.
core::Error wrong_credentials() {
  return core::make_error(core::ErrorKind::kUnauthenticated, "unknown e-mail address or wrong password", "email");
}

core::Error unusable_link() {
  return core::make_error(core::ErrorKind::kUnauthenticated,
                          "this set-password link is unknown, used or expired: ask for a new one", "link");
}

core::Error session_over() {
  return core::make_error(core::ErrorKind::kUnauthenticated,
                          "the session is over (signed out, revoked or expired): sign in again", "cookie");
}

//! ASCII lower case: e-mail addresses are compared without regard to it (as the store's email_networks).
std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return out;
}

//! The present person with this id, read in `session`; kNotFound otherwise.
core::Result<Person> present_person(StoreSession& session, PersonId id) {
  core::Result<std::vector<Person>> people = session.people();
  if (!people) {
    return people.error();
  }
  const Person* found = detail::find_person(*people, id);
  if (found == nullptr || found->removed) {
    return detail::not_found("no person with id " + std::to_string(id), "person");
  }
  return *found;
}

//! The actor a person signs in as.
Actor actor_of(const Person& person, std::optional<std::int64_t> session, std::string_view how) {
  return Actor{person.role,
               person.partner,
               "person " + std::to_string(person.id) + " (" + name_of(person.role) + ", " + std::string(how) + ")",
               person.id,
               session,
               false};
}

//! True when the session is in force at `now`: not revoked, within its lifetime, and used within the idle time.
bool in_force(const WebSession& session, const std::string& now, std::int64_t idle_seconds) {
  const std::optional<std::string> idle_until = add_seconds(session.last_seen_at, idle_seconds);
  return !session.revoked && now < session.expires_at && idle_until && now < *idle_until;
}

//! kForbidden at once for an actor that manages no one's people (observers, administrators).
core::Status may_manage_people(const Actor& actor, const std::string& what) {
  if (actor.coordinates() || actor.role == Role::kRepresentative) {
    return {};
  }
  return core::make_error(core::ErrorKind::kForbidden,
                          "only a coordinator, or a representative of the person's own partner, can " + what, "role");
}

}  // namespace

core::Result<IssuedPasswordLink> Program::create_password_link(PersonId id, const SignInSettings& settings) {
  if (core::Status allowed = may_manage_people(actor_, "make set-password links"); !allowed) {
    return allowed.error();
  }
  IssuedPasswordLink issued;
  issued.secret = new_password_link_secret();
  issued.link.secret_hash = hash_token_secret(issued.secret);
  issued.link.person = id;
  core::Status made = detail::run_change(
      {store_, actor_, *clock_}, "create_password_link", SnapshotParts::minimal(),
      [&](StoreSession& session, Snapshot& /*snapshot*/, json& detail) -> core::Status {
        core::Result<Person> person = present_person(session, id);
        if (!person) {
          return person.error();
        }
        if (core::Status allowed = detail::require_manages(actor_, *person, "make a set-password link for this person");
            !allowed) {
          return allowed;
        }
        issued.link.created_at = clock_->now();
        issued.link.expires_at = add_seconds(issued.link.created_at, settings.link_seconds).value_or("");
        if (core::Status closed = session.close_password_links(id); !closed) {
          return closed;
        }
        core::Result<std::int64_t> link = session.insert_password_link(issued.link);
        if (!link) {
          return link.error();
        }
        issued.link.id = *link;
        detail = {{"person", id}, {"link", *link}, {"expires_at", issued.link.expires_at}};
        return {};
      });
  if (!made) {
    return made.error();
  }
  return issued;
}

core::Result<std::int64_t> Program::revoke_sessions(PersonId id) {
  if (core::Status allowed = may_manage_people(actor_, "end people's sessions"); !allowed) {
    return allowed.error();
  }
  std::int64_t revoked = 0;
  core::Status done = detail::run_change(
      {store_, actor_, *clock_}, "revoke_sessions", SnapshotParts::minimal(),
      [&](StoreSession& session, Snapshot& /*snapshot*/, json& detail) -> core::Status {
        core::Result<Person> person = present_person(session, id);
        if (!person) {
          return person.error();
        }
        if (core::Status allowed = detail::require_manages(actor_, *person, "end this person's sessions"); !allowed) {
          return allowed;
        }
        core::Result<std::int64_t> count = session.revoke_person_sessions(id, clock_->now());
        if (!count) {
          return count.error();
        }
        revoked = *count;
        detail = {{"person", id}, {"revoked_sessions", revoked}};
        return {};
      });
  if (!done) {
    return done.error();
  }
  return revoked;
}

core::Status Program::sign_out() {
  if (!actor_.session) {
    return detail::invalid("signing out ends a browser session; this request sent an access token (revoke it instead)",
                           "cookie");
  }
  return store_.transact([&](StoreSession& session) { return session.revoke_web_session(*actor_.session); });
}

core::Result<Person> Program::check_sign_in(Store& store, std::string_view email, std::string_view password) {
  struct Found {
    std::optional<Person> person;
    std::optional<std::string> hash;
  };
  const std::string wanted = lower(email);
  core::Result<Found> found = detail::read_in<Found>(store, [&](StoreSession& session) -> core::Result<Found> {
    core::Result<std::vector<Person>> people = session.people();
    if (!people) {
      return people.error();
    }
    Found out;
    for (const Person& person : *people) {
      if (!person.removed && !person.email.empty() && lower(person.email) == wanted) {
        core::Result<std::optional<std::string>> hash = session.password_hash(person.id);
        if (!hash) {
          return hash.error();
        }
        out.person = person;
        out.hash = *hash;
      }
    }
    return out;
  });
  if (!found) {
    return found.error();
  }
  if (!found->person || !found->hash) {
    verify_no_password(password);
    return wrong_credentials();
  }
  if (!verify_password(*found->hash, password)) {
    return wrong_credentials();
  }
  return *found->person;
}

core::Result<OpenedSession> Program::open_session(Store& store, const Person& person, const SignInSettings& settings,
                                                  Clock& clock) {
  OpenedSession opened;
  opened.secret = new_session_secret();
  opened.session.person = person.id;
  opened.session.secret_hash = hash_token_secret(opened.secret);
  core::Status stored = store.transact([&](StoreSession& session) -> core::Status {
    core::Result<Person> present = present_person(session, person.id);
    if (!present) {
      return wrong_credentials();  // removed meanwhile
    }
    opened.person = *present;
    opened.session.created_at = clock.now();
    opened.session.last_seen_at = opened.session.created_at;
    opened.session.expires_at = add_seconds(opened.session.created_at, settings.lifetime_seconds).value_or("");
    core::Result<std::int64_t> id = session.insert_web_session(opened.session);
    if (!id) {
      return id.error();
    }
    opened.session.id = *id;
    return {};
  });
  if (!stored) {
    return stored.error();
  }
  return opened;
}

core::Result<Actor> Program::authenticate_session(Store& store, std::string_view secret, const SignInSettings& settings,
                                                  Clock& clock) {
  if (!is_session_secret(secret)) {
    return session_over();
  }
  const std::string hash = hash_token_secret(secret);
  const std::string now = clock.now();
  std::optional<Actor> actor;
  core::Status checked = store.transact([&](StoreSession& session) -> core::Status {
    core::Result<std::optional<WebSession>> found = session.find_web_session(hash);
    if (!found) {
      return found.error();
    }
    if (!found->has_value() || !in_force(**found, now, settings.idle_seconds)) {
      return session_over();
    }
    const WebSession& web = **found;
    core::Result<Person> person = present_person(session, web.person);
    if (!person) {
      return session_over();
    }
    actor = actor_of(*person, web.id, "signed in");
    // The last request's time, to a minute (or to a quarter of a shorter idle time): not a write per request.
    const std::int64_t step = std::min<std::int64_t>(60, settings.idle_seconds / 4);
    const std::optional<std::string> stale_after = add_seconds(web.last_seen_at, step);
    if (!stale_after || now >= *stale_after) {
      return session.touch_web_session(web.id, now);
    }
    return {};
  });
  if (!checked) {
    return checked.error();
  }
  return resolve_coordination(store, *actor);
}

core::Result<Person> Program::set_password(Store& store, std::string_view link, std::string_view password,
                                           Clock& clock) {
  if (core::Status valid = check_password(password, "password"); !valid) {
    return valid.error();
  }
  if (!is_password_link_secret(link)) {
    return unusable_link();
  }
  const std::string hash = hash_token_secret(link);
  core::Result<std::string> password_hash = hash_password(password);
  if (!password_hash) {
    return password_hash.error();
  }
  // Who sets the password is known only once the link is read: the audit entry names the person.
  core::Result<std::optional<PasswordLink>> found = detail::read_in<std::optional<PasswordLink>>(
      store, [&](StoreSession& session) { return session.find_password_link(hash); });
  if (!found) {
    return found.error();
  }
  const std::string now = clock.now();
  if (!found->has_value() || (*found)->used || now >= (*found)->expires_at) {
    return unusable_link();
  }
  const PasswordLink used = **found;
  core::Result<Person> person =
      detail::read_in<Person>(store, [&](StoreSession& session) { return present_person(session, used.person); });
  if (!person) {
    return unusable_link();
  }
  const Actor actor = actor_of(*person, std::nullopt, "set-password link");
  core::Status changed =
      detail::run_change({store, actor, clock}, "set_password", SnapshotParts::minimal(),
                         [&](StoreSession& session, Snapshot& /*snapshot*/, json& detail) -> core::Status {
                           core::Result<std::optional<PasswordLink>> again = session.find_password_link(hash);
                           if (!again) {
                             return again.error();
                           }
                           if (!again->has_value() || (*again)->used) {
                             return unusable_link();  // used by another request meanwhile
                           }
                           if (core::Status closed = session.close_password_links(used.person); !closed) {
                             return closed;
                           }
                           if (core::Status set = session.set_password_hash(used.person, *password_hash); !set) {
                             return set;
                           }
                           core::Result<std::int64_t> ended = session.revoke_person_sessions(used.person, now);
                           if (!ended) {
                             return ended.error();
                           }
                           detail = {{"person", used.person}, {"link", used.id}, {"revoked_sessions", *ended}};
                           return {};
                         });
  if (!changed) {
    return changed.error();
  }
  return *person;
}

}  // namespace covalue::program
