#include "ingest/events/mentions_reader.h"

#include "core/text.h"
#include "ingest/events/line_reader.h"

namespace bilat::ingest {

uint64_t MentionsResult::rows_rejected() const {
  uint64_t n = 0;
  for (uint64_t c : rejects_by_reason) n += c;
  return n;
}

Result<MentionsResult> ReadGdeltMentionsFile(const std::string& path, const std::unordered_set<int64_t>& wanted,
                                             const ScanOptions& o) {
  BILAT_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> src, OpenByteSource(path));
  LineReader reader(std::move(src), o.max_line_bytes);
  MentionsResult out;
  Line line;
  auto reject = [&](RejectReason reason, std::string detail) {
    ++out.rejects_by_reason[static_cast<int>(reason)];
    if (out.rejects.size() >= o.max_kept_rejects) return;
    out.rejects.push_back({line.number, line.byte_offset, reason, std::move(detail), std::string(line.text.substr(0, 300))});
  };
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool more, reader.Next(&line));
    if (!more) break;
    if (line.too_long) {
      reject(RejectReason::kLineTooLong, "");
      continue;
    }
    if (line.text.empty()) continue;
    if (!IsValidUtf8(line.text)) {
      reject(RejectReason::kInvalidUtf8, "");
      continue;
    }
    std::vector<std::string_view> f = Split(line.text, '\t');
    if (f.size() != 16) {
      reject(RejectReason::kColumnCount, std::to_string(f.size()) + " fields, expected 16 (GDELT 2.0 mentions)");
      continue;
    }
    auto id = ParseInteger(f[0]);
    auto when = ParseInteger(f[2]);
    auto confidence = ParseInteger(f[11]);
    if (!id || !when || !confidence) {
      reject(RejectReason::kBadNumber, !id ? "GLOBALEVENTID" : !when ? "MentionTimeDate" : "Confidence");
      continue;
    }
    ++out.rows_ok;
    if (!wanted.count(*id)) continue;
    out.kept.push_back({line.number, *id, *when, std::string(f[4]), std::string(f[5]), static_cast<int>(*confidence)});
  }
  out.bytes = reader.bytes_read();
  out.lines = line.number;
  return out;
}

}  // namespace bilat::ingest
