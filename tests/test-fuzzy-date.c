/* test-fuzzy-date.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-error.h"
#include "rs-fuzzy-date.h"

typedef struct
{
  const char      *start;
  const char      *end;
  RsDatePrecision  precision;
  RsDateQualifier  qualifier;
  const char      *display;
} FormatCase;

static const FormatCase format_cases[] = {
  { "2009", NULL, RS_DATE_PRECISION_YEAR, RS_DATE_QUALIFIER_AT_LEAST, "at least 2009" },
  { "2016", NULL, RS_DATE_PRECISION_YEAR, RS_DATE_QUALIFIER_NONE, "2016" },
  { "2016", "2017", RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_NONE, "2016–2017" },
  { "2021-02", NULL, RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_LATE, "late Feb 2021" },
  { "2021-04-20", NULL, RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_NONE, "20 Apr 2021" },
  { "2021-04-12", "2021-04-18", RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_NONE, "12–18 Apr 2021" },
  { "2021-02", "2021-03", RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_ABOUT, "about Feb–Mar 2021" },
  { "2019-12-30", "2020-01-02", RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_NONE,
    "30 Dec 2019–2 Jan 2020" },
};

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(RsFuzzyDate) date = rs_fuzzy_date_parse (c->start, c->end, c->precision,
                                                          c->qualifier, &error);
      g_autofree char *display = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      g_assert_no_error (error);
      display = rs_fuzzy_date_format (date);
      g_assert_cmpstr (display, ==, c->display);

      /* What is parsed is written back unchanged (bundles and the store rely on it). */
      start = rs_fuzzy_date_dup_start (date);
      end = rs_fuzzy_date_dup_end (date);
      g_assert_cmpstr (start, ==, c->start);
      g_assert_cmpstr (end, ==, c->end);
    }
}

typedef struct
{
  const char      *start;
  const char      *end;
  RsDatePrecision  precision;
} BadCase;

static const BadCase bad_cases[] = {
  { NULL, NULL, RS_DATE_PRECISION_YEAR },
  { "", NULL, RS_DATE_PRECISION_YEAR },
  { "209", NULL, RS_DATE_PRECISION_YEAR },
  { "2016-13", NULL, RS_DATE_PRECISION_MONTH },
  { "2021-02-30", NULL, RS_DATE_PRECISION_DAY },
  { "2021-02", NULL, RS_DATE_PRECISION_YEAR },       /* claims more than it says */
  { "2021", NULL, RS_DATE_PRECISION_DAY },           /* claims less than it says */
  { "2017", "2016", RS_DATE_PRECISION_RANGE },       /* ends before it starts */
  { "2016", NULL, RS_DATE_PRECISION_RANGE },
  { "2016", "2017", RS_DATE_PRECISION_YEAR },
  { "2016x", NULL, RS_DATE_PRECISION_YEAR },
  { "2016-1", NULL, RS_DATE_PRECISION_MONTH },
  { "\xff\xfe", NULL, RS_DATE_PRECISION_YEAR },
};

static void
test_rejects_bad_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsFuzzyDate) date = rs_fuzzy_date_parse (bad_cases[i].start, bad_cases[i].end,
                                                          bad_cases[i].precision,
                                                          RS_DATE_QUALIFIER_NONE, &error);

      g_assert_null (date);
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    }
}

static RsFuzzyDate *
parse (const char      *start,
       const char      *end,
       RsDatePrecision  precision)
{
  g_autoptr(GError) error = NULL;
  RsFuzzyDate *date = rs_fuzzy_date_parse (start, end, precision, RS_DATE_QUALIFIER_NONE, &error);

  g_assert_no_error (error);
  return date;
}

static void
test_order (void)
{
  g_autoptr(RsFuzzyDate) y2009 = parse ("2009", NULL, RS_DATE_PRECISION_YEAR);
  g_autoptr(RsFuzzyDate) y2016 = parse ("2016", NULL, RS_DATE_PRECISION_YEAR);
  g_autoptr(RsFuzzyDate) r2016 = parse ("2016", "2017", RS_DATE_PRECISION_RANGE);
  g_autoptr(RsFuzzyDate) feb = parse ("2021-02", NULL, RS_DATE_PRECISION_MONTH);
  g_autoptr(RsFuzzyDate) apr20 = parse ("2021-04-20", NULL, RS_DATE_PRECISION_DAY);
  g_autoptr(RsFuzzyDate) apr20b = parse ("2021-04-20", NULL, RS_DATE_PRECISION_DAY);

  g_assert_cmpint (rs_fuzzy_date_compare (y2009, y2016), <, 0);
  /* Same first day: the shorter span comes first. */
  g_assert_cmpint (rs_fuzzy_date_compare (y2016, r2016), <, 0);
  g_assert_cmpint (rs_fuzzy_date_compare (r2016, feb), <, 0);
  g_assert_cmpint (rs_fuzzy_date_compare (feb, apr20), <, 0);
  g_assert_cmpint (rs_fuzzy_date_compare (apr20, apr20b), ==, 0);
  g_assert_true (rs_fuzzy_date_equal (apr20, apr20b));
  g_assert_false (rs_fuzzy_date_equal (y2016, r2016));
}

/* Dates as an analyst types them in the event editor. */
static void
test_parse_text (void)
{
  static const struct {
    const char      *text;
    RsDatePrecision  precision;
    const char      *start;
    const char      *end;
  } good[] = {
    { "2009", RS_DATE_PRECISION_YEAR, "2009", NULL },
    { "  2021-02 ", RS_DATE_PRECISION_MONTH, "2021-02", NULL },
    { "2016-02-28", RS_DATE_PRECISION_DAY, "2016-02-28", NULL },
    { "2016 \u2013 2017", RS_DATE_PRECISION_RANGE, "2016", "2017" },
    { "2016-02 to 2017", RS_DATE_PRECISION_RANGE, "2016-02", "2017" },
    { "2016..2016-03-01", RS_DATE_PRECISION_RANGE, "2016", "2016-03-01" },
  };
  static const char *bad[] = { "", "20 April 2021", "2021-02-30", "2017 \u2013 2016", "21", "\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsFuzzyDate) date = rs_fuzzy_date_parse_text (good[i].text, RS_DATE_QUALIFIER_LATE,
                                                              &error);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (rs_fuzzy_date_get_precision (date), ==, good[i].precision);
      g_assert_cmpint (rs_fuzzy_date_get_qualifier (date), ==, RS_DATE_QUALIFIER_LATE);
      start = rs_fuzzy_date_dup_start (date);
      end = rs_fuzzy_date_dup_end (date);
      g_assert_cmpstr (start, ==, good[i].start);
      g_assert_cmpstr (end, ==, good[i].end);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (rs_fuzzy_date_parse_text (bad[i], RS_DATE_QUALIFIER_NONE, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fuzzy-date/format", test_format);
  g_test_add_func ("/fuzzy-date/rejects-bad-dates", test_rejects_bad_dates);
  g_test_add_func ("/fuzzy-date/order", test_order);
  g_test_add_func ("/fuzzy-date/parse-text", test_parse_text);

  return g_test_run ();
}
