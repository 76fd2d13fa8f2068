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

Result<std::unique_ptr<Workspace>> Workspace::Open(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(fs::path(dir) / kDbFile, ec)) {
    return Status::NotFound(dir + ": not a bilat workspace (no " + kDbFile +
                            "); create one with 'bilat init " + dir + "'");
  }
  BILAT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db,
                         SqliteDb::Open(dir + "/" + kDbFile, /*create=*/false));
  BILAT_RETURN_IF_ERROR(Migrate(db.get()));
  return std::unique_ptr<Workspace>(new Workspace(dir, std::move(db)));
}

}  // namespace bilat::store
