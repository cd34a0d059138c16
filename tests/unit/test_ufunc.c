/* test_ufunc.c — ufunc names and type resolution (ufunc.c): the result
 * dtype of every operation for many dtype pairs and for weak (Python)
 * scalars, NumPy's TypeErrors and OverflowErrors word for word, NumPy 2's
 * exact comparisons with out-of-range Python ints and between int64 and
 * uint64, and casting into `out`.  The dtype tables were produced by NumPy
 * itself; the values are worked by hand. */
#include <math.h>
#include <stdio.h>

#include "testutil.h"

#define ERR ND_NTYPES

struct BinCase {
    NdUfuncId op;
    NdType a, b, want;
};
struct UnCase {
    NdUfuncId op;
    NdType a, want;
};

/* Generated with NumPy (NPY_PROMOTION_STATE=weak): f(np.ones(2, a),
 * np.ones(2, b)).dtype for each pair, ERR where NumPy raises TypeError. */
static const struct BinCase bin_cases[] = {
    {ND_UF_ADD, ND_BOOL, ND_BOOL, ND_BOOL},
    {ND_UF_ADD, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_ADD, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_ADD, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_ADD, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_ADD, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_ADD, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_ADD, ND_INT64, ND_UINT64, ND_FLOAT64},
    {ND_UF_ADD, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_ADD, ND_INT8, ND_UINT64, ND_FLOAT64},
    {ND_UF_ADD, ND_BOOL, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_ADD, ND_INT8, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_ADD, ND_INT16, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_ADD, ND_INT32, ND_FLOAT32, ND_FLOAT64},
    {ND_UF_ADD, ND_FLOAT32, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_ADD, ND_INT64, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_ADD, ND_FLOAT32, ND_COMPLEX64, ND_COMPLEX64},
    {ND_UF_ADD, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_ADD, ND_UINT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_ADD, ND_COMPLEX64, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_ADD, ND_BOOL, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_ADD, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_ADD, ND_UINT32, ND_INT64, ND_INT64},
    {ND_UF_SUBTRACT, ND_BOOL, ND_BOOL, ERR},
    {ND_UF_SUBTRACT, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_SUBTRACT, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_SUBTRACT, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_SUBTRACT, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_SUBTRACT, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_SUBTRACT, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_SUBTRACT, ND_INT64, ND_UINT64, ND_FLOAT64},
    {ND_UF_SUBTRACT, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_SUBTRACT, ND_INT8, ND_UINT64, ND_FLOAT64},
    {ND_UF_SUBTRACT, ND_BOOL, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_SUBTRACT, ND_INT8, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_SUBTRACT, ND_INT16, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_SUBTRACT, ND_INT32, ND_FLOAT32, ND_FLOAT64},
    {ND_UF_SUBTRACT, ND_FLOAT32, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_SUBTRACT, ND_INT64, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_SUBTRACT, ND_FLOAT32, ND_COMPLEX64, ND_COMPLEX64},
    {ND_UF_SUBTRACT, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_SUBTRACT, ND_UINT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_SUBTRACT, ND_COMPLEX64, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_SUBTRACT, ND_BOOL, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_SUBTRACT, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_SUBTRACT, ND_UINT32, ND_INT64, ND_INT64},
    {ND_UF_MULTIPLY, ND_BOOL, ND_BOOL, ND_BOOL},
    {ND_UF_MULTIPLY, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_MULTIPLY, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_MULTIPLY, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_MULTIPLY, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_MULTIPLY, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_MULTIPLY, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_MULTIPLY, ND_INT64, ND_UINT64, ND_FLOAT64},
    {ND_UF_MULTIPLY, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_MULTIPLY, ND_INT8, ND_UINT64, ND_FLOAT64},
    {ND_UF_MULTIPLY, ND_BOOL, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_MULTIPLY, ND_INT8, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_MULTIPLY, ND_INT16, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_MULTIPLY, ND_INT32, ND_FLOAT32, ND_FLOAT64},
    {ND_UF_MULTIPLY, ND_FLOAT32, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_MULTIPLY, ND_INT64, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_MULTIPLY, ND_FLOAT32, ND_COMPLEX64, ND_COMPLEX64},
    {ND_UF_MULTIPLY, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_MULTIPLY, ND_UINT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_MULTIPLY, ND_COMPLEX64, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_MULTIPLY, ND_BOOL, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_MULTIPLY, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_MULTIPLY, ND_UINT32, ND_INT64, ND_INT64},
    {ND_UF_TRUE_DIVIDE, ND_BOOL, ND_BOOL, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_BOOL, ND_INT8, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_INT8, ND_INT8, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_INT8, ND_UINT8, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_UINT8, ND_INT16, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_INT16, ND_UINT16, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_INT32, ND_UINT32, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_INT64, ND_UINT64, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_UINT8, ND_UINT64, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_INT8, ND_UINT64, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_BOOL, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_TRUE_DIVIDE, ND_INT8, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_TRUE_DIVIDE, ND_INT16, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_TRUE_DIVIDE, ND_INT32, ND_FLOAT32, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_FLOAT32, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_INT64, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_FLOAT32, ND_COMPLEX64, ND_COMPLEX64},
    {ND_UF_TRUE_DIVIDE, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_TRUE_DIVIDE, ND_UINT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_TRUE_DIVIDE, ND_COMPLEX64, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_TRUE_DIVIDE, ND_BOOL, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_TRUE_DIVIDE, ND_UINT16, ND_INT32, ND_FLOAT64},
    {ND_UF_TRUE_DIVIDE, ND_UINT32, ND_INT64, ND_FLOAT64},
    {ND_UF_FLOOR_DIVIDE, ND_BOOL, ND_BOOL, ND_INT8},
    {ND_UF_FLOOR_DIVIDE, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_FLOOR_DIVIDE, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_FLOOR_DIVIDE, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_FLOOR_DIVIDE, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_FLOOR_DIVIDE, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_FLOOR_DIVIDE, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_FLOOR_DIVIDE, ND_INT64, ND_UINT64, ND_FLOAT64},
    {ND_UF_FLOOR_DIVIDE, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_FLOOR_DIVIDE, ND_INT8, ND_UINT64, ND_FLOAT64},
    {ND_UF_FLOOR_DIVIDE, ND_BOOL, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_FLOOR_DIVIDE, ND_INT8, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_FLOOR_DIVIDE, ND_INT16, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_FLOOR_DIVIDE, ND_INT32, ND_FLOAT32, ND_FLOAT64},
    {ND_UF_FLOOR_DIVIDE, ND_FLOAT32, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_FLOOR_DIVIDE, ND_INT64, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_FLOOR_DIVIDE, ND_FLOAT32, ND_COMPLEX64, ERR},
    {ND_UF_FLOOR_DIVIDE, ND_FLOAT64, ND_COMPLEX64, ERR},
    {ND_UF_FLOOR_DIVIDE, ND_UINT64, ND_COMPLEX64, ERR},
    {ND_UF_FLOOR_DIVIDE, ND_COMPLEX64, ND_COMPLEX128, ERR},
    {ND_UF_FLOOR_DIVIDE, ND_BOOL, ND_COMPLEX128, ERR},
    {ND_UF_FLOOR_DIVIDE, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_FLOOR_DIVIDE, ND_UINT32, ND_INT64, ND_INT64},
    {ND_UF_REMAINDER, ND_BOOL, ND_BOOL, ND_INT8},
    {ND_UF_REMAINDER, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_REMAINDER, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_REMAINDER, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_REMAINDER, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_REMAINDER, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_REMAINDER, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_REMAINDER, ND_INT64, ND_UINT64, ND_FLOAT64},
    {ND_UF_REMAINDER, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_REMAINDER, ND_INT8, ND_UINT64, ND_FLOAT64},
    {ND_UF_REMAINDER, ND_BOOL, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_REMAINDER, ND_INT8, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_REMAINDER, ND_INT16, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_REMAINDER, ND_INT32, ND_FLOAT32, ND_FLOAT64},
    {ND_UF_REMAINDER, ND_FLOAT32, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_REMAINDER, ND_INT64, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_REMAINDER, ND_FLOAT32, ND_COMPLEX64, ERR},
    {ND_UF_REMAINDER, ND_FLOAT64, ND_COMPLEX64, ERR},
    {ND_UF_REMAINDER, ND_UINT64, ND_COMPLEX64, ERR},
    {ND_UF_REMAINDER, ND_COMPLEX64, ND_COMPLEX128, ERR},
    {ND_UF_REMAINDER, ND_BOOL, ND_COMPLEX128, ERR},
    {ND_UF_REMAINDER, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_REMAINDER, ND_UINT32, ND_INT64, ND_INT64},
    {ND_UF_POWER, ND_BOOL, ND_BOOL, ND_INT8},
    {ND_UF_POWER, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_POWER, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_POWER, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_POWER, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_POWER, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_POWER, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_POWER, ND_INT64, ND_UINT64, ND_FLOAT64},
    {ND_UF_POWER, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_POWER, ND_INT8, ND_UINT64, ND_FLOAT64},
    {ND_UF_POWER, ND_BOOL, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_POWER, ND_INT8, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_POWER, ND_INT16, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_POWER, ND_INT32, ND_FLOAT32, ND_FLOAT64},
    {ND_UF_POWER, ND_FLOAT32, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_POWER, ND_INT64, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_POWER, ND_FLOAT32, ND_COMPLEX64, ND_COMPLEX64},
    {ND_UF_POWER, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_POWER, ND_UINT64, ND_COMPLEX64, ND_COMPLEX128},
    {ND_UF_POWER, ND_COMPLEX64, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_POWER, ND_BOOL, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_POWER, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_POWER, ND_UINT32, ND_INT64, ND_INT64},
    {ND_UF_LESS, ND_BOOL, ND_BOOL, ND_BOOL},
    {ND_UF_LESS, ND_BOOL, ND_INT8, ND_BOOL},
    {ND_UF_LESS, ND_INT8, ND_INT8, ND_BOOL},
    {ND_UF_LESS, ND_INT8, ND_UINT8, ND_BOOL},
    {ND_UF_LESS, ND_UINT8, ND_INT16, ND_BOOL},
    {ND_UF_LESS, ND_INT16, ND_UINT16, ND_BOOL},
    {ND_UF_LESS, ND_INT32, ND_UINT32, ND_BOOL},
    {ND_UF_LESS, ND_INT64, ND_UINT64, ND_BOOL},
    {ND_UF_LESS, ND_UINT8, ND_UINT64, ND_BOOL},
    {ND_UF_LESS, ND_INT8, ND_UINT64, ND_BOOL},
    {ND_UF_LESS, ND_BOOL, ND_FLOAT32, ND_BOOL},
    {ND_UF_LESS, ND_INT8, ND_FLOAT32, ND_BOOL},
    {ND_UF_LESS, ND_INT16, ND_FLOAT32, ND_BOOL},
    {ND_UF_LESS, ND_INT32, ND_FLOAT32, ND_BOOL},
    {ND_UF_LESS, ND_FLOAT32, ND_FLOAT64, ND_BOOL},
    {ND_UF_LESS, ND_INT64, ND_FLOAT64, ND_BOOL},
    {ND_UF_LESS, ND_FLOAT32, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LESS, ND_FLOAT64, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LESS, ND_UINT64, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LESS, ND_COMPLEX64, ND_COMPLEX128, ND_BOOL},
    {ND_UF_LESS, ND_BOOL, ND_COMPLEX128, ND_BOOL},
    {ND_UF_LESS, ND_UINT16, ND_INT32, ND_BOOL},
    {ND_UF_LESS, ND_UINT32, ND_INT64, ND_BOOL},
    {ND_UF_EQUAL, ND_BOOL, ND_BOOL, ND_BOOL},
    {ND_UF_EQUAL, ND_BOOL, ND_INT8, ND_BOOL},
    {ND_UF_EQUAL, ND_INT8, ND_INT8, ND_BOOL},
    {ND_UF_EQUAL, ND_INT8, ND_UINT8, ND_BOOL},
    {ND_UF_EQUAL, ND_UINT8, ND_INT16, ND_BOOL},
    {ND_UF_EQUAL, ND_INT16, ND_UINT16, ND_BOOL},
    {ND_UF_EQUAL, ND_INT32, ND_UINT32, ND_BOOL},
    {ND_UF_EQUAL, ND_INT64, ND_UINT64, ND_BOOL},
    {ND_UF_EQUAL, ND_UINT8, ND_UINT64, ND_BOOL},
    {ND_UF_EQUAL, ND_INT8, ND_UINT64, ND_BOOL},
    {ND_UF_EQUAL, ND_BOOL, ND_FLOAT32, ND_BOOL},
    {ND_UF_EQUAL, ND_INT8, ND_FLOAT32, ND_BOOL},
    {ND_UF_EQUAL, ND_INT16, ND_FLOAT32, ND_BOOL},
    {ND_UF_EQUAL, ND_INT32, ND_FLOAT32, ND_BOOL},
    {ND_UF_EQUAL, ND_FLOAT32, ND_FLOAT64, ND_BOOL},
    {ND_UF_EQUAL, ND_INT64, ND_FLOAT64, ND_BOOL},
    {ND_UF_EQUAL, ND_FLOAT32, ND_COMPLEX64, ND_BOOL},
    {ND_UF_EQUAL, ND_FLOAT64, ND_COMPLEX64, ND_BOOL},
    {ND_UF_EQUAL, ND_UINT64, ND_COMPLEX64, ND_BOOL},
    {ND_UF_EQUAL, ND_COMPLEX64, ND_COMPLEX128, ND_BOOL},
    {ND_UF_EQUAL, ND_BOOL, ND_COMPLEX128, ND_BOOL},
    {ND_UF_EQUAL, ND_UINT16, ND_INT32, ND_BOOL},
    {ND_UF_EQUAL, ND_UINT32, ND_INT64, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_BOOL, ND_BOOL, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_BOOL, ND_INT8, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT8, ND_INT8, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT8, ND_UINT8, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_UINT8, ND_INT16, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT16, ND_UINT16, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT32, ND_UINT32, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT64, ND_UINT64, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_UINT8, ND_UINT64, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT8, ND_UINT64, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_BOOL, ND_FLOAT32, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT8, ND_FLOAT32, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT16, ND_FLOAT32, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT32, ND_FLOAT32, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_FLOAT32, ND_FLOAT64, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_INT64, ND_FLOAT64, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_FLOAT32, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_FLOAT64, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_UINT64, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_COMPLEX64, ND_COMPLEX128, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_BOOL, ND_COMPLEX128, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_UINT16, ND_INT32, ND_BOOL},
    {ND_UF_LOGICAL_AND, ND_UINT32, ND_INT64, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_BOOL, ND_BOOL, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_BOOL, ND_INT8, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT8, ND_INT8, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT8, ND_UINT8, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_UINT8, ND_INT16, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT16, ND_UINT16, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT32, ND_UINT32, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT64, ND_UINT64, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_UINT8, ND_UINT64, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT8, ND_UINT64, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_BOOL, ND_FLOAT32, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT8, ND_FLOAT32, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT16, ND_FLOAT32, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT32, ND_FLOAT32, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_FLOAT32, ND_FLOAT64, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_INT64, ND_FLOAT64, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_FLOAT32, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_FLOAT64, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_UINT64, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_COMPLEX64, ND_COMPLEX128, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_BOOL, ND_COMPLEX128, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_UINT16, ND_INT32, ND_BOOL},
    {ND_UF_LOGICAL_XOR, ND_UINT32, ND_INT64, ND_BOOL},
    {ND_UF_BITWISE_AND, ND_BOOL, ND_BOOL, ND_BOOL},
    {ND_UF_BITWISE_AND, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_BITWISE_AND, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_BITWISE_AND, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_BITWISE_AND, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_BITWISE_AND, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_BITWISE_AND, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_BITWISE_AND, ND_INT64, ND_UINT64, ERR},
    {ND_UF_BITWISE_AND, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_BITWISE_AND, ND_INT8, ND_UINT64, ERR},
    {ND_UF_BITWISE_AND, ND_BOOL, ND_FLOAT32, ERR},
    {ND_UF_BITWISE_AND, ND_INT8, ND_FLOAT32, ERR},
    {ND_UF_BITWISE_AND, ND_INT16, ND_FLOAT32, ERR},
    {ND_UF_BITWISE_AND, ND_INT32, ND_FLOAT32, ERR},
    {ND_UF_BITWISE_AND, ND_FLOAT32, ND_FLOAT64, ERR},
    {ND_UF_BITWISE_AND, ND_INT64, ND_FLOAT64, ERR},
    {ND_UF_BITWISE_AND, ND_FLOAT32, ND_COMPLEX64, ERR},
    {ND_UF_BITWISE_AND, ND_FLOAT64, ND_COMPLEX64, ERR},
    {ND_UF_BITWISE_AND, ND_UINT64, ND_COMPLEX64, ERR},
    {ND_UF_BITWISE_AND, ND_COMPLEX64, ND_COMPLEX128, ERR},
    {ND_UF_BITWISE_AND, ND_BOOL, ND_COMPLEX128, ERR},
    {ND_UF_BITWISE_AND, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_BITWISE_AND, ND_UINT32, ND_INT64, ND_INT64},
    {ND_UF_BITWISE_OR, ND_BOOL, ND_BOOL, ND_BOOL},
    {ND_UF_BITWISE_OR, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_BITWISE_OR, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_BITWISE_OR, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_BITWISE_OR, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_BITWISE_OR, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_BITWISE_OR, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_BITWISE_OR, ND_INT64, ND_UINT64, ERR},
    {ND_UF_BITWISE_OR, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_BITWISE_OR, ND_INT8, ND_UINT64, ERR},
    {ND_UF_BITWISE_OR, ND_BOOL, ND_FLOAT32, ERR},
    {ND_UF_BITWISE_OR, ND_INT8, ND_FLOAT32, ERR},
    {ND_UF_BITWISE_OR, ND_INT16, ND_FLOAT32, ERR},
    {ND_UF_BITWISE_OR, ND_INT32, ND_FLOAT32, ERR},
    {ND_UF_BITWISE_OR, ND_FLOAT32, ND_FLOAT64, ERR},
    {ND_UF_BITWISE_OR, ND_INT64, ND_FLOAT64, ERR},
    {ND_UF_BITWISE_OR, ND_FLOAT32, ND_COMPLEX64, ERR},
    {ND_UF_BITWISE_OR, ND_FLOAT64, ND_COMPLEX64, ERR},
    {ND_UF_BITWISE_OR, ND_UINT64, ND_COMPLEX64, ERR},
    {ND_UF_BITWISE_OR, ND_COMPLEX64, ND_COMPLEX128, ERR},
    {ND_UF_BITWISE_OR, ND_BOOL, ND_COMPLEX128, ERR},
    {ND_UF_BITWISE_OR, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_BITWISE_OR, ND_UINT32, ND_INT64, ND_INT64},
    {ND_UF_LEFT_SHIFT, ND_BOOL, ND_BOOL, ND_INT8},
    {ND_UF_LEFT_SHIFT, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_LEFT_SHIFT, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_LEFT_SHIFT, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_LEFT_SHIFT, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_LEFT_SHIFT, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_LEFT_SHIFT, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_LEFT_SHIFT, ND_INT64, ND_UINT64, ERR},
    {ND_UF_LEFT_SHIFT, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_LEFT_SHIFT, ND_INT8, ND_UINT64, ERR},
    {ND_UF_LEFT_SHIFT, ND_BOOL, ND_FLOAT32, ERR},
    {ND_UF_LEFT_SHIFT, ND_INT8, ND_FLOAT32, ERR},
    {ND_UF_LEFT_SHIFT, ND_INT16, ND_FLOAT32, ERR},
    {ND_UF_LEFT_SHIFT, ND_INT32, ND_FLOAT32, ERR},
    {ND_UF_LEFT_SHIFT, ND_FLOAT32, ND_FLOAT64, ERR},
    {ND_UF_LEFT_SHIFT, ND_INT64, ND_FLOAT64, ERR},
    {ND_UF_LEFT_SHIFT, ND_FLOAT32, ND_COMPLEX64, ERR},
    {ND_UF_LEFT_SHIFT, ND_FLOAT64, ND_COMPLEX64, ERR},
    {ND_UF_LEFT_SHIFT, ND_UINT64, ND_COMPLEX64, ERR},
    {ND_UF_LEFT_SHIFT, ND_COMPLEX64, ND_COMPLEX128, ERR},
    {ND_UF_LEFT_SHIFT, ND_BOOL, ND_COMPLEX128, ERR},
    {ND_UF_LEFT_SHIFT, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_LEFT_SHIFT, ND_UINT32, ND_INT64, ND_INT64},
    {ND_UF_RIGHT_SHIFT, ND_BOOL, ND_BOOL, ND_INT8},
    {ND_UF_RIGHT_SHIFT, ND_BOOL, ND_INT8, ND_INT8},
    {ND_UF_RIGHT_SHIFT, ND_INT8, ND_INT8, ND_INT8},
    {ND_UF_RIGHT_SHIFT, ND_INT8, ND_UINT8, ND_INT16},
    {ND_UF_RIGHT_SHIFT, ND_UINT8, ND_INT16, ND_INT16},
    {ND_UF_RIGHT_SHIFT, ND_INT16, ND_UINT16, ND_INT32},
    {ND_UF_RIGHT_SHIFT, ND_INT32, ND_UINT32, ND_INT64},
    {ND_UF_RIGHT_SHIFT, ND_INT64, ND_UINT64, ERR},
    {ND_UF_RIGHT_SHIFT, ND_UINT8, ND_UINT64, ND_UINT64},
    {ND_UF_RIGHT_SHIFT, ND_INT8, ND_UINT64, ERR},
    {ND_UF_RIGHT_SHIFT, ND_BOOL, ND_FLOAT32, ERR},
    {ND_UF_RIGHT_SHIFT, ND_INT8, ND_FLOAT32, ERR},
    {ND_UF_RIGHT_SHIFT, ND_INT16, ND_FLOAT32, ERR},
    {ND_UF_RIGHT_SHIFT, ND_INT32, ND_FLOAT32, ERR},
    {ND_UF_RIGHT_SHIFT, ND_FLOAT32, ND_FLOAT64, ERR},
    {ND_UF_RIGHT_SHIFT, ND_INT64, ND_FLOAT64, ERR},
    {ND_UF_RIGHT_SHIFT, ND_FLOAT32, ND_COMPLEX64, ERR},
    {ND_UF_RIGHT_SHIFT, ND_FLOAT64, ND_COMPLEX64, ERR},
    {ND_UF_RIGHT_SHIFT, ND_UINT64, ND_COMPLEX64, ERR},
    {ND_UF_RIGHT_SHIFT, ND_COMPLEX64, ND_COMPLEX128, ERR},
    {ND_UF_RIGHT_SHIFT, ND_BOOL, ND_COMPLEX128, ERR},
    {ND_UF_RIGHT_SHIFT, ND_UINT16, ND_INT32, ND_INT32},
    {ND_UF_RIGHT_SHIFT, ND_UINT32, ND_INT64, ND_INT64},
};
static const struct UnCase un_cases[] = {
    {ND_UF_NEGATIVE, ND_BOOL, ERR},
    {ND_UF_NEGATIVE, ND_INT8, ND_INT8},
    {ND_UF_NEGATIVE, ND_UINT8, ND_UINT8},
    {ND_UF_NEGATIVE, ND_INT16, ND_INT16},
    {ND_UF_NEGATIVE, ND_UINT16, ND_UINT16},
    {ND_UF_NEGATIVE, ND_INT32, ND_INT32},
    {ND_UF_NEGATIVE, ND_UINT32, ND_UINT32},
    {ND_UF_NEGATIVE, ND_INT64, ND_INT64},
    {ND_UF_NEGATIVE, ND_UINT64, ND_UINT64},
    {ND_UF_NEGATIVE, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_NEGATIVE, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_NEGATIVE, ND_COMPLEX64, ND_COMPLEX64},
    {ND_UF_NEGATIVE, ND_COMPLEX128, ND_COMPLEX128},
    {ND_UF_ABSOLUTE, ND_BOOL, ND_BOOL},
    {ND_UF_ABSOLUTE, ND_INT8, ND_INT8},
    {ND_UF_ABSOLUTE, ND_UINT8, ND_UINT8},
    {ND_UF_ABSOLUTE, ND_INT16, ND_INT16},
    {ND_UF_ABSOLUTE, ND_UINT16, ND_UINT16},
    {ND_UF_ABSOLUTE, ND_INT32, ND_INT32},
    {ND_UF_ABSOLUTE, ND_UINT32, ND_UINT32},
    {ND_UF_ABSOLUTE, ND_INT64, ND_INT64},
    {ND_UF_ABSOLUTE, ND_UINT64, ND_UINT64},
    {ND_UF_ABSOLUTE, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_ABSOLUTE, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_ABSOLUTE, ND_COMPLEX64, ND_FLOAT32},
    {ND_UF_ABSOLUTE, ND_COMPLEX128, ND_FLOAT64},
    {ND_UF_INVERT, ND_BOOL, ND_BOOL},
    {ND_UF_INVERT, ND_INT8, ND_INT8},
    {ND_UF_INVERT, ND_UINT8, ND_UINT8},
    {ND_UF_INVERT, ND_INT16, ND_INT16},
    {ND_UF_INVERT, ND_UINT16, ND_UINT16},
    {ND_UF_INVERT, ND_INT32, ND_INT32},
    {ND_UF_INVERT, ND_UINT32, ND_UINT32},
    {ND_UF_INVERT, ND_INT64, ND_INT64},
    {ND_UF_INVERT, ND_UINT64, ND_UINT64},
    {ND_UF_INVERT, ND_FLOAT32, ERR},
    {ND_UF_INVERT, ND_FLOAT64, ERR},
    {ND_UF_INVERT, ND_COMPLEX64, ERR},
    {ND_UF_INVERT, ND_COMPLEX128, ERR},
    {ND_UF_LOGICAL_NOT, ND_BOOL, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_INT8, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_UINT8, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_INT16, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_UINT16, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_INT32, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_UINT32, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_INT64, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_UINT64, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_FLOAT32, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_FLOAT64, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_COMPLEX64, ND_BOOL},
    {ND_UF_LOGICAL_NOT, ND_COMPLEX128, ND_BOOL},
    {ND_UF_POSITIVE, ND_BOOL, ERR},
    {ND_UF_POSITIVE, ND_INT8, ND_INT8},
    {ND_UF_POSITIVE, ND_UINT8, ND_UINT8},
    {ND_UF_POSITIVE, ND_INT16, ND_INT16},
    {ND_UF_POSITIVE, ND_UINT16, ND_UINT16},
    {ND_UF_POSITIVE, ND_INT32, ND_INT32},
    {ND_UF_POSITIVE, ND_UINT32, ND_UINT32},
    {ND_UF_POSITIVE, ND_INT64, ND_INT64},
    {ND_UF_POSITIVE, ND_UINT64, ND_UINT64},
    {ND_UF_POSITIVE, ND_FLOAT32, ND_FLOAT32},
    {ND_UF_POSITIVE, ND_FLOAT64, ND_FLOAT64},
    {ND_UF_POSITIVE, ND_COMPLEX64, ND_COMPLEX64},
    {ND_UF_POSITIVE, ND_COMPLEX128, ND_COMPLEX128},
};

