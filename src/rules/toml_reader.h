// Reading the TOML files of src/rules (standards, points tables) with toml++, without letting its
// exceptions out: typed getters that return Status values located at file:line:column, and the
// compilation of a rule written as a TOML string, located where its text starts in the file.
//
// Owns: the mapping from a toml++ node's source region to a SourceRef (the rule's first character
// is after the opening quote, or on the next line for a multi-line string that starts with a
// newline); the check that a table holds only the keys the schema knows.
// Shared by src/rules (standards, points tables) and src/analytics (indicators and targets, which
// are rule-language TOML too); toml++ is included only by the .cc files that use this.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "rules/rules.h"

namespace ansinh::rules::internal {

class TomlReader {
 public:
  // `text` must outlive the reader; `path` names the file in errors.
  TomlReader(std::string_view text, std::string path);

  // Parses the whole text; a syntax error is kParseError at its line and column.
  Result<toml::table> Parse() const;

  const std::string& path() const { return path_; }

  // kInvalidArgument at `node` (or at the table when the key is missing).
  Status Error(const toml::node& node, std::string vi, std::string en) const;

  // Required and optional values of `table[key]`; a wrong type is an error at the value.
  Result<std::string> String(const toml::table& table, std::string_view key) const;
  Result<std::string> OptionalString(const toml::table& table, std::string_view key) const;
  Result<std::int64_t> Int(const toml::table& table, std::string_view key) const;
  // A number (integer or float) at `table[key]`; std::nullopt when absent.
  Result<std::optional<double>> OptionalNumber(const toml::table& table,
                                               std::string_view key) const;
  Result<bool> OptionalBool(const toml::table& table, std::string_view key, bool fallback) const;
  // An array of tables (missing: empty); an element that is not a table is an error.
  Result<std::vector<const toml::table*>> Tables(const toml::table& table,
                                                 std::string_view key) const;
  // A sub-table, or nullptr when absent.
  Result<const toml::table*> OptionalTable(const toml::table& table, std::string_view key) const;

  // Compiles the string at `table[key]` as a rule, located where its text starts in the file.
  Result<Rule> CompileAt(const toml::table& table, std::string_view key, const Catalogue& catalogue,
                         const CheckOptions& options) const;

  // An error at the first key of `table` that is not in `known`.
  Status OnlyKeys(const toml::table& table, std::initializer_list<std::string_view> known) const;

 private:
  SourcePos RuleStart(const toml::source_position& quote) const;

  std::string_view text_;
  std::string path_;
  std::vector<std::string_view> lines_;
};

// The .toml files of `dir` in name order, each with its text: how a folder of rule-language TOML
// (indicators, targets) is read. `what_vi` / `what_en` name the folder in errors ("chỉ tiêu",
// "indicators").
struct TomlFile {
  std::string path;
  std::string text;
};
Result<std::vector<TomlFile>> ReadTomlFolder(const std::string& dir, std::string_view what_vi,
                                             std::string_view what_en);

}  // namespace ansinh::rules::internal
