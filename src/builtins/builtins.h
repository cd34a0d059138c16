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
/* Every table of ndarray methods (array.c's and those of later rooms),
 * NULL-terminated, and a lookup across them.  (registry.c) */
extern const Namespace *const array_method_namespaces[];
const BuiltinDef *array_method_lookup(const char *name);
extern const Namespace ns_str_methods; /* str methods (value room) */
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
/* The names array_getattr answers (NULL-terminated). */
extern const char *const array_attribute_names[];
int array_setattr(Value a, const char *name, Value v);

/* help(): the text for a value or a name, to stdout. */
int help_show(Value v);

/* format(v, spec) and f-string fields: Python's format mini-language for
 * str, int, float, complex and bool values; on an array the spec applies
 * to each element, printed in the array's layout.  (format_spec.c) */
Value format_with_spec(Value v, const char *spec, size_t len);

/* ------------------------------------------- builtins room (H5) additions */

/* The tables each file of builtins/ exports (root_namespaces lists them). */
extern const Namespace ns_index, ns_index_methods;       /* indexing.c */
extern const Namespace ns_reduce, ns_reduce_methods;     /* reduce.c */
extern const Namespace ns_manip, ns_manip_methods;       /* manip.c */
extern const Namespace ns_ufuncs_methods;                /* ufuncs.c */
extern const Namespace ns_linalg;                        /* linalg.c (module) */
extern const Namespace ns_products, ns_products_methods; /* products.c */
extern const Namespace ns_fft;                           /* fft.c (module) */
extern const Namespace ns_random;                        /* random.c (module) */
extern const Namespace ns_io;     /* io.c: save, load, savez, ... */
extern const Namespace ns_textio; /* textio.c: loadtxt, savetxt, genfromtxt */
extern const Namespace ns_poly;   /* poly.c: polyval, ..., poly1d */
extern const Namespace ns_ma;     /* ma.c (module) */
extern const Namespace ns_sort, ns_sort_methods;       /* sort.c */
extern const Namespace ns_numeric, ns_numeric_methods; /* numeric.c */
extern const Namespace ns_session, ns_session_methods; /* session.c */
extern const Namespace ns_core;     /* core.c: print, len, range, ... */
extern const Namespace ns_create;   /* create.c: array, zeros, arange, ... */
extern const Namespace ns_ufuncs;   /* ufuncs.c: add, multiply, ... */
extern const Namespace ns_dtype;    /* dtype.c: float32, int64, dtype() ... */
extern const NativeType type_type;  /* core.c: what type(x) returns */
extern const NativeType flags_type; /* array.c: a.flags */

/* exit(n): sets interp_exit_requested/interp_exit_status and raises a
 * KeyboardInterrupt-kind error (ERR_INTERRUPT) with this message, so that
 * `catch` never catches it.  The evaluator and the reporter recognise it by
 * interp_exit_requested being set: catch must let it pass, and rt_report /
 * the command line must print nothing for it and exit with
 * interp_exit_status. */
#define EXIT_MESSAGE "exit() called"

/* Helpers shared by the files of builtins/ (registry.c). */
/* A libnd result as a Value: NULL -> the pending libnd error; a 0-d array
 * -> a strong scalar (results of ufuncs, reductions); else the array. */
Value bi_result(NdArray *a);
/* A libnd result kept as an array even when 0-d (views, copies):
 * NULL -> the pending libnd error. */
/* x and y as arrays, then f(x, y) through bi_result (matmul, dot, solve). */
/* An optional bool argument: dflt when not given, else its truth (an
 * error for arrays of more than one element, as Python's bool()). */
int bi_get_bool(Value v, bool dflt, bool *out);
Value bi_binary_arrays(Value x, Value y, NdArray *(*f)(NdArray *, NdArray *));
Value bi_result_array(NdArray *a);
/* A Python (weak) scalar for a number of any dtype: ints -> int64 (uint64
 * above INT64_MAX stays weak uint64), floats -> float64, complex ->
 * complex128, bool -> bool.  Used by item(), tolist(), int(). */
Value bi_weak_scalar(const NdScalar *s);
/* The Python type name of a value for messages: "int", "float", "str",
 * "numpy.float32", "numpy.ndarray", ... */
const char *bi_type_name(Value v);
/* A str argument (borrowed char *), or -1 with TypeError
 * "<func>() argument '<what>' must be str, not int". */
int bi_get_str(Value v, const char *func, const char *what, const char **out);
/* An int argument (scalars of integer kind or bool; NumPy ints too), or -1
 * with TypeError "'float' object cannot be interpreted as an integer". */
int bi_get_int(Value v, int64_t *out);
/* An order argument: one of the characters of `allowed` (or dflt when v is
 * unset/None); ValueError otherwise. */
int bi_get_order(Value v, const char *allowed, char dflt, char *out);
/* A ufunc object's NumPy name ("add"), or NULL when v is not a ufunc. */
const char *ufunc_name(Value v);
/* The NdType of a dtype object, or -1 when v is not one. */
int dtype_of_value(Value v);
/* A type object (what type(x) returns) named `name`, a new reference. */
Value type_value(const char *name);
/* Locale-independent number text: Python's float() syntax ("1e3", " nan",
 * "-inf", "1_000.5"); -1 (no error set) when the text is not a number. */
int bi_parse_double(const char *s, double *out);
/* Python's int() text: [sign] digits with single underscores between
 * them, in `base` 2..36 (0: from the 0x/0o/0b prefix, as Python).  -1 (no
 * error set) when invalid; *overflow is set when it does not fit int64. */
int bi_parse_int(const char *s, int base, int64_t *out, bool *overflow);
/* Python's str(float) / repr: shortest round-trip ("0.1", "1e+16"); a
 * malloc'd string (NULL on MemoryError). */
char *bi_float_repr(double x);

/* reduce.c's argument readers, shared with ma.c's reductions.  A flag:
 * unset -> false, else its truth value (-1 with the error pending).  A
 * dtype: unset/None -> ND_NTYPES (none given), else value_to_dtype. */
int bi_get_dtype(Value v, NdType *out);

/* ------------------------------------------ indexing room (I4) additions */

/* a.flat: NumPy's flatiter over an array (indexing.c). */
extern const NativeType flatiter_type;
Value flatiter_new(NdArray *a); /* borrows a */
/* For iteration and len(): 1 with *out a new reference to the flatiter's
 * elements as a 1-d array (C order), 0 when v is not a flatiter, -1 on
 * error (pending). */
int flatiter_array(Value v, NdArray **out);

/* ------------------------------------------------ npy room (I11A) additions */

/* What load returns for a .npz archive (io.c). */
extern const NativeType npzfile_type;
/* Its names as a new list (iteration), and whether x is one of them
 * (`in`): 1, 0, or -1 with the exception pending. */
Value npzfile_names(Value npz);
int npzfile_contains(Value npz, Value x);

/* -------------------------------------------- random room (R10) additions */

/* random.c: the native kinds of the `random` module. */
extern const NativeType generator_type, pcg64_type, seedseq_type;

/* ------------------------------------------ masked arrays (P12B) */

/* ma.c: MaskedArray instances and the ma.masked singleton. */
extern const NativeType ma_type, ma_const_type;

/* ------------------------------------------- polynomials (P12A) */

/* poly.c: NumPy's poly1d. */
extern const NativeType poly1d_type;

#endif
