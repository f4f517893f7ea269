#include "io/xlsx_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <utility>

#include "io/xlsx_reader_parts.h"

namespace ansinh::io {
namespace {

using xlsx::Archive;
using xlsx::Attribute;
using xlsx::XmlHandler;

constexpr std::int64_t kMaxColumns = 16384;  // XFD, Excel's last column
constexpr std::int64_t kMaxRows = 1048576;

Status BadPart(const std::string& path, const std::string& part, const std::string& what_vi,
               const std::string& what_en, std::int64_t row = 0) {
  return Status::Error(ErrorCode::kParseError, part + ": " + what_vi, part + ": " + what_en)
      .WithLocation({path, row, 0});
}

bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

// _rels/*.rels: relationship id -> (type, target).
class RelsHandler : public XmlHandler {
 public:
  struct Rel {
    std::string type, target;
  };
  void Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = Attribute(attrs, "Id");
    const char* type = Attribute(attrs, "Type");
    const char* target = Attribute(attrs, "Target");
    const char* mode = Attribute(attrs, "TargetMode");
    if (id == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    rels[id] = {type != nullptr ? type : "", target};
  }
  void End(std::string_view) override {}
  std::map<std::string, Rel> rels;
};

// xl/workbook.xml: the sheets in tab order, with their relationship ids.
class WorkbookHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name != "sheet") return;
    const char* sheet_name = Attribute(attrs, "name");
    const char* id = Attribute(attrs, "id");  // r:id
    if (sheet_name != nullptr) sheets.emplace_back(sheet_name, id != nullptr ? id : "");
  }
  void End(std::string_view) override {}
  std::vector<std::pair<std::string, std::string>> sheets;
};

// xl/sharedStrings.xml: each <si>'s text, from its <t> or the <t> of its rich-text runs <r>.
class SharedStringsHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char**) override {
    if (name == "si") current_.clear();
    if (name == "rPh") in_phonetic_ = true;
    if (name == "t" && !in_phonetic_) in_text_ = true;
  }
  void End(std::string_view name) override {
    if (name == "t") in_text_ = false;
    if (name == "rPh") in_phonetic_ = false;
    if (name == "si") strings.push_back(xlsx::DecodeOoxmlEscapes(std::move(current_)));
  }
  void Text(std::string_view text) override {
    if (in_text_) current_.append(text);
  }
  std::vector<std::string> strings;

 private:
  std::string current_;
  bool in_text_ = false;
  bool in_phonetic_ = false;
};

// A worksheet: rows of cells, handed over one at a time.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>* shared, const XlsxRowHandler* on_row,
               std::string path, std::string part)
      : shared_(shared), on_row_(on_row), path_(std::move(path)), part_(std::move(part)) {}

  void Start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      StartRow(Attribute(attrs, "r"));
    } else if (name == "c") {
      StartCell(Attribute(attrs, "r"), Attribute(attrs, "t"));
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t" && in_inline_ && !in_phonetic_) {
      in_value_ = true;
    }
  }

  void End(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "c") {
      EndCell();
    } else if (name == "row") {
      if (!cells_.empty()) status = (*on_row_)(cells_, row_);
      last_row_ = row_;
    }
  }

  void Text(std::string_view text) override {
    if (in_value_) value_.append(text);
  }

  std::int64_t row() const { return row_; }

 private:
  void StartRow(const char* r) {
    cells_.clear();
    next_column_ = 0;
    row_ = last_row_ + 1;
    if (r != nullptr) {
      const std::string_view s(r);
      std::int64_t n = 0;
      const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec != std::errc() || end != s.data() + s.size() || n < 1 || n > kMaxRows) {
        status = BadPart(path_, part_, "số dòng sai: " + std::string(s),
                         "bad row number: " + std::string(s), last_row_ + 1);
        return;
      }
      row_ = n;
    }
  }

  void StartCell(const char* r, const char* t) {
    value_.clear();
    type_ = t != nullptr ? t : "n";
    column_ = next_column_;
    if (r == nullptr) return;
    std::int64_t col = 0;
    std::size_t i = 0;
    const std::string_view s(r);
    for (; i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])); ++i) {
      col = col * 26 + (std::toupper(static_cast<unsigned char>(s[i])) - 'A' + 1);
      if (col > kMaxColumns) break;
    }
    if (i == 0 || col > kMaxColumns) {
      status = BadPart(path_, part_, "tham chiếu ô sai: " + std::string(s),
                       "bad cell reference: " + std::string(s), row_);
      return;
    }
    column_ = col - 1;
  }

  void EndCell() {
    next_column_ = column_ + 1;
    std::string text;
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc() || end != value_.data() + value_.size() || index >= shared_->size()) {
        status = BadPart(path_, part_, "chỉ số chuỗi dùng chung sai: " + value_,
                         "bad shared string index: " + value_, row_);
        return;
      }
      text = (*shared_)[index];
    } else if (type_ == "inlineStr" || type_ == "str") {
      text = xlsx::DecodeOoxmlEscapes(std::move(value_));
    } else {
      text = std::move(value_);  // n, b ("1"/"0"), e, d: as written
    }
    value_.clear();
    if (text.empty()) return;
    const auto column = static_cast<std::size_t>(column_);
    if (cells_.size() <= column) cells_.resize(column + 1);
    cells_[column] = std::move(text);
  }

  const std::vector<std::string>* shared_;
  const XlsxRowHandler* on_row_;
  std::string path_, part_;
  std::vector<std::string> cells_;
  std::string value_, type_;
  std::int64_t row_ = 0, last_row_ = 0, column_ = 0, next_column_ = 0;
  bool in_value_ = false, in_inline_ = false, in_phonetic_ = false;
};

