#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "api_types.hpp"
#include "covalue/core/result.hpp"
#include "covalue/program/program.hpp"

namespace covalue::server {

class ReadCache;
class NetworkStores;
class SimulationJobs;

//! Who may call a route, as the program enforces it (the route table states it so the OpenAPI
//! document and the role x endpoint tests can read it).
//! Every route but kSignedIn and kAdmin ones reads or changes the network of the caller's token, and
//! refuses an administrator's token (which belongs to no network).
enum class Access {
  kPublic,                //!< no token needed
  kReader,                //!< any valid token of a network
  kCoordinator,           //!< coordinators only
  kRepresentative,        //!< the representative of the partner the request names
  kPartnerOrCoordinator,  //!< that representative, or a coordinator
  kSignedIn,              //!< any valid token, an administrator's too (who the token stands for)
  kAdmin,                 //!< administrators of the deployment only (the networks of the database)
  kCredentials,  //!< no token: the request carries a credential (a password, a set-password or unsubscribe link)
  kWriter,       //!< any token of a network but an observer's (who reads): representatives and coordinators
  kAuthor,       //!< the author of the comment the path names (coordinators included only for their own)
  kLead,         //!< the representative of the initiative's lead, or a coordinator
};

//! Named in the OpenAPI document as x-covalue-access.
constexpr auto enum_names(Access /*tag*/) {
  using enum Access;
  return core::NameTable{
      "access", std::to_array<core::EnumName<Access>>({{kPublic, "public"},
                                                       {kReader, "reader"},
                                                       {kCoordinator, "coordinator"},
                                                       {kRepresentative, "representative"},
                                                       {kPartnerOrCoordinator, "representative_or_coordinator"},
                                                       {kSignedIn, "signed_in"},
                                                       {kAdmin, "admin"},
                                                       {kCredentials, "credentials"},
                                                       {kWriter, "writer"},
                                                       {kAuthor, "author"},
                                                       {kLead, "lead_or_coordinator"}})};
}

//! What a handler answers when it works: a status and a JSON body (or a prepared text body).
struct Reply {  // NOLINT(bugprone-exception-escape): nlohmann::json members
  unsigned status{200};
  nlohmann::json body;
  std::shared_ptr<const std::string> text;                   //!< when set, sent instead of `body` (cached reads)
  std::vector<std::pair<std::string, std::string>> headers;  //!< extra headers (Set-Cookie)
};

//! What the sign-in routes need beyond the program: the request's headers, how long sessions last, whether
//! the cookie is Secure, and the clock that stamps sessions.
struct SignInContext {
  const ApiRequest& request;
  const program::SignInSettings& settings;
  bool cookie_secure{false};
  program::Clock& clock;
};

//! Everything a handler may use for one request.
struct RouteCall {
  program::Program& program;
  ReadCache& cache;
  std::int64_t version{0};                           //!< the store's version when the request arrived
  const std::map<std::string, std::string>& params;  //!< path parameters by name
  const std::map<std::string, std::string>& query;   //!< query parameters by name
  const nlohmann::json& body;                        //!< the parsed body (null when the route takes none)
  NetworkStores* networks{nullptr};                  //!< the served networks (the admin routes create one)
  const SignInContext* sign_in{nullptr};             //!< the request's sign-in context
  SimulationJobs* simulations{nullptr};              //!< the what-if simulations' runner

  //! A path parameter as a positive integer in canonical decimal ("1", not "01" or "%31"); kInvalidInput
  //! naming it ("path.cycle") otherwise.
  [[nodiscard]] core::Result<std::int64_t> id(const char* name) const;
  //! An optional query parameter as a non-negative integer in canonical decimal (`fallback` when absent);
  //! kInvalidInput naming it ("query.after") otherwise.
  [[nodiscard]] core::Result<std::int64_t> query_integer(const char* name, std::int64_t fallback) const;
};

//! A route's work: a Reply, or an Error the dispatcher maps to a status.
using Handler = core::Result<Reply> (*)(RouteCall& call);

//! One row of the route table: the dispatcher, the OpenAPI document and the tests all read it.
struct Route {
  Method method{Method::kGet};
  std::string_view pattern;    //!< "/api/cycles/{cycle}/ballots/{partner}"
  std::string_view operation;  //!< operationId ("castBallot")
  std::string_view tag;        //!< OpenAPI tag ("cycles")
  std::string_view summary;    //!< one line for the document
  Access access{Access::kReader};
  std::string_view request_schema;   //!< components schema of the body; empty: no body
  std::string_view response_schema;  //!< components schema of the success body
  unsigned success{200};             //!< status on success
  std::string_view query;            //!< query parameters, comma separated ("after,limit")
  std::string_view example;          //!< an example body (JSON text), naming partner 1 and initiative 1
  Handler handler{nullptr};
};

//! Every route of the API.
[[nodiscard]] const std::vector<Route>& routes();

//! The outcome of matching a method and path against the table.
struct RouteMatch {
  const Route* route{nullptr};                //!< the route, when the method and path match
  std::map<std::string, std::string> params;  //!< its path parameters
  std::vector<Method> allowed;                //!< methods of routes whose pattern matches the path
};

//! Finds the route for `method` and `path` as sent (segments are compared and captured without
//! percent-decoding: ids never need it); `allowed` says which methods the path has (405 vs 404).
[[nodiscard]] RouteMatch match_route(Method method, std::string_view path);

//! Splits "a=1&b=x%20y" into decoded pairs (the last of a repeated name wins).
[[nodiscard]] std::map<std::string, std::string> parse_query(std::string_view query);

//! Reads an integer written in canonical decimal (digits only, no sign, no leading zero) of at least
//! `minimum`; kInvalidInput naming `where` and quoting a short excerpt of `text` otherwise. Path ids and
//! query numbers go through it.
[[nodiscard]] core::Result<std::int64_t> read_canonical_integer(std::string_view text, std::int64_t minimum,
                                                                const std::string& where);

//! Percent-decodes a URL component ('+' stays '+'); nothing when an escape is malformed.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text);

}  // namespace covalue::server
