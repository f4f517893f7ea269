#include "server/params.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>

namespace ansinh::server {

Result<int> IntParam(const ApiRequest& request, const std::string& name, int fallback, int min,
                     int max) {
  const auto text = request.Query(name);
  if (!text) return fallback;
  int value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || ec != std::errc() || ptr != end) {
    return Status::Invalid(name, *text, "phải là số nguyên", "must be a whole number");
  }
  if (value < min || value > max) {
    const std::string range = std::to_string(min) + "–" + std::to_string(max);
    return Status::Invalid(name, *text, "phải trong khoảng " + range, "must be within " + range);
  }
  return value;
}

Result<int> YearParam(const ApiRequest& request, const std::string& name,
                      const std::vector<int>& years) {
  if (!request.Query(name)) {
    if (years.empty()) {
      return Status::NotFound(name, "", "cơ sở dữ liệu chưa có năm khảo sát nào",
                              "the database holds no survey year");
    }
    return years.back();
  }
  ANSINH_ASSIGN_OR_RETURN(int year, IntParam(request, name, 0, 1990, 2100));
  if (std::find(years.begin(), years.end(), year) == years.end()) {
    return Status::Invalid(name, std::to_string(year), "không có số liệu khảo sát năm này",
                           "there is no survey in this year");
  }
  return year;
}

Result<std::string> ChoiceParam(const ApiRequest& request, const std::string& name,
                                const std::vector<std::string>& allowed,
                                const std::string& fallback) {
  const auto text = request.Query(name);
  if (!text) return fallback;
  if (std::find(allowed.begin(), allowed.end(), *text) != allowed.end()) return *text;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return Status::Invalid(name, *text, "phải là một trong: " + list, "must be one of: " + list);
}

Result<VietnameseCollator> VietnameseCollator::Create() {
  UErrorCode status = U_ZERO_ERROR;
  icu::Collator* collator = icu::Collator::createInstance(icu::Locale("vi"), status);
  if (U_FAILURE(status) || collator == nullptr) {
    delete collator;
    return Status::Internal(std::string("ICU collator for vi: ") + u_errorName(status));
  }
  return VietnameseCollator(collator);
}

VietnameseCollator::VietnameseCollator(VietnameseCollator&& other) noexcept
    : collator_(other.collator_) {
  other.collator_ = nullptr;
}

VietnameseCollator& VietnameseCollator::operator=(VietnameseCollator&& other) noexcept {
  std::swap(collator_, other.collator_);
  return *this;
}

VietnameseCollator::~VietnameseCollator() { delete static_cast<icu::Collator*>(collator_); }

std::string VietnameseCollator::SortKey(const std::string& utf8) const {
  const auto* collator = static_cast<const icu::Collator*>(collator_);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string key(64, '\0');
  int32_t size = collator->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()),
                                      static_cast<int32_t>(key.size()));
  if (size > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(size));
    size = collator->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), size);
  }
  key.resize(size > 0 ? static_cast<std::size_t>(size - 1) : 0);  // drop the terminating NUL
  return key;
}

}  // namespace ansinh::server