// The workbook part and its sheets, found through the package relationships.
struct Workbook {
  std::unique_ptr<Archive> archive;
  std::string part;
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
};

Result<Workbook> OpenWorkbook(const std::string& path) {
  ANSINH_ASSIGN_OR_RETURN(std::unique_ptr<Archive> archive, Archive::Open(path));
  Workbook book;
  book.part = "xl/workbook.xml";
  if (archive->Has("_rels/.rels")) {
    RelsHandler rels;
    ANSINH_RETURN_IF_ERROR(archive->ParseXml("_rels/.rels", &rels));
    for (const auto& [id, rel] : rels.rels) {
      if (EndsWith(rel.type, "/officeDocument")) book.part = xlsx::ResolveTarget("", rel.target);
    }
  }
  WorkbookHandler handler;
  ANSINH_RETURN_IF_ERROR(archive->ParseXml(book.part, &handler));
  book.sheets = std::move(handler.sheets);
  book.archive = std::move(archive);
  return book;
}

// "xl/_rels/workbook.xml.rels" for "xl/workbook.xml".
std::string RelsPartOf(const std::string& part) {
  const auto slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + file + ".rels";
}

}  // namespace

Result<std::vector<std::string>> ListSheets(const std::string& path) {
  ANSINH_ASSIGN_OR_RETURN(Workbook book, OpenWorkbook(path));
  std::vector<std::string> names;
  names.reserve(book.sheets.size());
  for (auto& [name, id] : book.sheets) names.push_back(name);
  return names;
}

Status ReadSheet(const std::string& path, const std::string& sheet_name,
                 const XlsxRowHandler& on_row) {
  ANSINH_ASSIGN_OR_RETURN(Workbook book, OpenWorkbook(path));
  const auto sheet = std::find_if(book.sheets.begin(), book.sheets.end(),
                                  [&](const auto& s) { return s.first == sheet_name; });
  if (sheet == book.sheets.end()) {
    return Status::NotFound("sheet", sheet_name, "không có trang tính này trong tệp",
                            "the workbook has no such sheet")
        .WithLocation({path, 0, 0});
  }
  RelsHandler rels;
  const std::string rels_part = RelsPartOf(book.part);
  ANSINH_RETURN_IF_ERROR(book.archive->ParseXml(rels_part, &rels));
  const auto rel = rels.rels.find(sheet->second);
  if (rel == rels.rels.end()) {
    return BadPart(path, rels_part, "không có quan hệ " + sheet->second,
                   "no relationship " + sheet->second);
  }
  const std::string sheet_part = xlsx::ResolveTarget(book.part, rel->second.target);

  SharedStringsHandler shared;
  for (const auto& [id, r] : rels.rels) {
    if (!EndsWith(r.type, "/sharedStrings")) continue;
    const std::string part = xlsx::ResolveTarget(book.part, r.target);
    if (book.archive->Has(part)) ANSINH_RETURN_IF_ERROR(book.archive->ParseXml(part, &shared));
  }

  const std::string where = path + ":" + sheet_name;
  SheetHandler handler(&shared.strings, &on_row, path, sheet_part);
  Status status = book.archive->ParseXml(sheet_part, &handler);
  if (!status.ok() && status.location().file.empty()) {
    status.WithLocation({where, handler.row(), 0});
  }
  return status;
}

Status ReadSheetTable(const std::string& path, const std::string& sheet_name,
                      const std::vector<std::string>& required_columns,
                      const CsvRowHandler& on_row) {
  std::vector<std::string> header;
  std::int64_t header_row = 0;
  const std::string where = path + ":" + sheet_name;
  return ReadSheet(path, sheet_name,
                   [&](const std::vector<std::string>& cells, std::int64_t row_number) -> Status {
                     if (header_row == 0) {
                       header = cells;
                       header_row = row_number;
                       for (const auto& col : required_columns) {
                         if (std::find(header.begin(), header.end(), col) == header.end()) {
                           return Status::Invalid(col, "", "thiếu cột bắt buộc",
                                                  "a required column is missing")
                               .WithLocation({where, 0, 0});
                         }
                       }
                       return Status::Ok();
                     }
                     CsvRow row(&header, cells, row_number - header_row);
                     Status s = on_row(row);
                     if (!s.ok() && s.location().file.empty()) {
                       s.WithLocation({where, row.row(), 0});
                     }
                     return s;
                   });
}

}  // namespace ansinh::io
