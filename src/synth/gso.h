// GSO statistical-yearbook tables as the GSO English website exports them (data/synth/gso/):
// ';'-separated, UTF-8 with BOM, a title line, header lines that may repeat, '..' for missing,
// rows sometimes twice. Read whole (they are a few kB) into name -> column -> value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ansinh::synth {

class GsoTable {
 public:
  // The value of `column` ("2010", "2010 Quintile 1", "Urban 2010") for the unit named `name`
  // ("Ca Mau", "Mekong River Delta"); nullopt when missing ('..') or absent. Names and columns
  // are matched with white space collapsed and ASCII case ignored.
  std::optional<double> Get(std::string_view name, std::string_view column) const;

  // Fills from the text of a file; kParseError for a file with no header line.
  static Result<GsoTable> Parse(std::string_view text, const std::string& file);
  static Result<GsoTable> Read(const std::string& path);

 private:
  std::map<std::string, std::map<std::string, std::optional<double>>> rows_;
};

// Trimmed, inner white space collapsed to one space, ASCII lower case.
std::string GsoKey(std::string_view text);

}  // namespace ansinh::synth
