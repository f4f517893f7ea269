// Tests of legacy Vietnamese encodings with real byte sequences.
//
// Sources of the byte values written below (cross-checked; they agree on every letter):
//   TCVN3: glibc's iconv converter TCVN5712-1 (its VN1 table; VN3 is the same for the lower-case
//          letters and Ă Â Ê Ô Ơ Ư Đ), the xvnkb keyboard's tcvn.h (Dao Hai Lam, 2002), and the
//          TCVN3_TABLE of VBKey's mdlCodeTable.bas. The test also asks glibc's iconv at run time.
//   VNI:   the xvnkb keyboard's vni.h and VBKey's VNI_WINDOWS_TABLE: a vowel followed by a mark
//          byte (tone, circumflex+tone, breve+tone), with ơ ư đ and the toned i, ỵ as single bytes.
// The expected Unicode letters are built from base letters and combining marks by ICU's NFC, not
// from the tables under test.
#include "io/legacy_encoding.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>
#include <vector>

#include "core/text.h"
#include "io/legacy_encoding_tables.h"

namespace ansinh::io {
namespace {

std::string Utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return out;
}

// Converts with glibc's iconv; "" when the conversion is not available or fails.
std::string Iconv(const std::string& text, const char* from, const char* to) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string in = text, out(text.size() * 4 + 16, '\0');
  char* inp = in.data();
  char* outp = out.data();
  size_t inleft = in.size(), outleft = out.size();
  size_t rc = iconv(cd, &inp, &inleft, &outp, &outleft);
  // Flush: glibc's TCVN5712-1 holds a vowel back until it knows no combining mark follows.
  if (rc != static_cast<size_t>(-1)) rc = iconv(cd, nullptr, nullptr, &outp, &outleft);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) return "";
  out.resize(out.size() - outleft);
  return out;
}

// What Excel stores for legacy bytes typed in a .Vn or VNI font: each byte's Windows-1252 char.
// The five bytes Windows-1252 leaves undefined become U+0080-U+009F, as the WHATWG decoder has it.
std::string AsWindows1252Text(const std::string& bytes) {
  std::string out;
  for (char c : bytes) {
    const std::string one = Iconv(std::string(1, c), "CP1252", "UTF-8");
    out += one.empty() ? Utf8(static_cast<unsigned char>(c)) : one;
  }
  return out;
}

// The twelve vowel shapes as base letter + combining marks, and the tones in the order ngang,
// huyền, hỏi, ngã, sắc, nặng (U+0300 grave, U+0309 hook, U+0303 tilde, U+0301 acute, U+0323 dot).
const char* const kShapeMarks[12][2] = {
    {"a", ""}, {"a", "\u0306"}, {"a", "\u0302"}, {"e", ""}, {"e", "\u0302"}, {"i", ""},
    {"o", ""}, {"o", "\u0302"}, {"o", "\u031B"}, {"u", ""}, {"u", "\u031B"}, {"y", ""}};
const char* const kToneMarks[6] = {"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"};

std::string Letter(bool upper, int shape, int tone) {
  std::string base = kShapeMarks[shape][0];
  if (upper) base[0] = static_cast<char>(base[0] - 0x20);
  return NormalizeNfc(base + kShapeMarks[shape][1] + kToneMarks[tone]);
}

// TCVN3 bytes of the lower-case vowels, [shape][tone] (0 = the ASCII letter itself).
const unsigned char kTcvn3Lower[12][6] = {
    {0, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9},    {0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6},  // a ă
    {0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB}, {0, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1},     // â e
    {0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6}, {0, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE},     // ê i
    {0, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4},    {0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9},  // o ô
    {0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE}, {0, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4},     // ơ u
    {0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9}, {0, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE},     // ư y
};
// TCVN3's capitals without tone: Ă Â Ê Ô Ơ Ư at 0xA1-0xA6 (shapes 1, 2, 4, 7, 8, 10); Đ 0xA7.
const std::pair<int, unsigned char> kTcvn3Capitals[] = {{1, 0xA1}, {2, 0xA2}, {4, 0xA3},
                                                        {7, 0xA4}, {8, 0xA5}, {10, 0xA6}};

