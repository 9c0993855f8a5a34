/* rs-case-store-search.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-store-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-case-store-private.h"
#include "rs-error.h"

/* Find: FTS5 over the indexes 003-search.sql makes. Triggers queue what changed;
 * the index catches up here, before a search, in its own transaction (see the
 * migration for why the triggers cannot write the index themselves). */

#define OPEN  RS_SEARCH_MARK_OPEN
#define CLOSE RS_SEARCH_MARK_CLOSE

enum { KIND_ENTITY = 1, KIND_QUOTE, KIND_NOTE, KIND_DOCUMENT };

typedef struct
{
  int    target;  /* the token number to find */
  int    token;   /* tokens seen so far */
  int    start;   /* its byte offset, or -1 */
} TokenSeek;

static int
on_token (void       *user_data,
          int         flags,
          const char *token G_GNUC_UNUSED,
          int         n_token G_GNUC_UNUSED,
          int         start,
          int         end G_GNUC_UNUSED)
{
  TokenSeek *seek = user_data;

  if (flags & FTS5_TOKEN_COLOCATED)
    return SQLITE_OK;
  if (seek->token++ == seek->target)
    {
      seek->start = start;
      return SQLITE_DONE;
    }
  return SQLITE_OK;
}

/* rs_match_offset(table, column): where the first match in COLUMN starts, in
 * characters, or -1. FTS5 knows matches by token number; tokenizing the text again
 * (as snippet() does) turns that into a byte offset. */
