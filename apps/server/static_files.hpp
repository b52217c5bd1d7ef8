#pragma once

#include <filesystem>

#include "api_types.hpp"

namespace covalue::server {

//! Serves the web UI from `root` (GET; the Api answers HEAD as GET): the file the percent-decoded path
//! names, or index.html for a path whose last segment has no extension (client-side routes). Content-Type
//! by extension, ETag from size and time with 304 on If-None-Match, Cache-Control (immutable for
//! /assets/, revalidate otherwise). A path with a ".." segment, a backslash or a NUL, or one that
//! resolves outside `root`, is 404; malformed percent-encoding is 400.
[[nodiscard]] ApiResponse serve_static(const std::filesystem::path& root, const ApiRequest& request);

//! The Content-Type of a file name by its extension ("application/octet-stream" when unknown).
[[nodiscard]] const char* content_type_of(const std::filesystem::path& file);

}  // namespace covalue::server
