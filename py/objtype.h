/* objtype.h: the layout of classes created by `class` statements and of their instances, shared by
 * objtype.c (which owns them), runtime.c (attribute lookup) and builtins.c (dir, vars).
 *
 * A user class is a heap type_t extended with its MRO and the built-in type its instances are
 * built on.  Instances come in five layouts, fixed by that built-in base:
 *   - TYPE_LAYOUT_INSTANCE: plain classes: instance_t, the type and an embedded attribute dict;
 *   - TYPE_LAYOUT_EMBED: classes deriving from list, dict, str, tuple...: the instance IS the
 *     built-in struct (type field = the user class), so built-in methods work on it unchanged; its
 *     GC block is 16 bytes longer than the built-in's and the last 16 bytes hold the __dict__ pointer;
 *   - TYPE_LAYOUT_WRAP: classes deriving from int (whose values may be immediates): instance_t
 *     whose `native` field holds the int that built-in methods and slots are applied to;
 *   - TYPE_LAYOUT_EXC: an exc_t (runtime.h) whose type is the user class, so raise/except and
 *     tracebacks work unchanged; attributes live in exc->dict;
 *   - TYPE_LAYOUT_TYPE: a metaclass's instances are classes (type_user_t). */
#ifndef ADDER_OBJTYPE_H
#define ADDER_OBJTYPE_H

#include "obj.h"

enum { TYPE_LAYOUT_INSTANCE, TYPE_LAYOUT_EMBED, TYPE_LAYOUT_WRAP, TYPE_LAYOUT_EXC, TYPE_LAYOUT_TYPE };

typedef struct {
    type_t type;
    obj_t mro;               /* tuple of types: this class first, object last */
    const type_t *native;    /* built-in base whose slots instances reuse, or NULL for plain object */
    uint8_t layout;
    uint8_t hooks;           /* TYPE_HOOK_* bits: which attribute hooks some class in the MRO defines */
} type_user_t;

/* Attribute hooks are rare and costly to look for on every access, so their presence is cached. */
#define TYPE_HOOK_GETATTR      (0x01)
#define TYPE_HOOK_GETATTRIBUTE (0x02)
#define TYPE_HOOK_SETATTR      (0x04)
#define TYPE_HOOK_DELATTR      (0x08)
#define TYPE_HOOK_DATA_DESCR   (0x10) /* a class dict holds a property or a __set__/__delete__ object */

typedef struct {
    obj_base_t base;
    obj_t native;            /* TYPE_LAYOUT_WRAP: the int; else OBJ_NULL */
    dict_t dict;             /* __dict__ (embedded: one allocation per instance) */
} instance_t;

/* Searches t's MRO (class dicts, then built-in dicts) for name; *owner gets the type that has it. */
obj_t type_lookup(const type_t *t, qstr name, const type_t **owner);
/* Applies descriptor rules to a value found on type(self): methods bind (dest[0] = fun, dest[1] =
 * self), classmethod binds to the type, staticmethod unwraps, property and __get__ are called. */
void type_bind(obj_t self, obj_t value, const type_t *owner, obj_t *dest, qstr name);
/* The object built-in methods apply to: the native part of an instance of class L(list), else o. */
obj_t type_native_self(obj_t o);
/* The attribute dict of an instance of a user class (NULL if it has none); create for exceptions. */
dict_t *type_instance_dict(obj_t o, bool create);
/* A type's MRO as an array (user classes: their cached tuple; built-ins: the parent chain). */
void type_get_mro(const type_t *t, size_t *len, obj_t **items, obj_t *buf, size_t buf_len);

#endif
