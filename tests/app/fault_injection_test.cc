// Fault injection in the spirit of SQLite's and LevelDB's own tests: an
// SQLite VFS shim (the default for this process) that fails the Nth write,
// sync or truncate with a full disk or an I/O error. For each ingest kind,
// a clean run counts the writes; then the fault is put at points spread
// over them. After every injected fault the workspace must pass SQLite's
// integrity check, hold the file wholly or not at all, and say what went
// wrong (a full disk named as such, never "input refused"); a re-run with
// the disk healthy must end exactly where a clean ingest ends.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <map>

#include "app/ingest_datasets.h"
#include "app/ingest_events.h"
#include "app/ingest_trade.h"
#include "app/use_cases.h"
#include "store/workspace.h"
#include "tests/app/test_workspace.h"

namespace bilat {
namespace {

using testing::Countries;
using testing::TempWorkspace;

// ---- the shim ---------------------------------------------------------------

struct Faults {
  std::atomic<long> operations{0};  // writes, syncs and truncates so far
  long fail_at = -1;                // the operation that fails (1-based); -1 never
  int fail_rc = SQLITE_FULL;
  bool sticky = true;               // a full disk stays full: every later operation fails too
  int injected = 0;
};
Faults faults;
sqlite3_vfs* base_vfs = nullptr;

struct ShimFile {
  sqlite3_file base;
  sqlite3_file* real;  // the base VFS's file, allocated right after this struct
};

sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f)->real; }

// True when this operation must fail.
bool Fault() {
  const long n = ++faults.operations;
  if (faults.fail_at < 0) return false;
  if (n == faults.fail_at || (faults.sticky && n > faults.fail_at)) {
    ++faults.injected;
    return true;
  }
  return false;
}

int ShimClose(sqlite3_file* f) {
  int rc = Real(f)->pMethods ? Real(f)->pMethods->xClose(Real(f)) : SQLITE_OK;
  return rc;
}
int ShimRead(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) { return Real(f)->pMethods->xRead(Real(f), buf, n, off); }
int ShimWrite(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  if (Fault()) return faults.fail_rc == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_WRITE;
  return Real(f)->pMethods->xWrite(Real(f), buf, n, off);
}
int ShimTruncate(sqlite3_file* f, sqlite3_int64 size) {
  if (Fault()) return SQLITE_IOERR_TRUNCATE;
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int ShimSync(sqlite3_file* f, int flags) {
  if (Fault()) return SQLITE_IOERR_FSYNC;
  return Real(f)->pMethods->xSync(Real(f), flags);
}
int ShimFileSize(sqlite3_file* f, sqlite3_int64* size) { return Real(f)->pMethods->xFileSize(Real(f), size); }
int ShimLock(sqlite3_file* f, int l) { return Real(f)->pMethods->xLock(Real(f), l); }
int ShimUnlock(sqlite3_file* f, int l) { return Real(f)->pMethods->xUnlock(Real(f), l); }
int ShimCheckReservedLock(sqlite3_file* f, int* out) { return Real(f)->pMethods->xCheckReservedLock(Real(f), out); }
int ShimFileControl(sqlite3_file* f, int op, void* arg) { return Real(f)->pMethods->xFileControl(Real(f), op, arg); }
int ShimSectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int ShimDeviceCharacteristics(sqlite3_file* f) { return Real(f)->pMethods->xDeviceCharacteristics(Real(f)); }
int ShimShmMap(sqlite3_file* f, int pg, int pgsz, int extend, void volatile** p) {
  return Real(f)->pMethods->xShmMap(Real(f), pg, pgsz, extend, p);
}
int ShimShmLock(sqlite3_file* f, int offset, int n, int flags) { return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags); }
void ShimShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShimShmUnmap(sqlite3_file* f, int del) { return Real(f)->pMethods->xShmUnmap(Real(f), del); }
int ShimFetch(sqlite3_file* f, sqlite3_int64 off, int n, void** p) { return Real(f)->pMethods->xFetch(Real(f), off, n, p); }
int ShimUnfetch(sqlite3_file* f, sqlite3_int64 off, void* p) { return Real(f)->pMethods->xUnfetch(Real(f), off, p); }

