#include "covalue/adapters/sql/networks.hpp"

#include <algorithm>

#include "row_reader.hpp"
#include "statements.hpp"

namespace covalue::adapters::sql {

using core::ErrorKind;
using core::make_error;
namespace sq = statements;

namespace {

std::string names_of(const std::vector<program::NetworkInfo>& networks) {
  std::string out;
  for (const program::NetworkInfo& network : networks) {
    out += (out.empty() ? "" : ", ") + std::to_string(network.id) + " '" + network.name + "'";
  }
  return out.empty() ? "none" : out;
}

bool all_digits(const std::string& text) {
  return !text.empty() && text.size() <= 18 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The network of the row of `sql` with this secret hash, or nothing.
core::Result<std::optional<std::int64_t>> network_of(Db& db, const char* sql, const std::string& secret_hash) {
  Statement query = db.prepare(sql);
  query.bind_text(secret_hash);
  return first_of(read_rows(query, "network_id", [](RowReader& row) { return row.integer(0); }));
}

core::Result<std::vector<program::NetworkInfo>> list_networks(Db& db) {
  Statement query = db.prepare(sq::kNetworks);
  return read_rows(query, "networks", [](RowReader& row) { return program::NetworkInfo{row.integer(0), row.text(1)}; });
}

}  // namespace

core::Result<std::vector<program::NetworkInfo>> StoreBase::networks() { return on_lent(list_networks); }

core::Result<std::optional<std::int64_t>> StoreBase::token_network(const std::string& secret_hash) {
  return on_lent([&](Db& db) { return network_of(db, sq::kTokenNetwork, secret_hash); });
}

core::Result<std::optional<std::int64_t>> StoreBase::sign_in_network(const std::string& secret_hash,
                                                                     bool password_link) {
  return on_lent([&](Db& db) {
    return network_of(db, password_link ? sq::kPasswordLinkNetwork : sq::kWebSessionNetwork, secret_hash);
  });
}

core::Result<std::vector<std::int64_t>> StoreBase::email_networks(const std::string& email) {
  return on_lent([&](Db& db) {
    Statement query = db.prepare(sq::kEmailNetworks);
    query.bind_text(email);
    return read_rows(query, "people", [](RowReader& row) { return row.integer(0); });
  });
}

core::Result<std::int64_t> resolve_network(Db& db, const program::NetworkChoice& choice, const std::string& where) {
  if (choice.deployment) {
    return program::kDeploymentNetwork;
  }
  if (choice.create) {
    return db.prepare(sq::kNextNetwork).single_int();
  }
  auto networks = list_networks(db);
  if (!networks.ok()) {
    return networks.error();
  }
  if (choice.name_or_id.empty()) {
    if (networks->size() > 1) {
      return make_error(ErrorKind::kInvalidInput,
                        "the database '" + where + "' holds " + std::to_string(networks->size()) + " networks (" +
                            names_of(*networks) + "); choose one with --network NAME|ID",
                        "--network");
    }
    return networks->empty() ? 1 : networks->front().id;
  }
  const bool by_id = all_digits(choice.name_or_id);
  for (const program::NetworkInfo& network : *networks) {
    if (by_id ? std::to_string(network.id) == choice.name_or_id : network.name == choice.name_or_id) {
      return network.id;
    }
  }
  return make_error(ErrorKind::kNotFound,
                    std::string("no network ") + (by_id ? "with id " : "named ") + "'" + choice.name_or_id + "' in '" +
                        where + "' (networks: " + names_of(*networks) + ")",
                    "--network");
}

core::Result<std::int64_t> network_version(Db& db, std::int64_t network) {
  return db.prepare(sq::kLastSequence).bind_int(network).single_int();
}

}  // namespace covalue::adapters::sql
