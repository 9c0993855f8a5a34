/* rs-date-phrase.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-date-phrase"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-date-phrase.h"
#include "rs-error.h"

/* How the reader works. The text becomes an array of characters (so that every
 * index is already a character offset, the unit of quote spans), then at every
 * word start a small recursive-descent grammar is tried:
 *
 *   phrase     := [preposition] ["the"] [qualifier] core [range-tail]
 *   preposition:= in | on | during | from | between | of | until | till | through
 *   qualifier  := since at least | at least | as early as | around | about | c. |
 *                 early | mid | late | end of | before | by | after | since | …
 *   core       := relative | month-first | day-first | numeric | Japanese
 *   range-tail := (– | - | to | through | "and" after between) core
 *
 * The first phrase that reads wins and the scan resumes after it, so phrases never
 * overlap. Prepositions and "the" carry no date and stay out of the span (except
 * "from … to" and "between … and", which make the range); qualifiers are in it.
 *
 * What is refused, on purpose: a number glued to letters or to an identifier's
 * punctuation ("T1566", "CVE-2021-1234", "MS17-010", "$2016", "1,000", "2.42",
 * IPs, phone numbers), a year outside 1900–2100, a year after an identifier word
 * ("Unit 2016", "port 2020") or counted ("some 2000 companies"), a month name
 * in lower case ("may", "march") and a month alone without a word that makes it a
 * time ("in March" reads, "March" alone does not). */

#define YEAR_MIN 1900
#define YEAR_MAX 2100

struct _RsDatePhrase
{
  gatomicrefcount  ref_count;
  glong            start;
  glong            end;
  RsFuzzyDate     *date;      /* owned */
  char            *reason;    /* owned */
  gboolean         relative;
  /* "NHK said Tuesday": the day of the report, not of what it reports. */
  gboolean         reporting;
};

G_DEFINE_BOXED_TYPE (RsDatePhrase, rs_date_phrase, rs_date_phrase_ref, rs_date_phrase_unref)

/* A calendar date as far as it is known: 0 = not known (y == 0: no year written). */
typedef struct
{
  int y;
  int m;
  int d;
} Ymd;

typedef struct
{
  const gunichar *s;
  glong           n;
  gboolean        has_ref;
  Ymd             ref;    /* ref.m / ref.d are 0 when the reference is less precise */
} Scan;

typedef struct
{
  Ymd      a;
  Ymd      b;
  gboolean range;
  gboolean relative;    /* needs the reference (resolved or yearless) */
  gboolean bare_month;  /* "March": no day, no year */
  gboolean bare_year;   /* "2016" alone: may be a count */
  gboolean ambiguous;   /* "04/05/2021": day or month first */
} Core;

typedef struct
{
  glong           start;
  glong           end;
  Core            core;
  RsDateQualifier qualifier;
  gboolean        reporting;
} Match;

/* Character classes */

static inline gunichar
at (const Scan *sc,
    glong       i)
{
  return i >= 0 && i < sc->n ? sc->s[i] : 0;
}

static inline gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_alnum (gunichar c)
{
  return c != 0 && g_unichar_isalnum (c);
}

static inline gboolean
is_space (gunichar c)
{
  return c != 0 && g_unichar_isspace (c);
}

static inline gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Hyphens, figure/en/em dashes and the minus sign: what a range is written with. */
static inline gboolean
is_dash (gunichar c)
{
  return is_hyphen (c) || (c >= 0x2012 && c <= 0x2015) || c == 0x2212;
}

static glong
skip_space (const Scan *sc,
            glong       i)
{
  while (is_space (at (sc, i)))
    i++;
  return i;
}

/* Before a number: what makes it part of something else ("-1234", "$2016",
 * "1,000", "v.2016", "©2021"). */
static gboolean
is_glue_before (gunichar c)
{
  if (c < 128)
    return c != 0 && strchr ("-/.,:#$+_@\\%&^~=*<>|", (int) c) != NULL;
  return c == 0x2010 || c == 0x2011 || c == 0xA9 || c == 0xAE || c == 0x20AC ||
         c == 0xA3 || c == 0xA5 || c == 0x2116;
}

/* After a number or a word of a date: the phrase may end here. "2016." and
 * "2016," end; "2.42", "1,000", "2016-era" and "2016%" do not. */
static gboolean
ends_cleanly (const Scan *sc,
              glong       i)
{
  gunichar c = at (sc, i);

  if (c == 0 || is_space (c))
    return TRUE;
  if ((c == '\'' || c == 0x2019) && g_unichar_tolower (at (sc, i + 1)) == 's' &&
      !is_alnum (at (sc, i + 2)))
    return TRUE;
  if (c < 128 && strchr (".,;:!?", (int) c) != NULL)
    return !is_alnum (at (sc, i + 1));
  if (c < 128 && strchr (")]}\"'", (int) c) != NULL)
    return TRUE;
  if (c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x2026 || c == 0x3001 || c == 0x3002)
    return TRUE;
  /* An em or en dash as punctuation: "in 2016—the year …" (a range was tried first). */
  if (is_dash (c) && !is_hyphen (c))
    return !is_digit (at (sc, i + 1));
  return FALSE;
}

/* Matches @words (ASCII lower case; a space matches one or more white spaces) at
 * @i, ignoring case, ending at a word boundary. Returns the end, or -1. */
static glong
match_words (const Scan *sc,
             glong       i,
             const char *words)
{
  gsize len = strlen (words);

  for (const char *w = words; *w != '\0'; w++)
    {
      if (*w == ' ')
        {
          if (!is_space (at (sc, i)))
            return -1;
          i = skip_space (sc, i);
          continue;
        }
      if (g_unichar_tolower (at (sc, i)) != (gunichar) *w)
        return -1;
      i++;
    }
  if (len > 0 && g_ascii_isalnum (words[len - 1]) && is_alnum (at (sc, i)))
    return -1;
  return i;
}

/* A run of ASCII digits at @i: its length, and its value when short enough. */
static glong
read_digits (const Scan *sc,
             glong       i,
             int        *value)
{
  glong j = i;
  int v = 0;

  while (is_digit (at (sc, j)))
    {
      if (j - i < 9)
        v = v * 10 + (int) (at (sc, j) - '0');
      j++;
    }
  *value = v;
  return j - i;
}

static inline gboolean
year_ok (int y)
{
  return y >= YEAR_MIN && y <= YEAR_MAX;
}

/* Calendar arithmetic (GDate; every Ymd here is a valid full date) */

static GDate
ymd_gdate (const Ymd *p)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, p->d, p->m, p->y);
  return date;
}

static Ymd
gdate_ymd (const GDate *date)
{
  Ymd p = { g_date_get_year (date), g_date_get_month (date), g_date_get_day (date) };
  return p;
}

