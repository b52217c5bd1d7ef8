// The outbox's reads and writes of a cached transaction: none of them is cached, all pass to the inner session.
#include "covalue/adapters/sql/read_cache.hpp"

namespace covalue::adapters::sql {

core::Result<std::int64_t> CachedSession::insert_event(const program::NotificationEvent& event) {
  return inner_.insert_event(event);
}

core::Result<std::optional<program::NotificationEvent>> CachedSession::event(std::int64_t id) {
  return inner_.event(id);
}

core::Status CachedSession::insert_deliveries(const std::vector<program::Delivery>& deliveries) {
  return inner_.insert_deliveries(deliveries);
}

core::Result<std::vector<program::Delivery>> CachedSession::claim_deliveries(
    const std::vector<program::DeliveryChannel>& channels, const std::string& now, const std::string& until,
    std::int64_t limit) {
  return inner_.claim_deliveries(channels, now, until, limit);
}

core::Status CachedSession::update_delivery(const program::Delivery& delivery) {
  return inner_.update_delivery(delivery);
}

core::Result<std::optional<program::Delivery>> CachedSession::delivery(std::int64_t id) { return inner_.delivery(id); }

core::Result<std::vector<program::Delivery>> CachedSession::deliveries(std::optional<program::DeliveryState> state,
                                                                       std::int64_t after, std::int64_t limit) {
  return inner_.deliveries(state, after, limit);
}

core::Result<program::InboxPage> CachedSession::inbox(program::PersonId person, std::int64_t before,
                                                      std::int64_t limit) {
  return inner_.inbox(person, before, limit);
}

core::Result<std::int64_t> CachedSession::mark_read(program::PersonId person, std::optional<std::int64_t> delivery,
                                                    const std::string& at) {
  return inner_.mark_read(person, delivery, at);
}

core::Result<program::WebhookId> CachedSession::insert_webhook(const program::Webhook& webhook) {
  return inner_.insert_webhook(webhook);
}

core::Status CachedSession::remove_webhook(program::WebhookId id) { return inner_.remove_webhook(id); }

core::Result<std::vector<program::Webhook>> CachedSession::webhooks() { return inner_.webhooks(); }

}  // namespace covalue::adapters::sql