std::string Tcvn3Bytes(int shape, int tone) {
  const unsigned char b = kTcvn3Lower[shape][tone];
  return b == 0 ? std::string(kShapeMarks[shape][0]) : std::string(1, static_cast<char>(b));
}

// VNI-Windows bytes of a vowel: [shape][tone], lower case; capitals are the ASCII capital and each
// byte >= 0xC0 minus 0x20.
std::string VniBytes(bool upper, int shape, int tone) {
  static const unsigned char kToneOnly[6] = {0, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF};
  static const unsigned char kCircumflex[6] = {0xE2, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4};
  static const unsigned char kBreve[6] = {0xEA, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB};
  static const unsigned char kI[6] = {'i', 0xEC, 0xE6, 0xF3, 0xED, 0xF2};
  std::string s;
  auto add = [&](unsigned char b) {
    if (b == 0) return;
    if (upper)
      b = b >= 0xC0 ? static_cast<unsigned char>(b - 0x20)
                    : static_cast<unsigned char>(b >= 'a' ? b - 0x20 : b);
    s.push_back(static_cast<char>(b));
  };
  switch (shape) {
    case 0:
    case 3:
    case 6:
    case 9:
      add(kShapeMarks[shape][0][0]);
      add(kToneOnly[tone]);
      break;
    case 1:
      add('a');
      add(kBreve[tone]);
      break;
    case 2:
    case 4:
    case 7:
      add(kShapeMarks[shape][0][0]);
      add(kCircumflex[tone]);
      break;
    case 5:
      add(kI[tone]);
      break;
    case 8:
      add(0xF4);
      add(kToneOnly[tone]);
      break;  // ơ
    case 10:
      add(0xF6);
      add(kToneOnly[tone]);
      break;  // ư
    case 11:
      if (tone == 5) {
        add(0xEE);
      } else {
        add('y');
        add(kToneOnly[tone]);
      }
      break;
  }
  return s;
}

std::string Convert(const std::string& text, TextEncoding from) {
  Result<std::string> r = ConvertToUtf8(text, from);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : "";
}

TEST(LegacyEncodingTest, VowelTableMatchesUnicodeComposition) {
  for (int upper = 0; upper < 2; ++upper) {
    for (int s = 0; s < 12; ++s) {
      for (int t = 0; t < 6; ++t) {
        EXPECT_EQ(
            Utf8(legacy::Vowel(upper, static_cast<legacy::Shape>(s), static_cast<legacy::Tone>(t))),
            Letter(upper, s, t))
            << upper << " " << s << " " << t;
      }
    }
  }
}

// The 134 letters with diacritics: 66 toned or shaped vowels and đ, in both cases.
TEST(LegacyEncodingTest, Tcvn3AllLettersRoundTrip) {
  int letters = 0;
  for (int s = 0; s < 12; ++s) {
    for (int t = 0; t < 6; ++t) {
      if (kTcvn3Lower[s][t] == 0) continue;
      const std::string bytes = Tcvn3Bytes(s, t);
      EXPECT_EQ(Convert(bytes, TextEncoding::kTcvn3), Letter(false, s, t));
      EXPECT_EQ(Convert(AsWindows1252Text(bytes), TextEncoding::kTcvn3), Letter(false, s, t));
      // glibc's TCVN5712-1 reads the same byte as the same letter.
      EXPECT_EQ(Iconv(bytes, "TCVN5712-1", "UTF-8"), Letter(false, s, t)) << s << " " << t;
      // .VnTimeH capitals are the same byte: inside a capitalised word they come back as capitals.
      EXPECT_EQ(Convert("NG" + bytes + "N", TextEncoding::kTcvn3), "NG" + Letter(true, s, t) + "N");
      letters += 2;
    }
  }
  EXPECT_EQ(Convert("\xAE", TextEncoding::kTcvn3), "đ");
  EXPECT_EQ(Convert("\xA7", TextEncoding::kTcvn3), "Đ");
  letters += 2;
  for (auto [shape, byte] : kTcvn3Capitals) {
    EXPECT_EQ(Convert(std::string(1, static_cast<char>(byte)), TextEncoding::kTcvn3),
              Letter(true, shape, 0));
  }
  EXPECT_EQ(letters, 134);
}

