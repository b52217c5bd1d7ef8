#include "sqlite_db.hpp"

#include <string>

namespace covalue::adapters::sqlite {

sql::Statement SqliteDb::prepare(const char* sql) { return db_.prepare(sql); }

core::Status SqliteDb::control(const std::string& sql) { return db_.prepare(sql.c_str()).run(); }

core::Status SqliteDb::savepoint(int depth) { return control("SAVEPOINT " + sql::savepoint_name(depth)); }

core::Status SqliteDb::release(int depth) { return control("RELEASE " + sql::savepoint_name(depth)); }

core::Status SqliteDb::rollback_to(int depth) { return control("ROLLBACK TO " + sql::savepoint_name(depth)); }

}  // namespace covalue::adapters::sqlite
