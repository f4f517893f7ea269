// Building the hot column loops for AVX2 as well as for any x86-64.
//
// Owns: ANSINH_VECTOR_LOOPS, which asks GCC for two versions of a function (AVX2 and the x86-64
// baseline) and lets the loader pick one when the program starts (function multiversioning), and
// ANSINH_LOOP_INLINE for the helpers such a function calls, so that they are built into each
// version. Why: the baseline has SSE2 only, with no 64-bit integer compare and no byte-to-int64
// widening in vector registers, so the loops over columns ran one row at a time.
// Must stay true: a function marked ANSINH_VECTOR_LOOPS computes the same result in both versions
// (only the instructions differ); sanitizer builds and other compilers get the baseline only.
#pragma once

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__) && \
    !defined(__SANITIZE_ADDRESS__) && defined(__linux__)
#define ANSINH_VECTOR_LOOPS __attribute__((target_clones("avx2", "default")))
#else
#define ANSINH_VECTOR_LOOPS
#endif

#define ANSINH_LOOP_INLINE [[gnu::always_inline]] inline
