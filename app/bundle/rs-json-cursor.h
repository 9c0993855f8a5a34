/* rs-json-cursor.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A pull reader over JSON text in memory: it reads one value at a time, so a
 * bundle of a million records never exists as one tree. It is strict and says
 * nothing about why it stopped: any text it does not take (bad syntax, "\u0000",
 * an integer past 64 bits, a name repeated in an object, nesting past a few
 * levels) makes it return FALSE, and the caller reads the bundle with json-glib
 * instead, which explains the problem. */
typedef struct
{
  const char *start;
  const char *p;
  const char *end;
} RsJsonCursor;

void      rs_json_cursor_init         (RsJsonCursor  *cursor,
                                       const char    *data,
                                       gsize          size);
gboolean  rs_json_cursor_peek         (RsJsonCursor  *cursor,
                                       char          *next);
gboolean  rs_json_cursor_expect       (RsJsonCursor  *cursor,
                                       char           c);
gboolean  rs_json_cursor_next         (RsJsonCursor  *cursor,
                                       char           close,
                                       gboolean      *first,
                                       gboolean      *more);
char     *rs_json_cursor_read_string  (RsJsonCursor  *cursor);
gboolean  rs_json_cursor_read_key     (RsJsonCursor  *cursor,
                                       char         **key);
const char *rs_json_cursor_read_key_in (RsJsonCursor *cursor,
                                       char          *buffer,
                                       gsize          size,
                                       char         **heap);
JsonNode *rs_json_cursor_read_value   (RsJsonCursor  *cursor);
gboolean  rs_json_cursor_skip_value   (RsJsonCursor  *cursor);
gboolean  rs_json_cursor_at_end       (RsJsonCursor  *cursor);

G_END_DECLS
