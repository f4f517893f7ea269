// CCCD numbers: unique within a run by construction, deterministic for a seed.
#include "synth/citizen_id.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace ansinh::synth {
namespace {

std::vector<Person> Prefixed(const std::string& prefix, std::size_t n) {
  std::vector<Person> persons(n);
  for (Person& p : persons) p.id_number = prefix;
  return persons;
}

TEST(CitizenIdTest, PrefixIsProvinceSexCenturyAndYear) {
  EXPECT_EQ(CitizenIdPrefix("96", Sex::kMale, 1975), "096075");
  EXPECT_EQ(CitizenIdPrefix("96", Sex::kFemale, 1975), "096175");
  EXPECT_EQ(CitizenIdPrefix("01", Sex::kMale, 2003), "001203");
  EXPECT_EQ(CitizenIdPrefix("94", Sex::kFemale, 2000), "094300");
}

TEST(CitizenIdTest, EveryOneOfAMillionSerialsOnceThenRefused) {
  CitizenIdSerials serials(7);
  auto persons = Prefixed("096075", 1'000'000);
  persons[10].id_number.clear();  // no card (under 14): stays empty, takes no serial
  ASSERT_TRUE(serials.Complete(persons).ok());
  std::vector<int> seen;  // serials, as numbers: a million strings in a set is slow under ASan
  seen.reserve(persons.size());
  for (const Person& p : persons) {
    if (p.id_number.empty()) continue;
    ASSERT_EQ(p.id_number.size(), 12u);
    ASSERT_EQ(p.id_number.compare(0, 6, "096075"), 0);
    seen.push_back(std::stoi(p.id_number.substr(6)));
  }
  auto last = Prefixed("096075", 1);
  EXPECT_TRUE(serials.Complete(last).ok());  // the millionth
  seen.push_back(std::stoi(last[0].id_number.substr(6)));
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
  EXPECT_EQ(seen.size(), 1'000'000u);
  auto more = Prefixed("096075", 1);
  EXPECT_EQ(serials.Complete(more).code(), ErrorCode::kFailedPrecondition);
  auto other = Prefixed("096175", 1);  // another prefix has its own million
  EXPECT_TRUE(serials.Complete(other).ok());
}

TEST(CitizenIdTest, SameSeedSameSerialsAnotherSeedOthers) {
  CitizenIdSerials a(1), b(1), c(2);
  auto pa = Prefixed("096075", 50), pb = pa, pc = pa;
  ASSERT_TRUE(a.Complete(pa).ok());
  ASSERT_TRUE(b.Complete(pb).ok());
  ASSERT_TRUE(c.Complete(pc).ok());
  int same = 0;
  for (std::size_t i = 0; i < pa.size(); ++i) {
    EXPECT_EQ(pa[i].id_number, pb[i].id_number);
    same += pa[i].id_number == pc[i].id_number;
  }
  EXPECT_LT(same, 50);
}

TEST(CitizenIdTest, RefusesAnIdNumberThatIsNotAPrefix) {
  CitizenIdSerials serials(1);
  auto persons = Prefixed("096075123456", 1);
  EXPECT_EQ(serials.Complete(persons).code(), ErrorCode::kInternal);
}

}  // namespace
}  // namespace ansinh::synth