/* ---------------------------------------------------------------- helpers */

static NdArray *weak_int(int64_t v)
{
    NdScalar s = nd_scalar_int64(v);
    s.weak = true;
    return nd_from_scalar(&s);
}

static NdArray *weak_uint64(uint64_t v)
{
    NdScalar s = nd_scalar_int64(0);
    s.dtype = ND_UINT64;
    s.v.u64 = v;
    s.weak = true;
    return nd_from_scalar(&s);
}

static NdArray *weak_float(double v)
{
    NdScalar s = nd_scalar_float64(v);
    s.weak = true;
    return nd_from_scalar(&s);
}

static NdArray *weak_complex(double re, double im)
{
    NdScalar s = nd_scalar_complex128(re, im);
    s.weak = true;
    return nd_from_scalar(&s);
}

static const char no_loop[] =
    "ufunc '%s' not supported for the input types, and the inputs could not "
    "be safely coerced to any supported types according to the casting rule "
    "''safe''";

static void assert_no_loop(const char *name)
{
    char msg[300];
    snprintf(msg, sizeof msg, no_loop, name);
    ck_assert_nd_error(ND_ERR_TYPE, msg);
}

/* The dtype of op(a, b) with a and b arrays; ERR when it fails. */
static NdType binary_dtype(NdUfuncId op, NdArray *a, NdArray *b)
{
    NdArray *r = nd_binary(op, a, b);
    if (!r)
        return ERR;
    NdType t = r->dtype;
    nd_decref(r);
    return t;
}

