// Errors as values at subsystem boundaries.
//
// A Status is OK or an error: a stable code from the one table below, a message in Vietnamese and
// in English, and for input errors the field (or column), the offending value and where it was
// read (file, row). Result<T> is a value or an error Status. Expected failures (bad input, a row
// that is not there) return one of these; bugs assert. Tests check the code, never the wording.
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace ansinh {

// The one table of stable error codes. Numbers and names never change once shipped; the server
// maps each to an HTTP status in one function and the CLI to an exit code.
enum class ErrorCode : int {
  kOk = 0,
  kInvalidArgument = 1,    // a value that is malformed or out of range
  kNotFound = 2,           // a key that names nothing
  kAlreadyExists = 3,      // a key that is already taken
  kFailedPrecondition = 4, // the data is not in a state that allows the change
  kIoError = 5,            // a file or the database could not be read or written
  kCorruption = 6,         // stored data that breaks its own invariants
  kParseError = 7,         // text that does not follow its grammar (CSV, TOML, a rule)
  kTypeError = 8,          // a rule whose types do not fit
  kPermissionDenied = 9,   // signed in, but not allowed here
  kUnauthenticated = 10,   // not signed in
  kConflict = 11,          // a concurrent change won
  kInternal = 12,          // a bug or an unexpected failure of a library
  kUnsupported = 13,       // a request the program knows but does not handle
};

// "invalid_argument", "not_found", ...: the stable name used in JSON and in CLI output.
std::string_view ErrorCodeName(ErrorCode code);

// Where an input error was found. Empty parts are unknown.
struct InputLocation {
  std::string file;
  std::int64_t row = 0;     // 1-based data row (header is row 0); 0 when not known
  std::int64_t column = 0;  // 1-based, for text positions (rules); 0 when not known
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }

  // An error with a message in both languages.
  static Status Error(ErrorCode code, std::string message_vi, std::string message_en);
  // An input error: which field, which value, and why (in both languages).
  static Status Invalid(std::string field, std::string value, std::string reason_vi,
                        std::string reason_en);
  static Status NotFound(std::string field, std::string value, std::string what_vi,
                         std::string what_en);
  static Status Internal(std::string message);

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message_vi() const { return message_vi_; }
  const std::string& message_en() const { return message_en_; }
  const std::string& field() const { return field_; }
  const std::string& value() const { return value_; }
  const InputLocation& location() const { return location_; }

  Status& WithField(std::string field) &;
  Status&& WithField(std::string field) &&;
  Status& WithLocation(InputLocation location) &;
  Status&& WithLocation(InputLocation location) &&;

  // One line for a terminal or a log:
  //   invalid_argument: commune_code="99999": mã xã không có trong tỉnh / unknown commune code
  // preceded by "file:row: " when the location is known.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_vi_;
  std::string message_en_;
  std::string field_;
  std::string value_;
  InputLocation location_;
};

// A value or the Status that explains why there is none. Construct from either.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok() && "Result needs a value or an error");
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

}  // namespace ansinh

// Returns the Status of an expression from the enclosing function when it is an error.
#define ANSINH_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::ansinh::Status ansinh_status_ = (expr); \
    if (!ansinh_status_.ok()) return ansinh_status_; \
  } while (false)

#define ANSINH_CONCAT_INNER(a, b) a##b
#define ANSINH_CONCAT(a, b) ANSINH_CONCAT_INNER(a, b)
// ANSINH_ASSIGN_OR_RETURN(auto x, Compute()); binds the value or returns the error.
#define ANSINH_ASSIGN_OR_RETURN(lhs, expr) \
  ANSINH_ASSIGN_OR_RETURN_IMPL(ANSINH_CONCAT(ansinh_result_, __LINE__), lhs, expr)
#define ANSINH_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()