/* The day @days after (negative: before) @p, or FALSE off the calendar. */
static gboolean
ymd_add_days (const Ymd *p,
              int        days,
              Ymd       *out)
{
  GDate date = ymd_gdate (p);
  guint32 julian = g_date_get_julian (&date);

  if (days < 0 && julian <= (guint32) -days)
    return FALSE;
  if (days < 0)
    g_date_subtract_days (&date, -days);
  else
    g_date_add_days (&date, days);
  *out = gdate_ymd (&date);
  return year_ok (out->y);
}

/* Monday of the ISO week that holds @p. */
static gboolean
week_monday (const Ymd *p,
             Ymd       *out)
{
  GDate date = ymd_gdate (p);

  return ymd_add_days (p, 1 - (int) g_date_get_weekday (&date), out);
}

/* First and last day a partial date can mean, as Julian days. */
static guint32
ymd_first_julian (const Ymd *p)
{
  Ymd full = { p->y, p->m ? p->m : 1, p->d ? p->d : 1 };
  GDate date = ymd_gdate (&full);

  return g_date_get_julian (&date);
}

static guint32
ymd_last_julian (const Ymd *p)
{
  Ymd full = { p->y, p->m ? p->m : 12, 0 };
  GDate date;

  full.d = p->d ? p->d : g_date_get_days_in_month (full.m, full.y);
  date = ymd_gdate (&full);
  return g_date_get_julian (&date);
}

static gboolean
ymd_valid (const Ymd *p)
{
  if (!year_ok (p->y))
    return FALSE;
  if (p->m == 0)
    return p->d == 0;
  if (p->m < 1 || p->m > 12)
    return FALSE;
  return p->d == 0 || g_date_valid_dmy (p->d, p->m, p->y);
}

static char *
ymd_iso (const Ymd *p)
{
  if (p->d != 0)
    return g_strdup_printf ("%04d-%02d-%02d", p->y, p->m, p->d);
  if (p->m != 0)
    return g_strdup_printf ("%04d-%02d", p->y, p->m);
  return g_strdup_printf ("%04d", p->y);
}

/* Words */

static const char *month_names[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};
static const char *month_abbrevs[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};
static const char *weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* The ASCII word at @i in lower case, or FALSE when it is not one (or too long). */
static gboolean
ascii_word (const Scan *sc,
            glong       i,
            char       *buf,
            gsize       size,
            glong      *end)
{
  gsize len = 0;

  while (at (sc, i) != 0 && g_unichar_isalpha (at (sc, i)))
    {
      gunichar c = at (sc, i);

      if (c >= 128 || len + 1 >= size)
        return FALSE;
      buf[len++] = g_ascii_tolower ((char) c);
      i++;
    }
  buf[len] = '\0';
  *end = i;
  return len > 0 && !is_alnum (at (sc, i));
}

/* A capitalised month name ("April", "Sept.", "Feb"): 1–12, 0 if none. An
 * abbreviation's full stop belongs to it only before a number ("Feb. 2021"), not
 * at the end of a sentence. */
static int
match_month (const Scan *sc,
             glong       i,
             glong      *end,
             gboolean   *abbrev)
{
  char word[12];
  glong e;

  if (!g_unichar_isupper (at (sc, i)) || !ascii_word (sc, i, word, sizeof word, &e))
    return 0;
  for (int m = 0; m < 12; m++)
    if (g_str_equal (word, month_names[m]))
      {
        *abbrev = FALSE;
        *end = e;
        return m + 1;
      }
  for (int m = 0; m < 13; m++)
    if (m == 12 ? g_str_equal (word, "sept") : g_str_equal (word, month_abbrevs[m]))
      {
        *abbrev = TRUE;
        if (at (sc, e) == '.' && is_space (at (sc, e + 1)) &&
            is_digit (at (sc, skip_space (sc, e + 1))))
          e++;
        *end = e;
        return m == 12 ? 9 : m + 1;
      }
  return 0;
}

/* A capitalised weekday name: 1 (Monday) – 7 (Sunday), 0 if none. */
static int
match_weekday (const Scan *sc,
               glong       i,
               glong      *end)
{
  char word[12];

  if (!g_unichar_isupper (at (sc, i)) || !ascii_word (sc, i, word, sizeof word, end))
    return 0;
  for (int w = 0; w < 7; w++)
    if (g_str_equal (word, weekday_names[w]))
      return w + 1;
  return 0;
}

/* "20", "20th", "1st": a day of the month, ending cleanly. Returns the end or -1. */
static glong
match_day (const Scan *sc,
           glong       i,
           int        *day)
{
  glong len = read_digits (sc, i, day);
  glong e = i + len;
  char suffix[3] = { 0 };

  if (len < 1 || len > 2 || *day < 1 || *day > 31)
    return -1;
  if (at (sc, e) < 128 && g_ascii_isalpha ((char) at (sc, e)) &&
      at (sc, e + 1) < 128 && g_ascii_isalpha ((char) at (sc, e + 1)))
    {
      suffix[0] = g_ascii_tolower ((char) at (sc, e));
      suffix[1] = g_ascii_tolower ((char) at (sc, e + 1));
      if (strcmp (suffix, "st") != 0 && strcmp (suffix, "nd") != 0 &&
          strcmp (suffix, "rd") != 0 && strcmp (suffix, "th") != 0)
        return -1;
      e += 2;
    }
  return e;
}

/* A four-digit year that ends cleanly at @i: its end or -1. */
static glong
match_year (const Scan *sc,
            glong       i,
            int        *year)
{
  glong len = read_digits (sc, i, year);

  if (len != 4 || !year_ok (*year) || !ends_cleanly (sc, i + len))
    return -1;
  return i + len;
}

/* Cores */

static gboolean
need_ref (const Scan *sc,
          int         granularity)
{
  if (!sc->has_ref)
    return FALSE;
  return granularity <= 1 || (granularity == 2 ? sc->ref.m != 0 : sc->ref.d != 0);
}

static void
set_week (Core      *c,
          const Ymd *monday)
{
  c->range = ymd_add_days (monday, 6, &c->b);
  c->a = *monday;
}

static int
number_word (const char *word)
{
  static const char *numbers[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
  };

  if (g_str_equal (word, "a") || g_str_equal (word, "an"))
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (g_str_equal (word, numbers[i]))
      return (int) i + 1;
  return 0;
}

