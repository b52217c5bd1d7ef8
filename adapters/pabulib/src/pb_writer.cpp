// The .pb writer: META rows as read, PROJECTS and VOTES in their recorded column order.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pb_internal.hpp"

namespace covalue::adapters::pabulib {
namespace detail {
namespace {

// Quotes what the reader would otherwise split, trim or take for a section name; a list's commas
// separate its items and need no quotes.
bool needs_quotes(std::string_view text, bool list, bool first) {
  if (text.empty()) {
    return false;
  }
  if (is_blank(text.front()) || is_blank(text.back())) {
    return true;
  }
  for (const char c : text) {
    if (c == ';' || c == '"' || c == '\n' || c == '\r' || (c == ',' && !list)) {
      return true;
    }
  }
  return first && is_section_name(text);
}

// No attribute column.
constexpr std::size_t kNone = SIZE_MAX;

// The value of column `name` in `extra`, which usually lists the columns in order from `hint` on.
std::string_view extra_value(const std::vector<core::Attribute>& extra, std::string_view name, std::size_t& hint) {
  if (hint < extra.size() && extra[hint].first == name) {
    return extra[hint++].second;
  }
  for (const auto& [key, value] : extra) {
    if (key == name) {
      return value;
    }
  }
  return {};
}

void add_unique(std::vector<std::string>& names, const std::string& name) {
  for (const auto& known : names) {
    if (known == name) {
      return;
    }
  }
  names.push_back(name);
}

std::vector<std::string> default_project_columns(const PbFile& file) {
  std::vector<std::string> columns{"project_id", "cost"};
  for (const auto& project : file.instance.projects()) {
    if (!project.categories.empty()) {
      add_unique(columns, "category");
    }
    if (!project.targets.empty()) {
      add_unique(columns, "target");
    }
    for (const auto& attribute : project.extra) {
      add_unique(columns, attribute.first);
    }
  }
  return columns;
}

std::vector<std::string> default_vote_columns(const PbFile& file) {
  std::vector<std::string> columns{"voter_id", "vote"};
  const core::BallotKind kind = file.profile.kind();
  if (kind == core::BallotKind::kCumulative || kind == core::BallotKind::kScoring) {
    columns.emplace_back("points");
  }
  for (const auto& name : file.profile.attribute_names()) {
    add_unique(columns, name);
  }
  return columns;
}

class Writer {
 public:
  Writer(const PbFile& file, PbLayout* layout) : file_(file), layout_(layout) {}

  std::string run() {
    constexpr std::size_t kBytesPerBallot = 48;
    constexpr std::size_t kBytesPerProject = 128;
    out_.reserve(file_.profile.size() * kBytesPerBallot + file_.instance.size() * kBytesPerProject);
    write_meta();
    write_projects();
    write_votes();
    return std::move(out_);
  }

 private:
  void write_meta();
  void write_meta_value(const core::Attribute& row);
  void write_projects();
  void write_project(const core::Project& project, const std::vector<std::string>& columns,
                     const std::vector<ColumnRole>& roles);
  void write_votes();
  void write_ballot(std::size_t ballot, const std::vector<ColumnRole>& roles,
                    const std::vector<std::size_t>& attribute_of);
  std::vector<ColumnRole> header(const std::vector<std::string>& columns, Section section);
  void write_vote(std::span<const core::ProjectIndex> projects);

  void field(std::string_view text, bool list = false);
  void line(std::string_view text) {
    out_.append(text);
    end_row();
  }
  void end_row() {
    out_.push_back('\n');
    ++line_;
    line_start_ = out_.size();
    row_start_ = true;
  }
  // Where the next field of the row will start.
  [[nodiscard]] PbPosition next_position() const {
    const std::string_view current = std::string_view(out_).substr(line_start_);
    return PbPosition{line_, count_code_points(current) + (row_start_ ? 1U : 2U)};
  }

