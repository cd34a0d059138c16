/* nd.h — the public C API of libnd, the ndarray runtime.
 *
 * libnd knows nothing of the nd language: it offers N-d arrays with dtypes,
 * views, broadcasting, type promotion (NumPy 2 / NEP 50), elementwise
 * operations and printing.  Everything a language binding may touch is
 * declared here; the rest of lib/ is private.
 *
 * OWNERSHIP RULE (the one rule every function keeps):
 *   - A function returning NdArray * returns a NEW reference: the caller owns
 *     it and must release it with nd_decref().  On failure it returns NULL with
 *     the error record set (see "Errors").
 *   - Every NdArray * argument is BORROWED: the callee never releases it, and
 *     takes a reference of its own if it keeps the array (a view keeps its
 *     base buffer alive through NdBuffer's refcount).
 *   - No function steals a reference.
 *   - Strings returned as char * are malloc'd; the caller free()s them.
 *
 * ERRORS: functions return NULL or -1 and set one thread-local error record
 * (kind + message).  lib/ never prints, never exits, never aborts on bad
 * input; out of memory is ND_ERR_MEMORY.
 */
#ifndef ND_H
#define ND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ND_MAXDIMS 32

/* ------------------------------------------------------------------ errors */

typedef enum NdErrorKind {
    ND_OK = 0,
    ND_ERR_VALUE,          /* ValueError */
    ND_ERR_TYPE,           /* TypeError */
    ND_ERR_INDEX,          /* IndexError */
    ND_ERR_AXIS,           /* AxisError (NumPy: a ValueError and IndexError) */
    ND_ERR_KEY,            /* KeyError */
    ND_ERR_MEMORY,         /* MemoryError */
    ND_ERR_OVERFLOW,       /* OverflowError */
    ND_ERR_ZERO_DIVISION,  /* ZeroDivisionError */
    ND_ERR_FLOATING_POINT, /* FloatingPointError */
    ND_ERR_LINALG,         /* LinAlgError */
    ND_ERR_IO,             /* IOError */
    ND_ERR_RUNTIME,        /* RuntimeError */
    ND_ERR_INTERRUPT,      /* KeyboardInterrupt */
    ND_ERR_ATTRIBUTE, /* AttributeError (a.shape = ... that needs a copy) */
    ND_ERR_COUNT
} NdErrorKind;

/* Set the error record; always returns -1 so callers can `return
 * nd_error(...)`. */
