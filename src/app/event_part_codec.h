// Event parts as bytes, so that a part scanned on one machine (a Dask
// worker) can be merged into a workspace on another: MessagePack of a
// versioned map (docs/formats/event_part.md). Decoding checks every field's
// type and says which one is wrong; it never trusts the bytes.
#ifndef BILAT_APP_EVENT_PART_CODEC_H_
#define BILAT_APP_EVENT_PART_CODEC_H_

#include <string>
#include <string_view>

#include "app/event_parts.h"
#include "core/status.h"

namespace bilat::app {

inline constexpr int kEventPartVersion = 1;

std::string EncodeEventPart(const EventPart& part);
Result<EventPart> DecodeEventPart(std::string_view bytes);

}  // namespace bilat::app

#endif  // BILAT_APP_EVENT_PART_CODEC_H_
