#include "synth/gso.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace ansinh::synth {
namespace {

std::vector<std::string> SplitCells(std::string_view line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') {
      quoted = !quoted;
    } else if (ch == ';' && !quoted) {
      cells.push_back(GsoKey(cell));
      cell.clear();
    } else if (ch != '\r') {
      cell.push_back(ch);
    }
  }
  cells.push_back(GsoKey(cell));
  return cells;
}

std::optional<double> ParseNumber(const std::string& cell) {
  double v = 0;
  auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
  return v;
}

// "Pre. 2016 Quintile 1" and "Prel. 2016" name the preliminary 2016 figures: key them as 2016.
std::string CanonicalColumn(std::string column) {
  for (std::string_view prefix : {"pre. ", "prel. "}) {
    const auto pos = column.find(prefix);
    if (pos != std::string::npos) column.erase(pos, prefix.size());
  }
  return column;
}

}  // namespace

std::string GsoKey(std::string_view text) {
  std::string out;
  bool space = false;
  for (char ch : text) {
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  }
  return out;
}

std::optional<double> GsoTable::Get(std::string_view name, std::string_view column) const {
  const auto row = rows_.find(GsoKey(name));
  if (row == rows_.end()) return std::nullopt;
  const auto cell = row->second.find(CanonicalColumn(GsoKey(column)));
  if (cell == row->second.end()) return std::nullopt;
  return cell->second;
}

Result<GsoTable> GsoTable::Parse(std::string_view text, const std::string& file) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  GsoTable table;
  std::vector<std::string> header;
  std::istringstream in{std::string(text)};
  std::string line;
  for (bool title = true; std::getline(in, line); title = false) {
    if (title || GsoKey(line).empty()) continue;
    std::vector<std::string> cells = SplitCells(line);
    if (cells.size() < 2) continue;
    if (cells[0] == "cities, provincies") {
      header = std::move(cells);
      for (auto& h : header) h = CanonicalColumn(h);
      continue;
    }
    if (header.empty()) break;
    auto [it, inserted] = table.rows_.try_emplace(cells[0]);
    if (!inserted) continue;  // a repeated row: the first one stands
    for (std::size_t i = 1; i < cells.size() && i < header.size(); ++i) {
      it->second[header[i]] = ParseNumber(cells[i]);
    }
  }
  if (header.empty()) {
    return Status::Error(ErrorCode::kParseError, "bảng GSO không có dòng tiêu đề: " + file,
                         "GSO table without a header line: " + file);
  }
  return table;
}

Result<GsoTable> GsoTable::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(ErrorCode::kIoError, "không đọc được tệp " + path,
                         "cannot read file " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

}  // namespace ansinh::synth
