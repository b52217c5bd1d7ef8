// `covalue serve`: the HTTP API and the web UI on one database.
#include <fmt/core.h>
#include <malloc.h>

#include <map>
#include <memory>
#include <thread>

#include "command_handlers.hpp"
#include "covalue/adapters/delivery/webhook_poster.hpp"
#include "install_paths.hpp"
#include "program/program_session.hpp"
#include "serve_config.hpp"
#include "serve_mail.hpp"
#include "server/api.hpp"
#include "server/deadline_scheduler.hpp"
#include "server/delivery_worker.hpp"
#include "server/http_server.hpp"
#include "setting_flags.hpp"
#include "store_factory.hpp"

namespace covalue::cli {
namespace {

struct ServeArgs {
  std::string db;  // every flag's default, help and range: the settings table's server.*, solver.*, shapley.*
  std::string network;
  std::string listen;
  int threads{0};
  long long max_connections{0};
  std::string web{default_web_root().string()};
  double scheduler_interval{0};
  double delivery_interval{0};
  program::DeliverySettings delivery;
  program::DigestSettings digest;
  std::string public_url;
  program::DecisionSettings decision;
  server::SessionOptions sessions;
  server::SimulationOptions simulations;
  MailArgs mail;
  std::string config;          //!< --config FILE: a TOML file of the same settings; flags override it
  CLI::App* command{nullptr};  //!< the subcommand, to apply the file to the flags not given
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

//! The store the server starts from: --network's; else the database's only network; else (several) the
//! deployment's, which holds no network's data: every request with a token runs on its token's network.
core::Result<std::unique_ptr<program::Store>> open_home(const ServeArgs& args) {
  if (!args.network.empty()) {
    return open_store(args.db, {.name_or_id = args.network});
  }
  program::NetworkChoice whole;
  whole.deployment = true;
  core::Result<std::unique_ptr<program::Store>> deployment = open_store(args.db, whole);
  if (!deployment) {
    return deployment.error();
  }
  core::Result<std::vector<program::NetworkInfo>> networks = (*deployment)->networks();
  if (!networks) {
    return networks.error();
  }
  if (networks->size() > 1) {
    return deployment;
  }
  deployment->reset();  // a private in-memory database is a new one on every open: open it once
  return open_store(args.db, {});
}

core::Result<Output> serve(const ServeArgs& args) {
  keep_freed_memory();
  server::ServerOptions options;
  if (core::Status listen = server::parse_listen(args.listen, options); !listen) {
    return listen.error();
  }
  options.threads = args.threads;
  options.max_connections = static_cast<std::size_t>(args.max_connections);
  options.on_idle = give_back_memory;
  // E-mail's settings are checked before anything starts; the outbox's delivery worker sends through it.
  core::Result<std::unique_ptr<program::Mailer>> mailer = open_mailer(args.mail);
  if (!mailer) {
    return mailer.error();
  }
  core::Result<std::unique_ptr<program::Store>> store = open_home(args);
  if (!store) {
    return store.error();
  }
  server::Api api(**store, args.web, args.decision, args.sessions, args.simulations);
  std::unique_ptr<server::DeadlineScheduler> scheduler;
  if (args.scheduler_interval > 0) {
    scheduler = std::make_unique<server::DeadlineScheduler>(
        api, std::chrono::milliseconds(static_cast<std::int64_t>(args.scheduler_interval * 1000)), args.digest);
  }
  // The delivery worker: e-mail through --smtp's mailer (without one, e-mail waits in the outbox), webhooks
  // through libcurl; the inbox needs no sending.
  const std::unique_ptr<program::WebhookPoster> poster = adapters::delivery::make_webhook_poster();
  program::DeliverySettings delivery = args.delivery;
  delivery.mail_from = args.mail.from;
  core::Result<std::string> public_url = public_url_of(args.public_url, args.listen);
  if (!public_url) {
    return public_url.error();
  }
  delivery.public_url = *public_url;
  std::unique_ptr<server::DeliveryWorker> worker;
  if (args.delivery_interval > 0) {
    worker = std::make_unique<server::DeliveryWorker>(
        api, server::DeliveryPorts{.mailer = mailer->get(), .poster = poster.get(), .settings = delivery},
        std::chrono::milliseconds(static_cast<std::int64_t>(args.delivery_interval * 1000)));
  }
  if (core::Status served = server::run_http_server(api, options); !served) {
    return served.error();
  }
  Output stopped;
  stopped.note = "covalue serve: stopped\n";
  return stopped;
}

//! Reads --config (when given) into the flags not given, then serves.
core::Result<Output> serve_with_config(ServeArgs& args) {
  if (!args.config.empty()) {
    core::Result<std::map<std::string, ConfigValue>> values = read_server_config(args.config);
    if (!values) {
      return values.error();
    }
    if (core::Status applied = apply_config(*args.command, *values); !applied) {
      return applied.error();
    }
  }
  return serve(args);
}

}  // namespace

Handler add_serve(CLI::App& command) {
  auto args = std::make_shared<ServeArgs>();
  args->command = &command;
  command
      .add_option("--config", args->config, "a TOML file of these settings ([server] listen = ...); flags override it")
      ->check(CLI::ExistingFile);
  add_setting(command, "server.db", args->db);
  add_setting(command, "server.network", args->network);
  add_setting(command, "server.listen", args->listen);
  add_setting(command, "server.threads", args->threads);
  add_setting(command, "server.max_connections", args->max_connections);
  add_setting(command, "server.web", args->web)->capture_default_str();
  add_setting(command, "server.scheduler_interval", args->scheduler_interval);
  add_setting(command, "server.delivery_interval", args->delivery_interval);
  add_setting(command, "server.simulation_workers", args->simulations.workers);
  add_setting(command, "server.simulation_queue", args->simulations.queue);
  add_setting(command, "delivery.retry_base_seconds", args->delivery.retry_base_seconds);
  add_setting(command, "delivery.retry_max_seconds", args->delivery.retry_max_seconds);
  add_setting(command, "delivery.max_attempts", args->delivery.max_attempts);
  add_setting(command, "delivery.lease_seconds", args->delivery.lease_seconds);
  add_setting(command, "mail.public_url", args->public_url);
  add_setting(command, "digest.hour", args->digest.hour);
  add_setting(command, "solver.time_limit_seconds", args->decision.solver_time_limit_seconds);
  add_setting(command, "solver.threads", args->decision.solver_threads);
  add_setting(command, "shapley.threads", args->decision.shapley_threads);
  add_setting(command, "server.cookie_secure", args->sessions.cookie_secure);
  add_setting(command, "mail.smtp", args->mail.smtp);
  add_setting(command, "mail.from", args->mail.from);
  add_setting(command, "mail.smtp_user", args->mail.user);
  add_setting(command, "mail.smtp_password_file", args->mail.password_file);
  add_setting(command, "mail.smtp_require_tls", args->mail.require_tls);
  add_setting(command, "session.idle_seconds", args->sessions.settings.idle_seconds);
  add_setting(command, "session.lifetime_seconds", args->sessions.settings.lifetime_seconds);
  add_setting(command, "session.link_seconds", args->sessions.settings.link_seconds);
  return [args] { return serve_with_config(*args); };
}

}  // namespace covalue::cli
