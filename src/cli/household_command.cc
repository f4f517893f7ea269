// ansinh household add|show|list|edit|remove: the household registry by hand.
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/cli.h"
#include "core/date.h"
#include "io/json.h"

namespace ansinh::cli {
namespace {

struct HouseholdOptions {
  std::string db = "ansinh.db";
  std::string ref;  // id or household code
  std::string commune, hamlet, code, address, unit;
  std::int64_t limit = 100, offset = 0;
  bool json = false;
  CLI::Option* code_opt = nullptr;
  CLI::Option* commune_opt = nullptr;
  CLI::Option* hamlet_opt = nullptr;
  CLI::Option* address_opt = nullptr;
};

Status RunAdd(CliContext& ctx, const HouseholdOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  Household h;
  h.code = o.code;
  h.commune_code = o.commune;
  h.hamlet_name = o.hamlet;
  h.address = o.address;
  ANSINH_ASSIGN_OR_RETURN(Household added, db->households().Add(h, CliActor()));
  *ctx.out << added.id << "\n";
  return Status::Ok();
}

void PrintHousehold(CliContext& ctx, store::Store& db, const Household& h) {
  auto& out = *ctx.out;
  out << "Hộ / household " << h.id << "  mã / code " << h.code << "\n";
  auto commune = db.units().Find(h.commune_code);
  out << "  Xã / commune:   " << h.commune_code;
  if (commune.ok() && commune->has_value()) {
    out << " " << (*commune)->name << ((*commune)->urban ? " (thành thị / urban)" : " (nông thôn / rural)");
  }
  out << "\n  Ấp / hamlet:    " << h.hamlet_name << "\n";
  if (!h.address.empty()) out << "  Địa chỉ / address: " << h.address << "\n";
}

Status RunShow(CliContext& ctx, const HouseholdOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(Household h, ResolveHousehold(*db, o.ref));
  ANSINH_ASSIGN_OR_RETURN(auto members, db->households().Members(h.id));
  ANSINH_ASSIGN_OR_RETURN(auto years, db->surveys().HouseholdYears(h.id));
  ANSINH_ASSIGN_OR_RETURN(auto classes, db->classifications().ForHousehold(h.id));
  if (o.json) {
    nlohmann::json j = io::ToJson(h);
    j["members"] = nlohmann::json::array();
    for (const auto& p : members) j["members"].push_back(io::ToJson(p));
    j["surveys"] = nlohmann::json::array();
    for (const auto& y : years) {
      nlohmann::json sj = io::ToJson(y);
      ANSINH_ASSIGN_OR_RETURN(auto person_years,
                              db->surveys().PersonYearsOfHousehold(h.id, y.year));
      sj["members"] = nlohmann::json::array();
      for (const auto& py : person_years) sj["members"].push_back(io::ToJson(py));
      j["surveys"].push_back(std::move(sj));
    }
    j["classifications"] = nlohmann::json::array();
    for (const auto& c : classes) {
      j["classifications"].push_back(
          {{"year", c.year}, {"standard", c.standard_id}, {"category", CategoryCode(c.category)},
           {"income_per_capita", c.income_per_capita},
           {"deprivation_count", c.deprivation_count}, {"outcome", c.outcome},
           {"explanation", nlohmann::json::parse(c.explanation_json.empty() ? "null"
                                                                            : c.explanation_json,
                                                 nullptr, false)}});
    }
    *ctx.out << j.dump(2) << "\n";
    return Status::Ok();
  }
  PrintHousehold(ctx, *db, h);
  auto& out = *ctx.out;
  out << "Thành viên / members (" << members.size() << "):\n";
  for (const auto& p : members) {
    auto birth = ParseIsoDate(p.birth_date, "birth_date");
    out << "  " << p.id << "  " << p.full_name << "  " << SexCode(p.sex) << "  "
        << (birth.ok() ? birth->ToDisplay() : p.birth_date) << "  " << RelationCode(p.relation)
        << "  " << p.ethnicity;
    if (!p.id_number.empty()) out << "  CCCD " << p.id_number;
    out << "\n";
  }
  out << "Khảo sát / surveys (" << years.size() << "):\n";
  for (const auto& y : years) {
    out << "  " << y.year << "  thu nhập / income " << FormatVnd(y.income_month)
        << " đ/tháng  nhà / housing " << HousingQualityCode(y.housing_quality) << " "
        << y.housing_area_m2 << " m²  nước / water " << y.clean_water << "  nhà tiêu / latrine "
        << y.hygienic_latrine << "  viễn thông / telecom " << y.telecom
        << "  tài sản thông tin / info assets " << y.info_assets << "\n";
  }
  out << "Phân loại / classifications (" << classes.size() << "):\n";
  for (const auto& c : classes) {
    out << "  " << c.year << "  " << c.standard_id << "  " << CategoryNameVi(c.category) << " / "
        << CategoryCode(c.category) << "  thu nhập bình quân / per capita "
        << FormatVnd(c.income_per_capita) << "  thiếu hụt / deprivations " << c.deprivation_count
        << (c.outcome.empty() ? "" : "  rà soát / review " + c.outcome) << "\n";
    // The explanation the rules stored with the classification, one line per language.
    const auto why = nlohmann::json::parse(c.explanation_json, nullptr, false);
    if (why.is_object() && why.contains("text_vi") && why.contains("text_en")) {
      out << "    Lý do: " << why["text_vi"].get<std::string>() << "\n";
      out << "    Why: " << why["text_en"].get<std::string>() << "\n";
    }
  }
  return Status::Ok();
}

Status RunList(CliContext& ctx, const HouseholdOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  if (o.limit < 1) return Status::Invalid("limit", std::to_string(o.limit), "phải ≥ 1", "must be ≥ 1");
  if (o.offset < 0) return Status::Invalid("offset", std::to_string(o.offset), "phải ≥ 0", "must be ≥ 0");
  store::HouseholdFilter filter{o.unit, o.limit, o.offset};
  ANSINH_ASSIGN_OR_RETURN(auto list, db->households().List(filter));
  if (o.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& h : list) j.push_back(io::ToJson(h));
    *ctx.out << j.dump(2) << "\n";
    return Status::Ok();
  }
  for (const auto& h : list) {
    *ctx.out << h.id << "  " << h.code << "  " << h.commune_code << "  " << h.hamlet_name;
    if (!h.address.empty()) *ctx.out << "  " << h.address;
    *ctx.out << "\n";
  }
  return Status::Ok();
}

Status RunEdit(CliContext& ctx, const HouseholdOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(Household h, ResolveHousehold(*db, o.ref));
  if (o.code_opt->count()) h.code = o.code;
  if (o.commune_opt->count()) h.commune_code = o.commune;
  if (o.hamlet_opt->count()) h.hamlet_name = o.hamlet;
  if (o.address_opt->count()) h.address = o.address;
  return db->households().Update(h, CliActor());
}

Status RunRemove(CliContext& ctx, const HouseholdOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(Household h, ResolveHousehold(*db, o.ref));
  return db->households().Remove(h.id, CliActor());
}

}  // namespace

