// SqlConn over libpq: text parameters and results (the server infers the types from
// the statement), statements prepared once per connection and cached by their SQL.
#include <libpq-fe.h>

#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sql_conn.h"

namespace warta::store {
namespace {

class PgRow : public SqlRow {
 public:
  PgRow(PGresult* res, int row) : res_(res), row_(row) {}
  bool IsNull(int col) const override { return PQgetisnull(res_, row_, col); }
  int64_t Int(int col) const override {
    const char* v = PQgetvalue(res_, row_, col);
    if (v[0] == 't') return 1;  // booleans
    if (v[0] == 'f') return 0;
    return std::strtoll(v, nullptr, 10);
  }
  double Double(int col) const override {
    return std::strtod(PQgetvalue(res_, row_, col), nullptr);
  }
  std::string Text(int col) const override {
    return std::string(PQgetvalue(res_, row_, col), PQgetlength(res_, row_, col));
  }

 private:
  PGresult* res_;
  int row_;
};

struct ResultCloser {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultCloser>;

class PgConn : public SqlConn {
 public:
  explicit PgConn(PGconn* conn) : conn_(conn) {}
  ~PgConn() override { PQfinish(conn_); }
  Kind kind() const override { return Kind::kPostgres; }

  Status Exec(const std::string& sql) override {
    PgResult res(PQexec(conn_, sql.c_str()));
    return Check(res.get());
  }

  Status Begin() override { return Exec("BEGIN"); }

  int Prepare(const std::string& sql) override {
    auto [it, added] = handles_.emplace(sql, static_cast<int>(sqls_.size()));
    if (added) sqls_.push_back(sql);
    return it->second;
  }

  Status Run(int stmt, const std::vector<SqlValue>& params, const RowFn& fn) override {
    return Query(sqls_[static_cast<size_t>(stmt)], params, fn);
  }

  Status Insert(int stmt, const std::vector<SqlValue>& params, const char* id_column,
                int64_t* id) override {
    *id = 0;
    return Query(sqls_[static_cast<size_t>(stmt)] + " RETURNING " + id_column, params,
                 [&](const SqlRow& r) {
                   *id = r.Int(0);
                   return false;
                 });
  }

  Status Query(const std::string& sql, const std::vector<SqlValue>& params,
               const RowFn& fn) override {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = std::to_string(prepared_.size());
      name.insert(name.begin(), 'w');
      PgResult res(PQprepare(conn_, name.c_str(), NumberPlaceholders(sql).c_str(),
                             static_cast<int>(params.size()), nullptr));
      Status st = Check(res.get());
      if (!st.ok()) return st;
      it = prepared_.emplace(sql, name).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlValue& v = params[i];
      if (std::holds_alternative<int64_t>(v)) {
        text[i] = std::to_string(std::get<int64_t>(v));
      } else if (std::holds_alternative<double>(v)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%.17g", std::get<double>(v));
        text[i] = buf;
      } else if (std::holds_alternative<std::string>(v)) {
        text[i] = std::get<std::string>(v);
      }
      values[i] = std::holds_alternative<std::monostate>(v) ? nullptr : text[i].c_str();
    }
    PgResult res(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                values.data(), nullptr, nullptr, 0));
    Status st = Check(res.get());
    if (!st.ok()) return st;
    changes_ = atoll(PQcmdTuples(res.get()));
    if (fn) {
      int n = PQntuples(res.get());
      for (int r = 0; r < n; ++r) {
        PgRow row(res.get(), r);
        if (!fn(row)) break;
      }
    }
    return Status::Ok();
  }

  int64_t changes() const override { return changes_; }

  Result<bool> HasTable(const std::string& name) override {
    bool found = false;
    Status st = Query("SELECT to_regclass(?) IS NOT NULL", {name}, [&](const SqlRow& row) {
      found = row.Int(0) != 0;
      return false;
    });
    if (!st.ok()) return st;
    return found;
  }

 private:
  Status Check(PGresult* res) {
    ExecStatusType s = PQresultStatus(res);
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) return Status::Ok();
    std::string msg = PQresultErrorMessage(res);
    if (msg.empty()) msg = PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Status::IoError("postgresql: " + msg);
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL → server-side name
  std::vector<std::string> sqls_;                          // by Prepare() handle
  std::unordered_map<std::string, int> handles_;
  int64_t changes_ = 0;
};

}  // namespace

Result<std::unique_ptr<SqlConn>> OpenPostgres(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    PQfinish(conn);
    return Status::IoError("cannot connect to PostgreSQL: " + msg);
  }
  auto pg = std::make_unique<PgConn>(conn);
  // Notices ("relation already exists, skipping") are not for the user.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  Status st = pg->Exec("SET client_min_messages = warning");
  if (!st.ok()) return st;
  return std::unique_ptr<SqlConn>(std::move(pg));
}

}  // namespace warta::store
