// The server through real HTTP: a real Server on an ephemeral loopback port over a real SQLite
// file, asked by httplib::Client. The clock is a FixedClock the tests advance (no sleeps).
#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <set>
#include <thread>

#include "server/router.h"
#include "store/test_util.h"

namespace ansinh::server {
namespace {

using Json = nlohmann::json;
using store::testing::TempDir;

// Province 96; district 964 with communes 32014 and 32015; district 966 with commune 32200.
std::vector<AdminUnit> Units() {
  auto units = store::testing::SmallProvince();
  units.push_back({"32015", "Xã Tân Thuận", "Xã", UnitLevel::kCommune, "964", false});
  return units;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("s.db");
    {
      auto store = store::Store::Open(db_, clock_);
      ASSERT_TRUE(store.ok());
      store::Store& s = **store;
      ASSERT_TRUE(s.units().InitProvince(Units(), actor_).ok());
      // Names chosen for Vietnamese order: Dương < Đặng (D before Đ), although "dang" < "duong".
      AddHousehold(s, "32014", "H-1", {"Đặng Văn Bình", "Nguyễn Thị Hoà"}, "095080001234");
      AddHousehold(s, "32014", "H-2", {"Dương Thị Lan"}, "");
      AddHousehold(s, "32014", "H-3", {"Nguyễn Văn A"}, "");
      AddHousehold(s, "32015", "H-4", {"Nguyễn Văn An"}, "");
      AddHousehold(s, "32200", "H-5", {"Trần Văn Cường"}, "");
      AddUser(s, "tinh", "province", "96");
      AddUser(s, "huyen", "district", "964");
      AddUser(s, "xa", "commune", "32014");
    }
    web_ = dir_.File("web");
    std::filesystem::create_directories(web_ + "/assets");
    std::ofstream(web_ + "/index.html") << "<!doctype html><title>An Sinh</title>";
    std::ofstream(web_ + "/assets/app.js") << "console.log('an sinh')";
    StartServer();
  }
  void TearDown() override { StopServer(); }

  void AddHousehold(store::Store& s, const std::string& commune, const std::string& code,
                    const std::vector<std::string>& names, const std::string& id_number) {
    Household h;
    h.code = code;
    h.commune_code = commune;
    h.hamlet_name = "Ấp 1";
    auto added = s.households().Add(h, actor_);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    for (std::size_t i = 0; i < names.size(); ++i) {
      Person p;
      p.household_id = added->id;
      p.full_name = names[i];
      p.birth_date = "1980-01-01";
      p.relation = i == 0 ? Relation::kHead : Relation::kSpouse;
      if (i == 0) p.id_number = id_number;
      ASSERT_TRUE(s.households().AddPerson(p, actor_).ok());
    }
    HouseholdYear y;
    y.household_id = added->id;
    y.year = 2014;
    y.income_month = 1'000'000 * static_cast<Vnd>(names.size() + code.back() - '0');
    y.housing_area_m2 = 40;
    ASSERT_TRUE(s.surveys().PutHouseholdYear(y, actor_).ok());
  }
  void AddUser(store::Store& s, const std::string& name, const std::string& role,
               const std::string& unit) {
    store::User u;
    u.username = name;
    u.role = role;
    u.unit_code = unit;
    u.password_hash = *HashPassword("mat-khau-" + name, HashCost::kTestOnly);
    ASSERT_TRUE(s.users().Add(u, actor_).ok());
  }

