// Status and Result: expected failures as values (STYLE §5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace nkg {

enum class StatusCode : std::uint8_t {
  ok,
  bad_input,    // a document is unusable (invalid UTF-8, binary, empty)
  bad_option,   // a bad option or argument
  io_error,     // reading or writing failed
  bad_data,     // a data file (lexicon, context) is malformed
  internal,     // a bug surfaced as a value
};

/// Where something went wrong: a file, and if known a 1-based line and column
/// (code points) or a byte offset where the text is not UTF-8.
struct Location {
  Location() = default;
  Location(std::string path_, std::uint64_t line_ = 0, std::uint64_t column_ = 0,  // NOLINT
           std::optional<std::uint64_t> byte_offset_ = std::nullopt)
      : path(std::move(path_)), line(line_), column(column_), byte_offset(byte_offset_) {}

  std::string path;
  std::uint64_t line = 0;
  std::uint64_t column = 0;
  std::optional<std::uint64_t> byte_offset;

  friend bool operator==(const Location&, const Location&) = default;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, Location where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  static Status success() { return {}; }

  [[nodiscard]] bool ok() const { return code_ == StatusCode::ok; }
  [[nodiscard]] StatusCode code() const { return code_; }
  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] const Location& where() const { return where_; }

 private:
  StatusCode code_ = StatusCode::ok;
  std::string message_;
  Location where_;
};

/// A value or the Status that explains why there is none.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status st) : data_(std::move(st)) {}   // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(data_); }
  [[nodiscard]] const T& value() const& { return std::get<T>(data_); }
  [[nodiscard]] T& value() & { return std::get<T>(data_); }
  [[nodiscard]] T&& value() && { return std::get<T>(std::move(data_)); }
  [[nodiscard]] Status status() const {
    return ok() ? Status::success() : std::get<Status>(data_);
  }

 private:
  std::variant<T, Status> data_;
};

}  // namespace nkg

/// Return early from a function returning Status when an expression fails.
#define NKG_TRY(expr)                      \
  do {                                     \
    ::nkg::Status nkg_try_st_ = (expr);    \
    if (!nkg_try_st_.ok()) return nkg_try_st_; \
  } while (false)
