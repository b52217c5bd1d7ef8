// The .pb reader: sections, headers, META and PROJECTS (VOTES are in pb_votes.cpp).
#include "pb_reader.hpp"

#include "pb_file_bytes.hpp"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

namespace covalue::adapters::pabulib {
namespace detail {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string_view strip_bom(std::string_view text) { return text.starts_with(kBom) ? text.substr(kBom.size()) : text; }

std::string quote(std::string_view text) { return "'" + std::string(text) + "'"; }

// Appends the items of a comma list, skipping empty ones. A list that comes down to "none" (or to
// nothing) is no list: "none" and "none," both mean absent, so that writing the items back reads the same.
void split_list(std::string_view text, std::vector<std::string>& out) {
  const std::size_t before = out.size();
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string_view item = trim(text.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (!item.empty()) {
      out.emplace_back(item);
    }
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  if (out.size() == before + 1 && iequals(out.back(), "none")) {
    out.pop_back();
  }
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

Reader::Reader(std::string_view text, std::string_view source, PbLayout* layout, const PbReadOptions& options)
    : lexer_(strip_bom(text)), source_(source), layout_(layout), keep_attributes_(options.voter_attributes) {}

core::Result<PbFile> Reader::run() {
  next_row();
  if (status_ == LexStatus::kRow && !row_section()) {
    return error_at(row_.fields[0], "expected section META, found " + quote(row_.fields[0].text));
  }
  for (const Section section : {Section::kMeta, Section::kProjects, Section::kVotes}) {
    core::Status status = expect_section(section);
    if (status.ok()) {
      status = read_header(section);
    }
    if (status.ok()) {
      status = read_rows(section);
    }
    if (status.ok() && section == Section::kMeta) {
      status = finish_meta();
    }
    if (!status.ok()) {
      return status.error();
    }
  }
  if (status_ == LexStatus::kRow) {
    return error_at(row_.fields[0], std::string("duplicate section ") + section_name(*row_section()));
  }
  return std::move(file_);
}

void Reader::next_row() {
  do {
    status_ = lexer_.next(row_);
  } while (status_ == LexStatus::kRow && row_.blank());
}

std::optional<Section> Reader::row_section() const {
  const Field& first = row_.fields[0];
  if (first.quoted || !is_section_name(first.text)) {
    return std::nullopt;
  }
  for (std::size_t i = 1; i < row_.fields.size(); ++i) {
    if (!row_.fields[i].text.empty()) {
      return std::nullopt;
    }
  }
  if (iequals(first.text, "meta")) {
    return Section::kMeta;
  }
  return iequals(first.text, "projects") ? Section::kProjects : Section::kVotes;
}

core::Status Reader::expect_section(Section expected) {
  if (status_ == LexStatus::kUnterminatedQuote) {
    return error_at(row_.fields.back(), "unterminated quoted field");
  }
  if (status_ == LexStatus::kEnd) {
    return error_at(lexer_.here(), std::string("missing section ") + section_name(expected));
  }
  const Section found = *row_section();
  if (found == expected) {
    if (found == Section::kMeta) {
      meta_start_ = lexer_.position(row_.fields[0]);
    }
    return {};
  }
  if (found < expected) {
    return error_at(row_.fields[0], std::string("duplicate section ") + section_name(found));
  }
  return error_at(row_.fields[0],
                  std::string("missing section ") + section_name(expected) + " (found " + section_name(found) + ")");
}

core::Status Reader::read_header(Section section) {
  const Field section_field = row_.fields[0];
  next_row();
  if (status_ == LexStatus::kUnterminatedQuote) {
    return error_at(row_.fields.back(), std::string("unterminated quoted field; unexpected end of file in section ") +
                                            section_name(section));
  }
  if (status_ == LexStatus::kEnd) {
    return unexpected_end(section);
  }
  if (row_section()) {
    return error_at(section_field, std::string("section ") + section_name(section) + " has no header row");
  }
  return read_columns(section);
}

core::Status Reader::read_columns(Section section) {
  auto& fields = row_.fields;
  while (fields.size() > 1 && fields.back().text.empty()) {
    fields.pop_back();
  }
  roles_.clear();
  if (section == Section::kMeta) {
    if (fields.size() != 2 || !iequals(fields[0].text, "key") || !iequals(fields[1].text, "value")) {
      return error_at(fields[0], "the META header must be 'key;value'");
    }
    roles_.assign(2, ColumnRole::kExtra);
    return {};
  }
  const bool projects = section == Section::kProjects;
  columns_ = projects ? &file_.project_columns : &file_.vote_columns;
  const std::string name = section_name(section);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view text = fields[i].text;
    const ColumnRole role = column_role(text, section, file_.profile.kind());
    if (text.empty()) {
      return error_at(fields[i], "empty column name in the " + name + " header");
    }
    if (i == 0 && role != ColumnRole::kId) {
      return error_at(fields[i], "the first column of " + name + " must be " + (projects ? "project_id" : "voter_id") +
                                     ", found " + quote(text));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (iequals((*columns_)[j], text) || (role != ColumnRole::kExtra && roles_[j] == role)) {
        return error_at(fields[i], "duplicate column " + quote(text) + " in the " + name + " header");
      }
    }
    roles_.push_back(role);
    columns_->emplace_back(text);
  }
  return check_required_columns(section);
}

core::Status Reader::check_required_columns(Section section) const {
  const auto has = [this](ColumnRole role) { return std::find(roles_.begin(), roles_.end(), role) != roles_.end(); };
  const bool projects = section == Section::kProjects;
  const std::string name = section_name(section);
  if (!has(projects ? ColumnRole::kCost : ColumnRole::kVote)) {
    return error_at(row_.fields[0],
                    std::string("missing column ") + (projects ? "cost" : "vote") + " in the " + name + " header");
  }
  const core::BallotKind kind = file_.profile.kind();
  const bool scored = kind == core::BallotKind::kCumulative || kind == core::BallotKind::kScoring;
  if (!projects && scored && !has(ColumnRole::kPoints)) {
    return error_at(row_.fields[0],
                    std::string("missing column points in the VOTES header (vote_type ") + core::name_of(kind) + ")");
  }
  return {};
}

core::Status Reader::check_width(std::size_t width, Section section) {
  auto& fields = row_.fields;
  const auto mismatch = [&] {
    return std::string("row has ") + std::to_string(fields.size()) + " fields, the " + section_name(section) +
           " header has " + std::to_string(width);
  };
  if (fields.size() < width) {
    if (!row_.terminated) {
      return unexpected_end(section);
    }
    return error_at(fields.back(), mismatch());
  }
  for (std::size_t i = width; i < fields.size(); ++i) {
    if (!fields[i].text.empty()) {
      return error_at(fields[i], mismatch());
    }
  }
  fields.resize(width);
  return {};
}

core::Status Reader::read_rows(Section section) {
  if (section == Section::kVotes) {
    start_votes();
  }
  for (;;) {
    next_row();
    if (status_ == LexStatus::kUnterminatedQuote) {
      return error_at(row_.fields.back(), std::string("unterminated quoted field; unexpected end of file in section ") +
                                              section_name(section));
    }
    if (status_ == LexStatus::kEnd || row_section()) {
      return {};
    }
    core::Status status = section == Section::kMeta       ? read_meta_row()
                          : section == Section::kProjects ? read_project_row()
                                                          : read_ballot_row();
    if (!status.ok()) {
      return status;
    }
  }
}

core::Status Reader::read_meta_row() {
  if (core::Status status = check_width(2, Section::kMeta); !status.ok()) {
    return status;
  }
  const Field& key = row_.fields[0];
  const Field& value = row_.fields[1];
  if (key.text.empty()) {
    return error_at(key, "empty META key");
  }
  const bool budget = iequals(key.text, "budget");
  const bool vote_type = iequals(key.text, "vote_type");
  if (!meta_keys_.insert(key.text) || (budget && has_budget_) || (vote_type && has_vote_type_)) {
    return error_at(key, "duplicate META key " + quote(key.text));
  }
  core::Status status = budget ? read_budget(value) : vote_type ? read_vote_type(value) : core::Status{};
  if (!status.ok()) {
    return status;
  }
  file_.instance.mutable_meta().emplace_back(key.text, value.text);
  if (layout_ != nullptr) {
    layout_->meta.push_back(lexer_.position(value));
  }
  return {};
}

core::Status Reader::read_budget(const Field& value) {
  core::Rational budget;
  if (!parse_number(value.text, budget)) {
    return error_at(value, "budget is not a number: " + quote(value.text));
  }
  if (budget < 0) {
    return error_at(value, "negative budget " + quote(value.text));
  }
  file_.instance.set_budget(std::move(budget));
  has_budget_ = true;
  return {};
}

core::Status Reader::read_vote_type(const Field& value) {
  auto kind = core::parse_name<core::BallotKind>(lowercase(trim(value.text)));
  if (!kind.ok()) {
    return error_at(value, "unknown vote type " + quote(value.text) +
                               " (expected approval, choose-1, cumulative, scoring or ordinal)");
  }
  file_.profile.set_kind(*kind);
  has_vote_type_ = true;
  return {};
}

core::Status Reader::finish_meta() const {
  if (!has_budget_) {
    return error_at(*meta_start_, "missing META key budget");
  }
  if (!has_vote_type_) {
    return error_at(*meta_start_, "missing META key vote_type");
  }
  return {};
}

core::Status Reader::read_project_row() {
  if (core::Status status = check_width(roles_.size(), Section::kProjects); !status.ok()) {
    return status;
  }
  const Field& id = row_.fields[0];
  if (id.text.empty()) {
    return error_at(id, "empty project id");
  }
  if (!projects_.insert(id.text)) {
    return error_at(id, "duplicate project id " + quote(id.text));
  }
  // A vote's item is trimmed before it is looked up, so an id with blanks at an end (quoted) never
  // matches its bytes: only the others may be found by their bytes alone.
  if (const std::uint64_t key = ShortIdIndex::key_of(id.text); key != 0 && trim(id.text).size() == id.text.size()) {
    short_projects_.add(key, static_cast<std::uint32_t>(projects_.size() - 1));
  }
  core::Project project;
  project.id = id.text;
  for (std::size_t i = 1; i < roles_.size(); ++i) {
    const Field& field = row_.fields[i];
    switch (roles_[i]) {
      case ColumnRole::kCost:
        if (core::Status status = read_cost(field, project); !status.ok()) {
          return status;
        }
        break;
      case ColumnRole::kCategories:
        split_list(field.text, project.categories);
        break;
      case ColumnRole::kTargets:
        split_list(field.text, project.targets);
        break;
      default:
        project.extra.emplace_back((*columns_)[i], field.text);
        break;
    }
  }
  if (core::Status status = file_.instance.add_project(std::move(project)); !status.ok()) {
    return error_at(id, status.error().message);
  }
  return {};
}

core::Status Reader::read_cost(const Field& field, core::Project& project) const {
  if (!parse_number(field.text, project.cost)) {
    return error_at(field, "cost is not a number: " + quote(field.text));
  }
  if (project.cost < 0) {
    return error_at(field, "negative cost " + quote(field.text) + " for project " + quote(project.id));
  }
  return {};
}

core::Error Reader::error_at(PbPosition position, std::string message) const {
  return core::make_error(
      core::ErrorKind::kInvalidInput, std::move(message),
      std::string(source_) + ":" + std::to_string(position.line) + ":" + std::to_string(position.column));
}

core::Error Reader::error_at(const Field& field, std::string message) const {
  return error_at(lexer_.position(field), std::move(message));
}

core::Error Reader::unexpected_end(Section section) const {
  return error_at(lexer_.here(), std::string("unexpected end of file in section ") + section_name(section));
}

}  // namespace detail

namespace {

core::Result<PbFile> parse(std::string_view text, std::string_view source, const PbReadOptions& options) {
  try {
    return detail::Reader(text, source, nullptr, options).run();
  } catch (const std::exception& e) {
    return core::make_error(core::ErrorKind::kInternal, e.what(), std::string(source));
  }
}

}  // namespace

core::Result<PbFile> parse_pabulib(std::string_view text, std::string_view source) {
  return parse(text, source, PbReadOptions{});
}

core::Result<PbFile> parse_pabulib(std::string_view text, std::string_view source, PbLayout& layout) {
  layout = PbLayout{};
  try {
    return detail::Reader(text, source, &layout, PbReadOptions{}).run();
  } catch (const std::exception& e) {
    return core::make_error(core::ErrorKind::kInternal, e.what(), std::string(source));
  }
}

core::Result<PbFile> read_pabulib_file(const std::filesystem::path& path, const PbReadOptions& options) {
  auto bytes = detail::FileBytes::read(path);
  if (!bytes.ok()) {
    return bytes.error();
  }
  return parse(bytes->text(), path.string(), options);
}

}  // namespace covalue::adapters::pabulib
