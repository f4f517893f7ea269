// Private to io/legacy_encoding: the character tables of the legacy Vietnamese encodings and the
// decoders that apply them. The public front door is io/legacy_encoding.h.
//
// A "legacy unit" is one byte of TCVN3 or VNI text, 0-255. It reaches us either as a raw byte (a
// file saved in the legacy encoding) or as the Windows-1252 character Windows showed for that byte
// (a cell typed in .VnTime or VNI-Times in Excel, stored by Excel as Unicode); the caller maps the
// second form back to units with UnicodeToWindows1252 before decoding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ansinh::io::legacy {

// The twelve vowel shapes of Vietnamese and the six tones (thanh): the 72 vowels of each case.
enum Shape : std::uint8_t {
  kA,
  kABreve,
  kACirc,
  kE,
  kECirc,
  kI,
  kO,
  kOCirc,
  kOHorn,
  kU,
  kUHorn,
  kY
};
inline constexpr int kShapeCount = 12;
// ngang (none), huyền, hỏi, ngã, sắc, nặng.
enum Tone : std::uint8_t { kLevel, kGrave, kHook, kTilde, kAcute, kDotBelow };
inline constexpr int kToneCount = 6;

// The precomposed Unicode code point of a vowel.
char32_t Vowel(bool upper, Shape shape, Tone tone);
inline constexpr char32_t kDStrokeLower = 0x0111;  // đ
inline constexpr char32_t kDStrokeUpper = 0x0110;  // Đ

// What a code point is as a Vietnamese letter.
struct LetterInfo {
  bool is_letter = false;  // an ASCII letter, a Vietnamese vowel with its marks, or đ/Đ
  bool upper = false;
  bool vowel = false;
  Shape shape = kA;    // for vowels
  Tone tone = kLevel;  // for vowels
  char32_t base = 0;   // lower case letter without tone: a, ă, â, ..., đ, b, c, ...
};
LetterInfo Classify(char32_t c);

// The Unicode of `c` in the other case when it is a Vietnamese or ASCII letter; else `c`.
char32_t ToUpper(char32_t c);

// Windows-1252: byte -> code point (0 for the five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D).
char32_t Windows1252ToUnicode(std::uint8_t b);
// Code point -> byte, or -1 when Windows-1252 cannot write it. U+0080-U+009F map to themselves,
// as tools that read bytes as Latin-1 leave them.
int UnicodeToWindows1252(char32_t c);

// Decoders. `strict` is for scoring during detection: a unit the everyday fonts never produce (the
// VN1-only capitals of TCVN3, a VNI mark byte with no vowel before it) becomes U+FFFD instead of
// its nearest meaning. Returns false when a unit has no character at all (an undefined byte).
bool DecodeTcvn3(std::string_view units, bool strict, std::u32string* out);
bool DecodeVni(std::string_view units, bool strict, std::u32string* out);

}  // namespace ansinh::io::legacy
