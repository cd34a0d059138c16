/* native.c — making and freeing the two heap kinds that wrap C: instances
 * of native kinds (dtypes, errors, ufuncs, Generators ... one NativeType
 * descriptor each, interp.h) and builtin function values, bound to a
 * receiver when they are methods (`L.append`, `a.reshape`).
 */
#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "interp.h"
#include "value.h"

Value native_new(const NativeType *type)
{
    size_t size =
        type->size < sizeof(NativeObj) ? sizeof(NativeObj) : type->size;
    NativeObj *o = nd_calloc(1, size);
    if (!o)
        return rt_from_lib();
    o->h.refcount = 1;
    o->h.kind = VK_OBJECT;
    o->type = type;
    return v_obj(&o->h);
}

void native_dealloc(Obj *o)
{
    NativeObj *n = (NativeObj *)o;
    if (n->type && n->type->finalize)
        n->type->finalize(o);
    free(o);
}

/* A bound method whose receiver is a container can close a cycle
 * (`L.append` stored in L), so such builtins are tracked; unbound ones
 * and those bound to arrays or scalars hold nothing that can. */
static bool holds_container(Value v)
{
    switch ((ValueKind)v.kind) {
    case VK_TUPLE:
    case VK_LIST:
    case VK_DICT:
    case VK_FUNCTION:
    case VK_BUILTIN:
    case VK_MODULE:
    case VK_CELL:
        return true;
    default:
        return false;
    }
}

Value v_builtin(const BuiltinDef *def, Value self)
{
    Builtin *b = nd_calloc(1, sizeof *b);
    if (!b)
        return rt_from_lib();
    b->h.refcount = 1;
    b->h.kind = VK_BUILTIN;
    b->def = def;
    v_incref(self);
    b->self = self;
    if (holds_container(self))
        gc_track(&b->h);
    return v_obj(&b->h);
}

void builtin_dealloc(Obj *o)
{
    Builtin *b = (Builtin *)o;
    v_decref(b->self);
    free(o);
}

/* ------------------------------------------- (P12B) reduction dispatch */

/* The name of parameter i of a spec ("a, axis=None, *, where=True"), or
 * false past the end; a bare "*" and "*name" count as parameters too, so
 * the index follows args_parse's slots. */
static bool param_name(const char *params, int i, char *buf, size_t n)
{
    const char *p = params;
    for (int k = 0; k < i; k++) {
        p = strchr(p, ',');
        if (!p)
            return false;
        p++;
    }
    while (*p == ' ')
        p++;
    size_t len = strcspn(p, ",=");
    while (len > 0 && p[len - 1] == ' ')
        len--;
    if (len == 0 || len >= n)
        return false;
    memcpy(buf, p, len);
    buf[len] = '\0';
    return true;
}

bool native_method_dispatch(const char *method, const BuiltinDef *root_def,
                            const Value *args, Value *out)
{
    Value x = args[0];
    if (x.kind != VK_OBJECT || !native_type(x)->methods)
        return false;
    const BuiltinDef *m = ns_lookup(native_type(x)->methods, method);
    if (!m)
        return false;
    int n = builtin_nparams(root_def);
    KwArg kw[32];
    char names[32][32];
    int nkw = 0;
    /* Slot layout of args_parse: bare "*" takes no slot. */
    for (int i = 1, slot = 1; nkw < 32; i++) {
        char name[32];
        if (!param_name(root_def->params, i, name, sizeof name))
            break;
        if (!strcmp(name, "*") || !strcmp(name, "/"))
            continue;
        if (slot >= n)
            break;
        if (name[0] != '*' && args[slot].kind != VK_UNSET) {
            memcpy(names[nkw], name, sizeof name);
            kw[nkw].name = names[nkw];
            kw[nkw].value = args[slot];
            nkw++;
        }
        slot++;
    }
    Value f = v_builtin(m, x);
    if (v_is_err(f)) {
        *out = f;
        return true;
    }
    *out = call_value(f, NULL, 0, kw, nkw);
    v_decref(f);
    return true;
}
