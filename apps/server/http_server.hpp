#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "api.hpp"
#include "covalue/core/result.hpp"
#include "covalue/core/settings.hpp"

namespace covalue::server {

//! The host and the port of the settings table's `server.listen` default ("127.0.0.1:8080"), read at
//! compile time so that they are written only there.
consteval std::string_view default_listen_host() {
  const std::string_view text = core::settings::row("server.listen").default_text;
  return text.substr(0, text.rfind(':'));
}
consteval unsigned short default_listen_port() {
  const std::string_view text = core::settings::row("server.listen").default_text;
  unsigned value = 0;
  for (const char ch : text.substr(text.rfind(':') + 1)) {
    value = value * 10 + static_cast<unsigned>(ch - '0');
  }
  return static_cast<unsigned short>(value);
}

//! How the HTTP server listens and limits its clients (defaults: the settings table's server.* rows).
struct ServerOptions {
  std::string host{default_listen_host()};
  unsigned short port{default_listen_port()};                                        //!< 0: any free port (printed)
  int threads{static_cast<int>(core::settings::integer_default("server.threads"))};  //!< 0: 2 per core, at least 16
  std::chrono::seconds read_timeout{30};             //!< a request must arrive within this (also keep-alive idle time)
  std::size_t body_limit{std::size_t{1024} * 1024};  //!< larger bodies get 413 before they are read
  std::size_t max_connections{kDefaultMaxConnections};  //!< connections past it get 503 and a close
  std::function<void()> on_idle;  //!< run once when the server goes quiet after activity (e.g. malloc_trim)

  //! The default cap on concurrent connections: ample for a partner network's browsers and scripts on
  //! 2 cores, and below the common 1024 descriptor limit with room for the database.
  static constexpr auto kDefaultMaxConnections =
      static_cast<std::size_t>(core::settings::integer_default("server.max_connections"));
};

//! Serves `api` over HTTP/1.1 (Boost.Beast, async, keep-alive) until SIGINT or SIGTERM. Every answer
//! carries Content-Security-Policy (self only, no inline code, no framing), X-Content-Type-Options,
//! X-Frame-Options and Referrer-Policy; HEAD is answered without the body; malformed framing gets 400
//! (431 for headers over 64 KiB) before the close; connections past `max_connections` get 503. Prints
//! "listening on http://HOST:PORT" to stdout, flushed, once it accepts connections. kInvalidInput when
//! the address cannot be bound.
[[nodiscard]] core::Status run_http_server(Api& api, const ServerOptions& options);

//! Splits "127.0.0.1:8080" into host and port; kUsage naming --listen when malformed.
[[nodiscard]] core::Status parse_listen(const std::string& text, ServerOptions& options);

}  // namespace covalue::server