/* "two years ago", "3 weeks ago", "a month ago". */
static gboolean
parse_ago (const Scan *sc,
           glong       k,
           Core       *c,
           glong      *end)
{
  char word[16];
  glong e;
  int n = 0;

  if (is_digit (at (sc, k)))
    {
      glong len = read_digits (sc, k, &n);

      if (len > 2 || n < 1)
        return FALSE;
      e = k + len;
    }
  else if (!ascii_word (sc, k, word, sizeof word, &e) || (n = number_word (word)) == 0)
    return FALSE;

  if (!is_space (at (sc, e)) || !ascii_word (sc, skip_space (sc, e), word, sizeof word, &e))
    return FALSE;
  if (g_str_has_suffix (word, "s") && (n != 1 || is_digit (at (sc, k))))
    word[strlen (word) - 1] = '\0';
  if ((e = match_words (sc, e, " ago")) < 0)
    return FALSE;

  if (g_str_equal (word, "day") && need_ref (sc, 3))
    {
      if (!ymd_add_days (&sc->ref, -n, &c->a))
        return FALSE;
    }
  else if (g_str_equal (word, "week") && need_ref (sc, 3))
    {
      Ymd day, monday;

      /* The week that held the day n weeks back, Monday to Sunday. */
      if (!ymd_add_days (&sc->ref, -7 * n, &day) || !week_monday (&day, &monday))
        return FALSE;
      set_week (c, &monday);
    }
  else if (g_str_equal (word, "month") && need_ref (sc, 2))
    {
      int months = sc->ref.y * 12 + (sc->ref.m - 1) - n;

      c->a.y = months / 12;
      c->a.m = months % 12 + 1;
    }
  else if (g_str_equal (word, "year") && need_ref (sc, 1))
    c->a.y = sc->ref.y - n;
  else
    return FALSE;

  *end = e;
  return TRUE;
}

/* Phrases that only mean something on the report's date. */
static gboolean
parse_relative (const Scan *sc,
                glong       k,
                Core       *c,
                glong      *end)
{
  glong e;
  int n;

  if (!sc->has_ref)
    return FALSE;
  c->relative = TRUE;

  if ((e = match_words (sc, k, "yesterday")) > 0 && need_ref (sc, 3))
    {
      *end = e;
      return ymd_add_days (&sc->ref, -1, &c->a);
    }
  if ((e = match_words (sc, k, "today")) > 0 && need_ref (sc, 3))
    {
      *end = e;
      c->a = sc->ref;
      return TRUE;
    }

  /* "Earlier this year": from the start of the unit to the report's day. */
  if ((e = match_words (sc, k, "earlier this week")) > 0 && need_ref (sc, 3))
    {
      *end = e;
      c->b = sc->ref;
      c->range = TRUE;
      return week_monday (&sc->ref, &c->a);
    }
  if ((e = match_words (sc, k, "earlier this month")) > 0 && need_ref (sc, 3))
    {
      *end = e;
      c->a = (Ymd) { sc->ref.y, sc->ref.m, 1 };
      c->b = sc->ref;
      c->range = TRUE;
      return TRUE;
    }
  if ((e = match_words (sc, k, "earlier this year")) > 0 && need_ref (sc, 2))
    {
      *end = e;
      c->a = (Ymd) { sc->ref.y, 1, sc->ref.d ? 1 : 0 };
      c->b = sc->ref;
      c->range = TRUE;
      return TRUE;
    }

  /* "This week" and "last week" are whole weeks, Monday to Sunday (ISO). */
  if ((e = match_words (sc, k, "this week")) > 0 && need_ref (sc, 3))
    {
      Ymd monday;

      *end = e;
      if (!week_monday (&sc->ref, &monday))
        return FALSE;
      set_week (c, &monday);
      return c->range;
    }
  if (((e = match_words (sc, k, "last week")) > 0 ||
       (e = match_words (sc, k, "the previous week")) > 0) && need_ref (sc, 3))
    {
      Ymd day, monday;

      *end = e;
      if (!ymd_add_days (&sc->ref, -7, &day) || !week_monday (&day, &monday))
        return FALSE;
      set_week (c, &monday);
      return c->range;
    }
  if ((e = match_words (sc, k, "this month")) > 0 && need_ref (sc, 2))
    {
      *end = e;
      c->a = (Ymd) { sc->ref.y, sc->ref.m, 0 };
      return TRUE;
    }
  if ((e = match_words (sc, k, "last month")) > 0 && need_ref (sc, 2))
    {
      *end = e;
      c->a = sc->ref.m == 1 ? (Ymd) { sc->ref.y - 1, 12, 0 } : (Ymd) { sc->ref.y, sc->ref.m - 1, 0 };
      return TRUE;
    }
  if ((e = match_words (sc, k, "this year")) > 0)
    {
      *end = e;
      c->a = (Ymd) { sc->ref.y, 0, 0 };
      return TRUE;
    }
  if ((e = match_words (sc, k, "last year")) > 0)
    {
      *end = e;
      c->a = (Ymd) { sc->ref.y - 1, 0, 0 };
      return TRUE;
    }

  /* "last February": the latest February before the report's month. */
  if ((e = match_words (sc, k, "last ")) > 0 && need_ref (sc, 2))
    {
      gboolean abbrev;
      glong me;
      int m = match_month (sc, e, &me, &abbrev);

      if (m != 0 && !abbrev && ends_cleanly (sc, me))
        {
          *end = me;
          c->a = (Ymd) { m < sc->ref.m ? sc->ref.y : sc->ref.y - 1, m, 0 };
          return TRUE;
        }
    }

  /* Weekdays, the way news is written: "said Tuesday" and "on Tuesday" are the most
   * recent Tuesday on or before the report's date (a report of Tuesday 20 April
   * saying "Tuesday" means that very day), "last Tuesday" the one strictly before
   * it. Reports tell what has happened, so a future reading is never taken. */
  {
    gboolean last = FALSE;
    glong w = k;

    if ((e = match_words (sc, k, "last ")) > 0)
      last = TRUE, w = e;
    else if ((e = match_words (sc, k, "this ")) > 0 || (e = match_words (sc, k, "past ")) > 0)
      w = e;
    if ((n = match_weekday (sc, w, &e)) != 0 && need_ref (sc, 3))
      {
        GDate ref = ymd_gdate (&sc->ref);
        int back = ((int) g_date_get_weekday (&ref) - n + 7) % 7;

        if (last && back == 0)
          back = 7;
        *end = e;
        return ymd_add_days (&sc->ref, -back, &c->a);
      }
  }

  if (parse_ago (sc, k, c, end))
    return TRUE;

  c->relative = FALSE;
  return FALSE;
}

/* "April 20, 2021", "April 20th", "April 12–18, 2021", "Feb. 2021", "February of
 * 2021", "March" (bare). */