TEST(LegacyEncodingTest, VniAllLettersRoundTrip) {
  int letters = 0;
  for (int upper = 0; upper < 2; ++upper) {
    for (int s = 0; s < 12; ++s) {
      for (int t = 0; t < 6; ++t) {
        if (t == 0 && (s == 0 || s == 3 || s == 5 || s == 6 || s == 9 || s == 11)) continue;
        const std::string bytes = VniBytes(upper, s, t);
        EXPECT_EQ(Convert(bytes, TextEncoding::kVni), Letter(upper, s, t)) << upper << s << t;
        EXPECT_EQ(Convert(AsWindows1252Text(bytes), TextEncoding::kVni), Letter(upper, s, t));
        ++letters;
      }
    }
  }
  EXPECT_EQ(Convert("\xF1", TextEncoding::kVni), "đ");
  EXPECT_EQ(Convert("\xD1", TextEncoding::kVni), "Đ");
  EXPECT_EQ(letters + 2, 134);
}

struct Name {
  const char* unicode;
  const char* tcvn3;  // TCVN3 bytes (.VnTime), per the tables named at the top
  const char* vni;    // VNI-Windows bytes (VNI-Times)
};
const Name kNames[] = {
    {"Nguyễn Văn Anh", "Nguy\xD4n V\xA8n Anh", "Nguye\xE3n Va\xEAn Anh"},
    {"Cà Mau", "C\xB5 Mau", "Ca\xF8 Mau"},
    {"Đầm Dơi", "\xA7\xC7m D\xACi",
     "\xD1"
     "a\xE0m D\xF4i"},
    {"Thạch Thị Sa Rết",
     "Th\xB9"
     "ch Th\xDE Sa R\xD5t",
     "Tha\xEF"
     "ch Th\xF2 Sa Re\xE1t"},
    {"Trần Thị Thu Hường", "Tr\xC7n Th\xDE Thu H\xAD\xEAng", "Tra\xE0n Th\xF2 Thu H\xF6\xF4\xF8ng"},
};

TEST(LegacyEncodingTest, NamesDetectAndConvertFromRawBytes) {
  for (const Name& n : kNames) {
    EXPECT_EQ(DetectEncoding(n.tcvn3), TextEncoding::kTcvn3) << n.unicode;
    EXPECT_EQ(DetectEncoding(n.vni), TextEncoding::kVni) << n.unicode;
    EXPECT_EQ(DetectEncoding(n.unicode), TextEncoding::kUtf8) << n.unicode;
    EXPECT_EQ(Convert(n.tcvn3, TextEncoding::kTcvn3), n.unicode);
    EXPECT_EQ(Convert(n.vni, TextEncoding::kVni), n.unicode);
  }
}

TEST(LegacyEncodingTest, NamesDetectAndConvertFromWindows1252Text) {
  // What an .xlsx holds when the cell was typed in .VnTime: "NguyÔn V¨n Anh".
  EXPECT_EQ(AsWindows1252Text(kNames[0].tcvn3), "NguyÔn V¨n Anh");
  EXPECT_EQ(AsWindows1252Text(kNames[0].vni), "Nguyeãn Vaên Anh");
  for (const Name& n : kNames) {
    const std::string tcvn3 = AsWindows1252Text(n.tcvn3), vni = AsWindows1252Text(n.vni);
    EXPECT_EQ(DetectEncoding(tcvn3), TextEncoding::kTcvn3) << tcvn3;
    EXPECT_EQ(DetectEncoding(vni), TextEncoding::kVni) << vni;
    EXPECT_EQ(Convert(tcvn3, TextEncoding::kTcvn3), n.unicode);
    EXPECT_EQ(Convert(vni, TextEncoding::kVni), n.unicode);
  }
}

TEST(LegacyEncodingTest, RepairsUtf8ReadAsWindows1252) {
  for (const Name& n : kNames) {
    const std::string mojibake = AsWindows1252Text(n.unicode);
    ASSERT_FALSE(mojibake.empty()) << n.unicode;
    EXPECT_EQ(DetectEncoding(mojibake), TextEncoding::kMojibake) << mojibake;
    EXPECT_EQ(Convert(mojibake, TextEncoding::kMojibake), n.unicode);
  }
  EXPECT_EQ(AsWindows1252Text("Nguyễn"), "Nguyá»…n");
}

