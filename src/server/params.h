// Reading query parameters the way every endpoint must: a missing optional one takes its default,
// a present one that does not parse or is out of range is a 400 naming the parameter, the value
// and why, in Vietnamese and English.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "server/api.h"

namespace ansinh::server {

// An integer in [min, max]; `fallback` when absent.
Result<int> IntParam(const ApiRequest& request, const std::string& name, int fallback, int min,
                     int max);
// A required survey year that the data holds (one of `years`); the latest when absent.
Result<int> YearParam(const ApiRequest& request, const std::string& name,
                      const std::vector<int>& years);
// One of `allowed`; `fallback` when absent.
Result<std::string> ChoiceParam(const ApiRequest& request, const std::string& name,
                                const std::vector<std::string>& allowed, const std::string& fallback);

// Vietnamese collation (ICU, locale "vi"): sort keys that order "Đ" after "D", "Ơ" after "Ô",
// and tones by the alphabet's rules, compared as plain bytes.
class VietnameseCollator {
 public:
  static Result<VietnameseCollator> Create();
  VietnameseCollator(VietnameseCollator&&) noexcept;
  VietnameseCollator& operator=(VietnameseCollator&&) noexcept;
  ~VietnameseCollator();
  std::string SortKey(const std::string& utf8) const;

 private:
  explicit VietnameseCollator(void* collator) : collator_(collator) {}
  void* collator_;  // icu::Collator, kept out of this header
};

}  // namespace ansinh::server
