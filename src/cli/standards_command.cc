// ansinh standards [--json] | ansinh standards show ID_OR_FILE [--json]: the poverty standards of
// config/standards/ with their lines, deprivation indicators and rules.
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/cli.h"
#include "rules/classify.h"
#include "rules/standard.h"

namespace ansinh::cli {
namespace {

using Json = nlohmann::ordered_json;

struct StandardsOptions {
  std::string id;
  bool json = false;
};

std::string Years(const rules::Standard& s) {
  return std::to_string(s.first_year) + "-" + std::to_string(s.last_year);
}

Json LinesJson(const rules::Standard& s) {
  Json lines = Json::object();
  for (int k = 0; k < rules::kLineKinds; ++k) {
    if (!s.lines[k]) continue;
    const rules::Line& l = *s.lines[k];
    lines[std::string(rules::LineKindCode(static_cast<rules::LineKind>(k)))] =
        Json{{"rural", l.rural},
             {"urban", l.urban},
             {"source", l.source},
             {"confirmed", l.confirmed},
             {"note", l.note}};
  }
  return lines;
}

std::string LinesText(const rules::Standard& s) {
  std::string out;
  for (int k = 0; k < rules::kLineKinds; ++k) {
    if (!s.lines[k]) continue;
    out += (out.empty() ? "" : "  ") +
           std::string(rules::LineKindCode(static_cast<rules::LineKind>(k))) + " " +
           FormatVnd(s.lines[k]->rural) + " / " + FormatVnd(s.lines[k]->urban);
  }
  return out;
}

Status RunList(CliContext& ctx, const StandardsOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto registry, rules::StandardRegistry::Create(ctx.home));
  ANSINH_RETURN_IF_ERROR(registry->LoadAll());
  const auto& list = registry->standards();
  if (o.json) {
    Json out = Json::array();
    for (const auto& s : list) {
      out.push_back(Json{{"id", s->id},
                         {"name_vi", s->name_vi},
                         {"name_en", s->name_en},
                         {"scope", s->scope},
                         {"years", {s->first_year, s->last_year}},
                         {"lines", LinesJson(*s)},
                         {"deprivations", s->deprivations.size()},
                         {"confirmed", s->confirmed},
                         {"example", s->example}});
    }
    *ctx.out << out.dump(2) << "\n";
    return Status::Ok();
  }
  std::size_t width = 2;
  for (const auto& s : list) width = std::max(width, s->id.size());
  *ctx.out << "Chuẩn nghèo / poverty standards (đ/người/tháng, nông thôn / thành thị; VND per "
              "person per month, rural / urban):\n";
  for (const auto& s : list) {
    *ctx.out << s->id << std::string(width - s->id.size() + 2, ' ') << Years(*s) << "  " << s->scope
             << std::string(s->scope.size() < 10 ? 10 - s->scope.size() + 2 : 2, ' ')
             << LinesText(*s) << "\n";
  }
  return Status::Ok();
}

Json StandardJson(const rules::Standard& s) {
  Json j{{"id", s.id},
         {"name_vi", s.name_vi},
         {"name_en", s.name_en},
         {"source", s.source},
         {"scope", s.scope},
         {"based_on", s.based_on},
         {"years", {s.first_year, s.last_year}},
         {"confirmed", s.confirmed},
         {"example", s.example},
         {"note", s.note},
         {"file", s.file},
         {"lines", LinesJson(s)}};
  j["deprivations"] = Json::array();
  for (const rules::Deprivation& d : s.deprivations) {
    j["deprivations"].push_back(Json{{"id", d.id},
                                     {"service", d.service},
                                     {"name_vi", d.name_vi},
                                     {"name_en", d.name_en},
                                     {"rule", d.rule.text()},
                                     {"explain_vi", d.explain_vi},
                                     {"explain_en", d.explain_en},
                                     {"source", d.source},
                                     {"confirmed", d.confirmed}});
  }
  auto categories = [](const std::vector<rules::CategoryRule>& rules) {
    Json out = Json::array();
    for (const rules::CategoryRule& c : rules) {
      out.push_back(Json{{"category", CategoryCode(c.category)},
                         {"when", c.when.text()},
                         {"source", c.source},
                         {"confirmed", c.confirmed}});
    }
    return out;
  };
  j["categories"] = categories(s.categories);
  if (s.score_path) {
    j["score_path"] = Json{{"source", s.score_path->source},
                           {"points_table", s.score_path->points_table_path},
                           {"points_per_deprivation", s.score_path->points_per_deprivation},
                           {"confirmed", s.score_path->confirmed},
                           {"categories", categories(s.score_path->categories)}};
  }
  return j;
}

void PrintCategories(std::ostream& out, const std::vector<rules::CategoryRule>& rules) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    out << "    " << i + 1 << ". " << CategoryCode(rules[i].category) << ": "
        << rules[i].when.text() << (rules[i].confirmed ? "" : "  (chưa xác nhận / unconfirmed)")
        << "\n";
  }
}

