#pragma once

// The writer of a database file, shared by every store of the file in this process: one connection and
// one group commit (group_commit.hpp), so that the networks of one file queue for one batch instead of
// each holding its own connection that waits for SQLite's one write lock. A process-wide registry keyed
// by the file's canonical path holds each writer weakly; the stores hold it, and the last store of a
// file to go closes it. A private database (in memory) is never shared.

#include <memory>
#include <string>

#include "connection.hpp"
#include "covalue/core/result.hpp"
#include "group_commit.hpp"

namespace covalue::adapters::sqlite {

//! True for a database no second connection can share (a private in-memory or temporary one).
[[nodiscard]] bool is_private(const std::string& path);

//! The writer of the database at `path`, its schema up to date: the one the file's live stores share,
//! or one opened (creating the file when missing) and migrated now when none lives or the file at
//! `path` is no longer the one it was opened on. A private `path` gets a fresh writer of its own.
[[nodiscard]] core::Result<std::shared_ptr<GroupCommit>> writer_of(const std::string& path);

//! A writer of its own for the open connection `db`, its schema brought up to date first.
[[nodiscard]] core::Result<std::shared_ptr<GroupCommit>> private_writer(std::unique_ptr<Connection> db);

}  // namespace covalue::adapters::sqlite
