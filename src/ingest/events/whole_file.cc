#include "ingest/events/whole_file.h"

#include <fcntl.h>
#include <libdeflate.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

// XXH3 from the shared library, through its CPU dispatch: the AVX2 kernel
// where the CPU has it (twice the SSE2 speed the inlined code gets).
#include <xxhash.h>
#include <xxh_x86dispatch.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include "ingest/events/byte_source.h"

namespace bilat::ingest {
namespace {

// One decompressor per thread: allocating one costs more than inflating a
// small file.
libdeflate_decompressor* Decompressor() {
  struct Free {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
  };
  thread_local std::unique_ptr<libdeflate_decompressor, Free> d(libdeflate_alloc_decompressor());
  return d.get();
}

// A buffer of n bytes and `padding` zero bytes; the n bytes are left as
// they are, to be overwritten.
std::unique_ptr<char[]> Buffer(size_t n, size_t padding) {
  std::unique_ptr<char[]> b(new char[n + padding]);
  std::memset(b.get() + n, 0, padding);
  return b;
}

// The file's bytes, then `padding` zero bytes; `*size` is what was read.
Result<std::unique_ptr<char[]>> ReadAll(const std::string& path, uint64_t want, size_t padding, size_t* size) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::NotFound(path + ": cannot open: " + std::strerror(errno));
  std::unique_ptr<char[]> out = Buffer(want, padding);
  size_t have = 0;
  while (have < want) {
    ssize_t got = ::read(fd, out.get() + have, want - have);
    if (got < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      return Status::IoError(path + ": read failed: " + std::strerror(e));
    }
    if (got == 0) break;  // the file shrank while we read it
    have += static_cast<size_t>(got);
  }
  ::close(fd);
  std::memset(out.get() + have, 0, padding);
  *size = have;
  return out;
}

bool IsZip(std::string_view b) { return b.size() >= 4 && b.substr(0, 4) == std::string_view("PK\3\4", 4); }
bool IsGzip(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f && static_cast<unsigned char>(b[1]) == 0x8b;
}

// The first entry of a zip held in memory. libzip reads the directory and
// hands over the entry's raw deflate stream; libdeflate inflates it in one
// call and the CRC is checked. nullopt: too large, or a method other than
// deflate/store (the streaming path then reads it, or says why it cannot).
Result<bool> InflateZip(const std::string& path, std::string_view file, WholeFile* out) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(file.data(), file.size(), 0, &err);
  if (!src) {
    zip_error_fini(&err);
    return Status::Internal(path + ": cannot read the zip archive from memory");
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!z) {
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    zip_source_free(src);
    return Status::Corruption(path + ": not a readable zip archive (" + msg + "); is the download complete?");
  }
  zip_error_fini(&err);
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive(z, [](zip_t* a) { zip_discard(a); });
  if (zip_get_num_entries(z, 0) < 1) return Status::InvalidArgument(path + ": the zip archive is empty");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, 0, 0, &st) != 0) {
    return Status::Corruption(path + ": cannot read the first entry: " + zip_strerror(z));
  }
  const zip_uint64_t need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
  if ((st.valid & need) != need || st.size > kWholeFileMaxInflated ||
      (st.comp_method != ZIP_CM_DEFLATE && st.comp_method != ZIP_CM_STORE)) {
    return false;
  }
  const bool raw = st.comp_method == ZIP_CM_DEFLATE;
  zip_file_t* f = zip_fopen_index(z, 0, raw ? ZIP_FL_COMPRESSED : 0);
  if (!f) return Status::Corruption(path + ": cannot open the first entry: " + zip_strerror(z));
  std::string in(raw ? st.comp_size : st.size, '\0');
  zip_int64_t got = zip_fread(f, in.data(), in.size());
  std::string ferr = got < 0 ? zip_file_strerror(f) : "";
  zip_fclose(f);
  if (got < 0) return Status::Corruption(path + ": cannot read the first entry: " + ferr);
  if (static_cast<zip_uint64_t>(got) != in.size()) {
    return Status::Corruption(path + ": the first entry is truncated (" + std::to_string(got) + " of " +
                              std::to_string(in.size()) + " bytes); is the download complete?");
  }
  out->buffer = Buffer(st.size, out->padding);
  out->size = st.size;
  if (raw) {
    size_t actual = 0;
    libdeflate_result r =
        libdeflate_deflate_decompress(Decompressor(), in.data(), in.size(), out->buffer.get(), st.size, &actual);
    if (r != LIBDEFLATE_SUCCESS || actual != st.size) {
      return Status::Corruption(path + ": the first entry does not inflate (corrupt deflate data); is the download "
                                       "complete?");
    }
  } else {
    std::memcpy(out->buffer.get(), in.data(), in.size());
  }
  if (libdeflate_crc32(0, out->buffer.get(), st.size) != st.crc) {
    return Status::Corruption(path + ": CRC mismatch in the first entry; the archive is damaged");
  }
  return true;
}

