#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants of SHA-256 (FIPS 180-4, 4.2.2), shared with CableKit's portable code.
extern const uint32_t chancery_sha256_k[64];

/// 1 when this processor has the SHA extensions (x86-64 SHA-NI with SSE4.1), else 0.
int chancery_sha256_hardware_available(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (the eight working words, host order)
/// with the SHA instructions. Call only when `chancery_sha256_hardware_available()` is 1.
void chancery_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
