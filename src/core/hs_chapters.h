// Short English names of the Harmonized System's two-digit chapters, for
// report prose ("27" -> "mineral fuels and oils"), read once from
// $BILAT_DATA_DIR/hs_chapters.tsv (format: docs/formats/hs_chapters.md).
#ifndef BILAT_CORE_HS_CHAPTERS_H_
#define BILAT_CORE_HS_CHAPTERS_H_

#include <string>
#include <string_view>

namespace bilat {

// The chapter's name, or "" when the chapter is unknown or the table cannot
// be read (callers then show the code alone).
std::string HsChapterName(std::string_view chapter);

}  // namespace bilat

#endif  // BILAT_CORE_HS_CHAPTERS_H_