static void assert_bools(const NdArray *r, const bool *want, int64_t n)
{
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_BOOL);
    ck_assert_int_eq(r->size, n);
    for (int64_t i = 0; i < n; i++)
        ck_assert_int_eq(((const unsigned char *)r->data)[i], want[i]);
}

/* ------------------------------------------------------------------ names */

START_TEST(names_are_numpys)
{
    ck_assert_str_eq(nd_ufunc_name(ND_UF_ADD), "add");
    ck_assert_str_eq(nd_ufunc_name(ND_UF_TRUE_DIVIDE), "divide");
    ck_assert_str_eq(nd_ufunc_name(ND_UF_FLOOR_DIVIDE), "floor_divide");
    ck_assert_str_eq(nd_ufunc_name(ND_UF_REMAINDER), "remainder");
    ck_assert_str_eq(nd_ufunc_name(ND_UF_GREATER_EQUAL), "greater_equal");
    ck_assert_str_eq(nd_ufunc_name(ND_UF_RIGHT_SHIFT), "right_shift");
    ck_assert_str_eq(nd_ufunc_name(ND_UF_ABSOLUTE), "absolute");
    ck_assert_str_eq(nd_ufunc_name(ND_UF_INVERT), "invert");
    ck_assert_str_eq(nd_ufunc_name(ND_UF_LOGICAL_NOT), "logical_not");
}
END_TEST

