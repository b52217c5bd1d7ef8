// `covalue simulate run --format html`: one self-contained page (no scripts, no outside files): the
// measures with their intervals, the paired tests, and SVG charts of survival and network value per cycle.
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "covalue/core/html.hpp"
#include "simulation/simulation_results.hpp"

namespace covalue::simulation {
namespace {

namespace sim = core::sim;

constexpr std::array<const char*, 6> kColours = {"#1b6ca8", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#2c3e50"};
constexpr double kWidth = 640;
constexpr double kHeight = 280;
constexpr double kMargin = 40;

struct Frame {
  double low{0};
  double high{1};
  std::size_t points{1};
  double x(std::size_t t) const {
    return kMargin +
           (kWidth - 2 * kMargin) * static_cast<double>(t) / static_cast<double>(std::max<std::size_t>(1, points - 1));
  }
  double y(double v) const { return kHeight - kMargin - (kHeight - 2 * kMargin) * (v - low) / (high - low); }
};

std::string polyline(const Frame& f, const std::vector<sim::Interval>& curve, double sim::Interval::*field) {
  std::string points;
  for (std::size_t t = 0; t < curve.size(); ++t) {
    points += fmt::format("{:.1f},{:.1f} ", f.x(t), f.y(curve[t].*field));
  }
  return points;
}

std::string chart(const SimulationResults& r, bool survival, const std::string& title) {
  Frame f;
  f.points = static_cast<std::size_t>(r.model.cycles);
  f.low = survival ? 0 : 1e300;
  f.high = survival ? 1 : -1e300;
  std::vector<std::vector<sim::Interval>> curves;
  for (std::size_t p = 0; p < r.policies.size(); ++p) {
    curves.push_back(r.curve(p, survival));
    for (const sim::Interval& i : curves.back()) {
      f.low = std::min(f.low, i.low);
      f.high = std::max(f.high, i.high);
    }
  }
  if (!(f.high > f.low)) {
    f.high = f.low + 1;
  }
  std::string svg = fmt::format(
      "<figure><figcaption>{}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
      "role=\"img\" aria-label=\"{}\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>",
      core::html_escape(title), kWidth, kHeight, core::html_escape(title));
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#888\"/>", kMargin, kHeight - kMargin,
                     kWidth - kMargin);
  svg += fmt::format(
      "<text x=\"4\" y=\"{:.0f}\" font-size=\"11\">{:.3g}</text><text x=\"4\" y=\"{:.0f}\" "
      "font-size=\"11\">{:.3g}</text>",
      f.y(f.high) + 4, f.high, f.y(f.low), f.low);
  svg += fmt::format("<text x=\"{:.0f}\" y=\"{:.0f}\" font-size=\"11\">cycle 1 … {}</text>", kWidth / 2 - 30,
                     kHeight - 10, r.model.cycles);
  for (std::size_t p = 0; p < curves.size(); ++p) {
    const char* colour = kColours[p % kColours.size()];
    std::string band = polyline(f, curves[p], &sim::Interval::high);
    std::vector<sim::Interval> reversed(curves[p].rbegin(), curves[p].rend());
    Frame back = f;
    std::string lower;
    for (std::size_t t = 0; t < reversed.size(); ++t) {
      lower += fmt::format("{:.1f},{:.1f} ", f.x(reversed.size() - 1 - t), f.y(reversed[t].low));
    }
    svg += fmt::format("<polygon points=\"{}{}\" fill=\"{}\" fill-opacity=\"0.15\" stroke=\"none\"/>", band, lower,
                       colour);
    svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>",
                       polyline(back, curves[p], &sim::Interval::mean), colour);
    svg += fmt::format("<text x=\"{:.0f}\" y=\"{}\" font-size=\"12\" fill=\"{}\">{}</text>", kWidth - kMargin + 4 - 120,
                       16 + 14 * p, colour, core::html_escape(r.policies[p].name));
  }
  return svg + "</svg></figure>\n";
}

std::string measures_table(const SimulationResults& r) {
  std::string out = "<table><tr><th>measure (mean [95% interval])</th>";
  for (const sim::Policy& p : r.policies) {
    out += "<th>" + core::html_escape(p.name) + "</th>";
  }
  out += "</tr>\n";
  for (std::size_t m = 0; m < kMeasures.size(); ++m) {
    out += fmt::format("<tr><td>{}</td>", kMeasures[m]);
    for (std::size_t p = 0; p < r.policies.size(); ++p) {
      const sim::Interval i = sim::mean_interval(r.measure(p, m));
      out += fmt::format("<td>{:.3f} [{:.3f}, {:.3f}]</td>", i.mean, i.low, i.high);
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string paired_tables(const SimulationResults& r) {
  std::string out;
  for (std::size_t p = 1; p < r.policies.size(); ++p) {
    out += fmt::format(
        "<h2>{} − {}, paired on the same seeds</h2><table><tr><th>measure</th><th>difference [95% "
        "interval]</th><th>p</th><th>wins / losses / ties</th></tr>\n",
        core::html_escape(r.policies[p].name), core::html_escape(r.policies[0].name));
    for (std::size_t m = 0; m < kMeasures.size(); ++m) {
      const sim::PairedTest t = sim::paired_test(r.measure(0, m), r.measure(p, m));
      out += fmt::format(
          "<tr><td>{}</td><td>{:+.3f} [{:+.3f}, {:+.3f}]</td><td>{:.3g}</td><td>{} / {} / {}</td></tr>\n", kMeasures[m],
          t.difference.mean, t.difference.low, t.difference.high, t.p_value, t.wins, t.losses, t.ties);
    }
    out += "</table>\n";
  }
  return out;
}

}  // namespace

std::string results_html(const SimulationResults& r) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>covalue simulation</title>"
      "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;margin:1em 0}"
      "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:right}td:first-child,th:first-child{text-align:left}"
      "</style></head><body>\n";
  out += fmt::format(
      "<h1>covalue simulate run</h1><p>{} networks × {} cycles, {} partners at the start, seed {}. "
      "Every cycle decided by covalue's decide_cycle; the model: docs/simulator.md.</p>\n",
      r.networks, r.model.cycles, r.model.partners, r.seed);
  out += measures_table(r);
  out += chart(r, true, "Survival: share of the starting partners still members, per cycle (95% band)");
  out += chart(r, false, "Network value per cycle (realised, after coordination costs; 95% band)");
  out += paired_tables(r);
  return out + "</body></html>\n";
}

}  // namespace covalue::simulation
