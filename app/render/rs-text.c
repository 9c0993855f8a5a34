/* rs-text.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-text"

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "rs-text.h"

#define ELLIPSIS "…"

static gboolean
is_break (gunichar ch)
{
  return g_unichar_isspace (ch) || ch == 0x2028 || ch == 0x2029 || ch == 0x85;
}

/* Cut @out (which holds more than @max_chars characters) to at most @max_chars characters,
 * the last one an ellipsis, at a grapheme cluster boundary so that a base character keeps
 * its combining marks, and an emoji sequence or flag is not split. Pango's breaker only
 * sees the bounded window, which already holds all the context a boundary before the cut
 * depends on. */
static void
cut_with_ellipsis (GString *out,
                   guint    max_chars)
{
  glong n_chars = g_utf8_strlen (out->str, out->len);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  glong keep = max_chars - 1;
  const char *end;

  pango_get_log_attrs (out->str, out->len, -1, pango_language_get_default (),
                       attrs, n_chars + 1);
  while (keep > 0 && !attrs[keep].is_cursor_position)
    keep--;
  /* One cluster longer than the whole cap (a letter under thousands of combining marks)
   * is cut inside: bounded work matters more than that cluster. */
  if (keep == 0)
    keep = max_chars - 1;

  end = g_utf8_offset_to_pointer (out->str, keep);
  g_string_truncate (out, end - out->str);
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append (out, ELLIPSIS);
}

/**
 * rs_text_dup_for_label:
 * @text: (nullable): text from a case, possibly not valid UTF-8
 * @max_chars: the most characters to return, ellipsis included; at least 1
 *
 * A copy of @text fit for a one-line label: valid UTF-8 (bad bytes become U+FFFD), line
 * breaks, tabs and runs of white space made one space, control characters dropped, trimmed,
 * and at most @max_chars characters, ending in "…" when cut. Nothing past the cut is read,
 * copied or measured: the work is bounded by @max_chars plus the white space and control
 * characters skipped before it. Such a label is returned unchanged.
 *
 * Returns: (transfer full): the label, never %NULL ("" for %NULL)
 */
char *
rs_text_dup_for_label (const char *text,
                       guint       max_chars)
{
  g_autoptr(GString) out = NULL;
  const char *p;
  guint n_chars = 0;
  gboolean pending_space = FALSE;
  gboolean cut = FALSE;

  g_return_val_if_fail (max_chars > 0, g_strdup (""));

  if (text == NULL)
    return g_strdup ("");

  /* Sized for this text, not for the cap: scenes keep every label, and a 1 KiB buffer
   * each was 50 MB at 20,000 entities. The output is no longer than the input but for
   * U+FFFD replacing bad bytes and the ellipsis; the string grows if it must. */
  out = g_string_sized_new (MIN (strlen (text), (gsize)MIN (max_chars, 4096) * 4) + 8);

  for (p = text; *p != '\0'; )
    {
      gunichar ch = g_utf8_get_char_validated (p, -1);

      if (ch == (gunichar)-1 || ch == (gunichar)-2)
        {
          ch = 0xFFFD;
          p++;
        }
      else
        p = g_utf8_next_char (p);

      if (is_break (ch))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (g_unichar_type (ch) == G_UNICODE_CONTROL)
        continue;

      /* Keep one character past the cap: it tells the breaker whether the cap falls
       * inside a cluster. */
      if (n_chars + (pending_space ? 1 : 0) > max_chars)
        {
          cut = TRUE;
          break;
        }
      if (pending_space)
        {
          g_string_append_c (out, ' ');
          n_chars++;
          pending_space = FALSE;
        }
      g_string_append_unichar (out, ch);
      n_chars++;
    }

  if (cut || n_chars > max_chars)
    cut_with_ellipsis (out, max_chars);

  /* An exact copy: a GString's buffer is rounded up to a power of two, 128 bytes for a
   * typical 30-byte label, and a scene keeps one per node and per edge. */
  return g_strndup (out->str, out->len);
}
