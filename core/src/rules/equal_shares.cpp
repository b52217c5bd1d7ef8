#include "covalue/core/rules/equal_shares.hpp"

#include <optional>
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
// exactly, with its tie choices, to certify it. An exact run also tells how far budgets can grow
// before any of its decisions could change (StableRange): the rounds below that take the same
// decisions, so they can neither stop the iteration nor differ, and are skipped. Irresolute runs
// visit every round exactly, so that every tie met on the way is branched on. The rounds in doubles need 64-bit
// weights (and far smaller ones: MesFloat's guards); with GMP weights every round runs exactly.
template <class Int>
class Add1Rounds {
 public:
  Add1Rounds(const MesEngineOf<Int>& engine, const Rational& start, const Rational& step, bool irresolute, bool strict)
      : engine_(engine), start_(start), step_(step), irresolute_(irresolute), strict_(strict) {}

  Result<Outcome> run(const Instance& instance, TieResolver& resolver) const {
    std::optional<MesFloat> fast;
    if constexpr (std::is_same_v<Int, std::int64_t>) {
      if (!irresolute_) {
        fast.emplace(engine_);
      }
    }
    std::optional<std::pair<std::uint32_t, std::vector<std::size_t>>> previous;
    for (std::uint32_t round = 0;;) {
      auto played = play(round, fast ? &*fast : nullptr, instance, resolver);
      if (!played.ok()) {
        return played.error();
      }
      const bool overspent = played->outcome.total_cost > instance.budget();
      if (!overspent && !engine_.exhaustive(played->outcome)) {
        const std::uint32_t next = round + played->alike;
        previous.emplace(next - 1, std::move(played->choices));
        round = next;
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
  // One round's selection, the tie choices taken, and how many rounds from it on decide alike.
  struct Round {
    Outcome outcome;
    std::vector<std::size_t> choices;
    std::uint32_t alike{1};
  };

  Result<Round> play(std::uint32_t round, MesFloat* fast, const Instance& instance, TieResolver& resolver) const {
    const Rational budget_per_weight = budget(round);
    if (fast != nullptr) {
      // The float run may ask about a tie and still give up: only a stateless resolver may be asked
      // twice. Under kRefuse it gives up on every tie instead, and the exact run raises the refusal.
      RecordingResolver recorder(resolver);
      const bool ask = !strict_ && dynamic_cast<ResoluteResolver*>(&resolver) != nullptr;
      auto selection = fast->run(budget_per_weight, ask ? &recorder : nullptr);
      if (!selection.ok()) {
        return selection.error();
      }
      if (*selection) {
        Round played{Outcome{}, recorder.choices(), 1};
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
    return Round{std::move(outcome).value(), recorder.choices(), rounds_alike(stable)};
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

  Result<Outcome> certified(std::uint32_t round, const std::vector<std::size_t>& choices) const {
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
