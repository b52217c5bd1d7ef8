// Notification preferences (issue 13 item 5): a person's cadence per kind of event, set by the person, read by
// coordinators too, and set to never by a signed one-click unsubscribe link (RFC 8058).
#include <algorithm>

#include "covalue/program/program.hpp"
#include "unsubscribe_token.hpp"
#include "use_case.hpp"

namespace covalue::program {

using nlohmann::json;

namespace {

//! kInvalidInput naming "token" for a token the network did not sign (tampered, or made by another server).
core::Error unsigned_token() {
  return core::make_error(core::ErrorKind::kInvalidInput,
                          "the unsubscribe token is not signed by this server (changed, or cut short): open the link "
                          "of the e-mail as it came, or choose on the preferences page",
                          "token");
}

//! The person's preferences as stored in `chosen`: every kind, with its default where there is no choice.
PersonPreferences preferences_of(PersonId person, const std::vector<Preference>& chosen) {
  PersonPreferences out{.person = person, .kinds = {}};
  for (const EventKind kind : preference_kinds()) {
    const auto found = std::find_if(chosen.begin(), chosen.end(),
                                    [&](const Preference& p) { return p.person == person && p.kind == kind; });
    out.kinds.push_back({.kind = kind,
                         .cadence = found != chosen.end() ? found->cadence : default_cadence(kind),
                         .chosen = found != chosen.end()});
  }
  return out;
}

//! The present person with this id among `people`; kNotFound naming "person" otherwise.
core::Result<Person> present(const std::vector<Person>& people, PersonId id) {
  const Person* found = detail::find_person(people, id);
  if (found == nullptr || found->removed) {
    return detail::not_found("no person with id " + std::to_string(id), "person");
  }
  return *found;
}

//! The verified target of an unsubscribe token, read in `session` (the person's and network's names filled).
core::Result<UnsubscribeTarget> verified(StoreSession& session, std::int64_t network, std::string_view token) {
  core::Result<UnsubscribeTarget> target = detail::parse_unsubscribe(token);
  if (!target) {
    return target.error();
  }
  if (target->network != network) {
    return unsigned_token();
  }
  core::Result<std::string> secret = session.network_secret(detail::kUnsubscribeSecret, detail::new_network_secret());
  if (!secret) {
    return secret.error();
  }
  if (!detail::unsubscribe_signed(*secret, token, *target)) {
    return unsigned_token();
  }
  core::Result<std::vector<Person>> people = session.people();
  if (!people) {
    return people.error();
  }
  core::Result<Person> person = present(*people, target->person);
  if (!person) {
    return person.error();
  }
  core::Result<std::optional<net::Charter>> charter = session.charter();
  if (!charter) {
    return charter.error();
  }
  target->person_name = person->name;
  target->network_name = *charter ? (*charter)->name : std::string();
  return target;
}

}  // namespace

core::Result<PersonPreferences> Program::preferences(std::optional<PersonId> person) {
  if (!person && !actor_.person) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "preferences belong to a person: sign in, or use a token issued to a person "
                            "(covalue token issue --person ID); this token is a " +
                                std::string(name_of(actor_.role)) + "'s without one",
                            "token");
  }
  const PersonId whose = person.value_or(actor_.person.value_or(0));
  if (actor_.person != whose) {
    if (core::Status allowed = detail::require_coordinator(actor_, "read another person's preferences"); !allowed) {
      return allowed.error();
    }
  }
  return detail::read_in<PersonPreferences>(store_, [&](StoreSession& session) -> core::Result<PersonPreferences> {
    core::Result<std::vector<Person>> people = session.people();
    if (!people) {
      return people.error();
    }
    if (core::Result<Person> found = present(*people, whose); !found) {
      return found.error();
    }
    core::Result<std::vector<Preference>> chosen = session.preferences();
    if (!chosen) {
      return chosen.error();
    }
    return preferences_of(whose, *chosen);
  });
}