static void
match_offset (const Fts5ExtensionApi  *api,
              Fts5Context             *fts,
              sqlite3_context         *context,
              int                      n_args,
              sqlite3_value          **args)
{
  TokenSeek seek = { G_MAXINT, 0, -1 };
  const char *text = NULL;
  int column, n_inst = 0, n_text = 0, rc;
  gint64 chars = 0;

  column = n_args > 0 ? sqlite3_value_int (args[0]) : 0;
  if ((rc = api->xInstCount (fts, &n_inst)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  for (int i = 0; i < n_inst; i++)
    {
      int phrase, col, offset;

      if (api->xInst (fts, i, &phrase, &col, &offset) == SQLITE_OK && col == column &&
          offset >= 0 && offset < seek.target)
        seek.target = offset;
    }
  if (seek.target == G_MAXINT)
    {
      sqlite3_result_int64 (context, -1);
      return;
    }

  if ((rc = api->xColumnText (fts, column, &text, &n_text)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  rc = api->xTokenize (fts, text, n_text, &seek, on_token);
  if ((rc != SQLITE_OK && rc != SQLITE_DONE) || seek.start < 0 || seek.start > n_text)
    {
      sqlite3_result_int64 (context, -1);
      return;
    }
  /* Characters are counted by their lead bytes, which needs no valid UTF-8. */
  for (int i = 0; i < seek.start; i++)
    if (((guchar)text[i] & 0xc0) != 0x80)
      chars++;
  sqlite3_result_int64 (context, chars);
}

static gboolean
ensure_functions (RsCaseStore  *self,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  if (self->search_ready)
    return TRUE;

  if (!(stmt = rs_db_prepare (self->db, "SELECT fts5 (?1)", error)))
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  if (!rs_db_step_done (self->db, stmt, error))
    return FALSE;
  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_UNSUPPORTED_VERSION,
                           _("Find is not available: this SQLite has no full-text search"));
      return FALSE;
    }
  if ((rc = api->xCreateFunction (api, "rs_match_offset", NULL, match_offset, NULL)) != SQLITE_OK)
    {
      rs_db_set_error (self->db, rc, error, NULL);
      return FALSE;
    }
  self->search_ready = TRUE;
  return TRUE;
}

/* One queued record: out of the index with the values the index last saw, into it
 * with what the file holds now (if it still holds the record). */
static const struct
{
  int          kind;
  const char  *remove[2];  /* external content: needs the old values */
  const char  *add[2];
} updates[] = {
  { KIND_ENTITY,
    { "DELETE FROM search_entity WHERE rowid = ?1", NULL },
    { "INSERT INTO search_entity (rowid, name, aliases, description) "
      "SELECT id, name, "
      "  ifnull ((SELECT group_concat (alias, char (10)) FROM "
      "           (SELECT alias FROM entity_alias a WHERE a.entity_id = entity.id "
      "            ORDER BY position)), ''), "
      "  description FROM entity WHERE id = ?1", NULL } },
  { KIND_QUOTE,
    { "INSERT INTO search_quote (search_quote, rowid, text) VALUES ('delete', ?1, ?3)",
      "INSERT INTO search_quote_tri (search_quote_tri, rowid, text) VALUES ('delete', ?1, ?3)" },
    { "INSERT INTO search_quote (rowid, text) SELECT id, text FROM quote WHERE id = ?1",
      "INSERT INTO search_quote_tri (rowid, text) SELECT id, text FROM quote WHERE id = ?1" } },
  { KIND_NOTE,
    { "INSERT INTO search_note (search_note, rowid, body) VALUES ('delete', ?1, ?3)",
      "INSERT INTO search_note_tri (search_note_tri, rowid, body) VALUES ('delete', ?1, ?3)" },
    { "INSERT INTO search_note (rowid, body) SELECT id, body FROM note WHERE id = ?1",
      "INSERT INTO search_note_tri (rowid, body) SELECT id, body FROM note WHERE id = ?1" } },
  { KIND_DOCUMENT,
    { "INSERT INTO search_document (search_document, rowid, title, text) "
      "VALUES ('delete', ?1, ?2, ?3)",
      "INSERT INTO search_document_tri (search_document_tri, rowid, title, text) "
      "VALUES ('delete', ?1, ?2, ?3)" },
    { "INSERT INTO search_document (rowid, title, text) "
      "SELECT id, title, text FROM document WHERE id = ?1",
      "INSERT INTO search_document_tri (rowid, title, text) "
      "SELECT id, title, text FROM document WHERE id = ?1" } },
};

static gboolean
run_update (RsCaseStore   *self,
            const char    *sql,
            sqlite3_stmt  *queued,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sql == NULL)
    return TRUE;
  if (!(stmt = rs_db_prepare (self->db, sql, error)))
    return FALSE;
  sqlite3_bind_value (stmt, 1, sqlite3_column_value (queued, 1));
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    {
      sqlite3_bind_value (stmt, 2, sqlite3_column_value (queued, 3));
      sqlite3_bind_value (stmt, 3, sqlite3_column_value (queued, 4));
    }
  return rs_db_step_done (self->db, stmt, error);
}

static gboolean
update_index_locked (RsCaseStore  *self,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) queued = NULL;
  gboolean has_row;

  if (!(queued = rs_db_prepare (self->db,
                                "SELECT kind, id, indexed, old_title, old_body FROM search_queue",
                                error)))
    return FALSE;
  for (;;)
    {
      int kind;

      if (!rs_db_step_row (self->db, queued, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      kind = sqlite3_column_int (queued, 0);
      for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
        {
          if (updates[i].kind != kind)
            continue;
          for (guint j = 0; j < 2; j++)
            if ((kind == KIND_ENTITY || sqlite3_column_int (queued, 2) == 1) &&
                !run_update (self, updates[i].remove[j], queued, error))
              return FALSE;
          for (guint j = 0; j < 2; j++)
            if (!run_update (self, updates[i].add[j], queued, error))
              return FALSE;
        }
    }
  g_clear_pointer (&queued, sqlite3_finalize);
  return rs_db_exec (self->db, "DELETE FROM search_queue", error);
}

/* Brings the index up to date with what the triggers queued. Not while a change is
 * open (its rows are not committed) nor in a read-only case, where Find searches
 * the index as the file has it. */
static gboolean
update_index (RsCaseStore  *self,
              GError      **error)
{
  gint64 pending = 0;

  if (self->read_only || self->in_change || self->in_batch || self->in_board)
    return TRUE;
  if (!rs_db_get_int (self->db, "SELECT EXISTS (SELECT 1 FROM search_queue)", &pending, error))
    return FALSE;
  if (!pending)
    return TRUE;

  if (!rs_db_exec (self->db, "SAVEPOINT rs_search", error))
    return FALSE;
  if (!update_index_locked (self, error) || !rs_db_exec (self->db, "RELEASE rs_search", error))
    {
      rs_db_exec (self->db, "ROLLBACK TO rs_search; RELEASE rs_search", NULL);
      return FALSE;
    }
  return TRUE;
}

/* A character FTS5's unicode61 tokenizer keeps in a token. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) ||
         g_unichar_type (c) == G_UNICODE_PRIVATE_USE;
}

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_HANGUL;
}

/* What the analyst typed becomes an FTS5 query that cannot be read as FTS5 syntax:
 * every word is a quoted string ("" inside), words are ANDed, and the last is a
 * prefix while it is being typed (no space after it). Words with no letter or digit
 * would be empty phrases and are left out. TRIGRAM: the query for the trigram
 * indexes, or NULL when they cannot help (no CJK text, or a word under three
 * characters, which trigram matches nothing with). */
static char *
build_query (const char  *text,
             char       **trigram)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) tri = g_string_new (NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  gboolean ends_in_space = FALSE, cjk = FALSE, short_word = FALSE;
  gsize last_prefix = 0;  /* where the last searchable word ends, 0: none is a prefix */
  const char *p = valid, *start = NULL;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = c == 0 || g_unichar_isspace (c);

      if (space && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      else if (!space && start == NULL)
        start = p;
      if (c == 0)
        break;
      ends_in_space = space;
    }

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      gboolean searchable = FALSE;
      GString *quoted = g_string_new ("\"");

      for (const char *q = word; *q != '\0'; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          searchable |= is_word_char (c);
          cjk |= is_cjk (c);
          if (c == '"')
            g_string_append_c (quoted, '"');
          g_string_append_unichar (quoted, c);
        }
      g_string_append_c (quoted, '"');
      if (searchable)
        {
          short_word |= g_utf8_strlen (word, -1) < 3;
          if (tri->len > 0)
            g_string_append_c (tri, ' ');
          g_string_append (tri, quoted->str);
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append (query, quoted->str);
          last_prefix = ends_in_space ? 0 : query->len;
        }
      g_string_free (quoted, TRUE);
    }

  /* The last word typed that can be searched (not "-" after it) is the prefix. */
  if (last_prefix > 0)
    g_string_insert_c (query, last_prefix, '*');
  *trigram = cjk && !short_word && tri->len > 0 ? g_strdup (tri->str) : NULL;
  return query->len > 0 ? g_strdup (query->str) : NULL;
}

