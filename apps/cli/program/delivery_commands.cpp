// `covalue delivery run-once|list|retry` and `covalue webhook add|list|remove`: the outbox's worker, its dead
// letters and the webhooks a network posts to (issue 13 items 3 and 4).
#include <fmt/core.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "command_handlers.hpp"
#include "covalue/adapters/delivery/webhook_poster.hpp"
#include "name_option.hpp"
#include "program/program_args.hpp"
#include "program/program_session.hpp"
#include "serve_mail.hpp"
#include "setting_flags.hpp"

namespace covalue::cli {
namespace {

using program::Delivery;
using program::ReportCell;
using program::Webhook;

const std::vector<program::ReportColumn<Delivery>>& delivery_columns() {
  static const std::vector<program::ReportColumn<Delivery>> columns = {
      {"id", "Id", [](const Delivery& d) { return ReportCell::of_integer(d.id); }},
      {"event", "Event", [](const Delivery& d) { return ReportCell::of_integer(d.event); }},
      {"channel", "Channel", [](const Delivery& d) { return ReportCell::of_text(program::name_of(d.channel)); }},
      {"recipient", "Recipient",
       [](const Delivery& d) {
         return ReportCell::of_text(d.person ? "person " + std::to_string(*d.person)
                                             : "webhook " + std::to_string(d.webhook.value_or(0)));
       }},
      {"state", "State", [](const Delivery& d) { return ReportCell::of_text(program::name_of(d.state)); }},
      {"attempts", "Attempts", [](const Delivery& d) { return ReportCell::of_integer(d.attempts); }},
      {"next_attempt_at", "Next attempt", [](const Delivery& d) { return ReportCell::of_text(d.next_attempt_at); }},
      {"last_error", "Last error", [](const Delivery& d) { return ReportCell::of_text(d.last_error); }},
      {"key", "Key", [](const Delivery& d) { return ReportCell::of_text(d.key); }},
  };
  return columns;
}

//! "cycle_closed,lead_named", or "all".
std::string kinds_text(const std::vector<program::EventKind>& kinds) {
  std::string out;
  for (const program::EventKind kind : kinds) {
    out += (out.empty() ? "" : ",") + std::string(program::name_of(kind));
  }
  return out.empty() ? "all" : out;
}

const std::vector<program::ReportColumn<Webhook>>& webhook_columns() {
  static const std::vector<program::ReportColumn<Webhook>> columns = {
      {"id", "Id", [](const Webhook& w) { return ReportCell::of_integer(w.id); }},
      {"url", "URL", [](const Webhook& w) { return ReportCell::of_text(w.url); }},
      {"format", "Format", [](const Webhook& w) { return ReportCell::of_text(program::name_of(w.format)); }},
      {"events", "Events", [](const Webhook& w) { return ReportCell::of_text(kinds_text(w.events)); }},
      {"created_at", "Created at", [](const Webhook& w) { return ReportCell::of_text(w.created_at); }},
  };
  return columns;
}

struct DeliveryRunArgs {
  ProgramFlags flags;
  std::int64_t retry_base_seconds{0};
  std::int64_t retry_max_seconds{0};
  std::int64_t max_attempts{0};
  std::int64_t lease_seconds{0};
  MailArgs mail;
  std::string public_url;
};

//! One pass over every network (or the one --network names): the inbox, webhooks through `poster`, and e-mail
//! through `mailer` (null without --smtp: e-mail then waits in the outbox).
core::Result<Output> run_once(const DeliveryRunArgs& args, program::Mailer* mailer, program::WebhookPoster* poster) {
  return with_session(args.flags, [&](ProgramSession& session) -> core::Result<Output> {
    core::Result<std::vector<program::NetworkInfo>> networks = session.store().networks();
    if (!networks) {
      return networks.error();
    }
    if (!args.flags.network.empty()) {
      std::erase_if(*networks, [&](const program::NetworkInfo& n) { return n.id != session.store().network(); });
    }
    program::DeliverySettings settings;
    settings.retry_base_seconds = args.retry_base_seconds;
    settings.retry_max_seconds = args.retry_max_seconds;
    settings.max_attempts = args.max_attempts;
    settings.lease_seconds = args.lease_seconds;
    settings.mail_from = args.mail.from;
    core::Result<std::string> public_url = public_url_of(args.public_url, "");
    if (!public_url) {
      return public_url.error();
    }
    settings.public_url = *public_url;
    program::DeliveryPass total;
    for (const program::NetworkInfo& network : *networks) {
      core::Result<std::unique_ptr<ProgramSession>> on =
          ProgramSession::open(args.flags.db, {.name_or_id = std::to_string(network.id)});
      if (!on) {
        return on.error();
      }
      core::Result<program::DeliveryPass> pass = (*on)->program().deliver_due(mailer, poster, settings);
      if (!pass) {
        core::Error error = pass.error();
        error.message = "network '" + network.name + "': " + error.message;
        return error;
      }
      total.claimed += pass->claimed;
      total.delivered += pass->delivered;
      total.retried += pass->retried;
      total.dead += pass->dead;
    }
    return args.flags.report(program::Report{"delivery",
                                             {{"networks", ReportCell::of_integer(std::ssize(*networks))},
                                              {"claimed", ReportCell::of_integer(total.claimed)},
                                              {"delivered", ReportCell::of_integer(total.delivered)},
                                              {"retried", ReportCell::of_integer(total.retried)},
                                              {"dead", ReportCell::of_integer(total.dead)}},
                                             {}});
  });
}

struct DeliveryListArgs {
  ProgramFlags flags;
  std::optional<program::DeliveryState> state;
  std::int64_t after{0};
  std::int64_t limit{1000};
};

struct DeliveryIdArgs {
  ProgramFlags flags;
  std::string id;
};

struct AddArgs {
  ProgramFlags flags;
  std::string url;
  std::string secret_file;
  program::WebhookFormat format{program::WebhookFormat::kJson};
  std::string events;
};

//! The secret in `path`: its bytes without one trailing newline; kInvalidInput naming --secret-file otherwise.
core::Result<std::string> read_secret(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::make_error(core::ErrorKind::kInvalidInput, "cannot read the secret file '" + path + "'",
                            "--secret-file");
  }
  std::string secret(program::kMaxWebhookSecret + 2, '\0');
  in.read(secret.data(), static_cast<std::streamsize>(secret.size()));
  secret.resize(static_cast<std::size_t>(in.gcount()));
  if (secret.ends_with('\n')) {
    secret.pop_back();
  }
  if (secret.ends_with('\r')) {
    secret.pop_back();
  }
  if (secret.empty() || secret.size() > program::kMaxWebhookSecret) {
    return core::make_error(
        core::ErrorKind::kInvalidInput,
        "the secret file '" + path + "' must hold 1 to " + std::to_string(program::kMaxWebhookSecret) + " bytes",
        "--secret-file");
  }
  return secret;
}

//! The kinds of `--events a,b`; kInvalidInput naming --events for an unknown one.
core::Result<std::vector<program::EventKind>> parse_kinds(const std::string& text) {
  std::vector<program::EventKind> kinds;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    core::Result<program::EventKind> kind = core::parse_name<program::EventKind>(item);
    if (!kind || *kind == program::EventKind::kDigest) {
      return core::make_error(
          core::ErrorKind::kInvalidInput,
          "unknown event kind '" + item.substr(0, 40) + "'; the kinds are " + core::name_list<program::EventKind>(),
          "--events");
    }
    kinds.push_back(*kind);
  }
  return kinds;
}

}  // namespace