static gboolean
parse_month_first (const Scan *sc,
                   glong       k,
                   Core       *c,
                   glong      *end)
{
  gboolean abbrev = FALSE;
  glong e, j, je;
  int m = match_month (sc, k, &e, &abbrev);
  int day, day2, year;

  if (m == 0)
    return FALSE;

  j = skip_space (sc, e);
  if (j > e && (je = match_day (sc, j, &day)) > 0 && !is_digit (at (sc, je)))
    {
      c->a = (Ymd) { 0, m, day };
      e = je;
      /* A range of days in one month: "April 12–18". */
      if (is_dash (at (sc, e)) && (je = match_day (sc, e + 1, &day2)) > 0 && day2 > day)
        {
          c->b = (Ymd) { 0, m, day2 };
          c->range = TRUE;
          e = je;
        }
      if (!ends_cleanly (sc, e))
        return FALSE;
      j = at (sc, e) == ',' ? e + 1 : e;
      if (is_space (at (sc, j)) && (je = match_year (sc, skip_space (sc, j), &year)) > 0)
        {
          c->a.y = c->b.y = year;
          e = je;
        }
      *end = e;
      return TRUE;
    }

  j = at (sc, e) == ',' ? e + 1 : e;
  if ((je = match_words (sc, j, " of")) > 0)
    j = je;
  if (is_space (at (sc, j)) && (je = match_year (sc, skip_space (sc, j), &year)) > 0)
    {
      c->a = (Ymd) { year, m, 0 };
      *end = je;
      return TRUE;
    }
  if (abbrev && m != 5)
    return FALSE;
  if (!ends_cleanly (sc, e))
    return FALSE;
  c->a = (Ymd) { 0, m, 0 };
  c->bare_month = TRUE;
  *end = e;
  return TRUE;
}

/* "20 April 2021", "20th of April", "12–18 April 2021". */
static gboolean
parse_day_first (const Scan *sc,
                 glong       k,
                 Core       *c,
                 glong      *end)
{
  gboolean abbrev;
  glong e, j, je;
  int day, day2 = 0, m, year;

  if ((e = match_day (sc, k, &day)) < 0)
    return FALSE;
  if (is_dash (at (sc, e)))
    {
      if ((je = match_day (sc, e + 1, &day2)) < 0 || day2 <= day)
        return FALSE;
      e = je;
    }
  if (!is_space (at (sc, e)))
    return FALSE;
  j = skip_space (sc, e);
  if ((je = match_words (sc, j, "of ")) > 0)
    j = je;
  if ((m = match_month (sc, j, &e, &abbrev)) == 0 || !ends_cleanly (sc, e))
    return FALSE;

  c->a = (Ymd) { 0, m, day };
  if (day2 != 0)
    {
      c->b = (Ymd) { 0, m, day2 };
      c->range = TRUE;
    }
  j = at (sc, e) == ',' ? e + 1 : e;
  if (is_space (at (sc, j)) && (je = match_year (sc, skip_space (sc, j), &year)) > 0)
    {
      c->a.y = c->b.y = year;
      e = je;
    }
  *end = e;
  return TRUE;
}

/* Numbers alone: "2016", "1990s", "2016-2017", "2016–17", "2016/17", "2021-04",
 * "2021-04-20", "2021/04/20", "20/04/2021", "20.04.2021". */
static gboolean
parse_numeric (const Scan *sc,
               glong       k,
               Core       *c,
               glong      *end)
{
  int v1, v2, v3;
  glong l1 = read_digits (sc, k, &v1), l2, l3;
  glong j = k + l1, j2, j3;
  gunichar sep = at (sc, j);

  if (l1 == 4)
    {
      if (!year_ok (v1))
        return FALSE;

      /* Decades: "1990s" is 1990–1999; "1900s" is the century (what it means in prose). */
      if (sep == 's' && ends_cleanly (sc, j + 1))
        {
          if (v1 % 10 != 0)
            return FALSE;
          c->a = (Ymd) { v1, 0, 0 };
          c->b = (Ymd) { v1 % 100 == 0 && v1 < 2000 ? v1 + 99 : v1 + 9, 0, 0 };
          c->range = TRUE;
          *end = j + 1;
          return year_ok (c->b.y);
        }

      if (is_dash (sep) || sep == '/')
        {
          l2 = read_digits (sc, j + 1, &v2);
          j2 = j + 1 + l2;
          if (l2 == 4 && ends_cleanly (sc, j2))
            {
              if (!year_ok (v2) || v2 <= v1)
                return FALSE;
              c->a = (Ymd) { v1, 0, 0 };
              c->b = (Ymd) { v2, 0, 0 };
              c->range = TRUE;
              *end = j2;
              return TRUE;
            }
          if (l2 == 2 && (sep == '-' || sep == '/') && at (sc, j2) == sep)
            {
              l3 = read_digits (sc, j2 + 1, &v3);
              j3 = j2 + 1 + l3;
              if (l3 != 2 || !ends_cleanly (sc, j3) || !g_date_valid_dmy (v3, v2, v1))
                return FALSE;
              c->a = (Ymd) { v1, v2, v3 };
              *end = j3;
              return TRUE;
            }
          if (l2 == 2 && ends_cleanly (sc, j2))
            {
              int y2 = v1 / 100 * 100 + v2;

              /* "2011-12" is a season (2011–2012) far more often than December 2011
               * in prose; "2021-04" (earlier than 2021) can only be a month. */
              if (y2 == v1 + 1 || (y2 > v1 && (sep != '-' || v2 > 12)))
                {
                  c->a = (Ymd) { v1, 0, 0 };
                  c->b = (Ymd) { y2, 0, 0 };
                  c->range = TRUE;
                }
              else if (sep == '-' && v2 >= 1 && v2 <= 12)
                c->a = (Ymd) { v1, v2, 0 };
              else
                return FALSE;
              *end = j2;
              return TRUE;
            }
          return FALSE;
        }

      if (!ends_cleanly (sc, j))
        return FALSE;
      c->a = (Ymd) { v1, 0, 0 };
      c->bare_year = TRUE;
      *end = j;
      return TRUE;
    }

  /* Day, month and year in digits. With dots it is always day first (European).
   * With slashes or hyphens, a number above 12 tells which is the day; when both
   * are 12 or less ("04/05/2021") nothing in the text does, so the reader keeps
   * both: a range from the earlier reading to the later, flagged ambiguous for
   * the analyst to settle, rather than guess either way. */
  if ((l1 == 1 || l1 == 2) && (sep == '/' || sep == '.' || sep == '-'))
    {
      gboolean day_first, month_first;

      l2 = read_digits (sc, j + 1, &v2);
      j2 = j + 1 + l2;
      if (l2 < 1 || l2 > 2 || at (sc, j2) != sep)
        return FALSE;
      l3 = read_digits (sc, j2 + 1, &v3);
      j3 = j2 + 1 + l3;
      if (l3 != 4 || !year_ok (v3) || !ends_cleanly (sc, j3))
        return FALSE;
      day_first = g_date_valid_dmy (v1, v2, v3);
      month_first = sep != '.' && g_date_valid_dmy (v2, v1, v3);
      if (day_first && month_first && v1 != v2)
        {
          Ymd dm = { v3, v2, v1 }, md = { v3, v1, v2 };
          gboolean dm_first = ymd_first_julian (&dm) < ymd_first_julian (&md);

          c->a = dm_first ? dm : md;
          c->b = dm_first ? md : dm;
          c->range = TRUE;
          c->ambiguous = TRUE;
        }
      else if (day_first)
        c->a = (Ymd) { v3, v2, v1 };
      else if (month_first)
        c->a = (Ymd) { v3, v1, v2 };
      else
        return FALSE;
      *end = j3;
      return TRUE;
    }

  return FALSE;
}

