/* nd_manip.h — the public libnd API of lib/manip.c (joining, splitting,
 * tiling, flipping, rolling, inserting, deleting and padding arrays) and of
 * the creation routines of lib/create.c beyond nd.h's core (ranges over
 * arrays, grids, triangles).  Included by nd.h; the same ownership rule:
 * results are new references, arguments are borrowed, errors return NULL
 * (or -1) with the error record set to NumPy's text. */
#ifndef ND_MANIP_H
#define ND_MANIP_H

/* An axis argument of None ("work on the flattened array"). */
#define ND_AXIS_NONE INT64_MIN

/* ---------------------------------------------------------- axis helpers */

/* Normalise n axes into out[] (AxisError "axis 3 is out of bounds for
 * array of dimension 2", prefixed with "<argname>: " when argname is not
 * NULL); ValueError "repeated axis" (or "repeated axis in `<argname>`
 * argument") unless allow_duplicate. */
int nd_normalize_axes(const int64_t *axes, int n, int ndim, const char *argname,
                      bool allow_duplicate, int *out);

/* ---------------------------------------------------------------- views */

/* moveaxis: source and destination positions (n each). */
NdArray *nd_moveaxis(NdArray *a, const int64_t *source, int nsource,
                     const int64_t *destination, int ndestination);
/* rollaxis(a, axis, start) (NumPy's older spelling of moveaxis). */
NdArray *nd_rollaxis(NdArray *a, int64_t axis, int64_t start);
/* atleast_1d/2d/3d (n = 1, 2, 3): a view with NumPy's placement of the
 * added axes. */
NdArray *nd_atleast(NdArray *a, int n);
/* flip along the given axes (NULL: every axis): a view. */
NdArray *nd_flip(NdArray *a, const int64_t *axes, int naxes);
/* rot90(a, k, axes): a view.  ValueError "len(axes) must be 2.", "Axes
 * must be different.", "Axes=(0, 2) out of range for array of ndim=2.". */
NdArray *nd_rot90(NdArray *a, int64_t k, int64_t axis0, int64_t axis1);
/* ravel with every order of NumPy, 'K' reading in memory order. */
NdArray *nd_ravel_order(NdArray *a, char order);
/* Broadcast n arrays against each other: out[i] are writeable views (as
 * NumPy's broadcast_arrays), or new references to the inputs themselves
 * when every shape already agrees. */
int nd_broadcast_arrays(NdArray *const *arrays, int n, NdArray **out);
/* Views of a along axis between consecutive division points (NumPy's
 * array_split with a list of indices; Python slice clipping applies).
 * out must have room for npoints + 1 arrays. */
int nd_split_at(NdArray *a, const int64_t *points, int64_t npoints,
                int64_t axis, NdArray **out);
/* The division points of array_split(a, sections): sections - 1 of them,
 * the first (len % sections) parts one longer.  ValueError "number
 * sections must be larger than 0." */
int nd_split_points(int64_t len, int64_t sections, int64_t *points);
/* trim_zeros: leading ('f') and/or trailing ('b') zeros removed along every
 * axis with on_axis[i] set (NULL: every axis), keeping the bounding box of
 * the non-zero elements: a view.  All zeros leave those axes empty. */
NdArray *nd_trim_zeros(NdArray *a, bool front, bool back, const bool *on_axis);

/* --------------------------------------------------------------- copies */

/* concatenate along axis (ND_AXIS_NONE: the arrays flattened).  dtype
 * ND_NTYPES: the arrays' result type.  ValueError "need at least one array
 * to concatenate", "zero-dimensional arrays cannot be concatenated", "all
 * the input array dimensions except for the concatenation axis must match
 * exactly, but along dimension 1, the array at index 0 has size 2 and the
 * array at index 1 has size 3"; TypeError when casting forbids. */
NdArray *nd_concatenate(NdArray *const *arrays, int64_t n, int64_t axis,
                        NdType dtype, NdCasting casting);
/* stack along a new axis; ValueError "need at least one array to stack",
 * "all input arrays must have the same shape". */
NdArray *nd_stack(NdArray *const *arrays, int64_t n, int64_t axis, NdType dtype,
                  NdCasting casting);
