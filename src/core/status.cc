#include "core/status.h"

namespace ansinh {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kFailedPrecondition: return "failed_precondition";
    case ErrorCode::kIoError: return "io_error";
    case ErrorCode::kCorruption: return "corruption";
    case ErrorCode::kParseError: return "parse_error";
    case ErrorCode::kTypeError: return "type_error";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kUnsupported: return "unsupported";
  }
  return "internal";
}

Status Status::Error(ErrorCode code, std::string message_vi, std::string message_en) {
  assert(code != ErrorCode::kOk);
  Status s;
  s.code_ = code;
  s.message_vi_ = std::move(message_vi);
  s.message_en_ = std::move(message_en);
  return s;
}

Status Status::Invalid(std::string field, std::string value, std::string reason_vi,
                       std::string reason_en) {
  Status s = Error(ErrorCode::kInvalidArgument, std::move(reason_vi), std::move(reason_en));
  s.field_ = std::move(field);
  s.value_ = std::move(value);
  return s;
}

Status Status::NotFound(std::string field, std::string value, std::string what_vi,
                        std::string what_en) {
  Status s = Error(ErrorCode::kNotFound, std::move(what_vi), std::move(what_en));
  s.field_ = std::move(field);
  s.value_ = std::move(value);
  return s;
}

Status Status::Internal(std::string message) {
  return Error(ErrorCode::kInternal, "lỗi nội bộ: " + message, "internal error: " + message);
}

Status& Status::WithField(std::string field) & {
  field_ = std::move(field);
  return *this;
}
Status&& Status::WithField(std::string field) && {
  field_ = std::move(field);
  return std::move(*this);
}
Status& Status::WithLocation(InputLocation location) & {
  location_ = std::move(location);
  return *this;
}
Status&& Status::WithLocation(InputLocation location) && {
  location_ = std::move(location);
  return std::move(*this);
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out;
  if (!location_.file.empty()) {
    out += location_.file;
    if (location_.row > 0) out += ":" + std::to_string(location_.row);
    if (location_.column > 0) out += ":" + std::to_string(location_.column);
    out += ": ";
  }
  out += ErrorCodeName(code_);
  out += ": ";
  if (!field_.empty()) {
    out += field_;
    out += "=\"" + value_ + "\": ";
  }
  out += message_vi_;
  if (!message_en_.empty() && message_en_ != message_vi_) out += " / " + message_en_;
  return out;
}

}  // namespace ansinh