const sqlite3_io_methods kShimMethods = {
    3, ShimClose, ShimRead, ShimWrite, ShimTruncate, ShimSync, ShimFileSize, ShimLock, ShimUnlock,
    ShimCheckReservedLock, ShimFileControl, ShimSectorSize, ShimDeviceCharacteristics, ShimShmMap, ShimShmLock,
    ShimShmBarrier, ShimShmUnmap, ShimFetch, ShimUnfetch};

int ShimOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  auto* shim = reinterpret_cast<ShimFile*>(f);
  shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
  std::memset(shim->real, 0, base_vfs->szOsFile);
  int rc = base_vfs->xOpen(base_vfs, name, shim->real, flags, out_flags);
  shim->base.pMethods = rc == SQLITE_OK ? &kShimMethods : nullptr;
  return rc;
}

sqlite3_vfs shim_vfs;

void InstallShim() {
  if (base_vfs) return;
  base_vfs = sqlite3_vfs_find(nullptr);
  shim_vfs = *base_vfs;
  shim_vfs.zName = "bilat-faults";
  shim_vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + base_vfs->szOsFile;
  shim_vfs.xOpen = ShimOpen;
  ASSERT_EQ(sqlite3_vfs_register(&shim_vfs, /*makeDflt=*/1), SQLITE_OK);
}

// ---- the ingest kinds -----------------------------------------------------

const std::string kData = std::string(BILAT_SHARED_DIR) + "/data/";

struct Outcome {
  bool stored = false;      // the use case says the file was stored
  std::string error;        // else why
  StatusCode code = StatusCode::kOk;
};

using IngestFn = Outcome (*)(const std::string& ws);

Outcome FromStatus(const Status& st) { return {false, st.message(), st.code()}; }

template <typename R>
Outcome FromFiles(const Result<R>& r) {
  if (!r.ok()) return FromStatus(r.status());
  const auto& f = r->files.at(0);
  using State = typename std::decay_t<decltype(f)>::State;
  if (f.state == State::kStored) return {true, "", StatusCode::kOk};
  return {false, f.error, f.error_code};
}

Outcome IngestRegistry(const std::string& ws) {
  auto r = app::IngestRegistry({ws, std::string(BILAT_SOURCE_DIR) + "/examples/chn-kaz/registry", false}, Countries());
  if (!r.ok()) return FromStatus(r.status());
  return {r->stored, "", StatusCode::kOk};
}
Outcome IngestDots(const std::string& ws) {
  app::IngestTradeOptions o;
  o.workspace = ws;
  o.dataset = "imf_dots";
  o.files = {kData + "trade/imf_dots/dots_china_mainland_all_years.csv"};
  return FromFiles(app::IngestTrade(o, Countries()));
}
Outcome IngestWdi(const std::string& ws) {
  app::IngestTradeOptions o;
  o.workspace = ws;
  o.dataset = "wdi";
  o.files = {kData + "trade/wdi/wdi_macro_long_2005_2024.csv"};
  return FromFiles(app::IngestTrade(o, Countries()));
}
Outcome IngestUnga(const std::string& ws) {
  app::IngestDatasetOptions o;
  o.workspace = ws;
  o.dataset = "unga";
  o.files = {kData + "political/unga_voeten/IdealpointestimatesAll_Jun2024.csv"};
  return FromFiles(app::IngestDatasets(o, Countries()));
}
void FollowUsaChina(const std::string& ws) { ASSERT_TRUE(app::FollowPair(ws, "USA", "CHN", Countries()).ok()); }
Outcome IngestGdelt(const std::string& ws) {
  return FromFiles(app::IngestEvents({ws, {kData + "gdelt/v2/20151027220000.export.CSV"}, "gdelt", 1, 0.01},
                                     Countries()));
}

