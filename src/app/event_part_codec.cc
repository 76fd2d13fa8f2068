#include "app/event_part_codec.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <stdexcept>

namespace bilat::app {
namespace {

using nlohmann::json;

// Numbers read strictly: an integer field must hold an integer in range (a
// float such as 1e300 in its place is refused, never cast).
template <typename T>
T Int(const json& j) {
  if (j.is_number_unsigned()) {
    const uint64_t v = j.get<uint64_t>();
    if (v > static_cast<uint64_t>(std::numeric_limits<T>::max())) throw std::invalid_argument("integer out of range");
    return static_cast<T>(v);
  }
  if (j.is_number_integer()) {
    const int64_t v = j.get<int64_t>();
    if (v < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
        (v > 0 && static_cast<uint64_t>(v) > static_cast<uint64_t>(std::numeric_limits<T>::max()))) {
      throw std::invalid_argument("integer out of range");
    }
    return static_cast<T>(v);
  }
  throw std::invalid_argument("expected an integer, found " + std::string(j.type_name()));
}

double Real(const json& j) {
  if (!j.is_number()) throw std::invalid_argument("expected a number, found " + std::string(j.type_name()));
  return j.get<double>();
}

json EncodeDyad(const store::DyadMonth& d) {
  return json::array({d.src, d.dst, d.month, d.root, d.events, d.q[0], d.q[1], d.q[2], d.q[3], d.goldstein_sum,
                      d.mentions, d.sources, d.articles, d.tone_x_mentions});
}

store::DyadMonth DecodeDyad(const json& j) {
  if (!j.is_array() || j.size() != 14) throw std::invalid_argument("a dyad row must be an array of 14 values");
  store::DyadMonth d;
  d.src = j[0].get<std::string>();
  d.dst = j[1].get<std::string>();
  d.month = Int<int>(j[2]);
  d.root = j[3].get<bool>();
  d.events = Int<uint64_t>(j[4]);
  for (int q = 0; q < 4; ++q) d.q[q] = Int<uint64_t>(j[5 + q]);
  d.goldstein_sum = Real(j[9]);
  d.mentions = Int<uint64_t>(j[10]);
  d.sources = Int<uint64_t>(j[11]);
  d.articles = Int<uint64_t>(j[12]);
  d.tone_x_mentions = Real(j[13]);
  if (d.month < 100000 || d.month > 999912 || d.month % 100 < 1 || d.month % 100 > 12) {
    throw std::invalid_argument("dyad month " + std::to_string(d.month) + " is not YYYYMM");
  }
  return d;
}

json EncodeEvent(const store::StoredEvent& e) {
  return json{{"id", e.event_id},         {"date", e.date},
              {"month", e.month},         {"src", e.src},
              {"dst", e.dst},             {"a1code", e.actor1_code},
              {"a1name", e.actor1_name},  {"a2code", e.actor2_code},
              {"a2name", e.actor2_name},  {"root", e.root},
              {"code", e.event_code},     {"quad", e.quad_class},
              {"goldstein", e.goldstein}, {"mentions", e.mentions},
              {"sources", e.sources},     {"articles", e.articles},
              {"tone", e.avg_tone ? json(*e.avg_tone) : json(nullptr)},
              {"place", e.place},         {"place_country", e.place_country},
              {"url", e.source_url},      {"line", e.line}};
}

store::StoredEvent DecodeEvent(const json& j) {
  store::StoredEvent e;
  e.event_id = Int<int64_t>(j.at("id"));
  e.date = j.at("date").get<std::string>();
  e.month = Int<int>(j.at("month"));
  e.src = j.at("src").get<std::string>();
  e.dst = j.at("dst").get<std::string>();
  e.actor1_code = j.at("a1code").get<std::string>();
  e.actor1_name = j.at("a1name").get<std::string>();
  e.actor2_code = j.at("a2code").get<std::string>();
  e.actor2_name = j.at("a2name").get<std::string>();
  e.root = j.at("root").get<bool>();
  e.event_code = j.at("code").get<std::string>();
  e.quad_class = Int<int>(j.at("quad"));
  e.goldstein = Real(j.at("goldstein"));
  e.mentions = Int<int64_t>(j.at("mentions"));
  e.sources = Int<int64_t>(j.at("sources"));
  e.articles = Int<int64_t>(j.at("articles"));
  if (!j.at("tone").is_null()) e.avg_tone = Real(j.at("tone"));
  e.place = j.at("place").get<std::string>();
  e.place_country = j.at("place_country").get<std::string>();
  e.source_url = j.at("url").get<std::string>();
  e.line = Int<uint64_t>(j.at("line"));
  return e;
}

}  // namespace

std::string EncodeEventPart(const EventPart& p) {
  const EventFileOutcome& o = p.outcome;
  const store::EventFileBatch& b = p.batch;
  json j;
  j["bilat_event_part"] = kEventPartVersion;
  j["state"] = static_cast<int>(o.state);
  j["error"] = o.error;
  j["error_code"] = static_cast<int>(o.error_code);
  j["path"] = o.path;
  j["format"] = o.format;
  j["counts"] = {o.bytes, o.lines, o.rows_ok, o.rows_rejected, o.unresolved_names};
  j["rejects_by_reason"] = o.rejects_by_reason;
  j["sample_rejects"] = o.sample_rejects;
  j["seconds"] = {o.seconds, o.seconds_hash, o.seconds_scan};
  j["file"] = {{"hash", b.file.content_hash}, {"path", b.file.path},   {"dataset", b.file.dataset},
               {"format", b.file.format},     {"size", b.file.file_size}, {"mtime_ns", b.file.file_mtime_ns}};
  json dyads = json::array();
  for (const store::DyadMonth& d : b.dyads) dyads.push_back(EncodeDyad(d));
  j["dyads"] = std::move(dyads);
  json countries = json::array();
  for (const store::CountryMonth& c : b.countries) countries.push_back(json::array({c.code, c.month, c.events}));
  j["countries"] = std::move(countries);
  json events = json::array();
  for (const store::StoredEvent& e : b.events) events.push_back(EncodeEvent(e));
  j["events"] = std::move(events);
  json rejects = json::array();
  for (const store::StoredReject& r : b.rejects) {
    rejects.push_back(json::array({r.line, r.byte_offset, r.reason, r.detail, r.text}));
  }
  j["rejects"] = std::move(rejects);
  std::vector<std::uint8_t> bytes = json::to_msgpack(j);
  return std::string(bytes.begin(), bytes.end());
}

Result<EventPart> DecodeEventPart(std::string_view bytes) {
  json j = json::from_msgpack(bytes.begin(), bytes.end(), /*strict=*/true, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::InvalidArgument("not a bilat event part: the bytes are not a MessagePack map");
  }
  if (!j.contains("bilat_event_part") || !j["bilat_event_part"].is_number_integer()) {
    return Status::InvalidArgument("not a bilat event part: no 'bilat_event_part' version field");
  }
  if (j["bilat_event_part"].get<int>() != kEventPartVersion) {
    return Status::InvalidArgument("event part version " + j["bilat_event_part"].dump() + ", this bilat reads " +
                                   std::to_string(kEventPartVersion) + ": scan and merge with the same bilat version");
  }
  EventPart p;
  EventFileOutcome& o = p.outcome;
  store::EventFileBatch& b = p.batch;
  std::string where = "header";
  try {
    const int state = Int<int>(j.at("state"));
    if (state < 0 || state > static_cast<int>(EventFileOutcome::State::kFailed)) {
      throw std::invalid_argument("unknown state " + std::to_string(state));
    }
    o.state = static_cast<EventFileOutcome::State>(state);
    o.error = j.at("error").get<std::string>();
    const int code = Int<int>(j.at("error_code"));
    if (code < 0 || code > static_cast<int>(StatusCode::kBusy)) throw std::invalid_argument("unknown error code");
    o.error_code = static_cast<StatusCode>(code);
    o.path = j.at("path").get<std::string>();
    o.format = j.at("format").get<std::string>();
    const json& counts = j.at("counts");
    o.bytes = Int<uint64_t>(counts.at(0));
    o.lines = Int<uint64_t>(counts.at(1));
    o.rows_ok = Int<uint64_t>(counts.at(2));
    o.rows_rejected = Int<uint64_t>(counts.at(3));
    o.unresolved_names = Int<uint64_t>(counts.at(4));
    for (const json& r : j.at("rejects_by_reason")) {
      o.rejects_by_reason.emplace_back(r.at(0).get<std::string>(), Int<uint64_t>(r.at(1)));
    }
    o.sample_rejects = j.at("sample_rejects").get<std::vector<std::string>>();
    o.seconds = Real(j.at("seconds").at(0));
    o.seconds_hash = Real(j.at("seconds").at(1));
    o.seconds_scan = Real(j.at("seconds").at(2));
    where = "file";
    const json& f = j.at("file");
    b.file.content_hash = f.at("hash").get<std::string>();
    b.file.path = f.at("path").get<std::string>();
    b.file.dataset = f.at("dataset").get<std::string>();
    b.file.format = f.at("format").get<std::string>();
    b.file.file_size = Int<uint64_t>(f.at("size"));
    b.file.file_mtime_ns = Int<int64_t>(f.at("mtime_ns"));
    b.file.bytes = o.bytes;
    b.file.lines = o.lines;
    b.file.rows_ok = o.rows_ok;
    b.file.rows_rejected = o.rows_rejected;
    if (o.state == EventFileOutcome::State::kStored) {
      if (b.file.content_hash.size() != 32) throw std::invalid_argument("content hash is not 32 hex digits");
      if (b.file.dataset != "gdelt" && b.file.dataset != "icews") {
        throw std::invalid_argument("unknown dataset '" + b.file.dataset + "'");
      }
    }
    // Each list's rows, naming the row being read for the error message.
    auto rows = [&](const char* key, const char* what, auto decode_row) {
      size_t i = 0;
      for (const json& row : j.at(key)) {
        where = std::string(what) + " " + std::to_string(i++);
        decode_row(row);
      }
    };
    rows("dyads", "dyad row", [&](const json& d) { b.dyads.push_back(DecodeDyad(d)); });
    rows("countries", "country row", [&](const json& c) {
      b.countries.push_back({c.at(0).get<std::string>(), Int<int>(c.at(1)), Int<uint64_t>(c.at(2))});
    });
    rows("events", "event", [&](const json& e) { b.events.push_back(DecodeEvent(e)); });
    rows("rejects", "reject", [&](const json& r) {
      b.rejects.push_back({Int<uint64_t>(r.at(0)), Int<uint64_t>(r.at(1)), r.at(2).get<std::string>(),
                           r.at(3).get<std::string>(), r.at(4).get<std::string>()});
    });
  } catch (const std::exception& e) {
    return Status::InvalidArgument("not a valid bilat event part (" + where + "): " + e.what());
  }
  o.dyad_groups = b.dyads.size();
  return p;
}

}  // namespace bilat::app