/* Per kind: the unicode61 search, then the trigram one. ?1 the query, ?2 the limit. */
static const struct
{
  RsSearchKind  kind;
  const char   *sql[2];
} searches[] = {
  { RS_SEARCH_KIND_ENTITY,
    { "SELECT rowid, snippet (search_entity, -1, '" OPEN "', '" CLOSE "', '…', 10), -1, "
      "bm25 (search_entity, 10.0, 5.0, 1.0) AS r "
      "FROM search_entity WHERE search_entity MATCH ?1 ORDER BY r LIMIT ?2", NULL } },
  { RS_SEARCH_KIND_QUOTE,
    { "SELECT rowid, snippet (search_quote, 0, '" OPEN "', '" CLOSE "', '…', 16), -1, "
      "bm25 (search_quote) AS r "
      "FROM search_quote WHERE search_quote MATCH ?1 ORDER BY r LIMIT ?2",
      "SELECT rowid, snippet (search_quote_tri, 0, '" OPEN "', '" CLOSE "', '…', 24), -1, "
      "bm25 (search_quote_tri) AS r "
      "FROM search_quote_tri WHERE search_quote_tri MATCH ?1 ORDER BY r LIMIT ?2" } },
  { RS_SEARCH_KIND_NOTE,
    { "SELECT rowid, snippet (search_note, 0, '" OPEN "', '" CLOSE "', '…', 16), -1, "
      "bm25 (search_note) AS r "
      "FROM search_note WHERE search_note MATCH ?1 ORDER BY r LIMIT ?2",
      "SELECT rowid, snippet (search_note_tri, 0, '" OPEN "', '" CLOSE "', '…', 24), -1, "
      "bm25 (search_note_tri) AS r "
      "FROM search_note_tri WHERE search_note_tri MATCH ?1 ORDER BY r LIMIT ?2" } },
  { RS_SEARCH_KIND_DOCUMENT,
    { "SELECT rowid, snippet (search_document, -1, '" OPEN "', '" CLOSE "', '…', 16), "
      "rs_match_offset (search_document, 1), bm25 (search_document, 5.0, 1.0) AS r "
      "FROM search_document WHERE search_document MATCH ?1 ORDER BY r LIMIT ?2",
      "SELECT rowid, snippet (search_document_tri, -1, '" OPEN "', '" CLOSE "', '…', 24), "
      "rs_match_offset (search_document_tri, 1), bm25 (search_document_tri, 5.0, 1.0) AS r "
      "FROM search_document_tri WHERE search_document_tri MATCH ?1 ORDER BY r LIMIT ?2" } },
};