struct Kind {
  const char* name;
  IngestFn ingest;
  void (*prepare)(const std::string& ws) = nullptr;  // before the ingest, disk healthy
};
void PrintTo(const Kind& k, std::ostream* os) { *os << k.name; }

std::map<std::string, long long> Fingerprint(const std::string& dir) { return testing::TableRowCounts(dir); }

class FaultInjection : public ::testing::TestWithParam<Kind> {
 protected:
  void SetUp() override { InstallShim(); }
  void TearDown() override { faults.fail_at = -1; }
};

TEST_P(FaultInjection, FullDiskOrIoErrorAtAnyWriteLeavesTheWorkspaceWholeAndSaysSo) {
  const Kind& kind = GetParam();
  // The workspace is made before counting: only the ingest's own writes count.
  TempWorkspace clean;
  if (kind.prepare) kind.prepare(clean.str());
  const auto empty = Fingerprint(clean.str());
  faults.fail_at = -1;
  faults.operations = 0;
  Outcome ok = kind.ingest(clean.str());
  const long total = faults.operations;
  ASSERT_TRUE(ok.stored) << ok.error;
  const auto full = Fingerprint(clean.str());
  ASSERT_GT(total, 2);

  const int kPoints = 12;
  int failures_seen = 0;
  for (int i = 0; i < kPoints; ++i) {
    // Points spread over the run, the first and the last write included.
    const long at = 1 + (total - 1) * i / (kPoints - 1);
    const bool disk_full = i % 2 == 0;
    TempWorkspace ws;
    if (kind.prepare) kind.prepare(ws.str());
    faults.operations = 0;
    faults.injected = 0;
    faults.fail_rc = disk_full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    faults.sticky = disk_full;  // a full disk stays full; an I/O error is a one-off
    faults.fail_at = at;
    Outcome got = kind.ingest(ws.str());
    faults.fail_at = -1;
    const auto now = Fingerprint(ws.str());
    SCOPED_TRACE(std::string(kind.name) + ": fault at operation " + std::to_string(at) + " of " +
                 std::to_string(total) + (disk_full ? " (disk full)" : " (I/O error)"));
    EXPECT_EQ(now.at("(integrity problems)"), 0);
    if (got.stored) {
      EXPECT_EQ(now, full) << "reported stored, but the rows differ";
    } else {
      ++failures_seen;
      EXPECT_EQ(now, empty) << "a failed ingest left rows behind";
      EXPECT_NE(got.code, StatusCode::kInvalidArgument) << "a storage fault reported as refused input: " << got.error;
      if (disk_full && faults.injected > 0 && got.code == StatusCode::kIoError) {
        EXPECT_NE(got.error.find("disk is full"), std::string::npos) << got.error;
      }
    }
    // The disk is healthy again: a re-run ends where a clean ingest ends.
    Outcome again = kind.ingest(ws.str());
    EXPECT_TRUE(again.stored || again.error.empty()) << again.error;
    EXPECT_EQ(Fingerprint(ws.str()), full);
  }
  EXPECT_GT(failures_seen, kPoints / 2) << "most injected faults should make the ingest fail";
  std::printf("%s: %d faults spread over %ld write/sync/truncate operations: %d failed cleanly, %d stored whole\n",
              kind.name, kPoints, total, failures_seen, kPoints - failures_seen);
}

INSTANTIATE_TEST_SUITE_P(EveryIngestKind, FaultInjection,
                         ::testing::Values(Kind{"registry", IngestRegistry}, Kind{"imf_dots", IngestDots},
                                           Kind{"wdi", IngestWdi}, Kind{"unga", IngestUnga},
                                           Kind{"gdelt", IngestGdelt, FollowUsaChina}),
                         [](const ::testing::TestParamInfo<Kind>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace bilat
