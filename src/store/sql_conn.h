// SqlConn: the little the store needs from a SQL database — statements with '?'
// parameters, rows read by column number, transactions — over SQLite and libpq, so
// the store's SQL is written once for both.
//
// Thread-safety: one connection; use from one thread at a time.
#ifndef WARTA_STORE_SQL_CONN_H_
#define WARTA_STORE_SQL_CONN_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "warta/status.h"

namespace warta::store {

using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual std::string Text(int col) const = 0;
};

using RowFn = std::function<bool(const SqlRow&)>;  // false stops

class SqlConn {
 public:
  enum class Kind { kSqlite, kPostgres };
  virtual ~SqlConn() = default;
  virtual Kind kind() const = 0;
  // One or more statements without parameters (DDL, pragmas).
  virtual Status Exec(const std::string& sql) = 0;
  // One statement with '?' placeholders; fn (may be null) sees each row.
  virtual Status Query(const std::string& sql, const std::vector<SqlValue>& params,
                       const RowFn& fn) = 0;
  // A statement run many times: Prepare() once (it is compiled on first use) and Run()
  // it by its handle, which spares the lookup of its text. Handles are this
  // connection's.
  virtual int Prepare(const std::string& sql) = 0;
  virtual Status Run(int stmt, const std::vector<SqlValue>& params, const RowFn& fn) = 0;
  // Runs an INSERT (which may end in ON CONFLICT DO NOTHING) and sets *id to the value
  // of the new row's id_column, an integer key the database assigns, or 0 when no row
  // was inserted. SQLite: the rowid; PostgreSQL: RETURNING id_column.
  virtual Status Insert(int stmt, const std::vector<SqlValue>& params, const char* id_column,
                        int64_t* id) = 0;
  // Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue up front).
  virtual Status Begin() = 0;
  Status Commit() { return Exec("COMMIT"); }
  void Rollback() { (void)Exec("ROLLBACK"); }
  // Rows inserted, updated or deleted by the last statement Query() ran.
  virtual int64_t changes() const = 0;
  // Does this table exist?
  virtual Result<bool> HasTable(const std::string& name) = 0;
};

// path: a file; create: make it when missing; cache_mb: page cache (0: 64 MB);
// checkpoint_pages: WAL pages between automatic checkpoints (0: 10000).
Result<std::unique_ptr<SqlConn>> OpenSqlite(const std::string& path, bool create, int cache_mb = 0,
                                            int checkpoint_pages = 0);
Result<std::unique_ptr<SqlConn>> OpenPostgres(const std::string& uri);

// "?" → "$1", "$2", ... outside quoted strings (PostgreSQL's placeholders).
std::string NumberPlaceholders(std::string_view sql);

}  // namespace warta::store

#endif  // WARTA_STORE_SQL_CONN_H_
