#include "cli/snapshot_loader.h"

#include <string>
#include <utility>
#include <vector>

#include "cli/progress.h"
#include "store/registry_reader.h"

namespace ansinh::cli {

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
  std::unique_ptr<Progress> progress;
  if (request.progress != nullptr) {
    ProgressOptions options;
    options.terminal = IsTerminal(*request.progress);
    progress = std::make_unique<Progress>(*request.progress, "đọc năm khảo sát / reading survey years",
                                          static_cast<std::int64_t>(years.size()), options);
  }
  for (int year : years) {
    ANSINH_ASSIGN_OR_RETURN(std::vector<store::SurveyedHousehold> rows,
                            db.surveys().YearSnapshot(year));
    std::vector<std::int64_t> ids(rows.size());
    std::vector<analytics::UnitIndex> communes(rows.size());
    std::vector<rules::HouseholdRecord> records(rows.size());
    for (std::size_t h = 0; h < rows.size(); ++h) {
      store::SurveyedHousehold& row = rows[h];
      ids[h] = row.household.id;
      communes[h] = snapshot->units().Find(row.household.commune_code);
      records[h].survey = row.survey;
      records[h].urban = row.urban;
      records[h].members.reserve(row.members.size());
      for (store::SurveyMember& m : row.members) {
        records[h].members.push_back({std::move(m.person), m.year});
      }
    }
    rows = {};
    ANSINH_RETURN_IF_ERROR(snapshot->AddYear(year, ids, communes, records));
    if (progress) {
      progress->Advance();
      progress->Tick();  // a year is a long step: report now rather than every 1,024 steps
    }
  }
  return snapshot;
}

}  // namespace ansinh::cli