TEST(LegacyEncodingTest, NormalizesDecomposedUnicode) {
  const std::string nfd = "Nguye\u0302\u0303n Va\u0306n";
  EXPECT_EQ(DetectEncoding(nfd), TextEncoding::kUtf8);
  EncodingReport report;
  Result<std::string> r = NormalizeText(nfd, &report);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "Nguyễn Văn");
  EXPECT_EQ(report.normalized, 1);
}

TEST(LegacyEncodingTest, VnTimeHCapitalsAndTheirLimit) {
  EXPECT_EQ(Convert("NGUY\xD4N V\xA8N ANH", TextEncoding::kTcvn3), "NGUYỄN VĂN ANH");
  EXPECT_EQ(Convert("\xA7\xC6NG", TextEncoding::kTcvn3), "ĐẶNG");
  // One capital is not enough to tell .VnTimeH from .VnTime: "Lê" stays as typed.
  EXPECT_EQ(Convert("L\xAA", TextEncoding::kTcvn3), "Lê");
  // A name typed wholly in .VnTimeH with one letter reads as lower case: the bytes cannot tell.
  EXPECT_EQ(Convert("\xD5", TextEncoding::kTcvn3), "ế");
}

TEST(LegacyEncodingTest, PunctuationAroundLegacyText) {
  // Word's curly quotes and en dash are Windows-1252 bytes in a .VnTime document.
  EXPECT_EQ(Convert("\x93Nguy\xD4n\x94 \x96 C\xB5 Mau", TextEncoding::kTcvn3),
            "\u201CNguyễn\u201D \u2013 Cà Mau");
  EXPECT_EQ(DetectEncoding("\x93Nguy\xD4n\x94"), TextEncoding::kTcvn3);
}

TEST(LegacyEncodingTest, PriorBreaksTies) {
  // "Tú" in Unicode reads as "Tỳ" in TCVN3: both are syllables.
  EXPECT_EQ(DetectEncoding("Tú"), TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding("Tú", TextEncoding::kTcvn3), TextEncoding::kTcvn3);
  EXPECT_EQ(Convert("Tú", TextEncoding::kTcvn3), "Tỳ");
}

TEST(LegacyEncodingTest, UnknownAndNonVietnameseText) {
  EXPECT_EQ(DetectEncoding("Household 12, hamlet 3"), TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding("Müller"), TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding("\xFF\x81\xFE"), TextEncoding::kUnknown);
  EncodingReport report;
  Result<std::string> r = NormalizeText("\xFF\x81\xFE", &report);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.status().value(), "\\xFF\\x81\\xFE");
  EXPECT_EQ(report.failed, 1);
  EXPECT_FALSE(ConvertToUtf8("\x81", TextEncoding::kTcvn3).ok());  // undefined in Windows-1252
  EXPECT_FALSE(ConvertToUtf8("\xC3", TextEncoding::kUtf8).ok());
}

TEST(LegacyEncodingTest, ReportCountsEachKind) {
  EncodingReport report;
  const std::vector<std::string> fields = {"HH001",
                                           "Nguyễn Văn Anh",
                                           "Nguy\xD4n V\xA8n Anh",
                                           "Tha\xEF"
                                           "ch Th\xF2",
                                           "Nguye\u0302\u0303n",
                                           AsWindows1252Text("Đầm Dơi")};
  for (const auto& f : fields) ASSERT_TRUE(NormalizeText(f, &report).ok()) << f;
  EXPECT_EQ(report.unchanged, 2);
  EXPECT_EQ(report.tcvn3, 1);
  EXPECT_EQ(report.vni, 1);
  EXPECT_EQ(report.normalized, 1);
  EXPECT_EQ(report.mojibake, 1);
  EXPECT_EQ(report.converted(), 4);
  EXPECT_EQ(report.tcvn3_example, "Nguy\\xD4n V\\xA8n Anh -> Nguyễn Văn Anh");
  const std::string line = report.ToString();
  EXPECT_NE(line.find("TCVN3 1, VNI 1, NFC 1, mojibake 1"), std::string::npos) << line;
}

}  // namespace
}  // namespace ansinh::io
