#include "store/workspace.h"

#include <filesystem>

#include "store/migrations.h"

namespace bilat::store {

namespace fs = std::filesystem;

Result<std::unique_ptr<Workspace>> Workspace::Init(const std::string& dir) {
  std::error_code ec;
  for (const char* sub : {"", "/registry", "/notes", "/reports"}) {
    fs::create_directories(dir + sub, ec);
    if (ec) return Status::IoError(dir + sub + ": cannot create folder: " + ec.message());
  }
  BILAT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db,
                         SqliteDb::Open(dir + "/" + kDbFile, /*create=*/true));
  BILAT_RETURN_IF_ERROR(Migrate(db.get()));
  return std::unique_ptr<Workspace>(new Workspace(dir, std::move(db)));
}

namespace {

Status CheckIsWorkspace(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(fs::path(dir) / Workspace::kDbFile, ec)) {
    return Status::NotFound(dir + ": not a bilat workspace (no " + Workspace::kDbFile +
                            "); create one with 'bilat init " + dir + "'");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Workspace>> Workspace::OpenForReading(const std::string& dir) {
  BILAT_RETURN_IF_ERROR(CheckIsWorkspace(dir));
  const std::string path = dir + "/" + kDbFile;
  BILAT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, SqliteDb::OpenReadOnly(path));
  BILAT_ASSIGN_OR_RETURN(int version, SchemaVersion(db.get()));
  if (version == LatestSchemaVersion()) return std::unique_ptr<Workspace>(new Workspace(dir, std::move(db)));
  if (version > LatestSchemaVersion()) {
    return Status::FailedPrecondition(path + ": schema version " + std::to_string(version) +
                                   " is newer than this bilat's (" + std::to_string(LatestSchemaVersion()) +
                                   "): use a newer bilat");
  }
  db.reset();
  auto upgraded = Open(dir);
  if (!upgraded.ok()) {
    return Status::IoError(path + ": schema version " + std::to_string(version) + " is older than this bilat's (" +
                           std::to_string(LatestSchemaVersion()) + ") and could not be upgraded (" +
                           upgraded.status().message() + "); run 'bilat init " + dir +
                           "' where the workspace is writable");
  }
  return upgraded;
}

Result<std::unique_ptr<Workspace>> Workspace::Open(const std::string& dir) {
  BILAT_RETURN_IF_ERROR(CheckIsWorkspace(dir));
  BILAT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db,
                         SqliteDb::Open(dir + "/" + kDbFile, /*create=*/false));
  BILAT_RETURN_IF_ERROR(Migrate(db.get()));
  return std::unique_ptr<Workspace>(new Workspace(dir, std::move(db)));
}

}  // namespace bilat::store
