#include "io/legacy_encoding_tables.h"

#include <array>

namespace ansinh::io::legacy {
namespace {

// The 144 precomposed vowels, [upper][shape][tone] with tones in the order ngang, huyền, hỏi, ngã,
// sắc, nặng (Unicode 15, Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional).
// legacy_encoding_test.cc checks every entry against ICU's NFC of base letter + combining marks.
constexpr char32_t kVowelTable[2][kShapeCount][kToneCount] = {
    {
        {0x0061, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1},  // a
        {0x0103, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB7},  // ă
        {0x00E2, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD},  // â
        {0x0065, 0x00E8, 0x1EBB, 0x1EBD, 0x00E9, 0x1EB9},  // e
        {0x00EA, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7},  // ê
        {0x0069, 0x00EC, 0x1EC9, 0x0129, 0x00ED, 0x1ECB},  // i
        {0x006F, 0x00F2, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD},  // o
        {0x00F4, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9},  // ô
        {0x01A1, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3},  // ơ
        {0x0075, 0x00F9, 0x1EE7, 0x0169, 0x00FA, 0x1EE5},  // u
        {0x01B0, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1},  // ư
        {0x0079, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5},  // y
    },
    {
        {0x0041, 0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0},  // A
        {0x0102, 0x1EB0, 0x1EB2, 0x1EB4, 0x1EAE, 0x1EB6},  // Ă
        {0x00C2, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EAC},  // Â
        {0x0045, 0x00C8, 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8},  // E
        {0x00CA, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EBE, 0x1EC6},  // Ê
        {0x0049, 0x00CC, 0x1EC8, 0x0128, 0x00CD, 0x1ECA},  // I
        {0x004F, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC},  // O
        {0x00D4, 0x1ED2, 0x1ED4, 0x1ED6, 0x1ED0, 0x1ED8},  // Ô
        {0x01A0, 0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2},  // Ơ
        {0x0055, 0x00D9, 0x1EE6, 0x0168, 0x00DA, 0x1EE4},  // U
        {0x01AF, 0x1EEA, 0x1EEC, 0x1EEE, 0x1EE8, 0x1EF0},  // Ư
        {0x0059, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4},  // Y
    },
};

// Windows-1252 0x80-0x9F (the rest of 0xA0-0xFF is Latin-1); 0 marks the five undefined bytes.
constexpr char32_t kWindows1252High[32] = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,  // 88
    0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,  // 98
};

// TCVN 5712:1993 for bytes 0xA0-0xFF, as glibc's TCVN5712-1 converter and the xvnkb keyboard's
// tcvn.h give it (the two agree byte for byte on the letters). The ABC fonts (.VnTime, VN3) use
// the lower-case letters and Ă Â Ê Ô Ơ Ư Đ; the bytes marked in kVn1Only carry VN1's capitals
// with tones (and its combining tone marks at 0xB0-0xB4), which VN3 fonts do not have. Bytes
// 0x80-0x9F hold VN1 capitals too, but a .VnTime file there has Windows-1252 punctuation (the
// curly quotes and dashes Word inserts), which is how they are read.
constexpr char32_t kTcvn3High[96] = {
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // A0
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // A8
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // B0
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // B8
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // C0
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // C8
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // D0
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // D8
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // E0
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // E8
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // F0
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // F8
};

constexpr bool IsVn1Only(std::uint8_t b) {
  return b == 0xAF || (b >= 0xB0 && b <= 0xB4) || b == 0xBA || b == 0xBF ||
         (b >= 0xC0 && b <= 0xC5) || b == 0xCD || (b >= 0xD9 && b <= 0xDB) || b == 0xE0 ||
         b == 0xF0 || b == 0xFF;
}

// Classification index: 0 = not a vowel, else 1 + upper * 72 + shape * 6 + tone.
constexpr char32_t kLatinFirst = 0x00C0, kLatinLast = 0x01B0;
constexpr char32_t kExtFirst = 0x1EA0, kExtLast = 0x1EF9;
struct VowelIndex {
  std::array<std::uint8_t, kLatinLast - kLatinFirst + 1> latin{};
  std::array<std::uint8_t, kExtLast - kExtFirst + 1> ext{};
};
constexpr VowelIndex BuildVowelIndex() {
  VowelIndex index;
  for (int u = 0; u < 2; ++u) {
    for (int s = 0; s < kShapeCount; ++s) {
      for (int t = 0; t < kToneCount; ++t) {
        const char32_t c = kVowelTable[u][s][t];
        const auto code = static_cast<std::uint8_t>(1 + u * 72 + s * 6 + t);
        if (c >= kLatinFirst && c <= kLatinLast) index.latin[c - kLatinFirst] = code;
        if (c >= kExtFirst && c <= kExtLast) index.ext[c - kExtFirst] = code;
      }
    }
  }
  return index;
}
constexpr VowelIndex kVowelIndex = BuildVowelIndex();

constexpr Shape AsciiVowelShape(char32_t lower, bool* ok) {
  *ok = true;
  switch (lower) {
    case 'a':
      return kA;
    case 'e':
      return kE;
    case 'i':
      return kI;
    case 'o':
      return kO;
    case 'u':
      return kU;
    case 'y':
      return kY;
    default:
      *ok = false;
      return kA;
  }
}

// What a VNI-Windows byte in 0xC0-0xFF means, from the xvnkb keyboard's vni.h and VBKey's
// VNI_WINDOWS_TABLE (they agree): a mark that follows its vowel, or a letter of its own. Capital
// forms are the lower-case byte minus 0x20.
enum class VniKind { kNone, kTone, kCircumflex, kBreve, kLetter };
struct VniUnit {
  VniKind kind = VniKind::kNone;
  Tone tone = kLevel;
  Shape shape = kA;  // kLetter: its shape, or kA with is_d for đ
  bool is_d = false;
  bool upper = false;
};
VniUnit ClassifyVni(std::uint8_t b) {
  VniUnit u;
  if (b < 0xC0) return u;
  u.upper = b < 0xE0;
  const std::uint8_t lower = u.upper ? static_cast<std::uint8_t>(b + 0x20) : b;
  auto mark = [&](VniKind kind, Tone tone) {
    u.kind = kind;
    u.tone = tone;
  };
  auto letter = [&](Shape shape, Tone tone) {
    u.kind = VniKind::kLetter;
    u.shape = shape;
    u.tone = tone;
  };
  switch (lower) {
    case 0xF9:
      mark(VniKind::kTone, kAcute);
      break;  // ù
    case 0xF8:
      mark(VniKind::kTone, kGrave);
      break;  // ø
    case 0xFB:
      mark(VniKind::kTone, kHook);
      break;  // û
    case 0xF5:
      mark(VniKind::kTone, kTilde);
      break;  // õ
    case 0xEF:
      mark(VniKind::kTone, kDotBelow);
      break;  // ï
    case 0xE2:
      mark(VniKind::kCircumflex, kLevel);
      break;  // â
    case 0xE1:
      mark(VniKind::kCircumflex, kAcute);
      break;  // á
    case 0xE0:
      mark(VniKind::kCircumflex, kGrave);
      break;  // à
    case 0xE5:
      mark(VniKind::kCircumflex, kHook);
      break;  // å
    case 0xE3:
      mark(VniKind::kCircumflex, kTilde);
      break;  // ã
    case 0xE4:
      mark(VniKind::kCircumflex, kDotBelow);
      break;  // ä
    case 0xEA:
      mark(VniKind::kBreve, kLevel);
      break;  // ê
    case 0xE9:
      mark(VniKind::kBreve, kAcute);
      break;  // é
    case 0xE8:
      mark(VniKind::kBreve, kGrave);
      break;  // è
    case 0xFA:
      mark(VniKind::kBreve, kHook);
      break;  // ú
    case 0xFC:
      mark(VniKind::kBreve, kTilde);
      break;  // ü
    case 0xEB:
      mark(VniKind::kBreve, kDotBelow);
      break;  // ë
    case 0xF4:
      letter(kOHorn, kLevel);
      break;  // ô = ơ
    case 0xF6:
      letter(kUHorn, kLevel);
      break;  // ö = ư
    case 0xED:
      letter(kI, kAcute);
      break;  // í
    case 0xEC:
      letter(kI, kGrave);
      break;  // ì
    case 0xE6:
      letter(kI, kHook);
      break;  // æ = ỉ
    case 0xF3:
      letter(kI, kTilde);
      break;  // ó = ĩ
    case 0xF2:
      letter(kI, kDotBelow);
      break;  // ò = ị
    case 0xEE:
      letter(kY, kDotBelow);
      break;  // î = ỵ
    case 0xF1:
      u.kind = VniKind::kLetter;
      u.is_d = true;
      break;  // ñ = đ
    default:
      break;
  }
  return u;
}

// Restores capitals typed with the .VnTimeH fonts, which reuse the lower-case codes: in a word
// whose other letters are capitals (at least two) and that has no lower-case ASCII letter, the
// TCVN3 lower-case letters become capitals ("NGUYễN" -> "NGUYỄN"). Elsewhere the bytes cannot tell.
void RestoreVnTimeHCapitals(std::u32string* text) {
  std::size_t i = 0;
  while (i < text->size()) {
    if (!Classify((*text)[i]).is_letter) {
      ++i;
      continue;
    }
    std::size_t end = i;
    int upper = 0, lower_ascii = 0, lower_other = 0;
    for (; end < text->size(); ++end) {
      const char32_t c = (*text)[end];
      const LetterInfo info = Classify(c);
      if (!info.is_letter) break;
      if (info.upper)
        ++upper;
      else if (c < 0x80)
        ++lower_ascii;
      else
        ++lower_other;
    }
    if (upper >= 2 && lower_ascii == 0 && lower_other > 0) {
      for (std::size_t k = i; k < end; ++k) (*text)[k] = ToUpper((*text)[k]);
    }
    i = end;
  }
}

}  // namespace

