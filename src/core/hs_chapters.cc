#include "core/hs_chapters.h"

#include <cstdlib>
#include <fstream>
#include <map>

namespace bilat {
namespace {

std::map<std::string, std::string, std::less<>> Load() {
  std::map<std::string, std::string, std::less<>> names;
  const char* dir = std::getenv("BILAT_DATA_DIR");
  std::ifstream in(std::string(dir && *dir ? dir : BILAT_DATA_DIR_DEFAULT) + "/hs_chapters.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string name = line.substr(tab + 1);
    if (!name.empty() && name.back() == '\r') name.pop_back();
    names.emplace(line.substr(0, tab), name);
  }
  return names;
}

}  // namespace

std::string HsChapterName(std::string_view chapter) {
  static const auto* names = new std::map<std::string, std::string, std::less<>>(Load());
  auto it = names->find(chapter);
  return it == names->end() ? std::string() : it->second;
}

}  // namespace bilat
