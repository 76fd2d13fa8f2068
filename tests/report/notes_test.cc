// The notes sanitiser on its own (the end-to-end tests render notes through
// a whole report).
#include "report/notes.h"

#include <gtest/gtest.h>

namespace bilat::report {
namespace {

// Found by fuzz_notes: an image inside another image's label was used after
// the outer image (and with it the inner) had been freed. ASan fails this
// test without the fix; in a plain build it may pass by luck.
TEST(SanitizeNotes, ImageInsideAnImageLabelBecomesLinksWithoutUseAfterFree) {
  SafeNotes safe = SanitizeNotes("See ![outer ![inner](https://example.org/i.png)](https://example.org/o.png).\n");
  EXPECT_EQ(safe.html.find("<img"), std::string::npos) << safe.html;
  EXPECT_NE(safe.html.find("image: "), std::string::npos) << safe.html;
  EXPECT_GE(safe.removed, 2);
}

TEST(SanitizeNotes, ScriptsAndScriptLinksAreRemoved) {
  SafeNotes safe = SanitizeNotes("<script>alert(1)</script>\n\n[x](javascript:alert(1)) and [y](https://example.org)\n");
  EXPECT_EQ(safe.html.find("<script"), std::string::npos);
  EXPECT_EQ(safe.html.find("javascript:"), std::string::npos);
  EXPECT_NE(safe.html.find("https://example.org"), std::string::npos);
  EXPECT_EQ(safe.markdown.find("javascript:"), std::string::npos);
}

}  // namespace
}  // namespace bilat::report
