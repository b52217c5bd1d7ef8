#pragma once

namespace covalue::adapters::postgres {

//! Schema step 3 (as SQLite's step 3): a partner named to lead an initiative by a coordinator is stored
//! beside the volunteers but not accepted until it accepts.
inline constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE initiative_volunteers ADD COLUMN accepted boolean NOT NULL DEFAULT true;
)sql";

}  // namespace covalue::adapters::postgres
