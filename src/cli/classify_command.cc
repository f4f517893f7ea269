// ansinh classify: classify households under a poverty standard, with explanations.
//   ansinh classify --standard ID_OR_FILE --input households.csv --output result.csv
//     a flat file, no database (issue 3's stable interface; docs/standards.md);
//   ansinh classify --db FILE --year Y [--standard ID_OR_FILE] [--scores]
//     every household surveyed that year, stored in the classifications table.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <thread>

#include "cli/cli.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "rules/classify.h"
#include "rules/frame_builder.h"
#include "rules/standard.h"

namespace ansinh::cli {
namespace {

struct ClassifyOptions {
  std::string db = "ansinh.db";
  std::string standard, input, output, lang = "vi";
  int year = 0;
  int threads = 0;  // 0: one per core
  bool scores = false;
  CLI::Option* db_opt = nullptr;
};

int Threads(const ClassifyOptions& o) {
  if (o.threads > 0) return o.threads;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// One 0/1 value of a flat file.
Result<std::uint8_t> ParseBit(std::string_view text, const std::string& column) {
  if (text == "0" || text == "1") return static_cast<std::uint8_t>(text == "1");
  return Status::Invalid(column, std::string(text), "phải là 0 hoặc 1", "must be 0 or 1");
}

Result<std::int32_t> ParseMembers(std::string_view text) {
  std::int64_t n = 0;
  bool ok = !text.empty() && text.size() <= 6;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) n = n * 10 + (c - '0');
  }
  if (!ok || n < 1) {
    return Status::Invalid("members", std::string(text), "số nhân khẩu phải là số nguyên ≥ 1",
                           "members must be a whole number ≥ 1");
  }
  return static_cast<std::int32_t>(n);
}

// Reads the flat input: one household a row; the standard's d_* columns are required.
Status ReadFlat(const std::string& path, const rules::Standard& standard,
                std::vector<std::string>& ids, rules::FlatHouseholds& flat) {
  std::vector<std::string> required = {"household_id", "area", "members", "income_month"};
  for (const rules::Deprivation& d : standard.deprivations) required.push_back(d.id);
  flat.deprivations.assign(standard.deprivations.size(), {});
  return io::ReadCsvFile(path, required, [&](const io::CsvRow& row) -> Status {
    const std::string_view id = row.Get("household_id");
    if (id.empty()) {
      return Status::Invalid("household_id", "", "thiếu mã hộ", "the household id is missing");
    }
    const std::string_view area = row.Get("area");
    if (area != "rural" && area != "urban") {
      return Status::Invalid("area", std::string(area), "phải là rural hoặc urban",
                             "must be rural or urban");
    }
    ANSINH_ASSIGN_OR_RETURN(std::int32_t members, ParseMembers(row.Get("members")));
    ANSINH_ASSIGN_OR_RETURN(Vnd income, ParseVnd(row.Get("income_month"), "income_month"));
    for (std::size_t d = 0; d < standard.deprivations.size(); ++d) {
      const std::string& column = standard.deprivations[d].id;
      ANSINH_ASSIGN_OR_RETURN(std::uint8_t bit, ParseBit(row.Get(column), column));
      flat.deprivations[d].push_back(bit);
    }
    ids.emplace_back(id);
    flat.urban.push_back(area == "urban" ? 1 : 0);
    flat.members.push_back(members);
    flat.income_month.push_back(income);
    return Status::Ok();
  });
}

// Writes next to `path` and renames over it only when every row is written.
Status WriteAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::string temp = path + ".partial";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (out) write(out);
    out.close();
    if (!out) {
      std::remove(temp.c_str());
      return Status::Error(ErrorCode::kIoError, "không ghi được tệp " + path,
                           "cannot write file " + path);
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::remove(temp.c_str());
    return Status::Error(ErrorCode::kIoError, "không ghi được tệp " + path + ": " + ec.message(),
                         "cannot write file " + path + ": " + ec.message());
  }
  return Status::Ok();
}

Status RunFlat(CliContext& ctx, const ClassifyOptions& o) {
  if (o.standard.empty() || o.output.empty()) {
    return Status::Invalid("output", "", "cần --standard và --output cùng với --input",
                           "--input needs --standard and --output");
  }
  ANSINH_ASSIGN_OR_RETURN(auto registry, rules::StandardRegistry::Create(ctx.home));
  ANSINH_ASSIGN_OR_RETURN(const rules::Standard* standard, registry->Resolve(o.standard));
  std::vector<std::string> ids;
  rules::FlatHouseholds flat;
  ANSINH_RETURN_IF_ERROR(ReadFlat(o.input, *standard, ids, flat));
  ANSINH_ASSIGN_OR_RETURN(rules::Frame frame, rules::BuildFlatFrame(registry->catalogue(), flat));
  rules::ThreadPool pool(Threads(o));
  rules::ClassifyOptions options;
  options.pool = &pool;
  for (const auto& d : flat.deprivations) options.given_deprivations.emplace_back(d);
  ANSINH_ASSIGN_OR_RETURN(rules::ClassifyResult r, rules::Classify(*standard, frame, options));
  return WriteAtomically(o.output, [&](std::ostream& out) {
    io::CsvWriter csv(out);
    csv.Row({"household_id", "category", "income_per_capita", "deprivation_count", "explanation"});
    for (std::size_t h = 0; h < ids.size(); ++h) {
      const rules::Explanation e = rules::Explain(*standard, frame, r, h);
      csv.Row({ids[h], std::string(CategoryCode(r.category[h])),
               std::to_string(r.income_per_capita[h]), std::to_string(r.deprivation_count[h]),
               rules::ExplanationText(*standard, e, o.lang)});
    }
  });
}

