#include "simulate/mpi_ranks.hpp"

#include <mpi.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>

namespace covalue::cli {
namespace {

namespace sim = core::sim;

template <typename T>
void put(std::vector<char>& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  const auto* bytes = reinterpret_cast<const char*>(&value);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  out.insert(out.end(), bytes, bytes + sizeof(T));
}

template <typename T>
bool take(const char*& at, const char* end, T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  if (static_cast<std::size_t>(end - at) < sizeof(T)) {
    return false;
  }
  std::memcpy(&value, at, sizeof(T));
  at += sizeof(T);
  return true;
}

void put_text(std::vector<char>& out, const std::string& text) {
  put(out, static_cast<std::uint64_t>(text.size()));
  out.insert(out.end(), text.begin(), text.end());
}

bool take_text(const char*& at, const char* end, std::string& text) {
  std::uint64_t size = 0;
  if (!take(at, end, size) || static_cast<std::uint64_t>(end - at) < size) {
    return false;
  }
  text.assign(at, static_cast<std::size_t>(size));
  at += size;
  return true;
}

core::Error broken(const std::string& what) {
  return {core::ErrorKind::kInternal, "the simulation's ranks could not merge their results: " + what, "mpirun"};
}

// Network i of this rank: a flag (0 ok, 1 error), then the run or the error.
void append_network(std::vector<char>& out, const sim::NetworkRun& run, const std::optional<core::Error>& error) {
  put(out, static_cast<std::uint8_t>(error ? 1 : 0));
  if (error) {
    put(out, static_cast<std::int32_t>(error->kind));
    put_text(out, error->message);
    put_text(out, error->where);
  } else {
    append_run(out, run);
  }
}

}  // namespace

void append_run(std::vector<char>& out, const sim::NetworkRun& run) {
  put(out, static_cast<std::uint64_t>(run.cycles.size()));
  for (const sim::CycleFigures& cycle : run.cycles) {
    put(out, cycle.members);
    put(out, cycle.initial_members);
    put(out, cycle.proposals);
    put(out, cycle.selected);
    put(out, cycle.network_value);
    put(out, cycle.value_per_member);
    put(out, static_cast<std::uint8_t>(cycle.in_core ? 1 : 0));
  }
  put(out, run.total_value);
  put(out, run.gini);
  put(out, run.longest_dry_spell);
  put(out, run.quota_compliance);
  put(out, run.joined);
  put(out, run.left);
}

core::Result<sim::NetworkRun> read_run(const char*& at, const char* end) {
  sim::NetworkRun run;
  std::uint64_t cycles = 0;
  if (!take(at, end, cycles) || cycles > static_cast<std::uint64_t>(end - at)) {
    return broken("a network's cycles are cut short");
  }
  run.cycles.resize(static_cast<std::size_t>(cycles));
  for (sim::CycleFigures& cycle : run.cycles) {
    std::uint8_t in_core = 0;
    if (!take(at, end, cycle.members) || !take(at, end, cycle.initial_members) || !take(at, end, cycle.proposals) ||
        !take(at, end, cycle.selected) || !take(at, end, cycle.network_value) ||
        !take(at, end, cycle.value_per_member) || !take(at, end, in_core)) {
      return broken("a cycle is cut short");
    }
    cycle.in_core = in_core != 0;
  }
  if (!take(at, end, run.total_value) || !take(at, end, run.gini) || !take(at, end, run.longest_dry_spell) ||
      !take(at, end, run.quota_compliance) || !take(at, end, run.joined) || !take(at, end, run.left)) {
    return broken("a network's totals are cut short");
  }
  return run;
}

MpiRanks::MpiRanks() {
  // Open MPI's mpirun (or PMIx) sets these; a plain run never initialises MPI (a singleton init costs ~0.5 s).
  if (std::getenv("OMPI_COMM_WORLD_SIZE") == nullptr && std::getenv("PMIX_RANK") == nullptr) {
    return;
  }
  int already = 0;
  MPI_Initialized(&already);
  if (already == 0 && MPI_Init(nullptr, nullptr) != MPI_SUCCESS) {
    return;
  }
  initialised_ = already == 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiRanks::~MpiRanks() {
  if (initialised_) {
    MPI_Finalize();
  }
}

core::Status MpiRanks::gather(std::vector<sim::NetworkRun>& runs,
                              std::vector<std::optional<core::Error>>& errors) const {
  if (size_ == 1) {
    return {};
  }
  std::vector<char> mine;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (owns(i)) {
      append_network(mine, runs[i], errors[i]);
    }
  }
  if (mine.size() > static_cast<std::size_t>(INT32_MAX)) {
    return broken("one rank's results exceed 2 GiB; run fewer networks or more ranks");
  }
  int my_size = static_cast<int>(mine.size());
  std::vector<int> sizes(root() ? static_cast<std::size_t>(size_) : 0);
  if (MPI_Gather(&my_size, 1, MPI_INT, sizes.data(), 1, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS) {
    return broken("MPI_Gather failed");
  }
  std::vector<int> offsets(sizes.size());
  std::int64_t total = 0;
  for (std::size_t r = 0; r < sizes.size(); ++r) {
    offsets[r] = static_cast<int>(total);
    total += sizes[r];
  }
  if (total > INT32_MAX) {
    return broken("the results exceed 2 GiB; run fewer networks");
  }
  std::vector<char> all(root() ? static_cast<std::size_t>(total) : 0);
  if (MPI_Gatherv(mine.data(), my_size, MPI_CHAR, all.data(), sizes.data(), offsets.data(), MPI_CHAR, 0,
                  MPI_COMM_WORLD) != MPI_SUCCESS) {
    return broken("MPI_Gatherv failed");
  }
  if (!root()) {
    return {};
  }
  for (std::size_t r = 1; r < sizes.size(); ++r) {
    const char* at = all.data() + offsets[r];
    const char* end = at + sizes[r];
    for (std::size_t i = r; i < runs.size(); i += sizes.size()) {
      std::uint8_t failed = 0;
      if (!take(at, end, failed)) {
        return broken("rank " + std::to_string(r) + " sent too little");
      }
      if (failed != 0) {
        core::Error error;
        std::int32_t kind = 0;
        if (!take(at, end, kind) || !take_text(at, end, error.message) || !take_text(at, end, error.where)) {
          return broken("rank " + std::to_string(r) + " sent a cut error");
        }
        error.kind = static_cast<core::ErrorKind>(kind);
        errors[i] = std::move(error);
        continue;
      }
      core::Result<sim::NetworkRun> run = read_run(at, end);
      if (!run) {
        return run.error();
      }
      runs[i] = std::move(*run);
    }
    if (at != end) {
      return broken("rank " + std::to_string(r) + " sent more than its networks");
    }
  }
  return {};
}

}  // namespace covalue::cli
