#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>


namespace ansinh {
namespace {

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : Trim(s)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Most fields of a registry file are ASCII (codes, numbers, dates, flags): ASCII is its own NFC,
// NFD and case fold but for A–Z, so those skip ICU and its UTF-16 copies.
bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string AsciiLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  const char* ws = " \t\r\n";
  const auto b = text.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  const auto e = text.find_last_not_of(ws);
  return text.substr(b, e - b + 1);
}

std::string NormalizeNfc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  if (!IsValidUtf8(utf8)) return std::string(utf8);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  // Checked on the UTF-8 itself: text typed in NFC (nearly all) is never copied to UTF-16.
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return std::string(utf8);
  err = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(FromUtf8(utf8), err);
  return U_SUCCESS(err) ? ToUtf8(out) : std::string(utf8);
}

std::string FoldCase(std::string_view utf8) {
  std::string collapsed = CollapseSpaces(utf8);
  if (IsAscii(collapsed)) return AsciiLower(std::move(collapsed));
  icu::UnicodeString u = FromUtf8(NormalizeNfc(collapsed));
  u.foldCase();
  return ToUtf8(u);
}

std::string SearchKey(std::string_view utf8) {
  // NFD splits every tone and vowel mark into combining characters, which are then dropped; đ has
  // no decomposition and is mapped by hand.
  std::string collapsed = CollapseSpaces(utf8);
  if (IsAscii(collapsed)) return AsciiLower(std::move(collapsed));
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString u = FromUtf8(collapsed);
  u.foldCase();
  icu::UnicodeString decomposed = U_SUCCESS(err) ? nfd->normalize(u, err) : u;
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111 || c == 0x0110) c = 'd';
    out.append(c);
  }
  return ToUtf8(out);
}

}  // namespace ansinh
