/* rs-json-cursor.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-json-cursor"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "rs-json-cursor.h"

/* Records nest four levels (root, array, record, aliases); a value read on its own
 * nests less. Deeper text is left to json-glib (and the scan before it). */
#define MAX_DEPTH 16

void
rs_json_cursor_init (RsJsonCursor *cursor,
                     const char   *data,
                     gsize         size)
{
  cursor->start = data;
  cursor->p = data;
  cursor->end = data + size;
}

/* RFC 8259 white space only. */
static void
skip_blank (RsJsonCursor *cursor)
{
  while (cursor->p < cursor->end &&
         (*cursor->p == ' ' || *cursor->p == '\n' || *cursor->p == '\r' || *cursor->p == '\t'))
    cursor->p++;
}

gboolean
rs_json_cursor_peek (RsJsonCursor *cursor,
                     char         *next)
{
  skip_blank (cursor);
  if (cursor->p >= cursor->end)
    return FALSE;
  *next = *cursor->p;
  return TRUE;
}

gboolean
rs_json_cursor_expect (RsJsonCursor *cursor,
                       char          c)
{
  char next;

  if (!rs_json_cursor_peek (cursor, &next) || next != c)
    return FALSE;
  cursor->p++;
  return TRUE;
}

gboolean
rs_json_cursor_at_end (RsJsonCursor *cursor)
{
  skip_blank (cursor);
  return cursor->p == cursor->end;
}

/* Steps to the next element of an array or member of an object whose opening
 * bracket was read: *more is FALSE once the closing one is. */
gboolean
rs_json_cursor_next (RsJsonCursor *cursor,
                     char          close,
                     gboolean     *first,
                     gboolean     *more)
{
  char next;

  if (!rs_json_cursor_peek (cursor, &next))
    return FALSE;
  if (*first)
    {
      *first = FALSE;
      *more = next != close;
      if (!*more)
        cursor->p++;
      return TRUE;
    }
  cursor->p++;
  if (next == ',')
    {
      /* No trailing comma. */
      *more = TRUE;
      return rs_json_cursor_peek (cursor, &next) && next != close;
    }
  *more = FALSE;
  return next == close;
}

static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value << 4 | g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* A string from its opening quote, unescaped; the text is known to be UTF-8. */
static GString *
read_string (RsJsonCursor *cursor,
             GString      *out)
{
  const char *p = cursor->p;
  const char *run;

  if (p >= cursor->end || *p != '"')
    return NULL;
  p++;
  run = p;
  for (;;)
    {
      guchar c;

      if (p >= cursor->end)
        return NULL;
      c = *p;
      if (c == '"')
        break;
      if (c < 0x20)
        return NULL;
      if (c != '\\')
        {
          p++;
          continue;
        }

      g_string_append_len (out, run, p - run);
      if (++p >= cursor->end)
        return NULL;
      switch (*p)
        {
        case '"':  g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/':  g_string_append_c (out, '/'); break;
        case 'b':  g_string_append_c (out, '\b'); break;
        case 'f':  g_string_append_c (out, '\f'); break;
        case 'n':  g_string_append_c (out, '\n'); break;
        case 'r':  g_string_append_c (out, '\r'); break;
        case 't':  g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int unit = hex4 (p + 1, cursor->end);
            gunichar ch;

            /* NUL and lone surrogates are for json-glib and the scan to refuse. */
            if (unit <= 0 || (unit >= 0xdc00 && unit <= 0xdfff))
              return NULL;
            p += 4;
            ch = unit;
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                int low;

                if (cursor->end - p < 7 || p[1] != '\\' || p[2] != 'u')
                  return NULL;
                low = hex4 (p + 3, cursor->end);
                if (low < 0xdc00 || low > 0xdfff)
                  return NULL;
                ch = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                p += 6;
              }
            g_string_append_unichar (out, ch);
            break;
          }
        default:
          return NULL;
        }
      p++;
      run = p;
    }
  g_string_append_len (out, run, p - run);
  cursor->p = p + 1;
  return out;
}

/* Nearly every string of a bundle has no escape: its text is the bytes between
 * its quotes, read without a copy. The closing quote of such a string at the
 * cursor, else NULL (escapes, or anything read_string() refuses). */
