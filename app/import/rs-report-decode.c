/* rs-report-decode.c: bytes of text to UTF-8, and the plain text and Markdown readers
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-report-decode"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-report-private.h"

/* Which encoding: a BOM says UTF-8 or UTF-16 (LE/BE); otherwise valid UTF-8 is
 * UTF-8; otherwise text that is mostly well-formed UTF-8 with a few broken bytes
 * stays UTF-8 (each broken byte becomes U+FFFD); Japanese in Shift_JIS or EUC-JP
 * is recognised (try_japanese()); and anything else is read as Windows-1252, a superset of printable Latin-1 and what "ANSI" text from Windows
 * is. The five bytes Windows-1252 leaves undefined become U+FFFD too. Every U+FFFD
 * that stands for undecodable input is counted for the user. */

#define CHUNK (1024 * 1024)
#define REPLACEMENT 0xFFFD

/* 0x80–0x9F in Windows-1252; 0 where the code page defines nothing. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static gboolean
check_cancelled (GCancellable      *cancellable,
                 RsReportProgress  *progress,
                 gsize              done,
                 gsize              size,
                 GError           **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  _rs_report_progress_set (progress, size ? (double)done / size : 1.0);
  return TRUE;
}

/* NUL bytes, or more than one C0 control byte in a hundred that text does not
 * use (tab, line ends, form feed, escape and DOS's end-of-file are fine): not text.
 * Called only when no UTF-16 BOM says otherwise. */
gboolean
_rs_report_is_binary (const guint8 *data,
                      gsize         size)
{
  gsize n_controls = 0;

  for (gsize i = 0; i < size; i++)
    {
      guint8 c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
          c != 0x1b && c != 0x1a)
        n_controls++;
    }
  return n_controls > 0 && n_controls >= size / 100;
}

static gboolean
decode_utf16 (const guint8      *data,
              gsize              size,
              gboolean           big_endian,
              GString           *out,
              guint             *n_replaced,
              GCancellable      *cancellable,
              RsReportProgress  *progress,
              GError           **error)
{
  gsize i = 0, next_check = 0;

  while (i + 1 < size)
    {
      guint unit = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);
      gunichar c = unit;

      if (i >= next_check)
        {
          if (!check_cancelled (cancellable, progress, i, size, error))
            return FALSE;
          next_check = i + CHUNK;
        }
      i += 2;

      if (unit >= 0xD800 && unit < 0xDC00 && i + 1 < size)
        {
          guint low = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);

          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              i += 2;
            }
        }
      if (c >= 0xD800 && c < 0xE000)
        {
          /* An unpaired surrogate: nothing to decode it to. */
          c = REPLACEMENT;
          (*n_replaced)++;
        }
      g_string_append_unichar (out, c);
    }
  if (i < size)
    {
      /* Half a unit at the end. */
      g_string_append_unichar (out, REPLACEMENT);
      (*n_replaced)++;
    }
  return TRUE;
}

/* Well-formed multibyte sequences and stray bytes in @data (not valid UTF-8). */
static void
count_utf8 (const guint8 *data,
            gsize         size,
            gsize        *n_sequences,
            gsize        *n_invalid)
{
  gsize i = 0;

  *n_sequences = *n_invalid = 0;
  while (i < size)
    {
      gunichar c;

      if (data[i] < 0x80)
        {
          i++;
          continue;
        }
      c = g_utf8_get_char_validated ((const char *)data + i, MIN (size - i, 4));
      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          (*n_invalid)++;
          i++;
        }
      else
        {
          (*n_sequences)++;
          i += g_utf8_skip[data[i]];
        }
    }
}

static gboolean
decode_utf8_lossy (const guint8      *data,
                   gsize              size,
                   GString           *out,
                   guint             *n_replaced,
                   GCancellable      *cancellable,
                   RsReportProgress  *progress,
                   GError           **error)
{
  gsize i = 0, next_check = 0;

  while (i < size)
    {
      const char *end = NULL;

      if (i >= next_check)
        {
          if (!check_cancelled (cancellable, progress, i, size, error))
            return FALSE;
          next_check = i + CHUNK;
        }
      g_utf8_validate_len ((const char *)data + i, MIN (size - i, CHUNK), &end);
      g_string_append_len (out, (const char *)data + i, end - ((const char *)data + i));
      i = (const guint8 *)end - data;
      if (i < size)
        {
          /* A sequence cut by the chunk's end is not broken: look at it whole. */
          gunichar c = g_utf8_get_char_validated ((const char *)data + i, MIN (size - i, 4));

          if (data[i] == '\0')
            i++; /* dropped, as normalising would */
          else if (c != (gunichar)-1 && c != (gunichar)-2)
            {
              g_string_append_len (out, (const char *)data + i, g_utf8_skip[data[i]]);
              i += g_utf8_skip[data[i]];
            }
          else
            {
              g_string_append_unichar (out, REPLACEMENT);
              (*n_replaced)++;
              i++;
            }
        }
    }
  return TRUE;
}

