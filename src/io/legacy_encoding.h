// Vietnamese text typed in legacy 8-bit encodings, detected and converted to Unicode NFC on import.
//
// Commune offices kept their lists in Word and Excel long before Unicode: names typed with the ABC
// keyboard in the .VnTime/.VnArial fonts (TCVN3, TCVN 5712:1993 VN3) or with VNI in the VNI-Times
// fonts (VNI-Windows). This unit owns recognising such text and turning it into Unicode, so the
// registry stores "Nguyễn Văn Anh" whatever the file held. It also normalises decomposed Unicode
// (NFD, as some Mac and web tools write it) to NFC.
//
// Legacy text reaches the importer in two forms, and both are handled:
//   - raw bytes (a .txt/.csv saved in the legacy encoding): "Nguy\xD4n" in TCVN3, which is not
//   UTF-8;
//   - the Windows-1252 characters Windows showed for those bytes, stored as Unicode by Excel or by
//     a "save as UTF-8": "NguyÔn" (TCVN3) or "Nguyeãn" (VNI). This is what an .xlsx file holds.
// A third, unrelated accident is recognised too: UTF-8 that was read as Windows-1252 and saved as
// UTF-8 again ("Nguyá»…n"); it is converted back. (The Mac Roman variant, "Nguy·ªÖn", is not.)
//
// Limits, by the nature of the encodings:
//   - TCVN3 has no capitals with tones: the .VnTimeH fonts draw the lower-case codes as capitals,
//   so
//     "NGUYỄN" typed in .VnTimeH has the same bytes as "nguyễn". A word whose other letters are all
//     capitals (at least two) gets its toned letters in capitals; otherwise they stay lower case.
//   - Detection is a judgement on how many words become valid Vietnamese syllables. A short field
//     can read well in more than one encoding ("Tú" in Unicode is "Tỳ" as TCVN3); detect over a
//     whole column or file and pass the result as `prior`, which wins such ties.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ansinh::io {

enum class TextEncoding {
  kUtf8,      // Unicode (composed or decomposed)
  kTcvn3,     // TCVN3 / ABC (.VnTime): one byte per letter, lower case only
  kVni,       // VNI-Windows (VNI-Times): base letter followed by a mark byte
  kMojibake,  // UTF-8 read as Windows-1252 and saved as UTF-8 again
  kUnknown,   // not UTF-8, and not recognisably any of the above
};

// "utf8", "tcvn3", "vni", "mojibake", "unknown".
std::string_view TextEncodingName(TextEncoding encoding);

// The encoding `text` was most likely written in. ASCII and Vietnamese Unicode are kUtf8 at once;
// otherwise each reading is scored by its valid and invalid Vietnamese words. `prior` (the
// encoding found for the whole file) wins a tie. Valid UTF-8 that no reading improves is kUtf8;
// invalid UTF-8 that reads as no Vietnamese is kUnknown.
TextEncoding DetectEncoding(std::string_view text, TextEncoding prior = TextEncoding::kUnknown);

// `text` converted from `from` to UTF-8 NFC. For kTcvn3 and kVni, `text` may be raw bytes or their
// Windows-1252 characters as UTF-8 (see above). Fails with kInvalidArgument for kUnknown, for
// kUtf8/kMojibake text that is not UTF-8, and for bytes that have no character in the encoding.
Result<std::string> ConvertToUtf8(std::string_view text, TextEncoding from);

// What NormalizeText did over an import, for the import's summary.
struct EncodingReport {
  std::int64_t unchanged = 0;   // fields already in Unicode NFC (ASCII included)
  std::int64_t normalized = 0;  // Unicode fields that NFC changed (decomposed input)
  std::int64_t tcvn3 = 0;       // fields converted from TCVN3
  std::int64_t vni = 0;         // fields converted from VNI
  std::int64_t mojibake = 0;    // fields repaired from double-encoded UTF-8
  std::int64_t failed = 0;      // fields that could not be read (returned as errors)
  // The first conversion of each kind, "before -> after", to show the officer what happened.
  std::string tcvn3_example, vni_example, mojibake_example;

  std::int64_t converted() const { return normalized + tcvn3 + vni + mojibake; }
  // One line per language, e.g.
  //   "đã chuyển mã 120 ô: TCVN3 118, VNI 0, NFC 2 (ví dụ: NguyÔn -> Nguyễn)"
  //   "converted 120 fields: TCVN3 118, VNI 0, NFC 2 (e.g. NguyÔn -> Nguyễn)"
  std::string ToString() const;
};

// One field of an import, detected (with `prior` as the file's encoding), converted to UTF-8 NFC
// and counted in `report` (which may be null).
Result<std::string> NormalizeText(std::string_view text, EncodingReport* report,
                                  TextEncoding prior = TextEncoding::kUnknown);

}  // namespace ansinh::io
