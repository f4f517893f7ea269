// Explanations of a classification: why one household got its category. Walks the rules' trees
// for that household only (the row evaluator), so it is for output, never for bulk work.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "rules/classify.h"
#include "rules/row_eval.h"
#include "rules/semantics.h"

namespace ansinh::rules {
namespace {

using Json = nlohmann::ordered_json;

// The aggregates over members in a rule's tree (any, all, count; sum has no "who").
void FindAggregates(const Node& node, std::vector<const Node*>& out) {
  if (node.kind == NodeKind::kCall &&
      (node.text == "any" || node.text == "all" || node.text == "count")) {
    out.push_back(&node);
    return;  // aggregates do not nest
  }
  for (const auto& child : node.children) FindAggregates(*child, out);
}

std::vector<MemberCause> Causes(const Rule& rule, const Frame& frame, std::size_t h,
                                std::span<const std::string> names) {
  std::vector<const Node*> aggregates;
  FindAggregates(rule.tree(), aggregates);
  const auto offsets = frame.member_offsets();
  std::set<std::size_t> rows;
  for (const Node* call : aggregates) {
    const Node& condition = *call->children[1];
    const bool want = call->text != "all";  // all(...) fails because of the members where false
    for (std::size_t m = offsets[h]; m < offsets[h + 1]; ++m) {
      if ((EvaluateMemberRow(condition, frame, h, m).i != 0) == want) rows.insert(m);
    }
  }
  const FieldId age_id = frame.catalogue().Find(Scope::kMember, "age");
  const Column* age = age_id >= 0 ? frame.column(age_id) : nullptr;
  std::vector<MemberCause> out;
  for (std::size_t m : rows) {
    MemberCause c;
    c.member = m - offsets[h];
    if (m < names.size()) c.name = names[m];
    if (age) c.age = age->int32s()[m];
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<LineComparison> CompareLines(const Standard& s, bool urban, Vnd income,
                                         std::int64_t members) {
  std::vector<LineComparison> out;
  for (int k = 0; k < kLineKinds; ++k) {
    if (!s.lines[k]) continue;
    LineComparison c;
    c.kind = static_cast<LineKind>(k);
    c.amount = s.lines[k]->For(urban);
    c.at_or_under = semantics::ComparePerCapita(Op::kLe, income, members, c.amount);
    out.push_back(c);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.amount < b.amount; });
  return out;
}

}  // namespace

Explanation Explain(const Standard& s, const Frame& frame, const ClassifyResult& r, std::size_t h,
                    std::span<const std::string> member_names) {
  const Catalogue& cat = frame.catalogue();
  Explanation e;
  e.category = r.category[h];
  e.decided_by = r.decided_by[h];
  e.path = r.score_a.empty() ? ClassifyPath::kIncome : ClassifyPath::kScores;
  e.urban = frame.column(cat.Find(Scope::kHousehold, "urban"))->bools()[h] != 0;
  e.income_month = frame.column(cat.Find(Scope::kHousehold, "income_month"))->int64s()[h];
  e.members = frame.column(cat.Find(Scope::kHousehold, "members"))->int32s()[h];
  e.income_per_capita = r.income_per_capita[h];
  e.lines = CompareLines(s, e.urban, e.income_month, e.members);
  for (const LineComparison& c : e.lines) {
    if (c.at_or_under) {
      e.line_used = c;
      break;
    }
  }
  if (!e.line_used && !e.lines.empty()) e.line_used = e.lines.back();
  e.deprivation_count = r.deprivation_count[h];
  // Members are named only when the deprivations were evaluated on this frame's members.
  const bool have_members = frame.member_rows() > 0;
  for (std::size_t d = 0; d < r.deprivations.size(); ++d) {
    if (!r.deprivations[d][h]) continue;
    DeprivationMet met;
    met.index = static_cast<int>(d);
    if (have_members) met.members = Causes(s.deprivations[d].rule, frame, h, member_names);
    e.deprivations.push_back(std::move(met));
  }
  if (!r.score_a.empty()) {
    e.score_a = r.score_a[h];
    e.score_b = r.score_b[h];
  }
  return e;
}

namespace {

Json LineJson(const LineComparison& c) {
  return Json{{"name", LineKindCode(c.kind)}, {"amount", c.amount}, {"at_or_under", c.at_or_under}};
}

std::string MemberText(const MemberCause& m, bool vi) {
  std::string who = !m.name.empty() ? m.name
                    : vi            ? "thành viên thứ " + std::to_string(m.member + 1)
                                    : "member " + std::to_string(m.member + 1);
  if (m.age >= 0) who += ", " + std::to_string(m.age) + (vi ? " tuổi" : "");
  return who;
}

std::string CategoryEn(Category c) {
  switch (c) {
    case Category::kPoor:
      return "poor";
    case Category::kNearPoor:
      return "near-poor";
    case Category::kMiddle:
      return "middle";
    case Category::kOther:
      return "other";
  }
  return "other";
}

std::string IncomeText(const Explanation& e, bool vi) {
  // Each language groups thousands its own way: 1.500.000 đ, 1,500,000 VND.
  const char thousands = vi ? '.' : ',';
  std::string t = vi ? "thu nhập bình quân " + FormatVnd(e.income_per_capita) + " đ/người/tháng"
                     : "income per capita " + FormatVnd(e.income_per_capita, thousands) +
                           " VND/person/month";
  if (!e.line_used) return t;
  const LineComparison& l = *e.line_used;
  const std::string amount = FormatVnd(l.amount, thousands);
  const std::string area =
      vi ? (e.urban ? "thành thị" : "nông thôn") : (e.urban ? "urban" : "rural");
  if (vi) {
    t += l.at_or_under
             ? ", từ " + std::string(LineKindNameVi(l.kind)) + " " + amount + " đ trở xuống"
             : ", trên " + std::string(LineKindNameVi(l.kind)) + " " + amount + " đ";
  } else {
    t += l.at_or_under ? ", at or under the " + std::string(LineKindNameEn(l.kind)) + " " + amount
                       : ", above the " + std::string(LineKindNameEn(l.kind)) + " " + amount;
  }
  return t + " (" + area + ")";
}

std::string DeprivationsText(const Standard& s, const Explanation& e, bool vi) {
  std::string t = vi ? "thiếu hụt " + std::to_string(e.deprivation_count) + "/" +
                           std::to_string(s.deprivations.size())
                     : std::to_string(e.deprivation_count) + " of " +
                           std::to_string(s.deprivations.size()) + " deprivations";
  for (std::size_t i = 0; i < e.deprivations.size(); ++i) {
    const DeprivationMet& d = e.deprivations[i];
    const Deprivation& def = s.deprivations[static_cast<std::size_t>(d.index)];
    t += i == 0 ? ": " : ", ";
    t += vi ? def.name_vi : def.name_en;
    if (d.members.empty()) continue;
    t += " (";
    for (std::size_t m = 0; m < d.members.size(); ++m) {
      t += (m ? "; " : "") + MemberText(d.members[m], vi);
    }
    t += ")";
  }
  return t;
}

}  // namespace

std::string ExplanationText(const Standard& s, const Explanation& e, std::string_view lang) {
  const bool vi = lang != "en";
  std::string t = vi ? std::string(CategoryNameVi(e.category)) : CategoryEn(e.category);
  if (e.path == ClassifyPath::kScores) {
    t += vi ? ": điểm A " + std::to_string(e.score_a) + ", điểm B " + std::to_string(e.score_b)
            : ": score A " + std::to_string(e.score_a) + ", score B " + std::to_string(e.score_b);
  } else {
    t += ": " + IncomeText(e, vi);
  }
  if (!s.deprivations.empty()) t += "; " + DeprivationsText(s, e, vi);
  return t;
}

std::string ExplanationJson(const Standard& s, const Explanation& e) {
  Json j;
  j["standard"] = s.id;
  j["path"] = e.path == ClassifyPath::kScores ? "scores" : "income";
  j["category"] = CategoryCode(e.category);
  const auto& rules = CategoryRules(s, e.path);
  if (e.decided_by >= 0) {
    const CategoryRule& rule = rules[static_cast<std::size_t>(e.decided_by)];
    j["rule"] = Json{{"index", e.decided_by}, {"when", rule.when.text()}, {"source", rule.source}};
  } else {
    j["rule"] = nullptr;
  }
  j["area"] = e.urban ? "urban" : "rural";
  j["income_month"] = e.income_month;
  j["members"] = e.members;
  j["income_per_capita"] = e.income_per_capita;
  j["line"] = e.line_used ? LineJson(*e.line_used) : Json(nullptr);
  j["lines"] = Json::array();
  for (const LineComparison& c : e.lines) j["lines"].push_back(LineJson(c));
  j["deprivation_count"] = e.deprivation_count;
  j["deprivations_defined"] = s.deprivations.size();
  j["deprivations"] = Json::array();
  for (const DeprivationMet& d : e.deprivations) {
    const Deprivation& def = s.deprivations[static_cast<std::size_t>(d.index)];
    Json members = Json::array();
    for (const MemberCause& m : d.members) {
      members.push_back(Json{{"index", m.member}, {"name", m.name}, {"age", m.age}});
    }
    j["deprivations"].push_back(Json{{"id", def.id},
                                     {"name_vi", def.name_vi},
                                     {"name_en", def.name_en},
                                     {"explain_vi", def.explain_vi},
                                     {"explain_en", def.explain_en},
                                     {"members", std::move(members)}});
  }
  if (e.path == ClassifyPath::kScores) {
    j["score_a"] = e.score_a;
    j["score_b"] = e.score_b;
  }
  j["text_vi"] = ExplanationText(s, e, "vi");
  j["text_en"] = ExplanationText(s, e, "en");
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ansinh::rules
