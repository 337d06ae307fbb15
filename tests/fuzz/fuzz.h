/*
 * fuzz.h - what the fuzz targets share: libFuzzer's two entry points, declared, and a private
 * folder for the files a target writes, removed with everything in it when the run ends.
 */
#ifndef VB_FUZZ_H
#define VB_FUZZ_H

#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_dir[64];

static inline int fuzz_remove(const char *path, const struct stat *st, int flag, struct FTW *at)
{
    (void)st; (void)flag; (void)at;
    return remove(path);
}

static inline void fuzz_cleanup(void)
{
    nftw(fuzz_dir, fuzz_remove, 8, FTW_DEPTH | FTW_PHYS);
}

/* A new folder /tmp/vb-fuzz-<what>-XXXXXX for this run, removed at exit. */
static inline const char *fuzz_folder(const char *what)
{
    snprintf(fuzz_dir, sizeof fuzz_dir, "/tmp/vb-fuzz-%s-XXXXXX", what);
    if (!mkdtemp(fuzz_dir)) abort();
    atexit(fuzz_cleanup);
    return fuzz_dir;
}

#endif
