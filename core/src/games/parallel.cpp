#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace covalue::core::games::detail {

void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t k = next.fetch_add(1); k < count; k = next.fetch_add(1)) {
      task(k);
    }
  };
  const std::size_t helpers = std::min<std::size_t>(std::max(threads, 1U) - 1, count > 0 ? count - 1 : 0);
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  for (std::size_t t = 0; t < helpers; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // the system refused another thread: the ones running (and the caller) do the work
    }
  }
  work();
  for (std::thread& thread : pool) {
    thread.join();
  }
}

}  // namespace covalue::core::games::detail
