#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "api.hpp"
#include "covalue/core/result.hpp"

namespace covalue::server {

//! How the HTTP server listens and limits its clients.
struct ServerOptions {
  std::string host{"127.0.0.1"};
  unsigned short port{8080};                         //!< 0: any free port (printed)
  int threads{0};                                    //!< 0: one per hardware core
  std::chrono::seconds read_timeout{30};             //!< a request must arrive within this (also keep-alive idle time)
  std::size_t body_limit{std::size_t{1024} * 1024};  //!< larger bodies get 413 before they are read
};

//! Serves `api` over HTTP/1.1 (Boost.Beast, async, keep-alive) until SIGINT or SIGTERM. Prints
//! "listening on http://HOST:PORT" to stdout, flushed, once it accepts connections. kInvalidInput when
//! the address cannot be bound.
[[nodiscard]] core::Status run_http_server(Api& api, const ServerOptions& options);

//! Splits "127.0.0.1:8080" into host and port; kUsage naming --listen when malformed.
[[nodiscard]] core::Status parse_listen(const std::string& text, ServerOptions& options);

}  // namespace covalue::server
