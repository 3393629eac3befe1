// The store's schema and its migrations, one numbered step each, written once for
// SQLite and PostgreSQL. Thread-safety: pure functions over one connection.
#ifndef WARTA_STORE_SCHEMA_H_
#define WARTA_STORE_SCHEMA_H_

#include <string>

#include "store/sql_conn.h"
#include "warta/status.h"

namespace warta::store {

constexpr int kSchemaVersion = 3;

// Brings the schema of `conn` up to `target` (0: kSchemaVersion), one transaction per
// step, and returns the version it is at. A database of a newer version than this
// binary knows is refused; `where` names it in messages.
Result<int> MigrateSchema(SqlConn* conn, int target, const std::string& where);

}  // namespace warta::store

#endif  // WARTA_STORE_SCHEMA_H_