char32_t Vowel(bool upper, Shape shape, Tone tone) {
  return kVowelTable[upper ? 1 : 0][shape][tone];
}

LetterInfo Classify(char32_t c) {
  LetterInfo info;
  if (c < 0x80) {
    const bool up = c >= 'A' && c <= 'Z';
    const bool low = c >= 'a' && c <= 'z';
    if (!up && !low) return info;
    info.is_letter = true;
    info.upper = up;
    info.base = up ? c + 0x20 : c;
    bool vowel = false;
    info.shape = AsciiVowelShape(info.base, &vowel);
    info.vowel = vowel;
    return info;
  }
  if (c == kDStrokeLower || c == kDStrokeUpper) {
    info.is_letter = true;
    info.upper = c == kDStrokeUpper;
    info.base = kDStrokeLower;
    return info;
  }
  std::uint8_t code = 0;
  if (c >= kLatinFirst && c <= kLatinLast) code = kVowelIndex.latin[c - kLatinFirst];
  if (c >= kExtFirst && c <= kExtLast) code = kVowelIndex.ext[c - kExtFirst];
  if (code == 0) return info;
  const int k = code - 1;
  info.is_letter = true;
  info.vowel = true;
  info.upper = k >= 72;
  info.shape = static_cast<Shape>((k % 72) / 6);
  info.tone = static_cast<Tone>(k % 6);
  info.base = kVowelTable[0][info.shape][kLevel];
  return info;
}

