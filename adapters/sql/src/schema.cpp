#include "covalue/adapters/sql/schema.hpp"

namespace covalue::adapters::sql {

std::string render_ddl(std::string_view neutral, const DdlDialect& dialect) {
  const std::pair<std::string_view, const char*> tokens[] = {
      {"{int}", dialect.integer},
      {"{serial}", dialect.serial},
      {"{shortlist_v2}", dialect.shortlist_v2},
      {"{bool}", dialect.boolean},
      {"{keyed}", dialect.keyed},
      {"{rowid}", dialect.rowid},
      {"{prelude}", dialect.prelude},
      {"{fill_shortlist}", dialect.fill_shortlist},
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

core::Status check_known(std::int64_t version, std::span<const Migration> steps, const std::string& name) {
  const std::int64_t known = steps.empty() ? 0 : steps.back().version;
  if (version <= known) {
    return {};
  }
  return core::make_error(core::ErrorKind::kConflict,
                          "the database '" + name + "' has schema version " + std::to_string(version) +
                              ", newer than this covalue knows (" + std::to_string(known) + "); upgrade covalue",
                          name);
}

std::array<std::string, kSchemaSteps> render_steps(const DdlDialect& dialect) {
  return {render_ddl(kSchemaV1, dialect),  render_ddl(kSchemaV2, dialect),  render_ddl(kSchemaV3, dialect),
          render_ddl(kSchemaV4, dialect),  render_ddl(kSchemaV5, dialect),  render_ddl(kSchemaV6, dialect),
          render_ddl(kSchemaV7, dialect),  render_ddl(kSchemaV8, dialect),  render_ddl(kSchemaV9, dialect),
          render_ddl(kSchemaV10, dialect), render_ddl(kSchemaV11, dialect), render_ddl(kSchemaV12, dialect),
          render_ddl(kSchemaV13, dialect), render_ddl(kSchemaV14, dialect), render_ddl(kSchemaV15, dialect),
          render_ddl(kSchemaV16, dialect), render_ddl(kSchemaV17, dialect)};
}

std::vector<Migration> schema_steps(const std::array<std::string, kSchemaSteps>& ddl) {
  return {
      {1, "partners, initiatives, cycles, ballots, outcomes and ledger", ddl[0].c_str()},
      {2, "ranking rule, disclosure, shortlists, scorecard, access tokens and audit log", ddl[1].c_str()},
      {3, "partners named to lead, awaiting their acceptance", ddl[2].c_str()},
      {4, "many networks per database; shortlists as rows", ddl[3].c_str()},
      {5, "the charter's weight policy and absence mode (perpetual voting rules)", ddl[4].c_str()},
      {6, "people, and the person a token was issued to", ddl[5].c_str()},
      {7, "a cycle's deadlines and the charter's deadline action", ddl[6].c_str()},
      {8, "the unit the charter counts values in", ddl[7].c_str()},
      {9, "passwords of people, browser sessions and set-password links", ddl[8].c_str()},
      {10, "the outbox: notification events, deliveries and webhooks; the charter's reminder lead times",
       ddl[9].c_str()},
      {11, "notification preferences, events waiting for digests, and the network's secrets", ddl[10].c_str()},
      {12, "discussion threads, follows and activity feeds", ddl[11].c_str()},
      {13, "delivery by the lead: progress updates, milestones, the lead's realised values", ddl[12].c_str()},
      {14, "charter proposals and positions; the amendment rule; the coordination rotation", ddl[13].c_str()},
      {15, "delegations; who cast a ballot; the charter's turnout below which a close must be confirmed",
       ddl[14].c_str()},
      {16, "the coordinator election: elections of the coordinating partner and the partners' votes", ddl[15].c_str()},
      {17, "the charter's ballot limits: the score scale and the points budget", ddl[16].c_str()},
  };
}

}  // namespace covalue::adapters::sql
