#include "covalue/core/rules/equal_shares.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "integer_weights.hpp"
#include "mes_engine.hpp"
#include "mes_float.hpp"
#include "mes_replay.hpp"

namespace covalue::core::rules {
namespace {

// Passes tie decisions through to another resolver and remembers them.
class RecordingResolver final : public TieResolver {
 public:
  explicit RecordingResolver(TieResolver& inner) : inner_(inner) {}
  [[nodiscard]] Result<std::size_t> choose(std::span<const ProjectIndex> tied) override {
    auto choice = inner_.choose(tied);
    if (choice.ok()) {
      choices_.push_back(*choice);
    }
    return choice;
  }
  [[nodiscard]] const std::vector<std::size_t>& choices() const { return choices_; }

 private:
  TieResolver& inner_;
  std::vector<std::size_t> choices_;
};

// Repeats recorded tie decisions, in order.
class ReplayResolver final : public TieResolver {
 public:
  explicit ReplayResolver(std::vector<std::size_t> choices) : choices_(std::move(choices)) {}
  [[nodiscard]] Result<std::size_t> choose(std::span<const ProjectIndex> /*tied*/) override {
    if (next_ >= choices_.size()) {
      return make_error(ErrorKind::kInternal, "MES replay met more ties than recorded");
    }
    return choices_[next_++];
  }

 private:
  std::vector<std::size_t> choices_;
  std::size_t next_{0};
};

// Calls `f` with the MES engine of the election, its weights counted in int64 when they fit, in GMP integers
// otherwise (integer_weights.hpp).
template <class F>
Result<Outcome> with_engine(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                            const TieBreaker& ties, F&& f) {
  return with_integer_weights(profile, [&](auto weights) -> Result<Outcome> {
    if (weights.total == 0) {
      return make_error(ErrorKind::kInvalidInput, "the profile has no voter with positive weight");
    }
    using Int = std::decay_t<decltype(weights.total)>;
    const MesEngineOf<Int> engine(instance, profile, sat, std::move(weights), ties);
    return f(engine);
  });
}

// The add1 rounds: round k gives every voter start + k * step per unit of weight. Each round first
// tries a certified run in doubles (MesFloat), which returns exactly the exact engine's selection
// (asking the resolver about the same ties) or gives up on anything too close to call; rounds it
// gives up on run exactly. Rounds run without certificates; the round that stands is replayed once,
// exactly, with its tie choices, to certify it. Rounds are not visited one by one: after a round in
// doubles, MesFloat::holds proves that MES buys the same projects in the same order at every budget up
// to a later round (prices only fall as budgets grow, at rates it bounds), so the rounds between can
// neither stop the iteration nor differ, and are skipped; the jumps aim at the next breakpoint, where two
// prices meet or a project turns affordable, as the prices seen so far point to it. An exact run tells
// the same (StableRange), more cautiously. Irresolute runs visit every round exactly, so that every tie
// met on the way is branched on. The rounds in doubles need 64-bit weights (and far smaller ones:
// MesFloat's guards); with GMP weights every round runs exactly.
template <class Int>
class Add1Rounds {
 public:
  Add1Rounds(const MesEngineOf<Int>& engine, const Rational& start, const Rational& step, bool irresolute, bool strict)
      : engine_(engine),
        start_(start),
        step_(step),
        irresolute_(irresolute),
        strict_(strict),
        free_count_(engine.free_projects().selected.size()) {}

  Result<Outcome> run(const Instance& instance, TieResolver& resolver) const {
    std::optional<MesFloat> fast;
    if constexpr (std::is_same_v<Int, std::int64_t>) {
      if (!irresolute_) {
        fast.emplace(engine_);
      }
    }
    const bool twins_alike = !strict_ && dynamic_cast<ResoluteResolver*>(&resolver) != nullptr;
    std::optional<std::pair<std::uint32_t, std::vector<std::size_t>>> previous;
    std::uint32_t jump = 1;
    for (std::uint32_t round = 0;;) {
      auto played = play(round, fast ? &*fast : nullptr, instance, resolver);
      if (!played.ok()) {
        return played.error();
      }
      const bool overspent = played->outcome.total_cost > instance.budget();
      if (!overspent && !engine_.exhaustive(played->outcome)) {
        std::uint32_t last = round + played->alike - 1;
        if (played->bounds) {
          last = alike_through(round, *played, *fast, twins_alike, jump);
        }
        previous.emplace(last, std::move(played->choices));
        round = last + 1;
        continue;
      }
      if (overspent && !previous) {
        return free_outcome(instance);
      }
      const auto& [stands, choices] = overspent ? *previous : std::make_pair(round, played->choices);
      return certified(stands, choices);
    }
  }

