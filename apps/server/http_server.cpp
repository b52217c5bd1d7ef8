// The HTTP/1.1 transport of the API: Boost.Beast, one io_context run by N threads, async accept with
// a connection cap (503 past it) and a pause when descriptors run out, an idle hook; the connections
// themselves are in http_session.cpp.
#include "http_server.hpp"

#include <sys/resource.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

#include "http_session.hpp"

namespace covalue::server {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using Tcp = asio::ip::tcp;

//! How long the listener waits before accepting again when the process is out of file descriptors.
constexpr std::chrono::milliseconds kAcceptBackoff{50};
//! At most this many connections are refused (503, then a short linger) at once; past it, they are closed.
constexpr std::size_t kMaxRefusing = 64;
//! The idle check's period: `on_idle` runs after one full period without activity.
constexpr std::chrono::seconds kIdleTick{1};

//! True for the accept errors that mean "out of descriptors or kernel memory": worth waiting out.
bool out_of_resources(const beast::error_code& error) {
  if (error.category() != asio::error::get_system_category()) {
    return false;
  }
  const int code = error.value();
  return code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM;
}

//! Accepts connections, each on its own strand; past the cap, answers 503; out of descriptors, waits.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& context, Tcp::acceptor& acceptor, Api& api, const ServerOptions& options,
           ConnectionCounts& counts)
      : context_(context), acceptor_(acceptor), timer_(context), api_(api), options_(options), counts_(counts) {}

  void accept() {
    acceptor_.async_accept(asio::make_strand(context_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

 private:
  void on_accept(beast::error_code error, Tcp::socket socket) {
    if (error == asio::error::operation_aborted || !acceptor_.is_open()) {
      return;
    }
    if (out_of_resources(error)) {
      back_off(error);
      return;
    }
    if (!error) {
      if (counts_.open.load() < options_.max_connections) {
        serve_connection(std::move(socket), api_, options_, counts_);
      } else if (counts_.refusing.load() < kMaxRefusing) {
        refuse_connection(std::move(socket), options_, counts_);
      }  // else the socket closes here
    }
    accept();
  }

  //! Accepting again at once would fail again at once (a busy loop): wait, logging at most every 10 s.
  void back_off(const beast::error_code& error) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_logged_ >= std::chrono::seconds(10)) {
      last_logged_ = now;
      std::fprintf(stderr, "covalue serve: cannot accept a connection (%s); retrying every %lld ms\n",
                   error.message().c_str(), static_cast<long long>(kAcceptBackoff.count()));
    }
    timer_.expires_after(kAcceptBackoff);
    timer_.async_wait([self = shared_from_this()](beast::error_code waited) {
      if (!waited) {
        self->accept();
      }
    });
  }

  asio::io_context& context_;
  Tcp::acceptor& acceptor_;
  asio::steady_timer timer_;
  Api& api_;
  const ServerOptions& options_;
  ConnectionCounts& counts_;
  std::chrono::steady_clock::time_point last_logged_{};
};

//! Calls `options.on_idle` once after activity (answers, closed connections) has stopped for a full
//! kIdleTick: never while the server is busy.
class IdleWatch : public std::enable_shared_from_this<IdleWatch> {
 public:
  IdleWatch(asio::io_context& context, const ServerOptions& options, const ConnectionCounts& counts)
      : timer_(context), options_(options), counts_(counts) {}

  void tick() {
    timer_.expires_after(kIdleTick);
    timer_.async_wait([self = shared_from_this()](beast::error_code error) {
      if (!error) {
        self->check();
        self->tick();
      }
    });
  }

 private:
  void check() {
    const std::uint64_t activity = counts_.activity.load(std::memory_order_relaxed);
    if (activity != seen_) {
      seen_ = activity;
      pending_ = true;
    } else if (pending_) {
      pending_ = false;
      options_.on_idle();
    }
  }

  asio::steady_timer timer_;
  const ServerOptions& options_;
  const ConnectionCounts& counts_;
  std::uint64_t seen_{0};
  bool pending_{false};
};

