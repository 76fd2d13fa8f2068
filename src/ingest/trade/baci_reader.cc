#include "ingest/trade/baci_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "ingest/trade/csv_stream.h"
#include "ingest/trade/load_util.h"

namespace bilat::ingest {
namespace {

using trade_internal::IssueSink;
using trade_internal::JoinNames;
using trade_internal::TrimView;

constexpr size_t kBufferBytes = 8 << 20;
constexpr int kMaxFields = 7;  // one more than t,i,j,k,v,q, to notice extras

// Strips blanks, '\r' and one pair of double quotes around a field.
inline std::string_view Clean(const char* b, const char* e) {
  while (b < e && (*b == ' ' || *b == '\t')) ++b;
  while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) --e;
  if (e - b >= 2 && *b == '"' && e[-1] == '"') ++b, --e;
  return std::string_view(b, static_cast<size_t>(e - b));
}

// Splits [b, e) on commas into at most kMaxFields fields; returns the count
// (kMaxFields means "more than six").
inline int Split(const char* b, const char* e, std::string_view* out) {
  int n = 0;
  while (true) {
    const char* comma = static_cast<const char*>(std::memchr(b, ',', static_cast<size_t>(e - b)));
    const char* end = comma ? comma : e;
    out[n++] = Clean(b, end);
    if (!comma || n == kMaxFields) return n;
    b = comma + 1;
  }
}

// Non-negative decimal integer of at most 9 digits.
inline bool ParseDigits(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 9) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

inline bool ParseReal(std::string_view s, double* out) {
  if (s.empty()) return false;
  const char* b = s.data();
  const char* e = b + s.size();
  if (*b == '+') ++b;
  if (b == e || !((*b >= '0' && *b <= '9') || *b == '.' || *b == '-')) return false;
  auto [p, ec] = std::from_chars(b, e, *out);
  return ec == std::errc() && p == e;
}

// Open-addressing map from a packed (t,i,j,k) key to the first line it was
// seen on: 12 bytes a slot, so a full BACI year needs about 200 MB.
class KeyLineTable {
 public:
  KeyLineTable() { Reset(1 << 10); }

  // Returns 0 if `key` is new (and records `line`), else the earlier line.
  uint64_t Insert(uint64_t key, uint64_t line) {
    if ((size_ + 1) * 10 > keys_.size() * 7) Grow();
    size_t i = Slot(key);
    while (keys_[i] != kEmpty) {
      if (keys_[i] == key) return lines_[i];
      i = (i + 1) & mask_;
    }
    keys_[i] = key;
    lines_[i] = static_cast<uint32_t>(line > UINT32_MAX ? UINT32_MAX : line);
    ++size_;
    return 0;
  }

 private:
  static constexpr uint64_t kEmpty = ~0ull;
  size_t Slot(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift_; }
  void Reset(size_t capacity) {
    keys_.assign(capacity, kEmpty);
    lines_.assign(capacity, 0);
    mask_ = capacity - 1;
    shift_ = 64 - __builtin_ctzll(capacity);
    size_ = 0;
  }
  void Grow() {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<uint32_t> lines = std::move(lines_);
    Reset(keys.size() * 2);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == kEmpty) continue;
      size_t s = Slot(keys[i]);
      while (keys_[s] != kEmpty) s = (s + 1) & mask_;
      keys_[s] = keys[i];
      lines_[s] = lines[i];
      ++size_;
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> lines_;
  size_t mask_ = 0;
  int shift_ = 0;
  size_t size_ = 0;
};

// Finds rows repeating an earlier (t,i,j,k). BACI publishes its files sorted
// by (i, j, k), so while keys keep increasing a duplicate can only be the
// previous row, and keys are appended to a sorted array (sequential writes,
// 12 bytes a row). After the first key out of order, a key is looked up in
// that array by binary search and in a hash table of the later keys.
class DuplicateIndex {
 public:
  explicit DuplicateIndex(size_t expected_rows) {
    // Reserving only maps address space: untouched pages cost no memory.
    sorted_keys_.reserve(expected_rows);
    sorted_lines_.reserve(expected_rows);
  }

  // Returns 0 if `key` is new (and records it), else the line it was first on.
  uint64_t Insert(uint64_t key, uint64_t line) {
    if (sorted_) {
      if (sorted_keys_.empty() || key > sorted_keys_.back()) {
        sorted_keys_.push_back(key);
        sorted_lines_.push_back(static_cast<uint32_t>(std::min<uint64_t>(line, UINT32_MAX)));
        return 0;
      }
      if (key == sorted_keys_.back()) return sorted_lines_.back();
      sorted_ = false;
    }
    auto it = std::lower_bound(sorted_keys_.begin(), sorted_keys_.end(), key);
    if (it != sorted_keys_.end() && *it == key) return sorted_lines_[it - sorted_keys_.begin()];
    return rest_.Insert(key, line);
  }

