/* fuzz-fuzzy-date.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rs-core.h"
#include "rs-fuzzy-date.h"
#include "rs-fuzz.h"

/* The fuzzy-date parser, as bundles and case files reach it: a start, an end, a
 * precision and a qualifier. Input: byte 0 picks the precision and byte 1 the
 * qualifier (out-of-range values included, as a hostile file has them), the
 * rest is "START\nEND" (no newline: no end). A date that parses must format,
 * compare equal to itself and survive a round trip through its own text. The
 * rest is also read as an analyst types a date (rs_fuzzy_date_parse_text:
 * "2009", "2016 – 2017"), with the same checks. */

static void
check_date (RsFuzzyDate *date)
{
  g_autoptr(RsFuzzyDate) again = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *formatted = NULL;

  formatted = rs_fuzzy_date_format (date);
  if (formatted == NULL || !g_utf8_validate (formatted, -1, NULL))
    abort ();
  if (!rs_fuzzy_date_equal (date, date) || rs_fuzzy_date_compare (date, date) != 0)
    abort ();
  start = rs_fuzzy_date_dup_start (date);
  end = rs_fuzzy_date_dup_end (date);
  again = rs_fuzzy_date_parse (start, end, rs_fuzzy_date_get_precision (date),
                               rs_fuzzy_date_get_qualifier (date), NULL);
  if (again == NULL || !rs_fuzzy_date_equal (date, again) ||
      rs_fuzzy_date_get_sort_key (date) != rs_fuzzy_date_get_sort_key (again))
    abort ();
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
  g_autoptr(GError) error = NULL;
  g_autoptr(RsFuzzyDate) date = NULL;
  g_autofree char *text = NULL;
  RsDatePrecision precision;
  RsDateQualifier qualifier;
  char *newline;

  if (size < 2)
    return 0;
  precision = data[0] % (RS_DATE_PRECISION_RANGE + 2);
  qualifier = data[1] % (RS_DATE_QUALIFIER_AFTER + 2);
  text = g_strndup ((const char *) data + 2, size - 2);
  if ((newline = strchr (text, '\n')) != NULL)
    *newline = '\0';

  {
    g_autoptr(GError) text_error = NULL;
    g_autofree char *whole = g_strndup ((const char *) data + 2, size - 2);
    g_autoptr(RsFuzzyDate) typed = rs_fuzzy_date_parse_text (whole, qualifier, &text_error);

    if (typed != NULL)
      check_date (typed);
    else
      rs_fuzz_check_error (text_error);
  }

  date = rs_fuzzy_date_parse (text, newline ? newline + 1 : NULL, precision, qualifier, &error);
  if (date == NULL)
    {
      rs_fuzz_check_error (error);
      return 0;
    }
  check_date (date);
  return 0;
}
