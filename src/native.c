/* native.c — making and freeing the two heap kinds that wrap C: instances
 * of native kinds (dtypes, errors, ufuncs, Generators ... one NativeType
 * descriptor each, interp.h) and builtin function values, bound to a
 * receiver when they are methods (`L.append`, `a.reshape`).
 */
#include <stdlib.h>

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