static gboolean
decode_cp1252 (const guint8      *data,
               gsize              size,
               GString           *out,
               guint             *n_replaced,
               GCancellable      *cancellable,
               RsReportProgress  *progress,
               GError           **error)
{
  for (gsize i = 0; i < size; i++)
    {
      guint8 b = data[i];

      if (i % CHUNK == 0 && !check_cancelled (cancellable, progress, i, size, error))
        return FALSE;
      if (b < 0x80)
        g_string_append_c (out, b);
      else if (b >= 0xA0)
        g_string_append_unichar (out, b);
      else if (cp1252_high[b - 0x80] != 0)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        {
          g_string_append_unichar (out, REPLACEMENT);
          (*n_replaced)++;
        }
    }
  return TRUE;
}

/* Japanese press without a BOM is often Shift_JIS (CP932, its Windows form) or
 * EUC-JP. Text counts as such only if it converts without a single error AND
 * reads as Japanese: some kana (every Japanese sentence has them; Latin-1 bytes
 * misread as Shift_JIS give kanji, almost never kana) and mostly kana and kanji. */
static char *
try_japanese (const guint8  *data,
              gsize          size,
              const char   **encoding)
{
  static const struct { const char *iconv; const char *name; } charsets[] = {
    { "CP932", "Shift_JIS" },
    { "EUC-JP", "EUC-JP" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      g_autofree char *utf8 = g_convert ((const char *)data, size, "UTF-8", charsets[i].iconv,
                                         NULL, NULL, NULL);
      gsize n_kana = 0, n_kanji = 0, n_other = 0;

      if (utf8 == NULL)
        continue;
      for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c < 0x80)
            continue;
          if (c >= 0x3040 && c <= 0x30FF)
            n_kana++;
          else if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
                   (c >= 0xFF00 && c <= 0xFFEF))
            n_kanji++;
          else
            n_other++;
        }
      if (n_kana >= 5 && n_kana + n_kanji >= 4 * n_other)
        {
          *encoding = charsets[i].name;
          return g_steal_pointer (&utf8);
        }
    }
  return NULL;
}

/* UTF-8 text of @data, with @encoding set to a static name; not yet normalised.
 * Refuses nothing but cancellation: the caller checks for binary data first. */
char *
_rs_report_decode (const guint8      *data,
                   gsize              size,
                   const char       **encoding,
                   guint             *n_replaced,
                   GCancellable      *cancellable,
                   RsReportProgress  *progress,
                   GError           **error)
{
  g_autoptr(GString) out = g_string_sized_new (size + size / 8 + 1);
  gsize n_sequences, n_invalid;
  gboolean ok;

  *n_replaced = 0;
  if (size >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      *encoding = "UTF-16LE";
      ok = decode_utf16 (data + 2, size - 2, FALSE, out, n_replaced, cancellable, progress, error);
    }
  else if (size >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      *encoding = "UTF-16BE";
      ok = decode_utf16 (data + 2, size - 2, TRUE, out, n_replaced, cancellable, progress, error);
    }
  else if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *encoding = "UTF-8";
      ok = decode_utf8_lossy (data + 3, size - 3, out, n_replaced, cancellable, progress, error);
    }
  else if (g_utf8_validate_len ((const char *)data, size, NULL))
    {
      *encoding = "UTF-8";
      ok = decode_utf8_lossy (data, size, out, n_replaced, cancellable, progress, error);
    }
  else
    {
      count_utf8 (data, size, &n_sequences, &n_invalid);
      if (n_sequences > 0 && n_sequences >= n_invalid)
        {
          *encoding = "UTF-8";
          ok = decode_utf8_lossy (data, size, out, n_replaced, cancellable, progress, error);
        }
      else
        {
          g_autofree char *japanese = try_japanese (data, size, encoding);

          if (japanese != NULL)
            {
              g_string_append (out, japanese);
              ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
            }
          else
            {
              *encoding = "windows-1252";
              ok = decode_cp1252 (data, size, out, n_replaced, cancellable, progress, error);
            }
        }
    }
  if (!ok)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Valid UTF-8 → what a document holds: "\n" line ends (from CRLF, CR, form and
 * line feeds, U+2028/2029), no NUL or other control character but tab, no BOM.
 * Nothing else changes: a text file's text is its own, so that the same report
 * imported from a bundle and from its file has the same SHA-256. @text must be
 * valid UTF-8. */
