#include "io/legacy_encoding.h"

#include <array>
#include <cstdio>

#include "core/text.h"
#include "io/legacy_encoding_tables.h"

namespace ansinh::io {
namespace {

using legacy::Classify;
using legacy::LetterInfo;

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Code points of text already checked with IsValidUtf8.
std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(c);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string EncodeUtf8(const std::u32string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (char32_t c : text) AppendUtf8(c, &out);
  return out;
}

// The Windows-1252 bytes of `text`, when it has only characters that Windows-1252 writes.
bool ToWindows1252(const std::u32string& text, std::string* units) {
  units->clear();
  units->reserve(text.size());
  for (char32_t c : text) {
    const int b = legacy::UnicodeToWindows1252(c);
    if (b < 0) return false;
    units->push_back(static_cast<char>(b));
  }
  return true;
}

// Text that only Unicode writes: a Vietnamese letter outside Windows-1252 (ă đ ơ ư ễ ...) or a
// combining mark (decomposed text). No legacy text read as Windows-1252 can contain one.
bool HasVietnameseUnicode(const std::u32string& text) {
  for (char32_t c : text) {
    if (c >= 0x0300 && c <= 0x036F) return true;
    if (c >= 0x0100 && Classify(c).is_letter) return true;
  }
  return false;
}

// --- Scoring: how much of a reading is Vietnamese --------------------------------------------

struct Score {
  int valid = 0;    // words with a non-ASCII letter that are Vietnamese syllables
  int invalid = 0;  // words with a non-ASCII character that are not
  int net() const { return valid - invalid; }
};

bool StartsWith(const std::u32string& s, std::size_t pos, std::u32string_view prefix) {
  return s.compare(pos, prefix.size(), prefix) == 0 && s.size() >= pos + prefix.size();
}

// Vowel clusters (nuclei with their glides, toneless, lower case). The first group may be followed
// by a final consonant; the second ends in a glide and may not.
constexpr std::array<std::u32string_view, 28> kOpenClusters = {
    U"a",  U"ă",  U"â",  U"e",   U"ê",  U"i",  U"o",  U"ô",  U"ơ",  U"u",
    U"ư",  U"y",  U"iê", U"yê",  U"uô", U"ươ", U"oa", U"oă", U"oe", U"uâ",
    U"uê", U"uy", U"oo", U"uyê", U"ua", U"ia", U"ưa", U"uơ"};
constexpr std::array<std::u32string_view, 28> kClosedClusters = {
    U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"iu",  U"oi",
    U"ôi",  U"ơi",  U"ui",  U"ưi",  U"ưu",  U"iêu", U"yêu", U"oai", U"oay", U"oeo",
    U"uây", U"uôi", U"ươi", U"ươu", U"uya", U"uyu", U"oao", U"uai"};
constexpr std::array<std::u32string_view, 32> kOnsets = {
    U"ngh", U"ng", U"nh", U"ph", U"th", U"tr", U"ch", U"kh", U"gh", U"gi", U"qu",
    U"b",   U"c",  U"d",  U"đ",  U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",
    U"r",   U"s",  U"t",  U"v",  U"x",  U"f",  U"j",  U"w",  U"z",  U""};
constexpr std::array<std::u32string_view, 8> kCodas = {U"c",  U"ch", U"m", U"n",
                                                       U"ng", U"nh", U"p", U"t"};

bool IsRhyme(std::u32string_view rhyme) {
  for (auto cluster : kClosedClusters) {
    if (rhyme == cluster) return true;
  }
  for (auto cluster : kOpenClusters) {
    if (!rhyme.starts_with(cluster)) continue;
    const std::u32string_view coda = rhyme.substr(cluster.size());
    if (coda.empty()) return true;
    for (auto c : kCodas) {
      if (coda == c) return true;
    }
  }
  return false;
}

// A word of letters (tones allowed) that is one Vietnamese syllable, in lower, Title or UPPER case.
bool IsSyllable(const std::u32string& word) {
  std::u32string base;
  int tones = 0, upper = 0;
  for (char32_t c : word) {
    const LetterInfo info = Classify(c);
    if (info.vowel && info.tone != legacy::kLevel) ++tones;
    if (info.upper) ++upper;
    base.push_back(info.base);
  }
  if (tones > 1) return false;
  const bool title = upper == 1 && Classify(word[0]).upper;
  if (upper != 0 && !title && upper != static_cast<int>(word.size())) return false;
  for (auto onset : kOnsets) {
    if (StartsWith(base, 0, onset) && IsRhyme(std::u32string_view(base).substr(onset.size()))) {
      return true;
    }
  }
  return false;
}

bool IsEdgePunctuation(char32_t c) {
  return (c >= 0x2010 && c <= 0x206F) || c == 0x00AB || c == 0x00BB;
}

Score ScoreText(const std::u32string& text) {
  Score score;
  std::size_t i = 0;
  while (i < text.size()) {
    // A token runs between ASCII characters that are not letters.
    if (text[i] < 0x80 && !Classify(text[i]).is_letter) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !(text[end] < 0x80 && !Classify(text[end]).is_letter)) ++end;
    std::size_t b = i, e = end;
    while (b < e && IsEdgePunctuation(text[b])) ++b;
    while (e > b && IsEdgePunctuation(text[e - 1])) --e;
    bool non_ascii = false, letters_only = true;
    for (std::size_t k = b; k < e; ++k) {
      non_ascii = non_ascii || text[k] >= 0x80;
      letters_only = letters_only && Classify(text[k]).is_letter;
    }
    if (non_ascii) {
      if (letters_only && IsSyllable(text.substr(b, e - b))) {
        ++score.valid;
      } else {
        ++score.invalid;
      }
    }
    i = end;
  }
  return score;
}

// Bytes that are not UTF-8 shown as \xNN, so that an error message stays printable.
std::string Printable(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string out;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", b);
      out += hex;
    }
  }
  return out;
}

