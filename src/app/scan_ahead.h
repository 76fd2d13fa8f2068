// Scans small event files ahead of an ingest on worker threads and hands the
// parts over in input order, so that a feed of thousands of small files uses
// every core while one thread commits. Only whole-file scans run here (no
// workspace access, no progress callbacks); the ingest takes the rest.
#ifndef BILAT_APP_SCAN_AHEAD_H_
#define BILAT_APP_SCAN_AHEAD_H_

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/event_parts.h"

namespace bilat::app {

class ScanAhead {
 public:
  // Scans files[i] for every i with wanted[i], at most `window` files ahead
  // of the last one taken. `setup` must outlive this object.
  ScanAhead(const std::vector<std::string>& files, std::vector<bool> wanted, const EventScanSetup& setup,
            int workers, size_t window);
  ~ScanAhead();  // stops the workers (files not yet taken are dropped)
  ScanAhead(const ScanAhead&) = delete;
  ScanAhead& operator=(const ScanAhead&) = delete;

  // The part of files[i] (wanted[i] must be true), waiting for it. Take
  // files in increasing order.
  EventPart Take(size_t i);

 private:
  void Work();

  const std::vector<std::string>& files_;
  const std::vector<bool> wanted_;
  const EventScanSetup& setup_;
  const size_t window_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::vector<std::optional<EventPart>> done_;
  size_t next_ = 0;   // next file to hand to a worker
  size_t taken_ = 0;  // files before this one have been taken
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace bilat::app

#endif  // BILAT_APP_SCAN_AHEAD_H_
