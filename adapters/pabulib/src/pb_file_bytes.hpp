#pragma once
// Private to covalue_pabulib: a file's bytes in memory, for read_pabulib_file.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "covalue/core/result.hpp"

namespace covalue::adapters::pabulib::detail {

//! The whole content of a file. A regular file is mapped read-only with its pages in place (MAP_POPULATE):
//! the bytes stay in the page cache, so reading costs neither a copy nor a fresh page of memory, which on
//! a virtual machine costs far more than the parse of its bytes. Another process truncating the file while
//! it is mapped would fault the reader (SIGBUS), as with any mapped file; .pb inputs are not logs.
class FileBytes {
 public:
  //! Reads the file at `path`: kNotFound when it cannot be opened, kInvalidInput when it cannot be read.
  [[nodiscard]] static core::Result<FileBytes> read(const std::filesystem::path& path);

  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();

  //! The bytes read.
  [[nodiscard]] std::string_view text() const;

 private:
  FileBytes() = default;
  void release();

  char* mapped_{nullptr};  // the mapping of a regular file, or nullptr
  std::size_t size_{0};    // its size
  std::string read_;       // the bytes of a file read without a mapping (a pipe, a /proc file, an empty file)
};

}  // namespace covalue::adapters::pabulib::detail