// Last year's category of each household, preferring the classification under `standard_id`.
Result<std::map<std::int64_t, Category>> LastYear(store::Store& db, int year,
                                                  const std::string& standard_id) {
  std::map<std::int64_t, Category> last;
  ANSINH_ASSIGN_OR_RETURN(auto list, db.classifications().ForYear(year - 1));
  for (const store::Classification& c : list) {
    if (!last.contains(c.household_id) || c.standard_id == standard_id) {
      last[c.household_id] = c.category;
    }
  }
  return last;
}

Result<const rules::Standard*> StandardForYear(rules::StandardRegistry& registry,
                                               const ClassifyOptions& o) {
  if (!o.standard.empty()) return registry.Resolve(o.standard);
  ANSINH_RETURN_IF_ERROR(registry.LoadAll());
  return registry.NationalInForce(o.year);
}

void PrintCounts(CliContext& ctx, const rules::Standard& s, int year,
                 const rules::ClassifyResult& r) {
  std::size_t counts[4] = {0, 0, 0, 0};
  for (Category c : r.category) ++counts[static_cast<int>(c)];
  *ctx.out << "Năm / year " << year << ", chuẩn / standard " << s.id << ": " << r.households()
           << " hộ / households\n";
  for (Category c : {Category::kPoor, Category::kNearPoor, Category::kMiddle, Category::kOther}) {
    *ctx.out << "  " << CategoryNameVi(c) << " / " << CategoryCode(c) << ": "
             << counts[static_cast<int>(c)] << "\n";
  }
}

Status RunDb(CliContext& ctx, const ClassifyOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(auto registry, rules::StandardRegistry::Create(ctx.home));
  ANSINH_ASSIGN_OR_RETURN(const rules::Standard* standard, StandardForYear(*registry, o));
  ANSINH_ASSIGN_OR_RETURN(auto snapshot, db->surveys().YearSnapshot(o.year));
  std::vector<rules::HouseholdRecord> records(snapshot.size());
  std::vector<std::string> names;
  for (std::size_t h = 0; h < snapshot.size(); ++h) {
    records[h].survey = snapshot[h].survey;
    records[h].urban = snapshot[h].urban;
    for (const store::SurveyMember& m : snapshot[h].members) {
      records[h].members.push_back({m.person, m.year});
      names.push_back(m.person.full_name);
    }
  }
  ANSINH_ASSIGN_OR_RETURN(rules::Frame frame, rules::BuildFrame(registry->catalogue(), records));
  rules::ThreadPool pool(Threads(o));
  rules::ClassifyOptions options;
  options.pool = &pool;
  if (o.scores) {
    options.path = rules::ClassifyPath::kScores;
    ANSINH_ASSIGN_OR_RETURN(AdminUnit province, db->units().Province());
    options.province = std::stoi(province.code);
  }
  ANSINH_ASSIGN_OR_RETURN(rules::ClassifyResult r, rules::Classify(*standard, frame, options));
  ANSINH_ASSIGN_OR_RETURN(auto last, LastYear(*db, o.year, standard->id));
  std::vector<store::Classification> out(snapshot.size());
  for (std::size_t h = 0; h < snapshot.size(); ++h) {
    store::Classification& c = out[h];
    c.household_id = snapshot[h].household.id;
    c.year = o.year;
    c.standard_id = standard->id;
    c.category = r.category[h];
    c.income_per_capita = r.income_per_capita[h];
    c.deprivation_count = r.deprivation_count[h];
    auto it = last.find(c.household_id);
    c.outcome = rules::ReviewOutcome(
        c.category, it == last.end() ? std::nullopt : std::optional<Category>(it->second));
    c.explanation_json =
        rules::ExplanationJson(*standard, rules::Explain(*standard, frame, r, h, names));
  }
  ANSINH_RETURN_IF_ERROR(db->classifications().PutAll(out, CliActor()));
  PrintCounts(ctx, *standard, o.year, r);
  return Status::Ok();
}

Status RunClassify(CliContext& ctx, const ClassifyOptions& o) {
  if (o.lang != "vi" && o.lang != "en") {
    return Status::Invalid("lang", o.lang, "phải là vi hoặc en", "must be vi or en");
  }
  if (!o.input.empty()) return RunFlat(ctx, o);
  if (o.year == 0) {
    return Status::Invalid("year", "", "cần --input (tệp) hoặc --year (cơ sở dữ liệu)",
                           "give --input (a file) or --year (the database)");
  }
  return RunDb(ctx, o);
}

}  // namespace

void RegisterClassifyCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ClassifyOptions>();
  CLI::App* c = AddCommand(&app, ctx, o, "classify",
                           "Phân loại hộ theo chuẩn nghèo, có giải thích / classify households "
                           "under a poverty standard, with explanations",
                           RunClassify);
  c->add_option("--standard", o->standard,
                "Mã chuẩn hoặc tệp TOML / standard id or TOML file (--db: default the national "
                "standard in force that year)");
  c->add_option("--input", o->input,
                "Tệp CSV hộ (không cần cơ sở dữ liệu) / households CSV (no database)");
  c->add_option("--output", o->output, "Tệp CSV kết quả / result CSV");
  c->add_option("--year", o->year, "Năm khảo sát (với --db) / survey year (with --db)");
  c->add_flag("--scores", o->scores,
              "Phân loại theo điểm phiếu (đường điểm) / classify by survey scores (score path)");
  c->add_option("--threads", o->threads,
                "Số luồng (0: mỗi lõi một luồng) / threads (0: one per core)")
      ->capture_default_str();
  c->add_option("--lang", o->lang, "Ngôn ngữ giải thích trong CSV / explanation language (vi, en)")
      ->capture_default_str();
}

}  // namespace ansinh::cli
