// Reading a .pb file: a regular file is mapped (see pb_file_bytes.hpp), anything else is read.
#include "pb_file_bytes.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <utility>

namespace covalue::adapters::pabulib::detail {
namespace {

// A file descriptor, closed on scope exit.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

// read(2) until `size` bytes or the end of the file; the bytes read, or -1 on an error.
ssize_t read_fully(int fd, char* into, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t got = ::read(fd, into + done, size - done);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      return -1;
    }
    if (got == 0) {
      break;
    }
    done += static_cast<std::size_t>(got);
  }
  return static_cast<ssize_t>(done);
}

// Appends what is left of the file to `out`; false on a read error.
bool read_rest(int fd, std::string& out) {
  std::array<char, 65536> chunk{};
  for (;;) {
    const ssize_t got = read_fully(fd, chunk.data(), chunk.size());
    if (got < 0) {
      return false;
    }
    out.append(chunk.data(), static_cast<std::size_t>(got));
    if (static_cast<std::size_t>(got) < chunk.size()) {
      return true;
    }
  }
}

}  // namespace

core::Result<FileBytes> FileBytes::read(const std::filesystem::path& path) {
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));  // NOLINT(cppcoreguidelines-pro-type-vararg)
  if (fd.get() < 0) {
    return core::make_error(core::ErrorKind::kNotFound, "cannot open " + path.string(), path.string());
  }
  const auto cannot_read = [&] {
    return core::make_error(core::ErrorKind::kInvalidInput, "cannot read " + path.string(), path.string());
  };
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return cannot_read();
  }
  FileBytes bytes;
  if (S_ISREG(info.st_mode) && info.st_size > 0) {
    const auto size = static_cast<std::size_t>(info.st_size);
    void* memory = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd.get(), 0);
    if (memory != MAP_FAILED) {  // else read as a file of unknown size
      bytes.mapped_ = static_cast<char*>(memory);
      bytes.size_ = size;
      return bytes;
    }
  }
  if (!read_rest(fd.get(), bytes.read_)) {
    return cannot_read();
  }
  return bytes;
}

FileBytes::FileBytes(FileBytes&& other) noexcept
    : mapped_(std::exchange(other.mapped_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      read_(std::move(other.read_)) {}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    release();
    mapped_ = std::exchange(other.mapped_, nullptr);
    size_ = std::exchange(other.size_, 0);
    read_ = std::move(other.read_);
  }
  return *this;
}

FileBytes::~FileBytes() { release(); }

std::string_view FileBytes::text() const {
  return mapped_ != nullptr ? std::string_view(mapped_, size_) : std::string_view(read_);
}

void FileBytes::release() {
  if (mapped_ != nullptr) {
    ::munmap(mapped_, size_);
    mapped_ = nullptr;
  }
}

}  // namespace covalue::adapters::pabulib::detail