  const PbFile& file_;
  PbLayout* layout_;
  std::string out_;
  std::uint32_t line_{1};
  std::size_t line_start_{0};
  bool row_start_{true};
};

void Writer::field(std::string_view text, bool list) {
  if (!row_start_) {
    out_.push_back(';');
  }
  const bool first = row_start_;
  row_start_ = false;
  if (!needs_quotes(text, list, first)) {
    out_.append(text);
    return;
  }
  out_.push_back('"');
  const std::size_t begin = out_.size();
  for (const char c : text) {
    out_.push_back(c);
    if (c == '"') {
      out_.push_back('"');
    }
  }
  advance_lines(out_, begin, out_.size(), line_, line_start_);
  out_.push_back('"');
}

void Writer::write_meta() {
  line("META");
  line("key;value");
  bool has_budget = false;
  bool has_vote_type = false;
  for (const auto& row : file_.instance.meta()) {
    has_budget = has_budget || iequals(row.first, "budget");
    has_vote_type = has_vote_type || iequals(row.first, "vote_type");
    write_meta_value(row);
  }
  if (!has_budget) {
    write_meta_value({"budget", core::to_decimal_string(file_.instance.budget())});
  }
  if (!has_vote_type) {
    write_meta_value({"vote_type", core::name_of(file_.profile.kind())});
  }
}

// Writes a META row, replacing a budget or vote_type text that disagrees with the model.
void Writer::write_meta_value(const core::Attribute& row) {
  std::string value = row.second;
  if (iequals(row.first, "budget")) {
    core::Rational budget;
    if (!parse_number(value, budget) || budget != file_.instance.budget()) {
      value = core::to_decimal_string(file_.instance.budget());
    }
  } else if (iequals(row.first, "vote_type")) {
    std::string lower(trim(value));
    for (char& c : lower) {
      c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    auto kind = core::parse_name<core::BallotKind>(lower);
    if (!kind.ok() || *kind != file_.profile.kind()) {
      value = core::name_of(file_.profile.kind());
    }
  }
  field(row.first);
  if (layout_ != nullptr && layout_->meta.size() < file_.instance.meta().size()) {
    layout_->meta.push_back(next_position());
  }
  field(value);
  end_row();
}

void Writer::write_projects() {
  line("PROJECTS");
  const auto columns = file_.project_columns.empty() ? default_project_columns(file_) : file_.project_columns;
  const auto roles = header(columns, Section::kProjects);
  for (const auto& project : file_.instance.projects()) {
    write_project(project, columns, roles);
  }
}

// Writes the header row and returns the role of each column.
std::vector<ColumnRole> Writer::header(const std::vector<std::string>& columns, Section section) {
  std::vector<ColumnRole> roles;
  roles.reserve(columns.size());
  for (const auto& column : columns) {
    field(column);
    roles.push_back(column_role(column, section, file_.profile.kind()));
  }
  end_row();
  return roles;
}

void Writer::write_project(const core::Project& project, const std::vector<std::string>& columns,
                           const std::vector<ColumnRole>& roles) {
  std::size_t hint = 0;
  const auto join = [](const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
      text.append(text.empty() ? "" : ",").append(item);
    }
    return text;
  };
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string& column = columns[i];
    switch (roles[i]) {
      case ColumnRole::kId:
        field(project.id);
        break;
      case ColumnRole::kCost:
        field(core::to_decimal_string(project.cost));
        break;
      case ColumnRole::kCategories:
        field(join(project.categories), true);
        break;
      case ColumnRole::kTargets:
        field(join(project.targets), true);
        break;
      default:
        field(extra_value(project.extra, column, hint));
        break;
    }
  }
  end_row();
}

void Writer::write_votes() {
  line("VOTES");
  const auto columns = file_.vote_columns.empty() ? default_vote_columns(file_) : file_.vote_columns;
  const auto roles = header(columns, Section::kVotes);
  if (layout_ != nullptr) {
    layout_->votes.reserve(file_.profile.size());
    layout_->points.reserve(file_.profile.size());
  }
  // The profile's attribute column behind each written column (kNone: written empty).
  const auto& names = file_.profile.attribute_names();
  std::vector<std::size_t> attribute_of(columns.size(), kNone);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto found = std::find(names.begin(), names.end(), columns[i]);
    attribute_of[i] = roles[i] == ColumnRole::kExtra && found != names.end()
                          ? static_cast<std::size_t>(found - names.begin())
                          : kNone;
  }
  for (std::size_t ballot = 0; ballot < file_.profile.size(); ++ballot) {
    write_ballot(ballot, roles, attribute_of);
  }
}

void Writer::write_ballot(std::size_t ballot, const std::vector<ColumnRole>& roles,
                          const std::vector<std::size_t>& attribute_of) {
  const core::Profile& profile = file_.profile;
  PbPosition vote;
  PbPosition points;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    switch (roles[i]) {
      case ColumnRole::kId:
        field(profile.voter_id(ballot));
        break;
      case ColumnRole::kVote:
        vote = layout_ != nullptr ? next_position() : vote;
        write_vote(profile.projects(ballot));
        break;
      case ColumnRole::kPoints: {
        points = layout_ != nullptr ? next_position() : points;
        std::string text;
        const core::NumberSpan values = profile.points(ballot);
        for (std::size_t k = 0; k < values.size(); ++k) {
          text.append(k == 0 ? "" : ",").append(core::to_decimal_string(values[k]));
        }
        field(text, true);
        break;
      }
      default:
        field(attribute_of[i] == kNone ? std::string_view{} : profile.attribute(ballot, attribute_of[i]));
        break;
    }
  }
  end_row();
  if (layout_ != nullptr) {
    layout_->votes.push_back(vote);
    layout_->points.push_back(points.line == 0 ? vote : points);
  }
}

void Writer::write_vote(std::span<const core::ProjectIndex> projects) {
  const auto& all = file_.instance.projects();
  const auto id = [&all](core::ProjectIndex p) { return p < all.size() ? std::string_view(all[p].id) : "?"; };
  bool plain = true;
  for (std::size_t i = 0; plain && i < projects.size(); ++i) {
    plain = !needs_quotes(id(projects[i]), true, false);
  }
  if (!plain) {
    std::string text;
    for (const core::ProjectIndex p : projects) {
      text.append(text.empty() ? "" : ",").append(id(p));
    }
    field(text, true);
    return;
  }
  field({});
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (i > 0) {
      out_.push_back(',');
    }
    out_.append(id(projects[i]));
  }
}

}  // namespace

std::string write_pabulib(const PbFile& file, PbLayout* layout) { return Writer(file, layout).run(); }

}  // namespace detail

std::string write_pabulib(const PbFile& file) { return detail::write_pabulib(file, nullptr); }

}  // namespace covalue::adapters::pabulib
