// Poverty standards (chuẩn nghèo) as data: one TOML file each in config/standards/, in the schema
// of docs/standards.md, loaded and compiled once, then used by classify.h on any number of frames.
//
// Owns: the Standard value (lines, deprivation indicators, category rules, score path with its
// points table), the loader that reads a file and compiles every rule, and the registry that
// finds a standard by id, by file, or as the national standard in force in a year.
// Must stay true: a loaded Standard is complete and checked — every rule parsed, type-checked and
// compiled against the registry's catalogue, with errors located at file:line:column of the TOML
// file; a rule may name only the lines its standard defines (line.middle in a standard without
// [lines.middle] is a type error), and only category rules see deprivation_count. A Standard is
// immutable after loading and may be shared by threads. Nothing here throws: toml++'s parse
// errors are caught at the loader and come back as kParseError.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/household.h"
#include "core/money.h"
#include "core/status.h"
#include "rules/catalogue.h"
#include "rules/rules.h"

namespace ansinh::rules {

// The three income lines a standard may define, in the order of the bands they close.
enum class LineKind : std::uint8_t { kPoor, kNearPoor, kMiddle };
inline constexpr int kLineKinds = 3;
std::string_view LineKindCode(LineKind kind);    // "poor", "near_poor", "middle"
std::string_view LineKindNameVi(LineKind kind);  // "chuẩn nghèo", "chuẩn cận nghèo", ...
std::string_view LineKindNameEn(LineKind kind);  // "poverty line", ...

// A line in VND per person per month; "from L down" (từ L trở xuống) includes L.
struct Line {
  Vnd rural = 0;
  Vnd urban = 0;
  std::string source;
  bool confirmed = true;
  std::string note;
  Vnd For(bool is_urban) const { return is_urban ? urban : rural; }
};

// A deprivation indicator (chỉ số thiếu hụt): a bool rule over household and member fields.
struct Deprivation {
  std::string id;  // "d_health_insurance": also the column name of `ansinh classify`
  std::string service;
  std::string name_vi, name_en;
  std::string explain_vi, explain_en;
  std::string source, note;
  bool confirmed = true;
  Rule rule;
};

// One [[categories]] (or [[score_path.categories]]) entry: first match wins.
struct CategoryRule {
  Category category = Category::kOther;
  Rule when;
  std::string source, note;
  bool confirmed = true;
};

// A points table of the score path (config/scores/*.toml): score = base + each item's points,
// an item giving the points of its first level whose rule holds (none: 0).
struct PointsLevel {
  Rule when;
  std::int64_t points = 0;
};
struct PointsItem {
  std::string id, name_vi, name_en;
  std::vector<PointsLevel> levels;
};
struct PointsRegion {
  std::string region, name_vi, name_en;
  std::vector<int> provinces;  // GSO province codes using this table
  std::int64_t base = 0;
  std::vector<PointsItem> items;
};
struct PointsTable {
  std::string id, standard, score;  // score: the field it fills ("score_a")
  std::string name_vi, name_en, source, note, file;
  bool example = false;
  bool confirmed = true;
  std::vector<PointsRegion> regions;
  // The region whose provinces include `province` (GSO code), or nullptr.
  const PointsRegion* RegionFor(int province) const;
};

struct ScorePath {
  std::string source, note;
  std::string points_table_path;  // as written, relative to config/
  std::int64_t points_per_deprivation = 10;
  bool confirmed = true;
  std::vector<CategoryRule> categories;
  std::optional<PointsTable> points_table;  // loaded when the path names one
};

struct Standard {
  std::string id, name_vi, name_en, source, scope, based_on, years_source, note;
  std::string file;  // where it was loaded from
  int first_year = 0, last_year = 0;
  bool confirmed = true;
  bool example = false;
  std::optional<Line> lines[kLineKinds];  // by LineKind; poor is always present
  std::vector<Deprivation> deprivations;
  std::vector<CategoryRule> categories;
  std::optional<ScorePath> score_path;

  const std::optional<Line>& line(LineKind kind) const { return lines[static_cast<int>(kind)]; }
  bool InForce(int year) const { return year >= first_year && year <= last_year; }
};

struct LoadOptions {
  // Where points_table paths are resolved ("<home>/config"); empty: the standard file's
  // grandparent folder (config/standards/x.toml -> config/).
  std::string config_dir;
};

// Reads and compiles one standard file against `catalogue` (which must hold RegisterCoreFields
// and outlive the standard).
Result<Standard> LoadStandardFile(const std::string& path, const Catalogue& catalogue,
                                  const LoadOptions& options = {});
// The same from text already read; `path` names it in errors.
Result<Standard> LoadStandardText(std::string_view text, const std::string& path,
                                  const Catalogue& catalogue, const LoadOptions& options = {});
// A points table (config/scores/*.toml).
Result<PointsTable> LoadPointsTableFile(const std::string& path, const Catalogue& catalogue);

// The standards of one home folder: <home>/config/standards/*.toml, and files named on demand.
// Owns its catalogue (RegisterCoreFields), against which every standard is compiled: frames to
// classify must be built over catalogue().
class StandardRegistry {
 public:
  // A registry over `home` that has loaded nothing yet.
  static Result<std::unique_ptr<StandardRegistry>> Create(std::string home);

  const Catalogue& catalogue() const { return *catalogue_; }
  const std::string& home() const { return home_; }
  std::string StandardsDir() const;  // <home>/config/standards

  // Loads every *.toml of StandardsDir(), ordered by id; the first bad file is the error. A
  // file whose id differs from its name is an error too.
  Status LoadAll();
  const std::vector<std::unique_ptr<Standard>>& standards() const { return standards_; }

  // `id_or_file`: a path (contains '/' or ends in ".toml") is loaded as a file; otherwise the
  // standard of that id (<dir>/<id>.toml). kNotFound lists the ids there are.
  Result<const Standard*> Resolve(std::string_view id_or_file);
  // The national standard whose years include `year` (LoadAll first).
  Result<const Standard*> NationalInForce(int year) const;

 private:
  StandardRegistry(std::string home, std::unique_ptr<Catalogue> catalogue)
      : home_(std::move(home)), catalogue_(std::move(catalogue)) {}
  const Standard* Find(std::string_view id) const;
  Result<const Standard*> Add(Standard standard);

  std::string home_;
  std::unique_ptr<Catalogue> catalogue_;
  std::vector<std::unique_ptr<Standard>> standards_;  // stable addresses
};

}  // namespace ansinh::rules
