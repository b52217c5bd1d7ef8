// `covalue serve`: the HTTP API and the web UI on one database.
#include <fmt/core.h>
#include <malloc.h>

#include <memory>
#include <thread>

#include "install_paths.hpp"
#include "program_session.hpp"
#include "server/api.hpp"
#include "server/http_server.hpp"
#include "store_factory.hpp"

namespace covalue::cli {
namespace {

struct ServeArgs {
  std::string db{"covalue.db"};
  std::string listen{"127.0.0.1:8080"};
  int threads{0};
  long long max_connections{static_cast<long long>(server::ServerOptions::kDefaultMaxConnections)};
  std::string web{default_web_root().string()};
};

//! A long-running server allocates and frees the same amounts per request: while it is busy, keep freed
//! memory instead of giving it back to the kernel after each request (glibc trims the heap top past
//! 128 KiB by default, and every regrowth costs a system call and page faults).
void keep_freed_memory() {
  constexpr int kKeep = 64 << 20;
  (void)mallopt(M_TRIM_THRESHOLD, kKeep);
  (void)mallopt(M_TOP_PAD, 16 << 20);
  (void)mallopt(M_MMAP_THRESHOLD, 32 << 20);
}

//! Once the server goes quiet, give the kept memory back (every arena, not just the heap top), so that
//! a burst of connections or a large request does not hold its memory for good.
void give_back_memory() { (void)malloc_trim(0); }

int serve(const ServeArgs& args) {
  keep_freed_memory();
  server::ServerOptions options;
  if (core::Status listen = server::parse_listen(args.listen, options); !listen) {
    return report_error(listen.error());
  }
  if (args.threads < 0) {
    return report_error(core::make_error(core::ErrorKind::kUsage, "must be 0 or more", "--threads"));
  }
  options.threads = args.threads;
  if (args.max_connections < 1) {
    return report_error(core::make_error(core::ErrorKind::kUsage, "must be 1 or more", "--max-connections"));
  }
  options.max_connections = static_cast<std::size_t>(args.max_connections);
  options.on_idle = give_back_memory;
  core::Result<std::unique_ptr<program::Store>> store = open_store(args.db);
  if (!store) {
    return report_error(store.error());
  }
  server::Api api(**store, args.web);
  if (core::Status served = server::run_http_server(api, options); !served) {
    return report_error(served.error());
  }
  fmt::print(stderr, "covalue serve: stopped\n");
  return kExitOk;
}

}  // namespace

void register_serve_command(CLI::App& app, Action& run) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP API (/api) and the web UI");
  cmd->add_option("--db", args->db, "the network's database: a SQLite file or a postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--listen", args->listen, "HOST:PORT to listen on (port 0: any free port, printed)")
      ->capture_default_str();
  cmd->add_option("--threads", args->threads, "threads serving requests (0: one per core)")->capture_default_str();
  cmd->add_option("--max-connections", args->max_connections,
                  "concurrent connections served; past them, a 503 and a close")
      ->capture_default_str();
  cmd->add_option("--web", args->web, "folder of the built web UI")->capture_default_str();
  cmd->callback([&run, args] { run = [args] { return serve(*args); }; });
}

}  // namespace covalue::cli
