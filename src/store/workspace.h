// Workspace: a folder holding bilat.db (the SQLite store) and the analyst's
// files beside it:
//
//   W/bilat.db      the store (schema: store/migrations.cc)
//   W/registry/     curated registry CSV files (docs/formats/registry.md)
//   W/notes/A-B/    analysts' Markdown per report section
//   W/reports/      default output folder of `bilat report`
//
// A Workspace owns its database connection; use it from one thread.
#ifndef BILAT_STORE_WORKSPACE_H_
#define BILAT_STORE_WORKSPACE_H_

#include <memory>
#include <string>

#include "core/status.h"
#include "store/sqlite_db.h"

namespace bilat::store {

class Workspace {
 public:
  static constexpr const char* kDbFile = "bilat.db";

  // Creates the folders and database that are missing, and upgrades an
  // existing database to the latest schema. Safe to run again.
  static Result<std::unique_ptr<Workspace>> Init(const std::string& dir);
  // Opens an existing workspace (upgrading its schema); NotFound if `dir`
  // holds no bilat.db.
  static Result<std::unique_ptr<Workspace>> Open(const std::string& dir);
  // Opens an existing workspace for queries: nothing is written, so it works
  // on a read-only workspace (a colleague's share, a mounted snapshot) and
  // never waits for a writer. A workspace of an older schema is upgraded
  // first when it is writable, else refused with how to upgrade it.
  static Result<std::unique_ptr<Workspace>> OpenForReading(const std::string& dir);

  const std::string& dir() const { return dir_; }
  std::string RegistryDir() const { return dir_ + "/registry"; }
  std::string NotesDir() const { return dir_ + "/notes"; }
  std::string ReportsDir() const { return dir_ + "/reports"; }
  SqliteDb* db() { return db_.get(); }

 private:
  Workspace(std::string dir, std::unique_ptr<SqliteDb> db)
      : dir_(std::move(dir)), db_(std::move(db)) {}
  std::string dir_;
  std::unique_ptr<SqliteDb> db_;
};

}  // namespace bilat::store

#endif  // BILAT_STORE_WORKSPACE_H_
