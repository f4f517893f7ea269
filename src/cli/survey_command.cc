// ansinh survey household|person: enter or correct one year's survey answers (phiếu B1/B2) for a
// household or a member. An existing year keeps the answers whose flags are not given; a new
// household year needs its income, housing quality and area, and any other answer not given is 0.
#include <initializer_list>
#include <memory>
#include <ostream>
#include <string>
#include <variant>

#include "cli/cli.h"

namespace ansinh::cli {
namespace {

// A flag that may or may not have been given on the command line.
template <typename T>
struct Answer {
  T value{};
  CLI::Option* option = nullptr;
  bool given() const { return option && option->count() > 0; }
  void ApplyTo(T& target) const {
    if (given()) target = value;
  }
};

// A 0/1 answer, taken as text so that "2" or "yes please" is refused, not read as true.
struct FlagAnswer {
  explicit FlagAnswer(const char* column) : field(column) {}
  std::string field;  // the interchange column name, for the error
  Answer<std::string> text;
  Status ApplyTo(bool& target) const {
    if (!text.given()) return Status::Ok();
    ANSINH_ASSIGN_OR_RETURN(target, ParseFlag(text.value, field));
    return Status::Ok();
  }
};

// What both verbs take: the database, whose survey it is (--household or --person) and the year.
struct SurveyTarget {
  std::string db = "ansinh.db";
  std::string subject;  // household id or code; person id
  int year = 0;
};

struct HouseholdSurveyOptions : SurveyTarget {
  Answer<std::string> income_month, housing_quality;
  Answer<double> housing_area_m2;
  FlagAnswer clean_water{"clean_water"}, hygienic_latrine{"hygienic_latrine"}, telecom{"telecom"},
      info_assets{"info_assets"};
};

struct PersonSurveyOptions : SurveyTarget {
  FlagAnswer health_insurance{"health_insurance"}, in_school{"in_school"}, trained{"trained"},
      vocational_trained{"vocational_trained"}, employed{"employed"},
      sick_untreated{"sick_untreated"}, malnourished{"malnourished"},
      wage_no_contract{"wage_no_contract"}, social_allowance{"social_allowance"};
  Answer<int> education_grade, disability;
};

Status RequireForNewYear(bool given, const char* field) {
  if (given) return Status::Ok();
  return Status::Invalid(field, "", "năm khảo sát mới cần giá trị này",
                         "a new survey year needs this value");
}

Status RunHouseholdSurvey(CliContext& ctx, const HouseholdSurveyOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(Household h, ResolveHousehold(*db, o.subject));
  ANSINH_ASSIGN_OR_RETURN(auto existing, db->surveys().GetHouseholdYear(h.id, o.year));
  HouseholdYear y;
  if (existing) {
    y = *existing;
  } else {
    ANSINH_RETURN_IF_ERROR(RequireForNewYear(o.income_month.given(), "income_month"));
    ANSINH_RETURN_IF_ERROR(RequireForNewYear(o.housing_quality.given(), "housing_quality"));
    ANSINH_RETURN_IF_ERROR(RequireForNewYear(o.housing_area_m2.given(), "housing_area_m2"));
    y.household_id = h.id;
    y.year = o.year;
  }
  if (o.income_month.given()) {
    ANSINH_ASSIGN_OR_RETURN(y.income_month, ParseVnd(o.income_month.value, "income_month"));
  }
  if (o.housing_quality.given()) {
    ANSINH_ASSIGN_OR_RETURN(y.housing_quality,
                            ParseHousingQuality(o.housing_quality.value, "housing_quality"));
  }
  o.housing_area_m2.ApplyTo(y.housing_area_m2);
  ANSINH_RETURN_IF_ERROR(o.clean_water.ApplyTo(y.clean_water));
  ANSINH_RETURN_IF_ERROR(o.hygienic_latrine.ApplyTo(y.hygienic_latrine));
  ANSINH_RETURN_IF_ERROR(o.telecom.ApplyTo(y.telecom));
  ANSINH_RETURN_IF_ERROR(o.info_assets.ApplyTo(y.info_assets));
  return db->surveys().PutHouseholdYear(y, CliActor());
}

Status RunPersonSurvey(CliContext& ctx, const PersonSurveyOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(std::int64_t id, ParseId(o.subject, "person"));
  ANSINH_ASSIGN_OR_RETURN(Person p, db->households().GetPerson(id));
  ANSINH_ASSIGN_OR_RETURN(auto existing, db->surveys().GetPersonYear(p.id, o.year));
  PersonYear y;
  if (existing) y = *existing;
  y.person_id = p.id;
  y.year = o.year;
  for (auto [answer, target] : {std::pair{&o.health_insurance, &y.health_insurance},
                                {&o.in_school, &y.in_school},
                                {&o.trained, &y.trained},
                                {&o.vocational_trained, &y.vocational_trained},
                                {&o.employed, &y.employed},
                                {&o.sick_untreated, &y.sick_untreated},
                                {&o.malnourished, &y.malnourished},
                                {&o.wage_no_contract, &y.wage_no_contract},
                                {&o.social_allowance, &y.social_allowance}}) {
    ANSINH_RETURN_IF_ERROR(answer->ApplyTo(*target));
  }
  o.education_grade.ApplyTo(y.education_grade);
  o.disability.ApplyTo(y.disability);
  return db->surveys().PutPersonYear(y, CliActor());
}

template <typename T>
void AddAnswer(CLI::App* c, const char* flag, Answer<T>& answer, const char* help) {
  answer.option = c->add_option(flag, answer.value, help);
}
void AddAnswer(CLI::App* c, const char* flag, FlagAnswer& answer, const char* help) {
  AddAnswer(c, flag, answer.text, help);
}

// One answer flag of a verb: its name, the member it fills and its help, in --help order.
template <typename Options>
struct AnswerFlag {
  const char* flag;
  std::variant<Answer<std::string> Options::*, Answer<double> Options::*, Answer<int> Options::*,
               FlagAnswer Options::*>
      member;
  const char* help;
};

// Registers `survey <verb>` with --<verb> and --year (both required), then its answer flags.
template <typename Options>
void AddSurveyVerb(CLI::App* survey, CliContext& ctx, const char* verb, const char* help,
                   Status (*run)(CliContext&, const Options&), const char* subject_help,
                   std::initializer_list<AnswerFlag<Options>> answers) {
  auto o = std::make_shared<Options>();
  CLI::App* c = AddCommand(survey, ctx, o, verb, help, run);
  c->add_option(std::string("--") + verb, o->subject, subject_help)->required();
  c->add_option("--year", o->year, "Năm khảo sát / survey year")->required();
  for (const AnswerFlag<Options>& a : answers) {
    std::visit([&](auto member) { AddAnswer(c, a.flag, (*o).*member, a.help); }, a.member);
  }
}

}  // namespace

void RegisterSurveyCommand(CLI::App& app, CliContext& ctx) {
  CLI::App* survey = app.add_subcommand(
      "survey", "Nhập kết quả khảo sát hằng năm / enter a year's survey answers");
  survey->require_subcommand(1);

  using H = HouseholdSurveyOptions;
  AddSurveyVerb<H>(
      survey, ctx, "household", "Khảo sát hộ trong một năm / a household's survey of a year",
      RunHouseholdSurvey, "Số hoặc mã hộ / household id or code",
      {{"--income-month", &H::income_month,
        "Tổng thu nhập của hộ mỗi tháng (đồng) / household income per month (VND)"},
       {"--housing-quality", &H::housing_quality,
        "Chất lượng nhà / housing: permanent, semi_permanent, less_permanent, temporary"},
       {"--housing-area", &H::housing_area_m2, "Diện tích nhà (m²) / floor area (m²)"},
       {"--clean-water", &H::clean_water, "Nước sạch / clean water: 0 or 1"},
       {"--hygienic-latrine", &H::hygienic_latrine,
        "Nhà tiêu hợp vệ sinh / hygienic latrine: 0 or 1"},
       {"--telecom", &H::telecom, "Dùng điện thoại, internet / telecom: 0 or 1"},
       {"--info-assets", &H::info_assets,
        "Tài sản tiếp cận thông tin / information assets: 0 or 1"}});

  using P = PersonSurveyOptions;
  AddSurveyVerb<P>(
      survey, ctx, "person", "Khảo sát nhân khẩu trong một năm / a member's survey of a year",
      RunPersonSurvey, "Số thứ tự nhân khẩu / person id",
      {{"--health-insurance", &P::health_insurance, "Có thẻ BHYT / health insurance: 0/1"},
       {"--in-school", &P::in_school, "Đang đi học / in school: 0/1"},
       {"--education-grade", &P::education_grade, "Lớp cao nhất / highest grade: 0-12"},
       {"--trained", &P::trained, "Qua đào tạo / trained: 0/1"},
       {"--vocational-trained", &P::vocational_trained,
        "Qua đào tạo nghề / vocationally trained: 0/1"},
       {"--employed", &P::employed, "Có việc làm / employed: 0/1"},
       {"--disability", &P::disability, "Khuyết tật / disability: 0 none, else degree"},
       {"--sick-untreated", &P::sick_untreated,
        "Ốm không đi khám chữa bệnh / ill without care: 0/1"},
       {"--malnourished", &P::malnourished, "Suy dinh dưỡng / malnourished: 0/1"},
       {"--wage-no-contract", &P::wage_no_contract,
        "Làm công không hợp đồng / wage work without contract: 0/1"},
       {"--social-allowance", &P::social_allowance,
        "Hưởng trợ cấp xã hội hằng tháng / monthly social allowance: 0/1"}});
}

}  // namespace ansinh::cli
