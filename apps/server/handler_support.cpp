#include "handler_support.hpp"

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

Reply json_reply(nlohmann::json body, unsigned status) {
  Reply reply;
  reply.status = status;
  reply.body = std::move(body);
  return reply;
}

}  // namespace covalue::server
