#pragma once
// Populating the heap ahead, for the short processes of the computing commands.

#include <cstddef>

namespace covalue::cli {

//! How much heap `pb solve` and `pb verify` populate ahead, per byte of the .pb file they read: what Lodz
//! 2022 (3.8 MB) needs with MES (at 2.0 about 170 of its pages were still touched first, at 2.5 none). A page
//! populated and never used costs under a microsecond.
inline constexpr double kHeapPerFileByte = 2.5;

//! Keeps `bytes` of heap (at most 32 MiB) ready for the process's allocations, populated by the kernel in
//! one call. On a virtual machine, a page's first touch costs 10-16 microseconds (a trap per page), a
//! populated page under one: a command that reads a 4 MB file and allocates as much saves most of that.
//! Large blocks then come from the heap rather than from mappings of their own, and freed memory stays
//! in it for the next allocation (the process is short). When the kernel cannot populate (before Linux
//! 5.14) those two allocator settings still hold, and each page faults at its first touch as before.
void populate_heap(std::size_t bytes);

}  // namespace covalue::cli
