#include "covalue/adapters/json/json_text.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "covalue/core/text.hpp"

namespace covalue::adapters::json {

namespace {

using Json = nlohmann::json;
using Event = Json::parse_event_t;

//! A key as it may appear in a field path: a short excerpt, control characters escaped.
std::string key_name(std::string_view key) {
  const std::string quoted = core::quote_excerpt(key);
  const bool cut = quoted.size() >= 4 && quoted.compare(quoted.size() - 4, 4, "'...") == 0;
  return quoted.substr(1, quoted.size() - (cut ? 5 : 2)) + (cut ? "..." : "");
}

//! Follows the parser through nested objects and arrays to find the first key given twice in an object.
class DuplicateKeyFinder {
 public:
  explicit DuplicateKeyFinder(const char* root) : root_(root) {}

  bool on_event(Event event, const Json& parsed) {
    if (duplicate_) {
      return true;
    }
    if ((event == Event::object_start || event == Event::array_start || event == Event::value) && !frames_.empty() &&
        frames_.back().array) {
      ++frames_.back().index;
    }
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        frames_.push_back(Frame{event == Event::array_start, -1, {}, {}});
        break;
      case Event::object_end:
      case Event::array_end:
        frames_.pop_back();
        break;
      case Event::key: {
        Frame& top = frames_.back();
        top.key = parsed.get<std::string>();
        if (!top.keys.insert(top.key).second) {
          duplicate_ = path();
        }
        break;
      }
      case Event::value:
        break;
    }
    return true;
  }

  //! The path of the first duplicate key, if any.
  [[nodiscard]] const std::optional<std::string>& duplicate() const { return duplicate_; }

 private:
  struct Frame {
    bool array{false};
    long index{-1};   //!< arrays: the element being read
    std::string key;  //!< objects: the key being read
    std::unordered_set<std::string> keys;
  };

  [[nodiscard]] std::string path() const {
    std::string out = root_;
    for (const Frame& frame : frames_) {
      out += frame.array ? "[" + std::to_string(frame.index) + "]" : "." + key_name(frame.key);
    }
    return out;
  }

  const char* root_;
  std::vector<Frame> frames_;
  std::optional<std::string> duplicate_;
};

}  // namespace

core::Result<nlohmann::json> parse_json_text(std::string_view text, const char* root) {
  DuplicateKeyFinder finder(root);
  Json parsed;
  try {
    parsed =
        Json::parse(text, [&finder](int /*depth*/, Event event, Json& value) { return finder.on_event(event, value); });
  } catch (const Json::parse_error& error) {
    const std::size_t at = std::min<std::size_t>(error.byte == 0 ? 0 : error.byte - 1, text.size());
    const std::string where = at < text.size() ? "near " + core::quote_excerpt(text.substr(at), 24) : "at its end";
    return core::make_error(core::ErrorKind::kInvalidInput,
                            "malformed JSON at byte " + std::to_string(at) + ", " + where, root);
  } catch (const Json::exception& /*error*/) {  // a number out of range
    return core::make_error(core::ErrorKind::kInvalidInput, "malformed JSON: a number out of range", root);
  }
  if (finder.duplicate()) {
    return core::make_error(core::ErrorKind::kInvalidInput, "a key is given twice in one object", *finder.duplicate());
  }
  return parsed;
}

}  // namespace covalue::adapters::json