/* Japanese dates */

static int
wide_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (int) (c - 0xFF10);
  return -1;
}

static glong
read_wide_digits (const Scan *sc,
                  glong       i,
                  int        *value)
{
  glong j = i;
  int v = 0;

  while (wide_digit (at (sc, j)) >= 0)
    {
      if (j - i < 9)
        v = v * 10 + wide_digit (at (sc, j));
      j++;
    }
  *value = v;
  return j - i;
}

/* "2021年4月20日", "2021年4月", "2016年", "4月20日" (year from the report), with
 * ASCII or full-width digits, and "2016年から2017年" / "2016～2017年" ranges. */
static gboolean
parse_japanese (const Scan *sc,
                glong       k,
                Core       *c,
                glong      *end)
{
  int v, v2, v3;
  glong len = read_wide_digits (sc, k, &v), j = k + len, l2;

  if (len == 4 && at (sc, j) == 0x5E74 /* 年 */)
    {
      if (!year_ok (v) || at (sc, j + 1) == 0x5EA6 /* 年度: a fiscal year, not this */)
        return FALSE;
      c->a = (Ymd) { v, 0, 0 };
      j++;
      l2 = read_wide_digits (sc, j, &v2);
      if (l2 >= 1 && l2 <= 2 && at (sc, j + l2) == 0x6708 /* 月 */ && v2 >= 1 && v2 <= 12)
        {
          c->a.m = v2;
          j += l2 + 1;
          l2 = read_wide_digits (sc, j, &v3);
          if (l2 >= 1 && l2 <= 2 && at (sc, j + l2) == 0x65E5 /* 日 */)
            {
              if (!g_date_valid_dmy (v3, v2, v))
                return FALSE;
              c->a.d = v3;
              j += l2 + 1;
            }
        }
      else if (c->a.m == 0)
        {
          /* から (from) or a wave dash, then the end year. */
          glong r = j;

          if (at (sc, r) == 0x304B && at (sc, r + 1) == 0x3089)
            r += 2;
          else if (at (sc, r) == 0xFF5E || at (sc, r) == 0x301C || is_dash (at (sc, r)))
            r += 1;
          if (r > j && read_wide_digits (sc, r, &v2) == 4 && at (sc, r + 4) == 0x5E74 &&
              year_ok (v2) && v2 > v)
            {
              c->b = (Ymd) { v2, 0, 0 };
              c->range = TRUE;
              j = r + 5;
            }
        }
      *end = j;
      return TRUE;
    }
  if (len == 4 && (at (sc, j) == 0xFF5E || at (sc, j) == 0x301C) &&
      read_wide_digits (sc, j + 1, &v2) == 4 && at (sc, j + 5) == 0x5E74 &&
      year_ok (v) && year_ok (v2) && v2 > v)
    {
      c->a = (Ymd) { v, 0, 0 };
      c->b = (Ymd) { v2, 0, 0 };
      c->range = TRUE;
      *end = j + 6;
      return TRUE;
    }
  if (len >= 1 && len <= 2 && at (sc, j) == 0x6708 && v >= 1 && v <= 12)
    {
      c->a = (Ymd) { 0, v, 0 };
      j++;
      l2 = read_wide_digits (sc, j, &v3);
      if (l2 >= 1 && l2 <= 2 && at (sc, j + l2) == 0x65E5 && v3 >= 1 && v3 <= 31)
        {
          c->a.d = v3;
          *end = j + l2 + 1;
          return TRUE;
        }
      /* A month alone ("4月") is too often a count of months ("3か月") to read. */
      return FALSE;
    }
  return FALSE;
}

/* Resolving a year the text left out */

/* "April 20" and "late February" take the report's year, or the year before
 * when that would put them more than a month after the report: a report of
 * 20 April 2021 speaking of "December" means December 2020. */
static gboolean
resolve_yearless (const Scan *sc,
                  Core       *c)
{
  Ymd ref_first;
  int year;

  if (c->a.y != 0 && (!c->range || c->b.y != 0))
    return TRUE;
  if (!sc->has_ref)
    return FALSE;

  c->relative = TRUE;
  year = sc->ref.y;
  ref_first = (Ymd) { sc->ref.y, sc->ref.m ? sc->ref.m : 12, sc->ref.d ? sc->ref.d : 1 };
  if (ref_first.m == 12 && sc->ref.m == 0)
    ref_first.d = 31;

  if (c->range && c->b.y == 0)
    {
      Ymd b = c->b;

      b.y = year;
      if (!g_date_valid_dmy (b.d ? b.d : 1, b.m, year) ||
          ymd_first_julian (&b) > ymd_first_julian (&ref_first) + 31)
        year--;
      c->b.y = year;
    }
  if (c->a.y == 0)
    {
      Ymd a = c->a;

      a.y = c->range ? c->b.y : year;
      if (!c->range && (!g_date_valid_dmy (a.d ? a.d : 1, a.m, a.y) ||
                        ymd_first_julian (&a) > ymd_first_julian (&ref_first) + 31))
        a.y--;
      /* "December to February": the start is in the year before the end. */
      if (c->range && (a.m > c->b.m || (a.m == c->b.m && a.d > c->b.d)))
        a.y--;
      c->a.y = a.y;
    }
  return ymd_valid (&c->a) && (!c->range || ymd_valid (&c->b));
}

/* The phrase grammar */

static const char *prepositions[] = {
  "in", "on", "during", "from", "between", "of", "until", "till", "through", "throughout",
  "for", NULL,
};

typedef struct
{
  const char      *words;
  RsDateQualifier  qualifier;
  gboolean         hyphen;   /* may be glued with a hyphen: "mid-2019" */
} QualifierWords;

/* Longest first where one starts another ("since at least" before "since"). "By
 * 2015" is read as before (no later than) 2015; "until 2015" is just 2015: it says
 * when something stopped, and that stopping is the event. */
