#include "covalue/core/rules/equal_shares.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "integer_weights.hpp"
#include "mes_engine.hpp"

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

Result<MesEngine> make_engine(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                              const TieBreaker& ties) {
  auto weights = IntegerWeights::from(profile);
  if (!weights.ok()) {
    return weights.error();
  }
  if (weights->total == 0) {
    return make_error(ErrorKind::kInvalidInput, "the profile has no voter with positive weight");
  }
  return MesEngine(instance, profile, sat, std::move(weights).value(), ties);
}

// The add1 rounds: round k gives every voter start + k * step per unit of weight. Rounds run without
// certificates; the round that stands is replayed once, with its tie choices, to certify it. A run
// also tells how far budgets can grow before any of its decisions could change (StableRange): the
// rounds below that take the same decisions, so they can neither stop the iteration nor differ, and
// are skipped. Irresolute runs visit every round, so that every tie met on the way is branched on.
class Add1Rounds {
 public:
  Add1Rounds(const MesEngine& engine, const Rational& start, const Rational& step, bool skip, bool strict)
      : engine_(engine), start_(start), step_(step), skip_(skip), strict_(strict) {}

  Result<Outcome> run(const Instance& instance, TieResolver& resolver) const {
    std::optional<std::pair<std::uint32_t, std::vector<std::size_t>>> previous;
    for (std::uint32_t round = 0;;) {
      RecordingResolver recorder(resolver);
      StableRange stable{strict_, std::nullopt};
      auto outcome = engine_.run(budget(round), recorder, false, skip_ ? &stable : nullptr);
      if (!outcome.ok()) {
        return outcome;
      }
      const bool overspent = outcome->total_cost > instance.budget();
      if (!overspent && !engine_.exhaustive(*outcome)) {
        const std::uint32_t next = round + rounds_alike(stable);
        previous.emplace(next - 1, recorder.choices());
        round = next;
        continue;
      }
      if (overspent && !previous) {
        return free_outcome(instance);
      }
      const auto& [stands, choices] = overspent ? *previous : std::make_pair(round, recorder.choices());
      return certified(stands, choices);
    }
  }

 private:
  [[nodiscard]] Rational budget(std::uint32_t round) const { return start_ + step_ * round; }

  // How many rounds from this one on take its decisions: those whose budget growth stays below the limit.
  [[nodiscard]] std::uint32_t rounds_alike(const StableRange& stable) const {
    if (!skip_ || !stable.limit || *stable.limit <= step_) {
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

  const MesEngine& engine_;
  Rational start_;
  Rational step_;
  bool skip_;
  bool strict_;
};

}  // namespace

Result<Outcome> equal_shares(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                             const TieBreaker& ties, TieResolver& resolver, const std::optional<Rational>& voter_budget) {
  auto engine = make_engine(instance, profile, sat, ties);
  if (!engine.ok()) {
    return engine.error();
  }
  const Rational scale(profile.weight_scale());
  const Rational per_weight = voter_budget ? Rational(*voter_budget / scale)
                                           : Rational(instance.budget() / Rational(engine->weights().total));
  return engine->run(per_weight, resolver, true);
}

Result<Outcome> equal_shares_add1(const Instance& instance, const ApprovalProfile& profile, Satisfaction sat,
                                  const TieBreaker& ties, TieResolver& resolver, const Rational& increment) {
  auto engine = make_engine(instance, profile, sat, ties);
  if (!engine.ok()) {
    return engine.error();
  }
  const Rational scale(profile.weight_scale());
  const bool irresolute = dynamic_cast<ScriptedResolver*>(&resolver) != nullptr;
  const Add1Rounds rounds(*engine, Rational(instance.budget() / Rational(engine->weights().total)),
                          Rational(increment / scale), !irresolute, ties.rule() == TieRule::kRefuse);
  return rounds.run(instance, resolver);
}

}  // namespace covalue::core::rules
