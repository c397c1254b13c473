/* objstr.h: internals shared by the string and bytes files only (objstr.c, objstr_methods.c,
 * objstr_format.c, objbytes.c).  Other areas use obj.h's accessors (obj_new_str, obj_str_get_data). */
#ifndef ADDER_OBJSTR_H
#define ADDER_OBJSTR_H

#include "obj.h"
#include "objtype.h"
#include "vstr.h"

/* The built-in type whose layout o has: instances of user subclasses of str/bytes/bytearray are the
 * built-in struct itself (objtype.h, TYPE_LAYOUT_EMBED), so the string code treats them alike. */
static inline const type_t *str_native(obj_t o) {
    if (OBJ_IS_QSTR(o)) {
        return &type_str;
    }
    if (!OBJ_IS_PTR(o)) {
        return NULL;
    }
    const type_t *t = ((const obj_base_t *)o)->type;
    return (t->flags & TYPE_FLAG_USER) ? ((const type_user_t *)t)->native : t;
}
static inline bool str_is_str(obj_t o) {
    return str_native(o) == &type_str;
}

typedef struct {
    obj_base_t base;
    size_t len;
    size_t alloc;
    uint8_t *items;
} bytearray_t;

typedef struct {
    obj_base_t base;
    obj_t obj;           /* the exporter: bytes or bytearray (re-read on each access: bytearrays move) */
    size_t start;
    size_t len;
    bool readonly;
    bool released;
} memoryview_t;

/* ---- UTF-8 ---- */
static inline bool utf8_is_cont(uint8_t b) { return (b & 0xc0) == 0x80; }
uint32_t utf8_get(const char **p);                 /* decodes one code point and advances */
size_t utf8_count(const char *s, size_t len);     /* code points in s */
const char *utf8_skip(const char *s, size_t n);   /* advance n code points */

/* ---- strings ---- */
/* A view of any str value: bytes, byte length, code point count. */
typedef struct {
    const char *data;
    size_t len;
    size_t n_chars;
} str_view_t;
void str_view(obj_t s, str_view_t *v);            /* str only (qstr or heap); TypeError otherwise */
size_t str_char_to_byte(obj_t s, const str_view_t *v, size_t ci); /* byte offset of char ci (<= n_chars) */
size_t str_byte_to_char(const str_view_t *v, size_t bi);
obj_t str_new_uninit(size_t len, size_t n_chars, char **buf); /* caller fills buf[0..len) */
obj_t str_char_obj(uint32_t cp);                  /* one-character str */
bool str_is_bytes(obj_t o);                       /* bytes or bytearray (not memoryview) */
bool str_get_buffer(obj_t o, const char **data, size_t *len); /* any buffer-protocol object */
const char *str_bytes_data(obj_t o, size_t *len); /* bytes-like: bytes, bytearray, memoryview; TypeError */
/* A new str / bytes / bytearray of the same kind as like (str subclasses give str). */
obj_t str_new_like(obj_t like, const char *data, size_t len);
obj_t str_from_vstr_like(obj_t like, vstr_t *vs);
void str_repr_to(const print_t *p, const char *s, size_t len, bool ascii_only);
void bytes_repr_to(const print_t *p, const char *s, size_t len);
obj_t str_mod_format(obj_t fmt, obj_t args, bool is_bytes); /* fmt % args */
obj_t str_format_method(size_t n_args, size_t n_kw, const obj_t *args, obj_t mapping);
obj_t str_decode(const char *data, size_t len, obj_t encoding, obj_t errors); /* NULLs: utf-8, strict */
obj_t str_encode(obj_t self, obj_t encoding, obj_t errors);
obj_t str_repeat(obj_t self, obj_t times);        /* str, bytes or bytearray times an int */

/* Unicode character classes and case mapping (exact for ASCII, Latin-1, Greek and Cyrillic). */
bool uni_isspace(uint32_t c);
bool uni_isalpha(uint32_t c);
bool uni_isdigit(uint32_t c);
bool uni_isdecimal(uint32_t c);
bool uni_isnumeric(uint32_t c);
bool uni_isupper(uint32_t c);
bool uni_islower(uint32_t c);
bool uni_isprintable(uint32_t c);
uint32_t uni_toupper(uint32_t c);
uint32_t uni_tolower(uint32_t c);
int uni_decimal_value(uint32_t c);                /* 0..9 for any Unicode decimal digit, else -1 */
const char *str_numeric_text(obj_t x, size_t *len); /* str/bytes text for int()/float(), Unicode digits in ASCII */

/* The method tables (objstr_methods.c, objbytes.c). */
extern dict_t str_locals_dict, bytes_locals_dict, bytearray_locals_dict, memoryview_locals_dict;

/* Method objects shared by str, bytes and bytearray (objstr_methods.c). */
extern const fun_builtin_t strm_find_obj, strm_rfind_obj, strm_index_obj, strm_rindex_obj, strm_count_obj,
    strm_startswith_obj, strm_endswith_obj, strm_split_obj, strm_rsplit_obj, strm_join_obj, strm_replace_obj,
    strm_strip_obj, strm_lstrip_obj, strm_rstrip_obj, strm_partition_obj, strm_rpartition_obj, strm_ljust_obj,
    strm_rjust_obj, strm_center_obj, strm_zfill_obj, strm_splitlines_obj, strm_expandtabs_obj,
    strm_removeprefix_obj, strm_removesuffix_obj, strm_lower_obj, strm_upper_obj, strm_swapcase_obj,
    strm_title_obj, strm_capitalize_obj, strm_isalnum_obj, strm_isalpha_obj, strm_isascii_obj,
    strm_isdigit_obj, strm_isspace_obj, strm_islower_obj, strm_isupper_obj, strm_istitle_obj;

/* Shared method bodies, byte-oriented, for str and bytes alike. */
obj_t strm_find(size_t n_args, const obj_t *args, bool reverse, bool raise);
obj_t strm_count(size_t n_args, const obj_t *args);
obj_t strm_startswith(size_t n_args, const obj_t *args, bool ends);
obj_t strm_split(size_t n_args, size_t n_kw, const obj_t *args, bool reverse);
obj_t strm_join(obj_t self, obj_t iterable);
obj_t strm_replace(size_t n_args, const obj_t *args);
obj_t strm_strip(size_t n_args, const obj_t *args, int which);
obj_t strm_partition(obj_t self, obj_t sep, bool reverse);
obj_t strm_justify(size_t n_args, const obj_t *args, char how);
obj_t strm_zfill(obj_t self, obj_t width);
obj_t strm_splitlines(size_t n_args, size_t n_kw, const obj_t *args);
obj_t strm_expandtabs(size_t n_args, size_t n_kw, const obj_t *args);
obj_t strm_removeaffix(obj_t self, obj_t affix, bool suffix);

#endif
