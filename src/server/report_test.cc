// GET /api/v1/units/{code}/report.xlsx through real HTTP over a generated province with its
// analytics loaded: the body is a workbook io's reader opens, with the sheets of the unit's level
// and the figures of the indicators endpoint; another commune's user gets 403, a bad year 400.
#include <gtest/gtest.h>
#include <httplib.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "io/admin_units.h"
#include "io/xlsx_reader.h"
#include "server/analytics_source.h"
#include "server/server.h"
#include "store/household_directory.h"
#include "store/test_util.h"
#include "synth/synth_testing.h"

namespace ansinh::server {
namespace {

using Json = nlohmann::json;
const std::string kHome = ANSINH_SOURCE_DIR;

class ReportTest : public ::testing::Test {
 protected:
  // One generated province for every test of the suite: generating and loading take a while.
  static void SetUpTestSuite() {
    dir_ = new store::testing::TempDir();
    db_ = dir_->File("r.db");
    const synth::GenerateOptions options = synth::testing::CaMauOptions(kHome, 600, 2013, 2014);
    auto db = synth::testing::GenerateIntoNewStore(db_, clock_, options);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    auto units = io::LoadProvinceUnits(kHome + "/data/vn-admin-units.csv", "96");
    ASSERT_TRUE(units.ok()) << units.status().ToString();
    std::vector<std::string> communes;
    for (const auto& u : *units) {
      if (u.level == UnitLevel::kCommune) communes.push_back(u.code);
    }
    auto rows = store::HouseholdDirectory(**db).List(communes, 2014);
    ASSERT_TRUE(rows.ok() && !rows->empty());
    commune_ = new std::string((*rows)[0].commune_code);
    for (const auto& row : *rows) {
      if (row.commune_code != *commune_) {
        other_commune_ = new std::string(row.commune_code);
        break;
      }
    }
    ASSERT_NE(other_commune_, nullptr);
    for (const auto& [name, role, unit] :
         {std::tuple{"tinh", "province", std::string("96")}, {"xa", "commune", *commune_}}) {
      store::User u;
      u.username = name;
      u.role = role;
      u.unit_code = unit;
      u.password_hash = *HashPassword("mat-khau", HashCost::kTestOnly);
      ASSERT_TRUE((*db)->users().Add(u, {"test"}).ok());
    }
  }
  static void TearDownTestSuite() {
    delete commune_;
    delete other_commune_;
    delete dir_;
  }

