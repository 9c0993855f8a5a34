/* rs-fuzz.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* The libFuzzer entry points every harness defines. Built with clang and
 * -fsanitize=fuzzer they are driven by libFuzzer (make fuzz); built otherwise
 * they are driven by rs-fuzz-main.c over the seed corpus and the regression
 * inputs (make test). */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A private folder for the files one harness process writes, on tmpfs when
 * there is one: removed at exit. */
const char *rs_fuzz_scratch_dir (void);

/* An invariant every harness checks: a refused input gets a message a user
 * can read (non-empty, valid UTF-8). Aborts, so that libFuzzer reports it. */
void        rs_fuzz_check_error (const GError *error);

G_END_DECLS
