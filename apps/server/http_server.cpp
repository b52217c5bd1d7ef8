// The HTTP/1.1 transport of the API: Boost.Beast, one io_context run by N threads, async accept,
// read and write, keep-alive, a read timeout, 413 before an oversized body is read.
#include "http_server.hpp"

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "error_mapping.hpp"

namespace covalue::server {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Tcp = asio::ip::tcp;

Method method_of(http::verb verb) {
  switch (verb) {
    case http::verb::get:
      return Method::kGet;
    case http::verb::post:
      return Method::kPost;
    case http::verb::put:
      return Method::kPut;
    case http::verb::patch:
      return Method::kPatch;
    case http::verb::delete_:
      return Method::kDelete;
    default:
      return Method::kOther;
  }
}

//! The request as the Api sees it; nothing when its path is not valid percent-encoding.
std::optional<ApiRequest> to_api_request(http::request<http::string_body>& message) {
  ApiRequest request;
  request.method = method_of(message.method());
  const std::string_view target(message.target().data(), message.target().size());
  const std::size_t question = target.find('?');
  std::optional<std::string> path = percent_decode(target.substr(0, question));
  if (!path) {
    return std::nullopt;
  }
  request.path = std::move(*path);
  request.query = question == std::string_view::npos ? std::string() : std::string(target.substr(question + 1));
  request.authorization = std::string(message[http::field::authorization]);
  request.if_none_match = std::string(message[http::field::if_none_match]);
  request.body = std::move(message.body());
  return request;
}

//! One client connection: reads requests one after the other and answers each.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Tcp::socket socket, Api& api, const ServerOptions& options)
      : stream_(std::move(socket)), api_(api), options_(options) {}

  void start() {
    asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read_header, shared_from_this()));
  }

 private:
  void read_header() {
    parser_.emplace();
    parser_->body_limit(options_.body_limit);
    parser_->header_limit(64 * 1024);
    stream_.expires_after(options_.read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code error, std::size_t /*bytes*/) {
    if (error == http::error::body_limit) {  // the parser checks Content-Length against the limit
      reject_too_large();
      return;
    }
    if (error) {
      close();
      return;
    }
    const boost::optional<std::uint64_t> length = parser_->content_length();
    if (length && *length > options_.body_limit) {
      reject_too_large();
      return;
    }
    if (beast::iequals(parser_->get()[http::field::expect], "100-continue")) {
      continue_.emplace(http::status::continue_, parser_->get().version());
      http::async_write(stream_, *continue_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
        ec ? self->close() : self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() {
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code error, std::size_t /*bytes*/) {
    if (error == http::error::body_limit) {
      reject_too_large();
      return;
    }
    if (error) {
      close();
      return;
    }
    http::request<http::string_body> message = parser_->release();
    const bool keep_alive = message.keep_alive();
    const unsigned version = message.version();
    std::optional<ApiRequest> request = to_api_request(message);
    send(request ? api_.handle(*request) : error_response(400, "invalid_input", "malformed percent-encoding", "path"),
         keep_alive, version);
  }

  void send(ApiResponse answer, bool keep_alive, unsigned version) {
    body_ = answer.body ? std::move(answer.body) : std::make_shared<const std::string>();
    response_.emplace(static_cast<http::status>(answer.status), version);
    response_->set(http::field::server, "covalue");
    response_->set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers) {
      response_->set(name, value);
    }
    response_->body() = http::span_body<const char>::value_type(body_->data(), body_->size());
    response_->keep_alive(keep_alive);
    response_->prepare_payload();
    http::async_write(stream_, *response_,
                      beast::bind_front_handler(&Session::on_write, shared_from_this(), keep_alive));
  }

  void on_write(bool keep_alive, beast::error_code error, std::size_t /*bytes*/) {
    if (error || !keep_alive) {
      close();
      return;
    }
    read_header();
  }

  //! 413 without reading the body; then the connection closes (after draining what the client sends,
  //! so it can read the answer instead of a reset).
  void reject_too_large() {
    ApiResponse answer = error_response(
        413, "payload_too_large", "the body is larger than " + std::to_string(options_.body_limit) + " bytes", "body");
    body_ = std::move(answer.body);
    response_.emplace(http::status::payload_too_large, parser_->get().version());
    response_->set(http::field::content_type, answer.content_type);
    response_->body() = http::span_body<const char>::value_type(body_->data(), body_->size());
    response_->keep_alive(false);
    response_->prepare_payload();
    http::async_write(stream_, *response_, [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) {
        self->close();
        return;
      }
      beast::error_code ignored;
      self->stream_.socket().shutdown(Tcp::socket::shutdown_send, ignored);
      self->stream_.expires_after(std::chrono::seconds(5));
      self->drain();
    });
  }

  void drain() {
    stream_.async_read_some(asio::buffer(scratch_), [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) {
        self->close();
        return;
      }
      self->drain();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(Tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  Api& api_;
  const ServerOptions& options_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::empty_body>> continue_;
  std::optional<http::response<http::span_body<const char>>> response_;
  std::shared_ptr<const std::string> body_;
  std::array<char, std::size_t{64} * 1024> scratch_{};
};

//! Accepts connections, each on its own strand.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& context, Tcp::acceptor& acceptor, Api& api, const ServerOptions& options)
      : context_(context), acceptor_(acceptor), api_(api), options_(options) {}

  void accept() {
    acceptor_.async_accept(asio::make_strand(context_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

 private:
  void on_accept(beast::error_code error, Tcp::socket socket) {
    if (error == asio::error::operation_aborted || !acceptor_.is_open()) {
      return;
    }
    if (!error) {
      std::make_shared<Session>(std::move(socket), api_, options_)->start();
    }
    accept();
  }

  asio::io_context& context_;
  Tcp::acceptor& acceptor_;
  Api& api_;
  const ServerOptions& options_;
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
  const int threads = options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
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
  std::make_shared<Listener>(context, acceptor, api, options)->accept();
  const Tcp::endpoint local = acceptor.local_endpoint();
  const std::string host =
      local.address().is_v6() ? "[" + local.address().to_string() + "]" : local.address().to_string();
  std::printf("listening on http://%s:%u\n", host.c_str(), static_cast<unsigned>(local.port()));
  std::fflush(stdout);
  run_threads(context, threads);
  return {};
}

}  // namespace covalue::server