char *
_rs_report_normalize (const char *text,
                      gsize       length)
{
  g_autoptr(GString) out = g_string_sized_new (length + 1);
  const char *p = text, *end = text + length;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      guchar c = *p;

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          p += (p + 1 < end && p[1] == '\n') ? 2 : 1;
        }
      else if (c == '\f' || c == '\v')
        {
          g_string_append_c (out, '\n');
          p++;
        }
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        p++;
      else if (c == 0xE2 && p + 2 < end && (guchar)p[1] == 0x80 &&
               ((guchar)p[2] == 0xA8 || (guchar)p[2] == 0xA9))
        {
          g_string_append_c (out, '\n');
          p += 3;
        }
      else if (c == 0xEF && p + 2 < end && (guchar)p[1] == 0xBB && (guchar)p[2] == 0xBF)
        p += 3; /* a BOM where files were joined */
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Nothing but whitespace (or nothing). */
gboolean
_rs_report_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* One line of metadata: any whitespace run becomes one space, no control
 * characters, valid UTF-8, at most 500 characters. */
char *
_rs_report_tidy_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;
  guint n = 0;

  for (const char *p = valid; *p != '\0' && n < 500; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
      n++;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
digits (const char *s,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* "2021-04-20", "2021-04-20T09:00:00+09:00", "2021/04/20", "2021-04", "2021" →
 * the date as written (the publisher's own day, not converted to UTC); NULL if
 * @value does not start with a real date. */
char *
_rs_report_iso_date (const char *value)
{
  guint year, month, day;
  const char *v = value;

  while (g_ascii_isspace (*v))
    v++;
  if (!digits (v, 4))
    return NULL;
  year = atoi (v);
  if (year < 1 || year > 9999)
    return NULL;
  if ((v[4] != '-' && v[4] != '/') || !digits (v + 5, 2))
    return v[4] == '\0' || g_ascii_isspace (v[4]) ? g_strndup (v, 4) : NULL;
  month = (v[5] - '0') * 10 + (v[6] - '0');
  if (month < 1 || month > 12)
    return NULL;
  if (v[7] != v[4] || !digits (v + 8, 2))
    return v[7] == '\0' || g_ascii_isspace (v[7]) ? g_strdup_printf ("%04u-%02u", year, month)
                                                  : NULL;
  day = (v[8] - '0') * 10 + (v[9] - '0');
  if (g_ascii_isdigit (v[10]) || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Markdown: the first "# " heading (the closing #s of "# Title #" dropped). Plain
 * text: the first line, when it is short enough to be a title. */
static char *
guess_title (const char *text,
             gboolean    markdown)
{
  const char *line = text;

  while (*line != '\0')
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol ? (gsize)(eol - line) : strlen (line);

      if (markdown && len > 2 && line[0] == '#' && (line[1] == ' ' || line[1] == '\t'))
        {
          g_autofree char *title = g_strndup (line + 2, len - 2);

          GString *plain = g_string_new (NULL);

          g_strchomp (title);
          while (*title != '\0' && title[strlen (title) - 1] == '#')
            title[strlen (title) - 1] = '\0';
          /* Emphasis and code marks are not part of a title. */
          for (const char *p = title; *p != '\0'; p++)
            if (*p != '*' && *p != '`')
              g_string_append_c (plain, *p);
          return g_strstrip (g_string_free (plain, FALSE));
        }
      if (!markdown)
        {
          g_autofree char *first = g_strndup (line, len);

          g_strstrip (first);
          if (*first != '\0')
            return g_utf8_strlen (first, -1) <= 200 ? g_steal_pointer (&first) : NULL;
        }
      if (eol == NULL)
        break;
      line = eol + 1;
    }
  return NULL;
}

/* Plain text and Markdown. Markdown is kept as written: it is made to be read as
 * it is, quotes are character spans of exactly this text, and stripping the marks
 * would lose link targets and mangle "*" and "_" that are not marks. */
RsReport *
_rs_report_read_text (GBytes            *data,
                      const char        *display_name,
                      gboolean           markdown,
                      GCancellable      *cancellable,
                      RsReportProgress  *progress,
                      GError           **error)
{
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  g_autofree char *decoded = NULL;
  g_autofree char *text = NULL;
  const char *encoding;
  guint n_replaced = 0;
  gboolean utf16 = size >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) ||
                                 (bytes[0] == 0xFE && bytes[1] == 0xFF));
  RsReport *report;

  if (!utf16 && _rs_report_is_binary (bytes, size))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” is not a text file (it holds binary data)"), display_name);
      return NULL;
    }
  if (!(decoded = _rs_report_decode (bytes, size, &encoding, &n_replaced, cancellable, progress,
                                     error)))
    return NULL;
  text = _rs_report_normalize (decoded, strlen (decoded));
  if (_rs_report_is_blank (text))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” has no text"), display_name);
      return NULL;
    }

  report = _rs_report_new (markdown ? RS_REPORT_FORMAT_MARKDOWN : RS_REPORT_FORMAT_TEXT,
                           g_steal_pointer (&text), encoding, n_replaced);
  _rs_report_take_metadata (report, guess_title (rs_report_get_text (report), markdown),
                            NULL, NULL, NULL, NULL);
  return report;
}
