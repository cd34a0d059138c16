/* ops.h — the operators of the language on Values (ops.c): arithmetic,
 * comparison and truth with the weak/strong scalar rules of LANGUAGE.md §2
 * and NumPy broadcasting for arrays; conversion of values to arrays;
 * indexing and attribute access dispatch. */
#ifndef ND_OPS_H
#define ND_OPS_H

#include "ast.h"
#include "value.h"

/* a OP b for OP_ADD .. OP_RSHIFT.  Two weak scalars follow Python (7 / 2 ==
 * 3.5, 1 // 0 ZeroDivisionError, weak int overflow OverflowError); an
 * array or a strong scalar follows NumPy (libnd ufuncs, NEP 50).  Lists and
 * tuples: + concatenates two of the same kind, * by an int repeats; with an
 * array operand they convert as asarray.  str: + joins, * repeats. */
Value op_binary(OpKind op, Value a, Value b);
/* -a, +a, ~a (OP_NEG, OP_POS, OP_INVERT). */
Value op_unary(OpKind op, Value a);
/* The NdUfuncId an operator stands for (OP_ADD -> ND_UF_ADD, OP_NEG ->
 * ND_UF_NEGATIVE, OP_LT -> ND_UF_LESS, ...); -1 for @ and for in, not in,
 * is, is not.  Shared with native kinds' operator hooks (ma.c). */
int op_ufunc(OpKind op);
/* == != < <= > >=: elementwise (a bool array) when an operand is an
 * array, else one bool (Python's rules for str, tuple, list, None, ...);
 * in / not in (membership, never elementwise); is / is not (identity). */
Value op_compare(OpKind op, Value a, Value b);
/* Truth value: 1, 0, or -1 with ValueError "the truth value of an array
 * with more than one element is ambiguous; use any() or all()". */
int op_truth(Value v);
/* Augmented assignment `target op= v`: arrays (0-d too) are updated in
 * place with same-kind casting (int array += 1.5 is a TypeError), lists
 * extend in place (+=); anything else returns op_binary's new value for
 * the caller to rebind.  Returns the value to store (a new reference:
 * the target itself for in-place updates). */
Value op_inplace(OpKind op, Value target, Value v);

/* The array a value stands for (asarray): arrays themselves (a new
 * reference), scalars as 0-d arrays (ND_WEAK for weak ones), nested
 * lists/tuples/ranges of scalars and arrays as NumPy's array() builds them
 * (ValueError for ragged input).  dtype ND_NTYPES = infer.  On failure:
 * NULL with the exception already pending (rt_fail), not libnd's error
 * record, so callers return v_error() / -1 (never rt_from_lib()). */
NdArray *value_to_array(Value v, NdType dtype);
/* A bracket literal's elements -> an array when §2 says so (all scalars,
 * 0-d arrays or nested array literals forming a rectangle), else a list.
 * Borrows the items. */
Value bracket_literal(const Value *items, int64_t n);
/* The same with the evaluator telling which items were themselves bracket
 * literals: nested[i] != 0 when item i was written as a nested `[...]`
 * (its node is an N_LIST).  Only such items may be N-d arrays of the
 * result: `[[1, 2], [3, 4]]` is a 2-d array, while `[A, B]` of two array
 * variables is a list (§2).  bracket_literal() is this with nested NULL,
 * which treats every N-d array item as a nested literal; the evaluator
 * calls bracket_literal_nested for N_LIST.  Borrows the items. */
Value bracket_literal_nested(const Value *items, const uint8_t *nested,
                             int64_t n);
/* Python int/float/complex/bool value of a scalar-like (weak result);
 * TypeError for anything else.  Used by int(), float(), indexes, shapes. */
int value_to_int64(Value v, int64_t *out); /* must be integral */
int value_to_double(Value v, double *out);
/* A shape argument: an int or a tuple/list of ints. */
int value_to_shape(Value v, int *ndim, int64_t *shape);
/* A dtype argument: a dtype object, a str name, or int/float/complex/bool
 * (the builtin functions stand for int64/float64/complex128/bool). */
int value_to_dtype(Value v, NdType *out);

/* obj[key] and obj[key] = v for arrays (NumPy's indexing, lib/index.c:
 * basic indexes give views, advanced ones copies), lists, tuples, str,
 * dict, range and native kinds with index hooks.  key is the index value:
 * a scalar, a slice, a tuple for a multi-index. */
Value op_getitem(Value obj, Value key);
int op_setitem(Value obj, Value key, Value v);
int op_delitem(Value obj, Value key);
/* obj.name: array attributes/methods (builtins/array.c), str and list and
 * dict methods, module members, native kinds.  AttributeError otherwise,
 * with the hint of §3 for a.append. */
Value op_getattr(Value obj, const char *name);
int op_setattr(Value obj, const char *name, Value v);

/* Iteration for `for` and comprehensions: over range, list, tuple, dict
 * keys, str (characters) and an array's first axis (views; 0-d is a
 * TypeError "iteration over a 0-d array").  */
typedef struct ValueIter {
    Value seq;   /* the iterated value (a reference held) */
    int64_t pos; /* next position */
    int64_t n;   /* length at start */
} ValueIter;
int iter_start(ValueIter *it, Value seq);
/* 1 with *out a new reference, 0 at the end, -1 on error. */
int iter_next(ValueIter *it, Value *out);
void iter_end(ValueIter *it);

/* len(): list/tuple/str/dict/range/array (first axis; 0-d is TypeError
 * "len() of unsized object"). */
int value_len(Value v, int64_t *out);

/* ==================================== additions of the indexing room (I4) */

/* obj[k0, k1, ...] with the n keys given separately (borrowed): what
 * op_getitem does with a tuple key, without building the tuple, so that
 * a[i, j] on an array allocates nothing (the evaluator's N_INDEX). */
Value op_getitem_items(Value obj, const Value *keys, int n);

#endif
