/* test-gui-closures.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-gui-closures.h"
#include "rs-text.h"

static void
test_format_fuzzy_date (void)
{
  static const struct {
    const char      *start;
    const char      *end;
    RsDatePrecision  precision;
    RsDateQualifier  qualifier;
    const char      *expected;
  } cases[] = {
    { "2009", NULL, RS_DATE_PRECISION_YEAR, RS_DATE_QUALIFIER_AT_LEAST, "at least 2009" },
    { "2016", "2017", RS_DATE_PRECISION_RANGE, RS_DATE_QUALIFIER_NONE, "2016–2017" },
    { "2021-02", NULL, RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_LATE, "late Feb 2021" },
  };
  g_autofree char *undated = rs_gui_closures_format_fuzzy_date (NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsFuzzyDate) date = rs_fuzzy_date_parse (cases[i].start, cases[i].end,
                                                         cases[i].precision, cases[i].qualifier,
                                                         &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = rs_gui_closures_format_fuzzy_date (NULL, date);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  g_assert_cmpstr (undated, ==, "Undated");
}

static void
test_format_published (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "2021-04-20", "20 Apr 2021" },
    { "2021-04-20T09:30:00Z", "20 Apr 2021" },
    { "2021-04", "Apr 2021" },
    { "2021", "2021" },
    { "", "Undated" },
    { NULL, "Undated" },
    { "2021-13-01", "2021" },
    { "2021-02-30", "2021" },
    { "last spring", "last spring" },
    { "<b>&amp;</b>", "<b>&amp;</b>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rs_gui_closures_format_published (NULL, cases[i].input);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_timestamp (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    /* Tests run with TZ=UTC */
    { "2026-01-10T12:34:56Z", "10 Jan 2026, 12:34" },
    { "2026-01-10T12:34:56+02:00", "10 Jan 2026, 10:34" },
    { "", "" },
    { NULL, "" },
    { "yesterday", "yesterday" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rs_gui_closures_format_timestamp (NULL, cases[i].input);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_document_byline (void)
{
  static const struct {
    const char *publisher;
    const char *published;
    guint       n_quotes;
    const char *expected;
  } cases[] = {
    { "Bloomberg", "2021-04-20", 4, "Bloomberg · 20 Apr 2021 · 4 quotes" },
    { "Breitbart News", "2021-04-21", 1, "Breitbart News · 21 Apr 2021 · 1 quote" },
    { NULL, "2021", 0, "2021" },
    { "", NULL, 0, "Undated" },
    { "A & B <i>", "2021-04", 2, "A & B <i> · Apr 2021 · 2 quotes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rs_gui_closures_document_byline (NULL, cases[i].publisher,
                                                               cases[i].published,
                                                               cases[i].n_quotes);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_reliability (void)
{
  static const struct {
    RsReliability  reliability;
    const char    *grade;
    const char    *colour;
  } cases[] = {
    { RS_RELIABILITY_A, "A", "success" },
    { RS_RELIABILITY_B, "B", "success" },
    { RS_RELIABILITY_C, "C", "accent" },
    { RS_RELIABILITY_D, "D", "warning" },
    { RS_RELIABILITY_E, "E", "error" },
    { RS_RELIABILITY_F, "F", "dim-label" },
    { RS_RELIABILITY_UNKNOWN, "?", "dim-label" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *grade = rs_gui_closures_reliability_grade (NULL, cases[i].reliability);
      g_autofree char *label = rs_gui_closures_reliability_label (NULL, cases[i].reliability);
      g_auto(GStrv) classes = rs_gui_closures_reliability_classes (NULL, cases[i].reliability);

      g_assert_cmpstr (grade, ==, cases[i].grade);
      g_assert_cmpstr (label, ==, rs_reliability_to_display (cases[i].reliability));
      g_assert_true (g_strv_contains ((const char * const *)classes, "reliability-badge"));
      g_assert_true (g_strv_contains ((const char * const *)classes, cases[i].colour));
    }
}

static void
test_stance (void)
{
  static const struct {
    RsStance    stance;
    const char *label;
    const char *colour;
  } cases[] = {
    { RS_STANCE_SUPPORTS, "Supports", "success" },
    { RS_STANCE_CONTRADICTS, "Contradicts", "warning" },
    { RS_STANCE_MENTIONS, "Mentions", "dim-label" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = rs_gui_closures_stance_label (NULL, cases[i].stance);
      g_auto(GStrv) classes = rs_gui_closures_stance_classes (NULL, cases[i].stance);

      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_true (g_strv_contains ((const char * const *)classes, "stance"));
      g_assert_true (g_strv_contains ((const char * const *)classes, cases[i].colour));
    }
}

static void
test_counts (void)
{
  static const struct {
    guint       a;
    guint       b;
    const char *quotes;
    const char *events;
  } cases[] = {
    { 0, 0, "No quotes", "No events" },
    { 1, 1, "1 quote from 1 document", "1 event · 1 involves the selection" },
    { 12, 2, "12 quotes from 2 documents", "12 events · 2 involve the selection" },
    { 13, 0, "13 quotes from 0 documents", "13 events" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quotes = rs_gui_closures_quote_count (NULL, cases[i].a, cases[i].b);
      g_autofree char *events = rs_gui_closures_event_count (NULL, cases[i].a, cases[i].b);

      g_assert_cmpstr (quotes, ==, cases[i].quotes);
      g_assert_cmpstr (events, ==, cases[i].events);
    }
}

static void
test_pages (void)
{
  static const struct {
    gboolean    has_selection;
    guint       n;
    const char *quotes_page;
    const char *count_page;
  } cases[] = {
    { FALSE, 0, "empty", "none" },
    { FALSE, 3, "empty", "list" },
    { TRUE, 0, "none", "none" },
    { TRUE, 3, "list", "list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quotes = rs_gui_closures_quotes_page (NULL, cases[i].has_selection,
                                                             cases[i].n);
      g_autofree char *count = rs_gui_closures_page_for_count (NULL, cases[i].n);

      g_assert_cmpstr (quotes, ==, cases[i].quotes_page);
      g_assert_cmpstr (count, ==, cases[i].count_page);
    }
}

static void
test_labels (void)
{
  g_autofree char *long_name = g_strnfill (10000, 'x');
  static const struct {
    const char *source;
    const char *label;
    const char *target;
    gboolean    directed;
    const char *expected;
  } relations[] = {
    { "PLA", "directed", "Tick", TRUE, "PLA → Tick: directed" },
    { "JAXA", "", "NHK", FALSE, "JAXA ↔ NHK" },
    { "A", NULL, "B", TRUE, "A → B" },
    { NULL, "x", NULL, TRUE, " → : x" },
    { "<b>", "\"&\"", "שלום", TRUE, "<b> → שלום: \"&\"" },
  };
  static const struct {
    const char   *name;
    RsEntityKind  kind;
    const char   *expected;
  } entities[] = {
    { "Tick", RS_ENTITY_KIND_GROUP, "Tick — threat group" },
    { "Unit 61419", RS_ENTITY_KIND_UNIT, "Unit 61419 — military unit" },
    { "JAXA", RS_ENTITY_KIND_ORGANIZATION, "JAXA — organisation" },
  };
  static const struct {
    const char *first;
    guint       n_more;
    const char *expected;
  } more[] = {
    { "Tick", 0, "Tick" },
    { "Tick", 1, "Tick and 1 more" },
    { "Tick", 2, "Tick and 2 more" },
    { NULL, 0, "" },
  };
  g_autofree char *long_heading = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    {
      g_autofree char *text = rs_gui_closures_relation_label (NULL, relations[i].source,
                                                              relations[i].label,
                                                              relations[i].target,
                                                              relations[i].directed);
      g_assert_cmpstr (text, ==, relations[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *text = rs_gui_closures_entity_heading (NULL, entities[i].name,
                                                              entities[i].kind);
      g_assert_cmpstr (text, ==, entities[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      g_autofree char *text = rs_gui_closures_and_more (NULL, more[i].first, more[i].n_more);
      g_assert_cmpstr (text, ==, more[i].expected);
    }

  /* A name from a case is bounded in a heading; the kind is still said. */
  long_heading = rs_gui_closures_entity_heading (NULL, long_name, RS_ENTITY_KIND_PERSON);
  g_assert_cmpuint (g_utf8_strlen (long_heading, -1), ==,
                    RS_TEXT_LABEL_MAX_CHARS + g_utf8_strlen (" — person", -1));
  g_assert_true (g_str_has_suffix (long_heading, "x… — person"));
}

/* Issue item 11: whatever a case holds, a closure gives a label a bounded string. */
static void
test_bounded (void)
{
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autofree char *row = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *note_byline = NULL;
  g_autofree char *relation = NULL;
  g_autofree char *more = NULL;
  g_autofree char *published = NULL;
  g_autofree char *short_row = NULL;

  while (huge->len < 30000)
    g_string_append (huge, "Ministry of State Security\n");

  row = rs_gui_closures_row_text (NULL, huge->str);
  g_assert_cmpuint (g_utf8_strlen (row, -1), <=, RS_TEXT_ROW_MAX_CHARS);
  g_assert_true (g_str_has_prefix (row, "Ministry of State Security Ministry"));
  g_assert_true (g_str_has_suffix (row, "…"));
  short_row = rs_gui_closures_row_text (NULL, "Tick\nattacked JAXA");
  g_assert_cmpstr (short_row, ==, "Tick attacked JAXA");

  quote = rs_gui_closures_quote_text (NULL, huge->str);
  g_assert_cmpuint (g_utf8_strlen (quote, -1), <=, RS_TEXT_ROW_MAX_CHARS);
  g_assert_true (g_str_has_prefix (quote, "“Ministry"));
  g_assert_true (g_str_has_suffix (quote, "…”"));

  byline = rs_gui_closures_document_byline (NULL, huge->str, huge->str, 3);
  g_assert_cmpuint (g_utf8_strlen (byline, -1), <=, 2 * RS_TEXT_LABEL_MAX_CHARS + 20);

  note_byline = rs_gui_closures_note_byline (NULL, huge->str, huge->str);
  g_assert_cmpuint (g_utf8_strlen (note_byline, -1), <=, 2 * RS_TEXT_LABEL_MAX_CHARS + 20);

  relation = rs_gui_closures_relation_label (NULL, huge->str, huge->str, huge->str, TRUE);
  g_assert_cmpuint (g_utf8_strlen (relation, -1), <=, 3 * RS_TEXT_LABEL_MAX_CHARS + 10);

  more = rs_gui_closures_and_more (NULL, huge->str, 2);
  g_assert_cmpuint (g_utf8_strlen (more, -1), <=, RS_TEXT_ROW_MAX_CHARS + 20);

  published = rs_gui_closures_format_published (NULL, huge->str);
  g_assert_cmpuint (g_utf8_strlen (published, -1), <=, RS_TEXT_LABEL_MAX_CHARS);
}

static void
test_quote_text (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "Tick attacked JAXA.", "“Tick attacked JAXA.”" },
    { "  line one\nline two\r\n\tend  ", "“line one line two end”" },
    { "", "“”" },
    { NULL, "“”" },
    { "<b>&amp;</b>", "“<b>&amp;</b>”" },
    { "مرحبا  بالعالم", "“مرحبا بالعالم”" },
    { "\"Investigative sources said 'Tick.'\"", "\"Investigative sources said 'Tick.'\"" },
    { "“We are against it.”", "“We are against it.”" },
    { "“It cannot be,” he said.", "““It cannot be,” he said.”" },
    { "\"", "“\"”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rs_gui_closures_quote_text (NULL, cases[i].input);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_misc (void)
{
  g_autofree char *credibility = rs_gui_closures_credibility_label (NULL, 3);
  g_autofree char *no_credibility = rs_gui_closures_credibility_label (NULL, 0);
  g_auto(GStrv) involved = rs_gui_closures_event_row_classes (NULL, TRUE);
  g_auto(GStrv) plain = rs_gui_closures_event_row_classes (NULL, FALSE);
  g_auto(GStrv) involved_date = rs_gui_closures_event_date_classes (NULL, TRUE);
  g_auto(GStrv) plain_date = rs_gui_closures_event_date_classes (NULL, FALSE);

  g_assert_cmpstr (credibility, ==, "Credibility 3 — possibly true");
  g_assert_cmpstr (no_credibility, ==, "Credibility not graded");
  g_assert_true (g_strv_contains ((const char * const *)involved, "involved"));
  g_assert_false (g_strv_contains ((const char * const *)plain, "involved"));
  g_assert_true (g_strv_contains ((const char * const *)involved_date, "accent"));
  g_assert_true (g_strv_contains ((const char * const *)plain_date, "dim-label"));

  g_assert_true (rs_gui_closures_not (NULL, FALSE));
  g_assert_false (rs_gui_closures_not (NULL, TRUE));
  g_assert_true (rs_gui_closures_is_nonempty (NULL, "x"));
  g_assert_false (rs_gui_closures_is_nonempty (NULL, ""));
  g_assert_false (rs_gui_closures_is_nonempty (NULL, NULL));
}

static void
test_note_byline (void)
{
  static const struct {
    const char *author;
    const char *updated;
    const char *expected;
  } cases[] = {
    { "Analyst", "2026-01-10T12:34:56Z", "Analyst · edited 10 Jan 2026, 12:34" },
    { "", "2026-01-10T12:34:56Z", "Edited 10 Jan 2026, 12:34" },
    { NULL, "2026-01-10T12:34:56Z", "Edited 10 Jan 2026, 12:34" },
    { "Analyst", NULL, "New note · saved as you type" },
    { NULL, "", "New note · saved as you type" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rs_gui_closures_note_byline (NULL, cases[i].author, cases[i].updated);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui-closures/format-fuzzy-date", test_format_fuzzy_date);
  g_test_add_func ("/gui-closures/format-published", test_format_published);
  g_test_add_func ("/gui-closures/format-timestamp", test_format_timestamp);
  g_test_add_func ("/gui-closures/document-byline", test_document_byline);
  g_test_add_func ("/gui-closures/reliability", test_reliability);
  g_test_add_func ("/gui-closures/stance", test_stance);
  g_test_add_func ("/gui-closures/counts", test_counts);
  g_test_add_func ("/gui-closures/pages", test_pages);
  g_test_add_func ("/gui-closures/labels", test_labels);
  g_test_add_func ("/gui-closures/quote-text", test_quote_text);
  g_test_add_func ("/gui-closures/misc", test_misc);
  g_test_add_func ("/gui-closures/note-byline", test_note_byline);
  g_test_add_func ("/gui-closures/bounded", test_bounded);

  return g_test_run ();
}