  void SetUp() override {
    ServerOptions o;
    o.db = db_;
    o.port = 0;
    o.home = kHome;
    o.clock = &clock_;
    o.threads = 2;
    o.analytics_loader = MakeAnalyticsLoader(db_, kHome, clock_, 1);
    o.logger = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    auto created = Server::Create(std::move(o));
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    server_ = std::move(created).value();
    ASSERT_TRUE(server_->Bind().ok());
    ASSERT_TRUE(server_->WaitUntilReady());
    runner_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    for (int i = 0; i < 500 && !client_->Get("/api/v1/health"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  void TearDown() override {
    server_->Stop();
    if (runner_.joinable()) runner_.join();
  }

  std::string Login(const std::string& user) {
    auto res = client_->Post("/api/v1/login", Json{{"username", user}, {"password", "mat-khau"}}.dump(),
                             "application/json");
    EXPECT_TRUE(res && res->status == 200);
    if (!res) return "";
    const std::string set = res->get_header_value("Set-Cookie");
    return set.substr(0, set.find(';'));
  }
  httplib::Result Get(const std::string& cookie, const std::string& path) {
    return client_->Get(path.c_str(), httplib::Headers{{"Cookie", cookie}});
  }
  // The body saved as a file, for io's reader.
  std::string Saved(const std::string& body, const std::string& name) {
    const std::string path = dir_->File(name);
    std::ofstream(path, std::ios::binary) << body;
    return path;
  }
  // The rows of a sheet, as io's reader gives them.
  static std::vector<std::vector<std::string>> Rows(const std::string& path, const std::string& sheet) {
    std::vector<std::vector<std::string>> rows;
    const Status read = io::ReadSheet(path, sheet, [&](const std::vector<std::string>& cells, std::int64_t) {
      rows.push_back(cells);
      return Status::Ok();
    });
    EXPECT_TRUE(read.ok()) << read.ToString();
    return rows;
  }
  // The value of indicator `id` in the indicators endpoint's answer for `unit`.
  double Indicator(const std::string& cookie, const std::string& unit, const std::string& id) {
    auto res = Get(cookie, "/api/v1/units/" + unit + "/indicators?year=2014");
    EXPECT_TRUE(res && res->status == 200);
    const Json body = Json::parse(res->body);
    for (const auto& i : body["indicators"]) {
      if (i["id"] == id) return i["value"].get<double>();
    }
    ADD_FAILURE() << "no indicator " << id;
    return -1;
  }

  static inline store::testing::TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline std::string* commune_ = nullptr;
  static inline std::string* other_commune_ = nullptr;
  static inline FixedClock clock_{store::testing::kJune15};
  std::unique_ptr<Server> server_;
  std::thread runner_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ReportTest, TheProvinceWorkbookHasTheFourSheetsAndTheIndicatorsEndpointsFigures) {
  const std::string tinh = Login("tinh");
  auto res = Get(tinh, "/api/v1/units/96/report.xlsx?year=2014");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(res->get_header_value("Content-Disposition"), "attachment; filename=\"an-sinh-96-2014.xlsx\"");
  const std::string path = Saved(res->body, "96.xlsx");
  auto sheets = io::ListSheets(path);
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  EXPECT_EQ(*sheets, (std::vector<std::string>{"Mục tiêu", "Theo huyện", "Theo xã", "Chuyển dịch"}));
  // The district sheet: title, subtitle, header, districts, then the province's total.
  const auto rows = Rows(path, "Theo huyện");
  ASSERT_GE(rows.size(), 4u);
  const auto& header = rows[2];
  const auto col = std::find(header.begin(), header.end(), "Số hộ nghèo") - header.begin();
  ASSERT_LT(col, static_cast<std::ptrdiff_t>(header.size()));
  EXPECT_EQ(rows.back()[1].rfind("Toàn tỉnh: ", 0), 0u) << rows.back()[1];
  EXPECT_DOUBLE_EQ(std::stod(rows.back()[static_cast<std::size_t>(col)]),
                   Indicator(tinh, "96", "poor_households"));
  // No year, the latest.
  auto latest = Get(tinh, "/api/v1/units/96/report.xlsx");
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->get_header_value("Content-Disposition"), "attachment; filename=\"an-sinh-96-2014.xlsx\"");
}

TEST_F(ReportTest, ACommunesWorkbookHoldsTheCommuneAndOtherCommunesAreRefused) {
  const std::string xa = Login("xa");
  auto res = Get(xa, "/api/v1/units/" + *commune_ + "/report.xlsx?year=2014");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string path = Saved(res->body, "commune.xlsx");
  auto sheets = io::ListSheets(path);
  ASSERT_TRUE(sheets.ok());
  EXPECT_EQ(*sheets, (std::vector<std::string>{"Mục tiêu", "Theo xã", "Chuyển dịch"}));
  const auto rows = Rows(path, "Theo xã");
  ASSERT_EQ(rows.size(), 4u);  // title, subtitle, header, the commune
  EXPECT_EQ(rows[3][0], *commune_);
  const auto col = std::find(rows[2].begin(), rows[2].end(), "Số hộ được khảo sát") - rows[2].begin();
  ASSERT_LT(col, static_cast<std::ptrdiff_t>(rows[2].size()));
  EXPECT_DOUBLE_EQ(std::stod(rows[3][static_cast<std::size_t>(col)]), Indicator(xa, *commune_, "households"));

  auto other = Get(xa, "/api/v1/units/" + *other_commune_ + "/report.xlsx?year=2014");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
  EXPECT_EQ(Json::parse(other->body)["error"]["code"], "permission_denied");
  EXPECT_EQ(Get(xa, "/api/v1/units/96/report.xlsx?year=2014")->status, 403);
}

TEST_F(ReportTest, ABadYearIs400NamingTheYear) {
  const std::string tinh = Login("tinh");
  for (const char* year : {"abc", "1999", "2015"}) {
    auto res = Get(tinh, std::string("/api/v1/units/96/report.xlsx?year=") + year);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << year;
    EXPECT_EQ(Json::parse(res->body)["error"]["field"], "year") << res->body;
  }
}

// Not the report, but the same loaded analytics: the list's category filter (household_index.h)
// counts what the indicators count.
TEST_F(ReportTest, TheHouseholdListsCategoryFilterAgreesWithTheIndicators) {
  const std::string tinh = Login("tinh");
  auto res = Get(tinh, "/api/v1/households?unit=96&year=2014&category=poor&page_size=1");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const Json body = Json::parse(res->body);
  EXPECT_DOUBLE_EQ(body["total"].get<double>(), Indicator(tinh, "96", "poor_households"));
  EXPECT_EQ(body["items"][0]["category"], "poor");
}

// The series say which standard classified each year, in the order of the years.
TEST_F(ReportTest, TheSeriesNameEachYearsStandard) {
  auto res = Get(Login("tinh"), "/api/v1/units/96/series?indicators=poverty_rate_households");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const Json body = Json::parse(res->body);
  EXPECT_EQ(body["years"], (Json{2013, 2014}));
  EXPECT_EQ(body["standards"], (Json{"vn-2011-2015", "vn-2011-2015"}));
}

// The targets carry their goal as numbers beside the text, by kind, for a reader to write in its
// own language.
TEST_F(ReportTest, TargetsCarryTheirGoalAsNumbers) {
  auto res = Get(Login("tinh"), "/api/v1/units/96/targets?year=2014");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const Json body = Json::parse(res->body);
  std::map<std::string, Json> goals;
  for (const Json& t : body["targets"]) goals[t["id"]] = t["goal"];
  EXPECT_EQ(goals.size(), 9u);  // the 2011-2015 targets (2020 ones start in 2016)
  EXPECT_EQ(goals["health_insurance_2015"], (Json{{"op", "≥"}, {"value", 100.0}}));
  EXPECT_EQ(goals["jobs_2015"], (Json{{"min", 32000.0}, {"max", 35000.0}}));
  EXPECT_EQ(goals["poverty_reduction_2015"], (Json{{"op", "≥"}, {"value", 2.0}}));
  EXPECT_EQ(goals["temporary_housing_2015"], (Json{{"op", "="}, {"value", 0}}));
  EXPECT_TRUE(goals["provincial_line_2015"].is_null());
}

// With no classification stored, a household's page carries one computed when asked, with the
// rules' why, in the category the analytics gave it in the list.
TEST_F(ReportTest, AHouseholdsPageExplainsEveryYearItsCategory) {
  const std::string tinh = Login("tinh");
  auto list = Get(tinh, "/api/v1/households?unit=96&year=2014&category=poor&page_size=1");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  const std::string code = Json::parse(list->body)["items"][0]["code"];
  auto res = Get(tinh, "/api/v1/households/" + code);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const Json body = Json::parse(res->body);
  bool saw_2014 = false;
  for (const Json& survey : body["surveys"]) {
    ASSERT_EQ(survey["classifications"].size(), 1u) << survey["year"];
    const Json& c = survey["classifications"][0];
    EXPECT_EQ(c["source"], "computed");
    ASSERT_TRUE(c["explanation"].is_object()) << c.dump();
    EXPECT_EQ(c["explanation"]["category"], c["category"]);
    EXPECT_EQ(c["explanation"]["income_month"], survey["income_month"]);
    EXPECT_FALSE(c["explanation"]["text_vi"].get<std::string>().empty());
    if (survey["year"] == 2014) {
      saw_2014 = true;
      EXPECT_EQ(c["category"], "poor");
      EXPECT_EQ(c["standard"], "vn-2011-2015");
    }
  }
  EXPECT_TRUE(saw_2014);
}

// The search answers from the in-memory index what the store's search finds scanning the rows:
// the same households and persons for names, later words of names, codes and ID numbers, in the
// province and in a commune.
TEST_F(ReportTest, TheSearchFindsWhatTheStoresSearchFinds) {
  auto db = store::Store::Open(db_, clock_);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  std::string some_id;  // a generated person's ID number
  auto listed = store::HouseholdDirectory(**db).List({*commune_}, 2014);
  ASSERT_TRUE(listed.ok() && !listed->empty());
  for (const auto& row : *listed) {
    auto members = (*db)->households().Members(row.id);
    ASSERT_TRUE(members.ok());
    for (const Person& p : *members) {
      if (some_id.empty()) some_id = p.id_number;
    }
  }
  auto units = io::LoadProvinceUnits(kHome + "/data/vn-admin-units.csv", "96");
  ASSERT_TRUE(units.ok());
  ASSERT_FALSE(some_id.empty());
  int compared = 0;
  for (const auto& [user, area] : {std::pair{std::string("tinh"), std::string("96")}, {"xa", *commune_}}) {
    const std::string cookie = Login(user);
    std::vector<std::string> communes;
    for (const auto& u : *units) {
      if (u.level == UnitLevel::kCommune && (area == "96" || u.code == area)) communes.push_back(u.code);
    }
    for (const std::string& q : std::vector<std::string>{"lan", "hoa", "son", "thach", "nguyen van", "kim", "31", some_id}) {
      auto want = store::HouseholdDirectory(**db).Search(communes, q, 100);
      ASSERT_TRUE(want.ok()) << want.status().ToString();
      if (want->size() >= 100) continue;  // cut at the limit: which ones is the order's choice
      std::set<std::pair<std::string, std::string>> expected, got;
      for (const auto& row : *want) expected.emplace(row.code, row.matched_person);
      std::string encoded = q;
      for (std::size_t at; (at = encoded.find(' ')) != std::string::npos;) encoded.replace(at, 1, "%20");
      auto res = Get(cookie, "/api/v1/search?limit=100&q=" + encoded);
      ASSERT_TRUE(res);
      ASSERT_EQ(res->status, 200) << res->body;
      const Json body = Json::parse(res->body);
      for (const Json& item : body["items"]) {
        got.emplace(item["household"]["code"].get<std::string>(),
                    item["person"].is_null() ? "" : item["person"].get<std::string>());
      }
      EXPECT_EQ(got, expected) << user << " " << q;
      compared += expected.empty() ? 0 : 1;
    }
  }
  EXPECT_GE(compared, 6);
}

// The analytics answers are kept (api.h, ReplyCache): asked again, the same bytes as JSON; a
// refusal is not kept; and a kept answer is never given past the scope check.
TEST_F(ReportTest, AnalyticsAnswersAreKeptButNeverPastTheScopeCheck) {
  const std::string tinh = Login("tinh");
  const std::string path = "/api/v1/units/96/indicators?year=2014";
  auto first = Get(tinh, path);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  auto again = Get(tinh, path);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(again->body, first->body);
  // Each test starts its own server: the first answer is computed, the second the kept one.
  EXPECT_EQ(first->get_header_value("X-Ansinh-Cache"), "miss");
  EXPECT_EQ(again->get_header_value("X-Ansinh-Cache"), "hit");
  EXPECT_EQ(again->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(Json::parse(again->body)["year"], 2014);
  for (int i = 0; i < 2; ++i) {
    auto bad = Get(tinh, "/api/v1/units/96/indicators?year=1999");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400) << i;
    EXPECT_EQ(bad->get_header_value("X-Ansinh-Cache"), "") << i;  // a refusal is not kept
  }
  const std::string xa = Login("xa");
  auto refused = Get(xa, path);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(refused->get_header_value("X-Ansinh-Cache"), "");  // refused before the cache
  EXPECT_EQ(Json::parse(refused->body)["error"]["code"], "permission_denied");
}

}  // namespace
}  // namespace ansinh::server