  void StartServer() {
    ServerOptions o;
    o.db = db_;
    o.port = 0;
    o.web_dir = web_;
    o.home = ANSINH_SOURCE_DIR;
    o.clock = &clock_;
    o.threads = 2;
    o.reload_check_ms = reload_check_ms_;
    o.logger = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    auto created = Server::Create(std::move(o));
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    server_ = std::move(created).value();
    ASSERT_TRUE(server_->Bind().ok());
    runner_ = std::thread([this] { run_status_ = server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    // Wait until the listener accepts (Run starts it on the runner thread).
    for (int i = 0; i < 500 && !client_->Get("/api/v1/health"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  void StopServer() {
    if (!server_) return;
    server_->Stop();
    if (runner_.joinable()) runner_.join();
    server_.reset();
  }

  struct Signed {
    std::string cookie;  // "ansinh_session=..."
    std::string csrf;
  };
  Signed Login(const std::string& user) {
    auto res = client_->Post("/api/v1/login",
                             Json{{"username", user}, {"password", "mat-khau-" + user}}.dump(),
                             "application/json");
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << res->body;
    const std::string set = res->get_header_value("Set-Cookie");
    return {set.substr(0, set.find(';')), Json::parse(res->body).value("csrf_token", "")};
  }
  httplib::Result Get(const Signed& who, const std::string& path) {
    return client_->Get(path.c_str(), httplib::Headers{{"Cookie", who.cookie}});
  }
  static Json Body(const httplib::Result& res) { return Json::parse(res->body, nullptr, false); }

  TempDir dir_;
  std::string db_, web_;
  int reload_check_ms_ = 0;
  FixedClock clock_{store::testing::kJune15};
  store::Actor actor_{"tester"};
  std::unique_ptr<Server> server_;
  std::thread runner_;
  Status run_status_;
  std::unique_ptr<httplib::Client> client_;
};

// A household added while the server runs (by an import, the CLI: another connection) is in
// the list once the watch has seen the audit log; nothing needs a restart.
TEST_F(ServerTest, AHouseholdAddedWhileServingIsListedAfterTheRegistryWatchReloads) {
  StopServer();
  reload_check_ms_ = 20;
  StartServer();
  const Signed xa = Login("xa");
  auto total = [&] { return Body(Get(xa, "/api/v1/households?unit=32014"))["total"].get<int>(); };
  ASSERT_EQ(total(), 3);
  {
    auto store = store::Store::Open(db_, clock_);
    ASSERT_TRUE(store.ok());
    AddHousehold(**store, "32014", "H-6", {"Lê Văn Mới"}, "");
  }
  for (int i = 0; i < 500 && total() != 4; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(total(), 4);
  auto found = Body(Get(xa, "/api/v1/search?q=le van moi"));
  ASSERT_EQ(found["items"].size(), 1u) << found.dump();
  EXPECT_EQ(found["items"][0]["household"]["code"], "H-6");
}

TEST_F(ServerTest, HealthAnswersWithoutASessionAndSaysNotReadyWithoutAnalytics) {
  auto res = client_->Get("/api/v1/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(Body(res), (Json{{"status", "ok"}, {"ready", false}}));
}

TEST_F(ServerTest, LoginSetsAStrictHttpOnlyCookieAndAnswersTheUser) {
  auto res = client_->Post("/api/v1/login", R"({"username":"xa","password":"mat-khau-xa"})",
                           "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_EQ(cookie.rfind("ansinh_session=", 0), 0u) << cookie;
  EXPECT_EQ(cookie.substr(15, 64).find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;
  const Json body = Body(res);
  EXPECT_EQ(body["user"], (Json{{"username", "xa"}, {"role", "commune"},
                                {"unit", {{"code", "32014"}, {"name", "Xã Tạ An Khương"}}}}));
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 64u);

  Signed who{cookie.substr(0, cookie.find(';')), body["csrf_token"]};
  auto me = Get(who, "/api/v1/me");
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(Body(me)["user"], body["user"]);
}

TEST_F(ServerTest, WrongPasswordIs401AndEverySignInIsAudited) {
  auto bad = client_->Post("/api/v1/login", R"({"username":"xa","password":"nope-nope"})",
                           "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
  EXPECT_EQ(Body(bad)["error"]["code"], "unauthenticated");
  EXPECT_TRUE(bad->get_header_value("Set-Cookie").empty());
  auto unknown = client_->Post("/api/v1/login", R"({"username":"ghost","password":"whatever1"})",
                               "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 401);
  Login("xa");
  auto store = store::Store::Open(db_, clock_);
  ASSERT_TRUE(store.ok());
  auto entries = (*store)->audit().List({"user", "", 10});
  ASSERT_TRUE(entries.ok());
  std::vector<std::string> actions;
  for (const auto& e : *entries) actions.push_back(e.action + ":" + e.key);
  EXPECT_EQ(actions, (std::vector<std::string>{"login:xa", "login_failed:ghost", "login_failed:xa",
                                                "insert:3", "insert:2", "insert:1"}));
  EXPECT_EQ(Json::parse((*entries)[2].after_json)["reason"], "wrong_password");
}

TEST_F(ServerTest, BadLoginBodiesAre400) {
  for (const char* body : {"not json", "{}", R"({"username":"xa"})", R"({"username":1,"password":"x"})"}) {
    auto res = client_->Post("/api/v1/login", body, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << body;
    EXPECT_EQ(Body(res)["error"]["code"], "invalid_argument") << body;
  }
}

TEST_F(ServerTest, FiveFailuresThen429WithRetryAfterUntilTheWindowPasses) {
  const std::string wrong = R"({"username":"xa","password":"wrong-pass"})";
  for (int i = 0; i < 5; ++i) {
    auto res = client_->Post("/api/v1/login", wrong, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << i;
  }
  auto limited = client_->Post("/api/v1/login", R"({"username":"xa","password":"mat-khau-xa"})",
                               "application/json");
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(Body(limited)["error"]["code"], "rate_limited");
  EXPECT_EQ(limited->get_header_value("Retry-After"), "900");
  // Another user from the same address is not blocked.
  Login("huyen");
  clock_.Advance(900);
  Login("xa");
}

TEST_F(ServerTest, EveryRouteButHealthAndLoginNeedsASession) {
  std::set<std::string> public_routes;
  for (const Route& r : server_->routes()) {
    std::string path = r.path;
    for (const char* param : {"{code}"}) {
      const auto at = path.find(param);
      if (at != std::string::npos) path.replace(at, 6, "96");
    }
    auto res = r.method == "GET" ? client_->Get(path.c_str())
                                 : client_->Post(path.c_str(), "{}", "application/json");
    ASSERT_TRUE(res) << path;
    if (r.access == Access::kPublic) {
      public_routes.insert(r.path);
      EXPECT_NE(res->status, 401) << path;
    } else {
      EXPECT_EQ(res->status, 401) << r.method << " " << path;
      EXPECT_EQ(Body(res)["error"]["code"], "unauthenticated") << path;
    }
  }
  EXPECT_EQ(public_routes, (std::set<std::string>{"/api/v1/health", "/api/v1/login"}));
  auto forged = client_->Get("/api/v1/me", httplib::Headers{{"Cookie", "ansinh_session=" + NewToken()}});
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 401);
}

TEST_F(ServerTest, StateChangingRequestsNeedTheCsrfToken) {
  const Signed who = Login("xa");
  auto without = client_->Post("/api/v1/logout", httplib::Headers{{"Cookie", who.cookie}}, "", "application/json");
  ASSERT_TRUE(without);
  EXPECT_EQ(without->status, 403);
  EXPECT_EQ(Body(without)["error"]["code"], "csrf");
  auto wrong = client_->Post("/api/v1/logout",
                             httplib::Headers{{"Cookie", who.cookie}, {"X-CSRF-Token", NewToken()}}, "",
                             "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  auto still = Get(who, "/api/v1/me");
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);  // the refused logout changed nothing
  auto ok = client_->Post("/api/v1/logout",
                          httplib::Headers{{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}}, "",
                          "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_NE(ok->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  auto after = Get(who, "/api/v1/me");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
}

TEST_F(ServerTest, SessionsExpireWhenIdleAndAtTheAbsoluteLimit) {
  const Signed idle = Login("xa");
  clock_.Advance(29 * 60);
  EXPECT_EQ(Get(idle, "/api/v1/me")->status, 200);
  clock_.Advance(30 * 60);
  EXPECT_EQ(Get(idle, "/api/v1/me")->status, 401);

  const Signed busy = Login("xa");
  for (int i = 0; i < 35; ++i) {  // a request every 20 minutes for 11 h 40 min
    clock_.Advance(20 * 60);
    ASSERT_EQ(Get(busy, "/api/v1/me")->status, 200) << i;
  }
  clock_.Advance(20 * 60);  // 12 h after sign-in
  EXPECT_EQ(Get(busy, "/api/v1/me")->status, 401);
}

// The scope matrix: a commune user asks every route for something of another commune (32015,
// same district) and of another district (966): 403, and never the data.
TEST_F(ServerTest, ACommuneUserIsRefusedOutsideTheCommuneOnEveryRoute) {
  const Signed xa = Login("xa");
  std::map<Scope, std::vector<std::string>> outside = {
      {Scope::kUnitPath, {"32015", "964", "966", "96"}},
      {Scope::kUnitQuery, {"32015", "964", "96"}},
      {Scope::kHouseholdPath, {"H-4", "H-5"}},
  };
  int checked = 0;
  for (const Route& r : server_->routes()) {
    if (r.access == Access::kPublic || r.method != "GET") continue;
    if (r.scope == Scope::kNone) continue;
    if (r.scope == Scope::kUserArea) {  // search: answers only from the user's area
      auto res = Get(xa, r.path + "?q=nguyen");
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 200);
      const Json body = Body(res);  // a named value: the loop must not outlive a temporary
      for (const auto& item : body["items"]) {
        EXPECT_EQ(item["household"]["commune"]["code"], "32014") << item.dump();
      }
      EXPECT_EQ(Body(res)["items"].size(), 2u) << res->body;  // Nguyễn Thị Hoà (H-1), Nguyễn Văn A (H-3)
      ++checked;
      continue;
    }
    for (const std::string& other : outside.at(r.scope)) {
      std::string path = r.path;
      if (r.scope == Scope::kUnitQuery) {
        path += "?unit=" + other;
      } else {
        path.replace(path.find("{code}"), 6, other);
      }
      auto res = Get(xa, path);
      ASSERT_TRUE(res) << path;
      EXPECT_EQ(res->status, 403) << path << " " << res->body;
      EXPECT_EQ(Body(res)["error"]["code"], "permission_denied") << path;
      EXPECT_EQ(Body(res).size(), 1u) << path;  // nothing but the error
    }
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(server_->routes().size()) - 5);  // all but health, login,
                                                                       // logout, me, openapi
  // Inside the commune the same routes answer.
  EXPECT_EQ(Get(xa, "/api/v1/units/32014")->status, 200);
  EXPECT_EQ(Get(xa, "/api/v1/households/H-1")->status, 200);
  EXPECT_EQ(Get(xa, "/api/v1/households?unit=32014")->status, 200);
  EXPECT_EQ(Get(xa, "/api/v1/units/32014/indicators")->status, 503);  // in scope, not loaded
  // A district user sees both communes of the district, not the other district.
  const Signed huyen = Login("huyen");
  EXPECT_EQ(Get(huyen, "/api/v1/households/H-4")->status, 200);
  EXPECT_EQ(Get(huyen, "/api/v1/households/H-5")->status, 403);
  EXPECT_EQ(Get(huyen, "/api/v1/households/NO-SUCH")->status, 404);
}

TEST_F(ServerTest, UnitShape) {
  const Signed tinh = Login("tinh");
  auto res = Get(tinh, "/api/v1/units/964");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(Body(res), (Json{{"code", "964"}, {"name", "Huyện Đầm Dơi"}, {"level", "district"},
                             {"parent", {{"code", "96"}, {"name", "Tỉnh Cà Mau"}}},
                             {"children", {{{"code", "32014"}, {"name", "Xã Tạ An Khương"}, {"level", "commune"}},
                                           {{"code", "32015"}, {"name", "Xã Tân Thuận"}, {"level", "commune"}}}},
                             {"years", {2014}}}));
  EXPECT_EQ(Body(Get(tinh, "/api/v1/units/96"))["parent"], nullptr);
  EXPECT_EQ(Get(tinh, "/api/v1/units/99999")->status, 404);
}

TEST_F(ServerTest, HouseholdsSortByVietnameseCollationAndPage) {
  const Signed huyen = Login("huyen");
  auto res = Get(huyen, "/api/v1/households?unit=964&sort=name&page_size=3");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const Json body = Body(res);
  EXPECT_EQ(body["total"], 4);
  EXPECT_EQ(body["page"], 1);
  EXPECT_EQ(body["page_size"], 3);
  std::vector<std::string> names;
  for (const auto& item : body["items"]) names.push_back(item["head_name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Dương Thị Lan", "Đặng Văn Bình", "Nguyễn Văn A"}));
  const Json& first = body["items"][0];
  EXPECT_EQ(first, (Json{{"code", "H-2"}, {"head_name", "Dương Thị Lan"},
                         {"commune", {{"code", "32014"}, {"name", "Xã Tạ An Khương"}}},
                         {"hamlet", "Ấp 1"}, {"members", 1}, {"income_pc", 3'000'000},
                         {"category", nullptr}}));
  auto page2 = Body(Get(huyen, "/api/v1/households?unit=964&sort=name&page_size=3&page=2"));
  ASSERT_EQ(page2["items"].size(), 1u);
  EXPECT_EQ(page2["items"][0]["head_name"], "Nguyễn Văn An");
  auto by_income = Body(Get(huyen, "/api/v1/households?unit=964&sort=income_pc&order=desc"));
  EXPECT_EQ(by_income["items"][0]["code"], "H-4");  // 5,000,000 for one member
  auto q = Body(Get(huyen, "/api/v1/households?unit=964&q=nguyen van"));
  EXPECT_EQ(q["total"], 2);
  // q inside a head's name (not a spouse's: Nguyễn Thị Hoà is H-1's spouse), and a code's start.
  auto inside = Body(Get(huyen, "/api/v1/households?unit=964&q=th%E1%BB%8B"));  // "thị"
  ASSERT_EQ(inside["total"], 1) << inside.dump();
  EXPECT_EQ(inside["items"][0]["code"], "H-2");
  auto code = Body(Get(huyen, "/api/v1/households?unit=964&q=h-4"));
  ASSERT_EQ(code["total"], 1) << code.dump();
  EXPECT_EQ(code["items"][0]["code"], "H-4");
  auto by_code = Body(Get(huyen, "/api/v1/households?unit=964&sort=code&order=desc&page_size=2"));
  EXPECT_EQ(by_code["items"][0]["code"], "H-4");
  EXPECT_EQ(by_code["items"][1]["code"], "H-3");
  // A commune's list (walked in the commune's own slice of each order) is the district's list
  // restricted to the commune, in every order.
  for (const std::string sort : {"name", "code", "income_pc"}) {
    for (const std::string order : {"asc", "desc"}) {
      const std::string query = "&sort=" + sort + "&order=" + order;
      const Json district = Body(Get(huyen, "/api/v1/households?unit=964" + query));
      for (const std::string commune : {"32014", "32015"}) {
        std::vector<std::string> want, got;
        for (const auto& item : district["items"]) {
          if (item["commune"]["code"] == commune) want.push_back(item["code"]);
        }
        const Json list = Body(Get(huyen, "/api/v1/households?unit=" + commune + query));
        for (const auto& item : list["items"]) got.push_back(item["code"]);
        EXPECT_EQ(got, want) << commune << query;
        EXPECT_EQ(list["total"], want.size()) << commune << query;
      }
    }
  }
  // The user's own unit when ?unit= is absent.
  EXPECT_EQ(Body(Get(Login("xa"), "/api/v1/households"))["total"], 3);
}

TEST_F(ServerTest, BadParametersAre400NamingFieldAndValue) {
  const Signed tinh = Login("tinh");
  struct Case {
    std::string path, field, value;
  };
  for (const Case& c : std::vector<Case>{{"/api/v1/households?page=0", "page", "0"},
                                         {"/api/v1/households?page_size=abc", "page_size", "abc"},
                                         {"/api/v1/households?sort=age", "sort", "age"},
                                         {"/api/v1/households?order=up", "order", "up"},
                                         {"/api/v1/households?category=rich", "category", "rich"},
                                         {"/api/v1/households?year=1999", "year", "1999"},
                                         {"/api/v1/search?q=a", "q", "a"},
                                         {"/api/v1/search?q=nguyen&limit=1000", "limit", "1000"}}) {
    auto res = Get(tinh, c.path);
    ASSERT_TRUE(res) << c.path;
    EXPECT_EQ(res->status, 400) << c.path;
    const Json error = Body(res)["error"];
    EXPECT_EQ(error["code"], "invalid_argument") << c.path;
    EXPECT_EQ(error["field"], c.field) << c.path;
    EXPECT_EQ(error["value"], c.value) << c.path;
    EXPECT_FALSE(error["message"].get<std::string>().empty());
    EXPECT_FALSE(error["message_vi"].get<std::string>().empty());
  }
}

TEST_F(ServerTest, SearchIgnoresDiacriticsAndToneMarkPlacement) {
  const Signed tinh = Login("tinh");
  auto names = [&](const std::string& q) {
    std::set<std::string> out;
    const Json body = Body(Get(tinh, "/api/v1/search?q=" + q));
    for (const auto& item : body["items"]) {
      out.insert(item["person"].is_null() ? "code:" + item["household"]["code"].get<std::string>()
                                          : item["person"].get<std::string>());
    }
    return out;
  };
  EXPECT_EQ(names("nguyen van a"), (std::set<std::string>{"Nguyễn Văn A", "Nguyễn Văn An"}));
  EXPECT_EQ(names("Hòa"), (std::set<std::string>{"Nguyễn Thị Hoà"}));  // "Hòa" finds "Hoà"
  EXPECT_EQ(names("095080001234"), (std::set<std::string>{"Đặng Văn Bình"}));
  EXPECT_EQ(names("H-5"), (std::set<std::string>{"code:H-5"}));
}

TEST_F(ServerTest, HouseholdDetailHasMembersAndSurveys) {
  auto res = Get(Login("xa"), "/api/v1/households/H-1");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const Json body = Body(res);
  EXPECT_EQ(body["code"], "H-1");
  EXPECT_EQ(body["commune"]["code"], "32014");
  ASSERT_EQ(body["members"].size(), 2u);
  EXPECT_EQ(body["members"][0]["full_name"], "Đặng Văn Bình");
  EXPECT_EQ(body["members"][0]["relation"], "head");
  ASSERT_EQ(body["surveys"].size(), 1u);
  EXPECT_EQ(body["surveys"][0]["year"], 2014);
  EXPECT_EQ(body["surveys"][0]["income_month"], 3'000'000);
  EXPECT_TRUE(body["surveys"][0]["classifications"].is_array());
}

TEST_F(ServerTest, UnknownPathsAre404AndWrongMethods405) {
  const Signed tinh = Login("tinh");
  auto missing = Get(tinh, "/api/v1/nothing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(Body(missing)["error"]["code"], "not_found");
  auto method = client_->Delete("/api/v1/me", httplib::Headers{{"Cookie", tinh.cookie}});
  ASSERT_TRUE(method);
  EXPECT_EQ(method->status, 405);
  EXPECT_EQ(method->get_header_value("Allow"), "GET");
  EXPECT_EQ(Body(method)["error"]["code"], "method_not_allowed");
}

TEST_F(ServerTest, OpenApiDocumentsEveryRouteAndRoutesEveryDocumentedPath) {
  auto res = Get(Login("tinh"), "/api/v1/openapi.json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const Json doc = Body(res);
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  std::set<std::string> documented, routed;
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, op] : operations.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " " + path);
      EXPECT_TRUE(op.contains("summary") && op.contains("responses")) << path;
    }
  }
  for (const Route& r : server_->routes()) routed.insert(r.method + " " + r.path);
  EXPECT_EQ(documented, routed);
}

TEST_F(ServerTest, ServesTheWebAppWithTheSinglePageFallback) {
  auto js = client_->Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "console.log('an sinh')");
  EXPECT_EQ(js->get_header_value("Content-Type").rfind("text/javascript", 0), 0u);
  for (const char* path : {"/", "/units/96", "/households/H-1"}) {
    auto page = client_->Get(path);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200) << path;
    EXPECT_NE(page->body.find("<title>An Sinh</title>"), std::string::npos) << path;
  }
  auto escape = client_->Get("/../s.db");
  ASSERT_TRUE(escape);
  EXPECT_EQ(escape->body.find("SQLite"), std::string::npos);
}

TEST_F(ServerTest, StopEndsRunGracefully) {
  const Signed tinh = Login("tinh");
  EXPECT_EQ(Get(tinh, "/api/v1/me")->status, 200);
  server_->Stop();
  runner_.join();
  EXPECT_TRUE(run_status_.ok()) << run_status_.ToString();
  httplib::Client after("127.0.0.1", server_->port());
  after.set_connection_timeout(0, 200'000);
  EXPECT_FALSE(after.Get("/api/v1/health"));
}

TEST(RouterTest, PathTemplatesAndCookies) {
  std::map<std::string, std::string> params;
  EXPECT_TRUE(MatchPath("/api/v1/units/{code}/geo", "/api/v1/units/964/geo", &params));
  EXPECT_EQ(params.at("code"), "964");
  EXPECT_FALSE(MatchPath("/api/v1/units/{code}", "/api/v1/units/", &params));
  EXPECT_FALSE(MatchPath("/api/v1/units/{code}", "/api/v1/units/9/x", &params));
  EXPECT_EQ(CookieValue("a=1; ansinh_session=xyz; b=2", "ansinh_session"), "xyz");
  EXPECT_EQ(CookieValue("ansinh_sessionx=1", "ansinh_session"), "");
  std::string host;
  int port = 0;
  EXPECT_TRUE(ParseListen("127.0.0.1:8080", &host, &port).ok());
  EXPECT_EQ(port, 8080);
  EXPECT_EQ(ParseListen("8080", &host, &port).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseListen("h:99999", &host, &port).code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ansinh::server