core::Result<PersonPreferences> Program::set_preferences(std::optional<PersonId> person,
                                                         const std::vector<KindPreference>& changes) {
  if (core::Result<PersonPreferences> readable = preferences(person); !readable) {
    return readable.error();
  }
  const PersonId whose = person.value_or(actor_.person.value_or(0));
  if (actor_.person != whose && actor_.role != Role::kOperator) {
    return core::make_error(core::ErrorKind::kForbidden,
                            "only the person itself sets its preferences (a coordinator may read them)", "person");
  }
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (changes[i].kind == EventKind::kDigest) {
      return detail::invalid("digest is how daily and weekly e-mails arrive, not a kind of event to choose for",
                             "preferences[" + std::to_string(i) + "].kind");
    }
  }
  PersonPreferences out;
  core::Status changed = detail::run_change(
      {store_, actor_, *clock_}, "set_preferences", SnapshotParts{},
      [&](StoreSession& session, Snapshot& /*snapshot*/, json& detail) -> core::Status {
        json chosen = json::object();
        for (const KindPreference& change : changes) {
          if (core::Status put =
                  session.put_preference({.person = whose, .kind = change.kind, .cadence = change.cadence});
              !put) {
            return put;
          }
          chosen[name_of(change.kind)] = name_of(change.cadence);
        }
        core::Result<std::vector<Preference>> stored = session.preferences();
        if (!stored) {
          return stored.error();
        }
        out = preferences_of(whose, *stored);
        detail = {{"person", whose}, {"preferences", chosen}};
        return {};
      });
  if (!changed) {
    return changed.error();
  }
  return out;
}

core::Result<UnsubscribeTarget> Program::check_unsubscribe(Store& store, std::string_view token) {
  core::Result<UnsubscribeTarget> target = detail::parse_unsubscribe(token);
  if (!target) {
    return target.error();
  }
  // A transaction, not a read: the network's secret is made when first asked for.
  std::optional<UnsubscribeTarget> out;
  core::Status checked = store.transact([&](StoreSession& session) -> core::Status {
    core::Result<UnsubscribeTarget> found = verified(session, store.network(), token);
    if (!found) {
      return found.error();
    }
    out = *found;
    return {};
  });
  if (!checked) {
    return checked.error();
  }
  return *out;
}

core::Result<UnsubscribeTarget> Program::unsubscribe(Store& store, std::string_view token, Clock& clock) {
  core::Result<UnsubscribeTarget> target = check_unsubscribe(store, token);
  if (!target) {
    return target.error();
  }
  const Actor actor{Role::kObserver, std::nullopt, "person " + std::to_string(target->person) + " (unsubscribe link)",
                    target->person, std::nullopt};
  core::Status changed = detail::run_change(
      {store, actor, clock}, "unsubscribe", SnapshotParts{},
      [&](StoreSession& session, Snapshot& /*snapshot*/, json& detail) -> core::Status {
        if (core::Result<UnsubscribeTarget> again = verified(session, store.network(), token); !again) {
          return again.error();
        }
        json kinds = json::array();
        std::vector<EventKind> stopped;
        if (target->kind == EventKind::kDigest) {  // a digest's link stops every kind that waits for digests
          core::Result<std::vector<Preference>> chosen = session.preferences();
          if (!chosen) {
            return chosen.error();
          }
          for (const EventKind kind : preference_kinds()) {
            const Cadence cadence = cadence_of(*chosen, target->person, kind);
            if (cadence == Cadence::kDaily || cadence == Cadence::kWeekly) {
              stopped.push_back(kind);
            }
          }
        } else {
          stopped.push_back(target->kind);
        }
        for (const EventKind kind : stopped) {
          if (core::Status put =
                  session.put_preference({.person = target->person, .kind = kind, .cadence = Cadence::kNever});
              !put) {
            return put;
          }
          kinds.push_back(name_of(kind));
        }
        detail = {{"person", target->person}, {"never", kinds}};
        return {};
      });
  if (!changed) {
    return changed.error();
  }
  return target;
}

}  // namespace covalue::program
