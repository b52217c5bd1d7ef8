#pragma once

#include <cstddef>
#include <functional>

namespace covalue::core::games::detail {

//! Runs task(k) for every k in [0, count) on at most `threads` threads, the caller's included (0 counts as
//! 1). Tasks are handed out in increasing k; each must write only to its own slot. Returns when all ran.
void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task);

}  // namespace covalue::core::games::detail
