// Printing a report to PDF through headless Chromium (Debian's chromium, or
// $BILAT_CHROMIUM): A4, the report's title as a running header and page
// numbers at the foot (from the report's print stylesheet), the table of
// contents, charts and tables never split, internal links (footnotes to
// their sources) kept as PDF links.
#ifndef BILAT_APP_PRINT_PDF_H_
#define BILAT_APP_PRINT_PDF_H_

#include <string>

#include "core/status.h"

namespace bilat::app {

// The Chromium binary used: $BILAT_CHROMIUM, else /usr/bin/chromium.
std::string ChromiumPath();

// Prints the HTML file at `html_path` to `pdf_path` (replaced atomically).
// Fails with a clear message when Chromium is missing, exits with an error,
// takes longer than `timeout_seconds`, or writes no PDF.
Status PrintPdf(const std::string& html_path, const std::string& pdf_path, int timeout_seconds = 120);

}  // namespace bilat::app

#endif  // BILAT_APP_PRINT_PDF_H_
