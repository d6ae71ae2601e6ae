#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "serialize/serialize.hpp"

namespace nkg::serialize {

Status StringByteSink::write(std::string_view bytes) {
  data_.append(bytes);
  return Status::success();
}

namespace {
Status io_failure(const std::string& path, const char* what) {
  return {StatusCode::io_error, std::string(what) + ": " + std::strerror(errno), {path}};
}
}  // namespace

namespace {

// Temporary files not yet renamed, for remove_pending_temp_files() to delete from a signal
// handler: fixed storage, no allocation, no locks (async-signal-safe).
constexpr std::size_t max_pending = 64;
constexpr std::size_t max_path = 4096;
char pending_paths[max_pending][max_path];
std::atomic<bool> pending_used[max_pending];

void register_pending(const std::string& path) {
  if (path.size() >= max_path) return;
  for (std::size_t i = 0; i < max_pending; ++i) {
    bool expected = false;
    if (pending_used[i].load() || !pending_used[i].compare_exchange_strong(expected, true)) continue;
    std::memcpy(pending_paths[i], path.c_str(), path.size() + 1);
    return;
  }
}

void unregister_pending(const std::string& path) {
  for (std::size_t i = 0; i < max_pending; ++i) {
    if (pending_used[i].load() && path == pending_paths[i]) {
      pending_paths[i][0] = '\0';
      pending_used[i].store(false);
      return;
    }
  }
}

}  // namespace

void remove_pending_temp_files() noexcept {
  for (std::size_t i = 0; i < max_pending; ++i) {
    if (pending_used[i].load() && pending_paths[i][0] != '\0') ::unlink(pending_paths[i]);
  }
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::create(const std::string& path) {
  std::unique_ptr<AtomicFile> f(new AtomicFile());
  f->path_ = path;
  if (path == "-") {
    f->file_ = stdout;
    f->is_stdout_ = true;
    return f;
  }
  const std::filesystem::path p(path);
  const std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
  std::string temp_name(1, '.');  // built by appends: GCC 12 misfires -Wrestrict on "." + s
  temp_name.append(p.filename().string()).append(".XXXXXX");
  const std::string pattern = (dir / temp_name).string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  const int fd = mkstemp(buf.data());
  if (fd < 0) return io_failure(path, "cannot create temporary file");
  f->temp_path_ = buf.data();
  register_pending(f->temp_path_);
  f->file_ = fdopen(fd, "wb");
  if (f->file_ == nullptr) {
    ::close(fd);
    std::remove(f->temp_path_.c_str());
    return io_failure(path, "cannot open temporary file");
  }
  // Output files are data for others to read: the usual 0644 less the umask, not mkstemp's 0600.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, static_cast<mode_t>(0666U & ~mask));
  return f;
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr && !is_stdout_) {
    std::fclose(file_);
    std::remove(temp_path_.c_str());
  }
  if (!is_stdout_ && !temp_path_.empty()) unregister_pending(temp_path_);
}

Status AtomicFile::write(std::string_view bytes) {
  if (!first_error_.ok()) return first_error_;
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    first_error_ = io_failure(path_, "write failed");
  }
  return first_error_;
}

Status AtomicFile::commit() {
  if (!first_error_.ok()) return first_error_;
  if (std::fflush(file_) != 0) return first_error_ = io_failure(path_, "write failed");
  if (is_stdout_) return Status::success();
  if (fsync(fileno(file_)) != 0) return first_error_ = io_failure(path_, "fsync failed");
  FILE* f = file_;
  file_ = nullptr;
  if (std::fclose(f) != 0) {
    std::remove(temp_path_.c_str());
    return first_error_ = io_failure(path_, "close failed");
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const Status st = io_failure(path_, "cannot rename temporary file");
    std::remove(temp_path_.c_str());
    unregister_pending(temp_path_);
    return first_error_ = st;
  }
  unregister_pending(temp_path_);
  return Status::success();
}

}  // namespace nkg::serialize
