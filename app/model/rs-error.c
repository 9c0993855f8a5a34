/* rs-error.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-error.h"

G_DEFINE_QUARK (rs-error-quark, rs_error)