static const char *
plain_string_end (RsJsonCursor *cursor)
{
  const char *p;

  if (cursor->p >= cursor->end || *cursor->p != '"')
    return NULL;
  for (p = cursor->p + 1; p < cursor->end; p++)
    {
      guchar c = *p;

      if (c == '"')
        return p;
      if (c == '\\' || c < 0x20)
        return NULL;
    }
  return NULL;
}

/* The string at the cursor, unescaped: in @stack when it fits (no allocation, for
 * the names and short values a record is made of), else in *heap (to free). */
static const char *
read_string_scratch (RsJsonCursor  *cursor,
                     char          *stack,
                     gsize          size,
                     char         **heap)
{
  const char *end = plain_string_end (cursor);
  GString *out;

  *heap = NULL;
  if (end != NULL)
    {
      gsize length = end - (cursor->p + 1);
      char *text = length < size ? stack : (*heap = g_malloc (length + 1));

      memcpy (text, cursor->p + 1, length);
      text[length] = '\0';
      cursor->p = end + 1;
      return text;
    }
  out = g_string_new (NULL);
  if (!read_string (cursor, out))
    return g_string_free (out, TRUE), NULL;
  return *heap = g_string_free (out, FALSE);
}

/* Steps over the string at the cursor, checked as reading it would. */
static gboolean
skip_string (RsJsonCursor *cursor)
{
  const char *end = plain_string_end (cursor);
  g_autoptr(GString) scratch = NULL;

  if (end != NULL)
    {
      cursor->p = end + 1;
      return TRUE;
    }
  scratch = g_string_new (NULL);
  return read_string (cursor, scratch) != NULL;
}

