/* fuzz-report-text.c
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

/* The text decoder (BOMs, UTF-8, UTF-16, Windows-1252, line ends), as plain text
 * and as Markdown. Invariants: a refused file gets RS_ERROR_INVALID_INPUT and a
 * readable sentence, and so does the same file read as Markdown; an accepted one
 * has text a document can hold (non-empty UTF-8, "\n" line ends, no control
 * characters but tab), the same text and encoding as Markdown,
 * and no replaced bytes when the input was valid UTF-8 already. */

static void
check_text (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || !g_utf8_validate (text, len, NULL))
    {
      fprintf (stderr, "fuzz-report-text: the text is empty or not UTF-8\n");
      abort ();
    }
  for (const char *p = text; *p != '\0'; p++)
    if (((guchar)*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
      {
        fprintf (stderr, "fuzz-report-text: control byte 0x%02x in the text\n", (guchar)*p);
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
  g_autoptr(GError) md_error = NULL;
  g_autoptr(RsReport) report = rs_report_read_bytes (bytes, "fuzz.txt", NULL, &error);
  g_autoptr(RsReport) markdown = rs_report_read_bytes (bytes, "fuzz.md", NULL, &md_error);

  if (report == NULL)
    {
      rs_fuzz_check_error (error);
      /* PDFs and foreign formats are told by content: not this harness's job. */
      if (markdown != NULL || !g_error_matches (error, RS_ERROR, RS_ERROR_INVALID_INPUT) ||
          !g_error_matches (md_error, RS_ERROR, RS_ERROR_INVALID_INPUT))
        {
          fprintf (stderr, "fuzz-report-text: refused as text but not the same way as Markdown\n");
          abort ();
        }
      return 0;
    }
  if (markdown == NULL)
    {
      fprintf (stderr, "fuzz-report-text: read as text but refused as Markdown\n");
      abort ();
    }

  check_text (rs_report_get_text (report));
  if (rs_report_get_format (report) == RS_REPORT_FORMAT_TEXT &&
      (g_strcmp0 (rs_report_get_text (report), rs_report_get_text (markdown)) != 0 ||
       g_strcmp0 (rs_report_get_encoding (report), rs_report_get_encoding (markdown)) != 0 ||
       rs_report_get_n_replaced (report) != rs_report_get_n_replaced (markdown)))
    {
      fprintf (stderr, "fuzz-report-text: text and Markdown decode differently\n");
      abort ();
    }
  if (rs_report_get_format (report) == RS_REPORT_FORMAT_TEXT &&
      g_utf8_validate_len ((const char *)data, size, NULL) && rs_report_get_n_replaced (report) != 0)
    {
      fprintf (stderr, "fuzz-report-text: valid UTF-8 had bytes replaced\n");
      abort ();
    }
  if (rs_report_get_title (report) != NULL &&
      (!g_utf8_validate (rs_report_get_title (report), -1, NULL) ||
       strchr (rs_report_get_title (report), '\n') != NULL))
    {
      fprintf (stderr, "fuzz-report-text: the title is not one line of UTF-8\n");
      abort ();
    }
  return 0;
}