 private:
  bool sorted_ = true;
  std::vector<uint64_t> sorted_keys_;
  std::vector<uint32_t> sorted_lines_;
  KeyLineTable rest_;
};

class BaciParser {
 public:
  BaciParser(const BaciCodes& codes, const std::function<void(const TradeFlow&)>& on_flow,
             TradeLoadResult* summary, IssueSink* sink, size_t expected_rows)
      : codes_(codes), on_flow_(on_flow), summary_(summary), sink_(*sink), seen_(expected_rows) {
    flow_.flow = TradeFlow::Flow::kExport;
    flow_.quantity_unit = "t";
  }

  // One physical line without its '\n'. Returns a refusal for a bad header.
  Status Line(const char* b, const char* e, uint64_t line) {
    if (line == 1 && e - b >= 3 && std::memcmp(b, "\xEF\xBB\xBF", 3) == 0) b += 3;
    std::string_view f[kMaxFields];
    int n = Split(b, e, f);
    if (n == 1 && f[0].empty()) return Status::Ok();  // blank line
    if (!have_header_) {
      have_header_ = true;
      static const char* kNames[] = {"t", "i", "j", "k", "v", "q"};
      bool ok = n == 6;
      for (int c = 0; ok && c < 6; ++c) ok = f[c] == kNames[c];
      if (ok) return Status::Ok();
      std::vector<std::string> found;
      for (int c = 0; c < n; ++c) found.emplace_back(f[c]);
      return Status::InvalidArgument(sink_.file() + ":" + std::to_string(line) +
                                     ": unknown BACI layout; columns found: " + JoinNames(found) +
                                     (n == kMaxFields ? ", ..." : "") +
                                     "; layout expected: baci (t, i, j, k, v, q)");
    }
    ++summary_->rows_read;
    if (n != 6) {
      sink_.Add(line, "",
                (n == kMaxFields ? std::string("more than 6") : std::to_string(n)) +
                    " fields where t,i,j,k,v,q needs 6; row skipped");
      return Status::Ok();
    }
    int64_t t, i, j, k;
    if (!ParseDigits(f[0], &t) || t < kMinTradeYear || t > kMaxTradeYear) {
      sink_.Add(line, "t", "impossible year '" + std::string(f[0]) + "'; row skipped");
      return Status::Ok();
    }
    if (!CountryOf(f[1], "exporter", "i", line, &i) ||
        !CountryOf(f[2], "importer", "j", line, &j)) {
      return Status::Ok();
    }
    if (!ParseDigits(f[3], &k) || f[3].size() < 5 || f[3].size() > 6) {
      sink_.Add(line, "k",
                "product '" + std::string(f[3]) + "' is not a six-digit HS code; row skipped");
      return Status::Ok();
    }
    if (!ParseReal(f[4], &flow_.value_usd)) {
      sink_.Add(line, "v",
                (f[4].empty() ? std::string("missing value")
                              : "malformed value '" + std::string(f[4]) + "'") +
                    "; row skipped",
                "v is thousands of US dollars, a plain decimal number");
      return Status::Ok();
    }
    if (flow_.value_usd < 0) {
      sink_.Add(line, "v", "negative value " + std::string(f[4]) + "; row skipped");
      return Status::Ok();
    }
    uint64_t key = (static_cast<uint64_t>(t - kMinTradeYear) << 40) |
                   (static_cast<uint64_t>(i) << 30) | (static_cast<uint64_t>(j) << 20) |
                   static_cast<uint64_t>(k);
    if (uint64_t first = seen_.Insert(key, line); first != 0) {
      sink_.Add(
          line, "",
          "duplicate row: same t, i, j, k as line " + std::to_string(first) + "; row skipped");
      return Status::Ok();
    }
    flow_.value_usd *= 1000.0;  // v is in thousands of US dollars
    flow_.year = static_cast<int>(t);
    flow_.reporter = codes_.Country(static_cast<int>(i));
    flow_.partner = codes_.Country(static_cast<int>(j));
    if (f[3].size() == 5) {
      flow_.product.assign(1, '0');
      flow_.product.append(f[3]);
      sink_.Add(line, "k",
                "product '" + std::string(f[3]) + "' has five digits; read as '" + flow_.product +
                    "'; row kept",
                "a tool probably read k as a number: keep HS codes as text");
    } else {
      flow_.product.assign(f[3]);
    }
    if (codes_.has_products() && !codes_.Product(flow_.product)) {
      sink_.Add(line, "k",
                "product " + flow_.product + " is not in the product code file; row kept");
    }
    std::string_view q = f[5];
    flow_.quantity.reset();
    if (!q.empty() && q != "NA") {
      double qv;
      if (!ParseReal(q, &qv)) {
        sink_.Add(line, "q",
                  "malformed quantity '" + std::string(q) + "'; row kept without quantity");
      } else if (qv < 0) {
        sink_.Add(line, "q", "negative quantity " + std::string(q) + "; row kept without quantity");
      } else {
        flow_.quantity = qv;
      }
    }
    flow_.line = line;
    on_flow_(flow_);
    return Status::Ok();
  }

