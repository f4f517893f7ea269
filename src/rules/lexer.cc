#include "rules/lexer.h"

#include <charconv>
#include <utility>

namespace ansinh::rules {

std::string_view TokenKindText(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd:
      return "end of rule";
    case TokenKind::kError:
      return "an invalid token";
    case TokenKind::kInt:
      return "an integer";
    case TokenKind::kDecimal:
      return "a decimal";
    case TokenKind::kString:
      return "a string";
    case TokenKind::kName:
      return "a name";
    case TokenKind::kTrue:
      return "'true'";
    case TokenKind::kFalse:
      return "'false'";
    case TokenKind::kAnd:
      return "'and'";
    case TokenKind::kOr:
      return "'or'";
    case TokenKind::kNot:
      return "'not'";
    case TokenKind::kPlus:
      return "'+'";
    case TokenKind::kMinus:
      return "'-'";
    case TokenKind::kStar:
      return "'*'";
    case TokenKind::kSlash:
      return "'/'";
    case TokenKind::kEq:
      return "'='";
    case TokenKind::kNe:
      return "'!='";
    case TokenKind::kLt:
      return "'<'";
    case TokenKind::kLe:
      return "'<='";
    case TokenKind::kGt:
      return "'>'";
    case TokenKind::kGe:
      return "'>='";
    case TokenKind::kLParen:
      return "'('";
    case TokenKind::kRParen:
      return "')'";
    case TokenKind::kComma:
      return "','";
  }
  return "?";
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || IsDigit(c); }

TokenKind KeywordKind(std::string_view word) {
  if (word == "true") return TokenKind::kTrue;
  if (word == "false") return TokenKind::kFalse;
  if (word == "and") return TokenKind::kAnd;
  if (word == "or") return TokenKind::kOr;
  if (word == "not") return TokenKind::kNot;
  return TokenKind::kName;
}

}  // namespace

Lexer::Lexer(std::string_view text, SourcePos first) : text_(text), pos_(first) {}

void Lexer::Advance() {
  const char c = text_[at_++];
  if (c == '\n') {
    ++pos_.line;
    pos_.column = 1;
  } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
    ++pos_.column;  // UTF-8 continuation bytes do not start a character
  }
  // A continuation byte right after '\n' must not move column 1 either: handled above.
}

void Lexer::SkipSpaceAndComments() {
  while (at_ < text_.size()) {
    const char c = text_[at_];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      Advance();
    } else if (c == '#') {  // a comment runs to the end of the line
      while (at_ < text_.size() && text_[at_] != '\n') Advance();
    } else {
      return;
    }
  }
}

Token Lexer::Error(Token token, std::string vi, std::string en) {
  token.kind = TokenKind::kError;
  token.text = std::move(en);
  token.text_vi = std::move(vi);
  return token;
}

Token Lexer::Number(Token token, std::size_t start) {
  while (at_ < text_.size() && IsDigit(text_[at_])) Advance();
  bool decimal = false;
  if (at_ < text_.size() && text_[at_] == '.') {
    Advance();
    if (at_ >= text_.size() || !IsDigit(text_[at_])) {
      return Error(token, "cần chữ số sau dấu '.'", "expected a digit after '.'");
    }
    while (at_ < text_.size() && IsDigit(text_[at_])) Advance();
    decimal = true;
  }
  if (at_ < text_.size() && IsNameChar(text_[at_])) {
    return Error(token, "số dính liền chữ", "a number runs into a name");
  }
  token.spelling = text_.substr(start, at_ - start);
  const char* first = token.spelling.data();
  const char* last = first + token.spelling.size();
  if (decimal) {
    token.kind = TokenKind::kDecimal;
    auto [ptr, ec] = std::from_chars(first, last, token.decimal_value);
    if (ec != std::errc() || ptr != last) {
      return Error(token, "số thập phân quá lớn", "decimal out of range");
    }
  } else {
    token.kind = TokenKind::kInt;
    auto [ptr, ec] = std::from_chars(first, last, token.int_value);
    if (ec != std::errc() || ptr != last) {
      return Error(token, "số nguyên quá lớn (tối đa 64 bit)", "integer too large (64-bit)");
    }
  }
  return token;
}

Token Lexer::StringLiteral(Token token, std::size_t start) {
  Advance();  // opening quote
  token.kind = TokenKind::kString;
  while (true) {
    if (at_ >= text_.size() || text_[at_] == '\n') {
      return Error(token, "chuỗi chưa đóng dấu \"", "unterminated string: expected '\"'");
    }
    const char c = text_[at_];
    if (c == '"') break;
    if (c == '\\') {
      Advance();
      if (at_ >= text_.size() || (text_[at_] != '"' && text_[at_] != '\\')) {
        return Error(token, "chỉ dùng \\\" hoặc \\\\ trong chuỗi",
                     "only \\\" and \\\\ may be escaped in a string");
      }
    }
    token.text += text_[at_];
    Advance();
  }
  Advance();  // closing quote
  token.spelling = text_.substr(start, at_ - start);
  return token;
}

Token Lexer::Next() {
  SkipSpaceAndComments();
  Token token;
  token.pos = pos_;
  const std::size_t start = at_;
  if (at_ >= text_.size()) return token;  // kEnd
  const char c = text_[at_];
  if (IsDigit(c)) return Number(std::move(token), start);
  if (c == '"') return StringLiteral(std::move(token), start);
  if (IsNameStart(c)) {
    // A dotted name ("line.poor") is one token: name ('.' name)*.
    while (true) {
      while (at_ < text_.size() && IsNameChar(text_[at_])) Advance();
      if (at_ + 1 < text_.size() && text_[at_] == '.' && IsNameStart(text_[at_ + 1])) {
        Advance();
        continue;
      }
      break;
    }
    token.spelling = text_.substr(start, at_ - start);
    token.kind = KeywordKind(token.spelling);
    token.text = std::string(token.spelling);
    return token;
  }
  Advance();
  const char next = at_ < text_.size() ? text_[at_] : '\0';
  auto two = [&](TokenKind kind) {
    Advance();
    token.kind = kind;
    token.spelling = text_.substr(start, 2);
    return token;
  };
  token.spelling = text_.substr(start, 1);
  switch (c) {
    case '+':
      token.kind = TokenKind::kPlus;
      return token;
    case '-':
      token.kind = TokenKind::kMinus;
      return token;
    case '*':
      token.kind = TokenKind::kStar;
      return token;
    case '/':
      token.kind = TokenKind::kSlash;
      return token;
    case '(':
      token.kind = TokenKind::kLParen;
      return token;
    case ')':
      token.kind = TokenKind::kRParen;
      return token;
    case ',':
      token.kind = TokenKind::kComma;
      return token;
    case '=':
      if (next == '=') return Error(token, "dùng '=' để so sánh bằng", "use '=' for equality");
      token.kind = TokenKind::kEq;
      return token;
    case '!':
      if (next == '=') return two(TokenKind::kNe);
      return Error(token, "dùng 'not' thay cho '!'", "use 'not' instead of '!'");
    case '<':
      if (next == '=') return two(TokenKind::kLe);
      if (next == '>') return Error(token, "dùng '!=' cho khác", "use '!=' for not-equal");
      token.kind = TokenKind::kLt;
      return token;
    case '>':
      if (next == '=') return two(TokenKind::kGe);
      token.kind = TokenKind::kGt;
      return token;
    default:
      break;
  }
  return Error(token, "ký tự không hợp lệ", "unexpected character");
}

}  // namespace ansinh::rules
