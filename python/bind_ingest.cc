// Event files scanned into parts and parts merged into a workspace: what
// the Dask driver (python/bilat/dask.py) runs on workers and on the driver,
// and what a notebook uses to look at one file's partial aggregate. Parts
// cross processes as bytes (docs/formats/event_part.md).
#include <pybind11/stl.h>

#include "app/event_part_codec.h"
#include "app/event_parts.h"
#include "app/ingest_events.h"
#include "python/bindings.h"

namespace bilat::python {
namespace {

const char* StateName(app::EventFileOutcome::State s) {
  switch (s) {
    case app::EventFileOutcome::State::kStored: return "stored";
    case app::EventFileOutcome::State::kAlreadyIngested: return "already ingested";
    case app::EventFileOutcome::State::kTooManyRejects: return "too many rejects";
    case app::EventFileOutcome::State::kFailed: return "failed";
  }
  return "?";
}

py::dict Outcome(const app::EventFileOutcome& o) {
  py::dict d;
  d["path"] = o.path;
  d["state"] = StateName(o.state);
  d["format"] = Text(o.format);
  d["bytes"] = o.bytes;
  d["rows_ok"] = o.rows_ok;
  d["rows_rejected"] = o.rows_rejected;
  d["dyad_groups"] = o.dyad_groups;
  d["events_kept"] = o.events_kept;
  d["error"] = Text(o.error);
  return d;
}

app::EventPart Decode(const py::bytes& b) {
  std::string bytes = b;
  return Take(app::DecodeEventPart(bytes));
}

}  // namespace

void BindIngest(py::module_& m) {
  m.def(
      "scan_event_file",
      [](const std::string& path, const std::string& dataset,
         const std::vector<std::pair<std::string, std::string>>& follow, double max_reject_ratio, int threads) {
        std::string bytes;
        {
          py::gil_scoped_release release;
          app::EventScanSetup setup =
              Take(app::MakeEventScanSetup(dataset, follow, threads, max_reject_ratio, Countries()));
          bytes = app::EncodeEventPart(app::ScanEventFile(path, setup));
        }
        return py::bytes(bytes);
      },
      py::arg("path"), py::arg("dataset") = "gdelt", py::arg("follow") = std::vector<std::pair<std::string, std::string>>(),
      py::arg("max_reject_ratio") = 0.01, py::arg("threads") = 1,
      "Scans one event file (GDELT 1.0/2.0 events, ICEWS; plain, .zip, .gz) into a part: bytes to merge into a "
      "workspace with merge_event_parts. `follow`: ISO pairs whose whole events are kept.");
  m.def(
      "decode_event_part",
      [](const py::bytes& part) {
        app::EventPart p = Decode(part);
        py::dict out = Outcome(p.outcome);
        out["content_hash"] = p.batch.file.content_hash;
        Table dyads({"src", "dst", "month", "root", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "mentions",
                     "sources", "articles", "tone_x_mentions"});
        for (const store::DyadMonth& d : p.batch.dyads) {
          dyads.Row({py::cast(d.src), py::cast(d.dst), py::cast(d.month), py::cast(d.root), py::cast(d.events),
                     py::cast(d.q[0]), py::cast(d.q[1]), py::cast(d.q[2]), py::cast(d.q[3]),
                     py::cast(d.goldstein_sum), py::cast(d.mentions), py::cast(d.sources), py::cast(d.articles),
                     py::cast(d.tone_x_mentions)});
        }
        out["dyads"] = dyads.ToDict();
        Table countries({"code", "month", "events"});
        for (const store::CountryMonth& c : p.batch.countries) {
          countries.Row({py::cast(c.code), py::cast(c.month), py::cast(c.events)});
        }
        out["countries"] = countries.ToDict();
        out["events"] = p.batch.events.size();
        out["rejects"] = p.batch.rejects.size();
        return out;
      },
      py::arg("part"), "A part's outcome and its aggregates as dicts of columns (dyads, countries).");
  m.def(
      "merge_event_parts",
      [](const std::string& workspace, const std::vector<py::bytes>& parts) {
        std::vector<std::string> raw(parts.begin(), parts.end());
        app::IngestEventsResult result;
        {
          py::gil_scoped_release release;
          std::vector<app::EventPart> decoded;
          decoded.reserve(raw.size());
          for (const std::string& b : raw) decoded.push_back(Take(app::DecodeEventPart(b)));
          result = Take(app::MergeEventParts(workspace, std::move(decoded)));
        }
        py::list out;
        for (const app::EventFileOutcome& o : result.files) out.append(Outcome(o));
        return out;
      },
      py::arg("workspace"), py::arg("parts"),
      "Merges parts into a workspace in one transaction; a file whose content is stored already (or that comes "
      "twice) is left out. Returns one dict per part.");
  m.def(
      "followed_pairs", [](const std::string& workspace) { return Take(app::FollowedPairsOf(workspace)); },
      py::arg("workspace"), "The ISO pairs the workspace follows (whole events kept).");
  m.def(
      "event_files_seen",
      [](const std::string& workspace, const std::vector<std::string>& paths) {
        return Take(app::EventFilesSeen(workspace, paths));
      },
      py::arg("workspace"), py::arg("paths"),
      "For each path, whether the workspace has ingested that file already (same path, size and time).");
}

}  // namespace bilat::python
