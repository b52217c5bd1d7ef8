// `covalue network export|import`: a whole network as one JSON archive (docs/archive.md).
#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

#include "command_handlers.hpp"
#include "covalue/adapters/json/archive_json.hpp"
#include "covalue/core/text.hpp"
#include "covalue/program/archive.hpp"
#include "program/program_session.hpp"
#include "store_factory.hpp"

namespace covalue::cli {
namespace {

using core::ErrorKind;
using core::make_error;

struct ExportArgs {
  ProgramFlags flags;
  std::string output;
};

struct ImportArgs {
  ProgramFlags flags;
  std::string file;
  std::optional<std::string> rename;
};

//! An error about the file `path` from errno.
core::Error file_error(const std::string& what, const std::string& path) {
  return make_error(ErrorKind::kInvalidInput, what + ": " + std::strerror(errno), path);
}

//! Writes all of `text` to the open descriptor `fd`, then flushes it to the disk.
bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) {
      continue;
    }
    if (wrote <= 0) {
      return false;
    }
    done += static_cast<std::size_t>(wrote);
  }
  return ::fsync(fd) == 0;
}

//! Writes `text` to `path` atomically: into a new file beside it (mode 0600: an archive holds token
//! hashes), renamed over `path` once complete, so `path` is either what it was or the whole new text.
core::Status write_atomically(const std::string& path, const std::string& text) {
  std::string temp = path + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return file_error("cannot create a file beside it", path);
  }
  std::optional<core::Error> failed;
  if (!write_all(fd, text)) {
    failed = file_error("cannot write the archive", path);
  }
  if (::close(fd) != 0 && !failed) {
    failed = file_error("cannot write the archive", path);
  }
  if (!failed && std::rename(temp.c_str(), path.c_str()) != 0) {
    failed = file_error("cannot replace it with the archive", path);
  }
  if (failed) {
    ::unlink(temp.c_str());
    return *failed;
  }
  return {};
}

//! The text of `file` ("-": standard input).
core::Result<std::string> read_text(const std::string& file) {
  if (file == "-") {
    return std::string((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return file_error("cannot open the archive", file);
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

//! "N partners, M cycles, K audit entries": what an archive holds, in a sentence.
std::string contents(const program::NetworkArchive& archive) {
  return fmt::format("{} partners, {} initiatives, {} cycles, {} tokens, {} audit entries", archive.partners.size(),
                     archive.initiatives.size(), archive.cycles.size(), archive.tokens.size(), archive.audit.size());
}

core::Result<Output> export_network(const ExportArgs& args) {
  core::Result<std::unique_ptr<program::Store>> store = open_store(args.flags.db, {.name_or_id = args.flags.network});
  if (!store) {
    return store.error();
  }
  core::Result<program::NetworkArchive> archive = program::export_network(**store);
  if (!archive) {
    return archive.error();
  }
  core::Result<std::string> text = adapters::json::archive_to_text(*archive);
  if (!text) {
    return text.error();
  }
  if (args.output == "-") {
    return Output::of_text(std::move(*text));
  }
  if (core::Status written = write_atomically(args.output, *text); !written) {
    return written.error();
  }
  return Output::of_text(fmt::format("exported network '{}' to {} ({} bytes): {}\n",
                                     core::terminal_safe(archive->charter.name), core::terminal_safe(args.output),
                                     text->size(), contents(*archive)));
}

core::Result<Output> import_network(const ImportArgs& args) {
  core::Result<std::string> text = read_text(args.file);
  if (!text) {
    return text.error();
  }
  core::Result<program::NetworkArchive> archive = adapters::json::archive_from_text(*text);
  if (!archive) {
    return archive.error();
  }
  // import_network checks the archive too; checking it first leaves a database that does not exist yet
  // uncreated when the archive is refused.
  if (core::Status checked = program::check_archive(*archive); !checked) {
    return checked.error();
  }
  if (!args.flags.network.empty()) {
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "network import adds a new network: name it with --as, not --network", "--network");
  }
  core::Result<std::unique_ptr<program::Store>> store = open_store(args.flags.db, {.name_or_id = "", .create = true});
  if (!store) {
    return store.error();
  }
  if (core::Status imported = program::import_network(**store, *archive, {.rename = args.rename}); !imported) {
    return imported.error();
  }
  return Output::of_text(fmt::format("imported network '{}': {}\n",
                                     core::terminal_safe(args.rename.value_or(archive->charter.name)),
                                     contents(*archive)));
}

}  // namespace

Handler add_network_export(CLI::App& command) {
  auto args = std::make_shared<ExportArgs>();
  args->flags.add_db(command);
  command.add_option("--output", args->output, "the archive file to write (replaced atomically), or - for stdout")
      ->required();
  return [args] { return export_network(*args); };
}

Handler add_network_import(CLI::App& command) {
  auto args = std::make_shared<ImportArgs>();
  args->flags.add_db(command);
  command.add_option("FILE", args->file, "the archive to import, or - for stdin")->required();
  command.add_option("--as", args->rename, "a new name for the imported network (appended to its audit log)");
  return [args] { return import_network(*args); };
}

}  // namespace covalue::cli
