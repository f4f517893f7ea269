// The columnar snapshot the analytics run on: every surveyed household-year and member-year of a
// registry, held as struct-of-arrays frames (one per survey year) over the rules catalogue, with
// the administrative tree as dense indexes.
//
// Owns: the years' frames, each row's registry household id and commune index, the dense index
// of a household across years (so year-to-year transitions are array lookups), and the memory
// accounting of all of it.
// Must stay true: within a year, rows are in ascending household id; a household's dense index
// is its position in the ascending union of every year's ids, the same in every year; years are
// kept in ascending order, at most one frame per year. Strings (area, housing quality, sex,
// relation, ethnicity) are dictionary codes of the frame, so a snapshot holds no per-row string.
// The snapshot is filled by its owner (the command line reads the store; the generator could
// fill it directly) and never touches a database. Classification writes the standard's line and
// deprivation columns into a year's frame, so computing over a snapshot needs it mutable.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analytics/unit_tree.h"
#include "core/status.h"
#include "rules/catalogue.h"
#include "rules/frame.h"
#include "rules/frame_builder.h"

namespace ansinh::analytics {

// One survey year in columns.
struct SurveyYear {
  explicit SurveyYear(const rules::Catalogue& catalogue) : frame(catalogue) {}
  int year = 0;
  rules::Frame frame;                      // households x members of that year
  std::vector<std::int64_t> household_id;  // registry id per row, ascending
  std::vector<UnitIndex> commune;          // the commune of each row (dense unit index)
  std::vector<std::uint32_t> dense;        // the household's index across years
};

class Snapshot {
 public:
  // `catalogue` (RegisterCoreFields at least) must outlive the snapshot.
  Snapshot(const rules::Catalogue& catalogue, UnitTree units);

  // Adds a survey year. `ids` ascending and unique; one commune and one record per id; a commune
  // must be a commune of the tree. A year already present is an error (kAlreadyExists).
  Status AddYear(int year, std::span<const std::int64_t> ids,
                 std::span<const UnitIndex> communes,
                 std::span<const rules::HouseholdRecord> records);

  // Adds a year whose frame was filled column by column (a builder that streams households in,
  // e.g. the benchmark's generator sink): same checks as above; `year.dense` is recomputed.
  Status AddYear(SurveyYear year);

  const rules::Catalogue& catalogue() const { return *catalogue_; }
  const UnitTree& units() const { return units_; }
  std::span<SurveyYear> years() { return years_; }
  std::span<const SurveyYear> years() const { return years_; }
  SurveyYear* Year(int year);  // nullptr when not surveyed
  const SurveyYear* Year(int year) const;

  // Distinct households over all years, and the registry id behind a dense index.
  std::size_t households() const { return all_ids_.size(); }
  std::int64_t household_id(std::uint32_t dense) const { return all_ids_[dense]; }

  struct Memory {
    std::size_t household_rows = 0;  // household-years
    std::size_t member_rows = 0;     // member-years
    std::size_t household_bytes = 0;  // household columns, ids, communes, dense indexes
    std::size_t member_bytes = 0;     // member columns and the CSR offsets
  };
  Memory MemoryUse() const;

 private:
  Status CheckRows(int year, std::span<const std::int64_t> ids,
                   std::span<const UnitIndex> communes) const;
  void Reindex();

  const rules::Catalogue* catalogue_;
  UnitTree units_;
  std::vector<SurveyYear> years_;
  std::vector<std::int64_t> all_ids_;  // ascending union of every year's ids
};

}  // namespace ansinh::analytics
