// libFuzzer target of the Pabulib adapter: parse; on success write, re-parse and compare (read -> write -> read
// is the identity and writing is stable), and check; on failure the error must be located. Aborts on a mismatch.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "covalue/adapters/pabulib/pb_file.hpp"

namespace {

namespace pb = covalue::adapters::pabulib;
using covalue::core::Error;

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "pabulib_fuzzer: %s\n%s\n", what, detail.c_str());
  std::abort();
}

// True for "source:line:column" with a positive line and column.
bool located(const std::string& where, std::string_view source) {
  if (where.size() <= source.size() || where.compare(0, source.size(), source) != 0 || where[source.size()] != ':') {
    return false;
  }
  int numbers = 0;
  std::size_t at = source.size();
  while (at < where.size() && where[at] == ':') {
    const std::size_t begin = ++at;
    while (at < where.size() && where[at] >= '0' && where[at] <= '9') {
      ++at;
    }
    if (at == begin || where[begin] == '0') {
      return false;
    }
    ++numbers;
  }
  return at == where.size() && numbers == 2;
}

void expect_located(const Error& error, std::string_view source) {
  if (error.kind != covalue::core::ErrorKind::kInvalidInput || error.message.empty() || !located(error.where, source)) {
    fail("an error without kind, message or location", error.to_string());
  }
}

void check_round_trip(const pb::PbFile& file) {
  const std::string written = pb::write_pabulib(file);
  auto again = pb::parse_pabulib(written, "written");
  if (!again.ok()) {
    fail("the written text does not parse", again.error().to_string() + "\n" + written);
  }
  if (!(*again == file)) {
    fail("read -> write -> read changed the file", written);
  }
  if (pb::write_pabulib(*again) != written) {
    fail("writing the re-read file gave another text", written);
  }
}

void check_checker(const pb::PbFile& file, const pb::PbLayout& layout) {
  const std::vector<Error> from_text = pb::check_pabulib(file, layout, "fuzz");
  const std::vector<Error> from_written = pb::check_pabulib(file, "fuzz");
  if (from_text.size() != from_written.size()) {
    fail("the checker's findings depend on the layout",
         std::to_string(from_text.size()) + " vs " + std::to_string(from_written.size()));
  }
  for (std::size_t i = 0; i < from_text.size(); ++i) {
    expect_located(from_text[i], "fuzz");
    expect_located(from_written[i], "fuzz");
    if (from_text[i].message != from_written[i].message) {
      fail("the checker's findings depend on the layout", from_text[i].message + "\n" + from_written[i].message);
    }
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  pb::PbLayout layout;
  auto parsed = pb::parse_pabulib(text, "fuzz", layout);
  auto plain = pb::parse_pabulib(text, "fuzz");
  if (parsed.ok() != plain.ok() || (parsed.ok() && !(*parsed == *plain)) ||
      (!parsed.ok() && parsed.error().to_string() != plain.error().to_string())) {
    fail("recording the layout changed the result", std::string(text));
  }
  if (!parsed.ok()) {
    expect_located(parsed.error(), "fuzz");
    return 0;
  }
  if (layout.meta.size() != parsed->instance.meta().size() || layout.votes.size() != parsed->profile.size() ||
      layout.points.size() != parsed->profile.size()) {
    fail("the layout does not match the file", std::string(text));
  }
  check_round_trip(*parsed);
  check_checker(*parsed, layout);
  return 0;
}