// A gzip file of one or more members. The last four bytes give the (last)
// member's size, which sizes the first attempt; the buffer grows when that
// was short (several members).
Result<bool> InflateGzip(const std::string& path, std::string_view file, WholeFile* out) {
  uint64_t guess = 0;
  if (file.size() >= 18) {
    const auto* t = reinterpret_cast<const unsigned char*>(file.data() + file.size() - 4);
    guess = uint64_t{t[0]} | uint64_t{t[1]} << 8 | uint64_t{t[2]} << 16 | uint64_t{t[3]} << 24;
  }
  uint64_t capacity = std::max<uint64_t>(guess, file.size() * 4) + 1;
  while (true) {
    if (capacity > kWholeFileMaxInflated) return false;
    std::unique_ptr<char[]> buffer = Buffer(capacity, out->padding);
    size_t in_pos = 0, out_pos = 0;
    bool short_buffer = false;
    while (in_pos < file.size()) {
      size_t in_used = 0, out_used = 0;
      libdeflate_result r =
          libdeflate_gzip_decompress_ex(Decompressor(), file.data() + in_pos, file.size() - in_pos,
                                        buffer.get() + out_pos, capacity - out_pos, &in_used, &out_used);
      if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
        short_buffer = true;
        break;
      }
      if (r != LIBDEFLATE_SUCCESS) {
        return Status::Corruption(path + ": not a readable gzip file (corrupt or truncated data at byte " +
                                  std::to_string(in_pos) + "); is the download complete?");
      }
      in_pos += in_used;
      out_pos += out_used;
    }
    if (short_buffer) {
      capacity *= 2;
      continue;
    }
    std::memset(buffer.get() + out_pos, 0, out->padding);
    out->buffer = std::move(buffer);
    out->size = out_pos;
    return true;
  }
}

}  // namespace

std::string ContentHashOfBytes(std::string_view file_bytes) {
  std::vector<BlockDigest> blocks;
  for (size_t pos = 0; pos < file_bytes.size(); pos += kHashBlockBytes) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(kHashBlockBytes, file_bytes.size() - pos));
    XXH128_hash_t h = XXH3_128bits(file_bytes.data() + pos, n);
    blocks.push_back({h.high64, h.low64});
  }
  return CombineBlockDigests(blocks, file_bytes.size());
}

Result<std::optional<WholeFile>> ReadWholeFile(const std::string& path, size_t padding) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return Status::NotFound(path + ": cannot open: " + std::strerror(errno));
  if (static_cast<uint64_t>(info.st_size) > kWholeFileMaxStored) return std::optional<WholeFile>();
  WholeFile out;
  out.padding = padding;
  BILAT_ASSIGN_OR_RETURN(std::unique_ptr<char[]> read,
                         ReadAll(path, static_cast<uint64_t>(info.st_size), padding, &out.size));
  const std::string_view stored(read.get(), out.size);
  out.content_hash = ContentHashOfBytes(stored);
  if (IsZip(stored) || IsGzip(stored)) {
    out.compressed = true;
    BILAT_ASSIGN_OR_RETURN(bool held, IsZip(stored) ? InflateZip(path, stored, &out) : InflateGzip(path, stored, &out));
    if (!held) return std::optional<WholeFile>();
  } else {
    out.buffer = std::move(read);
  }
  return std::optional<WholeFile>(std::move(out));
}

}  // namespace bilat::ingest
