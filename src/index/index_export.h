// The index rows as JSON and as a table (header first), in the formats of
// docs/formats/index_json.md: what `bilat index --format json|csv` prints
// and what the site offers for download.
#ifndef BILAT_INDEX_INDEX_EXPORT_H_
#define BILAT_INDEX_INDEX_EXPORT_H_

#include <string>
#include <vector>

#include "index/relations_index.h"

namespace bilat::index {

std::string IndexRowsJson(const std::vector<const IndexRow*>& rows, Normalisation normalisation);
std::vector<std::vector<std::string>> IndexRowsTable(const std::vector<const IndexRow*>& rows,
                                                     Normalisation normalisation);

}  // namespace bilat::index

#endif  // BILAT_INDEX_INDEX_EXPORT_H_
