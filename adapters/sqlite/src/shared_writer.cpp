#include "shared_writer.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <utility>

#include "schema.hpp"

namespace covalue::adapters::sqlite {
namespace {

// Which file a path names now: its device and inode, nothing when it cannot be read.
struct FileId {
  dev_t device{};
  ino_t inode{};
  bool operator==(const FileId&) const = default;
};

std::optional<FileId> file_id(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return std::nullopt;
  }
  return FileId{info.st_dev, info.st_ino};
}

// A file's writer as long as some store holds it, and the file it was opened on.
struct Entry {
  std::weak_ptr<GroupCommit> writer;
  std::optional<FileId> file;
};

// The writers of the files open in this process, by canonical path.
struct Registry {
  std::mutex mutex;
  std::map<std::string, Entry> writers;
};

Registry& registry() {
  static Registry writers;
  return writers;
}

// The path as the file system resolves it (symbolic links followed, as SQLite does), or as given.
std::string canonical(const std::string& path) {
  std::error_code error;
  std::filesystem::path resolved = std::filesystem::weakly_canonical(path, error);
  return error ? path : resolved.string();
}

// A writer of its own on a new connection to `path`.
core::Result<std::shared_ptr<GroupCommit>> open_writer(const std::string& path) {
  auto db = Connection::open(path);
  if (!db.ok()) {
    return db.error();
  }
  return private_writer(std::move(*db));
}

// The live writer of the file at `key` (a canonical path) opened on the file now there; forgets the
// writers no store holds any more.
std::shared_ptr<GroupCommit> find_live(Registry& known, const std::string& key) {
  std::erase_if(known.writers, [](const auto& entry) { return entry.second.writer.expired(); });
  const auto found = known.writers.find(key);
  if (found == known.writers.end() || !found->second.file.has_value() || found->second.file != file_id(key)) {
    return nullptr;
  }
  return found->second.writer.lock();
}

}  // namespace

bool is_private(const std::string& path) { return path.empty() || path == ":memory:"; }

core::Result<std::shared_ptr<GroupCommit>> private_writer(std::unique_ptr<Connection> db) {
  if (auto migrated = migrate(*db, schema_migrations()); !migrated.ok()) {
    return migrated.error();
  }
  return std::make_shared<GroupCommit>(std::move(db));
}

core::Result<std::shared_ptr<GroupCommit>> writer_of(const std::string& path) {
  if (is_private(path)) {
    return open_writer(path);
  }
  const std::string key = canonical(path);
  std::shared_ptr<GroupCommit> live;
  {
    // Opening and migrating under the lock: a second store of the file waits for the first one's writer.
    Registry& known = registry();
    const std::lock_guard lock(known.mutex);
    live = find_live(known, key);
    if (live == nullptr) {
      auto opened = open_writer(path);
      if (opened.ok()) {
        known.writers.insert_or_assign(key, Entry{*opened, file_id(key)});
      }
      return opened;
    }
  }
  // Another process may have moved the schema on since the writer migrated it.
  if (auto checked = live->with_connection([](Connection& db) { return check_schema(db, schema_migrations()); });
      !checked.ok()) {
    return checked.error();
  }
  return live;
}

}  // namespace covalue::adapters::sqlite