 private:
  // One round's selection, the tie choices taken, and how many rounds from it on decide alike; after a
  // run in doubles, what it learnt about its prices.
  struct Round {
    Outcome outcome;
    std::vector<std::size_t> choices;
    std::uint32_t alike{1};
    std::optional<MesFloat::Bounds> bounds;
  };

  // The last round through which MES provably buys what it bought in `round` (MesFloat::holds). After each
  // stretch proven alike the jump aims at the round before the change the prices point to, at most doubling;
  // a failed try estimates where the provable stretch ends (where two prices would meet), and the next tries
  // aim short of that, never again as far as a failed one, and after two failures in a row at least a quarter
  // shorter (estimates that keep falling just short would otherwise creep down a round at a time). It ends when the
  // next round is where a change is due (it is played then). `jump` carries over to the next call, as the spacing of
  // breakpoints varies slowly.
  std::uint32_t alike_through(std::uint32_t round, const Round& played, MesFloat& fast, bool twins_alike,
                              std::uint32_t& jump) const {
    const std::span<const ProjectIndex> all = played.outcome.selected;
    const auto bought = all.subspan(free_count_);
    MesFloat::Bounds known = *played.bounds;
    MesFloat::Bounds trial;
    constexpr std::uint32_t kMaxRound = 1U << 30;
    std::uint32_t last = round;
    std::uint32_t failed = kMaxRound + 1;  // the first round a try failed at
    bool missed = false;                   // the last try failed
    jump = std::max<std::uint32_t>(jump, 1);
    while (last < kMaxRound) {
      jump = std::min(jump, failed - 1 - last);  // a try failed there: the change lies at or before it
      if (jump < 1) {
        break;
      }
      const std::uint32_t to = std::min(kMaxRound, last + jump);
      double aim = 0;
      if (fast.holds(budget(to), bought, known, trial, twins_alike, &aim)) {
        // Aim at the last round before the next change the prices point to (rounds count whole increments).
        const double growth = to - last;
        last = to;
        std::swap(known, trial);
        jump = static_cast<std::uint32_t>(std::min(2.0 * growth, rounds_before(growth * (aim - 1))));
        missed = false;
      } else {
        const double reach = static_cast<double>(jump) * std::clamp(aim, 0.0, 1.0);
        jump = std::min<std::uint32_t>(jump - 1, static_cast<std::uint32_t>(rounds_before(reach)));
        if (missed) {  // twice in a row: estimates that keep falling just short must not creep down
          jump = std::min(jump, (to - last) / 4 * 3);
        }
        failed = to;
        missed = true;
      }
    }
    jump = std::max<std::uint32_t>(1, (last - round) / 2);
    return last;
  }

  // How many whole rounds fit strictly before `rounds` from now.
  static double rounds_before(double rounds) { return rounds > 1 ? std::ceil(rounds) - 1 : 0; }

  Result<Round> play(std::uint32_t round, MesFloat* fast, const Instance& instance, TieResolver& resolver) const {
    const Rational budget_per_weight = budget(round);
    if (fast != nullptr) {
      // The float run may ask about a tie and still give up: only a stateless resolver may be asked
      // twice. Under kRefuse it gives up on every tie instead, and the exact run raises the refusal.
      RecordingResolver recorder(resolver);
      const bool ask = !strict_ && dynamic_cast<ResoluteResolver*>(&resolver) != nullptr;
      MesFloat::Bounds bounds;
      auto selection = fast->run(budget_per_weight, ask ? &recorder : nullptr, &bounds);
      if (!selection.ok()) {
        return selection.error();
      }
      if (*selection) {
        Round played{Outcome{}, recorder.choices(), 1, std::move(bounds)};
        played.outcome.selected = std::move(**selection);
        played.outcome.total_cost = instance.total_cost(played.outcome.selected);
        return played;
      }
    }
    RecordingResolver recorder(resolver);
    StableRange stable{strict_, std::nullopt};
    auto outcome = engine_.run(budget_per_weight, recorder, false, irresolute_ ? nullptr : &stable);
    if (!outcome.ok()) {
      return outcome.error();
    }
    return Round{std::move(outcome).value(), recorder.choices(), rounds_alike(stable), std::nullopt};
  }

