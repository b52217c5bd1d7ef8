// A commit the SQLite store acknowledges survives power loss: its write-ahead log has reached the disk
// (fsync) before transact() returns. Seen through a VFS that passes every call on to the default one and
// counts the syncs of -wal files.
#include <sqlite3.h>

#include <atomic>
#include <cstring>

#include "../support/temp_dir.hpp"
#include "covalue/adapters/sqlite/sqlite_store.hpp"
#include "store_contract.hpp"

namespace covalue::testing {
namespace {

std::atomic<int> wal_syncs{0};
sqlite3_vfs* real_vfs = nullptr;

// A file of the counting VFS: the real file lives right behind it in the same allocation.
struct CountingFile {
  sqlite3_file base;
  bool wal;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }  // NOLINT: layout as allocated
};

CountingFile* of(sqlite3_file* file) { return reinterpret_cast<CountingFile*>(file); }

int close_file(sqlite3_file* f) { return of(f)->real()->pMethods->xClose(of(f)->real()); }
int read_file(sqlite3_file* f, void* out, int n, sqlite3_int64 at) {
  return of(f)->real()->pMethods->xRead(of(f)->real(), out, n, at);
}
int write_file(sqlite3_file* f, const void* in, int n, sqlite3_int64 at) {
  return of(f)->real()->pMethods->xWrite(of(f)->real(), in, n, at);
}
int truncate_file(sqlite3_file* f, sqlite3_int64 size) {
  return of(f)->real()->pMethods->xTruncate(of(f)->real(), size);
}
int sync_file(sqlite3_file* f, int flags) {
  if (of(f)->wal) {
    ++wal_syncs;
  }
  return of(f)->real()->pMethods->xSync(of(f)->real(), flags);
}
int file_size(sqlite3_file* f, sqlite3_int64* size) { return of(f)->real()->pMethods->xFileSize(of(f)->real(), size); }
int lock_file(sqlite3_file* f, int level) { return of(f)->real()->pMethods->xLock(of(f)->real(), level); }
int unlock_file(sqlite3_file* f, int level) { return of(f)->real()->pMethods->xUnlock(of(f)->real(), level); }
int check_lock(sqlite3_file* f, int* out) { return of(f)->real()->pMethods->xCheckReservedLock(of(f)->real(), out); }
int file_control(sqlite3_file* f, int op, void* arg) {
  return of(f)->real()->pMethods->xFileControl(of(f)->real(), op, arg);
}
int sector_size(sqlite3_file* f) { return of(f)->real()->pMethods->xSectorSize(of(f)->real()); }
int device_flags(sqlite3_file* f) { return of(f)->real()->pMethods->xDeviceCharacteristics(of(f)->real()); }
int shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return of(f)->real()->pMethods->xShmMap(of(f)->real(), region, size, extend, out);
}
int shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return of(f)->real()->pMethods->xShmLock(of(f)->real(), offset, n, flags);
}
void shm_barrier(sqlite3_file* f) { of(f)->real()->pMethods->xShmBarrier(of(f)->real()); }
int shm_unmap(sqlite3_file* f, int remove) { return of(f)->real()->pMethods->xShmUnmap(of(f)->real(), remove); }
int fetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
  return of(f)->real()->pMethods->xFetch(of(f)->real(), at, n, out);
}
int unfetch(sqlite3_file* f, sqlite3_int64 at, void* page) {
  return of(f)->real()->pMethods->xUnfetch(of(f)->real(), at, page);
}

const sqlite3_io_methods kCountingMethods = {
    3,         close_file,  read_file,  write_file,   truncate_file, sync_file,    file_size,
    lock_file, unlock_file, check_lock, file_control, sector_size,   device_flags, shm_map,
    shm_lock,  shm_barrier, shm_unmap,  fetch,        unfetch,
};

int open_file(sqlite3_vfs* /*vfs*/, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  CountingFile* counting = of(file);
  counting->base.pMethods = nullptr;
  counting->wal = (flags & SQLITE_OPEN_WAL) != 0;
  const int code = real_vfs->xOpen(real_vfs, name, counting->real(), flags, out_flags);
  if (code == SQLITE_OK && counting->real()->pMethods != nullptr) {
    counting->base.pMethods = &kCountingMethods;
  }
  return code;
}

// The counting VFS, the process's default while it lives; everything but xOpen is the real VFS's.
class CountingVfs {
 public:
  CountingVfs() {
    real_vfs = sqlite3_vfs_find(nullptr);
    std::memcpy(&vfs_, real_vfs, sizeof(vfs_));
    vfs_.szOsFile = static_cast<int>(sizeof(CountingFile)) + real_vfs->szOsFile;
    vfs_.zName = "covalue-counting";
    vfs_.pNext = nullptr;
    vfs_.xOpen = open_file;
    sqlite3_vfs_register(&vfs_, 1);
  }
  CountingVfs(const CountingVfs&) = delete;
  CountingVfs& operator=(const CountingVfs&) = delete;
  ~CountingVfs() {
    sqlite3_vfs_register(real_vfs, 1);
    sqlite3_vfs_unregister(&vfs_);
  }

 private:
  sqlite3_vfs vfs_{};
};

TEST(SqliteDurability, TheLogIsOnDiskBeforeTransactReturns) {
  const TempDir dir("covalue-durability-");
  const CountingVfs counting;
  {
    auto opened = adapters::sqlite::open_sqlite_store(dir.file("network.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    for (int i = 0; i < 3; ++i) {
      const int before = wal_syncs.load();
      must((*opened)->transact([i](program::StoreSession& s) -> core::Status {
        auto id = s.insert_partner(sample_partner("durable " + std::to_string(i), net::Tier::kOther));
        return id.ok() ? core::Status() : core::Status(id.error());
      }));
      EXPECT_GT(wal_syncs.load(), before) << "commit " << i << " was acknowledged before its log was synced";
    }
  }
  EXPECT_GT(wal_syncs.load(), 0);
}

}  // namespace
}  // namespace covalue::testing
