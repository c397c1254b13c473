/* qstr.h: interned strings.  A qstr is a small integer naming a unique string; two equal interned
 * strings always have the same qstr, so names compare as integers.
 *
 * Static qstrs: any `Q_name` used anywhere in py/, extmod/ or ports/<port>/ sources is found by
 * tools/gen_qstr.py at build time, which writes build/genhdr/qstrdefs.gen.h with the enum values
 * and the const pool (hash, length, bytes) in flash.  Names that are not C identifiers are listed
 * in py/qstrdefs.txt as `Q_ident "string"` lines (e.g. `Q__lt_module_gt_ "<module>"`).
 * Dynamic qstrs (identifiers from compiled source, interned at run time) live in pools on the
 * GC heap, chained from the root state. */
#ifndef ADDER_QSTR_H
#define ADDER_QSTR_H

#include <stddef.h>
#include <stdint.h>

typedef uint16_t qstr;

enum {
#define QDEF(id, hash, len, str) id,
#include "genhdr/qstrdefs.gen.h"
#undef QDEF
    Q__static_count
};
#define QSTR_NULL ((qstr)0)   /* Q_NULL: the empty-name placeholder, entry 0 */

void qstr_init(void);
qstr qstr_from_strn(const char *s, size_t len);   /* interns; may allocate */
qstr qstr_from_str(const char *s);
qstr qstr_find_strn(const char *s, size_t len);   /* QSTR_NULL if not interned (never allocates) */
const char *qstr_str(qstr q);                      /* NUL-terminated */
const char *qstr_data(qstr q, size_t *len);
size_t qstr_len(qstr q);
uint32_t qstr_hash(qstr q);
/* The one string hash used for every str (interned or not) so equal strings hash equal.
 * Never returns 0 (0 means "not computed yet" in str_t). */
uint32_t qstr_compute_hash(const char *s, size_t len);
size_t qstr_count(void);

#endif