static const QualifierWords qualifier_words[] = {
  { "since at least", RS_DATE_QUALIFIER_AT_LEAST, FALSE },
  { "from at least", RS_DATE_QUALIFIER_AT_LEAST, FALSE },
  { "at least", RS_DATE_QUALIFIER_AT_LEAST, FALSE },
  { "as early as", RS_DATE_QUALIFIER_AT_LEAST, FALSE },
  { "as far back as", RS_DATE_QUALIFIER_AT_LEAST, FALSE },
  { "approximately", RS_DATE_QUALIFIER_ABOUT, FALSE },
  { "approx.", RS_DATE_QUALIFIER_ABOUT, FALSE },
  { "around", RS_DATE_QUALIFIER_ABOUT, FALSE },
  { "about", RS_DATE_QUALIFIER_ABOUT, FALSE },
  { "circa", RS_DATE_QUALIFIER_ABOUT, FALSE },
  { "roughly", RS_DATE_QUALIFIER_ABOUT, FALSE },
  { "c.", RS_DATE_QUALIFIER_ABOUT, FALSE },
  { "ca.", RS_DATE_QUALIFIER_ABOUT, FALSE },
  { "beginning of", RS_DATE_QUALIFIER_EARLY, FALSE },
  { "start of", RS_DATE_QUALIFIER_EARLY, FALSE },
  { "early", RS_DATE_QUALIFIER_EARLY, TRUE },
  { "middle of", RS_DATE_QUALIFIER_MID, FALSE },
  { "mid", RS_DATE_QUALIFIER_MID, TRUE },
  { "end of", RS_DATE_QUALIFIER_LATE, FALSE },
  { "late", RS_DATE_QUALIFIER_LATE, TRUE },
  { "no later than", RS_DATE_QUALIFIER_BEFORE, FALSE },
  { "prior to", RS_DATE_QUALIFIER_BEFORE, FALSE },
  { "before", RS_DATE_QUALIFIER_BEFORE, FALSE },
  { "by", RS_DATE_QUALIFIER_BEFORE, FALSE },
  { "after", RS_DATE_QUALIFIER_AFTER, FALSE },
  { "since", RS_DATE_QUALIFIER_AFTER, FALSE },
};

/* Words before a number that make it an identifier or a count, not a year. */
static const char *identifier_words[] = {
  "unit", "no", "number", "room", "flight", "article", "section", "chapter", "page",
  "pages", "port", "route", "model", "version", "build", "ticket", "id", "item", "line",
  "floor", "vol", "issue", "code", "rule", "bill", "resolution", "group", "team", "apt",
  "operation", "op",
  /* Products named for a year: "Windows Server 2016", "Exchange 2019". */
  "windows", "server", "office", "exchange", "studio", "sql", "outlook", "excel",
  "sharepoint", "acrobat", "edition", "release", NULL,
};
static const char *quantity_words[] = {
  "some", "nearly", "almost", "over", "than", "under", "roughly", "approximately",
  "about", "around", "least", "only", "just", NULL,
};
static const char *reporting_words[] = {
  "said", "says", "reported", "reports", "wrote", "told", "announced", "revealed",
  "confirmed", "stated", "added", "alleged", "claimed", "published", "disclosed", "noted",
  NULL,
};