START_TEST(nin)
{
    ck_assert_int_eq(nd_ufunc_nin(ND_UF_ADD), 2);
    ck_assert_int_eq(nd_ufunc_nin(ND_UF_RIGHT_SHIFT), 2);
    ck_assert_int_eq(nd_ufunc_nin(ND_UF_NEGATIVE), 1);
    ck_assert_int_eq(nd_ufunc_nin(ND_UF_INVERT), 1);
}
END_TEST

START_TEST(lookup_names_and_aliases)
{
    NdUfuncId op;
    for (int i = 0; i < ND_UF_COUNT; i++) {
        ck_assert_int_eq(nd_ufunc_lookup(nd_ufunc_name((NdUfuncId)i), &op), 0);
        ck_assert_int_eq(op, i);
    }
    ck_assert_int_eq(nd_ufunc_lookup("true_divide", &op), 0);
    ck_assert_int_eq(op, ND_UF_TRUE_DIVIDE);
    ck_assert_int_eq(nd_ufunc_lookup("abs", &op), 0);
    ck_assert_int_eq(op, ND_UF_ABSOLUTE);
    ck_assert_int_eq(nd_ufunc_lookup("mod", &op), 0);
    ck_assert_int_eq(op, ND_UF_REMAINDER);
    ck_assert_int_eq(nd_ufunc_lookup("bitwise_not", &op), 0);
    ck_assert_int_eq(op, ND_UF_INVERT);
    ck_assert_int_eq(nd_ufunc_lookup("bitwise_invert", &op), 0);
    ck_assert_int_eq(op, ND_UF_INVERT);
    ck_assert_int_eq(nd_ufunc_lookup("pow", &op), 0);
    ck_assert_int_eq(op, ND_UF_POWER);
    ck_assert_int_eq(nd_ufunc_lookup("bitwise_left_shift", &op), 0);
    ck_assert_int_eq(op, ND_UF_LEFT_SHIFT);
    ck_assert_int_eq(nd_ufunc_lookup("sin_of_add", &op), -1);
    ck_assert_int_eq(nd_error_kind(), ND_OK);
}
END_TEST

