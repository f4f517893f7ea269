#include "rules/toml_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace ansinh::rules::internal {
namespace {

// Bytes of the first `characters` UTF-8 code points of `line` (toml++ counts columns in code
// points, as the rule language does).
std::size_t ByteOffset(std::string_view line, int characters) {
  std::size_t at = 0;
  for (int c = 0; c < characters && at < line.size(); ++c) {
    ++at;
    while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

std::string_view TypeWord(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "float";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::table:
      return "table";
    case toml::node_type::array:
      return "array";
    default:
      return "date/time";
  }
}

}  // namespace

TomlReader::TomlReader(std::string_view text, std::string path)
    : text_(text), path_(std::move(path)) {
  std::size_t start = 0;
  while (start <= text_.size()) {
    const std::size_t end = text_.find('\n', start);
    lines_.push_back(
        text_.substr(start, end == std::string_view::npos ? text_.size() - start : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

Result<toml::table> TomlReader::Parse() const {
  try {
    return toml::parse(text_, path_);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    const std::string what(e.description());
    return Status::Error(ErrorCode::kParseError, "tệp TOML sai cú pháp: " + what,
                         "malformed TOML: " + what)
        .WithLocation(
            {path_, static_cast<std::int64_t>(at.line), static_cast<std::int64_t>(at.column)});
  }
}

Status TomlReader::Error(const toml::node& node, std::string vi, std::string en) const {
  const auto& at = node.source().begin;
  return Status::Error(ErrorCode::kInvalidArgument, std::move(vi), std::move(en))
      .WithLocation(
          {path_, static_cast<std::int64_t>(at.line), static_cast<std::int64_t>(at.column)});
}

Result<std::string> TomlReader::OptionalString(const toml::table& table,
                                               std::string_view key) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::string();
  if (const auto* s = node->as_string()) return s->get();
  return Error(
             *node,
             "'" + std::string(key) + "' phải là chuỗi, không phải " + std::string(TypeWord(*node)),
             "'" + std::string(key) + "' must be a string, not " + std::string(TypeWord(*node)))
      .WithField(std::string(key));
}

Result<std::string> TomlReader::String(const toml::table& table, std::string_view key) const {
  if (table.get(key) == nullptr) {
    return Error(table, "thiếu khóa bắt buộc '" + std::string(key) + "'",
                 "missing required key '" + std::string(key) + "'")
        .WithField(std::string(key));
  }
  return OptionalString(table, key);
}

Result<std::int64_t> TomlReader::Int(const toml::table& table, std::string_view key) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return Error(table, "thiếu khóa bắt buộc '" + std::string(key) + "'",
                 "missing required key '" + std::string(key) + "'")
        .WithField(std::string(key));
  }
  if (const auto* i = node->as_integer()) return i->get();
  return Error(*node, "'" + std::string(key) + "' phải là số nguyên",
               "'" + std::string(key) + "' must be an integer")
      .WithField(std::string(key));
}

Result<std::optional<double>> TomlReader::OptionalNumber(const toml::table& table,
                                                         std::string_view key) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::optional<double>();
  if (const auto* i = node->as_integer()) return std::optional<double>(static_cast<double>(i->get()));
  if (const auto* f = node->as_floating_point()) return std::optional<double>(f->get());
  return Error(*node, "'" + std::string(key) + "' phải là số", "'" + std::string(key) + "' must be a number")
      .WithField(std::string(key));
}

Result<bool> TomlReader::OptionalBool(const toml::table& table, std::string_view key,
                                      bool fallback) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) return fallback;
  if (const auto* b = node->as_boolean()) return b->get();
  return Error(*node, "'" + std::string(key) + "' phải là true hoặc false",
               "'" + std::string(key) + "' must be true or false")
      .WithField(std::string(key));
}

Result<std::vector<const toml::table*>> TomlReader::Tables(const toml::table& table,
                                                           std::string_view key) const {
  std::vector<const toml::table*> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    return Error(*node, "'" + std::string(key) + "' phải là mảng bảng",
                 "'" + std::string(key) + "' must be an array of tables");
  }
  for (const toml::node& element : *array) {
    const toml::table* t = element.as_table();
    if (t == nullptr) {
      return Error(element, "phần tử của '" + std::string(key) + "' phải là bảng",
                   "an element of '" + std::string(key) + "' must be a table");
    }
    out.push_back(t);
  }
  return out;
}

Result<const toml::table*> TomlReader::OptionalTable(const toml::table& table,
                                                     std::string_view key) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) return static_cast<const toml::table*>(nullptr);
  if (const toml::table* t = node->as_table()) return t;
  return Error(*node, "'" + std::string(key) + "' phải là bảng",
               "'" + std::string(key) + "' must be a table");
}

SourcePos TomlReader::RuleStart(const toml::source_position& quote) const {
  SourcePos pos{static_cast<int>(quote.line), static_cast<int>(quote.column)};
  if (quote.line == 0 || quote.line > lines_.size()) return pos;
  const std::string_view line = lines_[quote.line - 1];
  const std::string_view rest = line.substr(ByteOffset(line, pos.column - 1));
  if (rest.starts_with("\"\"\"") || rest.starts_with("'''")) {
    // A multi-line string drops a newline right after its opening delimiter.
    if (rest.size() == 3 || (rest.size() == 4 && rest[3] == '\r')) return {pos.line + 1, 1};
    pos.column += 3;
  } else {
    pos.column += 1;
  }
  return pos;
}

Result<Rule> TomlReader::CompileAt(const toml::table& table, std::string_view key,
                                   const Catalogue& catalogue, const CheckOptions& options) const {
  ANSINH_ASSIGN_OR_RETURN(std::string text, String(table, key));
  const toml::node& node = *table.get(key);
  return CompileRule(text, SourceRef{path_, RuleStart(node.source().begin)}, catalogue, options);
}

Status TomlReader::OnlyKeys(const toml::table& table,
                            std::initializer_list<std::string_view> known) const {
  for (const auto& [key, node] : table) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      return Error(node, "khóa không có trong lược đồ: '" + std::string(key.str()) + "'",
                   "unknown key '" + std::string(key.str()) + "'")
          .WithField(std::string(key.str()));
    }
  }
  return Status::Ok();
}

Result<std::vector<TomlFile>> ReadTomlFolder(const std::string& dir, std::string_view what_vi,
                                             std::string_view what_en) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") paths.push_back(entry.path());
  }
  if (ec) {
    return Status::Error(ErrorCode::kIoError,
                         "không đọc được thư mục " + std::string(what_vi) + " " + dir,
                         "cannot read the " + std::string(what_en) + " folder " + dir);
  }
  std::sort(paths.begin(), paths.end());
  std::vector<TomlFile> files;
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
      return Status::Error(ErrorCode::kIoError, "không đọc được " + path.string(),
                           "cannot read " + path.string());
    }
    files.push_back({path.string(), text.str()});
  }
  return files;
}

}  // namespace ansinh::rules::internal
