#include "core/status.h"

#include <gtest/gtest.h>

namespace ansinh {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) {
    return Status::Invalid("x", std::to_string(x), "không chia hết cho 2", "not even");
  }
  return x / 2;
}

Result<int> Quarter(int x) {
  ANSINH_ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kOk);
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(StatusTest, InvalidCarriesFieldValueAndBothLanguages) {
  Status s = Status::Invalid("commune", "99999", "mã xã không tồn tại", "unknown commune code");
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.ToString(),
            "invalid_argument: commune=\"99999\": mã xã không tồn tại / unknown commune code");
}

TEST(StatusTest, LocationPrefixesTheLine) {
  Status s = Status::Invalid("sex", "X", "sai", "wrong").WithLocation({"persons.csv", 12, 0});
  EXPECT_EQ(s.ToString(), "persons.csv:12: invalid_argument: sex=\"X\": sai / wrong");
}

TEST(StatusTest, CodeNamesAreStable) {
  EXPECT_EQ(ErrorCodeName(ErrorCode::kNotFound), "not_found");
  EXPECT_EQ(ErrorCodeName(ErrorCode::kPermissionDenied), "permission_denied");
  EXPECT_EQ(static_cast<int>(ErrorCode::kUnsupported), 13);
}

TEST(ResultTest, PropagatesErrorsThroughAssignOrReturn) {
  auto ok = Quarter(8);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 2);
  auto bad = Quarter(6);  // 6 / 2 = 3 is odd
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().value(), "3");
}

}  // namespace
}  // namespace ansinh
