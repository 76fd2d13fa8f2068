#include "app/query_events.h"

#include "ingest/events/event_lookups.h"
#include "store/workspace.h"

namespace bilat::app {

Result<EventsAnswer> QueryEvents(const EventsQuery& q, const CountryRegistry& countries) {
  BILAT_ASSIGN_OR_RETURN(const Country* a, countries.Resolve(q.a));
  BILAT_ASSIGN_OR_RETURN(const Country* b, countries.Resolve(q.b));
  if (q.series.dataset != "gdelt" && q.series.dataset != "icews" && q.series.dataset != "text") {
    return Status::InvalidArgument("unknown event dataset '" + q.series.dataset + "' (use gdelt, icews or text)");
  }
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(q.workspace));
  EventsAnswer out;
  BILAT_ASSIGN_OR_RETURN(out.ab, measure::LoadEventSeries(ws->db(), a->alpha3, b->alpha3, q.series));
  BILAT_ASSIGN_OR_RETURN(out.ba, measure::LoadEventSeries(ws->db(), b->alpha3, a->alpha3, q.series));
  return out;
}

Result<TopEventsAnswer> QueryTopEvents(const TopEventsQuery& q, const CountryRegistry& countries) {
  BILAT_ASSIGN_OR_RETURN(const Country* a, countries.Resolve(q.a));
  BILAT_ASSIGN_OR_RETURN(const Country* b, countries.Resolve(q.b));
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::OpenForReading(q.workspace));
  BILAT_ASSIGN_OR_RETURN(bool followed, store::IsFollowed(ws->db(), a->alpha3, b->alpha3));
  if (!followed) {
    return Status::FailedPrecondition("whole events are kept only for followed pairs: run 'bilat follow " +
                                      a->alpha3 + " " + b->alpha3 + "' and ingest the event files again");
  }
  BILAT_ASSIGN_OR_RETURN(auto lookups, ingest::EventLookups::LoadDefault());
  BILAT_ASSIGN_OR_RETURN(std::vector<store::StoredEvent> events,
                         measure::TopEvents(ws->db(), q.dataset, a->alpha3, b->alpha3, q.year, q.limit));
  TopEventsAnswer out;
  for (auto& e : events) {
    TopEvent t;
    const ingest::CameoEventCode* code = lookups->Event(e.event_code);
    t.event_name = code ? code->name : "";
    BILAT_ASSIGN_OR_RETURN(t.file, store::EventFilePath(ws->db(), e.file_id));
    t.event = std::move(e);
    out.events.push_back(std::move(t));
  }
  return out;
}

}  // namespace bilat::app
