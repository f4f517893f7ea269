#include "app/snapshot_loader.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analytics/year_builder.h"
#include "rules/frame_builder.h"
#include "store/registry_reader.h"

namespace ansinh::app {
namespace {

// Feeds one year's scan into a YearBuilder, resolving each commune code to its dense index once.
class YearFiller final : public store::YearScanSink {
 public:
  YearFiller(const analytics::UnitTree& units, analytics::YearBuilder& builder)
      : units_(units), builder_(builder) {}

  Status Household(const store::ScannedHousehold& h) override {
    builder_.AddHousehold(h.id, Commune(h.commune_code), h.survey, h.urban);
    return Status::Ok();
  }

  Status Member(const store::ScannedMember& m) override {
    analytics::MemberInput member;
    ANSINH_ASSIGN_OR_RETURN(member.birth_year, rules::BirthYearOf(m.birth_date));
    member.sex = m.sex;
    member.relation = m.relation;
    member.ethnicity = m.ethnicity;
    member.year = m.year;
    builder_.AddMember(member);
    return Status::Ok();
  }

 private:
  // Households come in id order, not commune order, but a province has only hundreds of
  // communes: a map keyed by the code's text is looked up once per household.
  analytics::UnitIndex Commune(std::string_view code) {
    auto it = communes_.find(std::string(code));
    if (it == communes_.end()) it = communes_.emplace(std::string(code), units_.Find(code)).first;
    return it->second;
  }

  const analytics::UnitTree& units_;
  analytics::YearBuilder& builder_;
  std::unordered_map<std::string, analytics::UnitIndex> communes_;
};

}  // namespace

Result<std::unique_ptr<analytics::Snapshot>> LoadSnapshot(store::Store& db,
                                                          const rules::Catalogue& catalogue,
                                                          const SnapshotRequest& request) {
  ANSINH_ASSIGN_OR_RETURN(std::vector<AdminUnit> units, db.units().All());
  ANSINH_ASSIGN_OR_RETURN(analytics::UnitTree tree, analytics::UnitTree::Build(std::move(units)));
  auto snapshot = std::make_unique<analytics::Snapshot>(catalogue, std::move(tree));
  store::RegistryReader reader(db);
  ANSINH_ASSIGN_OR_RETURN(std::vector<int> all_years, reader.SurveyYears());
  std::vector<int> years;
  bool found = request.last_year == 0;
  for (int y : all_years) {
    if (request.last_year != 0 && y > request.last_year) continue;
    if (y < request.first_year) continue;
    if (y == request.last_year) found = true;
    years.push_back(y);
  }
  if (!found || years.empty()) {
    return Status::NotFound("year", std::to_string(request.last_year),
                            "không có hộ nào được khảo sát năm này",
                            "no household was surveyed in this year");
  }
  const int total = static_cast<int>(years.size());
  if (request.on_year) request.on_year(0, total);
  int done = 0;
  for (int year : years) {
    analytics::YearBuilder builder(catalogue, year);
    YearFiller filler(snapshot->units(), builder);
    ANSINH_RETURN_IF_ERROR(db.surveys().ScanYear(year, filler));
    ANSINH_ASSIGN_OR_RETURN(analytics::SurveyYear built, builder.Finish());
    ANSINH_RETURN_IF_ERROR(snapshot->AddYear(std::move(built)));
    ++done;
    if (request.on_year) request.on_year(done, total);
  }
  return snapshot;
}

}  // namespace ansinh::app