int nd_error(NdErrorKind kind, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Set MemoryError ("out of memory") and return NULL. */
void *nd_error_nomem(void);
NdErrorKind nd_error_kind(void);    /* ND_OK when no error is set */
const char *nd_error_message(void); /* "" when no error is set */
void nd_error_clear(void);
const char *nd_error_kind_name(NdErrorKind kind); /* "ValueError", ... */

/* Set (only) from a SIGINT handler to stop a long computation: the
 * iterator and long kernels poll it and fail with KeyboardInterrupt; the
 * language clears it when it has handled the interruption. */
extern volatile int nd_interrupt_requested;

/* Checked allocation: on failure sets MemoryError and returns NULL. */
void *nd_malloc(size_t n);
void *nd_calloc(size_t n, size_t size);
void *nd_realloc(void *p, size_t n);

/* Overflow-checked products; return -1 (no error set) on overflow. */
int nd_mul_overflow(int64_t a, int64_t b, int64_t *out);

/* ------------------------------------------------ floating-point status */

/* Kernels record floating-point events here; the language turns them into
 * RuntimeWarnings or FloatingPointErrors (seterr).  Each flag remembers the
 * name of the first ufunc that raised it ("divide", "cast", ...). */
enum {
    ND_FPE_DIVIDEBYZERO = 1,
    ND_FPE_OVERFLOW = 2,
    ND_FPE_UNDERFLOW = 4,
    ND_FPE_INVALID = 8,
};
unsigned nd_fpe_status(void);
const char *nd_fpe_origin(unsigned flag); /* name recorded for one flag */
void nd_fpe_raise(unsigned flags, const char *origin);
void nd_fpe_clear(void);
/* Clear the hardware exception flags before a float kernel, and move any that
 * were raised into the status word after it (NumPy's approach). */
void nd_fpe_hw_clear(void);
void nd_fpe_hw_collect(const char *origin);

/* Other RuntimeWarnings NumPy gives from inside a computation ("Mean of
 * empty slice", "Degrees of freedom <= 0 for slice").  Recorded (each
 * distinct text once, up to a few) for the language to print after the
 * statement; seterr does not govern them, as in NumPy. */
void nd_warn(const char *message);
/* The recorded warnings in order, oldest first; NULL past the last. */
const char *nd_warning(int i);
void nd_warnings_clear(void);

/* ------------------------------------------------------------------ dtypes */

typedef enum NdType {
    ND_BOOL,
    ND_INT8,
    ND_INT16,
    ND_INT32,
    ND_INT64,
    ND_UINT8,
    ND_UINT16,
    ND_UINT32,
    ND_UINT64,
    ND_FLOAT32,
    ND_FLOAT64,
    ND_COMPLEX64,
    ND_COMPLEX128,
    ND_NTYPES
} NdType;

typedef enum NdKind {
    ND_KIND_BOOL = 'b',
    ND_KIND_INT = 'i',
    ND_KIND_UINT = 'u',
    ND_KIND_FLOAT = 'f',
    ND_KIND_COMPLEX = 'c',
} NdKind;

typedef struct nd_complex64 {
    float re, im;
} nd_complex64;
typedef struct nd_complex128 {
    double re, im;
} nd_complex128;

const char *nd_dtype_name(NdType t); /* "float64" */
size_t nd_dtype_size(NdType t);      /* itemsize in bytes */
NdKind nd_dtype_kind(NdType t);
/* Parse a dtype name: "float64", "f8", "int", "float", "complex", "bool",
 * "i4", "uint8", "double", ...  On failure: TypeError
 * "data type 'xyz' not understood", returns -1. */
int nd_dtype_from_name(const char *name, NdType *out);

typedef enum NdCasting {
    ND_CAST_NO,
    ND_CAST_EQUIV,
    ND_CAST_SAFE,
    ND_CAST_SAME_KIND,
    ND_CAST_UNSAFE,
} NdCasting;
const char *nd_casting_name(NdCasting c); /* "same_kind" */

/* NumPy's promote_types (symmetric, never fails: every pair of our dtypes
 * has a common type). */
NdType nd_promote_types(NdType a, NdType b);
bool nd_can_cast(NdType from, NdType to, NdCasting casting);

/* ----------------------------------------------------------------- scalars */

/* A single number with a dtype.  `weak` marks a Python-like scalar (a literal,
 * `len(x)`, ...; NEP 50): its dtype is then int64, uint64 (an int literal
 * above INT64_MAX), float64 or complex128 and says only its kind — it adapts
 * to the other operand's dtype. */
typedef struct NdScalar {
    NdType dtype;
    bool weak;
    union {
        bool b;
        int8_t i8;
        int16_t i16;
        int32_t i32;
        int64_t i64;
        uint8_t u8;
        uint16_t u16;
        uint32_t u32;
        uint64_t u64;
        float f32;
        double f64;
        nd_complex64 c64;
        nd_complex128 c128;
        unsigned char bytes[16];
    } v;
} NdScalar;

NdScalar nd_scalar_bool(bool v);
NdScalar nd_scalar_int64(int64_t v);
NdScalar nd_scalar_float64(double v);
NdScalar nd_scalar_complex128(double re, double im);
/* Convert with NumPy's unsafe casting (float -> int truncates). */
int nd_scalar_cast(const NdScalar *in, NdType to, NdScalar *out);
/* Convert a weak scalar to a concrete dtype as NEP 50 does:
 * OverflowError "Python integer 1000 out of bounds for int8" when a weak int
 * does not fit an integer dtype. */
int nd_scalar_cast_weak(const NdScalar *in, NdType to, NdScalar *out);

/* NEP 50 result type of n operands; weak[i] marks Python scalars.  Two or
 * more weak operands alone give the default type of the highest kind
 * (int64, float64, complex128).  Never fails for our dtypes. */
NdType nd_result_type(int n, const NdType *types, const bool *weak);

/* ------------------------------------------------------------------ arrays */

/* The memory an array's elements live in, shared by all views of it. */
typedef struct NdBuffer {
    int64_t refcount;
    char *data;
    size_t nbytes;
    /* Frees `data` (and `ctx`); NULL means free(data).  mmap'd files and
     * foreign memory bring their own. */
    void (*release)(struct NdBuffer *buf);
    void *ctx;
    bool writeable; /* false for read-only mappings */
    /* The array that allocated this memory (ND_OWNDATA), not counted: set
     * by the allocation, cleared when that array is freed.  Views made
     * while it lives take it as their base.  NULL for foreign memory. */
    struct NdArray *owner;
} NdBuffer;

enum {
    ND_C_CONTIGUOUS = 1 << 0,
    ND_F_CONTIGUOUS = 1 << 1,
    ND_WRITEABLE = 1 << 2,
    ND_OWNDATA = 1 << 3, /* this array allocated its buffer (not a view) */
    ND_WEAK = 1 << 4,    /* a 0-d array standing for a weak (Python) scalar */
};

typedef struct NdArray {
    int64_t refcount;
    NdType dtype;
    int ndim;               /* 0 .. ND_MAXDIMS */
    unsigned flags;         /* ND_C_CONTIGUOUS | ... */
    int64_t size;           /* product of shape */
    int64_t *shape;         /* ndim entries, stored right after the struct */
    int64_t *strides;       /* ndim entries, in bytes, may be negative or 0 */
    char *data;             /* address of the first element */
    NdBuffer *buffer;       /* owner of the memory; one reference held */
    int geometry_room;      /* how many axes shape/strides have room for */
    int64_t *geometry_heap; /* their storage once nd_set_shape outgrew the
                               room after the header (else NULL) */
    /* A view's base as NumPy has it: the array owning the memory (chains
     * collapse to it), one reference held so `b.base is a` stays true and
     * the owner lives as long as its views.  NULL for an owner, and for
     * views of foreign memory (mmap). */
    struct NdArray *base;
} NdArray;

NdArray *nd_incref(NdArray *a); /* returns a */
void nd_decref(NdArray *a);     /* NULL is fine */

/* Recompute ND_C_CONTIGUOUS / ND_F_CONTIGUOUS from shape and strides. */
void nd_update_flags(NdArray *a);
/* Total element count of a shape, or -1 with ValueError
 * "array is too big; ..." when it (or its byte size) overflows. */
int64_t nd_shape_size(int ndim, const int64_t *shape, NdType dtype);
/* Write a shape as Python prints a tuple: "()", "(3,)", "(2, 3)".  Returns
 * the length it needed (as snprintf), truncating to fit n bytes. */
int nd_shape_str(char *buf, size_t n, int ndim, const int64_t *shape);
/* NumPy's compact spelling in its C-level messages: "()", "(3,)", "(2,3)";
 * a negative entry (reshape's unknown dimension) reads "newaxis". */
int nd_shape_str_compact(char *buf, size_t n, int ndim, const int64_t *shape);
/* Validate a shape: negative dimensions are ValueError
 * "negative dimensions are not allowed". */
int nd_check_shape(int ndim, const int64_t *shape);

/* A view of `buffer` (one reference is taken) with the given geometry. */
NdArray *nd_view_new(NdBuffer *buffer, NdType dtype, int ndim,
                     const int64_t *shape, const int64_t *strides, char *data,
                     bool writeable);
/* A view of `a` with the same geometry (`a.view()`). */
NdArray *nd_view(NdArray *a);

/* Wrap foreign memory: the array owns `data` and calls release(buffer) when
 * the last view dies (mmap, .npy loaders). */
NdBuffer *nd_buffer_new(char *data, size_t nbytes, void (*release)(NdBuffer *),
                        void *ctx);
void nd_buffer_decref(NdBuffer *b);

/* Pointer to an element (no bounds check). */
char *nd_element_ptr(const NdArray *a, const int64_t *index);
/* Read/write one element through an NdScalar (write casts unsafely). */
int nd_get_item(const NdArray *a, const int64_t *index, NdScalar *out);
int nd_set_item(NdArray *a, const int64_t *index, const NdScalar *v);
/* The single element of a size-1 array (NumPy's a.item()). */
int nd_item(const NdArray *a, NdScalar *out);
/* A 0-d array holding s (flag ND_WEAK when s->weak). */
NdArray *nd_from_scalar(const NdScalar *s);

/* --------------------------------------------------------------- creation */

/* order: 'C' or 'F'. */
NdArray *nd_empty(NdType dtype, int ndim, const int64_t *shape, char order);
NdArray *nd_zeros(NdType dtype, int ndim, const int64_t *shape, char order);
NdArray *nd_ones(NdType dtype, int ndim, const int64_t *shape, char order);
NdArray *nd_full(NdType dtype, int ndim, const int64_t *shape,
                 const NdScalar *fill, char order);
/* A new array with `a`'s shape (and layout for order 'K'). */
NdArray *nd_empty_like(const NdArray *a, NdType dtype, char order);
/* A C-order array of the given shape holding a copy of `count` elements of
 * `dtype` read from `values` (count must equal the shape's size). */
NdArray *nd_from_data(NdType dtype, int ndim, const int64_t *shape,
                      const void *values, int64_t count);
/* arange(start, stop, step): NumPy's length ceil((stop-start)/step).  dtype
 * ND_NTYPES infers it from the arguments (int64 when all are ints, else
 * float64).  step 0 is ZeroDivisionError "division by zero". */
NdArray *nd_arange(const NdScalar *start, const NdScalar *stop,
                   const NdScalar *step, NdType dtype);
/* linspace as NumPy 2 (integer dtypes take the floor); *step_out (may be
 * NULL) receives the spacing (nan when num < 2 and endpoint). */
NdArray *nd_linspace(double start, double stop, int64_t num, bool endpoint,
                     NdType dtype, double *step_out);
/* eye(n, m, k): m < 0 means m = n. */
NdArray *nd_eye(int64_t n, int64_t m, int64_t k, NdType dtype);
/* copy(a, order): order 'C', 'F', 'A' (F if a is F-contiguous and not C)
 * or 'K' (keep a's layout as far as possible). */
NdArray *nd_copy(const NdArray *a, char order);

/* ------------------------------------------------------------------- views */

/* Normalise a possibly negative axis; AxisError
 * "axis 3 is out of bounds for array of dimension 2". */
int nd_normalize_axis(int64_t axis, int ndim, int *out);

/* reshape: one entry may be -1 (inferred).  A view when the strides allow,
 * else a copy; order 'C' or 'F'.  ValueError
 * "cannot reshape array of size 6 into shape (4,)". */
NdArray *nd_reshape(NdArray *a, int ndim, const int64_t *shape, char order);
/* a.shape = shape: reshape `a` itself (every holder of it sees the new
 * geometry), never copying.  ValueError "cannot reshape array of size 6
 * into shape (4,)"; AttributeError "Incompatible shape for in-place
 * modification. Use `.reshape()` to make a copy with the desired shape."
 * when only a copy could have that shape. */
int nd_set_shape(NdArray *a, int ndim, const int64_t *shape);
/* Like nd_reshape but never copies: ValueError
 * "cannot reshape array without copying" when no view exists (returns NULL). */
NdArray *nd_reshape_view(NdArray *a, int ndim, const int64_t *shape,
                         char order);
/* transpose(a, axes): axes NULL reverses. ValueError "axes don't match
 * array" / "repeated axis in transpose". */
NdArray *nd_transpose(NdArray *a, const int64_t *axes, int naxes);
NdArray *nd_swapaxes(NdArray *a, int64_t axis1, int64_t axis2);
/* expand_dims with one or more axes (positions in the result). */
NdArray *nd_expand_dims(NdArray *a, const int64_t *axes, int naxes);
/* squeeze: axes NULL removes every length-1 axis; ValueError "cannot select
 * an axis to squeeze out which has size not equal to one". */
NdArray *nd_squeeze(NdArray *a, const int64_t *axes, int naxes);
/* A read-only view with the given shape (NumPy's broadcast_to). */
NdArray *nd_broadcast_to(NdArray *a, int ndim, const int64_t *shape);
/* Return `a` itself (new reference) when already contiguous in that order,
 * else a copy. */
NdArray *nd_ascontiguousarray(NdArray *a);
NdArray *nd_asfortranarray(NdArray *a);
NdArray *nd_ravel(NdArray *a, char order);

/* ------------------------------------------------------------ broadcasting */

/* Broadcast the shapes of n arrays.  ValueError "operands could not be
 * broadcast together with shapes (3,) (4,) ". */
int nd_broadcast_shapes(int n, NdArray *const *arrays, int *ndim_out,
                        int64_t *shape_out);

/* ----------------------------------------------------------------- casting */

/* astype with a casting rule: TypeError "Cannot cast array data from
 * dtype('float64') to dtype('int64') according to the rule 'safe'".
 * copy=false returns `a` itself when no conversion is needed. */
NdArray *nd_astype(NdArray *a, NdType dtype, NdCasting casting, bool copy);
/* Copy src into dst, broadcasting src to dst's shape and casting with the
 * rule (NumPy's copyto).  ValueError when dst is read-only:
 * "assignment destination is read-only". */
int nd_copyto(NdArray *dst, NdArray *src, NdCasting casting);
/* Fill every element of dst with v (unsafe cast). */
int nd_fill(NdArray *dst, const NdScalar *v);

/* ----------------------------------------------------------------- ufuncs */

typedef enum NdUfuncId {
    /* binary */
    ND_UF_ADD,
    ND_UF_SUBTRACT,
    ND_UF_MULTIPLY,
    ND_UF_TRUE_DIVIDE,
    ND_UF_FLOOR_DIVIDE,
    ND_UF_REMAINDER,
    ND_UF_POWER,
    ND_UF_EQUAL,
    ND_UF_NOT_EQUAL,
    ND_UF_LESS,
    ND_UF_LESS_EQUAL,
    ND_UF_GREATER,
    ND_UF_GREATER_EQUAL,
    ND_UF_LOGICAL_AND,
    ND_UF_LOGICAL_OR,
    ND_UF_LOGICAL_XOR,
    ND_UF_BITWISE_AND,
    ND_UF_BITWISE_OR,
    ND_UF_BITWISE_XOR,
    ND_UF_LEFT_SHIFT,
    ND_UF_RIGHT_SHIFT,
    /* unary */
    ND_UF_NEGATIVE,
    ND_UF_POSITIVE,
    ND_UF_ABSOLUTE,
    ND_UF_LOGICAL_NOT,
    ND_UF_INVERT,
    /* the math ufuncs (loops in lib/math.c); unary ... */
    ND_UF_SQRT,
    ND_UF_CBRT,
    ND_UF_SQUARE,
    ND_UF_EXP,
    ND_UF_EXP2,
    ND_UF_EXPM1,
    ND_UF_LOG,
    ND_UF_LOG2,
    ND_UF_LOG10,
    ND_UF_LOG1P,
    ND_UF_SIN,
    ND_UF_COS,
    ND_UF_TAN,
    ND_UF_ARCSIN,
    ND_UF_ARCCOS,
    ND_UF_ARCTAN,
    ND_UF_SINH,
    ND_UF_COSH,
    ND_UF_TANH,
    ND_UF_ARCSINH,
    ND_UF_ARCCOSH,
    ND_UF_ARCTANH,
    ND_UF_DEG2RAD,
    ND_UF_RAD2DEG,
    ND_UF_DEGREES, /* NumPy keeps these as ufuncs of their own */
    ND_UF_RADIANS,
    ND_UF_FLOOR,
    ND_UF_CEIL,
    ND_UF_TRUNC,
    ND_UF_RINT,
    ND_UF_SIGN,
    ND_UF_SIGNBIT,
    ND_UF_SPACING,
    ND_UF_FABS,
    ND_UF_ISNAN,
    ND_UF_ISINF,
    ND_UF_ISFINITE,
    ND_UF_CONJUGATE,
    ND_UF_RECIPROCAL,
    ND_UF_MODF,  /* one input, two outputs */
    ND_UF_FREXP, /* one input, two outputs */
    /* ... binary ... */
    ND_UF_LOGADDEXP,
    ND_UF_LOGADDEXP2,
    ND_UF_ARCTAN2,
    ND_UF_HYPOT,
    ND_UF_COPYSIGN,
    ND_UF_NEXTAFTER,
    ND_UF_MAXIMUM,
    ND_UF_MINIMUM,
    ND_UF_FMAX,
    ND_UF_FMIN,
    ND_UF_GCD,
    ND_UF_LCM,
    ND_UF_HEAVISIDE,
    ND_UF_LDEXP,
    ND_UF_FLOAT_POWER,
    ND_UF_FMOD,
    ND_UF_DIVMOD, /* two inputs, two outputs */
    /* ... and NumPy's internal three-input clip (np.clip's engine). */
    ND_UF_CLIP,
    ND_UF_COUNT
} NdUfuncId;

const char *nd_ufunc_name(NdUfuncId op); /* NumPy's: "divide", "absolute" */
int nd_ufunc_nin(NdUfuncId op);          /* 1, 2 or 3 (clip) */
int nd_ufunc_nout(NdUfuncId op);         /* 1 or 2 (modf, frexp, divmod) */
/* NumPy's ufunc.types: the number of typed loops, and the dtypes of loop i
 * (nin inputs, then nout outputs) written to types; -1 past the end. */
int nd_ufunc_ntypes(NdUfuncId op);
int nd_ufunc_loop_types(NdUfuncId op, int i, NdType *types);
/* Look a ufunc up by NumPy name (aliases "true_divide", "abs", "mod",
 * "bitwise_not" accepted); -1 when unknown (no error set). */
int nd_ufunc_lookup(const char *name, NdUfuncId *out);

/* Apply a ufunc.  Inputs broadcast; types resolve per NumPy 2 (0-d arrays
 * flagged ND_WEAK are Python scalars, NEP 50).  `out` NULL allocates the
 * result (layout following the inputs, NumPy's order 'K'); otherwise the
 * result is written into `out` (cast with `casting`, normally
 * ND_CAST_SAME_KIND) and a new reference to `out` is returned.  Floating
 * point events go to the fpe status word. */
NdArray *nd_ufunc(NdUfuncId op, NdArray *const *inputs, NdArray *out,
                  NdCasting casting);
NdArray *nd_binary(NdUfuncId op, NdArray *a, NdArray *b);
NdArray *nd_unary(NdUfuncId op, NdArray *a);
/* The general call, for every ufunc (nout 2 included).  outs: NULL, or
 * nout entries each NULL (allocate) or an array to write into.  dtype:
 * ND_NTYPES, or NumPy's dtype= (the loop whose output has that dtype).
 * On success results[0 .. nout) receive new references (to the given out
 * arrays when there were some) and 0 is returned; else -1. */
int nd_ufunc_call(NdUfuncId op, NdArray *const *inputs, NdArray *const *outs,
                  NdType dtype, NdCasting casting, NdArray **results);

/* ufunc methods (lib/ufunc_methods.c) of binary ufuncs with one output;
 * other ufuncs give NumPy's ValueError ("reduce only supported for binary
 * functions").  dtype ND_NTYPES means NumPy's default (add and multiply
 * take bool and integers narrower than 64 bits to int64/uint64); `out`
 * may be NULL.  Errors are NumPy's (AxisError, "zero-size array to
 * reduction operation maximum which has no identity", "reduction operation
 * 'subtract' is not reorderable, so at most one axis may be specified"). */
/* The identity of a binary ufunc (0 for add, 1 for multiply, True for
 * logical_and, -1 for bitwise_and, -inf for logaddexp); false when it has
 * none (maximum, subtract). */
bool nd_ufunc_identity(NdUfuncId op, NdScalar *out);
/* reduce over `naxes` axes (naxes < 0: every axis, NumPy's axis=None);
 * initial may be NULL (then the identity, needed only for empty input). */
NdArray *nd_ufunc_reduce(NdUfuncId op, NdArray *a, const int64_t *axes,
                         int naxes, NdType dtype, NdArray *out, bool keepdims,
                         const NdScalar *initial);
NdArray *nd_ufunc_accumulate(NdUfuncId op, NdArray *a, int64_t axis,
                             NdType dtype, NdArray *out);
/* outer(a, b): op(a[i..., None...], b[None..., j...]); nout results. */
int nd_ufunc_outer(NdUfuncId op, NdArray *a, NdArray *b, NdArray **results);
/* at(a, indices, b): unbuffered in place, a[idx] = op(a[idx], b) for each
 * index in turn, so repeated indices accumulate.  indices: nidx integer
 * arrays (broadcast together) indexing a's first nidx axes; b NULL for
 * unary ufuncs. */
int nd_ufunc_at(NdUfuncId op, NdArray *a, int nidx, NdArray *const *indices,
                NdArray *b);
/* reduceat(a, indices, axis): reduce over a[indices[i]:indices[i+1]] along
 * axis (a[indices[i]] alone where indices[i] >= indices[i+1]). */
NdArray *nd_ufunc_reduceat(NdUfuncId op, NdArray *a, NdArray *indices,
                           int64_t axis, NdType dtype, NdArray *out);

/* NumPy's functions built on the math ufuncs (lib/math.c). */
/* round/around: multiply by 10**decimals, rint, divide, in a's precision
 * (integers unchanged for decimals >= 0; complex parts rounded apart). */
NdArray *nd_around(NdArray *a, int64_t decimals);
/* clip(a, a_min, a_max): either bound may be NULL, not both (ValueError
 * "One of max or min must be given"). */
NdArray *nd_clip(NdArray *a, NdArray *a_min, NdArray *a_max);
/* nan_to_num: NaN -> nan, +inf -> posinf, -inf -> neginf (NULL: 0.0, the
 * dtype's largest and most negative finite values); other dtypes copied. */
NdArray *nd_nan_to_num(NdArray *a, const double *nan, const double *posinf,
                       const double *neginf);
/* np.real / np.imag: views of a complex array's parts; a itself (real) or
 * a read-only array of zeros (imag) for a real array. */
NdArray *nd_real(NdArray *a);
NdArray *nd_imag(NdArray *a);
/* angle(z, deg): arctan2(imag, real), in degrees when deg. */
NdArray *nd_angle(NdArray *a, bool deg);
/* isposinf / isneginf (TypeError for complex, as NumPy). */
NdArray *nd_isposinf(NdArray *a);
NdArray *nd_isneginf(NdArray *a);
/* fix: round toward zero (float results, as NumPy's ceil/floor). */
NdArray *nd_fix(NdArray *a);
/* sinc(x) = sin(pi x) / (pi x), 1 at 0. */
NdArray *nd_sinc(NdArray *a);
/* i0: the modified Bessel function of the first kind, order 0 (float64;
 * TypeError for complex). */
NdArray *nd_i0(NdArray *a);

/* matmul with NumPy's rules (1-d operands promoted and the added axis
 * removed, stacks broadcast).  ValueError "matmul: Input operand 1 has a
 * mismatch in its core dimension 0, with gufunc signature
 * (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)". */
NdArray *nd_matmul(NdArray *a, NdArray *b);

/* --------------------------------------------------------------- printing */

typedef struct NdPrintOptions {
    int precision;     /* 8 */
    int64_t threshold; /* 1000 */
    int edgeitems;     /* 3 */
    int linewidth;     /* 75 */
    bool suppress;     /* false */
} NdPrintOptions;

void nd_get_printoptions(NdPrintOptions *out);
/* ValueError on a negative precision/threshold/edgeitems or linewidth < 1. */
int nd_set_printoptions(const NdPrintOptions *opts);

/* NumPy's str(a): "[[1 2 3]\n [4 5 6]]". */
char *nd_array_str(const NdArray *a);
/* NumPy's repr(a): "array([1, 2], dtype=int8)", with shape= when summarised. */
char *nd_array_repr(const NdArray *a);
/* A scalar in its str form (shortest round-trip: 0.1, 1.0, 1e+16, (5+5j),
 * True). */
char *nd_scalar_str(const NdScalar *s);

/* ---------------------------------------------------------------- version */

const char *nd_version(void);

/* The rooms of the library beyond the core, each with its own header. */
#include "nd_fft.h"
#include "nd_file.h"
#include "nd_index.h"
#include "nd_io.h"
#include "nd_linalg.h"
#include "nd_manip.h"
#include "nd_numeric.h"
#include "nd_products.h"
#include "nd_random.h"
#include "nd_reduce.h"
#include "nd_sort.h"
#include "nd_textio.h"

#endif /* ND_H */