  [[nodiscard]] Rational budget(std::uint32_t round) const { return start_ + step_ * round; }

  // How many rounds from this one on take its decisions: those whose budget growth stays below the limit.
  [[nodiscard]] std::uint32_t rounds_alike(const StableRange& stable) const {
    if (irresolute_ || !stable.limit || *stable.limit <= step_) {
      return 1;
    }
    const Rational steps = *stable.limit / step_;
    Integer whole = steps.get_num() / steps.get_den();  // floor
    if (whole * steps.get_den() == steps.get_num()) {
      whole -= 1;  // the round exactly at the limit may differ
    }
    constexpr std::uint32_t kMaxJump = 1U << 30;
    return whole >= kMaxJump ? kMaxJump : static_cast<std::uint32_t>(whole.get_ui()) + 1;
  }

  // The round that stands, with its certificate: decided in doubles and priced exactly (MesReplay) when
  // no tie stands in the way (a tie makes it give up), else run exactly with its recorded tie choices.
  Result<Outcome> certified(std::uint32_t round, const std::vector<std::size_t>& choices) const {
    if constexpr (std::is_same_v<Int, std::int64_t>) {
      if (!irresolute_) {
        ReplayResolver replay(choices);
        if (auto fast = certified_equal_shares(engine_, budget(round), replay, true); fast && fast->ok()) {
          (*fast)->mes->increments = round;
          return std::move(*fast);
        }
      }
    }
    ReplayResolver replay(choices);
    auto outcome = engine_.run(budget(round), replay, true);
    if (outcome.ok()) {
      outcome->mes->increments = round;
    }
    return outcome;
  }

  Outcome free_outcome(const Instance& instance) const {
    Outcome free = engine_.free_projects();
    free.total_cost = instance.total_cost(free.selected);
    free.mes = MesCertificate{start_, 0, {}};
    return free;
  }

  const MesEngineOf<Int>& engine_;
  Rational start_;
  Rational step_;
  bool irresolute_;
  bool strict_;
  std::size_t free_count_;  // supported zero-cost projects: every selection starts with them
};

}  // namespace

Result<Outcome> equal_shares(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                             const TieBreaker& ties, TieResolver& resolver,
                             const std::optional<Rational>& voter_budget) {
  return with_engine(instance, profile, sat, ties, [&](const auto& engine) {
    const Rational scale(profile.weight_scale());
    const Rational per_weight =
        voter_budget ? Rational(*voter_budget / scale) : Rational(instance.budget() / Rational(engine.weights().total));
    if constexpr (std::is_same_v<std::decay_t<decltype(engine)>, MesEngine>) {
      if (auto fast = certified_equal_shares(engine, per_weight, resolver, ties.rule() == TieRule::kRefuse)) {
        return std::move(*fast);
      }
    }
    return engine.run(per_weight, resolver, true);
  });
}

Result<Outcome> equal_shares_add1(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                                  const TieBreaker& ties, TieResolver& resolver, const Rational& increment) {
  return with_engine(instance, profile, sat, ties, [&](const auto& engine) {
    const Rational scale(profile.weight_scale());
    const bool irresolute = dynamic_cast<ScriptedResolver*>(&resolver) != nullptr;
    using Int = std::decay_t<decltype(engine.weights().total)>;
    const Add1Rounds<Int> rounds(engine, Rational(instance.budget() / Rational(engine.weights().total)),
                                 Rational(increment / scale), irresolute, ties.rule() == TieRule::kRefuse);
    return rounds.run(instance, resolver);
  });
}

}  // namespace covalue::core::rules
