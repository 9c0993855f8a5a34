/* rs-export-text.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Text from a case on its way into a markup or a spreadsheet file: the timeline and the
 * brief exporters' escaping, in one place so a fix reaches every format. Case text is
 * untrusted (it comes from colleagues and from imported reports). */

/* Appends text escaped for XML 1.0 and HTML, in element content or a quoted attribute
 * (rs_export_append_xml_escaped: & < > " ' as entities, tab, newline and carriage return
 * as references, characters XML cannot carry dropped). NULL appends nothing. */
void      rs_export_text_append_escaped  (GString    *out,
                                          const char *text);
/* Appends one CSV cell (RFC 4180: always quoted, quotes doubled, newlines kept). A cell
 * a spreadsheet would run as a formula (= + - @ tab or carriage return first) gets a
 * leading apostrophe, as OWASP recommends, so it reads as text. */
void      rs_export_text_append_csv_cell (GString    *out,
                                          const char *text);

/* TRUE when url is an absolute http or https address: the only links an export keeps
 * (no javascript:, data:, file: or relative links from case text). */
gboolean  rs_export_text_is_web_url      (const char *url);

/* Writes the whole string; a GError with a sentence when the stream fails. */
gboolean  rs_export_text_write           (GOutputStream  *out,
                                          GString        *text,
                                          GCancellable   *cancellable,
                                          GError        **error);

G_END_DECLS
