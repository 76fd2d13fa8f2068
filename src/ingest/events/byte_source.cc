#include "ingest/events/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

// XXH3 from the shared library, through its CPU dispatch: the AVX2 kernel
// where the CPU has it (twice the SSE2 speed the inlined code gets).
#include <xxhash.h>
#include <xxh_x86dispatch.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace bilat::ingest {
namespace {

class GzSource : public ByteSource {  // zlib reads plain files transparently too
 public:
  explicit GzSource(gzFile f, std::string path) : f_(f), path_(std::move(path)) { gzbuffer(f_, 1 << 20); }
  ~GzSource() override { gzclose(f_); }
  Result<size_t> Read(char* buf, size_t n) override {
    int got = gzread(f_, buf, static_cast<unsigned>(std::min<size_t>(n, 1u << 30)));
    if (got < 0) {
      int err = 0;
      const char* msg = gzerror(f_, &err);
      return Status::Corruption(path_ + ": " + (msg ? msg : "gzip read error"));
    }
    return static_cast<size_t>(got);
  }

 private:
  gzFile f_;
  std::string path_;
};

class ZipSource : public ByteSource {
 public:
  ZipSource(zip_t* z, zip_file_t* f, std::string path) : z_(z), f_(f), path_(std::move(path)) {}
  ~ZipSource() override {
    zip_fclose(f_);
    zip_discard(z_);
  }
  Result<size_t> Read(char* buf, size_t n) override {
    zip_int64_t got = zip_fread(f_, buf, n);
    if (got < 0) return Status::Corruption(path_ + ": " + zip_file_strerror(f_));
    return static_cast<size_t>(got);
  }

 private:
  zip_t* z_;
  zip_file_t* f_;
  std::string path_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::NotFound(path + ": cannot open: " + std::strerror(errno));
  unsigned char magic[4] = {0, 0, 0, 0};
  ssize_t got = ::pread(fd, magic, 4, 0);
  ::close(fd);
  (void)got;
  if (magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (!z) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, err);
      std::string msg = zip_error_strerror(&ze);
      zip_error_fini(&ze);
      return Status::Corruption(path + ": not a readable zip archive (" + msg + "); is the download complete?");
    }
    if (zip_get_num_entries(z, 0) < 1) {
      zip_discard(z);
      return Status::InvalidArgument(path + ": the zip archive is empty");
    }
    zip_file_t* f = zip_fopen_index(z, 0, 0);
    if (!f) {
      std::string msg = zip_strerror(z);
      zip_discard(z);
      return Status::Corruption(path + ": cannot open the first entry: " + msg);
    }
    return std::unique_ptr<ByteSource>(new ZipSource(z, f, path));
  }
  gzFile g = gzopen(path.c_str(), "rb");
  if (!g) return Status::IoError(path + ": cannot open");
  return std::unique_ptr<ByteSource>(new GzSource(g, path));
}

bool IsPlainFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  unsigned char magic[4] = {0, 0, 0, 0};
  ssize_t got = ::pread(fd, magic, 4, 0);
  ::close(fd);
  if (got < 2) return true;
  bool gz = magic[0] == 0x1f && magic[1] == 0x8b;
  bool zip = got >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
  return !gz && !zip;
}

// Bytes [begin, end) of a plain file, read with pread so that several
// threads can each scan their own range of one file.
class RangeSourceImpl : public ByteSource {
 public:
  RangeSourceImpl(int fd, uint64_t begin, uint64_t end, std::string path)
      : fd_(fd), pos_(begin), end_(end), path_(std::move(path)) {}
  ~RangeSourceImpl() override { ::close(fd_); }
  Result<size_t> Read(char* buf, size_t n) override {
    size_t want = static_cast<size_t>(std::min<uint64_t>(n, end_ - pos_));
    if (want == 0) return size_t{0};
    ssize_t got = ::pread(fd_, buf, want, static_cast<off_t>(pos_));
    if (got < 0) return Status::IoError(path_ + ": read failed: " + std::strerror(errno));
    pos_ += static_cast<uint64_t>(got);
    return static_cast<size_t>(got);
  }

 private:
  int fd_;
  uint64_t pos_, end_;
  std::string path_;
};


Result<std::unique_ptr<ByteSource>> OpenRangeSource(const std::string& path, uint64_t begin, uint64_t end) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  return std::unique_ptr<ByteSource>(new RangeSourceImpl(fd, begin, end, path));
}

BlockHasher::BlockHasher() : state_(XXH3_createState()) {
  XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_));
}

BlockHasher::~BlockHasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

void BlockHasher::Update(const char* data, size_t n) {
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), data, n);
}

BlockDigest BlockHasher::Digest() const {
  XXH128_hash_t h = XXH3_128bits_digest(static_cast<XXH3_state_t*>(state_));
  return {h.high64, h.low64};
}

std::string CombineBlockDigests(const std::vector<BlockDigest>& blocks, uint64_t file_size) {
  std::string bytes;
  bytes.reserve(blocks.size() * 16 + 8);
  auto put = [&bytes](uint64_t v) {
    for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  for (const BlockDigest& d : blocks) {
    put(d.high);
    put(d.low);
  }
  put(file_size);
  return ContentHash(bytes);
}

Result<std::string> FileContentHash(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::NotFound(path + ": cannot open: " + std::strerror(errno));
  constexpr size_t kChunk = 4 << 20;  // divides kHashBlockBytes
  std::unique_ptr<char[]> buf(new char[kChunk]);
  std::vector<BlockDigest> blocks;
  uint64_t total = 0;
  auto hasher = std::make_unique<BlockHasher>();
  uint64_t in_block = 0;
  while (true) {
    ssize_t got = ::read(fd, buf.get(), kChunk);
    if (got < 0) {
      ::close(fd);
      return Status::IoError(path + ": read failed: " + std::strerror(errno));
    }
    if (got == 0) break;
    size_t pos = 0;
    while (pos < static_cast<size_t>(got)) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(got - pos, kHashBlockBytes - in_block));
      hasher->Update(buf.get() + pos, n);
      pos += n;
      in_block += n;
      if (in_block == kHashBlockBytes) {
        blocks.push_back(hasher->Digest());
        hasher = std::make_unique<BlockHasher>();
        in_block = 0;
      }
    }
    total += static_cast<uint64_t>(got);
  }
  ::close(fd);
  if (in_block > 0 || blocks.empty()) blocks.push_back(hasher->Digest());
  return CombineBlockDigests(blocks, total);
}

std::string ContentHash(std::string_view bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

std::optional<FileStamp> StatFile(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<uint64_t>(st.st_size),
                   static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

Result<std::string> ReadFirstLine(const std::string& path) {
  BILAT_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> src, OpenByteSource(path));
  std::string line;
  char buf[65536];
  while (line.size() < (1 << 20)) {
    BILAT_ASSIGN_OR_RETURN(size_t got, src->Read(buf, sizeof buf));
    if (!got) break;
    const char* nl = static_cast<const char*>(std::memchr(buf, '\n', got));
    line.append(buf, nl ? static_cast<size_t>(nl - buf) : got);
    if (nl) break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace bilat::ingest
