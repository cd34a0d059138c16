/* builtins.h — the builtin namespaces (one table each, sorted by name) and
 * the native kinds the builtins define.  Each namespace file exports its
 * Namespace; registry.c ties them together for lookup, help() and tab
 * completion. */
#ifndef ND_BUILTINS_H
#define ND_BUILTINS_H

#include "interp.h"

/* The root namespace: a NULL-terminated list of tables (core.c, create.c,
 * ufuncs.c, dtype.c, ...), searched in order.  registry.c owns it. */
extern const Namespace *const root_namespaces[];
extern const Namespace ns_array_methods; /* array.c: a.reshape(...), ... */
extern const Namespace ns_str_methods;   /* str methods (value room) */
extern const Namespace ns_list_methods;
extern const Namespace ns_dict_methods;
/* Look a name up in the root: *def or *c is set (the other NULL). */
bool root_lookup(const char *name, const BuiltinDef **def, const NsConst **c);
extern const NativeType dtype_type;    /* dtype.c: float32, int64 ... objects */
extern const NativeType error_type;    /* errors.c: caught error objects */
extern const NativeType ufunc_type;    /* ufuncs.c: add, multiply ... */
extern const NativeType errstate_type; /* core.c: with errstate(...) */
extern const NativeType printoptions_type;

/* The dtype object for t (a borrowed, immortal value). */
Value dtype_value(NdType t);
/* Array attributes that are not methods (a.shape, a.T, ...): VK_UNSET when
 * `name` is none of them. */
Value array_getattr(Value a, const char *name);
int array_setattr(Value a, const char *name, Value v);

/* help(): the text for a value or a name, to stdout. */
int help_show(Value v);

/* format(v, spec) and f-string fields: Python's format mini-language for
 * str, int, float, complex and bool values; on an array the spec applies
 * to each element, printed in the array's layout.  (format_spec.c) */
Value format_with_spec(Value v, const char *spec, size_t len);

#endif
