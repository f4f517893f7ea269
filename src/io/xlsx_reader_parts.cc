#include "io/xlsx_reader_parts.h"

#include <expat.h>
#include <unzip.h>

#include <vector>

namespace ansinh::io::xlsx {
namespace {

constexpr std::size_t kBlockSize = 64 * 1024;
constexpr char kNamespaceSeparator = '|';

std::string_view LocalName(const char* name) {
  std::string_view s(name);
  const auto bar = s.rfind(kNamespaceSeparator);
  return bar == std::string_view::npos ? s : s.substr(bar + 1);
}

// expat callbacks: forward to the handler and stop the parser once it reports an error.
struct ParseContext {
  XML_Parser parser;
  XmlHandler* handler;
};

void StopIfFailed(ParseContext* ctx) {
  if (!ctx->handler->status.ok()) XML_StopParser(ctx->parser, XML_FALSE);
}

void OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* ctx = static_cast<ParseContext*>(data);
  ctx->handler->Start(LocalName(name), attributes);
  StopIfFailed(ctx);
}

void OnEnd(void* data, const XML_Char* name) {
  auto* ctx = static_cast<ParseContext*>(data);
  ctx->handler->End(LocalName(name));
  StopIfFailed(ctx);
}

void OnText(void* data, const XML_Char* text, int len) {
  auto* ctx = static_cast<ParseContext*>(data);
  ctx->handler->Text(std::string_view(text, static_cast<std::size_t>(len)));
  StopIfFailed(ctx);
}

struct ParserDeleter {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

const char* Attribute(const char** attributes, std::string_view name) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (LocalName(attributes[i]) == name) return attributes[i + 1];
  }
  return nullptr;
}

Result<std::unique_ptr<Archive>> Archive::Open(const std::string& path) {
  unzFile zip = unzOpen64(path.c_str());
  if (zip == nullptr) {
    return Status::Error(ErrorCode::kIoError,
                         "không mở được tệp " + path + " (không phải tệp .xlsx/zip?)",
                         "cannot open " + path + " (not an .xlsx/zip file?)")
        .WithLocation({path, 0, 0});
  }
  return std::unique_ptr<Archive>(new Archive(path, zip));
}

Archive::~Archive() { unzClose(static_cast<unzFile>(zip_)); }

bool Archive::Has(const std::string& part) {
  // 2: names compare without regard to case, as OPC part names do.
  return unzLocateFile(static_cast<unzFile>(zip_), part.c_str(), 2) == UNZ_OK;
}

Status Archive::ParseXml(const std::string& part, XmlHandler* handler) {
  auto zip = static_cast<unzFile>(zip_);
  if (unzLocateFile(zip, part.c_str(), 2) != UNZ_OK) {
    return Status::Error(ErrorCode::kParseError, "tệp .xlsx thiếu phần " + part,
                         "the .xlsx file has no part " + part)
        .WithLocation({path_, 0, 0});
  }
  if (unzOpenCurrentFile(zip) != UNZ_OK) {
    return Status::Error(ErrorCode::kIoError, "không đọc được phần " + part + " của " + path_,
                         "cannot read part " + part + " of " + path_)
        .WithLocation({path_, 0, 0});
  }
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(
      XML_ParserCreateNS(nullptr, kNamespaceSeparator));
  if (!parser) {
    unzCloseCurrentFile(zip);
    return Status::Internal("XML_ParserCreateNS failed");
  }
  ParseContext ctx{parser.get(), handler};
  XML_SetUserData(parser.get(), &ctx);
  XML_SetElementHandler(parser.get(), OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser.get(), OnText);

  std::vector<char> block(kBlockSize);
  Status status;
  bool parse_error = false;
  for (;;) {
    const int n = unzReadCurrentFile(zip, block.data(), static_cast<unsigned>(block.size()));
    if (n < 0) {
      status = Status::Error(ErrorCode::kIoError, "dữ liệu nén hỏng ở phần " + part,
                             "corrupt compressed data in part " + part)
                   .WithLocation({path_, 0, 0});
      break;
    }
    const bool last = n == 0;
    if (XML_Parse(parser.get(), block.data(), n, last ? 1 : 0) != XML_STATUS_OK) {
      parse_error = true;
      break;
    }
    if (last) break;
  }
  // unzCloseCurrentFile checks the CRC once the whole part was read.
  const int close_rc = unzCloseCurrentFile(zip);
  if (!handler->status.ok()) return handler->status;
  if (!status.ok()) return status;
  if (parse_error) {
    const std::string reason = XML_ErrorString(XML_GetErrorCode(parser.get()));
    const std::string line = std::to_string(XML_GetCurrentLineNumber(parser.get()));
    return Status::Error(ErrorCode::kParseError,
                         "XML sai cú pháp trong " + part + " dòng " + line + ": " + reason,
                         "malformed XML in " + part + " line " + line + ": " + reason)
        .WithLocation({path_, 0, 0});
  }
  if (close_rc != UNZ_OK) {
    return Status::Error(ErrorCode::kIoError, "phần " + part + " hỏng (sai CRC)",
                         "part " + part + " is corrupt (CRC mismatch)")
        .WithLocation({path_, 0, 0});
  }
  return Status::Ok();
}

std::string DecodeOoxmlEscapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      int code = 0;
      bool hex = true;
      for (std::size_t k = i + 2; k < i + 6; ++k) {
        const int v = HexValue(text[k]);
        hex = hex && v >= 0;
        code = code * 16 + (v < 0 ? 0 : v);
      }
      if (hex) {
        // The escaped characters are controls and the odd BMP character; write them as UTF-8.
        if (code < 0x80) {
          out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (code >> 6)));
          out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xE0 | (code >> 12)));
          out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
        i += 6;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string ResolveTarget(std::string_view source_part, std::string_view target) {
  std::vector<std::string> parts;
  if (target.starts_with('/')) {
    target.remove_prefix(1);
  } else {
    const auto slash = source_part.rfind('/');
    std::string_view folder =
        slash == std::string_view::npos ? std::string_view() : source_part.substr(0, slash);
    while (!folder.empty()) {
      const auto next = folder.find('/');
      parts.emplace_back(folder.substr(0, next));
      folder = next == std::string_view::npos ? std::string_view() : folder.substr(next + 1);
    }
  }
  while (!target.empty()) {
    const auto next = target.find('/');
    const std::string_view piece = target.substr(0, next);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.emplace_back(piece);
    }
    target = next == std::string_view::npos ? std::string_view() : target.substr(next + 1);
  }
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

}  // namespace ansinh::io::xlsx
