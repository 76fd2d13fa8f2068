#include "ingest/events/event_scan.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstring>
#include <thread>

#include "core/text.h"
#include "ingest/events/byte_source.h"
#include "ingest/events/scan_context.h"

namespace bilat::ingest {

using internal::ScanContext;

const char* RejectReasonName(RejectReason r) {
  switch (r) {
    case RejectReason::kColumnCount: return "column count";
    case RejectReason::kBadNumber: return "bad number";
    case RejectReason::kBadDate: return "bad date";
    case RejectReason::kInvalidUtf8: return "invalid UTF-8";
    case RejectReason::kLineTooLong: return "line too long";
    case RejectReason::kCount: break;
  }
  return "?";
}

uint64_t ScanResult::rows_rejected() const {
  uint64_t n = 0;
  for (uint64_t c : rejects_by_reason) n += c;
  return n;
}

namespace internal {
namespace {

// Field layout. The first 35 fields are the same in GDELT 1.0 and 2.0.
constexpr int kEventId = 0, kSqlDate = 1, kMonthYear = 2, kActor1Code = 5, kActor1Name = 6,
              kActor1Country = 7, kActor2Code = 15, kActor2Name = 16, kActor2Country = 17,
              kIsRoot = 25, kEventCode = 26, kEventBaseCode = 27, kEventRootCode = 28, kQuadClass = 29,
              kGoldstein = 30, kNumMentions = 31, kNumSources = 32, kNumArticles = 33, kAvgTone = 34;
// ActionGeo full name and country, DATEADDED, SOURCEURL differ by version.
struct TailLayout {
  int action_geo_name, action_geo_country, date_added, source_url;
};
constexpr TailLayout kV2Tail{52, 53, 59, 60};
constexpr TailLayout kV1Tail{50, 51, 56, 57};

inline bool ParseUint(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  int64_t v = 0;
  for (char c : s) {
    unsigned d = static_cast<unsigned char>(c) - '0';
    if (d > 9) return false;
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

inline bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  const char* b = s.data();
  if (*b == '+') ++b;
  auto [p, ec] = std::from_chars(b, s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

inline bool ValidMonth(int64_t yyyymm) {
  int64_t m = yyyymm % 100;
  int64_t y = yyyymm / 100;
  return y >= 1900 && y <= 2600 && m >= 1 && m <= 12;
}

inline bool ValidDay(int64_t yyyymmdd) {
  if (!ValidMonth(yyyymmdd / 100)) return false;
  int d = static_cast<int>(yyyymmdd % 100);
  int m = static_cast<int>(yyyymmdd / 100 % 100);
  int y = static_cast<int>(yyyymmdd / 10000);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
  return d >= 1 && d <= days;
}

inline int LetterIndex(std::string_view code) {
  if (code.size() != 3) return -1;
  int a = code[0] - 'A', b = code[1] - 'A', c = code[2] - 'A';
  if (a < 0 || a > 25 || b < 0 || b > 25 || c < 0 || c > 25) return -1;
  return (a * 26 + b) * 26 + c;
}

constexpr int kLetterCodes = 26 * 26 * 26;

}  // namespace

void ScanContext::Reject(RejectReason reason, const char* line, size_t len, std::string detail) {
  ++out->rejects_by_reason[static_cast<int>(reason)];
  if (out->rejects.size() < options->max_kept_rejects) {
    ingest::Reject r;
    r.line = next_line;
    r.reason = reason;
    r.detail = std::move(detail);
    r.text.assign(line, std::min<size_t>(len, 300));
    // A pointer into the scan buffer until RunKernel turns it into an offset.
    r.byte_offset = reinterpret_cast<uintptr_t>(line);
    out->rejects.push_back(std::move(r));
  }
  ++next_line;
}

void ScanContext::Flush() {
  for (uint32_t used : counters_used) {
    const int mi = static_cast<int>(used >> 16), i = static_cast<int>(used & 0xffff);
    uint32_t& count = country_month_counts[mi][i];
    if (!count) continue;
    char code[3] = {static_cast<char>('A' + i / 676), static_cast<char>('A' + i / 26 % 26),
                    static_cast<char>('A' + i % 26)};
    DyadKey k{out->codes.Intern(std::string_view(code, 3)), 0, static_cast<uint32_t>((1900 + mi / 12) * 100 + mi % 12 + 1), false};
    out->country_months[k.Pack()] += count;
    count = 0;
  }
  counters_used.clear();
}

void ProcessLine(ScanContext* ctx, const char* s, size_t len, const uint32_t* tabs, int ntabs, bool non_ascii) {
  if (len && s[len - 1] == '\r') --len;  // CRLF files
  const int fields = ntabs + 1;
  if (ctx->version == GdeltVersion::kAuto) {
    ctx->version = fields == 61 ? GdeltVersion::kV2 : GdeltVersion::kV1;
  }
  const bool v2 = ctx->version == GdeltVersion::kV2;
  const bool count_ok = v2 ? fields == 61 : (fields == 57 || fields == 58);
  if (!count_ok) {
    if (len == 0) {  // blank line: not a row at all
      ++ctx->next_line;
      return;
    }
    ctx->Reject(RejectReason::kColumnCount, s, len,
                std::to_string(fields) + " fields, expected " + (v2 ? "61 (GDELT 2.0)" : "57 or 58 (GDELT 1.0)"));
    return;
  }
  if (non_ascii && !IsValidUtf8(std::string_view(s, len))) {
    ctx->Reject(RejectReason::kInvalidUtf8, s, len, "");
    return;
  }
  auto field = [&](int i) -> std::string_view {
    size_t b = i == 0 ? 0 : tabs[i - 1] + 1;
    size_t e = i == fields - 1 ? len : tabs[i];
    if (e > len) e = len;  // a '\r' stripped from the last field
    return std::string_view(s + b, e - b);
  };
  // Every row, dyadic or not, needs its event id: a row of empty fields (a
  // padding or truncated line with the right number of tabs) is not an event.
  int64_t event_id = 0;
  if (!ParseUint(field(kEventId), &event_id)) {
    ctx->Reject(RejectReason::kBadNumber, s, len, "GLOBALEVENTID '" + std::string(field(kEventId)) + "'");
    return;
  }
  std::string_view a1 = field(kActor1Country), a2 = field(kActor2Country);
  if (a1.empty() && a2.empty()) {
    ++ctx->out->rows_ok;
    ++ctx->next_line;
    return;
  }
  int64_t month = 0;
  if (!ParseUint(field(kMonthYear), &month) || !ValidMonth(month)) {
    ctx->Reject(RejectReason::kBadDate, s, len, "MonthYear '" + std::string(field(kMonthYear)) + "'");
    return;
  }
  int64_t root = 0, quad = 0, mentions = 0, sources = 0, articles = 0, sql_date = 0;
  double goldstein = 0, tone = 0;
  const bool dyadic = !a1.empty() && !a2.empty();
  if (dyadic) {
    // The first field that does not parse names the reject.
    const char* bad = nullptr;
    int bad_field = 0;
    auto check = [&](bool ok, const char* name, int index) {
      if (!ok && !bad) {
        bad = name;
        bad_field = index;
      }
    };
    check(ParseUint(field(kIsRoot), &root) && root <= 1, "IsRootEvent", kIsRoot);
    check(ParseUint(field(kQuadClass), &quad) && quad >= 1 && quad <= 4, "QuadClass", kQuadClass);
    check(ParseDouble(field(kGoldstein), &goldstein), "GoldsteinScale", kGoldstein);
    check(ParseUint(field(kNumMentions), &mentions), "NumMentions", kNumMentions);
    check(ParseUint(field(kNumSources), &sources), "NumSources", kNumSources);
    check(ParseUint(field(kNumArticles), &articles), "NumArticles", kNumArticles);
    check(ParseDouble(field(kAvgTone), &tone), "AvgTone", kAvgTone);
    if (bad) {
      ctx->Reject(RejectReason::kBadNumber, s, len, std::string(bad) + " '" + std::string(field(bad_field)) + "'");
      return;
    }
    if (!ParseUint(field(kSqlDate), &sql_date) || !ValidDay(sql_date)) {
      ctx->Reject(RejectReason::kBadDate, s, len, "SQLDATE '" + std::string(field(kSqlDate)) + "'");
      return;
    }
  }
  // The row is good: account it.
  const int mi = static_cast<int>((month / 100 - 1900) * 12 + (month % 100 - 1));
  auto count_country = [&](std::string_view code) {
    int li = LetterIndex(code);
    if (li < 0) {
      DyadKey k{ctx->out->codes.Intern(code), 0, static_cast<uint32_t>(month), false};
      ++ctx->out->country_months[k.Pack()];
      return;
    }
    if (static_cast<size_t>(mi) >= ctx->country_month_counts.size()) ctx->country_month_counts.resize(mi + 1);
    auto& slot = ctx->country_month_counts[mi];
    if (!slot) slot.reset(new uint32_t[kLetterCodes]());
    if (slot[li]++ == 0) ctx->counters_used.push_back(static_cast<uint32_t>(mi) << 16 | static_cast<uint32_t>(li));
  };
  if (!a1.empty()) count_country(a1);
  if (!a2.empty() && a2 != a1) count_country(a2);
  ++ctx->out->rows_ok;
  if (!dyadic) {
    ++ctx->next_line;
    return;
  }
  CodeId src = ctx->out->codes.Intern(a1), dst = ctx->out->codes.Intern(a2);
  EventTotals& t = ctx->out->dyads.At(DyadKey{src, dst, static_cast<uint32_t>(month), root == 1}.Pack());
  ++t.events;
  ++t.quad[quad - 1];
  t.goldstein_sum += goldstein;
  t.mentions += static_cast<uint64_t>(mentions);
  t.sources += static_cast<uint64_t>(sources);
  t.articles += static_cast<uint64_t>(articles);
  t.tone_x_mentions += tone * static_cast<double>(mentions);

  const uint64_t pair = (static_cast<uint64_t>(src) << 32) | dst;
  for (uint64_t f : ctx->followed_pairs) {
    if (f != pair) continue;
    const TailLayout& tail = v2 ? kV2Tail : kV1Tail;
    // The kernel kept only the leading tabs; find the rest for this line.
    uint32_t all_tabs[kMaxTabs];
    int n = 0;
    for (size_t i = 0; i < len && n < kMaxTabs; ++i) {
      if (s[i] == '\t') all_tabs[n++] = static_cast<uint32_t>(i);
    }
    tabs = all_tabs;
    FollowedEvent e;
    e.line = ctx->next_line;
    int64_t id = 0, added = 0;
    ParseUint(field(kEventId), &id);
    e.event_id = id;
    e.sql_date = static_cast<int>(sql_date);
    e.month = static_cast<int>(month);
    e.actor1_code = field(kActor1Code);
    e.actor1_name = field(kActor1Name);
    e.actor1_country = a1;
    e.actor2_code = field(kActor2Code);
    e.actor2_name = field(kActor2Name);
    e.actor2_country = a2;
    e.root = root == 1;
    e.event_code = field(kEventCode);
    e.event_base_code = field(kEventBaseCode);
    e.event_root_code = field(kEventRootCode);
    e.quad_class = static_cast<int>(quad);
    e.goldstein = goldstein;
    e.mentions = mentions;
    e.sources = sources;
    e.articles = articles;
    e.avg_tone = tone;
    e.action_geo_name = field(tail.action_geo_name);
    e.action_geo_country_fips = field(tail.action_geo_country);
    ParseUint(field(tail.date_added), &added);
    e.date_added = added;
    if (fields > tail.source_url) e.source_url = field(tail.source_url);
    ctx->out->followed.push_back(std::move(e));
    break;
  }
  ++ctx->next_line;
}

}  // namespace internal

namespace {

bool CpuHasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

// Field counts of the first full lines decide the version when not given.
GdeltVersion DetectVersion(std::string_view head) {
  int v1 = 0, v2 = 0;
  size_t pos = 0;
  for (int n = 0; n < 50; ++n) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) break;
    size_t fields = 1 + static_cast<size_t>(std::count(head.begin() + pos, head.begin() + nl, '\t'));
    if (fields == 61) ++v2;
    if (fields == 57 || fields == 58) ++v1;
    pos = nl + 1;
  }
  return v1 > v2 ? GdeltVersion::kV1 : GdeltVersion::kV2;
}

internal::ScanContext MakeContext(const ScanOptions& o, ScanResult* out, GdeltVersion v) {
  internal::ScanContext ctx;
  ctx.options = &o;
  ctx.out = out;
  ctx.version = v;
  for (const auto& [a, b] : o.followed) {
    ctx.followed_pairs.push_back((static_cast<uint64_t>(out->codes.Intern(a)) << 32) | out->codes.Intern(b));
  }
  return ctx;
}

void RunKernel(internal::ScanContext* ctx, const char* begin, const char* end) {
  size_t rejects_before = ctx->out->rejects.size();
  if (CpuHasAvx2() && !ctx->options->portable_kernel) {
    internal::ScanLinesAvx2(ctx, begin, end);
  } else {
    internal::ScanLinesGeneric(ctx, begin, end);
  }
  // Rejects recorded a pointer into the buffer; turn it into a file offset.
  for (size_t i = rejects_before; i < ctx->out->rejects.size(); ++i) {
    Reject& r = ctx->out->rejects[i];
    r.byte_offset = ctx->base_offset + (r.byte_offset - reinterpret_cast<uintptr_t>(begin));
  }
}

// Streams a source through the kernel in buffer-sized pieces of whole lines.
// `start_offset` is the file offset of the source's first byte.
struct ProgressCounters {
  std::atomic<uint64_t> bytes{0};
  std::atomic<uint64_t> lines{0};
};

// `buffer` is reused across calls (one per thread), so that scanning many
// chunks does not fault in fresh memory for each.
// Optional extras of a ranged read: hash the raw bytes at file offsets
// [hash_from, hash_to) into `hasher`, and skip the partial line the range
// starts in (its bytes belong to the previous range's last line).
struct RangeExtras {
  BlockHasher* hasher = nullptr;
  uint64_t hash_from = 0, hash_to = 0;
  bool skip_first_partial_line = false;
};

Status StreamLines(ByteSource* src, internal::ScanContext* ctx, const ScanOptions& o, uint64_t start_offset,
                   ProgressCounters* counters, const ProgressFn& progress, std::vector<char>* buffer,
                   const RangeExtras& extras = {}) {
  const size_t cap = std::max<size_t>(o.buffer_bytes, 1 << 16);
  if (buffer->size() < cap + 64) buffer->resize(cap + 64);
  struct {
    char* p;
    char* get() const { return p; }
  } buf{buffer->data()};
  size_t fill = 0;
  uint64_t offset = start_offset;  // file offset of buf[0]
  bool skipping = extras.skip_first_partial_line;  // inside a line that is not ours, or too long
  bool eof = false;
  while (!eof) {
    BILAT_ASSIGN_OR_RETURN(size_t got, src->Read(buf.get() + fill, cap - fill));
    eof = got == 0;
    if (extras.hasher && got) {
      uint64_t from = std::max(extras.hash_from, offset + fill);
      uint64_t to = std::min(extras.hash_to, offset + fill + got);
      if (to > from) extras.hasher->Update(buf.get() + (from - offset), static_cast<size_t>(to - from));
    }
    fill += got;
    ctx->out->bytes += got;
    const uint64_t lines_before = ctx->next_line;
    char* begin = buf.get();
    char* end = buf.get() + fill;
    if (offset == 0 && fill >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0) {
      begin += 3;  // a UTF-8 byte-order mark is not part of the first row
    }
    if (skipping) {
      char* nl = static_cast<char*>(std::memchr(begin, '\n', fill));
      if (!nl) {
        offset += fill;
        fill = 0;
        continue;
      }
      begin = nl + 1;
      skipping = false;
    }
    // Scan up to the last newline (or everything at the end of input) and
    // keep the partial line for the next read.
    char* stop = end;
    if (!eof) {
      stop = nullptr;
      for (char* p = end; p > begin; --p) {
        if (p[-1] == '\n') {
          stop = p;
          break;
        }
      }
    }
    if (!stop) {
      if (fill == cap) {  // no newline in a full buffer: the line is too long
        size_t kept = ctx->out->rejects.size();
        ctx->Reject(RejectReason::kLineTooLong, begin, static_cast<size_t>(end - begin),
                    "over " + std::to_string(cap) + " bytes");
        if (ctx->out->rejects.size() > kept) {
          ctx->out->rejects.back().byte_offset = offset + static_cast<uint64_t>(begin - buf.get());
        }
        offset += fill;
        fill = 0;
        skipping = true;
      }
      continue;
    }
    // The kernel reads whole 64-byte blocks: pad with zeros, then restore
    // the bytes of the partial line the padding covered.
    char saved[64];
    std::memcpy(saved, stop, 64);
    std::memset(stop, 0, 64);
    ctx->base_offset = offset + static_cast<uint64_t>(begin - buf.get());
    if (begin < stop) RunKernel(ctx, begin, stop);
    std::memcpy(stop, saved, 64);
    if (counters) {
      uint64_t bytes = counters->bytes.fetch_add(got) + got;
      uint64_t lines = counters->lines.fetch_add(ctx->next_line - lines_before) + (ctx->next_line - lines_before);
      if (progress) progress(bytes, lines);
    }
    size_t rest = static_cast<size_t>(end - stop);
    std::memmove(buf.get(), stop, rest);
    offset += static_cast<uint64_t>(stop - buf.get());
    fill = rest;
  }
  return Status::Ok();
}

// Adds `from` into `into`, remapping `from`'s unusual country codes.
void Merge(ScanResult* into, ScanResult&& from, uint64_t line_shift) {
  std::vector<CodeId> remap = into->codes.Absorb(from.codes);
  auto fix = [&](CodeId id) { return CodeBook::IsPacked(id) || id >= remap.size() ? id : remap[id]; };
  from.dyads.ForEach([&](uint64_t key, const EventTotals& t) {
    DyadKey k = DyadKey::Unpack(key);
    k.src = fix(k.src);
    k.dst = fix(k.dst);
    into->dyads.At(k.Pack()).Add(t);
  });
  for (const auto& [key, n] : from.country_months) {
    DyadKey k = DyadKey::Unpack(key);
    k.src = fix(k.src);
    into->country_months[k.Pack()] += n;
  }
  into->bytes += from.bytes;
  into->lines += from.lines;
  into->rows_ok += from.rows_ok;
  for (int i = 0; i < static_cast<int>(RejectReason::kCount); ++i) into->rejects_by_reason[i] += from.rejects_by_reason[i];
  for (Reject& r : from.rejects) {
    if (into->rejects.size() >= 1000000) break;
    r.line += line_shift;
    into->rejects.push_back(std::move(r));
  }
  for (FollowedEvent& e : from.followed) {
    e.line += line_shift;
    into->followed.push_back(std::move(e));
  }
}

}  // namespace

bool GdeltScannerUsesAvx2() { return CpuHasAvx2(); }

std::unique_ptr<ScanResult> ScanGdeltBytes(std::string_view bytes, const ScanOptions& o) {
  std::string padded(bytes);
  padded.append(64, '\0');
  return ScanGdeltPaddedBytes(std::string_view(padded).substr(0, bytes.size()), o);
}

std::unique_ptr<ScanResult> ScanGdeltPaddedBytes(std::string_view bytes, const ScanOptions& o) {
  auto out = std::make_unique<ScanResult>();
  // A 15-minute file has a few hundred groups: start its table small (a
  // group per 4 KiB of input; it grows where a file has more).
  out->dyads = DyadAggregates(bytes.size() / 4096);
  GdeltVersion v = o.version == GdeltVersion::kAuto ? DetectVersion(bytes.substr(0, 1 << 16)) : o.version;
  out->version = v;
  internal::ScanContext ctx = MakeContext(o, out.get(), v);
  out->bytes = bytes.size();
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {  // as StreamLines: offsets count the mark, rows do not
    bytes.remove_prefix(3);
    ctx.base_offset = 3;
  }
  RunKernel(&ctx, bytes.data(), bytes.data() + bytes.size());
  ctx.Flush();
  out->lines = ctx.next_line - 1;
  if (out->rejects.size() > o.max_kept_rejects) out->rejects.resize(o.max_kept_rejects);
  return out;
}

Result<std::unique_ptr<ScanResult>> ScanGdeltFile(const std::string& path, const ScanOptions& o,
                                                  const ProgressFn& progress) {
  // Version from the first 64 KiB, read through the same source type.
  GdeltVersion version = o.version;
  if (version == GdeltVersion::kAuto) {
    BILAT_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> head_src, OpenByteSource(path));
    std::string head(1 << 16, '\0');
    size_t have = 0;
    while (have < head.size()) {
      BILAT_ASSIGN_OR_RETURN(size_t got, head_src->Read(head.data() + have, head.size() - have));
      if (!got) break;
      have += got;
    }
    head.resize(have);
    if (have > 0 && std::memchr(head.data(), '\0', have)) {
      return Status::InvalidArgument(path + ": binary data, not a GDELT event file (tab-separated text)");
    }
    version = DetectVersion(head);
  }
  ProgressCounters done;
  auto out = std::make_unique<ScanResult>();
  out->version = version;
  const bool plain = IsPlainFile(path);
  int threads = plain ? std::max(1, o.threads) : 1;
  if (!plain) {
    BILAT_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> src, OpenByteSource(path));
    internal::ScanContext ctx = MakeContext(o, out.get(), version);
    std::vector<char> buffer;
    BILAT_RETURN_IF_ERROR(StreamLines(src.get(), &ctx, o, 0, &done, progress, &buffer));
    ctx.Flush();
    out->lines = ctx.next_line - 1;
    std::sort(out->rejects.begin(), out->rejects.end(), [](const Reject& a, const Reject& b) { return a.line < b.line; });
    if (out->rejects.size() > o.max_kept_rejects) out->rejects.resize(o.max_kept_rejects);
    return out;
  }
  // Plain files: cut into chunks of kHashBlockBytes that the threads take in
  // turn, so a thread slowed by the machine does not hold the rest up. A
  // chunk owns the lines that start inside its block; it reads from one byte
  // before the block (to see whether a line starts at the block's first
  // byte) to the end of its last line, and hashes exactly its block, so the
  // file's content hash comes out of the same pass. Aggregates go to each
  // thread's tables; line numbers, rejects and followed events are kept per
  // chunk and made file-wide afterwards.
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::NotFound(path + ": cannot open: " + std::strerror(errno));
  const uint64_t size = static_cast<uint64_t>(::lseek(fd, 0, SEEK_END));
  const uint64_t block = kHashBlockBytes;
  const size_t chunks = static_cast<size_t>(std::max<uint64_t>(1, (size + block - 1) / block));
  // line_start[c]: the first line start at or after c * block.
  std::vector<uint64_t> line_start(chunks + 1, size);
  line_start[0] = 0;
  for (size_t c = 1; c < chunks; ++c) {
    const uint64_t at = c * block - 1;  // a line starts at c * block if this byte is '\n'
    char probe[65536];
    for (uint64_t pos = at; pos < size;) {
      ssize_t got = ::pread(fd, probe, sizeof probe, static_cast<off_t>(pos));
      if (got <= 0) break;
      const char* nl = static_cast<const char*>(std::memchr(probe, '\n', static_cast<size_t>(got)));
      if (nl) {
        line_start[c] = pos + static_cast<uint64_t>(nl - probe) + 1;
        break;
      }
      pos += static_cast<uint64_t>(got);
    }
  }
  ::close(fd);
  struct ChunkOut {
    uint64_t lines = 0;
    std::vector<Reject> rejects;
    std::vector<FollowedEvent> followed;
    BlockDigest digest;
    Status status;
  };
  std::vector<ChunkOut> per_chunk(chunks);
  std::vector<std::unique_ptr<ScanResult>> parts(threads);
  std::atomic<size_t> next{0};
  auto worker = [&](int t) {
    parts[t] = std::make_unique<ScanResult>();
    internal::ScanContext ctx = MakeContext(o, parts[t].get(), version);
    std::vector<char> buffer;
    for (size_t c; (c = next.fetch_add(1)) < chunks;) {
      ChunkOut& co = per_chunk[c];
      const uint64_t read_from = c == 0 ? 0 : c * block - 1;
      // Read to the end of this chunk's last line, and at least the whole block.
      const uint64_t read_to = std::max(std::min(size, (c + 1) * block), line_start[c + 1]);
      auto src = OpenRangeSource(path, read_from, read_to);
      if (!src.ok()) {
        co.status = src.status();
        continue;
      }
      BlockHasher hasher;
      RangeExtras extras;
      extras.hasher = &hasher;
      extras.hash_from = c * block;
      extras.hash_to = std::min(size, (c + 1) * block);
      extras.skip_first_partial_line = c > 0;
      ctx.next_line = 1;
      co.status = StreamLines(src->get(), &ctx, o, read_from, &done, t == 0 ? progress : ProgressFn(), &buffer,
                              extras);
      co.digest = hasher.Digest();
      co.lines = ctx.next_line - 1;
      co.rejects = std::move(parts[t]->rejects);
      parts[t]->rejects.clear();
      co.followed = std::move(parts[t]->followed);
      parts[t]->followed.clear();
    }
    ctx.Flush();
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker, t);
  for (auto& th : pool) th.join();
  // The first thread's tables become the result (no rebuild of the largest
  // table); the others are added into them.
  for (ChunkOut& co : per_chunk) BILAT_RETURN_IF_ERROR(co.status);
  out = std::move(parts[0]);
  out->version = version;
  for (int t = 1; t < threads; ++t) Merge(out.get(), std::move(*parts[t]), 0);
  std::vector<BlockDigest> digests;
  for (const ChunkOut& co : per_chunk) digests.push_back(co.digest);
  out->content_hash = CombineBlockDigests(digests, size);
  uint64_t shift = 0;
  for (ChunkOut& co : per_chunk) {
    for (Reject& r : co.rejects) {
      r.line += shift;
      if (out->rejects.size() < o.max_kept_rejects) out->rejects.push_back(std::move(r));
    }
    for (FollowedEvent& e : co.followed) {
      e.line += shift;
      out->followed.push_back(std::move(e));
    }
    shift += co.lines;
  }
  out->lines = shift;
  return out;
}

}  // namespace bilat::ingest
