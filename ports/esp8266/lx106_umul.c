/* lx106_umul.c (esp8266): __umulsidi3, the 32x32->64 multiply libgcc's own 64-bit division
 * (_moddi3.o) calls but Debian's lx106 libgcc lacks.  Weak, so lx106_arith.c may take it over. */
#include <stdint.h>

uint64_t __umulsidi3(uint32_t a, uint32_t b);

__attribute__((weak)) uint64_t __umulsidi3(uint32_t a, uint32_t b) {
    uint32_t al = a & 0xffff, ah = a >> 16, bl = b & 0xffff, bh = b >> 16;
    uint64_t mid = (uint64_t)al * bh + (uint64_t)ah * bl;   /* 16x16 products: MUL16/MULL only */
    return ((uint64_t)ah * bh << 32) + (mid << 16) + (uint64_t)al * bl;
}
