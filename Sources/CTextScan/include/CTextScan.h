#ifndef CTEXTSCAN_H
#define CTEXTSCAN_H
#include <stddef.h>
#include <stdint.h>

/// Classifies the `n` bytes at `text` for the search tokenizer, 64 to a word: bit `i % 64` of `word[i / 64]`
/// is set when byte i is an ASCII letter or digit or a byte of a multi-byte scalar (>= 0x80), and the same
/// bit of `high[i / 64]` when it is >= 0x80. `lower` receives the bytes with A-Z lower-cased. `word` and
/// `high` have room for (n + 63) / 64 words; bits past `n` are 0.
void chancery_classify_text(const uint8_t *text, size_t n, uint8_t *lower, uint64_t *word, uint64_t *high);

/// The index of the first byte of `text[from..<n]` that may start a decoration of a cable body (SiteBuilder's
/// BodyDecorator): a `<`, or an `X` (or, when `mentions` is not 0, an `r` or `R`) that begins a word — the byte
/// before it, if any, is not an ASCII letter or digit nor a byte >= 0x80; `n` when there is none.
size_t chancery_next_decoration(const uint8_t *text, size_t from, size_t n, int mentions);

/// The index of the first byte of `text[from..<n]` that the Markdown fast path (SiteBuilder's PlainMarkdown) must
/// look at in a line's inline text starting at `lineStart`: one of `\ & " > < * _ ` [ ] ! ~ | @`, NUL, tab, line
/// feed or carriage return; a `.` after `www` (either case, within the line); a `:` before a `/`. `n` when none.
size_t chancery_next_inline_mark(const uint8_t *text, size_t lineStart, size_t from, size_t n);

/// How many of the `n` bytes at `text` come before the first one a JSON string must escape (CableKit's
/// `JSON.appendString`): a control byte (< 0x20), `"`, `\`, or — so that the JSON is safe inside HTML — `&`,
/// `<`, `>`; `n` when there is none.
size_t chancery_json_plain_prefix(const uint8_t *text, size_t n);

/// How many of the `n` bytes at `text` come before the first one HTML escaping must change (the templates'
/// `HTMLEscape`): `&`, `<`, `>`, `"`, `'`, a C0 control other than tab, line feed and carriage return, or DEL;
/// `n` when there is none.
size_t chancery_html_plain_prefix(const uint8_t *text, size_t n);

#endif