Status CannotRead(std::string_view text, TextEncoding from) {
  const std::string name(TextEncodingName(from));
  return Status::Invalid("text", Printable(text), "không đọc được văn bản theo bảng mã " + name,
                         "text cannot be read as " + name);
}

// The legacy units of `text`: its Windows-1252 bytes when it is UTF-8 made of Windows-1252
// characters (legacy text stored as Unicode), else its raw bytes. Raw legacy bytes that happen to
// be such UTF-8 would need a pair like C3 A0, which neither everyday TCVN3 nor VNI text produces.
std::string LegacyUnits(std::string_view text) {
  std::string units;
  if (!IsAscii(text) && IsValidUtf8(text) && ToWindows1252(DecodeUtf8(text), &units)) {
    return units;
  }
  return std::string(text);
}

}  // namespace

std::string_view TextEncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "utf8";
    case TextEncoding::kTcvn3:
      return "tcvn3";
    case TextEncoding::kVni:
      return "vni";
    case TextEncoding::kMojibake:
      return "mojibake";
    case TextEncoding::kUnknown:
      break;
  }
  return "unknown";
}

TextEncoding DetectEncoding(std::string_view text, TextEncoding prior) {
  if (IsAscii(text)) return TextEncoding::kUtf8;
  struct Candidate {
    TextEncoding encoding;
    Score score;
  };
  std::array<Candidate, 4> candidates;
  std::size_t count = 0;
  std::string units;
  bool have_units = true;
  const bool utf8 = IsValidUtf8(text);
  if (utf8) {
    const std::u32string decoded = DecodeUtf8(text);
    if (HasVietnameseUnicode(decoded)) return TextEncoding::kUtf8;
    candidates[count++] = {TextEncoding::kUtf8, ScoreText(decoded)};
    have_units = ToWindows1252(decoded, &units);
  } else {
    units.assign(text);
  }
  if (have_units) {
    std::u32string decoded;
    if (legacy::DecodeTcvn3(units, /*strict=*/true, &decoded)) {
      candidates[count++] = {TextEncoding::kTcvn3, ScoreText(decoded)};
    }
    if (legacy::DecodeVni(units, /*strict=*/true, &decoded)) {
      candidates[count++] = {TextEncoding::kVni, ScoreText(decoded)};
    }
    if (utf8 && IsValidUtf8(units)) {
      candidates[count++] = {TextEncoding::kMojibake, ScoreText(DecodeUtf8(units))};
    }
  }
  // The best net score wins; a legacy reading needs a positive one. Ties go to `prior`, then to
  // the order above (Unicode first).
  const Candidate* best = nullptr;
  for (std::size_t i = 0; i < count; ++i) {
    const Candidate& c = candidates[i];
    if (c.encoding != TextEncoding::kUtf8 && c.score.net() <= 0) continue;
    if (best == nullptr || c.score.net() > best->score.net() ||
        (c.score.net() == best->score.net() && c.encoding == prior)) {
      best = &c;
    }
  }
  return best == nullptr ? TextEncoding::kUnknown : best->encoding;
}