void RegisterHouseholdCommand(CLI::App& app, CliContext& ctx) {
  CLI::App* hh = app.add_subcommand("household", "Sổ hộ gia đình / the household registry");
  hh->require_subcommand(1);

  auto add = std::make_shared<HouseholdOptions>();
  CLI::App* c = AddCommand(hh, ctx, add, "add", "Thêm hộ, in ra số hộ / add a household, print its id",
                        RunAdd);
  c->add_option("--commune", add->commune, "Mã xã GSO / GSO commune code (5 digits)")->required();
  c->add_option("--hamlet", add->hamlet, "Ấp, khóm / hamlet (created if new)")->required();
  c->add_option("--code", add->code, "Mã hộ / household code (default: <commune>-<id>)");
  c->add_option("--address", add->address, "Địa chỉ / address");

  auto show = std::make_shared<HouseholdOptions>();
  c = AddCommand(hh, ctx, show, "show",
              "Xem hộ: thành viên, khảo sát, phân loại / show a household: members, surveys, "
              "classifications", RunShow);
  c->add_option("household", show->ref, "Số hoặc mã hộ / household id or code")->required();
  c->add_flag("--json", show->json, "Xuất JSON / print JSON");

  auto list = std::make_shared<HouseholdOptions>();
  c = AddCommand(hh, ctx, list, "list", "Liệt kê hộ / list households", RunList);
  c->add_option("--unit", list->unit, "Mã tỉnh, huyện hoặc xã / province, district or commune code");
  c->add_option("--limit", list->limit, "Số hộ tối đa / at most this many")->capture_default_str();
  c->add_option("--offset", list->offset, "Bỏ qua / skip this many")->capture_default_str();
  c->add_flag("--json", list->json, "Xuất JSON / print JSON");

  auto edit = std::make_shared<HouseholdOptions>();
  c = AddCommand(hh, ctx, edit, "edit", "Sửa hộ / edit a household", RunEdit);
  c->add_option("household", edit->ref, "Số hoặc mã hộ / household id or code")->required();
  edit->code_opt = c->add_option("--code", edit->code, "Mã hộ mới / new household code");
  edit->commune_opt = c->add_option("--commune", edit->commune, "Mã xã mới / new commune code");
  edit->hamlet_opt = c->add_option("--hamlet", edit->hamlet, "Ấp, khóm mới / new hamlet");
  edit->address_opt = c->add_option("--address", edit->address, "Địa chỉ mới / new address");

  auto remove = std::make_shared<HouseholdOptions>();
  c = AddCommand(hh, ctx, remove, "remove",
              "Xóa hộ cùng thành viên và khảo sát / remove a household with its members and "
              "surveys", RunRemove);
  c->add_option("household", remove->ref, "Số hoặc mã hộ / household id or code")->required();
}

}  // namespace ansinh::cli
