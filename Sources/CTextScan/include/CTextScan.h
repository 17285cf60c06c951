#ifndef CTEXTSCAN_H
#define CTEXTSCAN_H
#include <stddef.h>
#include <stdint.h>

/// Classifies the `n` bytes at `text` for the search tokenizer, 64 to a word: bit `i % 64` of `word[i / 64]`
/// is set when byte i is an ASCII letter or digit or a byte of a multi-byte scalar (>= 0x80), and the same
/// bit of `high[i / 64]` when it is >= 0x80. `lower` receives the bytes with A-Z lower-cased. `word` and
/// `high` have room for (n + 63) / 64 words; bits past `n` are 0.
void chancery_classify_text(const uint8_t *text, size_t n, uint8_t *lower, uint64_t *word, uint64_t *high);

#endif
