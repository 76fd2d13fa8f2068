// Event parts as they arrive from Dask workers (docs/formats/event_part.md):
// bytes from another machine, so the decoder must refuse what is not a part
// without crashing, and a part it accepts must encode and decode back to
// itself.
#include <string>
#include <string_view>

#include "app/event_part_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  bilat::Result<bilat::app::EventPart> part = bilat::app::DecodeEventPart(bytes);
  if (!part.ok()) {
    if (part.status().message().empty()) __builtin_trap();  // a refusal says why
    return 0;
  }
  const std::string once = bilat::app::EncodeEventPart(*part);
  bilat::Result<bilat::app::EventPart> again = bilat::app::DecodeEventPart(once);
  if (!again.ok() || bilat::app::EncodeEventPart(*again) != once) __builtin_trap();
  return 0;
}
