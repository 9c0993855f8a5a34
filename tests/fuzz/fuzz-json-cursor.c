/* fuzz-json-cursor.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <json-glib/json-glib.h>

#include "rs-bundle-scan.h"
#include "rs-fuzz.h"
#include "rs-json-cursor.h"

/* The streaming reader of case bundles (rs-json-cursor.c), against the reader it
 * stands in for. A bundle the cursor takes is imported without json-glib ever
 * seeing it, so the cursor must never take text that json-glib (or the scan
 * before it) would refuse or read differently. Invariants: whatever the cursor
 * reads whole, the scan finds nothing wrong with and json-glib parses to an equal
 * value; skipping a value takes what reading it takes. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

static void
fail (const char *what)
{
  fprintf (stderr, "fuzz-json-cursor: %s\n", what);
  abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RsBundleScan) scan = { 0 };
  RsJsonCursor cursor, skipper;
  gboolean skipped;

  /* The reader validates UTF-8 before the cursor runs. */
  if (!g_utf8_validate_len (text, size, NULL))
    return 0;

  rs_json_cursor_init (&cursor, text, size);
  node = rs_json_cursor_read_value (&cursor);
  rs_json_cursor_init (&skipper, text, size);
  skipped = rs_json_cursor_skip_value (&skipper);
  /* Skipping is as strict but for names repeated in an object, which it lets by
   * (nothing of a skipped value is kept). */
  if (node != NULL && (!skipped || skipper.p != cursor.p))
    fail ("skipping a value and reading it disagree");
  if (node == NULL || !rs_json_cursor_at_end (&cursor))
    return 0;

  if (!rs_bundle_scan (text, size, 64, &scan, &error))
    fail ("the cursor read what the scan refuses");
  if (scan.problem != NULL)
    fail ("the cursor read what json-glib would not keep");

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, size, &error))
    fail ("the cursor read what json-glib refuses");
  if (!json_node_equal (node, json_parser_get_root (parser)))
    fail ("the cursor and json-glib read different values");
  return 0;
}