core::Status open_acceptor(Tcp::acceptor& acceptor, const ServerOptions& options) {
  beast::error_code error;
  const asio::ip::address address = asio::ip::make_address(options.host, error);
  if (error) {
    return core::make_error(core::ErrorKind::kUsage, "'" + options.host + "' is not an IP address", "--listen");
  }
  const Tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), error);
  if (!error) {
    acceptor.set_option(asio::socket_base::reuse_address(true), error);
  }
  if (!error) {
    acceptor.bind(endpoint, error);
  }
  if (!error) {
    acceptor.listen(asio::socket_base::max_listen_connections, error);
  }
  if (error) {
    return core::make_error(
        core::ErrorKind::kInvalidInput,
        "cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " + error.message(), "--listen");
  }
  return {};
}

//! The cap is only a promise when the process may open that many descriptors: say so when it may not.
void warn_if_descriptors_are_short(const ServerOptions& options) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      limit.rlim_cur < options.max_connections + 64) {
    std::fprintf(stderr,
                 "covalue serve: --max-connections %zu but only %llu file descriptors (ulimit -n): past them, new "
                 "connections wait in the listen queue\n",
                 options.max_connections, static_cast<unsigned long long>(limit.rlim_cur));
  }
}

// Threads when none are asked for: a request waits in its thread for its commit (SQLite's group commit
// syncs the log once for every request waiting; PostgreSQL answers over the network), so the cores stay
// busy and batches grow only with more threads than cores: 2 per core, at least 16.
int default_threads() {
  constexpr unsigned kAtLeast = 16;
  return static_cast<int>(std::max(kAtLeast, 2 * std::thread::hardware_concurrency()));
}

void run_threads(asio::io_context& context, int threads) {
  const auto run = [&context] {
    try {
      context.run();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "covalue serve: internal error: %s\n", e.what());
      context.stop();
    }
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) {
    pool.emplace_back(run);
  }
  run();
  for (std::thread& thread : pool) {
    thread.join();
  }
}

}  // namespace

core::Status parse_listen(const std::string& text, ServerOptions& options) {
  const std::size_t colon = text.rfind(':');
  unsigned port = 0;
  const char* end = text.data() + text.size();
  if (colon == std::string::npos || colon == 0) {
    return core::make_error(core::ErrorKind::kUsage, "expected HOST:PORT, got '" + text + "'", "--listen");
  }
  const auto [ptr, error] = std::from_chars(text.data() + colon + 1, end, port);
  if (error != std::errc() || ptr != end || port > 65535) {
    return core::make_error(core::ErrorKind::kUsage, "expected a port number 0-65535 in '" + text + "'", "--listen");
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  options.host = host;
  options.port = static_cast<unsigned short>(port);
  return {};
}

core::Status run_http_server(Api& api, const ServerOptions& options) {
  const int threads = options.threads > 0 ? options.threads : default_threads();
  ConnectionCounts counts;  // outlives the context, whose destructor ends the last connections
  asio::io_context context(threads);
  Tcp::acceptor acceptor(context);
  if (core::Status opened = open_acceptor(acceptor, options); !opened) {
    return opened;
  }
  asio::signal_set signals(context, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) {
    beast::error_code ignored;
    acceptor.close(ignored);
    context.stop();
  });
  std::make_shared<Listener>(context, acceptor, api, options, counts)->accept();
  if (options.on_idle) {
    std::make_shared<IdleWatch>(context, options, counts)->tick();
  }
  warn_if_descriptors_are_short(options);
  const Tcp::endpoint local = acceptor.local_endpoint();
  const std::string host =
      local.address().is_v6() ? "[" + local.address().to_string() + "]" : local.address().to_string();
  std::printf("listening on http://%s:%u\n", host.c_str(), static_cast<unsigned>(local.port()));
  std::fflush(stdout);
  run_threads(context, threads);
  return {};
}

}  // namespace covalue::server