static gboolean
word_in (const char  *word,
         const char **list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

/* The word that ends just before @i (spaces skipped), lower-cased, or "". */
static void
word_before (const Scan *sc,
             glong       i,
             char       *buf,
             gsize       size)
{
  glong e, b;

  buf[0] = '\0';
  while (i > 0 && is_space (at (sc, i - 1)))
    i--;
  if (i > 0 && at (sc, i - 1) == '.')
    i--;
  e = i;
  b = e;
  while (b > 0 && at (sc, b - 1) < 128 && g_ascii_isalpha ((char) at (sc, b - 1)))
    b--;
  if (b == e || e - b >= (glong) size || is_alnum (at (sc, b - 1)))
    return;
  for (glong j = b; j < e; j++)
    buf[j - b] = g_ascii_tolower ((char) at (sc, j));
  buf[e - b] = '\0';
}

/* A lower-case word ending in "s" after @i: "2000 companies". */
static gboolean
plural_after (const Scan *sc,
              glong       i)
{
  char word[32];
  glong e;

  if (!is_space (at (sc, i)))
    return FALSE;
  i = skip_space (sc, i);
  if (!g_unichar_islower (at (sc, i)) || !ascii_word (sc, i, word, sizeof word, &e))
    return FALSE;
  if (g_str_equal (word, "people") || g_str_equal (word, "men") || g_str_equal (word, "women") ||
      g_str_equal (word, "children") || g_str_equal (word, "staff"))
    return TRUE;
  return strlen (word) > 3 && g_str_has_suffix (word, "s") && !g_str_equal (word, "this") &&
         !g_str_equal (word, "thus") && !g_str_has_suffix (word, "ss");
}

static gboolean
parse_core (const Scan *sc,
            glong       k,
            Core       *c,
            glong      *end)
{
  memset (c, 0, sizeof *c);
  if (parse_relative (sc, k, c, end))
    return TRUE;
  memset (c, 0, sizeof *c);
  if (parse_japanese (sc, k, c, end))
    return TRUE;
  memset (c, 0, sizeof *c);
  if (parse_month_first (sc, k, c, end))
    return TRUE;
  memset (c, 0, sizeof *c);
  if (parse_day_first (sc, k, c, end))
    return TRUE;
  memset (c, 0, sizeof *c);
  if (parse_numeric (sc, k, c, end))
    return TRUE;
  memset (c, 0, sizeof *c);
  return FALSE;
}

/* "2016 – 2017", "February to April 2021", "between 2016 and 2017". The start
 * borrows the end's year when it has none. */
static gboolean
parse_range_tail (const Scan *sc,
                  glong       e,
                  gboolean    between,
                  Core       *c,
                  glong      *end)
{
  Core tail;
  glong j = skip_space (sc, e), je;
  Ymd a;

  if (c->range || c->relative || c->ambiguous)
    return FALSE;
  if (is_dash (at (sc, j)))
    je = j + 1;
  else if (j > e && ((je = match_words (sc, j, between ? "and" : "to")) > 0 ||
                     (!between && (je = match_words (sc, j, "through")) > 0)))
    ;
  else
    return FALSE;
  if (je < 0)
    return FALSE;
  j = skip_space (sc, je);

  memset (&tail, 0, sizeof tail);
  if (!parse_month_first (sc, j, &tail, &je) && (memset (&tail, 0, sizeof tail), TRUE) &&
      !parse_day_first (sc, j, &tail, &je) && (memset (&tail, 0, sizeof tail), TRUE) &&
      !parse_numeric (sc, j, &tail, &je))
    return FALSE;
  if (tail.range || tail.ambiguous)
    return FALSE;
  /* A bare "March" after "2016 to" is not a date this reader trusts. */
  if (tail.bare_month && c->a.y == 0)
    return FALSE;

  a = c->a;
  if (a.y == 0 && tail.a.y != 0)
    {
      a.y = tail.a.y;
      if (a.m > tail.a.m || (a.m == tail.a.m && a.d > tail.a.d))
        a.y--;
    }
  if (a.y != 0 && tail.a.y == 0)
    tail.a.y = a.y;
  if (!ymd_valid (&a) || !ymd_valid (&tail.a) ||
      ymd_last_julian (&tail.a) <= ymd_last_julian (&a))
    return FALSE;

  c->a = a;
  c->b = tail.a;
  c->range = TRUE;
  c->bare_month = c->bare_year = FALSE;
  *end = je;
  return TRUE;
}

static gboolean
parse_phrase (const Scan *sc,
              glong       i,
              Match      *m)
{
  glong j = i, e, core_start, span = i;
  gboolean cue = FALSE, between = FALSE, from = FALSE, ranged;
  const char *prep = NULL;
  char before[16];

  memset (m, 0, sizeof *m);

  for (guint p = 0; prepositions[p] != NULL; p++)
    if ((e = match_words (sc, j, prepositions[p])) > 0 && is_space (at (sc, e)))
      {
        prep = prepositions[p];
        j = skip_space (sc, e);
        cue = TRUE;
        between = g_str_equal (prep, "between");
        from = g_str_equal (prep, "from");
        break;
      }
  span = j;
  if ((e = match_words (sc, j, "the ")) > 0)
    span = j = e;

  for (guint q = 0; q < G_N_ELEMENTS (qualifier_words); q++)
    {
      const QualifierWords *w = &qualifier_words[q];
      gsize len = strlen (w->words);

      if ((e = match_words (sc, j, w->words)) < 0)
        continue;
      if (g_ascii_isalpha (w->words[len - 1]) &&
          !is_space (at (sc, e)) && !(w->hyphen && is_hyphen (at (sc, e))))
        continue;
      if (is_hyphen (at (sc, e)))
        e++;
      m->qualifier = w->qualifier;
      cue = TRUE;
      j = skip_space (sc, e);
      if ((e = match_words (sc, j, "the ")) > 0)
        j = e;
      break;
    }

  core_start = j;
  if (!parse_core (sc, j, &m->core, &e))
    return FALSE;

  ranged = parse_range_tail (sc, e, between, &m->core, &e);
  if ((between || from) && ranged && m->qualifier == RS_DATE_QUALIFIER_NONE)
    span = i;

  if (m->core.bare_month && !cue)
    return FALSE;
  if (m->core.bare_year)
    {
      word_before (sc, m->qualifier != RS_DATE_QUALIFIER_NONE ? span : core_start,
                   before, sizeof before);
      if (m->qualifier == RS_DATE_QUALIFIER_NONE && prep == NULL &&
          word_in (before, identifier_words))
        return FALSE;
      if ((m->qualifier == RS_DATE_QUALIFIER_ABOUT || m->qualifier == RS_DATE_QUALIFIER_AT_LEAST ||
           word_in (before, quantity_words)) && plural_after (sc, e))
        return FALSE;
    }
  if (!resolve_yearless (sc, &m->core))
    return FALSE;

  /* "Late Tuesday" is late in the day: the day is read, not the qualifier. */
  if (!m->core.range && m->core.a.d != 0 &&
      (m->qualifier == RS_DATE_QUALIFIER_EARLY || m->qualifier == RS_DATE_QUALIFIER_MID ||
       m->qualifier == RS_DATE_QUALIFIER_LATE))
    {
      m->qualifier = RS_DATE_QUALIFIER_NONE;
      span = core_start;
    }

  word_before (sc, prep != NULL && g_str_equal (prep, "on") ? i : span, before, sizeof before);
  m->reporting = m->core.a.d != 0 && !m->core.range && word_in (before, reporting_words);

  m->start = span;
  m->end = e;
  return e > span;
}

/* RsDatePhrase */

static RsDatePhrase *
phrase_new (const Scan  *sc,
            const Match *m,
            RsFuzzyDate *reference)
{
  g_autoptr(RsDatePhrase) self = g_new0 (RsDatePhrase, 1);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *shown = NULL;
  Core c = m->core;
  RsDatePrecision precision;

  g_atomic_ref_count_init (&self->ref_count);
  self->start = m->start;
  self->end = m->end;
  self->relative = c.relative;
  self->reporting = m->reporting;

  /* "Earlier this year" on 1 January is that one day. */
  if (c.range && memcmp (&c.a, &c.b, sizeof c.a) == 0)
    c.range = FALSE;
  if (!ymd_valid (&c.a) || (c.range && !ymd_valid (&c.b)))
    return NULL;

  start = ymd_iso (&c.a);
  end = c.range ? ymd_iso (&c.b) : NULL;
  precision = c.range ? RS_DATE_PRECISION_RANGE
              : c.a.d ? RS_DATE_PRECISION_DAY
              : c.a.m ? RS_DATE_PRECISION_MONTH : RS_DATE_PRECISION_YEAR;
  self->date = rs_fuzzy_date_parse (start, end, precision, m->qualifier, NULL);
  if (self->date == NULL)
    return NULL;

  quoted = g_ucs4_to_utf8 (sc->s + m->start, m->end - m->start, NULL, NULL, NULL);
  shown = rs_fuzzy_date_format (self->date);
  if (quoted == NULL)
    return NULL;
  if (c.ambiguous)
    /* TRANSLATORS: a date written all in digits, such as 04/05/2021 */
    self->reason = g_strdup_printf (_("“%s” could be day or month first: somewhere in %s"),
                                    quoted, shown);
  else if (c.relative && reference != NULL)
    {
      g_autofree char *ref_shown = rs_fuzzy_date_format (reference);

      /* TRANSLATORS: “last week” in a report dated 20 Apr 2021: 12–18 Apr 2021 */
      self->reason = g_strdup_printf (_("“%s” in a report dated %s: %s"), quoted, ref_shown,
                                      shown);
    }
  else
    /* TRANSLATORS: “at least 2009” reads as at least 2009 */
    self->reason = g_strdup_printf (_("“%s” reads as %s"), quoted, shown);

  return g_steal_pointer (&self);
}

RsDatePhrase *
rs_date_phrase_ref (RsDatePhrase *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rs_date_phrase_unref (RsDatePhrase *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->date, rs_fuzzy_date_unref);
      g_clear_pointer (&self->reason, g_free);
      g_free (self);
    }
}

