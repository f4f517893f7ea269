// The lexer of the rule language: text to tokens with their positions.
//
// Owns: the token kinds and the spelling of literals, names, keywords and operators.
// Must stay true: the lexer never reads past the end of its text and accepts any bytes (bad input
// becomes an error token with a message, never a crash); positions count lines from 1 and columns
// from 1 in characters, so a caret under a Vietnamese string lands on the right letter.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "rules/ast.h"

namespace ansinh::rules {

enum class TokenKind : std::uint8_t {
  kEnd,
  kError,
  kInt,
  kDecimal,
  kString,
  kName,
  kTrue,
  kFalse,
  kAnd,
  kOr,
  kNot,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kLParen,
  kRParen,
  kComma,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  SourcePos pos;
  std::string_view spelling;  // the source text of the token
  std::string text;           // kString: the unescaped value; kError: the message (English)
  std::string text_vi;        // kError: the message (Vietnamese)
  std::int64_t int_value = 0;
  double decimal_value = 0;
};

// How a token kind is shown in "expected X, found Y" messages: "')'", "a name", "end of rule".
std::string_view TokenKindText(TokenKind kind);

class Lexer {
 public:
  // `first` is the position of text[0] in its file (a rule inside a TOML file starts mid-file).
  Lexer(std::string_view text, SourcePos first);
  Token Next();

 private:
  void SkipSpaceAndComments();
  void Advance();  // one byte, keeping line and column
  Token Number(Token token, std::size_t start);
  Token StringLiteral(Token token, std::size_t start);
  Token Error(Token token, std::string vi, std::string en);

  std::string_view text_;
  std::size_t at_ = 0;
  SourcePos pos_;
};

}  // namespace ansinh::rules
