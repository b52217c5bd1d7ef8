#include "handler_support.hpp"

#include "read_cache.hpp"

namespace covalue::server {

core::Result<std::shared_ptr<const program::Snapshot>> view_snapshot(RouteCall& call) {
  const std::string view = ReadCache::view_of(call.program.actor());
  if (std::shared_ptr<const program::Snapshot> cached = call.cache.snapshot(view, call.version)) {
    return cached;
  }
  core::Result<program::Snapshot> read = call.program.snapshot();
  if (!read) {
    return read.error();
  }
  auto snapshot = std::make_shared<const program::Snapshot>(std::move(*read));
  call.cache.put_snapshot(view, call.version, snapshot);
  return snapshot;
}

core::Result<Reply> cached_json(RouteCall& call, const std::string& key,
                                const std::function<core::Result<nlohmann::json>(const program::Snapshot&)>& compute) {
  const std::string full_key = key + "|" + ReadCache::view_of(call.program.actor());
  Reply reply;
  if ((reply.text = call.cache.text(full_key, call.version))) {
    return reply;
  }
  core::Result<std::shared_ptr<const program::Snapshot>> snapshot = view_snapshot(call);
  if (!snapshot) {
    return snapshot.error();
  }
  core::Result<nlohmann::json> body = compute(**snapshot);
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
