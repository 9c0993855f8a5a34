/* rs-fuzzy-date.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-fuzzy-date"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-fuzzy-date.h"

/* One end of a date: a year, optionally a month, optionally a day (0 = not known). */
typedef struct
{
  int year;
  int month;
  int day;
} Partial;

/* A date as honest as its source: "2016", "late February 2021", "at least 2009",
 * "2016–2017". Immutable once parsed. */
struct _RsFuzzyDate
{
  gatomicrefcount ref_count;
  RsDatePrecision precision;
  RsDateQualifier qualifier;
  Partial         start;
  Partial         end;
};

G_DEFINE_BOXED_TYPE (RsFuzzyDate, rs_fuzzy_date, rs_fuzzy_date_ref, rs_fuzzy_date_unref)

static const char *month_abbrev[] = {
  N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

static gboolean
parse_partial (const char *text,
               Partial    *out)
{
  int n, consumed = 0;

  memset (out, 0, sizeof *out);

  if (text == NULL)
    return FALSE;

  n = sscanf (text, "%4d%n-%2d%n-%2d%n", &out->year, &consumed, &out->month, &consumed,
              &out->day, &consumed);
  if (n < 1 || text[consumed] != '\0' || strlen (text) != (gsize)(n == 1 ? 4 : n == 2 ? 7 : 10))
    return FALSE;

  if (out->year < 1 || out->year > 9999)
    return FALSE;
  if (n >= 2 && (out->month < 1 || out->month > 12))
    return FALSE;
  if (n == 3 && !g_date_valid_dmy (out->day, out->month, out->year))
    return FALSE;

  return TRUE;
}

static char *
partial_to_iso (const Partial *p)
{
  if (p->day != 0)
    return g_strdup_printf ("%04d-%02d-%02d", p->year, p->month, p->day);
  if (p->month != 0)
    return g_strdup_printf ("%04d-%02d", p->year, p->month);
  return g_strdup_printf ("%04d", p->year);
}

/* Days since 1 January of year 1 of the first day the partial date can mean. */
static gint64
partial_first_day (const Partial *p)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, p->day ? p->day : 1, p->month ? p->month : 1, p->year);
  return g_date_get_julian (&date);
}

static gint64
partial_last_day (const Partial *p)
{
  GDate date;
  int month = p->month ? p->month : 12;
  int day = p->day ? p->day : g_date_get_days_in_month (month, p->year);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, p->year);
  return g_date_get_julian (&date);
}

static int
partial_granularity (const Partial *p)
{
  return p->day ? 3 : p->month ? 2 : 1;
}

RsFuzzyDate *
rs_fuzzy_date_parse (const char       *start,
                     const char       *end,
                     RsDatePrecision   precision,
                     RsDateQualifier   qualifier,
                     GError          **error)
{
  g_autoptr(RsFuzzyDate) self = g_new0 (RsFuzzyDate, 1);
  int expected;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->precision = precision;
  self->qualifier = qualifier;

  if (precision > RS_DATE_PRECISION_RANGE || qualifier > RS_DATE_QUALIFIER_AFTER)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("Unknown date precision or qualifier"));
      return NULL;
    }

  /* Messages below quote the date: it must be text first (found by fuzzing). */
  if ((start != NULL && !g_utf8_validate (start, -1, NULL)) ||
      (end != NULL && !g_utf8_validate (end, -1, NULL)))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("A date is not valid text (UTF-8)"));
      return NULL;
    }

  if (!parse_partial (start, &self->start))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
                   start ? start : "");
      return NULL;
    }

  if (precision == RS_DATE_PRECISION_RANGE)
    {
      if (!parse_partial (end, &self->end))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("A date range needs an end date (YYYY, YYYY-MM or YYYY-MM-DD), not “%s”"),
                       end ? end : "");
          return NULL;
        }
      if (partial_last_day (&self->end) < partial_first_day (&self->start))
        {
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                       _("The date range %s–%s ends before it starts"), start, end);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  if (end != NULL && *end != '\0')
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("Only a date range has an end date"));
      return NULL;
    }

  expected = precision == RS_DATE_PRECISION_YEAR ? 1 : precision == RS_DATE_PRECISION_MONTH ? 2 : 3;
  if (partial_granularity (&self->start) != expected)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” does not have the precision it claims (%s)"), start,
                   expected == 1 ? "year" : expected == 2 ? "month" : "day");
      return NULL;
    }

  return g_steal_pointer (&self);
}