/* ------------------------------------------------------ dtype resolution */

START_TEST(binary_dtype_table)
{
    for (size_t i = 0; i < sizeof bin_cases / sizeof bin_cases[0]; i++) {
        const struct BinCase *c = &bin_cases[i];
        NdArray *a = nd_ones(c->a, 1, SHAPE(2), 'C');
        NdArray *b = nd_ones(c->b, 1, SHAPE(2), 'C');
        NdType got = binary_dtype(c->op, a, b);
        if (got != c->want)
            ck_abort_msg("%s(%s, %s): got %s, want %s (%s)",
                         nd_ufunc_name(c->op), nd_dtype_name(c->a),
                         nd_dtype_name(c->b),
                         got == ERR ? "error" : nd_dtype_name(got),
                         c->want == ERR ? "error" : nd_dtype_name(c->want),
                         nd_error_message());
        if (got == ERR)
            ck_assert_int_eq(nd_error_kind(), ND_ERR_TYPE);
        nd_error_clear();
        nd_decref(a);
        nd_decref(b);
    }
}
END_TEST

START_TEST(unary_dtype_table)
{
    for (size_t i = 0; i < sizeof un_cases / sizeof un_cases[0]; i++) {
        const struct UnCase *c = &un_cases[i];
        NdArray *a = nd_ones(c->a, 1, SHAPE(2), 'C');
        NdArray *r = nd_unary(c->op, a);
        NdType got = r ? r->dtype : ERR;
        if (got != c->want)
            ck_abort_msg("%s(%s): got %s, want %s (%s)", nd_ufunc_name(c->op),
                         nd_dtype_name(c->a),
                         got == ERR ? "error" : nd_dtype_name(got),
                         c->want == ERR ? "error" : nd_dtype_name(c->want),
                         nd_error_message());
        if (!r)
            ck_assert_int_eq(nd_error_kind(), ND_ERR_TYPE);
        nd_error_clear();
        nd_decref(r);
        nd_decref(a);
    }
}
END_TEST

START_TEST(weak_int_keeps_array_dtype)
{
    /* np.array([1,-2], int8) + 1 -> array([2,-1], dtype=int8) */
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, -2);
    NdArray *one = weak_int(1);
    NdArray *r = nd_binary(ND_UF_ADD, a, one);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_INT8);
    const int8_t want[2] = {2, -1};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(one);
}
END_TEST

START_TEST(weak_int_on_left)
{
    /* 7 // np.array([1,-2], int8) -> array([7,-4], dtype=int8) */
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, -2);
    NdArray *seven = weak_int(7);
    NdArray *r = nd_binary(ND_UF_FLOOR_DIVIDE, seven, a);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_INT8);
    const int8_t want[2] = {7, -4};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(seven);
}
END_TEST

START_TEST(weak_int_wraps_unsigned)
{
    /* np.array([0,255], uint8) + 1 -> [1, 0] (uint8 wraps) */
    NdArray *a = ARR(ND_UINT8, uint8_t, SHAPE(2), 1, 0, 255);
    NdArray *one = weak_int(1);
    NdArray *r = nd_binary(ND_UF_ADD, a, one);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_UINT8);
    const uint8_t want[2] = {1, 0};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(one);
}
END_TEST

START_TEST(weak_float_with_int_array)
{
    /* int8 * 1.5 -> float64 [1.5, -3.0] */
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, -2);
    NdArray *f = weak_float(1.5);
    NdArray *r = nd_binary(ND_UF_MULTIPLY, a, f);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    const double want[2] = {1.5, -3.0};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(f);
}
END_TEST

START_TEST(weak_float_keeps_float32)
{
    NdArray *a = ARR(ND_FLOAT32, float, SHAPE(2), 1, 1.5f, 2.0f);
    NdArray *f = weak_float(1.0);
    NdArray *r = nd_binary(ND_UF_ADD, a, f);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT32);
    const float want[2] = {2.5f, 3.0f};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(f);
}
END_TEST

