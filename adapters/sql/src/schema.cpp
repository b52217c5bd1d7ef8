#include "covalue/adapters/sql/schema.hpp"

namespace covalue::adapters::sql {

std::string render_ddl(std::string_view neutral, const DdlDialect& dialect) {
  const std::pair<std::string_view, const char*> tokens[] = {
      {"{int}", dialect.integer}, {"{bool}", dialect.boolean},    {"{keyed}", dialect.keyed},
      {"{rowid}", dialect.rowid}, {"{prelude}", dialect.prelude}, {"{fill_shortlist}", dialect.fill_shortlist},
  };
  std::string out;
  out.reserve(neutral.size() + neutral.size() / 4);
  std::size_t at = 0;
  while (at < neutral.size()) {
    bool replaced = false;
    if (neutral[at] == '{') {
      for (const auto& [token, text] : tokens) {
        if (neutral.substr(at, token.size()) == token) {
          out += text;
          at += token.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) {
      out += neutral[at++];
    }
  }
  return out;
}

}  // namespace covalue::adapters::sql