RsFuzzyDate *
rs_fuzzy_date_ref (RsFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rs_fuzzy_date_unref (RsFuzzyDate *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

gboolean
rs_fuzzy_date_equal (const RsFuzzyDate *a,
                     const RsFuzzyDate *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->precision == b->precision &&
         a->qualifier == b->qualifier &&
         memcmp (&a->start, &b->start, sizeof a->start) == 0 &&
         memcmp (&a->end, &b->end, sizeof a->end) == 0;
}

/* Timeline order: by the first day a date can mean, then the shorter span first. */
int
rs_fuzzy_date_compare (const RsFuzzyDate *a,
                       const RsFuzzyDate *b)
{
  gint64 ka, kb;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  ka = rs_fuzzy_date_get_sort_key (a);
  kb = rs_fuzzy_date_get_sort_key (b);
  if (ka != kb)
    return ka < kb ? -1 : 1;

  ka = a->precision == RS_DATE_PRECISION_RANGE ? partial_last_day (&a->end) : partial_last_day (&a->start);
  kb = b->precision == RS_DATE_PRECISION_RANGE ? partial_last_day (&b->end) : partial_last_day (&b->start);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

RsDatePrecision
rs_fuzzy_date_get_precision (const RsFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->precision;
}

RsDateQualifier
rs_fuzzy_date_get_qualifier (const RsFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->qualifier;
}

char *
rs_fuzzy_date_dup_start (const RsFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return partial_to_iso (&self->start);
}

char *
rs_fuzzy_date_dup_end (const RsFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->precision != RS_DATE_PRECISION_RANGE)
    return NULL;
  return partial_to_iso (&self->end);
}

gint64
rs_fuzzy_date_get_sort_key (const RsFuzzyDate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return partial_first_day (&self->start);
}

/* Each qualifier and each shape of date is one whole phrase for the translators
 * (German puts "vor dem 12. Apr. 2021" but "vor Feb. 2021"), never a qualifier glued to a
 * date; the positional arguments let a language reorder day, month and year. */
#define MONTH(p) _(month_abbrev[(p)->month - 1])

static char *
format_year (RsDateQualifier q,
             int             y)
{
  switch (q)
    {
    case RS_DATE_QUALIFIER_AT_LEAST: return g_strdup_printf (_("at least %1$d"), y);
    case RS_DATE_QUALIFIER_ABOUT:    return g_strdup_printf (_("about %1$d"), y);
    case RS_DATE_QUALIFIER_EARLY:    return g_strdup_printf (_("early %1$d"), y);
    case RS_DATE_QUALIFIER_MID:      return g_strdup_printf (_("mid %1$d"), y);
    case RS_DATE_QUALIFIER_LATE:     return g_strdup_printf (_("late %1$d"), y);
    case RS_DATE_QUALIFIER_BEFORE:   return g_strdup_printf (_("before %1$d"), y);
    case RS_DATE_QUALIFIER_AFTER:    return g_strdup_printf (_("after %1$d"), y);
    case RS_DATE_QUALIFIER_NONE:
    default:
      /* Translators: a year alone, as in "2021" */
      return g_strdup_printf (C_("fuzzy date", "%1$d"), y);
    }
}

/* Translators of the month phrases: %1$s is a month's abbreviation, %2$d the year. */
static char *
format_month (RsDateQualifier q,
              const char     *m,
              int             y)
{
  switch (q)
    {
    case RS_DATE_QUALIFIER_AT_LEAST: return g_strdup_printf (_("at least %1$s %2$d"), m, y);
    case RS_DATE_QUALIFIER_ABOUT:    return g_strdup_printf (_("about %1$s %2$d"), m, y);
    case RS_DATE_QUALIFIER_EARLY:    return g_strdup_printf (_("early %1$s %2$d"), m, y);
    case RS_DATE_QUALIFIER_MID:      return g_strdup_printf (_("mid %1$s %2$d"), m, y);
    case RS_DATE_QUALIFIER_LATE:     return g_strdup_printf (_("late %1$s %2$d"), m, y);
    case RS_DATE_QUALIFIER_BEFORE:   return g_strdup_printf (_("before %1$s %2$d"), m, y);
    case RS_DATE_QUALIFIER_AFTER:    return g_strdup_printf (_("after %1$s %2$d"), m, y);
    case RS_DATE_QUALIFIER_NONE:
    default:
      /* Translators: a month, as in "Apr 2021" */
      return g_strdup_printf (C_("fuzzy date", "%1$s %2$d"), m, y);
    }
}

/* Translators of the day phrases: %1$d is the day, %2$s the month's abbreviation, %3$d
 * the year. */
static char *
format_day (RsDateQualifier q,
            int             d,
            const char     *m,
            int             y)
{
  switch (q)
    {
    case RS_DATE_QUALIFIER_AT_LEAST: return g_strdup_printf (_("at least %1$d %2$s %3$d"), d, m, y);
    case RS_DATE_QUALIFIER_ABOUT:    return g_strdup_printf (_("about %1$d %2$s %3$d"), d, m, y);
    case RS_DATE_QUALIFIER_EARLY:    return g_strdup_printf (_("early %1$d %2$s %3$d"), d, m, y);
    case RS_DATE_QUALIFIER_MID:      return g_strdup_printf (_("mid %1$d %2$s %3$d"), d, m, y);
    case RS_DATE_QUALIFIER_LATE:     return g_strdup_printf (_("late %1$d %2$s %3$d"), d, m, y);
    case RS_DATE_QUALIFIER_BEFORE:   return g_strdup_printf (_("before %1$d %2$s %3$d"), d, m, y);
    case RS_DATE_QUALIFIER_AFTER:    return g_strdup_printf (_("after %1$d %2$s %3$d"), d, m, y);
    case RS_DATE_QUALIFIER_NONE:
    default:
      /* Translators: a day, as in "12 Apr 2021" */
      return g_strdup_printf (C_("fuzzy date", "%1$d %2$s %3$d"), d, m, y);
    }
}

/* Translators of the day-range phrases: "12–18 Apr 2021", %1$d and %2$d the first and
 * last day, %3$s the month's abbreviation, %4$d the year. */
static char *
format_days (RsDateQualifier q,
             int             d1,
             int             d2,
             const char     *m,
             int             y)
{
  switch (q)
    {
    case RS_DATE_QUALIFIER_AT_LEAST:
      return g_strdup_printf (_("at least %1$d–%2$d %3$s %4$d"), d1, d2, m, y);
    case RS_DATE_QUALIFIER_ABOUT:
      return g_strdup_printf (_("about %1$d–%2$d %3$s %4$d"), d1, d2, m, y);
    case RS_DATE_QUALIFIER_EARLY:
      return g_strdup_printf (_("early %1$d–%2$d %3$s %4$d"), d1, d2, m, y);
    case RS_DATE_QUALIFIER_MID:
      return g_strdup_printf (_("mid %1$d–%2$d %3$s %4$d"), d1, d2, m, y);
    case RS_DATE_QUALIFIER_LATE:
      return g_strdup_printf (_("late %1$d–%2$d %3$s %4$d"), d1, d2, m, y);
    case RS_DATE_QUALIFIER_BEFORE:
      return g_strdup_printf (_("before %1$d–%2$d %3$s %4$d"), d1, d2, m, y);
    case RS_DATE_QUALIFIER_AFTER:
      return g_strdup_printf (_("after %1$d–%2$d %3$s %4$d"), d1, d2, m, y);
    case RS_DATE_QUALIFIER_NONE:
    default:
      return g_strdup_printf (C_("fuzzy date", "%1$d–%2$d %3$s %4$d"), d1, d2, m, y);
    }
}

/* Translators of the month-range phrases: "Feb–Mar 2021", %1$s and %2$s the months'
 * abbreviations, %3$d the year. */
static char *
format_months (RsDateQualifier q,
               const char     *m1,
               const char     *m2,
               int             y)
{
  switch (q)
    {
    case RS_DATE_QUALIFIER_AT_LEAST: return g_strdup_printf (_("at least %1$s–%2$s %3$d"), m1, m2, y);
    case RS_DATE_QUALIFIER_ABOUT:    return g_strdup_printf (_("about %1$s–%2$s %3$d"), m1, m2, y);
    case RS_DATE_QUALIFIER_EARLY:    return g_strdup_printf (_("early %1$s–%2$s %3$d"), m1, m2, y);
    case RS_DATE_QUALIFIER_MID:      return g_strdup_printf (_("mid %1$s–%2$s %3$d"), m1, m2, y);
    case RS_DATE_QUALIFIER_LATE:     return g_strdup_printf (_("late %1$s–%2$s %3$d"), m1, m2, y);
    case RS_DATE_QUALIFIER_BEFORE:   return g_strdup_printf (_("before %1$s–%2$s %3$d"), m1, m2, y);
    case RS_DATE_QUALIFIER_AFTER:    return g_strdup_printf (_("after %1$s–%2$s %3$d"), m1, m2, y);
    case RS_DATE_QUALIFIER_NONE:
    default:
      return g_strdup_printf (C_("fuzzy date", "%1$s–%2$s %3$d"), m1, m2, y);
    }
}

/* Translators of the other ranges: %1$s and %2$s are whole dates ("Dec 2020", "2021"). */
static char *
format_span (RsDateQualifier q,
             const char     *a,
             const char     *b)
{
  switch (q)
    {
    case RS_DATE_QUALIFIER_AT_LEAST: return g_strdup_printf (_("at least %1$s–%2$s"), a, b);
    case RS_DATE_QUALIFIER_ABOUT:    return g_strdup_printf (_("about %1$s–%2$s"), a, b);
    case RS_DATE_QUALIFIER_EARLY:    return g_strdup_printf (_("early %1$s–%2$s"), a, b);
    case RS_DATE_QUALIFIER_MID:      return g_strdup_printf (_("mid %1$s–%2$s"), a, b);
    case RS_DATE_QUALIFIER_LATE:     return g_strdup_printf (_("late %1$s–%2$s"), a, b);
    case RS_DATE_QUALIFIER_BEFORE:   return g_strdup_printf (_("before %1$s–%2$s"), a, b);
    case RS_DATE_QUALIFIER_AFTER:    return g_strdup_printf (_("after %1$s–%2$s"), a, b);
    case RS_DATE_QUALIFIER_NONE:
    default:
      return g_strdup_printf (C_("fuzzy date", "%1$s–%2$s"), a, b);
    }
}

static char *
format_partial (RsDateQualifier q,
                const Partial  *p)
{
  if (p->day != 0)
    return format_day (q, p->day, MONTH (p), p->year);
  if (p->month != 0)
    return format_month (q, MONTH (p), p->year);
  return format_year (q, p->year);
}

/* The date as an analyst would write it, never more precise than the source. */
char *
rs_fuzzy_date_format (const RsFuzzyDate *self)
{
  const Partial *a, *b;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->precision != RS_DATE_PRECISION_RANGE)
    return format_partial (self->qualifier, &self->start);

  /* "12–18 Apr 2021" and "Feb–Mar 2021" rather than repeating what both ends share. */
  a = &self->start;
  b = &self->end;
  if (a->year == b->year && partial_granularity (a) == 3 && partial_granularity (b) == 3 &&
      a->month == b->month)
    return format_days (self->qualifier, a->day, b->day, MONTH (a), a->year);
  if (a->year == b->year && partial_granularity (a) == 2 && partial_granularity (b) == 2)
    return format_months (self->qualifier, MONTH (a), MONTH (b), a->year);

  left = format_partial (RS_DATE_QUALIFIER_NONE, a);
  right = format_partial (RS_DATE_QUALIFIER_NONE, b);
  return format_span (self->qualifier, left, right);
}

/* Where a typed range splits: "2016 – 2017", "2016—2017", "2016 to 2017",
 * "2016..2017", "2016 - 2017" (a bare "-" belongs to the dates themselves). */
static const char *range_marks[] = { "\u2013", "\u2014", " to ", "..", " - ", NULL };

/**
 * rs_fuzzy_date_parse_text:
 * @text: a date as an analyst types it: "2009", "2021-02", "2016-02-28", or a
 *   range "2016 – 2017"
 * @qualifier: what the reports say about it ("at least", "late", …)
 *
 * The precision follows from what was typed. Returns: (transfer full): the date,
 * or %NULL with @error saying what a date looks like.
 */
RsFuzzyDate *
rs_fuzzy_date_parse_text (const char       *text,
                          RsDateQualifier   qualifier,
                          GError          **error)
{
  g_autofree char *copy = NULL;
  char *start, *end = NULL;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("A date is not valid text (UTF-8)"));
      return NULL;
    }

  copy = g_strdup (text);
  start = g_strstrip (copy);
  for (guint i = 0; range_marks[i] != NULL && end == NULL; i++)
    {
      char *mark = strstr (start, range_marks[i]);

      if (mark != NULL)
        {
          *mark = '\0';
          end = g_strstrip (mark + strlen (range_marks[i]));
          g_strstrip (start);
        }
    }

  if (end != NULL)
    return rs_fuzzy_date_parse (start, end, RS_DATE_PRECISION_RANGE, qualifier, error);

  length = strlen (start);
  if (length == 0)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("Type a date: a year (2009), a month (2021-02), a day (2016-02-28) or a "
                     "range (2016 – 2017)"));
      return NULL;
    }
  if (length != 4 && length != 7 && length != 10)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” is not a date: type a year (2009), a month (2021-02), a day "
                     "(2016-02-28) or a range (2016 – 2017)"), start);
      return NULL;
    }
  return rs_fuzzy_date_parse (start, NULL,
                              length == 4 ? RS_DATE_PRECISION_YEAR
                              : length == 7 ? RS_DATE_PRECISION_MONTH : RS_DATE_PRECISION_DAY,
                              qualifier, error);
}
