/* interp.h — what the rooms of the language share: raising and reporting
 * errors, the builtin tables and their argument parser, native object
 * kinds, functions and modules, and the entry points that run a program.
 *
 * Errors: a function that fails sets the one pending exception (rt_raise
 * and friends) and returns the error sentinel (a Value of kind VK_ERROR),
 * NULL or -1.  The evaluator attaches the source place of the innermost
 * node that failed and, while unwinding, one traceback line per frame.
 */
#ifndef ND_INTERP_H
#define ND_INTERP_H

#include <stdarg.h>
#include <stdbool.h>

#include "ast.h"
#include "value.h"

/* ---------------------------------------------------------------- errors */

/* The error kinds of LANGUAGE.md §6.  The first ones equal libnd's
 * NdErrorKind so a lib error converts by value. */
typedef enum ErrKind {
    ERR_VALUE = ND_ERR_VALUE,
    ERR_TYPE = ND_ERR_TYPE,
    ERR_INDEX = ND_ERR_INDEX,
    ERR_AXIS = ND_ERR_AXIS,
    ERR_KEY = ND_ERR_KEY,
    ERR_MEMORY = ND_ERR_MEMORY,
    ERR_OVERFLOW = ND_ERR_OVERFLOW,
    ERR_ZERO_DIVISION = ND_ERR_ZERO_DIVISION,
    ERR_FLOATING_POINT = ND_ERR_FLOATING_POINT,
    ERR_LINALG = ND_ERR_LINALG,
    ERR_IO = ND_ERR_IO,
    ERR_RUNTIME = ND_ERR_RUNTIME,
    ERR_INTERRUPT = ND_ERR_INTERRUPT,
    ERR_ATTRIBUTE = ND_ERR_ATTRIBUTE,
    ERR_NAME = ND_ERR_COUNT,
    ERR_UNBOUND_LOCAL,
    ERR_SYNTAX,
    ERR_IMPORT,
    ERR_ASSERTION,
    ERR_RECURSION,
    ERR_KIND_COUNT
} ErrKind;

const char *err_kind_name(ErrKind kind); /* "ValueError" */

