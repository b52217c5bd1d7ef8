#include "heap_warmup.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14 (uapi/asm-generic/mman-common.h)
#endif

namespace covalue::cli {

namespace {
// glibc's largest mmap threshold on 64-bit (4 MiB * sizeof(long)): blocks up to it can come from the heap.
constexpr std::size_t kLargestFromHeap = std::size_t{32} << 20U;
}  // namespace

void populate_heap(std::size_t bytes) {
  bytes = std::min(bytes, kLargestFromHeap);
  if (bytes == 0) {
    return;
  }
  // Blocks up to the threshold are carved from the heap (populated below) instead of mapped afresh, and a
  // free never gives the heap's top back to the kernel.
  (void)mallopt(M_MMAP_THRESHOLD, static_cast<int>(kLargestFromHeap));
  (void)mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kLargestFromHeap));
  void* block = std::malloc(bytes);  // NOLINT(cppcoreguidelines-no-malloc): the heap itself is what is prepared
  if (block == nullptr) {
    return;
  }
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto start = reinterpret_cast<std::uintptr_t>(block);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  const std::uintptr_t first = (start + page - 1) / page * page;
  const std::uintptr_t end = (start + bytes) / page * page;
  if (end > first) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast, performance-no-int-to-ptr): a page address
    (void)madvise(reinterpret_cast<void*>(first), end - first, MADV_POPULATE_WRITE);
  }
  std::free(block);  // NOLINT(cppcoreguidelines-no-malloc): back to the heap, populated, for what follows
}

}  // namespace covalue::cli
