// The byte classes of the search tokenizer (SiteBuilder's SearchTokenizer), sixteen bytes at a time with
// SSE2 (every x86-64 processor has it), else one byte at a time.
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