glong
rs_date_phrase_get_start (const RsDatePhrase *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->start;
}

glong
rs_date_phrase_get_end (const RsDatePhrase *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->end;
}

RsFuzzyDate *
rs_date_phrase_get_date (const RsDatePhrase *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

gboolean
rs_date_phrase_is_relative (const RsDatePhrase *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->relative;
}

const char *
rs_date_phrase_get_reason (const RsDatePhrase *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reason;
}

gboolean
rs_date_phrase_is_reporting (const RsDatePhrase *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->reporting;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD", optionally followed by a time ("T…" or a
 * space); anything else is no reference. */
static gboolean
parse_reference (const char *reference,
                 Ymd        *out)
{
  gsize len;

  memset (out, 0, sizeof *out);
  if (reference == NULL)
    return FALSE;
  len = strlen (reference);
  for (gsize i = 0; i < len; i++)
    if (reference[i] == 'T' || reference[i] == ' ')
      {
        len = i;
        break;
      }
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((i == 4 || i == 7) ? reference[i] != '-' : !g_ascii_isdigit (reference[i]))
      return FALSE;
  out->y = atoi (reference);
  out->m = len >= 7 ? atoi (reference + 5) : 0;
  out->d = len == 10 ? atoi (reference + 8) : 0;
  return ymd_valid (out);
}

static RsFuzzyDate *
reference_date (const Ymd *ref)
{
  g_autofree char *iso = ymd_iso (ref);

  return rs_fuzzy_date_parse (iso, NULL,
                              ref->d ? RS_DATE_PRECISION_DAY
                              : ref->m ? RS_DATE_PRECISION_MONTH : RS_DATE_PRECISION_YEAR,
                              RS_DATE_QUALIFIER_NONE, NULL);
}

/* Where a phrase may begin: a word start, or digits right after CJK text
 * ("は2021年"), never a number glued to an identifier. */
static gboolean
can_start (const Scan *sc,
           glong       i)
{
  gunichar c = at (sc, i), prev = at (sc, i - 1);

  if (!is_alnum (c))
    return FALSE;
  if (wide_digit (c) >= 0)
    {
      if (wide_digit (prev) >= 0 || is_glue_before (prev))
        return FALSE;
      return !is_alnum (prev) || prev >= 0x2E80;
    }
  return !is_alnum (prev);
}

GPtrArray *
rs_date_phrase_find_all (const char *text,
                         const char *reference)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) rs_date_phrase_unref);
  g_autoptr(RsFuzzyDate) ref_date = NULL;
  g_autofree gunichar *chars = NULL;
  Scan sc = { 0 };

  g_return_val_if_fail (text != NULL, NULL);

  /* Document text is valid UTF-8; anything else has no characters to count. */
  if (!g_utf8_validate (text, -1, NULL))
    return g_steal_pointer (&found);

  chars = g_utf8_to_ucs4_fast (text, -1, &sc.n);
  sc.s = chars;
  sc.has_ref = parse_reference (reference, &sc.ref);
  if (sc.has_ref)
    ref_date = reference_date (&sc.ref);

  for (glong i = 0; i < sc.n;)
    {
      Match m;

      if (can_start (&sc, i) && parse_phrase (&sc, i, &m))
        {
          RsDatePhrase *phrase = phrase_new (&sc, &m, ref_date);

          /* "February 30, 2021" is no date at all, not the year 2021. */
          if (phrase != NULL)
            g_ptr_array_add (found, phrase);
          i = m.end;
          continue;
        }
      i++;
    }

  return g_steal_pointer (&found);
}

/* The selection as a user will recognise it in a message: one line, shortened. */
static char *
excerpt (const char *text)
{
  g_autofree char *line = g_strdup (text);
  glong length;

  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  length = g_utf8_strlen (line, -1);
  if (length <= 60)
    return g_steal_pointer (&line);
  {
    g_autofree char *cut = g_utf8_substring (line, 0, 59);
    return g_strconcat (cut, "…", NULL);
  }
}

RsDatePhrase *
rs_date_phrase_read (const char  *text,
                     const char  *reference,
                     GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("The selection is not valid text (UTF-8)"));
      return NULL;
    }

  shown = excerpt (text);
  if (*shown == '\0')
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("Select the words that give the date first"));
      return NULL;
    }

  found = rs_date_phrase_find_all (text, reference);
  if (found->len == 0)
    {
      Ymd ref;

      /* Say why "last week" did not read when the report has no date. */
      if (!parse_reference (reference, &ref))
        {
          g_autoptr(GPtrArray) relative = rs_date_phrase_find_all (text, "2000-06-15");

          if (relative->len > 0)
            {
              g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                           _("“%s” needs the report’s date to be read: give the report a date "
                             "first"), shown);
              return NULL;
            }
        }
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("No date found in “%s”"), shown);
      return NULL;
    }

  /* The date the selection is about: the first that is not merely when the
   * report was made ("…in 2016, the broadcaster said Tuesday"). */
  for (guint i = 0; i < found->len; i++)
    {
      RsDatePhrase *phrase = g_ptr_array_index (found, i);

      if (!phrase->reporting)
        return rs_date_phrase_ref (phrase);
    }
  return rs_date_phrase_ref (g_ptr_array_index (found, 0));
}

RsFuzzyDate *
rs_date_phrase_read_typed (const char       *text,
                           RsDateQualifier   qualifier,
                           const char       *reference,
                           GError          **error)
{
  g_autoptr(GError) strict_error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *tidy = NULL;
  RsFuzzyDate *date;
  RsDatePhrase *phrase;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((date = rs_fuzzy_date_parse_text (text, qualifier, &strict_error)) != NULL)
    return date;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_propagate_error (error, g_steal_pointer (&strict_error));
      return NULL;
    }

  /* One phrase, and nothing else typed around it. */
  tidy = g_strstrip (g_strdup (text));
  found = rs_date_phrase_find_all (tidy, reference);
  if (found->len != 1 ||
      rs_date_phrase_get_start (phrase = g_ptr_array_index (found, 0)) != 0 ||
      rs_date_phrase_get_end (phrase) != g_utf8_strlen (tidy, -1))
    {
      g_propagate_error (error, g_steal_pointer (&strict_error));
      return NULL;
    }

  date = rs_date_phrase_get_date (phrase);
  if (qualifier == RS_DATE_QUALIFIER_NONE || qualifier == rs_fuzzy_date_get_qualifier (date))
    return rs_fuzzy_date_ref (date);

  {
    g_autofree char *start = rs_fuzzy_date_dup_start (date);
    g_autofree char *end = rs_fuzzy_date_dup_end (date);

    return rs_fuzzy_date_parse (start, end, rs_fuzzy_date_get_precision (date), qualifier, error);
  }
}
