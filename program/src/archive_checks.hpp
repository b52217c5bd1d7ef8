#pragma once

// The import's checks of the archive's tables carried row by row (archive_tables.hpp), before anything is
// written: every value of its column's type, each key once, every reference to a row the archive holds.

#include "covalue/core/result.hpp"
#include "covalue/program/archive.hpp"

namespace covalue::program {

//! kInvalidInput naming the first value at fault ("comments[3].subject_id: no initiative with id 99 in the
//! archive"): a table an archive does not carry or given twice, a value of the wrong type, a key given twice, a
//! reference to a row the archive does not hold, a password hash of a person it does not hold.
[[nodiscard]] core::Status check_archive_tables(const NetworkArchive& archive);

}  // namespace covalue::program