START_TEST(weak_complex_with_float32)
{
    /* float32 + 1j -> complex64 */
    NdArray *a = ARR(ND_FLOAT32, float, SHAPE(2), 1, 1.5f, 2.0f);
    NdArray *j = weak_complex(0, 1);
    NdArray *r = nd_binary(ND_UF_ADD, a, j);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_COMPLEX64);
    const nd_complex64 *c = (const nd_complex64 *)r->data;
    ck_assert_float_eq(c[0].re, 1.5f);
    ck_assert_float_eq(c[0].im, 1.0f);
    ck_assert_float_eq(c[1].re, 2.0f);
    nd_decref(r);
    nd_decref(a);
    nd_decref(j);
}
END_TEST

START_TEST(weak_int_with_bool_array)
{
    /* np.array([True, False]) + 1 -> int64 [2, 1] */
    NdArray *a = ARR(ND_BOOL, bool, SHAPE(2), 1, true, false);
    NdArray *one = weak_int(1);
    NdArray *r = nd_binary(ND_UF_ADD, a, one);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_INT64);
    const int64_t want[2] = {2, 1};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(one);
}
END_TEST

START_TEST(int_divide_is_float64)
{
    /* np.array([1,-2], int8) / 2 -> float64 [0.5, -1.0] */
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, -2);
    NdArray *two = weak_int(2);
    NdArray *r = nd_binary(ND_UF_TRUE_DIVIDE, a, two);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    const double want[2] = {0.5, -1.0};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(two);
}
END_TEST

START_TEST(two_weak_scalars)
{
    /* Python 3 + 4.5: the default float. */
    NdArray *a = weak_int(3), *b = weak_float(4.5);
    NdArray *r = nd_binary(ND_UF_ADD, a, b);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->ndim, 0);
    ck_assert_int_eq(r->dtype, ND_FLOAT64);
    ck_assert_double_eq(*(double *)r->data, 7.5);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(strong_scalar_promotes)
{
    /* A 0-d int16 array (np.int16, not weak) with an int8 array: int16. */
    NdScalar s = nd_scalar_int64(300);
    ck_assert_int_eq(nd_scalar_cast(&s, ND_INT16, &s), 0);
    NdArray *x = nd_from_scalar(&s);
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, -2);
    NdArray *r = nd_binary(ND_UF_ADD, a, x);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_INT16);
    const int16_t want[2] = {301, 298};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(x);
}
END_TEST

/* ------------------------------------------------------------ TypeErrors */

START_TEST(bool_subtract_error)
{
    NdArray *a = ARR(ND_BOOL, bool, SHAPE(1), 1, true);
    NdArray *b = ARR(ND_BOOL, bool, SHAPE(1), 1, false);
    ck_assert_ptr_null(nd_binary(ND_UF_SUBTRACT, a, b));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "numpy boolean subtract, the `-` operator, is not "
                       "supported, use the bitwise_xor, the `^` operator, or "
                       "the logical_xor function instead.");
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(bool_negative_error)
{
    NdArray *a = ARR(ND_BOOL, bool, SHAPE(1), 1, true);
    ck_assert_ptr_null(nd_unary(ND_UF_NEGATIVE, a));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "The numpy boolean negative, the `-` operator, is not "
                       "supported, use the `~` operator or the logical_not "
                       "function instead.");
    nd_decref(a);
}
END_TEST

START_TEST(bool_positive_error)
{
    NdArray *a = ARR(ND_BOOL, bool, SHAPE(1), 1, true);
    ck_assert_ptr_null(nd_unary(ND_UF_POSITIVE, a));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "ufunc 'positive' did not contain a loop with "
                       "signature matching types <class "
                       "'numpy.dtypes.BoolDType'> -> None");
    nd_decref(a);
}
END_TEST

START_TEST(bool_minus_int_is_fine)
{
    /* np.array([True, False]) - 1 -> int64 [0, -1] */
    NdArray *a = ARR(ND_BOOL, bool, SHAPE(2), 1, true, false);
    NdArray *one = weak_int(1);
    NdArray *r = nd_binary(ND_UF_SUBTRACT, a, one);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dtype, ND_INT64);
    const int64_t want[2] = {0, -1};
    ck_assert_mem_eq(r->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(one);
}
END_TEST

START_TEST(bitwise_on_floats_error)
{
    NdArray *a = weak_float(1.0), *b = weak_float(2.0);
    ck_assert_ptr_null(nd_binary(ND_UF_BITWISE_AND, a, b));
    assert_no_loop("bitwise_and");
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(shift_float_by_int_error)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(1), 1, 1.5);
    NdArray *one = weak_int(1);
    ck_assert_ptr_null(nd_binary(ND_UF_LEFT_SHIFT, a, one));
    assert_no_loop("left_shift");
    nd_decref(a);
    nd_decref(one);
}
END_TEST

START_TEST(invert_float_error)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(1), 1, 1.5);
    ck_assert_ptr_null(nd_unary(ND_UF_INVERT, a));
    assert_no_loop("invert");
    nd_decref(a);
}
END_TEST

START_TEST(complex_floor_divide_and_remainder_error)
{
    NdArray *a = weak_complex(0, 1), *b = weak_complex(0, 2);
    ck_assert_ptr_null(nd_binary(ND_UF_FLOOR_DIVIDE, a, b));
    assert_no_loop("floor_divide");
    ck_assert_ptr_null(nd_binary(ND_UF_REMAINDER, a, b));
    assert_no_loop("remainder");
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(int64_bitwise_uint64_error)
{
    NdArray *a = nd_ones(ND_INT64, 1, SHAPE(2), 'C');
    NdArray *b = nd_ones(ND_UINT64, 1, SHAPE(2), 'C');
    ck_assert_ptr_null(nd_binary(ND_UF_BITWISE_OR, a, b));
    assert_no_loop("bitwise_or");
    nd_decref(a);
    nd_decref(b);
}
END_TEST

/* --------------------------------------------------------- OverflowErrors */

START_TEST(weak_int_overflow_int8)
{
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, 2);
    NdArray *big = weak_int(1000);
    ck_assert_ptr_null(nd_binary(ND_UF_ADD, a, big));
    ck_assert_nd_error(ND_ERR_OVERFLOW,
                       "Python integer 1000 out of bounds for int8");
    nd_decref(a);
    nd_decref(big);
}
END_TEST

START_TEST(weak_int_overflow_negative_uint8)
{
    NdArray *a = ARR(ND_UINT8, uint8_t, SHAPE(2), 1, 0, 255);
    NdArray *m1 = weak_int(-1);
    ck_assert_ptr_null(nd_binary(ND_UF_ADD, a, m1));
    ck_assert_nd_error(ND_ERR_OVERFLOW,
                       "Python integer -1 out of bounds for uint8");
    nd_decref(a);
    nd_decref(m1);
}
END_TEST

START_TEST(weak_int_overflow_int16_left)
{
    NdArray *a = ARR(ND_INT16, int16_t, SHAPE(1), 1, 1);
    NdArray *v = weak_int(-40000);
    ck_assert_ptr_null(nd_binary(ND_UF_MULTIPLY, v, a));
    ck_assert_nd_error(ND_ERR_OVERFLOW,
                       "Python integer -40000 out of bounds for int16");
    nd_decref(a);
    nd_decref(v);
}
END_TEST