char32_t ToUpper(char32_t c) {
  const LetterInfo info = Classify(c);
  if (!info.is_letter || info.upper) return c;
  if (info.vowel) return kVowelTable[1][info.shape][info.tone];
  if (c == kDStrokeLower) return kDStrokeUpper;
  return c - 0x20;
}

char32_t Windows1252ToUnicode(std::uint8_t b) {
  return b >= 0x80 && b < 0xA0 ? kWindows1252High[b - 0x80] : b;
}

int UnicodeToWindows1252(char32_t c) {
  if (c < 0x100) return static_cast<int>(c);
  for (int i = 0; i < 32; ++i) {
    if (kWindows1252High[i] == c) return 0x80 + i;
  }
  return -1;
}

bool DecodeTcvn3(std::string_view units, bool strict, std::u32string* out) {
  out->clear();
  out->reserve(units.size());
  for (char ch : units) {
    const auto b = static_cast<std::uint8_t>(ch);
    char32_t c = b < 0xA0 ? Windows1252ToUnicode(b) : kTcvn3High[b - 0xA0];
    if (c == 0 && b != 0) return false;
    if (strict && IsVn1Only(b)) c = 0xFFFD;
    out->push_back(c);
  }
  RestoreVnTimeHCapitals(out);
  return true;
}

bool DecodeVni(std::string_view units, bool strict, std::u32string* out) {
  out->clear();
  out->reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto b = static_cast<std::uint8_t>(units[i]);
    const VniUnit unit = ClassifyVni(b);
    // A vowel that can carry marks: a e o u y (ASCII) or the VNI letters ơ ư.
    bool base_ok = false;
    bool base_upper = false;
    Shape base = kA;
    if (b < 0x80) {
      const LetterInfo info = Classify(b);
      base = AsciiVowelShape(info.base, &base_ok);
      base_ok = base_ok && base != kI;
      base_upper = info.upper;
    } else if (unit.kind == VniKind::kLetter && !unit.is_d &&
               (unit.shape == kOHorn || unit.shape == kUHorn)) {
      base_ok = true;
      base = unit.shape;
      base_upper = unit.upper;
    }
    if (base_ok && i + 1 < units.size()) {
      const VniUnit mark = ClassifyVni(static_cast<std::uint8_t>(units[i + 1]));
      bool combined = true;
      Shape shape = base;
      if (mark.kind == VniKind::kCircumflex && (base == kA || base == kE || base == kO)) {
        shape = base == kA ? kACirc : base == kE ? kECirc : kOCirc;
      } else if (mark.kind == VniKind::kBreve && base == kA) {
        shape = kABreve;
      } else if (mark.kind != VniKind::kTone) {
        combined = false;
      }
      if (combined) {
        out->push_back(Vowel(base_upper, shape, mark.tone));
        ++i;
        continue;
      }
    }
    if (unit.kind == VniKind::kLetter) {
      out->push_back(unit.is_d ? (unit.upper ? kDStrokeUpper : kDStrokeLower)
                               : Vowel(unit.upper, unit.shape, unit.tone));
      continue;
    }
    if (unit.kind != VniKind::kNone && strict) {
      out->push_back(0xFFFD);  // a mark with no vowel to sit on
      continue;
    }
    const char32_t c = Windows1252ToUnicode(b);
    if (c == 0 && b != 0) return false;
    out->push_back(c);
  }
  return true;
}

}  // namespace ansinh::io::legacy
