// Status and Result<T>: errors as values.
//
// A Status is a code plus a human-readable message that says where, what and
// how to fix it. Result<T> holds either a T or a non-OK Status, with the
// semantics of absl::StatusOr. Both are cheap to move and must not be ignored.
#ifndef BILAT_CORE_STATUS_H_
#define BILAT_CORE_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace bilat {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the caller's input is wrong (bad flag, bad row)
  kNotFound,           // a file, country, pair or record does not exist
  kAlreadyExists,      // e.g. a workspace where one should be created
  kFailedPrecondition, // state does not allow it (schema newer than binary)
  kIoError,            // the operating system refused a read or write
  kCorruption,         // stored data is not what bilat wrote
  kInternal,           // a bug in bilat
  kBusy,               // another process holds the workspace; try again
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return Status(StatusCode::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) {
    return Status(StatusCode::kNotFound, std::move(m));
  }
  static Status AlreadyExists(std::string m) {
    return Status(StatusCode::kAlreadyExists, std::move(m));
  }
  static Status FailedPrecondition(std::string m) {
    return Status(StatusCode::kFailedPrecondition, std::move(m));
  }
  static Status IoError(std::string m) {
    return Status(StatusCode::kIoError, std::move(m));
  }
  static Status Corruption(std::string m) {
    return Status(StatusCode::kCorruption, std::move(m));
  }
  static Status Internal(std::string m) {
    return Status(StatusCode::kInternal, std::move(m));
  }
  static Status Busy(std::string m) {
    return Status(StatusCode::kBusy, std::move(m));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: <message>", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> is either a value or an error Status (never an OK Status).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok() && "Result built from OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace bilat

// Returns from the enclosing function if `expr` (a Status) is not OK.
#define BILAT_RETURN_IF_ERROR(expr)         \
  do {                                      \
    ::bilat::Status bilat_status_ = (expr); \
    if (!bilat_status_.ok()) return bilat_status_; \
  } while (0)

#define BILAT_CONCAT_INNER_(a, b) a##b
#define BILAT_CONCAT_(a, b) BILAT_CONCAT_INNER_(a, b)
// Declares `lhs` from a Result-returning `expr`, or returns its error.
#define BILAT_ASSIGN_OR_RETURN(lhs, expr) \
  BILAT_ASSIGN_OR_RETURN_IMPL_(BILAT_CONCAT_(bilat_result_, __LINE__), lhs, expr)
#define BILAT_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()

#endif  // BILAT_CORE_STATUS_H_
