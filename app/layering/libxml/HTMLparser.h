/* libxml/HTMLparser.h (layering guard)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 belongs to app/import (rs-report-html.c): see sqlite3.h in the folder above.
 */

#ifdef RS_LAYER_LIBXML
# include_next <libxml/HTMLparser.h>
#else
# error "libxml2 belongs to app/import: go through rs_report_read_bytes() (or declare libxml_dep)"
#endif
