/* poppler.h (layering guard)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * poppler-glib belongs to app/import (rs-report-pdf.c): see sqlite3.h beside this file.
 */

#ifdef RS_LAYER_POPPLER
# include_next <poppler.h>
#else
# error "poppler-glib belongs to app/import: go through rs_report_read_bytes() (or declare poppler_dep)"
#endif