/* Set the pending exception and return the error sentinel. */
Value rt_raise(ErrKind kind, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
Value rt_raisev(ErrKind kind, const char *fmt, va_list ap);
/* Raise with a kind given by name (error("msg", "MyError")). */
Value rt_raise_named(const char *kind, const char *message);
/* Move libnd's error record into the pending exception. */
Value rt_from_lib(void);
/* Integer-returning shorthands: set the exception, return -1. */
int rt_fail(ErrKind kind, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int rt_fail_from_lib(void);
/* A malloc'd copy of s (NULL when out of memory): the one strdup of the
 * language (C11 has none), shared by errors.c and the builtins. */
char *rt_strdup(const char *s);

bool rt_pending(void);
/* The pending exception as an error object (new reference), cleared from
 * the pending slot; VK_NONE when none is pending. */
Value rt_take_pending(void);
/* Make an error object pending again (error(e) re-raises; catch-all). */
void rt_restore(Value error_object);
void rt_clear(void);
/* The pending exception's kind name and message (borrowed; "" if none). */
const char *rt_pending_kind(void);
const char *rt_pending_message(void);

/* Attach a place to the pending exception if it has none yet. */
void rt_set_place(const Source *src, SrcSpan span);
/* Add one traceback frame (function name + call place) while unwinding. */
void rt_add_frame(const char *func, const Source *src, SrcSpan span);
/* Print the pending exception as §6 shows it (file:L:C: Kind: message,
 * the source line, ^~~~ under the span, traceback), to stderr. */
void rt_report(void);
/* Show the error kind in red (the REPL sets it when stdout is a terminal
 * and NO_COLOR is unset). */
extern bool rt_color;

/* SyntaxError at a place: raised by the lexer/parser. */
Value rt_syntax_error(const Source *src, SrcSpan span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* What to do with each floating-point event (seterr / errstate). */
typedef enum FpeMode { FPE_IGNORE, FPE_WARN, FPE_RAISE } FpeMode;
typedef struct FpeModes {
    uint8_t divide, over, under, invalid; /* FpeMode; NumPy's defaults:
                                             warn, warn, ignore, warn */
} FpeModes;
FpeModes fpe_modes_get(void);
void fpe_modes_set(FpeModes m);

/* Floating-point status -> RuntimeWarnings / FloatingPointError after each
 * statement, following seterr (§6).  Returns -1 when an error was raised. */
int rt_check_fpe(const Source *src, SrcSpan span);

/* (H6) The pending exception's kind as an ErrKind (0 when none pending);
 * a user-named kind (error("m", "MyError")) reads as ERR_RUNTIME. */
ErrKind rt_pending_errkind(void);
/* (H6) Forget which warnings were shown.  Warnings follow Python's
 * "default" filter: once per (file, line, text); the REPL resets this
 * before each entry so a repeated entry warns again. */
void rt_warnings_reset(void);

/* --------------------------------------------------------------- builtins */

/* A builtin receives one Value per parameter of its spec, in order:
 * VK_UNSET when not given (the function applies its default), a tuple for
 * a "*name" parameter.  Methods get the receiver as args[0] ("self" is the
 * first name of their spec).  The args are borrowed. */
typedef Value (*BuiltinFn)(Value *args);

typedef struct BuiltinDef {
    const char *name;
    BuiltinFn fn;
    /* Parameters as Python writes a signature: "a, axis=None, dtype=None",
     * "*values, sep=' ', end='\n'", "self, axis=None".  Defaults are shown
     * by help() and marked optional; the function applies them. */
    const char *params;
    /* Help text: a one-line summary, a blank line, the description, then
     * examples as ">>> code" lines each followed by the exact output nd
     * prints (the doc-example tests run them). */
    const char *help;
} BuiltinDef;

/* A member of a namespace that is not a plain function: a constant (pi),
 * a dtype (float32), a ufunc object (add), a module (linalg).  Its value
 * is made on first use (nothing is built at startup) and cached. */
typedef struct NsConst {
    const char *name;
    Value (*make)(void); /* a new reference */
    const char *help;
} NsConst;

/* A namespace of builtins (root, linalg, fft, ...): defs and consts each
 * sorted by name (strcmp) so lookup is a binary search; one table feeds
 * calls, help and completion.  The root namespace is several such tables
 * (one per file of builtins/), searched in turn. */
typedef struct Namespace {
    const char *name;
    const BuiltinDef *defs;
    int ndefs;
    const NsConst *consts;
    int nconsts;
    const char *help;
} Namespace;

const BuiltinDef *ns_lookup(const Namespace *ns, const char *name);
const NsConst *ns_lookup_const(const Namespace *ns, const char *name);

typedef struct KwArg {
    const char *name;
    Value value; /* borrowed */
} KwArg;

/* Match positional and keyword arguments to a builtin's parameters:
 * TypeErrors "sum() got an unexpected keyword argument 'axes'",
 * "sum() missing required argument 'a' (pos 1)", "sum() got multiple
 * values for argument 'axis'", "len() takes 1 positional argument but 2
 * were given".  out has one slot per parameter; the tuple for "*name" is
 * a new reference the caller releases (args_release). */
int args_parse(const BuiltinDef *def, const Value *pos, int npos,
               const KwArg *kw, int nkw, Value *out, int nout);
void args_release(const BuiltinDef *def, Value *out, int nout);
int builtin_nparams(const BuiltinDef *def);

/* A builtin function value, optionally bound to a receiver (a method). */
typedef struct Builtin {
    Obj h;
    const BuiltinDef *def;
    Value self; /* VK_UNSET when unbound */
} Builtin;
Value v_builtin(const BuiltinDef *def, Value self); /* borrows self */

/* ------------------------------------------------------------ native kinds */

/* The one way to add a native kind (dtype, error, ufunc, errstate,
 * printoptions, flags, Generator, ...). */
typedef struct NativeType {
    const char *name; /* type(x) shows it */
    size_t size;      /* bytes of the object including its NativeObj head */
    void (*finalize)(Obj *self); /* release what the object owns */
    Value (*str)(Value self);    /* NULL: repr */
    Value (*repr)(Value self);   /* NULL: "<name object>" */
    /* Attribute read: VK_UNSET when there is no such attribute (then the
     * methods table is searched, then AttributeError). */
    Value (*getattr)(Value self, const char *name);
    int (*setattr)(Value self, const char *name, Value v);
    const Namespace *methods; /* NULL when none; specs start with "self" */
    /* Operators: return VK_UNSET when the kind does not handle this op. */
    Value (*binary)(OpKind op, Value a, Value b);
    Value (*getitem)(Value self, Value key);
    int (*setitem)(Value self, Value key, Value v);
    Value (*call)(Value self, const Value *pos, int npos, const KwArg *kw,
                  int nkw);
    /* Context managers (with ... end). */
    int (*enter)(Value self);
    int (*exit)(Value self);
    const char *help;
    /* (P12B) A ufunc called with an instance among its inputs (log(m),
     * add(m, 1)), the unary operators -x, +x, ~x (as negative, positive,
     * invert) and abs(x) (absolute): in are the nin inputs, kw the
     * keywords given.  VK_UNSET when the kind does not handle it. */
    Value (*ufunc)(NdUfuncId id, const Value *in, int nin, const KwArg *kw,
                   int nkw);
    /* (P12B) len(x); with getitem, `for v in x` visits x[0] .. x[len-1].
     * NULL: no len, not iterable. */
    int (*len)(Value self, int64_t *out);
    /* (V12) The value `for v in x` walks in place of x (a new reference;
     * NumPy's __iter__ returning another iterable: a poly1d walks its
     * coeffs).  Checked before len + getitem. */
    Value (*iter)(Value self);
    /* (V12) The unary operators -x, +x, ~x (OP_NEG, OP_POS, OP_INVERT),
     * checked before the ufunc hook: for a kind whose operators differ
     * from the ufunc calls (-p is a poly1d, negative(p) an array).
     * VK_UNSET when not handled. */
    Value (*unary)(OpKind op, Value self);
    /* (V12) The array the value converts to wherever an array is expected
     * (asarray(x), ufunc calls, x + array): NumPy's __array__.  A new
     * reference, or NULL with the error set.  NULL hook: not convertible. */
    NdArray *(*to_array)(Value self);
} NativeType;

typedef struct NativeObj {
    Obj h;
    const NativeType *type;
} NativeObj;

/* (P12B) A root reduction (sum(x), mean(x, axis=0), max(x), ...) whose
 * first argument args[0] is an instance of a native kind with a method
 * `method`: calls x.method with the other given arguments passed by the
 * names of root_def's parameters; returns true with *out set (the result
 * or the error sentinel), false when x is no such instance. */
bool native_method_dispatch(const char *method, const BuiltinDef *root_def,
                            const Value *args, Value *out);

/* A zeroed native object of `type` (refcount 1), or the error sentinel. */
Value native_new(const NativeType *type);
static inline const NativeType *native_type(Value v)
{
    return ((NativeObj *)v.as.obj)->type;
}

/* ------------------------------------------------------ functions, modules */

typedef struct Module Module;

typedef struct Function {
    Obj h;
    Node *node;      /* the N_DEF or N_LAMBDA (FuncInfo in node->u.func) */
    Source *source;  /* keeps the node alive */
    Value *defaults; /* node->u.func.defaults.n values */
    Cell **free;     /* node->u.func.nfree captured cells */
    Module *module;  /* its globals */
} Function;

struct Module {
    Obj h;
    const char *name;
    Value globals; /* Dict: name (Str) -> Cell */
    /* A builtin module: its tables (NULL-terminated list; the root list for
     * the `np`/`numpy` alias).  NULL for a module written in nd. */
    const Namespace *const *ns;
    Value cache; /* Dict of members made so far, or VK_NONE */
    char *path;  /* the .nd file, or NULL */
};

/* m.name for any module: a builtin module's table entry (cached), or a
 * user module's bound global.  AttributeError "module 'linalg' has no
 * attribute 'x'" otherwise.  (registry.c) */
Value module_getattr(Module *m, const char *name);

/* The global cell of `name` in module m, created unbound when missing. */
Cell *module_cell(Module *m, const char *name);
/* The builtin cell of a root-namespace name, or NULL (resolver).  Made on
 * first use and cached for the process.  (registry.c) */
Cell *builtin_cell(const char *name);
/* A builtin module by name ("linalg", "np", "numpy"): a new reference, or
 * VK_UNSET when there is none.  (registry.c) */
Value builtin_module(const char *name);

/* Call any callable value. */
Value call_value(Value f, const Value *pos, int npos, const KwArg *kw, int nkw);

/* ------------------------------------------------------------- running */

typedef enum RunMode {
    RUN_FILE, /* a script: no echo */
    RUN_ECHO, /* nd -e and the REPL: echo top-level expression values */
} RunMode;

/* Parse, resolve and run `text` in module `m` (the __main__ module when
 * NULL).  Returns 0, or -1 with the exception reported to stderr (and,
 * for RUN_FILE, nothing more run).  *exit_requested is set by exit(n). */
int interp_run(const char *name, const char *text, size_t len, RunMode mode,
               Module *m);

/* Set by exit(n); the command line then exits with this status. */
extern int interp_exit_status;
extern bool interp_exit_requested;

/* Set by the SIGINT handler; loops and long kernels poll it. */
/* (libnd's flag, so long kernels stop too.) */
#define interp_interrupted nd_interrupt_requested

#endif