Result<std::string> ConvertToUtf8(std::string_view text, TextEncoding from) {
  std::u32string decoded;
  switch (from) {
    case TextEncoding::kUtf8:
      if (!IsValidUtf8(text)) return CannotRead(text, from);
      return NormalizeNfc(text);
    case TextEncoding::kTcvn3:
      if (!legacy::DecodeTcvn3(LegacyUnits(text), /*strict=*/false, &decoded)) {
        return CannotRead(text, from);
      }
      return NormalizeNfc(EncodeUtf8(decoded));
    case TextEncoding::kVni:
      if (!legacy::DecodeVni(LegacyUnits(text), /*strict=*/false, &decoded)) {
        return CannotRead(text, from);
      }
      return NormalizeNfc(EncodeUtf8(decoded));
    case TextEncoding::kMojibake: {
      std::string units;
      if (!IsValidUtf8(text) || !ToWindows1252(DecodeUtf8(text), &units) || !IsValidUtf8(units)) {
        return CannotRead(text, from);
      }
      return NormalizeNfc(units);
    }
    case TextEncoding::kUnknown:
      break;
  }
  return CannotRead(text, from);
}

Result<std::string> NormalizeText(std::string_view text, EncodingReport* report,
                                  TextEncoding prior) {
  EncodingReport ignored;
  EncodingReport& r = report != nullptr ? *report : ignored;
  if (IsAscii(text)) {
    ++r.unchanged;
    return std::string(text);
  }
  const TextEncoding encoding = DetectEncoding(text, prior);
  Result<std::string> converted = ConvertToUtf8(text, encoding);
  if (!converted.ok()) {
    ++r.failed;
    return converted;
  }
  auto example = [&](std::string* slot) {
    if (slot->empty()) *slot = Printable(text) + " -> " + *converted;
  };
  switch (encoding) {
    case TextEncoding::kUtf8:
      ++(*converted == text ? r.unchanged : r.normalized);
      break;
    case TextEncoding::kTcvn3:
      ++r.tcvn3;
      example(&r.tcvn3_example);
      break;
    case TextEncoding::kVni:
      ++r.vni;
      example(&r.vni_example);
      break;
    case TextEncoding::kMojibake:
      ++r.mojibake;
      example(&r.mojibake_example);
      break;
    case TextEncoding::kUnknown:
      break;
  }
  return converted;
}

std::string EncodingReport::ToString() const {
  const std::string counts = "TCVN3 " + std::to_string(tcvn3) + ", VNI " + std::to_string(vni) +
                             ", NFC " + std::to_string(normalized) + ", mojibake " +
                             std::to_string(mojibake);
  std::string example;
  for (const std::string* e : {&tcvn3_example, &vni_example, &mojibake_example}) {
    if (!e->empty()) {
      example = *e;
      break;
    }
  }
  std::string vi = "đã chuyển mã " + std::to_string(converted()) + " ô: " + counts;
  std::string en = "converted " + std::to_string(converted()) + " fields: " + counts;
  if (!example.empty()) {
    vi += " (ví dụ: " + example + ")";
    en += " (e.g. " + example + ")";
  }
  if (failed > 0) {
    vi += "; " + std::to_string(failed) + " ô không đọc được";
    en += "; " + std::to_string(failed) + " fields unreadable";
  }
  return vi + "\n" + en;
}

}  // namespace ansinh::io
