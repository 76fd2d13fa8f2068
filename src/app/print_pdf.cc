#include "app/print_pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace bilat::app {

namespace fs = std::filesystem;

std::string ChromiumPath() {
  const char* env = std::getenv("BILAT_CHROMIUM");
  return env && *env ? env : "/usr/bin/chromium";
}

Status PrintPdf(const std::string& html_path, const std::string& pdf_path, int timeout_seconds) {
  const std::string chromium = ChromiumPath();
  if (access(chromium.c_str(), X_OK) != 0) {
    return Status::NotFound("cannot print PDF: no Chromium at " + chromium +
                            " (install Debian's chromium, scripts/setup.sh does, or set BILAT_CHROMIUM)");
  }
  std::error_code ec;
  const fs::path html = fs::absolute(html_path, ec);
  const std::string tmp = pdf_path + ".tmp";
  fs::remove(tmp, ec);
  const fs::path profile = fs::temp_directory_path() / ("bilat-chromium-" + std::to_string(getpid()));
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-dev-shm-usage",
                                   "--no-first-run",
                                   "--user-data-dir=" + profile.string(),
                                   "--no-pdf-header-footer",
                                   "--run-all-compositor-stages-before-draw",
                                   "--print-to-pdf=" + tmp,
                                   "file://" + html.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return Status::IoError("cannot start Chromium: fork failed");
  if (pid == 0) {
    const int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      fs::remove_all(profile, ec);
      fs::remove(tmp, ec);
      return Status::IoError("Chromium took more than " + std::to_string(timeout_seconds) + " s to print " +
                             html_path + "; stopped");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  fs::remove_all(profile, ec);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fs::remove(tmp, ec);
    return Status::IoError("Chromium failed to print " + html_path + " (exit status " +
                           std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
  }
  if (!fs::exists(tmp, ec) || fs::file_size(tmp, ec) < 100) {
    fs::remove(tmp, ec);
    return Status::IoError("Chromium wrote no PDF for " + html_path);
  }
  fs::rename(tmp, pdf_path, ec);
  if (ec) return Status::IoError(pdf_path + ": " + ec.message());
  return Status::Ok();
}

}  // namespace bilat::app
