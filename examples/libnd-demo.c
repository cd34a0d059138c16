/* libnd-demo.c — a first taste of libnd, the array runtime under nd, used
 * from C: until the language lands, this is the small example the README's
 * first command runs.  It builds arrays, broadcasts an operation over them,
 * multiplies matrices and prints the results as NumPy would. */
#include <stdio.h>
#include <stdlib.h>

#include "nd.h"

static int show(const char *label, NdArray *a)
{
    char *text = a ? nd_array_repr(a) : NULL;
    if (!text) {
        fprintf(stderr, "libnd-demo: %s: %s\n",
                nd_error_kind_name(nd_error_kind()), nd_error_message());
        return -1;
    }
    printf("%s = %s\n", label, text);
    free(text);
    return 0;
}

int main(void)
{
    NdScalar start = nd_scalar_int64(0), stop = nd_scalar_int64(6);
    NdScalar two = {.dtype = ND_INT64, .weak = true, .v.i64 = 2};
    NdArray *x = nd_linspace(0, 1, 5, true, ND_FLOAT64, NULL);
    NdArray *w = nd_from_scalar(&two);
    NdArray *y = x && w ? nd_binary(ND_UF_MULTIPLY, x, w) : NULL;
    NdArray *r = nd_arange(&start, &stop, NULL, ND_NTYPES);
    NdArray *m = r ? nd_reshape(r, 2, (int64_t[]){2, 3}, 'C') : NULL;
    NdArray *mt = m ? nd_transpose(m, NULL, 0) : NULL;
    NdArray *g = m && mt ? nd_matmul(m, mt) : NULL;
    NdArray *col = nd_reshape(x, 2, (int64_t[]){5, 1}, 'C');
    NdArray *grid = col ? nd_binary(ND_UF_LESS, col, x) : NULL;
    int status = 0;
    status |= show("x", x);
    status |= show("2 * x", y);
    status |= show("m", m);
    status |= show("m @ m.T", g);
    status |= show("x[:, None] < x", grid);
    nd_decref(x);
    nd_decref(w);
    nd_decref(y);
    nd_decref(r);
    nd_decref(m);
    nd_decref(mt);
    nd_decref(g);
    nd_decref(col);
    nd_decref(grid);
    return status ? 1 : 0;
}