 private:
  bool CountryOf(std::string_view text, const char* role, const char* field, uint64_t line,
                 int64_t* code) {
    if (!ParseDigits(text, code) || *code > 999) {
      sink_.Add(
          line, field,
          std::string("malformed ") + role + " code '" + std::string(text) + "'; row skipped");
      return false;
    }
    if (codes_.Country(static_cast<int>(*code)).empty()) {
      sink_.Add(line, field,
                std::string("unknown ") + role + " code " + std::string(text) +
                    " (not in the BACI country code file); row skipped",
                "use the country code file of the same BACI release");
      return false;
    }
    const int c = static_cast<int>(*code);
    if (codes_.IsPlaceholder(c) && !noted_[c]) {
      noted_[c] = true;
      sink_.Add(line, field,
                "BACI code " + std::to_string(c) + " (" + codes_.Name(c) +
                    ") has no ISO 3166 code in BACI's code file; its rows are kept under " + codes_.Country(c) +
                    " (noted once per file)",
                c == 490 ? "490 stands, in practice, for Taiwan" : "");
    }
    return true;
  }

  const BaciCodes& codes_;
  const std::function<void(const TradeFlow&)>& on_flow_;
  TradeLoadResult* summary_;
  IssueSink& sink_;
  TradeFlow flow_;
  std::array<bool, 1000> noted_{};  // placeholder codes already noted
  DuplicateIndex seen_;
  bool have_header_ = false;
};

}  // namespace

Result<BaciCodes> BaciCodes::LoadCountries(const std::string& path, const std::string& label) {
  BaciCodes codes;
  int code_col = -1, iso_col = -1, name_col = -1;
  bool header = false;
  Status bad;
  Status st = StreamCsvFile(path, label, [&](const CsvRecord& rec) {
    if (!header) {
      header = true;
      std::vector<std::string> names;
      for (size_t c = 0; c < rec.fields.size(); ++c) {
        std::string_view name = TrimView(rec.fields[c]);
        names.emplace_back(name);
        if (name == "country_name_abbreviation" || (name == "country_name" && name_col < 0)) {
          name_col = static_cast<int>(c);
        }
        if (name == "country_code") code_col = static_cast<int>(c);
        if (name == "iso_3digit_alpha" || name == "country_iso3") iso_col = static_cast<int>(c);
      }
      if (code_col < 0 || iso_col < 0) {
        bad = Status::InvalidArgument(
            label + ":" + std::to_string(rec.line) +
            ": not a BACI country code file; columns found: " + JoinNames(names) +
            "; expected country_code and iso_3digit_alpha (or country_iso3)");
        return false;
      }
      return true;
    }
    int64_t code = 0;
    size_t need = static_cast<size_t>(std::max(code_col, iso_col));
    if (rec.fields.size() <= need || !trade_internal::ParseInt(rec.fields[code_col], &code) ||
        code < 0 || code > 999) {
      bad = Status::InvalidArgument(
          label + ":" + std::to_string(rec.line) +
          ": malformed country code row (expected a code 0-999 and an ISO3)");
      return false;
    }
    std::string_view iso = TrimView(rec.fields[iso_col]);
    if (name_col >= 0 && rec.fields.size() > static_cast<size_t>(name_col)) {
      codes.names_[code] = std::string(TrimView(rec.fields[name_col]));
    }
    if (iso.size() == 3 && iso != "N/A") {
      codes.iso3_[code] = std::string(iso);
    } else if (iso == "N/A") {
      char placeholder[8];
      std::snprintf(placeholder, sizeof placeholder, "B%03d", static_cast<int>(code));
      codes.iso3_[code] = placeholder;
      codes.placeholder_[code] = true;
    }
    return true;
  });
  BILAT_RETURN_IF_ERROR(bad);
  BILAT_RETURN_IF_ERROR(st);
  if (codes.country_count() == 0) return Status::InvalidArgument(label + ": no country codes");
  return codes;
}

