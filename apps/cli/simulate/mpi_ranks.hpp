#pragma once

// `mpirun -np N covalue simulate run ...`: the same binary splits the simulated networks across the ranks of
// an Open MPI job and merges them on rank 0, which alone prints. Network i runs on rank i mod N; each network
// draws from its own streams (seed, i), so the merged results, and the output, are byte for byte those of one
// process, whatever N and however the ranks' threads are scheduled.

#include <cstddef>
#include <optional>
#include <vector>

#include "covalue/core/result.hpp"
#include "covalue/core/sim/network_model.hpp"

namespace covalue::cli {

//! The job this process belongs to: MPI is initialised only when mpirun started the process (a plain run
//! pays nothing for it) and finalised when the object goes. One per process.
class MpiRanks {
 public:
  MpiRanks();
  ~MpiRanks();
  MpiRanks(const MpiRanks&) = delete;
  MpiRanks& operator=(const MpiRanks&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  //! True on the rank that merges and prints (rank 0; the only one of a plain run).
  [[nodiscard]] bool root() const { return rank_ == 0; }
  //! True when network `index` runs on this rank.
  [[nodiscard]] bool owns(std::size_t index) const {
    return index % static_cast<std::size_t>(size_) == static_cast<std::size_t>(rank_);
  }

  //! Brings every rank's networks to rank 0: there `runs[i]` and `errors[i]` become what rank i mod N
  //! computed; elsewhere they are left as they are. Every rank calls it. An error only when MPI fails.
  [[nodiscard]] core::Status gather(std::vector<core::sim::NetworkRun>& runs,
                                    std::vector<std::optional<core::Error>>& errors) const;

 private:
  int rank_{0};
  int size_{1};
  bool initialised_{false};
};

//! A network's run as bytes and back (the gather's wire form; the same binary on every rank).
void append_run(std::vector<char>& out, const core::sim::NetworkRun& run);
[[nodiscard]] core::Result<core::sim::NetworkRun> read_run(const char*& at, const char* end);

}  // namespace covalue::cli
