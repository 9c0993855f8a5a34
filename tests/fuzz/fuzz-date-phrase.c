/* fuzz-date-phrase.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rs-core.h"
#include "rs-date-phrase.h"
#include "rs-fuzz.h"

/* The reader of dates in report text, as imported reports reach it. Input: byte 0
 * picks the report's date (none, a day, a month, a year, the edges of the
 * calendar window, a leap day, or something that is no date), the rest is the
 * text. Every phrase found must lie inside the text, in order and without
 * overlap, carry a date that survives a round trip through its own ISO text
 * inside 1900–2100, and a readable reason; a relative phrase needs a reference;
 * read() must return one of the phrases found, or refuse with a message. */

static const char *references[] = {
  NULL, "2021-04-20", "2021-04", "2021", "2000-02-29", "1900-01-01", "2100-12-31",
  "2021-01-04", "not a date", "2021-13-01",
};

static void
fail (const char *what)
{
  fprintf (stderr, "redstring-fuzz: date phrase: %s\n", what);
  abort ();
}

static void
check_year (const char *iso)
{
  int year;

  if (iso == NULL || strlen (iso) < 4)
    fail ("a date without a year");
  year = atoi (iso);
  if (year < 1900 || year > 2100)
    fail ("a year outside 1900-2100");
}

static void
check_phrase (const RsDatePhrase *phrase,
              glong               length,
              glong               previous_end,
              const char         *reference)
{
  RsFuzzyDate *date = rs_date_phrase_get_date (phrase);
  g_autoptr(RsFuzzyDate) again = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *reason = rs_date_phrase_get_reason (phrase);

  if (rs_date_phrase_get_start (phrase) < previous_end ||
      rs_date_phrase_get_start (phrase) >= rs_date_phrase_get_end (phrase) ||
      rs_date_phrase_get_end (phrase) > length)
    fail ("a span out of the text, empty, or overlapping the one before");
  if (date == NULL)
    fail ("a phrase without a date");
  start = rs_fuzzy_date_dup_start (date);
  end = rs_fuzzy_date_dup_end (date);
  check_year (start);
  if (end != NULL)
    check_year (end);
  again = rs_fuzzy_date_parse (start, end, rs_fuzzy_date_get_precision (date),
                               rs_fuzzy_date_get_qualifier (date), NULL);
  if (again == NULL || !rs_fuzzy_date_equal (date, again))
    fail ("a date that does not survive its own ISO text");
  if (reason == NULL || reason[0] == '\0' || !g_utf8_validate (reason, -1, NULL))
    fail ("no readable reason");
  if (rs_date_phrase_is_relative (phrase) && reference == NULL)
    fail ("a relative date without a reference");
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
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(RsDatePhrase) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *reference;
  glong length, previous_end = 0;

  if (size < 1)
    return 0;
  reference = references[data[0] % G_N_ELEMENTS (references)];
  /* A document's text is a C string: stop at the first NUL, as the importer does. */
  text = g_strndup ((const char *) data + 1, size - 1);

  found = rs_date_phrase_find_all (text, reference);
  if (found == NULL)
    fail ("find_all returned NULL");
  length = g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : 0;
  if (length == 0 && found->len > 0)
    fail ("a phrase in empty or invalid text");

  for (guint i = 0; i < found->len; i++)
    {
      const RsDatePhrase *phrase = g_ptr_array_index (found, i);
      const char *valid_reference = reference;

      /* "not a date" and "2021-13-01" are no reference at all. */
      if (reference != NULL && (g_str_equal (reference, "not a date") ||
                                g_str_equal (reference, "2021-13-01")))
        valid_reference = NULL;
      check_phrase (phrase, length, previous_end, valid_reference);
      previous_end = rs_date_phrase_get_end (phrase);
    }

  /* As typed into an event's date field: a date or a sentence for the user. */
  {
    g_autoptr(GError) typed_error = NULL;
    g_autoptr(RsFuzzyDate) typed = rs_date_phrase_read_typed (text, (RsDateQualifier)(data[0] % 8),
                                                              reference, &typed_error);

    if ((typed == NULL) == (typed_error == NULL))
      fail ("read_typed gave a date and an error, or neither");
    if (typed_error != NULL)
      rs_fuzz_check_error (typed_error);
  }

  read = rs_date_phrase_read (text, reference, &error);
  if (read == NULL)
    {
      if (found->len > 0)
        fail ("read found nothing where find_all found a date");
      rs_fuzz_check_error (error);
      return 0;
    }
  if (error != NULL)
    fail ("a date and an error at once");
  for (guint i = 0; i < found->len; i++)
    {
      const RsDatePhrase *phrase = g_ptr_array_index (found, i);

      if (rs_date_phrase_get_start (phrase) == rs_date_phrase_get_start (read) &&
          rs_date_phrase_get_end (phrase) == rs_date_phrase_get_end (read) &&
          rs_fuzzy_date_equal (rs_date_phrase_get_date (phrase), rs_date_phrase_get_date (read)))
        return 0;
    }
  fail ("read returned a phrase find_all did not find");
  return 0;
}
