#pragma once

namespace covalue::adapters::sqlite {

//! Schema step 3: a partner named to lead an initiative by a coordinator is stored beside the volunteers
//! but not accepted (0) until it accepts; volunteers stored before this step had volunteered themselves.
inline constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE initiative_volunteers ADD COLUMN accepted INTEGER NOT NULL DEFAULT 1 CHECK (accepted IN (0, 1));
)sql";

}  // namespace covalue::adapters::sqlite