Handler add_delivery_run_once(CLI::App& command) {
  auto args = std::make_shared<DeliveryRunArgs>();
  args->flags.whole_database = true;
  args->flags.add_output(command);
  add_setting(command, "delivery.retry_base_seconds", args->retry_base_seconds);
  add_setting(command, "delivery.retry_max_seconds", args->retry_max_seconds);
  add_setting(command, "delivery.max_attempts", args->max_attempts);
  add_setting(command, "delivery.lease_seconds", args->lease_seconds);
  add_setting(command, "mail.smtp", args->mail.smtp);
  add_setting(command, "mail.from", args->mail.from);
  add_setting(command, "mail.smtp_user", args->mail.user);
  add_setting(command, "mail.smtp_password_file", args->mail.password_file);
  add_setting(command, "mail.smtp_require_tls", args->mail.require_tls);
  add_setting(command, "mail.public_url", args->public_url);
  return [args]() -> core::Result<Output> {
    core::Result<std::unique_ptr<program::Mailer>> mailer = open_mailer(args->mail);
    if (!mailer) {
      return mailer.error();
    }
    const std::unique_ptr<program::WebhookPoster> poster = adapters::delivery::make_webhook_poster();
    return run_once(*args, mailer->get(), poster.get());
  };
}

Handler add_delivery_list(CLI::App& command) {
  auto args = std::make_shared<DeliveryListArgs>();
  args->flags.add_output(command);
  add_name_option<program::DeliveryState>(command, "--state", args->state, "only deliveries in this state");
  command.add_option("--after", args->after, "only deliveries with a larger id")->check(CLI::NonNegativeNumber);
  command.add_option("--limit", args->limit, "at most this many")->check(CLI::Range(1, 10000));
  return [args] {
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<std::vector<Delivery>> rows = session.program().deliveries(args->state, args->after, args->limit);
      if (!rows) {
        return rows.error();
      }
      return args->flags.report(program::Report{
          "deliveries", {}, {program::table_of("deliveries", "Deliveries", delivery_columns(), *rows)}});
    });
  };
}

