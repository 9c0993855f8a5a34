/* rs-error.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RS_ERROR (rs_error_quark ())

typedef enum
{
  RS_ERROR_INVALID_INPUT,
  RS_ERROR_NOT_A_CASE,
  RS_ERROR_CORRUPT_CASE,
  RS_ERROR_UNSUPPORTED_VERSION,
  RS_ERROR_NOT_FOUND,
  RS_ERROR_STORAGE,
  RS_ERROR_BUSY,
  RS_ERROR_LAYOUT_FAILED,
  RS_ERROR_EXPORT_FAILED,
  RS_ERROR_CANCELLED,
  RS_ERROR_ALREADY_OPEN,
  RS_ERROR_READ_ONLY,
  RS_ERROR_CONFLICT,
} RsError;

GQuark rs_error_quark (void);

G_END_DECLS
