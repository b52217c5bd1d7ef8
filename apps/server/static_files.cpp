#include "static_files.hpp"

#include <array>
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

#include "error_mapping.hpp"
#include "route_table.hpp"

namespace covalue::server {

namespace fs = std::filesystem;

namespace {

//! True when `path` could leave the root: a ".." segment, a backslash or a NUL.
bool suspicious(std::string_view path) {
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return true;
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    if (path.substr(start, slash - start) == "..") {
      return true;
    }
    start = slash + 1;
  }
  return false;
}

//! The file a request path names inside `root`, or nothing (traversal, not a file).
std::optional<fs::path> resolve(const fs::path& root, std::string_view path) {
  std::string relative(path);
  while (!relative.empty() && relative.front() == '/') {
    relative.erase(0, 1);
  }
  std::error_code error;
  const fs::path base = fs::weakly_canonical(root, error);
  if (error) {
    return std::nullopt;
  }
  fs::path file = fs::weakly_canonical(base / relative, error);
  if (error) {
    return std::nullopt;
  }
  const auto [root_end, file_it] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
  if (root_end != base.end() || !fs::is_regular_file(file, error)) {
    return std::nullopt;
  }
  return file;
}

bool has_extension(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return last.find('.') != std::string_view::npos;
}

ApiResponse file_response(const fs::path& file, std::string_view request_path, const std::string& if_none_match) {
  std::error_code error;
  const auto size = fs::file_size(file, error);
  const auto time = fs::last_write_time(file, error).time_since_epoch().count();
  const std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(time) + "\"";
  ApiResponse response;
  response.content_type = content_type_of(file);
  response.headers.emplace_back("ETag", etag);
  const bool hashed = request_path.rfind("/assets/", 0) == 0;
  response.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  if (if_none_match == etag) {
    response.status = 304;
    response.set_body("");
    return response;
  }
  std::ifstream in(file, std::ios::binary);
  response.set_body(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
  return response;
}

}  // namespace

const char* content_type_of(const fs::path& file) {
  static constexpr std::array<std::pair<std::string_view, const char*>, 16> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  const std::string extension = file.extension().string();
  for (const auto& [suffix, type] : kTypes) {
    if (extension == suffix) {
      return type;
    }
  }
  return "application/octet-stream";
}

ApiResponse serve_static(const fs::path& root, const ApiRequest& request) {
  if (request.method != Method::kGet) {
    ApiResponse response = error_response(405, "method_not_allowed", "static files are read with GET or HEAD");
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  const std::optional<std::string> decoded = percent_decode(request.path);
  if (!decoded) {
    return error_response(400, "invalid_input", "malformed percent-encoding", "path");
  }
  const std::string& path = *decoded;
  if (suspicious(path)) {
    return error_response(404, "not_found", "no such file");
  }
  if (std::optional<fs::path> file = resolve(root, path == "/" ? "/index.html" : path)) {
    return file_response(*file, path, request.if_none_match);
  }
  if (!has_extension(path)) {
    if (std::optional<fs::path> index = resolve(root, "/index.html")) {
      return file_response(*index, "/index.html", request.if_none_match);
    }
    return error_response(404, "not_found", "the web UI is not built (no index.html in " + root.string() + ")");
  }
  return error_response(404, "not_found", "no such file");
}

}  // namespace covalue::server
