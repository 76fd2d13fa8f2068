// Runs the bilat binary as a child process, output discarded, for the kill
// -9 tests: killed with SIGKILL after `kill_after_ms` (never when negative).
// Returns the wait status. BILAT_BINARY is defined by tests/app/CMakeLists.txt.
#ifndef BILAT_TESTS_APP_RUN_BILAT_H_
#define BILAT_TESTS_APP_RUN_BILAT_H_

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace bilat::testing {

inline int RunBilat(std::vector<std::string> args, int kill_after_ms) {
  args.insert(args.begin(), BILAT_BINARY);
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (auto& s : args) argv.push_back(s.data());
    argv.push_back(nullptr);
    (void)!freopen("/dev/null", "w", stdout);
    (void)!freopen("/dev/null", "w", stderr);
    execv(BILAT_BINARY, argv.data());
    _exit(127);
  }
  if (kill_after_ms >= 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
    kill(pid, SIGKILL);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

}  // namespace bilat::testing

#endif  // BILAT_TESTS_APP_RUN_BILAT_H_
