#pragma once

// The browser session's cookie and the Origin check of signed-in changes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api_types.hpp"
#include "covalue/core/result.hpp"

namespace covalue::server {

//! The name of the cookie that carries a browser session's secret.
inline constexpr std::string_view kSessionCookie = "covalue_session";

//! The value of the session cookie in a Cookie header ("a=1; covalue_session=cvs_..."), or nothing.
[[nodiscard]] std::optional<std::string> session_cookie(std::string_view cookie_header);

//! The Set-Cookie value that stores `secret` for `max_age_seconds`: HttpOnly, SameSite=Strict, Path=/, and
//! Secure when `secure`.
[[nodiscard]] std::string set_session_cookie(const std::string& secret, std::int64_t max_age_seconds, bool secure);

//! The Set-Cookie value that makes the browser forget the session cookie.
[[nodiscard]] std::string clear_session_cookie(bool secure);

//! The server's own origin as the request reached it: "http://HOST" ("https://HOST" when `secure`).
[[nodiscard]] std::string own_origin(const ApiRequest& request, bool secure);

//! kForbidden naming the Origin header unless the request's Origin is the server's own; an absent Origin is
//! refused too when `required` (a change signed in by cookie), and let through otherwise.
[[nodiscard]] core::Status check_origin(const ApiRequest& request, bool secure, bool required);

}  // namespace covalue::server
