/* nd_io.h — .npy/.npz files and memory-mapped arrays (lib/npy.c). */
#ifndef ND_ND_IO_H
#define ND_ND_IO_H

#endif
