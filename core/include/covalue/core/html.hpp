#pragma once

#include <string>
#include <string_view>

namespace covalue::core {

//! `text` with &, <, >, " and ' replaced by character references: safe in HTML text and in quoted
//! attributes. Every HTML covalue writes (e-mail parts, the simulator's report) escapes people's text with it.
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace covalue::core
