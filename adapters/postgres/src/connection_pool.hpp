#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pg_connection.hpp"

namespace covalue::adapters::postgres {

//! At most `size` connections to one database, opened when first needed and shared by threads: a
//! thread takes one for a transaction and gives it back; when all are taken, it waits.
class ConnectionPool {
 public:
  //! A connection taken from the pool, given back (or dropped when it broke) when the lease dies.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    //! The leased connection.
    [[nodiscard]] Connection& operator*() const { return *connection_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  //! A pool for `url` of at most `size` connections (at least one), starting with `first`.
  ConnectionPool(std::string url, std::size_t size, std::unique_ptr<Connection> first);

  //! A connection: an idle one, a new one while fewer than `size` are open, or the next one given back.
  [[nodiscard]] core::Result<Lease> acquire();
  //! Keeps `connection` while fewer than `size` are open (it is closed otherwise).
  void offer(std::unique_ptr<Connection> connection);

  //! The pool of `url` with `size` connections that every store of this process on that database
  //! shares (made, starting with `first`, when there is none), so that connections do not grow with
  //! the number of networks served.
  [[nodiscard]] static std::shared_ptr<ConnectionPool> shared(const std::string& url, std::size_t size,
                                                              std::unique_ptr<Connection> first);

 private:
  void give_back(std::unique_ptr<Connection> connection);

  std::string url_;
  std::size_t size_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_{0};
};

}  // namespace covalue::adapters::postgres
