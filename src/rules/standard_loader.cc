// The loader of standard and points-table files (schema: docs/standards.md).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "rules/standard.h"
#include "rules/toml_reader.h"

namespace ansinh::rules {

std::string_view LineKindCode(LineKind kind) {
  switch (kind) {
    case LineKind::kPoor:
      return "poor";
    case LineKind::kNearPoor:
      return "near_poor";
    case LineKind::kMiddle:
      return "middle";
  }
  return "?";
}

std::string_view LineKindNameVi(LineKind kind) {
  switch (kind) {
    case LineKind::kPoor:
      return "chuẩn nghèo";
    case LineKind::kNearPoor:
      return "chuẩn cận nghèo";
    case LineKind::kMiddle:
      return "chuẩn mức sống trung bình";
  }
  return "?";
}

std::string_view LineKindNameEn(LineKind kind) {
  switch (kind) {
    case LineKind::kPoor:
      return "poverty line";
    case LineKind::kNearPoor:
      return "near-poverty line";
    case LineKind::kMiddle:
      return "middle-living-standard line";
  }
  return "?";
}

const PointsRegion* PointsTable::RegionFor(int province) const {
  for (const PointsRegion& r : regions) {
    for (int p : r.provinces) {
      if (p == province) return &r;
    }
  }
  return nullptr;
}

namespace {

using internal::TomlReader;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(ErrorCode::kIoError, "không mở được tệp " + path,
                         "cannot open file " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The checker's view for a standard's rules: the lines it defines, and deprivation_count for the
// category rules only.
CheckOptions RuleOptions(const Standard& s, bool classification) {
  CheckOptions options;
  options.result = Type::kBool;
  const std::string_view contexts[kLineKinds] = {kContextLinePoor, kContextLineNearPoor,
                                                 kContextLineMiddle};
  for (int k = 0; k < kLineKinds; ++k) {
    if (s.lines[k]) options.contexts.emplace_back(contexts[k]);
  }
  if (classification) options.contexts.emplace_back(kContextClassification);
  return options;
}

Result<Line> LoadLine(const TomlReader& r, const toml::table& t) {
  ANSINH_RETURN_IF_ERROR(r.OnlyKeys(t, {"rural", "urban", "source", "confirmed", "note"}));
  Line line;
  ANSINH_ASSIGN_OR_RETURN(line.rural, r.Int(t, "rural"));
  ANSINH_ASSIGN_OR_RETURN(line.urban, r.Int(t, "urban"));
  for (const char* key : {"rural", "urban"}) {
    if (r.Int(t, key).value() <= 0) {
      return r.Error(*t.get(key), "chuẩn phải là số dương", "a line must be positive");
    }
  }
  ANSINH_ASSIGN_OR_RETURN(line.source, r.String(t, "source"));
  ANSINH_ASSIGN_OR_RETURN(line.confirmed, r.OptionalBool(t, "confirmed", true));
  ANSINH_ASSIGN_OR_RETURN(line.note, r.OptionalString(t, "note"));
  return line;
}

Status LoadLines(const TomlReader& r, const toml::table& root, Standard& s) {
  ANSINH_ASSIGN_OR_RETURN(const toml::table* lines, r.OptionalTable(root, "lines"));
  if (lines == nullptr || lines->get("poor") == nullptr) {
    return r.Error(lines ? static_cast<const toml::node&>(*lines) : root,
                   "thiếu [lines.poor] (chuẩn nghèo)", "missing [lines.poor] (the poverty line)");
  }
  ANSINH_RETURN_IF_ERROR(r.OnlyKeys(*lines, {"poor", "near_poor", "middle"}));
  for (int k = 0; k < kLineKinds; ++k) {
    const std::string_view code = LineKindCode(static_cast<LineKind>(k));
    ANSINH_ASSIGN_OR_RETURN(const toml::table* t, r.OptionalTable(*lines, code));
    if (t == nullptr) continue;
    ANSINH_ASSIGN_OR_RETURN(Line line, LoadLine(r, *t));
    s.lines[k] = std::move(line);
  }
  return Status::Ok();
}

Result<std::vector<CategoryRule>> LoadCategories(const TomlReader& r,
                                                 const std::vector<const toml::table*>& tables,
                                                 const Catalogue& catalogue,
                                                 const CheckOptions& options) {
  std::vector<CategoryRule> out;
  for (const toml::table* t : tables) {
    ANSINH_RETURN_IF_ERROR(r.OnlyKeys(*t, {"category", "when", "source", "confirmed", "note"}));
    CategoryRule c;
    ANSINH_ASSIGN_OR_RETURN(std::string category, r.String(*t, "category"));
    Result<Category> parsed = ParseCategory(category, "category");
    if (!parsed.ok() || *parsed == Category::kOther) {
      return r.Error(*t->get("category"),
                     "loại hộ phải là poor, near_poor hoặc middle: \"" + category + "\"",
                     "category must be poor, near_poor or middle: \"" + category + "\"");
    }
    c.category = *parsed;
    ANSINH_ASSIGN_OR_RETURN(c.when, r.CompileAt(*t, "when", catalogue, options));
    ANSINH_ASSIGN_OR_RETURN(c.source, r.String(*t, "source"));
    ANSINH_ASSIGN_OR_RETURN(c.confirmed, r.OptionalBool(*t, "confirmed", true));
    ANSINH_ASSIGN_OR_RETURN(c.note, r.OptionalString(*t, "note"));
    out.push_back(std::move(c));
  }
  return out;
}

Status LoadDeprivations(const TomlReader& r, const toml::table& root, const Catalogue& catalogue,
                        Standard& s) {
  ANSINH_ASSIGN_OR_RETURN(auto tables, r.Tables(root, "deprivations"));
  const CheckOptions options = RuleOptions(s, /*classification=*/false);
  for (const toml::table* t : tables) {
    ANSINH_RETURN_IF_ERROR(
        r.OnlyKeys(*t, {"id", "service", "name_vi", "name_en", "rule", "explain_vi", "explain_en",
                        "source", "confirmed", "note"}));
    Deprivation d;
    ANSINH_ASSIGN_OR_RETURN(d.id, r.String(*t, "id"));
    for (const Deprivation& other : s.deprivations) {
      if (other.id == d.id) {
        return r.Error(*t->get("id"), "chỉ số thiếu hụt trùng mã: " + d.id,
                       "duplicate deprivation id: " + d.id);
      }
    }
    ANSINH_ASSIGN_OR_RETURN(d.service, r.String(*t, "service"));
    ANSINH_ASSIGN_OR_RETURN(d.name_vi, r.String(*t, "name_vi"));
    ANSINH_ASSIGN_OR_RETURN(d.name_en, r.String(*t, "name_en"));
    ANSINH_ASSIGN_OR_RETURN(d.rule, r.CompileAt(*t, "rule", catalogue, options));
    ANSINH_ASSIGN_OR_RETURN(d.explain_vi, r.String(*t, "explain_vi"));
    ANSINH_ASSIGN_OR_RETURN(d.explain_en, r.String(*t, "explain_en"));
    ANSINH_ASSIGN_OR_RETURN(d.source, r.String(*t, "source"));
    ANSINH_ASSIGN_OR_RETURN(d.confirmed, r.OptionalBool(*t, "confirmed", true));
    ANSINH_ASSIGN_OR_RETURN(d.note, r.OptionalString(*t, "note"));
    s.deprivations.push_back(std::move(d));
  }
  return Status::Ok();
}

Status LoadScorePath(const TomlReader& r, const toml::table& root, const Catalogue& catalogue,
                     const std::string& config_dir, Standard& s) {
  ANSINH_ASSIGN_OR_RETURN(const toml::table* t, r.OptionalTable(root, "score_path"));
  if (t == nullptr) return Status::Ok();
  ANSINH_RETURN_IF_ERROR(r.OnlyKeys(
      *t, {"source", "points_table", "points_per_deprivation", "confirmed", "note", "categories"}));
  ScorePath path;
  ANSINH_ASSIGN_OR_RETURN(path.source, r.String(*t, "source"));
  ANSINH_ASSIGN_OR_RETURN(path.points_table_path, r.OptionalString(*t, "points_table"));
  if (t->get("points_per_deprivation") != nullptr) {
    ANSINH_ASSIGN_OR_RETURN(path.points_per_deprivation, r.Int(*t, "points_per_deprivation"));
  }
  ANSINH_ASSIGN_OR_RETURN(path.confirmed, r.OptionalBool(*t, "confirmed", true));
  ANSINH_ASSIGN_OR_RETURN(path.note, r.OptionalString(*t, "note"));
  ANSINH_ASSIGN_OR_RETURN(auto tables, r.Tables(*t, "categories"));
  ANSINH_ASSIGN_OR_RETURN(path.categories, LoadCategories(r, tables, catalogue,
                                                          RuleOptions(s, /*classification=*/true)));
  if (!path.points_table_path.empty()) {
    const std::string file = (std::filesystem::path(config_dir) / path.points_table_path).string();
    ANSINH_ASSIGN_OR_RETURN(PointsTable table, LoadPointsTableFile(file, catalogue));
    path.points_table = std::move(table);
  }
  s.score_path = std::move(path);
  return Status::Ok();
}

Status LoadHeader(const TomlReader& r, const toml::table& root, Standard& s) {
  ANSINH_RETURN_IF_ERROR(r.OnlyKeys(
      root, {"id", "name_vi", "name_en", "source", "scope", "based_on", "years", "years_source",
             "confirmed", "example", "note", "lines", "deprivations", "categories", "score_path"}));
  ANSINH_ASSIGN_OR_RETURN(s.id, r.String(root, "id"));
  ANSINH_ASSIGN_OR_RETURN(s.name_vi, r.String(root, "name_vi"));
  ANSINH_ASSIGN_OR_RETURN(s.name_en, r.String(root, "name_en"));
  ANSINH_ASSIGN_OR_RETURN(s.source, r.String(root, "source"));
  ANSINH_ASSIGN_OR_RETURN(s.scope, r.String(root, "scope"));
  if (s.scope != "national" && s.scope != "provincial") {
    return r.Error(*root.get("scope"), "scope phải là national hoặc provincial",
                   "scope must be national or provincial");
  }
  ANSINH_ASSIGN_OR_RETURN(s.based_on, r.OptionalString(root, "based_on"));
  ANSINH_ASSIGN_OR_RETURN(s.years_source, r.OptionalString(root, "years_source"));
  ANSINH_ASSIGN_OR_RETURN(s.confirmed, r.OptionalBool(root, "confirmed", true));
  ANSINH_ASSIGN_OR_RETURN(s.example, r.OptionalBool(root, "example", false));
  ANSINH_ASSIGN_OR_RETURN(s.note, r.OptionalString(root, "note"));
  const toml::node* years = root.get("years");
  const toml::array* array = years ? years->as_array() : nullptr;
  if (array == nullptr || array->size() != 2 || !(*array)[0].is_integer() ||
      !(*array)[1].is_integer() ||
      (*array)[0].value<std::int64_t>() > (*array)[1].value<std::int64_t>()) {
    return r.Error(years ? *years : static_cast<const toml::node&>(root),
                   "years phải là [năm đầu, năm cuối]", "years must be [first, last]");
  }
  s.first_year = static_cast<int>(*(*array)[0].value<std::int64_t>());
  s.last_year = static_cast<int>(*(*array)[1].value<std::int64_t>());
  return Status::Ok();
}

}  // namespace

Result<Standard> LoadStandardText(std::string_view text, const std::string& path,
                                  const Catalogue& catalogue, const LoadOptions& options) {
  TomlReader r(text, path);
  ANSINH_ASSIGN_OR_RETURN(toml::table root, r.Parse());
  Standard s;
  s.file = path;
  ANSINH_RETURN_IF_ERROR(LoadHeader(r, root, s));
  ANSINH_RETURN_IF_ERROR(LoadLines(r, root, s));
  ANSINH_RETURN_IF_ERROR(LoadDeprivations(r, root, catalogue, s));
  ANSINH_ASSIGN_OR_RETURN(auto tables, r.Tables(root, "categories"));
  ANSINH_ASSIGN_OR_RETURN(s.categories, LoadCategories(r, tables, catalogue, RuleOptions(s, true)));
  std::string config_dir = options.config_dir;
  if (config_dir.empty()) {
    config_dir = std::filesystem::path(path).parent_path().parent_path().string();
  }
  ANSINH_RETURN_IF_ERROR(LoadScorePath(r, root, catalogue, config_dir, s));
  return s;
}

Result<Standard> LoadStandardFile(const std::string& path, const Catalogue& catalogue,
                                  const LoadOptions& options) {
  ANSINH_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return LoadStandardText(text, path, catalogue, options);
}

namespace {

Result<PointsItem> LoadItem(const TomlReader& r, const toml::table& t, const Catalogue& catalogue) {
  ANSINH_RETURN_IF_ERROR(r.OnlyKeys(t, {"id", "name_vi", "name_en", "levels"}));
  PointsItem item;
  ANSINH_ASSIGN_OR_RETURN(item.id, r.String(t, "id"));
  ANSINH_ASSIGN_OR_RETURN(item.name_vi, r.OptionalString(t, "name_vi"));
  ANSINH_ASSIGN_OR_RETURN(item.name_en, r.OptionalString(t, "name_en"));
  ANSINH_ASSIGN_OR_RETURN(auto levels, r.Tables(t, "levels"));
  CheckOptions options;
  options.result = Type::kBool;
  for (const toml::table* level : levels) {
    ANSINH_RETURN_IF_ERROR(r.OnlyKeys(*level, {"when", "points"}));
    PointsLevel l;
    ANSINH_ASSIGN_OR_RETURN(l.when, r.CompileAt(*level, "when", catalogue, options));
    ANSINH_ASSIGN_OR_RETURN(l.points, r.Int(*level, "points"));
    item.levels.push_back(std::move(l));
  }
  return item;
}

Result<PointsRegion> LoadRegion(const TomlReader& r, const toml::table& t,
                                const Catalogue& catalogue) {
  ANSINH_RETURN_IF_ERROR(
      r.OnlyKeys(t, {"region", "name_vi", "name_en", "provinces", "base", "items"}));
  PointsRegion region;
  ANSINH_ASSIGN_OR_RETURN(region.region, r.String(t, "region"));
  ANSINH_ASSIGN_OR_RETURN(region.name_vi, r.OptionalString(t, "name_vi"));
  ANSINH_ASSIGN_OR_RETURN(region.name_en, r.OptionalString(t, "name_en"));
  ANSINH_ASSIGN_OR_RETURN(region.base, r.Int(t, "base"));
  const toml::node* provinces = t.get("provinces");
  const toml::array* array = provinces ? provinces->as_array() : nullptr;
  if (array == nullptr) {
    return r.Error(provinces ? *provinces : static_cast<const toml::node&>(t),
                   "provinces phải là mảng mã tỉnh", "provinces must be an array of codes");
  }
  for (const toml::node& p : *array) {
    if (!p.is_integer()) return r.Error(p, "mã tỉnh phải là số", "a province code is a number");
    region.provinces.push_back(static_cast<int>(*p.value<std::int64_t>()));
  }
  ANSINH_ASSIGN_OR_RETURN(auto items, r.Tables(t, "items"));
  for (const toml::table* item : items) {
    ANSINH_ASSIGN_OR_RETURN(PointsItem loaded, LoadItem(r, *item, catalogue));
    region.items.push_back(std::move(loaded));
  }
  return region;
}

}  // namespace

Result<PointsTable> LoadPointsTableFile(const std::string& path, const Catalogue& catalogue) {
  ANSINH_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  TomlReader r(text, path);
  ANSINH_ASSIGN_OR_RETURN(toml::table root, r.Parse());
  ANSINH_RETURN_IF_ERROR(r.OnlyKeys(root, {"id", "standard", "score", "example", "confirmed",
                                           "name_vi", "name_en", "source", "note", "regions"}));
  PointsTable table;
  table.file = path;
  ANSINH_ASSIGN_OR_RETURN(table.id, r.String(root, "id"));
  ANSINH_ASSIGN_OR_RETURN(table.standard, r.OptionalString(root, "standard"));
  ANSINH_ASSIGN_OR_RETURN(table.score, r.String(root, "score"));
  if (table.score != "score_a") {
    return r.Error(*root.get("score"), "bảng điểm chỉ tính score_a",
                   "a points table fills score_a only");
  }
  ANSINH_ASSIGN_OR_RETURN(table.example, r.OptionalBool(root, "example", false));
  ANSINH_ASSIGN_OR_RETURN(table.confirmed, r.OptionalBool(root, "confirmed", true));
  ANSINH_ASSIGN_OR_RETURN(table.name_vi, r.OptionalString(root, "name_vi"));
  ANSINH_ASSIGN_OR_RETURN(table.name_en, r.OptionalString(root, "name_en"));
  ANSINH_ASSIGN_OR_RETURN(table.source, r.String(root, "source"));
  ANSINH_ASSIGN_OR_RETURN(table.note, r.OptionalString(root, "note"));
  ANSINH_ASSIGN_OR_RETURN(auto regions, r.Tables(root, "regions"));
  for (const toml::table* t : regions) {
    ANSINH_ASSIGN_OR_RETURN(PointsRegion region, LoadRegion(r, *t, catalogue));
    table.regions.push_back(std::move(region));
  }
  return table;
}

}  // namespace ansinh::rules
