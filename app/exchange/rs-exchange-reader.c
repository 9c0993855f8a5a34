/* rs-exchange-reader.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-error.h"
#include "rs-exchange-private.h"

/* Reading a changeset file, which comes from outside: every byte is checked before
 * anything is planned from it (fuzz-changeset).
 *
 * The file: a short text header, then the changeset blob.
 *
 *   REDSTRING-CHANGES 2        (1: before reviews and comments; read the same)
 *   case: <case uid>
 *   author: <who exported it>
 *   since: <ISO 8601, or empty: everything>
 *   created: <ISO 8601>
 *   schema: <case format of the sender>
 *   size: <bytes of the blob>
 *   context: <bytes of the context blob>
 *   <empty line>
 *   <blob><context blob>
 *
 * The context holds, as inserts, the whole current row of every record the blob
 * updates: an update names its record by uid only, and a colleague who got the
 * same record independently (both added "Ayumi Mori") knows it under another uid;
 * with the whole row it is found the way a merge finds it. */

#define MAX_HEADER 4096

void
_rs_exchange_header_clear (RsExchangeHeader *header)
{
  g_clear_pointer (&header->case_uid, g_free);
  g_clear_pointer (&header->author, g_free);
  g_clear_pointer (&header->since, g_free);
  g_clear_pointer (&header->created, g_free);
  g_clear_pointer (&header->changeset, g_bytes_unref);
  g_clear_pointer (&header->context, g_bytes_unref);
}

static gboolean
damaged (GError     **error,
         const char  *name,
         const char  *why)
{
  g_set_error (error, RS_ERROR, RS_ERROR_CORRUPT_CASE,
               _("“%s” is not a Redstring changeset or it is damaged (%s)"), name, why);
  return FALSE;
}

static gboolean
header_text_ok (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}


static void
xchange_clear (XChange *change)
{
  const XTable *t = _rs_exchange_table (change->table);

  for (guint c = 0; c < t->n_columns; c++)
    {
      g_free (change->old_values[c]);
      g_free (change->new_values[c]);
    }
  g_clear_pointer (&change->old_values, g_free);
  g_clear_pointer (&change->new_values, g_free);
}

static gboolean
read_value (sqlite3_value  *value,
            char          **out,
            guint8         *present)
{
  int type;

  *present = value != NULL;
  if (value == NULL)
    return TRUE;
  type = sqlite3_value_type (value);
  if (type == SQLITE_NULL)
    return TRUE;
  if (type == SQLITE_BLOB)
    return FALSE;
  {
    const char *text = (const char *)sqlite3_value_text (value);
    int n = sqlite3_value_bytes (value);

    /* Their text reaches labels and the case: UTF-8, no NUL inside. */
    if (text == NULL || !g_utf8_validate_len (text, n, NULL) || memchr (text, 0, n) != NULL)
      return FALSE;
    *out = g_strndup (text, n);
  }
  return TRUE;
}

/* SQLite's changeset reader trusts its input more than a file from outside
 * deserves (3.40 loops forever on a table name that is not NUL-terminated, found
 * by fuzz-changeset). So the blob's structure is walked here first, strictly:
 * table headers naming our x_ tables with their exact shape, then records of
 * known operations whose values all lie inside the blob. See "Changeset Format"
 * in SQLite's sqlite3session.h / sessions documentation. */
