/* fuzz-report-html.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rs-core.h"
#include "rs-error.h"
#include "rs-fuzz.h"
#include "rs-report.h"

/* The HTML report reader (libxml2), as File → Import Report and `redstring-cli
 * import-report` use it on a saved web page. Invariants: a refused page gets
 * RS_ERROR_INVALID_INPUT and a readable sentence; an accepted one has text a
 * document can hold (non-empty UTF-8, "\n" line ends, no control characters but
 * tab) and one-line UTF-8 metadata. */

static void
check_line (const char *what,
            const char *value)
{
  if (value == NULL)
    return;
  if (!g_utf8_validate (value, -1, NULL) || strchr (value, '\n') != NULL || *value == '\0')
    {
      fprintf (stderr, "fuzz-report-html: the %s is not one line of UTF-8\n", what);
      abort ();
    }
}

static void
check_text (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || !g_utf8_validate (text, len, NULL))
    {
      fprintf (stderr, "fuzz-report-html: the text is empty or not UTF-8\n");
      abort ();
    }
  for (const char *p = text; *p != '\0'; p++)
    if (((guchar)*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
      {
        fprintf (stderr, "fuzz-report-html: control byte 0x%02x in the text\n", (guchar)*p);
        abort ();
      }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rs_core_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = rs_report_read_bytes (bytes, "fuzz.html", NULL, &error);

  if (report == NULL)
    {
      rs_fuzz_check_error (error);
      if (!g_error_matches (error, RS_ERROR, RS_ERROR_INVALID_INPUT))
        {
          fprintf (stderr, "fuzz-report-html: refused with %s %d, not INVALID_INPUT\n",
                   g_quark_to_string (error->domain), error->code);
          abort ();
        }
      return 0;
    }

  check_text (rs_report_get_text (report));
  check_line ("title", rs_report_get_title (report));
  check_line ("author", rs_report_get_author (report));
  check_line ("publisher", rs_report_get_publisher (report));
  check_line ("url", rs_report_get_url (report));
  check_line ("published date", rs_report_get_published (report));
  return 0;
}
