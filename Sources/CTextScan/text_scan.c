// Byte classes for SiteBuilder's loops over text (the search tokenizer, the body decorator), sixteen bytes at
// a time with SSE2 (every x86-64 processor has it), else one byte at a time.
#include "CTextScan.h"
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>

// 16 bytes: lower-cased into `out`; returns their letter-or-digit-or-high mask and (in *high) their high mask
static inline uint32_t classify16(const uint8_t *in, uint8_t *out, uint32_t *high) {
    __m128i c = _mm_loadu_si128((const __m128i *)in);
    __m128i upper = _mm_sub_epi8(c, _mm_set1_epi8('A'));
    upper = _mm_cmpeq_epi8(_mm_min_epu8(upper, _mm_set1_epi8(25)), upper);
    __m128i lowerCase = _mm_sub_epi8(c, _mm_set1_epi8('a'));
    lowerCase = _mm_cmpeq_epi8(_mm_min_epu8(lowerCase, _mm_set1_epi8(25)), lowerCase);
    __m128i digit = _mm_sub_epi8(c, _mm_set1_epi8('0'));
    digit = _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit);
    _mm_storeu_si128((__m128i *)out, _mm_or_si128(c, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    uint32_t h = (uint32_t)_mm_movemask_epi8(c);
    *high = h;
    return (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(upper, lowerCase), digit)) | h;
}
#endif

static inline int isWordByte(uint8_t c) {
    return (uint8_t)(c - 'A') < 26 || (uint8_t)(c - 'a') < 26 || (uint8_t)(c - '0') < 10 || c >= 0x80;
}

void chancery_classify_text(const uint8_t *text, size_t n, uint8_t *lower, uint64_t *word, uint64_t *high) {
    size_t i = 0, w = 0;
#if defined(__SSE2__)
    for (; i + 64 <= n; i += 64, w++) {
        uint32_t h0, h1, h2, h3;
        uint64_t m0 = classify16(text + i, lower + i, &h0);
        uint64_t m1 = classify16(text + i + 16, lower + i + 16, &h1);
        uint64_t m2 = classify16(text + i + 32, lower + i + 32, &h2);
        uint64_t m3 = classify16(text + i + 48, lower + i + 48, &h3);
        word[w] = m0 | m1 << 16 | m2 << 32 | m3 << 48;
        high[w] = (uint64_t)h0 | (uint64_t)h1 << 16 | (uint64_t)h2 << 32 | (uint64_t)h3 << 48;
    }
#endif
    for (; i < n; w++) {
        uint64_t m = 0, h = 0;
        for (unsigned b = 0; b < 64 && i < n; b++, i++) {
            uint8_t c = text[i];
            lower[i] = (uint8_t)(c - 'A') < 26 ? (uint8_t)(c | 0x20) : c;
            if (isWordByte(c)) m |= (uint64_t)1 << b;
            if (c >= 0x80) h |= (uint64_t)1 << b;
        }
        word[w] = m;
        high[w] = h;
    }
}

#if defined(__SSE2__)
// the letters (either case), digits and bytes >= 0x80 among 16 bytes, as a mask
static inline uint32_t wordMask16(__m128i c) {
    __m128i letter = _mm_sub_epi8(_mm_or_si128(c, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    letter = _mm_cmpeq_epi8(_mm_min_epu8(letter, _mm_set1_epi8(25)), letter);
    __m128i digit = _mm_sub_epi8(c, _mm_set1_epi8('0'));
    digit = _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit);
    return (uint32_t)_mm_movemask_epi8(_mm_or_si128(letter, digit)) | (uint32_t)_mm_movemask_epi8(c);
}
#endif

size_t chancery_next_decoration(const uint8_t *text, size_t from, size_t n, int mentions) {
    size_t i = from;
#if defined(__SSE2__)
    // whether the byte before the block is part of a word
    uint32_t carry = i > 0 && isWordByte(text[i - 1]);
    for (; i + 16 <= n; i += 16) {
        __m128i c = _mm_loadu_si128((const __m128i *)(text + i));
        uint32_t tag = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_set1_epi8('<')));
        __m128i starts = _mm_cmpeq_epi8(c, _mm_set1_epi8('X'));
        if (mentions) starts = _mm_or_si128(starts, _mm_cmpeq_epi8(_mm_or_si128(c, _mm_set1_epi8(0x20)), _mm_set1_epi8('r')));
        uint32_t word = wordMask16(c);
        uint32_t afterWord = (word << 1 | carry) & 0xFFFF;
        uint32_t found = tag | ((uint32_t)_mm_movemask_epi8(starts) & ~afterWord);
        if (found) return i + (size_t)__builtin_ctz(found);
        carry = word >> 15 & 1;
    }
#endif
    for (; i < n; i++) {
        uint8_t c = text[i];
        if (c == '<') return i;
        if ((c == 'X' || (mentions && (c | 0x20) == 'r')) && (i == 0 || !isWordByte(text[i - 1]))) return i;
    }
    return n;
}