Handler add_delivery_retry(CLI::App& command) {
  auto args = std::make_shared<DeliveryIdArgs>();
  args->flags.add_change_output(command);
  command.add_option("ID", args->id, "a dead delivery's id")->required();
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "ID");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<Delivery> retried = session.program().retry_delivery(*id);
      if (!retried) {
        return retried.error();
      }
      return args->flags.change(
          {"delivery",
           fmt::format("delivery {} will be tried again from {}\n", *id, retried->next_attempt_at),
           {{"id", ReportCell::of_integer(*id)}, {"state", ReportCell::of_text(program::name_of(retried->state))}}});
    });
  };
}

Handler add_webhook_add(CLI::App& command) {
  auto args = std::make_shared<AddArgs>();
  args->flags.add_db(command);  // --format is the webhook's: the command prints a table
  args->flags.format = "table";
  command.add_option("--url", args->url, "where events are POSTed: an http:// or https:// URL")->required();
  command.add_option("--secret-file", args->secret_file, "a file holding the HMAC-SHA256 key (never shown back)")
      ->required();
  add_name_option<program::WebhookFormat>(command, "--format", args->format, "the body's shape");
  command.add_option("--events", args->events, "the kinds it receives, comma-separated (default: every kind)");
  return [args]() -> core::Result<Output> {
    core::Result<std::string> secret = read_secret(args->secret_file);
    if (!secret) {
      return secret.error();
    }
    core::Result<std::vector<program::EventKind>> kinds = parse_kinds(args->events);
    if (!kinds) {
      return kinds.error();
    }
    Webhook webhook;
    webhook.url = args->url;
    webhook.secret = *secret;
    webhook.format = args->format;
    webhook.events = *kinds;
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<Webhook> added = session.program().add_webhook(webhook);
      if (!added) {
        return added.error();
      }
      return args->flags.change(
          {"webhook",
           fmt::format("webhook {} added: {} ({}, events: {})\n", added->id, added->url,
                       program::name_of(added->format), kinds_text(added->events)),
           {{"id", ReportCell::of_integer(added->id)}, {"url", ReportCell::of_text(added->url)}}});
    });
  };
}

Handler add_webhook_list(CLI::App& command) {
  return add_list_leaf<Webhook>(command, "webhooks", "Webhooks", webhook_columns(),
                                [](ProgramSession& session) { return session.program().webhooks(); });
}

Handler add_webhook_remove(CLI::App& command) {
  auto args = std::make_shared<DeliveryIdArgs>();
  args->flags.add_change_output(command);
  command.add_option("ID", args->id, "webhook id")->required();
  return [args]() -> core::Result<Output> {
    core::Result<std::int64_t> id = parse_id(args->id, "ID");
    if (!id) {
      return id.error();
    }
    return with_session(args->flags, [&](ProgramSession& session) -> core::Result<Output> {
      core::Result<Webhook> removed = session.program().remove_webhook(*id);
      if (!removed) {
        return removed.error();
      }
      return args->flags.change({"webhook",
                                 fmt::format("webhook {} removed\n", *id),
                                 {{"id", ReportCell::of_integer(*id)}, {"removed", ReportCell::of_text("yes")}}});
    });
  };
}

}  // namespace covalue::cli
