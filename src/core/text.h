// Vietnamese text as the registry needs it, on ICU: NFC normalisation (imports bring decomposed
// text), case folding for matching codes typed by hand ("Nữ", "nữ", "NỮ"), and a search key that
// ignores diacritics and tone placement ("nguyen van a" finds "Nguyễn Văn A"; "Hoà" and "Hòa" are
// the same word).
#pragma once

#include <string>
#include <string_view>

namespace ansinh {

// Unicode NFC of UTF-8 text. Invalid UTF-8 is returned unchanged (the caller validates).
std::string NormalizeNfc(std::string_view utf8);

// NFC, lower case, surrounding white space trimmed and inner runs collapsed to one space.
std::string FoldCase(std::string_view utf8);

// FoldCase with every diacritic removed and đ → d: the key for diacritic-insensitive search.
std::string SearchKey(std::string_view utf8);

// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Trims ASCII white space at both ends.
std::string_view Trim(std::string_view text);

}  // namespace ansinh