START_TEST(weak_uint64_literal_overflow_int64)
{
    /* np.array([1]) + 2**63 */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(1), 1, 1);
    NdArray *v = weak_uint64(UINT64_C(9223372036854775808));
    ck_assert_ptr_null(nd_binary(ND_UF_ADD, a, v));
    ck_assert_nd_error(ND_ERR_OVERFLOW, "Python integer 9223372036854775808 "
                                        "out of bounds for int64");
    nd_decref(a);
    nd_decref(v);
}
END_TEST

/* ------------------------------------ comparisons beyond the dtype range */

START_TEST(uint8_equal_minus_one)
{
    NdArray *a = ARR(ND_UINT8, uint8_t, SHAPE(3), 1, 0, 1, 255);
    NdArray *m1 = weak_int(-1);
    NdArray *r = nd_binary(ND_UF_EQUAL, a, m1);
    assert_bools(r, (const bool[]){false, false, false}, 3);
    nd_decref(r);
    r = nd_binary(ND_UF_NOT_EQUAL, a, m1);
    assert_bools(r, (const bool[]){true, true, true}, 3);
    nd_decref(r);
    nd_decref(a);
    nd_decref(m1);
}
END_TEST

START_TEST(uint8_order_against_minus_one)
{
    NdArray *a = ARR(ND_UINT8, uint8_t, SHAPE(3), 1, 0, 1, 255);
    NdArray *m1 = weak_int(-1);
    NdArray *r = nd_binary(ND_UF_GREATER, a, m1);
    assert_bools(r, (const bool[]){true, true, true}, 3);
    nd_decref(r);
    r = nd_binary(ND_UF_GREATER_EQUAL, a, m1);
    assert_bools(r, (const bool[]){true, true, true}, 3);
    nd_decref(r);
    r = nd_binary(ND_UF_LESS, a, m1);
    assert_bools(r, (const bool[]){false, false, false}, 3);
    nd_decref(r);
    r = nd_binary(ND_UF_LESS_EQUAL, a, m1);
    assert_bools(r, (const bool[]){false, false, false}, 3);
    nd_decref(r);
    /* -1 < a: the weak int on the left. */
    r = nd_binary(ND_UF_LESS, m1, a);
    assert_bools(r, (const bool[]){true, true, true}, 3);
    nd_decref(r);
    nd_decref(a);
    nd_decref(m1);
}
END_TEST

START_TEST(int8_against_thousand)
{
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2, 2), 2, -128, 0, 5, 127);
    NdArray *k = weak_int(1000);
    NdArray *r = nd_binary(ND_UF_LESS, a, k);
    assert_bools(r, (const bool[]){true, true, true, true}, 4);
    ck_assert_int_eq(r->ndim, 2);
    nd_decref(r);
    r = nd_binary(ND_UF_LESS_EQUAL, k, a);
    assert_bools(r, (const bool[]){false, false, false, false}, 4);
    nd_decref(r);
    r = nd_binary(ND_UF_GREATER, k, a);
    assert_bools(r, (const bool[]){true, true, true, true}, 4);
    nd_decref(r);
    nd_decref(a);
    nd_decref(k);
}
END_TEST

START_TEST(int64_equal_two_to_63)
{
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2), 1, INT64_MAX, -1);
    NdArray *v = weak_uint64(UINT64_C(9223372036854775808));
    NdArray *r = nd_binary(ND_UF_EQUAL, a, v);
    assert_bools(r, (const bool[]){false, false}, 2);
    nd_decref(r);
    r = nd_binary(ND_UF_LESS, a, v);
    assert_bools(r, (const bool[]){true, true}, 2);
    nd_decref(r);
    nd_decref(a);
    nd_decref(v);
}
END_TEST

START_TEST(in_range_weak_compare_still_compares)
{
    NdArray *a = ARR(ND_UINT8, uint8_t, SHAPE(3), 1, 0, 7, 200);
    NdArray *k = weak_int(7);
    NdArray *r = nd_binary(ND_UF_GREATER_EQUAL, a, k);
    assert_bools(r, (const bool[]){false, true, true}, 3);
    nd_decref(r);
    nd_decref(a);
    nd_decref(k);
}
END_TEST

START_TEST(int64_vs_uint64_exact)
{
    /* 2**63 - 1 and 2**63 are one float64 but different integers. */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(3), 1, INT64_MAX, -1, 5);
    NdArray *b = ARR(ND_UINT64, uint64_t, SHAPE(3), 1,
                     UINT64_C(9223372036854775808), UINT64_MAX, 5);
    NdArray *r = nd_binary(ND_UF_EQUAL, a, b);
    assert_bools(r, (const bool[]){false, false, true}, 3);
    nd_decref(r);
    r = nd_binary(ND_UF_LESS, a, b);
    assert_bools(r, (const bool[]){true, true, false}, 3);
    nd_decref(r);
    r = nd_binary(ND_UF_GREATER_EQUAL, b, a);
    assert_bools(r, (const bool[]){true, true, true}, 3);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

START_TEST(logical_and_mixed_kinds)
{
    /* np.logical_and([0, 2, 3], [1.5, 0.0, nan]) -> [F, F, T] */
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(3), 1, 0, 2, 3);
    NdArray *b = ARR(ND_FLOAT64, double, SHAPE(3), 1, 1.5, 0.0, NAN);
    NdArray *r = nd_binary(ND_UF_LOGICAL_AND, a, b);
    assert_bools(r, (const bool[]){false, false, true}, 3);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
}
END_TEST

/* ------------------------------------------------------------------ out= */

START_TEST(out_cast_error_same_kind)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(1), 1, 1.5);
    NdArray *one = weak_int(1);
    NdArray *out = nd_empty(ND_INT64, 1, SHAPE(1), 'C');
    NdArray *in[2] = {a, one};
    ck_assert_ptr_null(nd_ufunc(ND_UF_ADD, in, out, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast ufunc 'add' output from dtype('float64') "
                       "to dtype('int64') with casting rule 'same_kind'");
    nd_decref(a);
    nd_decref(one);
    nd_decref(out);
}
END_TEST

START_TEST(out_cast_error_signed_to_unsigned)
{
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, 2);
    NdArray *out = nd_empty(ND_UINT8, 1, SHAPE(2), 'C');
    NdArray *in[2] = {a, a};
    ck_assert_ptr_null(nd_ufunc(ND_UF_ADD, in, out, ND_CAST_SAME_KIND));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast ufunc 'add' output from dtype('int8') to "
                       "dtype('uint8') with casting rule 'same_kind'");
    nd_decref(a);
    nd_decref(out);
}
END_TEST

START_TEST(out_cast_error_no)
{
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, 2);
    NdArray *out = nd_empty(ND_FLOAT32, 1, SHAPE(2), 'C');
    NdArray *in[2] = {a, a};
    ck_assert_ptr_null(nd_ufunc(ND_UF_ADD, in, out, ND_CAST_NO));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast ufunc 'add' output from dtype('int8') to "
                       "dtype('float32') with casting rule 'no'");
    nd_decref(a);
    nd_decref(out);
}
END_TEST