Status BaciCodes::LoadProducts(const std::string& path, const std::string& label) {
  int code_col = -1, desc_col = -1;
  bool header = false;
  Status bad;
  Status st = StreamCsvFile(path, label, [&](const CsvRecord& rec) {
    if (!header) {
      header = true;
      for (size_t c = 0; c < rec.fields.size(); ++c) {
        std::string_view name = TrimView(rec.fields[c]);
        if (name == "code") code_col = static_cast<int>(c);
        if (name == "description") desc_col = static_cast<int>(c);
      }
      if (code_col < 0) {
        bad = Status::InvalidArgument(label + ":" + std::to_string(rec.line) +
                                      ": not a BACI product code file (no 'code' column)");
        return false;
      }
      return true;
    }
    if (rec.fields.size() <= static_cast<size_t>(code_col)) return true;
    std::string code(TrimView(rec.fields[code_col]));
    if (code.size() == 5) code = "0" + code;
    std::string desc = desc_col >= 0 && rec.fields.size() > static_cast<size_t>(desc_col)
                           ? std::string(rec.fields[desc_col])
                           : std::string();
    products_[code] = std::move(desc);
    return true;
  });
  BILAT_RETURN_IF_ERROR(bad);
  return st;
}

void BaciCodes::SetCountry(int code, std::string iso3) {
  if (code >= 0 && code < 1000) iso3_[code] = std::move(iso3);
}

const std::string& BaciCodes::Country(int code) const {
  static const std::string kNone;
  return code >= 0 && code < 1000 ? iso3_[code] : kNone;
}

const std::string* BaciCodes::Product(std::string_view code) const {
  auto it = products_.find(std::string(code));
  return it == products_.end() ? nullptr : &it->second;
}

size_t BaciCodes::country_count() const {
  size_t n = 0;
  for (const auto& s : iso3_) n += !s.empty();
  return n;
}

Status ReadBaci(const std::string& path, const BaciCodes& codes,
                const std::function<void(const TradeFlow&)>& on_flow, TradeLoadResult* summary,
                const BaciOptions& options) {
  const std::string& label = options.label.empty() ? path : options.label;
  summary->layout = "baci";
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Status::IoError(label + ": cannot open for reading");
  IssueSink sink(label, options.limits, &summary->issues, &summary->issues_suppressed);
  // A BACI row is at least 20 bytes ("2019,4,8,010121,1,1\n"): an upper bound.
  size_t expected_rows = 0;
  if (std::fseek(file.get(), 0, SEEK_END) == 0) {
    long bytes = std::ftell(file.get());
    if (bytes > 0) expected_rows = static_cast<size_t>(bytes) / 20 + 16;
    std::rewind(file.get());
  }
  BaciParser parser(codes, on_flow, summary, &sink, expected_rows);
  std::vector<char> buf(kBufferBytes);
  size_t held = 0;  // bytes of an unfinished line at the front of buf
  uint64_t line = 1;
  bool eof = false;
  while (!eof) {
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
      return Status::FailedPrecondition(label + ": reading cancelled");
    }
    size_t n = std::fread(buf.data() + held, 1, buf.size() - held, file.get());
    if (n == 0) {
      if (std::ferror(file.get())) return Status::IoError(label + ": read failed");
      eof = true;
    }
    const char* p = buf.data();
    const char* end = buf.data() + held + n;
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
      if (!nl) {
        // Keep the partial line for the next read, unless the file ended or
        // the line fills the whole buffer (then it is handled as it is).
        if (!eof && p != buf.data()) break;
        if (!eof && held + n < buf.size()) break;
        nl = end;
      }
      BILAT_RETURN_IF_ERROR(parser.Line(p, nl, line));
      ++line;
      p = nl < end ? nl + 1 : end;
    }
    held = static_cast<size_t>(end - p);
    if (held > 0 && p != buf.data()) std::memmove(buf.data(), p, held);
    if (eof && held > 0) {
      BILAT_RETURN_IF_ERROR(parser.Line(buf.data(), buf.data() + held, line));
      held = 0;
    }
  }
  return Status::Ok();
}

Result<TradeLoadResult> LoadBaci(const std::string& path, const BaciCodes& codes,
                                 const BaciOptions& options) {
  TradeLoadResult result;
  std::vector<TradeFlow>* flows = &result.flows;
  // BACI rows average about 30 bytes; reserving by the file size saves the
  // copies (and the doubled peak) of growing a vector of millions of flows.
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    if (std::fseek(f, 0, SEEK_END) == 0) {
      long bytes = std::ftell(f);
      if (bytes > 0) flows->reserve(static_cast<size_t>(bytes) / 30);
    }
    std::fclose(f);
  }
  BILAT_RETURN_IF_ERROR(ReadBaci(
      path, codes, [flows](const TradeFlow& f) { flows->push_back(f); }, &result, options));
  return result;
}

}  // namespace bilat::ingest
