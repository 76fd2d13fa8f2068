#include "app/event_part_codec.h"

#include <nlohmann/json.hpp>

namespace bilat::app {
namespace {

using nlohmann::json;

json EncodeDyad(const store::DyadMonth& d) {
  return json::array({d.src, d.dst, d.month, d.root, d.events, d.q[0], d.q[1], d.q[2], d.q[3], d.goldstein_sum,
                      d.mentions, d.sources, d.articles, d.tone_x_mentions});
}

store::DyadMonth DecodeDyad(const json& j) {
  if (!j.is_array() || j.size() != 14) throw std::invalid_argument("a dyad row must be an array of 14 values");
  store::DyadMonth d;
  d.src = j[0].get<std::string>();
  d.dst = j[1].get<std::string>();
  d.month = j[2].get<int>();
  d.root = j[3].get<bool>();
  d.events = j[4].get<uint64_t>();
  for (int q = 0; q < 4; ++q) d.q[q] = j[5 + q].get<uint64_t>();
  d.goldstein_sum = j[9].get<double>();
  d.mentions = j[10].get<uint64_t>();
  d.sources = j[11].get<uint64_t>();
  d.articles = j[12].get<uint64_t>();
  d.tone_x_mentions = j[13].get<double>();
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
  e.event_id = j.at("id").get<int64_t>();
  e.date = j.at("date").get<std::string>();
  e.month = j.at("month").get<int>();
  e.src = j.at("src").get<std::string>();
  e.dst = j.at("dst").get<std::string>();
  e.actor1_code = j.at("a1code").get<std::string>();
  e.actor1_name = j.at("a1name").get<std::string>();
  e.actor2_code = j.at("a2code").get<std::string>();
  e.actor2_name = j.at("a2name").get<std::string>();
  e.root = j.at("root").get<bool>();
  e.event_code = j.at("code").get<std::string>();
  e.quad_class = j.at("quad").get<int>();
  e.goldstein = j.at("goldstein").get<double>();
  e.mentions = j.at("mentions").get<int64_t>();
  e.sources = j.at("sources").get<int64_t>();
  e.articles = j.at("articles").get<int64_t>();
  if (!j.at("tone").is_null()) e.avg_tone = j.at("tone").get<double>();
  e.place = j.at("place").get<std::string>();
  e.place_country = j.at("place_country").get<std::string>();
  e.source_url = j.at("url").get<std::string>();
  e.line = j.at("line").get<uint64_t>();
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
    const int state = j.at("state").get<int>();
    if (state < 0 || state > static_cast<int>(EventFileOutcome::State::kFailed)) {
      throw std::invalid_argument("unknown state " + std::to_string(state));
    }
    o.state = static_cast<EventFileOutcome::State>(state);
    o.error = j.at("error").get<std::string>();
    const int code = j.at("error_code").get<int>();
    if (code < 0 || code > static_cast<int>(StatusCode::kBusy)) throw std::invalid_argument("unknown error code");
    o.error_code = static_cast<StatusCode>(code);
    o.path = j.at("path").get<std::string>();
    o.format = j.at("format").get<std::string>();
    const json& counts = j.at("counts");
    o.bytes = counts.at(0).get<uint64_t>();
    o.lines = counts.at(1).get<uint64_t>();
    o.rows_ok = counts.at(2).get<uint64_t>();
    o.rows_rejected = counts.at(3).get<uint64_t>();
    o.unresolved_names = counts.at(4).get<uint64_t>();
    o.rejects_by_reason = j.at("rejects_by_reason").get<std::vector<std::pair<std::string, uint64_t>>>();
    o.sample_rejects = j.at("sample_rejects").get<std::vector<std::string>>();
    o.seconds = j.at("seconds").at(0).get<double>();
    o.seconds_hash = j.at("seconds").at(1).get<double>();
    o.seconds_scan = j.at("seconds").at(2).get<double>();
    where = "file";
    const json& f = j.at("file");
    b.file.content_hash = f.at("hash").get<std::string>();
    b.file.path = f.at("path").get<std::string>();
    b.file.dataset = f.at("dataset").get<std::string>();
    b.file.format = f.at("format").get<std::string>();
    b.file.file_size = f.at("size").get<uint64_t>();
    b.file.file_mtime_ns = f.at("mtime_ns").get<int64_t>();
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
    size_t i = 0;
    for (const json& d : j.at("dyads")) {
      where = "dyad row " + std::to_string(i++);
      b.dyads.push_back(DecodeDyad(d));
    }
    i = 0;
    for (const json& c : j.at("countries")) {
      where = "country row " + std::to_string(i++);
      b.countries.push_back({c.at(0).get<std::string>(), c.at(1).get<int>(), c.at(2).get<uint64_t>()});
    }
    i = 0;
    for (const json& e : j.at("events")) {
      where = "event " + std::to_string(i++);
      b.events.push_back(DecodeEvent(e));
    }
    i = 0;
    for (const json& r : j.at("rejects")) {
      where = "reject " + std::to_string(i++);
      b.rejects.push_back({r.at(0).get<uint64_t>(), r.at(1).get<uint64_t>(), r.at(2).get<std::string>(),
                           r.at(3).get<std::string>(), r.at(4).get<std::string>()});
    }
  } catch (const std::exception& e) {
    return Status::InvalidArgument("not a valid bilat event part (" + where + "): " + e.what());
  }
  o.dyad_groups = b.dyads.size();
  return p;
}

}  // namespace bilat::app