void PrintStandard(std::ostream& out, const rules::Standard& s) {
  out << s.id << ": " << s.name_vi << " / " << s.name_en << "\n";
  out << "  Năm / years: " << Years(s) << "  phạm vi / scope: " << s.scope
      << (s.based_on.empty() ? "" : "  dựa trên / based on: " + s.based_on)
      << (s.confirmed ? "" : "  (chưa xác nhận / unconfirmed)") << "\n";
  out << "  Nguồn / source: " << s.source << "\n";
  out << "  Chuẩn / lines (đ/người/tháng, nông thôn / thành thị; VND per person per month, "
         "rural / urban):\n";
  for (int k = 0; k < rules::kLineKinds; ++k) {
    if (!s.lines[k]) continue;
    out << "    " << rules::LineKindCode(static_cast<rules::LineKind>(k)) << ": "
        << FormatVnd(s.lines[k]->rural) << " / " << FormatVnd(s.lines[k]->urban)
        << (s.lines[k]->confirmed ? "" : "  (chưa xác nhận / unconfirmed)") << "\n";
  }
  out << "  Chỉ số thiếu hụt / deprivations (" << s.deprivations.size() << "):\n";
  for (const rules::Deprivation& d : s.deprivations) {
    out << "    " << d.id << " (" << d.service << "): " << d.name_vi << " / " << d.name_en
        << "\n      " << d.rule.text() << "\n";
  }
  out << "  Phân loại / categories (quy tắc đầu tiên đúng; không quy tắc nào: other / first "
         "match wins; none: other):\n";
  PrintCategories(out, s.categories);
  if (s.score_path) {
    out << "  Đường điểm / score path (" << s.score_path->points_per_deprivation
        << " điểm mỗi thiếu hụt / points per deprivation; bảng điểm / points table "
        << s.score_path->points_table_path
        << (s.score_path->points_table && s.score_path->points_table->example ? ", EXAMPLE" : "")
        << "):\n";
    PrintCategories(out, s.score_path->categories);
  }
}

Status RunShow(CliContext& ctx, const StandardsOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto registry, rules::StandardRegistry::Create(ctx.home));
  ANSINH_ASSIGN_OR_RETURN(const rules::Standard* s, registry->Resolve(o.id));
  if (o.json) {
    *ctx.out << StandardJson(*s).dump(2) << "\n";
  } else {
    PrintStandard(*ctx.out, *s);
  }
  return Status::Ok();
}

}  // namespace

void RegisterStandardsCommand(CLI::App& app, CliContext& ctx) {
  auto list = std::make_shared<StandardsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "standards", "Các chuẩn nghèo và chuẩn của chúng / the poverty standards and their lines");
  cmd->add_flag("--json", list->json, "Xuất JSON / print JSON");
  auto show = std::make_shared<StandardsOptions>();
  CLI::App* show_cmd = cmd->add_subcommand(
      "show",
      "Xem một chuẩn: chuẩn, chỉ số thiếu hụt, quy tắc / show a standard: lines, "
      "deprivations, rules");
  show_cmd->add_option("standard", show->id, "Mã chuẩn hoặc tệp TOML / standard id or TOML file")
      ->required();
  show_cmd->add_flag("--json", show->json, "Xuất JSON / print JSON");
  show_cmd->callback([&ctx, show] {
    Status s = RunShow(ctx, *show);
    if (!s.ok()) ReportError(ctx, s);
  });
  cmd->callback([&ctx, list, show_cmd] {
    if (show_cmd->parsed()) return;
    Status s = RunList(ctx, *list);
    if (!s.ok()) ReportError(ctx, s);
  });
}

}  // namespace ansinh::cli
