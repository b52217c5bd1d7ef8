#include "handler_support.hpp"

#include "covalue/adapters/json/program_json.hpp"
#include "read_cache.hpp"

namespace covalue::server {

core::Result<Reply> cached_json(RouteCall& call, const std::string& key,
                                const std::function<core::Result<nlohmann::json>()>& compute) {
  const std::string full_key = key + "|" + ReadCache::view_of(call.program.actor());
  Reply reply;
  if ((reply.text = call.cache.text(full_key, call.version))) {
    return reply;
  }
  core::Result<nlohmann::json> body = compute();
  if (!body) {
    return body.error();
  }
  reply.text = std::make_shared<const std::string>(body->dump());
  call.cache.put_text(full_key, call.version, reply.text);
  return reply;
}

core::Error invalid(std::string message, std::string where) {
  return core::make_error(core::ErrorKind::kInvalidInput, std::move(message), std::move(where));
}

core::Status expect_object(const nlohmann::json& body, const std::vector<std::string>& known) {
  if (!body.is_object()) {
    return invalid("expected an object", "body");
  }
  return adapters::json::reject_unknown_members(body, "body", known);
}

nlohmann::json text_or_null(const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }

Reply json_reply(nlohmann::json body, unsigned status) {
  Reply reply;
  reply.status = status;
  reply.body = std::move(body);
  return reply;
}

}  // namespace covalue::server
