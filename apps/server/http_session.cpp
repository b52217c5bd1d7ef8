#include "http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <optional>

#include "error_mapping.hpp"

namespace covalue::server {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Tcp = asio::ip::tcp;

//! The header limit: larger request headers get 431.
constexpr std::uint32_t kHeaderLimit = 64 * 1024;
//! How long a closing connection reads (and drops) what its client still sends, so that the client
//! reads the last answer instead of a reset; the buffer exists only while it does.
constexpr std::chrono::seconds kLinger{5};
constexpr std::chrono::seconds kRefusedLinger{1};  //!< shorter for 503s: the server is busy
constexpr std::size_t kDrainBuffer = std::size_t{64} * 1024;

//! Sent on every answer: the page may load only its own scripts, styles, images and API, never inline
//! code, and may not be framed; no MIME sniffing, no Referer to elsewhere.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

Method method_of(http::verb verb) {
  switch (verb) {
    case http::verb::get:
      return Method::kGet;
    case http::verb::head:
      return Method::kHead;
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

//! The request as the Api sees it.
ApiRequest to_api_request(http::request<http::string_body>& message, const std::string& client) {
  ApiRequest request;
  request.method = method_of(message.method());
  const std::string_view target(message.target().data(), message.target().size());
  const std::size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  request.query = question == std::string_view::npos ? std::string() : std::string(target.substr(question + 1));
  request.client = client;
  request.authorization = std::string(message[http::field::authorization]);
  request.if_none_match = std::string(message[http::field::if_none_match]);
  request.cookie = std::string(message[http::field::cookie]);
  request.origin = std::string(message[http::field::origin]);
  request.host = std::string(message[http::field::host]);
  request.body = std::move(message.body());
  return request;
}

//! The answer to a request the parser refused: 431 for headers over the limit, 400 naming the header
//! otherwise; nothing when the client simply went away (or was too slow), so there is no one to answer.
std::optional<ApiResponse> framing_error(const beast::error_code& error) {
  const auto is = [&error](http::error which) { return error == http::make_error_code(which); };
  if (is(http::error::header_limit)) {
    return error_response(431, "headers_too_large",
                          "the request's headers are larger than " + std::to_string(kHeaderLimit / 1024) + " KiB");
  }
  if (error.category() != http::make_error_code(http::error::bad_method).category() || is(http::error::end_of_stream)) {
    return std::nullopt;
  }
  if (is(http::error::bad_content_length) || is(http::error::multiple_content_length)) {
    return error_response(400, "invalid_input", "malformed, repeated or conflicting Content-Length", "Content-Length");
  }
  if (is(http::error::bad_transfer_encoding)) {
    return error_response(400, "invalid_input", "Transfer-Encoding repeated or sent with Content-Length",
                          "Transfer-Encoding");
  }
  if (is(http::error::bad_chunk) || is(http::error::bad_chunk_extension)) {
    return error_response(400, "invalid_input", "malformed chunk in a chunked body", "body");
  }
  if (is(http::error::partial_message)) {
    return error_response(400, "invalid_input", "the request ended before its body did", "body");
  }
  return error_response(400, "invalid_input", "malformed HTTP request: " + error.message());
}

//! A request the parser took but the server does not: a Transfer-Encoding other than chunked alone,
//! or a header that must come once given twice.
std::optional<ApiResponse> header_error(const http::request<http::string_body>& message) {
  if (message.count(http::field::transfer_encoding) > 0 &&
      (message.count(http::field::transfer_encoding) > 1 || message.has_content_length() ||
       !beast::iequals(message[http::field::transfer_encoding], "chunked"))) {
    return error_response(400, "invalid_input", "only Transfer-Encoding: chunked, alone, is accepted",
                          "Transfer-Encoding");
  }
  if (message.count(http::field::authorization) > 1) {
    return error_response(400, "invalid_input", "send one Authorization header", "Authorization");
  }
  if (message.count(http::field::origin) > 1 || message.count(http::field::host) > 1) {
    return error_response(400, "invalid_input", "send one Origin and one Host header", "Origin");
  }
  return std::nullopt;
}

//! Every answer carries these.
template <typename Response>
void set_common_headers(Response& response) {
  response.set(http::field::server, "covalue");
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  response.set("X-Content-Type-Options", "nosniff");
  response.set(http::field::x_frame_options, "DENY");
  response.set("Referrer-Policy", "no-referrer");
}

//! One client connection: reads requests one after the other and answers each.
class Session : public std::enable_shared_from_this<Session> {
 public:
  //! A connection served by `api`, or (null) one refused with 503.
  Session(Tcp::socket socket, Api* api, const ServerOptions& options, ConnectionCounts& counts, bool counted)
      : stream_(std::move(socket)), api_(api), options_(options), counts_(counts), counted_(counted) {
    (counted_ ? counts_.open : counts_.refusing).fetch_add(1);
    beast::error_code ignored;
    client_ = stream_.socket().remote_endpoint(ignored).address().to_string();
  }
  ~Session() {
    (counted_ ? counts_.open : counts_.refusing).fetch_sub(1);
    counts_.activity.fetch_add(1, std::memory_order_relaxed);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  Session(Session&&) = delete;
  Session& operator=(Session&&) = delete;

  void start() {
    asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read_header, shared_from_this()));
  }

  void refuse() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      ApiResponse answer = error_response(503, "service_unavailable", "the server is at its connection limit");
      answer.headers.emplace_back("Retry-After", "1");
      self->send_and_close(std::move(answer), 11, kRefusedLinger);
    });
  }

 private:
  void read_header() {
    parser_.emplace();
    parser_->body_limit(options_.body_limit);
    parser_->header_limit(kHeaderLimit);
    stream_.expires_after(options_.read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code error, std::size_t /*bytes*/) {
    if (error) {
      on_read_error(error);
      return;
    }
    const boost::optional<std::uint64_t> length = parser_->content_length();
    if (length && *length > options_.body_limit) {
      reject_too_large();
      return;
    }
    if (std::optional<ApiResponse> refused = header_error(parser_->get())) {
      send_and_close(std::move(*refused), parser_->get().version());
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
    if (error) {
      on_read_error(error);
      return;
    }
    http::request<http::string_body> message = parser_->release();
    const bool keep_alive = message.keep_alive();
    const unsigned version = message.version();
    const bool head = message.method() == http::verb::head;
    send(api_->handle(to_api_request(message, client_)), keep_alive, version, head);
  }

  void on_read_error(const beast::error_code& error) {
    if (error == http::error::body_limit) {  // the parser checks Content-Length and chunks against the limit
      reject_too_large();
    } else if (std::optional<ApiResponse> answer = framing_error(error)) {
      send_and_close(std::move(*answer), parser_->get().version());
    } else {
      close();
    }
  }

  //! Makes the response of `answer`; for HEAD, its headers with the Content-Length of the body left out.
  void prepare(ApiResponse answer, bool keep_alive, unsigned version, bool head) {
    counts_.activity.fetch_add(1, std::memory_order_relaxed);
    body_ = answer.body ? std::move(answer.body) : std::make_shared<const std::string>();
    response_.emplace(static_cast<http::status>(answer.status), version);
    set_common_headers(*response_);
    response_->set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers) {
      response_->set(name, value);
    }
    response_->keep_alive(keep_alive);
    if (!head) {
      response_->body() = http::span_body<const char>::value_type(body_->data(), body_->size());
      response_->prepare_payload();
    } else if (answer.status != 304) {
      response_->content_length(body_->size());
    }
  }

  void send(ApiResponse answer, bool keep_alive, unsigned version, bool head) {
    prepare(std::move(answer), keep_alive, version, head);
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

  //! 413 without reading the body.
  void reject_too_large() {
    send_and_close(error_response(413, "payload_too_large",
                                  "the body is larger than " + std::to_string(options_.body_limit) + " bytes", "body"),
                   parser_->get().version());
  }

  //! Sends `answer` with Connection: close, then closes after draining what the client still sends.
  void send_and_close(ApiResponse answer, unsigned version, std::chrono::seconds linger = kLinger) {
    prepare(std::move(answer), false, version, false);
    stream_.expires_after(linger);
    http::async_write(stream_, *response_, [self = shared_from_this(), linger](beast::error_code error, std::size_t) {
      if (error) {
        self->close();
        return;
      }
      beast::error_code ignored;
      self->stream_.socket().shutdown(Tcp::socket::shutdown_send, ignored);
      self->stream_.expires_after(linger);
      self->scratch_ = std::make_unique_for_overwrite<char[]>(kDrainBuffer);
      self->drain();
    });
  }

  void drain() {
    stream_.async_read_some(asio::buffer(scratch_.get(), kDrainBuffer),
                            [self = shared_from_this()](beast::error_code error, std::size_t) {
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
    scratch_.reset();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  Api* api_;
  const ServerOptions& options_;
  ConnectionCounts& counts_;
  bool counted_;
  std::string client_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::empty_body>> continue_;
  std::optional<http::response<http::span_body<const char>>> response_;
  std::shared_ptr<const std::string> body_;
  std::unique_ptr<char[]> scratch_;  //!< only while draining
};

}  // namespace

void serve_connection(Tcp::socket socket, Api& api, const ServerOptions& options, ConnectionCounts& counts) {
  std::make_shared<Session>(std::move(socket), &api, options, counts, true)->start();
}

void refuse_connection(Tcp::socket socket, const ServerOptions& options, ConnectionCounts& counts) {
  std::make_shared<Session>(std::move(socket), nullptr, options, counts, false)->refuse();
}

}  // namespace covalue::server
