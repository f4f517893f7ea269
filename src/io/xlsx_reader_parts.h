// Private to io/xlsx_reader: an .xlsx file as what it is, a zip archive of XML parts, with each
// part streamed through expat in 64 KiB blocks. minizip reads the zip and expat the XML; neither
// is written by hand. The public front door is io/xlsx_reader.h.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ansinh::io::xlsx {

// Receives the events of one XML part. Element and attribute names arrive as local names (the
// namespace stripped), so transitional and strict OOXML read alike. A handler that must stop (a
// bad value, or its caller's error) sets `status`; parsing ends there and ParseXml returns it.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attributes` is expat's array: name, value, name, value, ..., nullptr.
  virtual void Start(std::string_view name, const char** attributes) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view /*text*/) {}

  Status status;
};

// The value of the attribute whose local name is `name`, or nullptr.
const char* Attribute(const char** attributes, std::string_view name);

// An open .xlsx (zip) file. Not thread-safe: one part is read at a time.
class Archive {
 public:
  // kIoError when the file cannot be opened or is not a zip archive.
  static Result<std::unique_ptr<Archive>> Open(const std::string& path);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  const std::string& path() const { return path_; }
  bool Has(const std::string& part);
  // Streams `part` through `handler`. kParseError (naming the part and line) for XML that is not
  // well-formed or a part that is missing; kIoError when the zip data cannot be read.
  Status ParseXml(const std::string& part, XmlHandler* handler);

 private:
  Archive(std::string path, void* zip) : path_(std::move(path)), zip_(zip) {}
  std::string path_;
  void* zip_;  // minizip's unzFile
};

// Decodes the _xHHHH_ escapes OOXML uses for control characters in strings ("_x000D_" is CR).
std::string DecodeOoxmlEscapes(std::string text);

// Resolves a relationship target against the folder of the part that holds the relationship:
// "worksheets/sheet1.xml" from "xl/workbook.xml" is "xl/worksheets/sheet1.xml"; "/xl/x.xml" is
// absolute; "../" steps up.
std::string ResolveTarget(std::string_view source_part, std::string_view target);

}  // namespace ansinh::io::xlsx
