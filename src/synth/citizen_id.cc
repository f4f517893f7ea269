#include "synth/citizen_id.h"

#include <cstdio>

#include "synth/rng.h"

namespace ansinh::synth {
namespace {

constexpr std::uint32_t kSerials = 1'000'000;
// Odd and not a multiple of 5, so coprime with 10^6: n -> (n * k + offset) mod 10^6 is a
// bijection, and consecutive persons of one prefix get serials that look drawn at random.
constexpr std::uint64_t kSerialStep = 615'187;

}  // namespace

std::string CitizenIdPrefix(const std::string& birth_province, Sex sex, int birth_year) {
  const int sex_century = (birth_year >= 2000 ? 2 : 0) + (sex == Sex::kFemale ? 1 : 0);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%d%02d", sex_century, birth_year % 100);
  return "0" + birth_province + buf;
}

Status CitizenIdSerials::Complete(std::vector<Person>& persons) {
  for (Person& p : persons) {
    if (p.id_number.empty()) continue;
    if (p.id_number.size() != 6) {
      return Status::Error(ErrorCode::kInternal, "tiền tố CCCD sai: " + p.id_number,
                           "bad CCCD prefix: " + p.id_number);
    }
    std::uint32_t& n = given_[p.id_number];
    if (n == kSerials) {
      return Status::Error(ErrorCode::kFailedPrecondition,
                           "hết số thứ tự CCCD cho tiền tố " + p.id_number,
                           "all CCCD serials of prefix " + p.id_number + " are taken");
    }
    std::uint64_t prefix_value = 0;
    for (char c : p.id_number) {
      prefix_value = prefix_value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    const std::uint64_t offset = StreamKey({seed_, static_cast<std::uint64_t>(Stream::kCitizenId), prefix_value}) % kSerials;
    const std::uint64_t serial = (n * kSerialStep + offset) % kSerials;
    ++n;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06u", static_cast<unsigned>(serial));
    p.id_number += buf;
  }
  return Status::Ok();
}

}  // namespace ansinh::synth
