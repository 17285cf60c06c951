// Byte classes for the loops over text (the search tokenizer, the body decorator, the Markdown fast path, JSON
// strings), sixteen bytes at a time with SSE2 (every x86-64 processor has it), else one byte at a time.
#include "CTextScan.h"

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

static inline int isInlineMark(uint8_t c) {
    switch (c) {
    case '\\': case '&': case '"': case '>': case '<': case '*': case '_': case '`': case '[': case ']':
    case '!': case '~': case '|': case '@': case 0x00: case 0x09: case 0x0A: case 0x0D: return 1;
    default: return 0;
    }
}

#if defined(__x86_64__)
#include <cpuid.h>
#include <tmmintrin.h>

// The marks among 16 bytes found by their nibbles with two table lookups: a byte is a mark when the bits its low
// nibble and its high nibble select have one in common (one bit for each distinct set of low nibbles that a high
// nibble has among the marks: five). SiteBuilderTests checks the scan against isInlineMark for every byte.
static const uint8_t inlineLow[16] = {0x09, 0x02, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x01, 0x03, 0x10, 0x14, 0x11, 0x04, 0x10};
static const uint8_t inlineHigh[16] = {0x01, 0x00, 0x02, 0x04, 0x08, 0x10, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};

// 1 when the processor has SSSE3 (`pshufb`), 0 when not, -1 before it was asked
static int ssse3 = -1;

static int hasSSSE3(void) {
    int known = __atomic_load_n(&ssse3, __ATOMIC_RELAXED);
    if (known >= 0) return known;
    unsigned a, b, c, d;
    known = __get_cpuid(1, &a, &b, &c, &d) && (c >> 9 & 1);
    __atomic_store_n(&ssse3, known, __ATOMIC_RELAXED);
    return known;
}

// The first mark in whole blocks from i (the line's first three bytes behind it) in *at, or where the blocks end.
__attribute__((target("ssse3")))
static int nextInlineMarkSSSE3(const uint8_t *text, size_t lineStart, size_t i, size_t n, size_t *at) {
    const __m128i low = _mm_loadu_si128((const __m128i *)inlineLow), high = _mm_loadu_si128((const __m128i *)inlineHigh);
    const __m128i nibble = _mm_set1_epi8(0x0F), zero = _mm_setzero_si128();
    // blocks whose three bytes before and one byte after are readable and inside the line
    for (; i + 17 <= n; i += 16) {
        __m128i c = _mm_loadu_si128((const __m128i *)(text + i));
        __m128i lo = _mm_shuffle_epi8(low, _mm_and_si128(c, nibble));
        __m128i hi = _mm_shuffle_epi8(high, _mm_and_si128(_mm_srli_epi16(c, 4), nibble));
        uint32_t marks = 0xFFFF & ~(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(lo, hi), zero));
        // `.` after www, `:` before /
        const __m128i w = _mm_set1_epi8('w'), lower = _mm_set1_epi8(0x20);
        __m128i www = _mm_and_si128(_mm_and_si128(
            _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(text + i - 1)), lower), w),
            _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(text + i - 2)), lower), w)),
            _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const __m128i *)(text + i - 3)), lower), w));
        __m128i dot = _mm_and_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('.')), www);
        __m128i colon = _mm_and_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8(':')),
                                      _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(text + i + 1)), _mm_set1_epi8('/')));
        marks |= (uint32_t)_mm_movemask_epi8(_mm_or_si128(dot, colon));
        if (marks) { *at = i + (size_t)__builtin_ctz(marks); return 1; }
    }
    *at = i;
    return 0;
}
#endif

// Whether byte i asks for something (see chancery_next_inline_mark).
static inline int isInlineMarkAt(const uint8_t *text, size_t lineStart, size_t i, size_t n) {
    uint8_t c = text[i];
    if (isInlineMark(c)) return 1;
    if (c == '.') return i >= lineStart + 3 && (text[i - 1] | 0x20) == 'w' && (text[i - 2] | 0x20) == 'w' && (text[i - 3] | 0x20) == 'w';
    return c == ':' && i + 1 < n && text[i + 1] == '/';
}