START_TEST(input_cast_error_no)
{
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, 2);
    NdArray *b = ARR(ND_INT16, int16_t, SHAPE(2), 1, 1, 2);
    NdArray *out = nd_empty(ND_INT16, 1, SHAPE(2), 'C');
    NdArray *in[2] = {a, b};
    ck_assert_ptr_null(nd_ufunc(ND_UF_ADD, in, out, ND_CAST_NO));
    ck_assert_nd_error(ND_ERR_TYPE,
                       "Cannot cast ufunc 'add' input 0 from dtype('int8') to "
                       "dtype('int16') with casting rule 'no'");
    nd_decref(a);
    nd_decref(b);
    nd_decref(out);
}
END_TEST

START_TEST(out_loop_dtype_ignores_out)
{
    /* np.add(int8 [1], int8 [127], out=float64): the int8 loop wraps,
     * then the result is cast: [-128.0]. */
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(1), 1, 1);
    NdArray *b = ARR(ND_INT8, int8_t, SHAPE(1), 1, 127);
    NdArray *out = nd_zeros(ND_FLOAT64, 1, SHAPE(1), 'C');
    NdArray *in[2] = {a, b};
    NdArray *r = nd_ufunc(ND_UF_ADD, in, out, ND_CAST_SAME_KIND);
    ck_assert_ptr_eq(r, out);
    ck_assert_double_eq(*(double *)out->data, -128.0);
    nd_decref(r);
    nd_decref(a);
    nd_decref(b);
    nd_decref(out);
}
END_TEST

START_TEST(out_unsafe_truncates)
{
    /* np.add(int8 [1,2], 1.5, out=int8, casting='unsafe') -> [2, 3] */
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, 2);
    NdArray *f = weak_float(1.5);
    NdArray *out = nd_zeros(ND_INT8, 1, SHAPE(2), 'C');
    NdArray *in[2] = {a, f};
    NdArray *r = nd_ufunc(ND_UF_ADD, in, out, ND_CAST_UNSAFE);
    ck_assert_ptr_eq(r, out);
    const int8_t want[2] = {2, 3};
    ck_assert_mem_eq(out->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(f);
    nd_decref(out);
}
END_TEST

START_TEST(out_comparison_into_int)
{
    /* np.less([1,5], 3, out=int32 array) -> [1, 0] (bool -> int32 is safe) */
    NdArray *a = ARR(ND_INT64, int64_t, SHAPE(2), 1, 1, 5);
    NdArray *three = weak_int(3);
    NdArray *out = nd_full(ND_INT32, 1, SHAPE(2), &(NdScalar){0}, 'C');
    NdArray *in[2] = {a, three};
    NdArray *r = nd_ufunc(ND_UF_LESS, in, out, ND_CAST_SAME_KIND);
    ck_assert_ptr_eq(r, out);
    const int32_t want[2] = {1, 0};
    ck_assert_mem_eq(out->data, want, sizeof want);
    nd_decref(r);
    nd_decref(a);
    nd_decref(three);
    nd_decref(out);
}
END_TEST

/* ------------------------------------------------ errors from the loops */

START_TEST(negative_integer_power_error)
{
    NdArray *a = ARR(ND_INT8, int8_t, SHAPE(2), 1, 1, 2);
    NdArray *m1 = weak_int(-1);
    ck_assert_ptr_null(nd_binary(ND_UF_POWER, a, m1));
    ck_assert_nd_error(ND_ERR_VALUE,
                       "Integers to negative integer powers are not allowed.");
    nd_decref(a);
    nd_decref(m1);
}
END_TEST

START_TEST(float_divide_by_zero_sets_status)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2), 1, 1.0, -1.0);
    NdArray *z = weak_float(0.0);
    nd_fpe_clear();
    NdArray *r = nd_binary(ND_UF_TRUE_DIVIDE, a, z);
    ck_assert_ptr_nonnull(r);
    ck_assert(isinf(((double *)r->data)[0]));
    ck_assert(nd_fpe_status() & ND_FPE_DIVIDEBYZERO);
    ck_assert_str_eq(nd_fpe_origin(ND_FPE_DIVIDEBYZERO), "divide");
    nd_fpe_clear();
    nd_decref(r);
    nd_decref(a);
    nd_decref(z);
}
END_TEST

START_TEST(clean_add_sets_no_status)
{
    NdArray *a = ARR(ND_FLOAT64, double, SHAPE(2), 1, 1.0, 2.0);
    nd_fpe_clear();
    NdArray *r = nd_binary(ND_UF_ADD, a, a);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(nd_fpe_status(), 0);
    nd_decref(r);
    nd_decref(a);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ufunc");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, names_are_numpys);
    tcase_add_test(tc, nin);
    tcase_add_test(tc, lookup_names_and_aliases);
    tcase_add_test(tc, binary_dtype_table);
    tcase_add_test(tc, unary_dtype_table);
    tcase_add_test(tc, weak_int_keeps_array_dtype);
    tcase_add_test(tc, weak_int_on_left);
    tcase_add_test(tc, weak_int_wraps_unsigned);
    tcase_add_test(tc, weak_float_with_int_array);
    tcase_add_test(tc, weak_float_keeps_float32);
    tcase_add_test(tc, weak_complex_with_float32);
    tcase_add_test(tc, weak_int_with_bool_array);
    tcase_add_test(tc, int_divide_is_float64);
    tcase_add_test(tc, two_weak_scalars);
    tcase_add_test(tc, strong_scalar_promotes);
    tcase_add_test(tc, bool_subtract_error);
    tcase_add_test(tc, bool_negative_error);
    tcase_add_test(tc, bool_positive_error);
    tcase_add_test(tc, bool_minus_int_is_fine);
    tcase_add_test(tc, bitwise_on_floats_error);
    tcase_add_test(tc, shift_float_by_int_error);
    tcase_add_test(tc, invert_float_error);
    tcase_add_test(tc, complex_floor_divide_and_remainder_error);
    tcase_add_test(tc, int64_bitwise_uint64_error);
    tcase_add_test(tc, weak_int_overflow_int8);
    tcase_add_test(tc, weak_int_overflow_negative_uint8);
    tcase_add_test(tc, weak_int_overflow_int16_left);
    tcase_add_test(tc, weak_uint64_literal_overflow_int64);
    tcase_add_test(tc, uint8_equal_minus_one);
    tcase_add_test(tc, uint8_order_against_minus_one);
    tcase_add_test(tc, int8_against_thousand);
    tcase_add_test(tc, int64_equal_two_to_63);
    tcase_add_test(tc, in_range_weak_compare_still_compares);
    tcase_add_test(tc, int64_vs_uint64_exact);
    tcase_add_test(tc, logical_and_mixed_kinds);
    tcase_add_test(tc, out_cast_error_same_kind);
    tcase_add_test(tc, out_cast_error_signed_to_unsigned);
    tcase_add_test(tc, out_cast_error_no);
    tcase_add_test(tc, input_cast_error_no);
    tcase_add_test(tc, out_loop_dtype_ignores_out);
    tcase_add_test(tc, out_unsafe_truncates);
    tcase_add_test(tc, out_comparison_into_int);
    tcase_add_test(tc, negative_integer_power_error);
    tcase_add_test(tc, float_divide_by_zero_sets_status);
    tcase_add_test(tc, clean_add_sets_no_status);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nd_test_main(suite());
}
