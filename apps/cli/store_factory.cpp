#include "store_factory.hpp"

#include "covalue/adapters/postgres/postgres_store.hpp"
#include "covalue/adapters/sqlite/sqlite_store.hpp"

namespace covalue::cli {

core::Result<std::unique_ptr<program::Store>> open_store(const std::string& db, const program::NetworkChoice& network) {
  if (adapters::postgres::is_postgres_url(db)) {
    return adapters::postgres::open_postgres_store(db, {}, network);
  }
  return adapters::sqlite::open_sqlite_store(db, network);
}

}  // namespace covalue::cli
