/* npy.c — the .npy/.npz room of libnd: NumPy's file formats and memory-mapped
 * arrays (nd_io.h). */
#include "nd.h"