/* tile(a, reps). */
NdArray *nd_tile(NdArray *a, const int64_t *reps, int nreps);
/* repeat(a, repeats, axis): nrep is 1 (every element the same) or the
 * length of the axis. */
NdArray *nd_repeat(NdArray *a, const int64_t *repeats, int64_t nrep,
                   int64_t axis);
/* roll: shifts[i] along axes[i] (axes NULL: the flattened array, shifts
 * summed); repeated axes add up. */
NdArray *nd_roll(NdArray *a, const int64_t *shifts, int nshifts,
                 const int64_t *axes, int naxes);
/* resize(a, shape): the flattened a repeated to fill the new shape. */
NdArray *nd_resize(NdArray *a, int ndim, const int64_t *shape);
/* delete: the entries idx[0..n) (negatives count from the end) removed
 * along axis (ND_AXIS_NONE: of the flattened array).  IndexError "index 5
 * is out of bounds for axis 0 with size 3". */
NdArray *nd_delete(NdArray *a, const int64_t *idx, int64_t n, int64_t axis);
/* delete with a boolean mask of the axis length (true = remove). */
NdArray *nd_delete_mask(NdArray *a, const bool *mask, int64_t n, int64_t axis);
/* insert values before idx[0..n) along axis (ND_AXIS_NONE: flattened).
 * scalar_index: obj was one integer (values then form one block, as
 * NumPy's a[:, i] = ...); else one slice of values per index. */
NdArray *nd_insert(NdArray *a, const int64_t *idx, int64_t n, bool scalar_index,
                   NdArray *values, int64_t axis);

typedef enum NdPadMode {
    ND_PAD_CONSTANT,
    ND_PAD_EDGE,
    ND_PAD_REFLECT,
    ND_PAD_SYMMETRIC,
    ND_PAD_WRAP,
    ND_PAD_LINEAR_RAMP,
    ND_PAD_EMPTY,
} NdPadMode;
/* pad: widths holds (before, after) for each axis (2*ndim entries, none
 * negative); values holds (before, after) per axis of constant_values or
 * end_values (NULL: zeros); odd selects reflect_type='odd'. */
NdArray *nd_pad(NdArray *a, const int64_t *widths, NdPadMode mode,
                const NdScalar *values, bool odd);

/* ------------------------------------------------------------- creation */

/* linspace over arrays: start and stop broadcast; the samples run along
 * `axis` of the result.  dtype ND_NTYPES: float64 (float32 or complex when
 * start/stop are).  *step_out (may be NULL) receives the spacing as an
 * array of the broadcast shape (nan when num < 2 with endpoint). */
NdArray *nd_linspace_array(NdArray *start, NdArray *stop, int64_t num,
                           bool endpoint, NdType dtype, int64_t axis,
                           NdArray **step_out);
/* logspace: base ** linspace(start, stop). */
NdArray *nd_logspace(NdArray *start, NdArray *stop, int64_t num, bool endpoint,
                     NdArray *base, NdType dtype, int64_t axis);
/* geomspace: ValueError "Geometric sequence cannot include zero". */
NdArray *nd_geomspace(NdArray *start, NdArray *stop, int64_t num, bool endpoint,
                      NdType dtype, int64_t axis);
/* tri(N, M, k): ones at and below the k-th diagonal (M < 0: M = N). */
NdArray *nd_tri(int64_t n, int64_t m, int64_t k, NdType dtype);
/* diagflat(v, k): the flattened v on the k-th diagonal of a square array. */
NdArray *nd_diagflat(NdArray *v, int64_t k);
/* vander(x, N, increasing): N < 0 means len(x). */
NdArray *nd_vander(NdArray *x, int64_t n, bool increasing);
/* indices(dims): the (ndim, *dims) grid of index values. */
NdArray *nd_indices(int ndim, const int64_t *dims, NdType dtype);
/* meshgrid: out[0..n) (views unless copy; broadcast unless sparse). */
int nd_meshgrid(NdArray *const *xi, int n, bool ij, bool sparse, bool copy,
                NdArray **out);

#endif