/* The index is only as trustworthy as the file: a hit counts if the case has the
 * record, and a report's offset if it falls inside its text. */
static gboolean
hit_is_valid (RsCase       *kase,
              RsSearchKind  kind,
              gint64        id,
              gint64       *offset)
{
  RsDocument *document;

  switch (kind)
    {
    case RS_SEARCH_KIND_ENTITY:
      return rs_case_lookup_entity (kase, id) != NULL;
    case RS_SEARCH_KIND_QUOTE:
      return rs_case_lookup_quote (kase, id) != NULL;
    case RS_SEARCH_KIND_NOTE:
      return rs_case_lookup_note (kase, id) != NULL;
    case RS_SEARCH_KIND_DOCUMENT:
      if (!(document = rs_case_lookup_document (kase, id)))
        return FALSE;
      if (*offset > rs_document_get_length (document))
        *offset = -1;
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
run_search (RsCaseStore  *self,
            const char   *sql,
            const char   *query,
            RsSearchKind  kind,
            guint         limit,
            GHashTable   *seen,
            GPtrArray    *hits,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (!(stmt = rs_db_prepare (self->db, sql, error)))
    return FALSE;
  rs_db_bind_text (stmt, 1, query);
  sqlite3_bind_int64 (stmt, 2, limit);
  for (;;)
    {
      gint64 id, offset;

      if (!rs_db_step_row (self->db, stmt, &has_row, error))
        return FALSE;
      if (!has_row || g_hash_table_size (seen) >= limit)
        return TRUE;

      id = sqlite3_column_int64 (stmt, 0);
      offset = sqlite3_column_int64 (stmt, 2);
      if (g_hash_table_contains (seen, &id) || !hit_is_valid (self->kase, kind, id, &offset))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (hits, rs_search_hit_new (kind, id, rs_db_column_text (stmt, 1), offset,
                                                sqlite3_column_double (stmt, 3)));
    }
}

static gboolean
search_locked (RsCaseStore  *self,
               const char   *query,
               guint         limit,
               GPtrArray    *hits,
               GError      **error)
{
  g_autofree char *trigram = NULL;
  g_autofree char *words = NULL;
  gint64 version = 0;

  if (!rs_db_get_int (self->db, "PRAGMA user_version", &version, error))
    return FALSE;
  /* A read-only case in an older format is read through an upgraded copy, which
   * is gone by now: there is no index to search. */
  if (version < 3)
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_READ_ONLY,
                           _("Find needs this case in the current format: open it "
                             "where it can be written to upgrade it"));
      return FALSE;
    }
  if (!ensure_functions (self, error) || !update_index (self, error))
    return FALSE;

  if (!(words = build_query (query, &trigram)))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, NULL);

      if (!run_search (self, searches[i].sql[0], words, searches[i].kind, limit, seen, hits,
                       error))
        return FALSE;
      if (trigram != NULL && searches[i].sql[1] != NULL &&
          !run_search (self, searches[i].sql[1], trigram, searches[i].kind, limit, seen, hits,
                       error))
        return FALSE;
    }
  return TRUE;
}

/**
 * rs_case_store_search:
 * @query: what the analyst typed (plain text, not FTS5 syntax: any text is valid)
 * @limit: at most this many hits of each kind
 *
 * Finds @query in entity names, aliases and descriptions, quotes, notes and reports.
 *
 * Returns: (transfer full) (element-type RsSearchHit): the hits, entities first, then
 *   quotes, notes and reports, each best first; or %NULL with @error set (a damaged
 *   index in a hostile or broken file is %RS_ERROR_CORRUPT_CASE).
 */
GPtrArray *
rs_case_store_search (RsCaseStore  *self,
                      const char   *query,
                      guint         limit,
                      GError      **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limit == 0)
    return g_steal_pointer (&hits);

  _rs_case_store_lock (self);
  ok = search_locked (self, query, limit, hits, error);
  _rs_case_store_unlock (self);

  return ok ? g_steal_pointer (&hits) : NULL;
}
