#pragma once

// One client connection of the HTTP server (Boost.Beast): reads requests one after the other and
// answers each through the Api; answers malformed framing, oversized requests and connections past the
// cap itself, then closes.

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <cstddef>
#include <cstdint>

#include "api.hpp"
#include "http_server.hpp"

namespace covalue::server {

//! What the listener and its connections share.
struct ConnectionCounts {
  std::atomic<std::size_t> open{0};        //!< connections being served (counted against the cap)
  std::atomic<std::size_t> refusing{0};    //!< connections being refused with 503
  std::atomic<std::uint64_t> activity{0};  //!< bumped on every answer and every closed connection
};

//! Serves `socket` until the client or a timeout ends it; counted in `counts.open` while it lives.
void serve_connection(boost::asio::ip::tcp::socket socket, Api& api, const ServerOptions& options,
                      ConnectionCounts& counts);

//! Answers `socket` with 503 (Retry-After, Connection: close) without reading its request, then closes
//! it; counted in `counts.refusing` while it lives.
void refuse_connection(boost::asio::ip::tcp::socket socket, const ServerOptions& options, ConnectionCounts& counts);

}  // namespace covalue::server