static gboolean
read_varint (const guint8 *data,
             gsize         size,
             gsize        *p,
             guint64      *value)
{
  guint64 v = 0;

  for (guint k = 0; k < 9; k++)
    {
      guint8 c;

      if (*p >= size)
        return FALSE;
      c = data[(*p)++];
      if (k == 8)
        {
          *value = (v << 8) | c;
          return TRUE;
        }
      v = (v << 7) | (c & 0x7f);
      if (!(c & 0x80))
        {
          *value = v;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
blob_is_well_formed (GBytes *blob)
{
  gsize size = 0, p = 0;
  const guint8 *data = g_bytes_get_data (blob, &size);
  const XTable *table = NULL;

  while (p < size)
    {
      guint n_values;
      guint8 op;

      if (data[p] == 'T')
        {
          guint64 n_columns;
          const guint8 *nul;
          g_autofree char *name = NULL;
          XTableId id;

          p++;
          if (!read_varint (data, size, &p, &n_columns) || n_columns == 0 ||
              n_columns > X_MAX_COLUMNS || size - p < n_columns)
            return FALSE;
          p += n_columns;   /* primary-key flags: checked by the iterator's caller */
          if (!(nul = memchr (data + p, 0, size - p)))
            return FALSE;
          name = g_strndup ((const char *)data + p, nul - (data + p));
          if (!_rs_exchange_table_lookup (name, &id) ||
              _rs_exchange_table (id)->n_columns != n_columns)
            return FALSE;
          table = _rs_exchange_table (id);
          p = (nul - data) + 1;
          continue;
        }

      if (table == NULL || size - p < 2)
        return FALSE;
      op = data[p];
      if ((op != SQLITE_INSERT && op != SQLITE_DELETE && op != SQLITE_UPDATE) || data[p + 1] > 1)
        return FALSE;
      p += 2;
      n_values = op == SQLITE_UPDATE ? 2 * table->n_columns : table->n_columns;
      for (guint v = 0; v < n_values; v++)
        {
          guint8 type;
          guint64 length;

          if (p >= size)
            return FALSE;
          type = data[p++];
          switch (type)
            {
            case 0:  /* not there: only in an update */
              if (op != SQLITE_UPDATE)
                return FALSE;
              break;
            case SQLITE_INTEGER:
            case SQLITE_FLOAT:
              if (size - p < 8)
                return FALSE;
              p += 8;
              break;
            case SQLITE_TEXT:
            case SQLITE_BLOB:
              if (!read_varint (data, size, &p, &length) || length > size - p)
                return FALSE;
              p += length;
              break;
            case SQLITE_NULL:
              break;
            default:
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* Walks every change of the blob, checking it against the x_ tables; FUNC (may
 * be NULL) sees each. Any damage is an error, and nothing is half-read. */
gboolean
_rs_exchange_foreach_change (GBytes            *blob,
                             const char        *name,
                             RsExchangeChangeFunc func,
                             gpointer           user_data,
                             GError           **error)
{
  g_autoptr(sqlite3_changeset_iter) iter = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (blob, &size);
  int rc;

  if (size == 0)
    return TRUE;
  if (size > G_MAXINT)
    return damaged (error, name, _("too large"));
  if (!blob_is_well_formed (blob))
    return damaged (error, name, _("its changes cannot be read"));
  if ((rc = sqlite3changeset_start (&iter, (int)size, (void *)data)) != SQLITE_OK)
    return damaged (error, name, sqlite3_errstr (rc));

  while ((rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table_name = NULL;
      int n_columns = 0, op = 0, indirect = 0, n_pk = 0;
      unsigned char *pk = NULL;
      XChange change = { 0 };
      const XTable *t;
      gboolean ok = TRUE;

      if ((rc = sqlite3changeset_op (iter, &table_name, &n_columns, &op, &indirect)) != SQLITE_OK ||
          (rc = sqlite3changeset_pk (iter, &pk, &n_pk)) != SQLITE_OK)
        return damaged (error, name, sqlite3_errstr (rc));
      if (table_name == NULL || !_rs_exchange_table_lookup (table_name, &change.table))
        return damaged (error, name, _("an unknown table"));
      t = _rs_exchange_table (change.table);
      if ((guint)n_columns != t->n_columns || n_pk != n_columns)
        return damaged (error, name, _("a table of the wrong shape"));
      for (guint c = 0; c < t->n_columns; c++)
        if ((pk[c] != 0) != (c < t->n_key))
          return damaged (error, name, _("a table of the wrong shape"));
      if (op != SQLITE_INSERT && op != SQLITE_UPDATE && op != SQLITE_DELETE)
        return damaged (error, name, _("an unknown operation"));

      change.op = op;
      change.old_values = g_new0 (char *, t->n_columns + 1);
      change.new_values = g_new0 (char *, t->n_columns + 1);
      for (guint c = 0; ok && c < t->n_columns; c++)
        {
          sqlite3_value *value = NULL;

          if (op != SQLITE_INSERT)
            {
              if (sqlite3changeset_old (iter, c, &value) != SQLITE_OK)
                ok = FALSE;
              else
                ok = read_value (value, &change.old_values[c], &change.has_old[c]);
            }
          value = NULL;
          if (ok && op != SQLITE_DELETE)
            {
              if (sqlite3changeset_new (iter, c, &value) != SQLITE_OK)
                ok = FALSE;
              else
                ok = read_value (value, &change.new_values[c], &change.has_new[c]);
            }
        }
      /* Keys are never NULL; inserts and deletes carry every column. */
      for (guint c = 0; ok && c < t->n_columns; c++)
        {
          if (c < t->n_key)
            ok = op == SQLITE_INSERT ? change.new_values[c] != NULL : change.old_values[c] != NULL;
          if (op == SQLITE_INSERT)
            ok = ok && change.has_new[c];
          else if (op == SQLITE_DELETE)
            ok = ok && change.has_old[c];
        }
      if (ok && func != NULL)
        ok = func (&change, user_data);
      xchange_clear (&change);
      if (!ok)
        return damaged (error, name, _("a record that cannot be read"));
    }
  if (rc != SQLITE_DONE)
    return damaged (error, name, sqlite3_errstr (rc));
  return TRUE;
}

gboolean
_rs_exchange_read_changes (GBytes            *bytes,
                           const char        *name,
                           RsExchangeHeader  *header,
                           GError           **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end, *p;
  g_autofree char *head = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 blob_size = -1;
  gint64 context_size = 0;
  gboolean have_case = FALSE;
  gsize magic_len = strlen (RS_EXCHANGE_MAGIC);

  memset (header, 0, sizeof *header);
  header->format = -1;
  header->schema = -1;

  if (size < magic_len + 1 || memcmp (data, RS_EXCHANGE_MAGIC " ", magic_len + 1) != 0)
    return damaged (error, name, _("no changeset header"));
  end = NULL;
  for (gsize i = 0; end == NULL && i + 1 < MIN (size, MAX_HEADER); i++)
    if (data[i] == '\n' && data[i + 1] == '\n')
      end = data + i;
  if (end == NULL)
    return damaged (error, name, _("the header does not end"));
  head = g_strndup (data, end - data);
  if (strlen (head) != (gsize)(end - data))
    return damaged (error, name, _("the header is not text"));
  lines = g_strsplit (head, "\n", -1);

  /* The format first: a newer one is refused as such, whatever follows. */
  {
    char *tail = NULL;
    gint64 format = g_ascii_strtoll (lines[0] + magic_len + 1, &tail, 10);

    if (tail == lines[0] + magic_len + 1 || *tail != '\0' || format < 1)
      return damaged (error, name, _("no format number"));
    if (format > RS_EXCHANGE_FORMAT)
      {
        g_set_error (error, RS_ERROR, RS_ERROR_UNSUPPORTED_VERSION,
                     _("“%s” was written by a newer Redstring (changeset format %d; this version "
                       "reads up to %d). Update Redstring to apply it."),
                     name, (int)MIN (format, G_MAXINT), RS_EXCHANGE_FORMAT);
        return FALSE;
      }
    header->format = format;
  }

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *colon = strstr (lines[i], ": ");
      g_autofree char *key = NULL;
      const char *value;

      if (colon == NULL || !header_text_ok (lines[i]))
        return damaged (error, name, _("a header line that cannot be read"));
      key = g_strndup (lines[i], colon - lines[i]);
      value = colon + 2;
      if (g_str_equal (key, "case") && !have_case && *value != '\0')
        header->case_uid = g_strdup (value), have_case = TRUE;
      else if (g_str_equal (key, "author") && header->author == NULL)
        header->author = g_strdup (value);
      else if (g_str_equal (key, "since") && header->since == NULL)
        header->since = g_strdup (value);
      else if (g_str_equal (key, "created") && header->created == NULL)
        header->created = g_strdup (value);
      else if (g_str_equal (key, "schema") || g_str_equal (key, "size") ||
               g_str_equal (key, "context"))
        {
          char *tail = NULL;
          gint64 n = g_ascii_strtoll (value, &tail, 10);

          if (tail == value || *tail != '\0' || n < 0 || n > G_MAXINT)
            return damaged (error, name, _("a number that cannot be read"));
          if (g_str_equal (key, "schema"))
            header->schema = n;
          else if (g_str_equal (key, "size"))
            blob_size = n;
          else
            context_size = n;
        }
      /* Other keys are for later versions of format 1: ignored. */
    }
  if (!have_case || blob_size < 0)
    return damaged (error, name, _("the header misses the case or the size"));

  p = end + 2;
  if ((gint64)(size - (p - data)) != blob_size + context_size)
    return damaged (error, name, _("the file is cut short or too long"));
  header->changeset = g_bytes_new_from_bytes (bytes, p - data, blob_size);
  header->context = g_bytes_new_from_bytes (bytes, (p - data) + blob_size, context_size);

  return _rs_exchange_foreach_change (header->changeset, name, NULL, NULL, error) &&
         _rs_exchange_foreach_change (header->context, name, NULL, NULL, error);
}

/* Checks a changeset file's bytes as Apply Changes… would read them. */
gboolean
rs_exchange_check_changes (GBytes      *bytes,
                           GError     **error)
{
  g_auto(RsExchangeHeader) header = { 0 };

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _rs_exchange_read_changes (bytes, _("the changeset"), &header, error);
}
