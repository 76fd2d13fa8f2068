#include "app/scan_ahead.h"

#include <algorithm>
#include <utility>

namespace bilat::app {

ScanAhead::ScanAhead(const std::vector<std::string>& files, std::vector<bool> wanted, const EventScanSetup& setup,
                     int workers, size_t window)
    : files_(files), wanted_(std::move(wanted)), setup_(setup), window_(std::max<size_t>(window, 1)),
      done_(files.size()) {
  for (int t = 0; t < workers; ++t) threads_.emplace_back([this] { Work(); });
}

ScanAhead::~ScanAhead() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  changed_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void ScanAhead::Work() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    while (next_ < files_.size() && !wanted_[next_]) ++next_;
    if (stop_ || next_ >= files_.size()) return;
    if (next_ >= taken_ + window_) {  // far enough ahead: wait for the ingest
      changed_.wait(lock);
      continue;
    }
    const size_t i = next_++;
    lock.unlock();
    EventPart part = ScanEventFile(files_[i], setup_);
    lock.lock();
    done_[i] = std::move(part);
    changed_.notify_all();
  }
}

EventPart ScanAhead::Take(size_t i) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return done_[i].has_value(); });
  EventPart part = std::move(*done_[i]);
  done_[i].reset();
  taken_ = i + 1;
  changed_.notify_all();
  return part;
}

}  // namespace bilat::app
