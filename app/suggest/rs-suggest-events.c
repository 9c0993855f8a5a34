/* rs-suggest-events.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-suggest"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-date-phrase.h"
#include "rs-suggest-private.h"

/* Dated events: each date phrase the reader finds (rs-date-phrase.c) dates the
 * sentence it stands in, which becomes the event's quote; the event's proposed title
 * is that sentence, shortened. */

#define TITLE_MAX 80

/* Sentences are in text order and do not overlap: a binary search. */
static Span
sentence_at (Scan  *scan,
             glong  start,
             glong  end)
{
  guint lo = 0, hi = scan->sentences->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      Span *s = &g_array_index (scan->sentences, Span, mid);

      if (start < s->start)
        hi = mid;
      else if (start >= s->end)
        lo = mid + 1;
      else
        return (Span) { s->start, MAX (s->end, end) };
    }
  return (Span) { start, end };
}

/* The sentence on one line, cut at a word near TITLE_MAX characters. */
static char *
title_of (Scan *scan,
          Span  span)
{
  g_autofree char *text = _rs_suggest_slice (scan, span.start, span.end);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (text), " \t\n", -1);
  g_autoptr(GString) title = g_string_new (NULL);
  glong length = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong n = g_utf8_strlen (words[i], -1);

      if (n == 0)
        continue;
      if (length > 0 && length + 1 + n > TITLE_MAX)
        {
          g_string_append (title, "…");
          break;
        }
      if (length > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, words[i]);
      length += n + (length > 0);
    }
  return g_string_free (g_steal_pointer (&title), FALSE);
}

void
_rs_suggest_events (Scan       *scan,
                    const char *reference)
{
  g_autoptr(GPtrArray) phrases = rs_date_phrase_find_all (scan->text, reference);
  g_autoptr(GPtrArray) made = g_ptr_array_new ();

  for (guint i = 0; phrases != NULL && i < phrases->len; i++)
    {
      RsDatePhrase *phrase = g_ptr_array_index (phrases, i);
      RsFuzzyDate *date = rs_date_phrase_get_date (phrase);
      Span span = sentence_at (scan, rs_date_phrase_get_start (phrase),
                               rs_date_phrase_get_end (phrase));
      g_autofree char *title = NULL;
      g_autofree char *reason = NULL;
      gboolean repeated = FALSE;
      RsSuggestion *suggestion;

      if (date == NULL || span.end <= span.start)
        continue;
      /* "on Tuesday … on Tuesday" in one sentence is one event. */
      for (guint j = made->len; j > 0 && !repeated; j--)
        {
          RsSuggestion *other = g_ptr_array_index (made, j - 1);

          if (rs_suggestion_get_start (other) != span.start)
            break;
          repeated = rs_fuzzy_date_equal (rs_suggestion_get_date (other), date);
        }
      if (repeated)
        continue;

      title = title_of (scan, span);
      /* TRANSLATORS: %s is how the date was read, e.g. "“late February” in a report
       * dated 20 Apr 2021: late Feb 2021". */
      reason = g_strdup_printf (_("A date in this sentence: %s"), rs_date_phrase_get_reason (phrase));
      suggestion = rs_suggestion_new_event (date, title, span.start, span.end, reason);
      g_ptr_array_add (made, suggestion);
      g_ptr_array_add (scan->out, suggestion);
    }
}
