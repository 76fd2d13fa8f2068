#include "app/events_json.h"

#include <nlohmann/json.hpp>

namespace bilat::app {

std::string EventsAnswerJson(const EventsAnswer& answer) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const auto* s : {&answer.ab, &answer.ba}) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& p : s->periods) {
      nlohmann::ordered_json row = {{"period", p.period}, {"events", p.events}, {"q1", p.q[0]}, {"q2", p.q[1]},
                                    {"q3", p.q[2]}, {"q4", p.q[3]}, {"goldstein_mean", p.GoldsteinMean()},
                                    {"net_cooperation", p.NetCooperation()}, {"mentions", p.mentions},
                                    {"sources", p.sources}, {"articles", p.articles}};
      row["tone"] = p.Tone() ? nlohmann::ordered_json(*p.Tone()) : nlohmann::ordered_json();
      row["share_of_src"] = p.ShareOfSrc() ? nlohmann::ordered_json(*p.ShareOfSrc()) : nlohmann::ordered_json();
      row["share_of_dst"] = p.ShareOfDst() ? nlohmann::ordered_json(*p.ShareOfDst()) : nlohmann::ordered_json();
      rows.push_back(row);
    }
    j.push_back({{"src", s->src}, {"dst", s->dst}, {"dataset", s->dataset}, {"periods", rows}});
  }
  return j.dump(2);
}

}  // namespace bilat::app
