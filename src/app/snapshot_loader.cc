#include "app/snapshot_loader.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <thread>
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

// One survey year, read column by column.
Result<analytics::SurveyYear> ReadYear(store::Store& db, const rules::Catalogue& catalogue,
                                       const analytics::UnitTree& units, int year) {
  analytics::YearBuilder builder(catalogue, year);
  YearFiller filler(units, builder);
  ANSINH_RETURN_IF_ERROR(db.surveys().ScanYear(year, filler));
  return builder.Finish();
}

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

  // Workers take years in turn (k, k + T, ...), each with its own connection; the calling
  // thread is worker 0 on `db` and the only one that reports progress. A SQLite read is one
  // thread's work, so years in parallel is what uses a second core.
  std::vector<std::unique_ptr<store::Store>> readers;
  for (int k = 1; k < std::min(request.threads, total); ++k) {
    Result<std::unique_ptr<store::Store>> reader = db.OpenAnother();
    if (!reader.ok()) break;  // an in-memory database: the calling thread reads alone
    readers.push_back(std::move(reader).value());
  }
  const int workers = 1 + static_cast<int>(readers.size());
  std::vector<std::optional<Result<analytics::SurveyYear>>> built(years.size());
  std::atomic<int> done{0};
  int reported = 0;  // the calling thread's last report
  auto read_years = [&](store::Store& store, int worker) {
    for (std::size_t i = static_cast<std::size_t>(worker); i < years.size();
         i += static_cast<std::size_t>(workers)) {
      built[i] = ReadYear(store, catalogue, snapshot->units(), years[i]);
      ++done;
      if (!built[i]->ok()) return;
      if (worker == 0 && request.on_year) request.on_year(reported = done.load(), total);
    }
  };
  {
    std::vector<std::jthread> threads;
    for (int k = 1; k < workers; ++k) {
      threads.emplace_back(read_years, std::ref(*readers[static_cast<std::size_t>(k - 1)]), k);
    }
    read_years(db, 0);
  }  // joined
  if (request.on_year && done.load() == total && reported != total) request.on_year(total, total);
  for (std::optional<Result<analytics::SurveyYear>>& year : built) {
    if (!year) continue;  // a worker stopped at an earlier error, reported below
    if (!year->ok()) return year->status();
  }
  for (std::optional<Result<analytics::SurveyYear>>& year : built) {
    if (!year) return Status::Internal("a survey year was not read");
    ANSINH_RETURN_IF_ERROR(snapshot->AddYear(std::move(*year).value()));
  }
  return snapshot;
}

}  // namespace ansinh::app