char *
rs_json_cursor_read_string (RsJsonCursor *cursor)
{
  g_autoptr(GString) out = NULL;
  const char *end;

  skip_blank (cursor);
  if ((end = plain_string_end (cursor)) != NULL)
    {
      char *text = g_strndup (cursor->p + 1, end - (cursor->p + 1));

      cursor->p = end + 1;
      return text;
    }
  out = g_string_new (NULL);
  if (!read_string (cursor, out))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A member's name and the colon after it. */
gboolean
rs_json_cursor_read_key (RsJsonCursor  *cursor,
                         char         **key)
{
  *key = rs_json_cursor_read_string (cursor);
  return *key != NULL && rs_json_cursor_expect (cursor, ':');
}

/* A member's name and the colon after it, without an allocation: the name is in
 * @stack when it fits, else in *heap, which the caller frees. NULL if refused. */
const char *
rs_json_cursor_read_key_in (RsJsonCursor  *cursor,
                            char          *stack,
                            gsize          size,
                            char         **heap)
{
  const char *key;

  skip_blank (cursor);
  if (!(key = read_string_scratch (cursor, stack, size, heap)))
    return NULL;
  return rs_json_cursor_expect (cursor, ':') ? key : NULL;
}

/* A number as json-glib reads it: an integer that fits 64 bits, or a finite
 * double when it has a fraction or an exponent. */
static const char *
scan_number (RsJsonCursor *cursor,
             gboolean     *is_integer)
{
  const char *p = cursor->p, *end = cursor->end;

  *is_integer = TRUE;
  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (p < end && *p == '.')
    {
      *is_integer = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      *is_integer = FALSE;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  return p;
}

static JsonNode *
read_number (RsJsonCursor *cursor)
{
  char buffer[64];
  const char *after;
  char *number_end;
  gboolean is_integer;
  JsonNode *node;

  if (!(after = scan_number (cursor, &is_integer)) || after - cursor->p >= (gssize)sizeof buffer)
    return NULL;
  memcpy (buffer, cursor->p, after - cursor->p);
  buffer[after - cursor->p] = '\0';

  errno = 0;
  node = json_node_alloc ();
  if (is_integer)
    {
      gint64 value = g_ascii_strtoll (buffer, &number_end, 10);

      if (errno != 0 || *number_end != '\0')
        return json_node_unref (node), NULL;
      json_node_init_int (node, value);
    }
  else
    {
      double value = g_ascii_strtod (buffer, &number_end);

      if (errno != 0 || *number_end != '\0' || !isfinite (value))
        return json_node_unref (node), NULL;
      json_node_init_double (node, value);
    }
  cursor->p = after;
  return node;
}

static gboolean
read_word (RsJsonCursor *cursor,
           const char   *word)
{
  gsize length = strlen (word);

  if ((gsize)(cursor->end - cursor->p) < length || memcmp (cursor->p, word, length) != 0)
    return FALSE;
  cursor->p += length;
  return TRUE;
}

static JsonNode *read_value (RsJsonCursor *cursor,
                             guint         depth);

static JsonNode *
read_object (RsJsonCursor *cursor,
             guint         depth)
{
  g_autoptr(JsonObject) object = json_object_new ();
  gboolean first = TRUE, more;
  JsonNode *node;

  cursor->p++;
  for (;;)
    {
      char stack[64];
      g_autofree char *heap = NULL;
      const char *key;
      JsonNode *member;

      if (!rs_json_cursor_next (cursor, '}', &first, &more))
        return NULL;
      if (!more)
        break;
      if (!(key = rs_json_cursor_read_key_in (cursor, stack, sizeof stack, &heap)) ||
          json_object_has_member (object, key) || !(member = read_value (cursor, depth + 1)))
        return NULL;
      json_object_set_member (object, key, member);
    }
  node = json_node_alloc ();
  json_node_init_object (node, object);
  return node;
}

static JsonNode *
read_array (RsJsonCursor *cursor,
            guint         depth)
{
  g_autoptr(JsonArray) array = json_array_new ();
  gboolean first = TRUE, more;
  JsonNode *node;

  cursor->p++;
  for (;;)
    {
      JsonNode *element;

      if (!rs_json_cursor_next (cursor, ']', &first, &more))
        return NULL;
      if (!more)
        break;
      if (!(element = read_value (cursor, depth + 1)))
        return NULL;
      json_array_add_element (array, element);
    }
  node = json_node_alloc ();
  json_node_init_array (node, array);
  return node;
}

static JsonNode *
read_value (RsJsonCursor *cursor,
            guint         depth)
{
  char next;

  if (depth > MAX_DEPTH || !rs_json_cursor_peek (cursor, &next))
    return NULL;

  switch (next)
    {
    case '{':
      return read_object (cursor, depth);
    case '[':
      return read_array (cursor, depth);
    case '"':
      {
        /* json-glib copies the string: ours is a scratch copy. */
        char stack[256];
        g_autofree char *heap = NULL;
        const char *string = read_string_scratch (cursor, stack, sizeof stack, &heap);
        JsonNode *node;

        if (string == NULL)
          return NULL;
        node = json_node_alloc ();
        json_node_init_string (node, string);
        return node;
      }
    case 't':
    case 'f':
      if (!read_word (cursor, next == 't' ? "true" : "false"))
        return NULL;
      return json_node_init_boolean (json_node_alloc (), next == 't');
    case 'n':
      if (!read_word (cursor, "null"))
        return NULL;
      return json_node_init_null (json_node_alloc ());
    default:
      return read_number (cursor);
    }
}

/* Reads the next value whole. */
JsonNode *
rs_json_cursor_read_value (RsJsonCursor *cursor)
{
  return read_value (cursor, 0);
}

static gboolean
skip_value (RsJsonCursor *cursor,
            guint         depth)
{
  gboolean first = TRUE, more;
  char next;

  if (depth > MAX_DEPTH || !rs_json_cursor_peek (cursor, &next))
    return FALSE;

  switch (next)
    {
    case '{':
    case '[':
      /* Names repeated in a skipped object do not matter: nothing of it is kept. */
      cursor->p++;
      for (;;)
        {
          if (!rs_json_cursor_next (cursor, next == '{' ? '}' : ']', &first, &more))
            return FALSE;
          if (!more)
            return TRUE;
          if (next == '{')
            {
              skip_blank (cursor);
              if (!skip_string (cursor) || !rs_json_cursor_expect (cursor, ':'))
                return FALSE;
            }
          if (!skip_value (cursor, depth + 1))
            return FALSE;
        }
    case '"':
      return skip_string (cursor);
    case 't':
      return read_word (cursor, "true");
    case 'f':
      return read_word (cursor, "false");
    case 'n':
      return read_word (cursor, "null");
    default:
      {
        g_autoptr(JsonNode) number = read_number (cursor);

        return number != NULL;
      }
    }
}

/* Steps over the next value, checking it as strictly as reading it would. */
gboolean
rs_json_cursor_skip_value (RsJsonCursor *cursor)
{
  return skip_value (cursor, 0);
}
