/* rs-word-measure.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rs-word-measure.h"

/* Words longer than this are rare in labels, and a cache of them would only grow. */
#define WORD_MAX_BYTES 48
#define WORDS_MAX      65536
#define MAX_WORDS      64

struct _RsWordMeasure
{
  PangoLayout *layout;   /* no width: one line, for a word, the space, the line height */
  GHashTable  *widths;   /* word → its logical width in Pango units, as a pointer */
  int          space;
  int          line_height;
};

static int
logical_width (RsWordMeasure *self,
               const char    *text,
               int            length,
               int           *height)
{
  PangoRectangle logical;

  pango_layout_set_text (self->layout, text, length);
  pango_layout_get_extents (self->layout, NULL, &logical);
  if (height != NULL)
    *height = logical.height;
  return logical.width;
}

RsWordMeasure *
rs_word_measure_new (PangoContext               *context,
                     const PangoFontDescription *font)
{
  RsWordMeasure *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (font != NULL, NULL);

  self = g_new0 (RsWordMeasure, 1);
  self->layout = pango_layout_new (context);
  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_auto_dir (self->layout, TRUE);
  self->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->space = logical_width (self, " ", 1, NULL);
  logical_width (self, "Xg", 2, &self->line_height);
  return self;
}

void
rs_word_measure_free (RsWordMeasure *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->layout);
  g_clear_pointer (&self->widths, g_hash_table_unref);
  g_free (self);
}

static int
word_width (RsWordMeasure *self,
            const char    *word,
            int            length)
{
  char key[WORD_MAX_BYTES + 1];
  gpointer value;
  int width;

  memcpy (key, word, length);
  key[length] = '\0';
  if (g_hash_table_lookup_extended (self->widths, key, NULL, &value))
    return GPOINTER_TO_INT (value);
  width = logical_width (self, word, length, NULL);
  if (g_hash_table_size (self->widths) >= WORDS_MAX)
    g_hash_table_remove_all (self->widths);
  g_hash_table_insert (self->widths, g_strndup (word, length), GINT_TO_POINTER (width));
  return width;
}

/* What a word may hold: letters, digits and punctuation that UAX #14 never breaks at
 * inside a word (full stops, commas, colons, apostrophes, brackets, ampersands), so
 * that Pango can break such a label only at its spaces. Hyphens and slashes can be
 * broken after: those labels are Pango's. */
static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == ',' || c == ':' || c == '\'' ||
         c == '(' || c == ')' || c == '&';
}

/* Words of one space between: shaping never crosses a space, and lines break there. */
static gboolean
split_words (const char *text,
             int        *starts,
             int        *lengths,
             guint      *n_words)
{
  guint n = 0;
  int i = 0;

  while (text[i] != '\0')
    {
      int start = i;

      while (is_word_char (text[i]))
        i++;
      if (i == start || i - start > WORD_MAX_BYTES || n == MAX_WORDS)
        return FALSE;
      starts[n] = start;
      lengths[n] = i - start;
      n++;
      if (text[i] == ' ')
        {
          i++;
          if (text[i] == '\0')
            return FALSE;
        }
      else if (text[i] != '\0')
        return FALSE;
    }
  *n_words = n;
  return n > 0;
}

gboolean
rs_word_measure_text (RsWordMeasure *self,
                      const char    *text,
                      double         max_width,
                      int            max_lines,
                      double        *width,
                      double        *height)
{
  int starts[MAX_WORDS], lengths[MAX_WORDS];
  int limit = (int)(max_width * PANGO_SCALE);
  int widest = 0, line = 0, n_lines = 1;
  guint n_words = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (max_width <= 0 || max_lines < 1 || !split_words (text, starts, lengths, &n_words))
    return FALSE;

  for (guint i = 0; i < n_words; i++)
    {
      int w = word_width (self, text + starts[i], lengths[i]);

      /* A word wider than a line is broken inside it: Pango's. */
      if (w > limit)
        return FALSE;
      if (i > 0 && line + self->space + w <= limit)
        {
          line += self->space + w;
          continue;
        }
      if (i > 0)
        {
          /* The space the line broke at hangs past its end and is not counted. */
          widest = MAX (widest, line);
          /* More lines than allowed end in an ellipsis: Pango's. */
          if (++n_lines > max_lines)
            return FALSE;
        }
      line = w;
    }
  widest = MAX (widest, line);

  *width = widest / (double)PANGO_SCALE;
  *height = n_lines * self->line_height / (double)PANGO_SCALE;
  return TRUE;
}
