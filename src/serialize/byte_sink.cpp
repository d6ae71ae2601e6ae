#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
    return first_error_ = st;
  }
  return Status::success();
}

}  // namespace nkg::serialize
