/* rs-bundle-scan.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-bundle-scan"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rs-bundle-scan.h"
#include "rs-error.h"

/* A byte scanner that runs before json-glib. json-glib's parser recurses once per
 * nesting level, so a bundle nested 100,000 deep overflows the stack before any
 * check of ours runs; it turns "\u0000" into a C string that ends there; and it
 * wraps integers past 64 bits (18446744073709551616 reads as -1). The scanner
 * knows only strings, escapes, brackets, commas, colons and numbers. It does not
 * validate JSON: whatever it cannot follow, json-glib refuses right after it. */

typedef struct
{
  gboolean  is_array;
  gboolean  expect_key;   /* objects: the next string is a member name */
  guint     index;        /* arrays: of the current element */
  char     *key;          /* objects: the current member's name */
} Frame;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->key, g_free);
}

void
rs_bundle_locate (const char *data,
                  gsize       offset,
                  guint      *line,
                  guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }
  /* Columns count characters where the line is valid UTF-8, bytes past that. */
  if (g_utf8_validate_len (line_start, data + offset - line_start, NULL))
    *column = g_utf8_strlen (line_start, data + offset - line_start) + 1;
  else
    *column = data + offset - line_start + 1;
}

/* Where the value being read sits, as the reader names it: "documents[0].text". */
static char *
dup_path (GArray *stack)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < stack->len; i++)
    {
      Frame *frame = &g_array_index (stack, Frame, i);

      if (frame->is_array)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL)
        g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", frame->key);
    }
  if (path->len == 0)
    g_string_append (path, "bundle");
  return g_string_free (path, FALSE);
}

/* A member name as json-glib will see it. Names with escapes are rare; json-glib
 * itself decodes them, so the paths match what the reader looks up. */
static char *
dup_key (const char *start,
         gsize       length)
{
  g_autofree char *quoted = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (memchr (start, '\\', length) == NULL)
    return g_strndup (start, length);

  quoted = g_strdup_printf ("\"%.*s\"", (int)length, start);
  node = json_from_string (quoted, NULL);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return g_strndup (start, length);
}

static gboolean
is_hex4 (const char *p,
         const char *end)
{
  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return TRUE;
}

static guint
hex4 (const char *p)
{
  guint value = 0;

  for (guint i = 0; i < 4; i++)
    value = value << 4 | g_ascii_xdigit_value (p[i]);
  return value;
}

/* Skips a string from its opening quote; returns a pointer past the closing one
 * (or to the end) and says what json-glib would not keep of it. */
static const char *
skip_string (const char  *p,
             const char  *end,
             const char **problem)
{
  *problem = NULL;
  for (p++; p < end && *p != '"'; p++)
    {
      guint unit;

      if (*p != '\\')
        continue;
      if (++p >= end)
        break;
      if (*p != 'u' || !is_hex4 (p + 1, end))
        continue;

      unit = hex4 (p + 1);
      p += 4;
      if (*problem != NULL)
        continue;
      if (unit == 0)
        *problem = N_("contains a NUL character (\\u0000)");
      else if (unit >= 0xdc00 && unit <= 0xdfff)
        *problem = N_("contains half of a surrogate pair, which is not a character");
      else if (unit >= 0xd800 && unit <= 0xdbff)
        {
          /* A high surrogate must be followed by a low one. */
          if (end - p < 7 || p[1] != '\\' || p[2] != 'u' || !is_hex4 (p + 3, end) ||
              hex4 (p + 3) < 0xdc00 || hex4 (p + 3) > 0xdfff)
            *problem = N_("contains half of a surrogate pair, which is not a character");
          else
            p += 6;
        }
    }
  return p < end ? p + 1 : end;
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

gboolean
rs_bundle_scan (const char    *data,
                gsize          size,
                guint          max_depth,
                RsBundleScan  *scan,
                GError       **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  const char *p = data;
  const char *end = data + size;

  g_array_set_clear_func (stack, frame_clear);
  scan->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scan->problem = NULL;

  while (p < end)
    {
      Frame *top = stack->len > 0 ? &g_array_index (stack, Frame, stack->len - 1) : NULL;

      switch (*p)
        {
        case '[':
        case '{':
          if (stack->len >= max_depth)
            {
              guint line, column;

              rs_bundle_locate (data, p - data, &line, &column);
              g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                           _("bundle: line %u, column %u: nested more than %u levels deep"),
                           line, column, max_depth);
              return FALSE;
            }
          g_array_set_size (stack, stack->len + 1);
          top = &g_array_index (stack, Frame, stack->len - 1);
          top->is_array = *p == '[';
          top->expect_key = *p == '{';
          p++;
          break;

        case ']':
        case '}':
          if (stack->len > 0)
            g_array_set_size (stack, stack->len - 1);
          p++;
          break;

        case ',':
          if (top != NULL && top->is_array)
            top->index++;
          else if (top != NULL)
            top->expect_key = TRUE;
          p++;
          break;

        case ':':
          if (top != NULL)
            top->expect_key = FALSE;
          p++;
          break;

        case '"':
          {
            const char *start = p + 1;
            const char *problem;

            p = skip_string (p, end, &problem);
            if (top != NULL && !top->is_array && top->expect_key)
              {
                g_free (top->key);
                top->key = dup_key (start, MAX (p - 1, start) - start);
                if (problem != NULL && scan->problem == NULL)
                  {
                    g_autofree char *path = dup_path (stack);

                    scan->problem = g_strdup_printf (_("%s: a member name %s"), path, _(problem));
                  }
              }
            else if (problem != NULL && scan->problem == NULL)
              {
                g_autofree char *path = dup_path (stack);

                scan->problem = g_strdup_printf ("%s: %s", path, _(problem));
              }
          }
          break;

        default:
          if (*p == '-' || g_ascii_isdigit (*p))
            {
              const char *start = p;
              g_autofree char *number = NULL;
              g_autofree char *path = NULL;

              while (p < end && is_number_char (*p))
                p++;
              number = g_strndup (start, p - start);
              path = dup_path (stack);

              if (strpbrk (number, ".eE") != NULL)
                g_hash_table_replace (scan->numbers, g_steal_pointer (&path),
                                      g_steal_pointer (&number));
              else
                {
                  char *number_end;

                  /* The reader's paths name the last of duplicate members, as
                   * json-glib keeps the last. */
                  g_hash_table_remove (scan->numbers, path);
                  errno = 0;
                  g_ascii_strtoll (number, &number_end, 10);
                  if (errno == ERANGE && *number_end == '\0' && scan->problem == NULL)
                    scan->problem = g_strdup_printf (_("%s: %s does not fit in 64 bits"), path,
                                                     number);
                }
            }
          else
            p++;
          break;
        }
    }
  return TRUE;
}

void
rs_bundle_scan_clear (RsBundleScan *scan)
{
  g_clear_pointer (&scan->numbers, g_hash_table_unref);
  g_clear_pointer (&scan->problem, g_free);
}