size_t chancery_next_inline_mark(const uint8_t *text, size_t lineStart, size_t from, size_t n) {
    size_t i = from;
    // the first three bytes of the line one by one (the blocks look at the three bytes before them)
    for (; i < n && i < lineStart + 3; i++) if (isInlineMarkAt(text, lineStart, i, n)) return i;
#if defined(__x86_64__)
    if (hasSSSE3() && nextInlineMarkSSSE3(text, lineStart, i, n, &i)) return i;
#endif
    for (; i < n; i++) if (isInlineMarkAt(text, lineStart, i, n)) return i;
    return n;
}

/// 1 for the bytes a JSON string escapes (controls, `"`, `\`, and `&`, `<`, `>` for HTML's sake), and for
/// those HTML escaping changes (`&`, `<`, `>`, `"`, `'`, C0 controls but tab and line breaks, DEL): one load a
/// byte where a text is read a byte at a time (most strings and template values are shorter than sixteen).
static const uint8_t jsonEscapeTable[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
    [0x5C] = 1,
};
static const uint8_t htmlEscapeTable[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0,
    [0x7F] = 1,
};

#if defined(__SSE2__)
/// The bytes of the sixteen at `text` that need a JSON escape, as a bit mask.
static inline uint32_t jsonEscapes16(const uint8_t *text) {
    __m128i c = _mm_loadu_si128((const __m128i *)text);
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(c, _mm_set1_epi8(0x1F)), c);
    __m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('"')), _mm_cmpeq_epi8(c, _mm_set1_epi8('\\'))),
                                 _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('&')),
                                              _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('<')), _mm_cmpeq_epi8(c, _mm_set1_epi8('>')))));
    return (uint32_t)_mm_movemask_epi8(_mm_or_si128(control, marks));
}

/// The bytes of the sixteen at `text` that HTML escaping changes, as a bit mask.
static inline uint32_t htmlEscapes16(const uint8_t *text) {
    __m128i c = _mm_loadu_si128((const __m128i *)text);
    __m128i control = _mm_andnot_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(c, _mm_set1_epi8('\n'))),
                                                    _mm_cmpeq_epi8(c, _mm_set1_epi8('\r'))),
                                       _mm_cmpeq_epi8(_mm_min_epu8(c, _mm_set1_epi8(0x1F)), c));
    __m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('&')), _mm_cmpeq_epi8(c, _mm_set1_epi8('<'))),
                                 _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('>')), _mm_cmpeq_epi8(c, _mm_set1_epi8('"'))),
                                              _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(c, _mm_set1_epi8(0x7F)))));
    return (uint32_t)_mm_movemask_epi8(_mm_or_si128(control, marks));
}
#endif

/// How many of the `n` bytes at `text` come before the first one marked in `table` (whose sixteen-byte test is
/// `marks16`): blocks of sixteen, then the sixteen that end the text (those before already found plain), or,
/// for a text shorter than sixteen, its bytes one by one. Inlined into each caller with its own test.
static inline size_t plainPrefix(const uint8_t *text, size_t n, const uint8_t *table, uint32_t (*marks16)(const uint8_t *)) {
    size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= n; i += 16) {
        uint32_t found = marks16(text + i);
        if (found) return i + (size_t)__builtin_ctz(found);
    }
    if (i < n && n >= 16) {
        uint32_t found = marks16(text + n - 16);
        return found ? n - 16 + (size_t)__builtin_ctz(found) : n;
    }
#else
    (void)marks16;
#endif
    for (; i < n; i++) if (table[text[i]]) return i;
    return n;
}

#if !defined(__SSE2__)
#define jsonEscapes16 NULL
#define htmlEscapes16 NULL
#endif

size_t chancery_json_plain_prefix(const uint8_t *text, size_t n) { return plainPrefix(text, n, jsonEscapeTable, jsonEscapes16); }

size_t chancery_html_plain_prefix(const uint8_t *text, size_t n) { return plainPrefix(text, n, htmlEscapeTable, htmlEscapes16); }
