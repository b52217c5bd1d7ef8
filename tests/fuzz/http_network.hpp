#pragma once

// The network the HTTP fuzzer sends its requests to, built once per process through the API itself
// and kept as database images of three moments ("worlds") of its second cycle:
//   every world: a charter, partners 1-4, tokens for a coordinator (id 1), the representatives of
//     partners 1 (id 2) and 2 (id 3), an observer (id 4) and a revoked observer (id 5); objective 1 of
//     partner 1; a weighted scorecard; cycle 1 closed under MES (initiatives 1-3, ballots of partners 1
//     and 2, initiative 1 scored) with a realised value and a KPI measurement; the rule then set to
//     network-fair with Shapley sharing; milestone 1 of initiative 1 (led by partner 1) and the lead's realised
//     value for partner 1 awaiting confirmation; coordination by election with partners 1 and 2 willing, so that
//     cycle 2 opened coordinator election 1 (open for 72 hours); cycle 2 opened with initiatives 4 (partner 1) and
//     5 (partner 2), initiative 6 withdrawn, and partner 4 gone;
//   P (proposing): that, with partner 1's ballot of cycle 2 delegated to partner 2;
//   V (voting): cycle 2 voting (the delegation taken back), ballots of partners 1 (scores) and 2 (approvals with an
//     objection), initiative 7 (partner 1) waiting for cycle 3;
//   X (closed): V with cycle 2 closed, the charter's amendment rule consent, and charter proposal 1 (partner 1's:
//     the unit) open.
// Every input runs on a fresh private copy of its world.

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "covalue/program/store.hpp"
#include "server/api_types.hpp"

namespace covalue::fuzz {

//! Who sends a request: the first byte of an input names one (see kCallerLetters).
enum class Caller { kNone, kCoordinator, kRepA, kRepB, kObserver, kGarbage, kRevoked, kRaw };

//! The letters of the callers in Caller order; any other byte picks `byte % 8`.
inline constexpr std::string_view kCallerLetters = "-CABOGRH";

//! Which moment of the seeded network a request meets: the second byte of an input names one.
enum class World { kProposing, kVoting, kClosed };

//! The letters of the worlds in World order; any other byte picks `byte % 3`.
inline constexpr std::string_view kWorldLetters = "PVX";

//! The seeded network: its database images and what a request needs to reach them.
class SeededNetwork {
 public:
  //! The network of this process (built on first use; aborts when building it fails).
  static const SeededNetwork& get();

  //! A fresh private store holding `world`.
  [[nodiscard]] std::unique_ptr<program::Store> open(World world) const;
  //! The database image of a store just opened on `world`: what an unchanged store looks like.
  [[nodiscard]] const std::string& image(World world) const { return opened_[index(world)]; }
  //! The Authorization header each caller sends (kRaw: none; the input spells it).
  [[nodiscard]] const std::string& authorization(Caller caller) const {
    return authorization_[static_cast<std::size_t>(caller)];
  }
  //! The folder of the web UI the API serves (index.html and assets/app.js).
  [[nodiscard]] const std::filesystem::path& web_dir() const { return web_dir_; }
  //! A text in a file beside the web folder: no answer may ever contain it.
  [[nodiscard]] const std::string& secret_marker() const { return secret_marker_; }

 private:
  SeededNetwork() = default;
  static std::size_t index(World world) { return static_cast<std::size_t>(world); }
  void build();
  void make_web_dir();

  std::array<std::string, 3> seeds_;
  std::array<std::string, 3> opened_;
  std::array<std::string, 8> authorization_;
  std::filesystem::path web_dir_;
  std::string secret_marker_;
};

//! One input of the HTTP fuzzer as a request: who sends it, to which world, and what. An input is
//!   <caller byte><world byte>[<Authorization header, caller H only>\n]<METHOD> <path>[?<query>]\n<body>
struct HttpInput {
  Caller caller{Caller::kNone};
  World world{World::kVoting};
  server::ApiRequest request;
};

//! The request an input spells, as the HTTP layer would hand it to the Api (the caller's token from
//! `network`); nothing when the input is too short or its path is not valid percent-encoding (the HTTP
//! layer answers that itself).
[[nodiscard]] std::optional<HttpInput> parse_http_input(std::string_view text, const SeededNetwork& network);

}  // namespace covalue::fuzz
