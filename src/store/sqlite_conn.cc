// SqlConn over SQLite: WAL journal, prepared statements cached by their SQL text.
#include <sqlite3.h>
#include <sys/stat.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "store/sql_conn.h"

namespace warta::store {
namespace {

class SqliteRow : public SqlRow {
 public:
  explicit SqliteRow(sqlite3_stmt* st) : st_(st) {}
  bool IsNull(int col) const override { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  int64_t Int(int col) const override { return sqlite3_column_int64(st_, col); }
  double Double(int col) const override { return sqlite3_column_double(st_, col); }
  std::string Text(int col) const override {
    const unsigned char* p = sqlite3_column_text(st_, col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(st_, col));
  }

 private:
  sqlite3_stmt* st_;
};

class SqliteConn : public SqlConn {
 public:
  SqliteConn(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteConn() override {
    for (Stmt& s : stmts_) sqlite3_finalize(s.st);
    sqlite3_close(db_);
  }
  Kind kind() const override { return Kind::kSqlite; }

  Status Exec(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Error(msg);
    }
    return Status::Ok();
  }

  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }

  int Prepare(const std::string& sql) override {
    auto [it, added] = by_sql_.emplace(sql, static_cast<int>(stmts_.size()));
    if (added) stmts_.push_back({sql, nullptr});
    return it->second;
  }

  Status Query(const std::string& sql, const std::vector<SqlValue>& params,
               const RowFn& fn) override {
    return Run(Prepare(sql), params, fn);
  }

  Status Run(int stmt, const std::vector<SqlValue>& params, const RowFn& fn) override {
    Stmt& s = stmts_[static_cast<size_t>(stmt)];
    sqlite3_stmt* st = s.st;
    bool temporary = false;  // the cached statement is stepping in an outer query
    if (!st || sqlite3_stmt_busy(st)) {
      st = nullptr;
      if (sqlite3_prepare_v3(db_, s.sql.c_str(), static_cast<int>(s.sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK) {
        return Error(sqlite3_errmsg(db_));
      }
      if (!s.st)
        s.st = st;
      else
        temporary = true;
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i) + 1;
      const SqlValue& v = params[i];
      if (std::holds_alternative<int64_t>(v)) {
        sqlite3_bind_int64(st, idx, std::get<int64_t>(v));
      } else if (std::holds_alternative<double>(v)) {
        sqlite3_bind_double(st, idx, std::get<double>(v));
      } else if (std::holds_alternative<std::string>(v)) {
        const std::string& t = std::get<std::string>(v);
        sqlite3_bind_text(st, idx, t.data(), static_cast<int>(t.size()), SQLITE_STATIC);
      } else {
        sqlite3_bind_null(st, idx);
      }
    }
    SqliteRow row(st);
    Status result;
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        result = Error(sqlite3_errmsg(db_));
        break;
      }
      if (fn && !fn(row)) break;
    }
    if (temporary) {
      sqlite3_finalize(st);
    } else {
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);  // the texts were bound without a copy
    }
    return result;
  }

  Status Insert(int stmt, const std::vector<SqlValue>& params, const char* /*id_column*/,
                int64_t* id) override {
    Status st = Run(stmt, params, nullptr);
    *id = st.ok() && sqlite3_changes64(db_) > 0 ? sqlite3_last_insert_rowid(db_) : 0;
    return st;
  }

  int64_t changes() const override { return sqlite3_changes64(db_); }

  Result<bool> HasTable(const std::string& name) override {
    bool found = false;
    Status st = Query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {name},
                      [&](const SqlRow&) {
                        found = true;
                        return false;
                      });
    if (!st.ok()) return st;
    return found;
  }

 private:
  Status Error(const std::string& msg) { return Status::IoError(path_ + ": " + msg); }

  struct Stmt {
    std::string sql;
    sqlite3_stmt* st;  // compiled on first use
  };
  sqlite3* db_;
  std::string path_;
  std::vector<Stmt> stmts_;
  std::unordered_map<std::string, int> by_sql_;
};

}  // namespace

Result<std::unique_ptr<SqlConn>> OpenSqlite(const std::string& path, bool create, int cache_mb,
                                            int checkpoint_pages) {
  struct stat sb;
  bool exists = stat(path.c_str(), &sb) == 0;
  if (exists && S_ISDIR(sb.st_mode)) return Status::InvalidArgument(path + " is a directory");
  if (!exists && !create)
    return Status::NotFound("no store at " + path + " (warta ingest creates one)");
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IoError("cannot open " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(db, 1);
  auto conn = std::make_unique<SqliteConn>(db, path);
  // WAL: readers do not block the writer, and a killed process never leaves a half
  // transaction: a commit is in the WAL file (the operating system's, even before it
  // reaches the disk), an unfinished one is ignored when the store is next opened.
  // synchronous = NORMAL syncs at checkpoints only: a power loss may lose the last
  // commits but never corrupts the store, and a resumed ingest writes them again.
  // Checkpoints every 10000 pages (40 MB) rather than 1000, or as the caller says: a
  // bulk ingest copies each page it changes back into the database less often.
  // The first statement reads the header, so a file that is no database fails here.
  Status st = conn->Exec(
      "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
      " PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = " +
      std::to_string(checkpoint_pages > 0 ? checkpoint_pages : 10000) +
      "; PRAGMA cache_size = " + std::to_string(-1024 * (cache_mb > 0 ? cache_mb : 64)));
  if (!st.ok()) return Status::IoError("cannot open store " + st.message());
  return std::unique_ptr<SqlConn>(std::move(conn));
}

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out.push_back('$');
      out += std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace warta::store
