/* test-search.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-case-store.h"
#include "rs-db.h"
#include "rs-error.h"
#include "rs-migrations.h"
#include "rs-test-utils.h"

/* Find: hits of each kind on the sample case, any typed text is a valid query, the
 * index follows edits, undo and redo, older files gain a full index, and a file
 * whose index was tampered with gives errors or fewer hits, never a crash. */

static RsCaseStore *
open_sample (char **path_out)
{
  g_autofree char *path = rs_test_make_sample_file ("search.redstring");
  g_autoptr(GError) error = NULL;
  RsCaseStore *store;

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static GPtrArray *
search (RsCaseStore *store,
        const char  *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = rs_case_store_search (store, query, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static guint
count_kind (GPtrArray    *hits,
            RsSearchKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    n += rs_search_hit_get_kind (g_ptr_array_index (hits, i)) == kind;
  return n;
}

static RsSearchHit *
find_hit (GPtrArray    *hits,
          RsSearchKind  kind,
          gint64        id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      RsSearchHit *hit = g_ptr_array_index (hits, i);

      if (rs_search_hit_get_kind (hit) == kind && rs_search_hit_get_id (hit) == id)
        return hit;
    }
  return NULL;
}

static gint64
entity_id (RsCaseStore *store,
           const char  *name)
{
  RsEntity *entity = rs_case_lookup_entity_by_name (rs_case_store_get_case (store), name);

  g_assert_nonnull (entity);
  return rs_entity_get_id (entity);
}

/* The document text at a hit's offset starts with WORD, whatever the case. */
static void
assert_document_offset (RsCaseStore *store,
                        RsSearchHit *hit,
                        const char  *word)
{
  RsDocument *document = rs_case_lookup_document (rs_case_store_get_case (store),
                                                  rs_search_hit_get_id (hit));
  const char *text;
  g_autofree char *at = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *expected = g_utf8_casefold (word, -1);

  g_assert_nonnull (document);
  text = rs_document_get_text (document);
  g_assert_cmpint (rs_search_hit_get_offset (hit), >=, 0);
  g_assert_cmpint (rs_search_hit_get_offset (hit), <, g_utf8_strlen (text, -1));
  at = g_strndup (g_utf8_offset_to_pointer (text, rs_search_hit_get_offset (hit)),
                  strlen (word));
  folded = g_utf8_casefold (at, -1);
  g_assert_cmpstr (folded, ==, expected);
}

static void
test_sample_hits (void)
{
  g_autoptr(RsCaseStore) store = open_sample (NULL);
  g_autoptr(GPtrArray) hits = NULL;
  gint64 tick = entity_id (store, "Tick");
  RsSearchHit *hit;
  RsSearchKind last = RS_SEARCH_KIND_ENTITY;

  hits = search (store, "tick");
  hit = find_hit (hits, RS_SEARCH_KIND_ENTITY, tick);
  g_assert_nonnull (hit);
  g_assert_nonnull (strstr (rs_search_hit_get_snippet_markup (hit), "<b>Tick</b>"));
  g_assert_null (strstr (rs_search_hit_get_snippet (hit), RS_SEARCH_MARK_OPEN));
  g_assert_cmpuint (count_kind (hits, RS_SEARCH_KIND_QUOTE), >, 0);
  g_assert_cmpuint (count_kind (hits, RS_SEARCH_KIND_NOTE), >, 0);
  g_assert_cmpuint (count_kind (hits, RS_SEARCH_KIND_DOCUMENT), ==, 2);

  /* Grouped: entities, quotes, notes, documents. */
  for (guint i = 0; i < hits->len; i++)
    {
      RsSearchKind kind = rs_search_hit_get_kind (g_ptr_array_index (hits, i));

      g_assert_cmpint (kind, >=, last);
      last = kind;
    }
  for (guint i = 0; i < hits->len; i++)
    if (rs_search_hit_get_kind (g_ptr_array_index (hits, i)) == RS_SEARCH_KIND_DOCUMENT)
      assert_document_offset (store, g_ptr_array_index (hits, i), "tick");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Aliases, and the last word as a prefix while it is typed. */
  hits = search (store, "redbaldknight");
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_ENTITY, tick));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (store, "bronze butl");
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_ENTITY, tick));
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* Trailing punctuation does not stop the last word being a prefix. */
  hits = search (store, "bronze butl -");
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_ENTITY, tick));
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* A finished word (a space after it) is not a prefix. */
  hits = search (store, "butl ");
  g_assert_null (find_hit (hits, RS_SEARCH_KIND_ENTITY, tick));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Words are ANDed. */
  hits = search (store, "mitsubishi electric");
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_ENTITY, entity_id (store, "Mitsubishi Electric")));
  for (guint i = 0; i < hits->len; i++)
    if (rs_search_hit_get_kind (g_ptr_array_index (hits, i)) == RS_SEARCH_KIND_DOCUMENT)
      assert_document_offset (store, g_ptr_array_index (hits, i), "mitsubishi");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (store, "mitsubishi zzyzzx");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Diacritics and case are folded: the sample has “Liberation”. */
  hits = search (store, "LIBÉRATION");
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_ENTITY,
                              entity_id (store, "People’s Liberation Army")));
}

static void
test_limit (void)
{
  g_autoptr(RsCaseStore) store = open_sample (NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = rs_case_store_search (store, "the", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (hits, RS_SEARCH_KIND_QUOTE), ==, 3);
  g_assert_cmpuint (count_kind (hits, RS_SEARCH_KIND_NOTE), ==, 3);
  g_assert_cmpuint (count_kind (hits, RS_SEARCH_KIND_DOCUMENT), ==, 2);
}

/* Whatever the analyst types is text: FTS5 syntax never reaches FTS5 as syntax. */
static void
test_special_characters (void)
{
  static const char *queries[] = {
    "", " ", "\"", "\"\"", "\"tick", "tick\"", "a\"b", "*", "tick*", "**", "-", "-tick",
    "tick -", "(", ")", "(tick", "NEAR(", "NEAR(tick jaxa", "NEAR(tick, 5)", "AND", "OR",
    "NOT", "tick AND", "AND tick", "tick NOT jaxa", "OR OR OR", "^", "^tick", ":", "name:",
    "name:tick", "{name aliases}: tick", "+", "'", "''", "\\", "%", "_", "%tick%", "\x01",
    "\xff\xfe", "tick\xff", "\t\n", "…", "—", "’", "🙂", "#", "@", "$1", "?", ";", "--",
    "/*", "*/", "NEAR", "near(", "ab", "a", "AND (", "\"*\"", "tick\" OR \"jaxa",
  };
  g_autoptr(RsCaseStore) store = open_sample (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("query %u", i);
      hits = rs_case_store_search (store, queries[i], 20, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  /* Operators are words: “and” is in both reports, “near” (in “nearly”) too. */
  {
    g_autoptr(GPtrArray) hits = search (store, "AND");
    g_assert_cmpuint (count_kind (hits, RS_SEARCH_KIND_DOCUMENT), ==, 2);
  }
  {
    g_autoptr(GPtrArray) hits = search (store, "NEAR(");
    g_assert_cmpuint (hits->len, >, 0);
  }
  {
    /* Quotes inside a word stay in it: no hit, no error. */
    g_autoptr(GPtrArray) hits = search (store, "tick\" OR \"jaxa");
    g_assert_null (find_hit (hits, RS_SEARCH_KIND_ENTITY, entity_id (store, "Tick")));
  }
}

static void
test_japanese (void)
{
  g_autoptr(RsCaseStore) store = open_sample (NULL);
  g_autoptr(RsDocument) draft = rs_document_new (0);
  g_autoptr(GError) error = NULL;
  RsDocument *document;
  gint64 id;
  static const char *text = "NHKによると、宇宙航空研究開発機構（JAXA）は2016年にサイバー攻撃を受けた。";

  rs_document_set_title (draft, "中国軍の指示でサイバー攻撃");
  rs_document_set_text (draft, text);
  document = rs_case_store_add_document (store, draft, &error);
  g_assert_no_error (error);
  id = rs_document_get_id (document);

  /* The whole name (a token of its own between punctuation), and parts of it. */
  {
    g_autoptr(GPtrArray) hits = search (store, "宇宙航空研究開発機構");
    RsSearchHit *hit = find_hit (hits, RS_SEARCH_KIND_DOCUMENT, id);

    g_assert_nonnull (hit);
    g_assert_cmpint (rs_search_hit_get_offset (hit), ==, 8);
  }
  {
    g_autoptr(GPtrArray) hits = search (store, "研究開発");
    RsSearchHit *hit = find_hit (hits, RS_SEARCH_KIND_DOCUMENT, id);

    g_assert_nonnull (hit);
    g_assert_cmpint (rs_search_hit_get_offset (hit), ==, 12);
    g_assert_nonnull (strstr (rs_search_hit_get_snippet_markup (hit), "<b>"));
  }
  {
    g_autoptr(GPtrArray) hits = search (store, "サイバー攻撃");
    RsSearchHit *hit = find_hit (hits, RS_SEARCH_KIND_DOCUMENT, id);

    g_assert_nonnull (hit);
    g_assert_cmpint (rs_search_hit_get_offset (hit), ==,
                     g_utf8_pointer_to_offset (text, strstr (text, "サイバー攻撃")));
  }
  {
    /* The title only: no place in the text to open at. */
    g_autoptr(GPtrArray) hits = search (store, "中国軍の指示");
    RsSearchHit *hit = find_hit (hits, RS_SEARCH_KIND_DOCUMENT, id);

    g_assert_nonnull (hit);
    g_assert_cmpint (rs_search_hit_get_offset (hit), ==, -1);
  }
  {
    g_autoptr(GPtrArray) hits = search (store, "研究開発 JAXA");
    g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_DOCUMENT, id));
  }
}

/* Every FTS5 index agrees with the records it indexes. */
static void
assert_index_intact (const char *path)
{
  static const char *tables[] = {
    "search_entity", "search_quote", "search_quote_tri", "search_note", "search_note_tri",
    "search_document", "search_document_tri",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES "
                                              "('integrity-check', 1)", tables[i], tables[i]);

      rs_test_raw_exec (path, sql);
    }
}

static guint
count_hits (RsCaseStore  *store,
            const char   *query,
            RsSearchKind  kind,
            gint64        id)
{
  g_autoptr(GPtrArray) hits = search (store, query);

  if (id != 0)
    return find_hit (hits, kind, id) != NULL;
  return count_kind (hits, kind);
}

static void
test_follows_edits (void)
{
  g_autofree char *path = NULL;
  g_autoptr(RsCaseStore) store = open_sample (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) create = NULL;
  g_autoptr(RsChange) rename = NULL;
  g_autoptr(RsChange) delete_tick = NULL;
  g_autoptr(RsChange) delete_doc = NULL;
  const char *aliases[] = { "Numbat Cell", NULL };
  gint64 id = 0, tick = entity_id (store, "Tick");
  RsDocument *document;
  gint64 doc_id;
  guint quotes_before, notes_before;

  create = rs_case_edit_create_entity (store, RS_ENTITY_KIND_GROUP, "Wombat Collective",
                                       aliases, "Seen in no report", &id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "wombat", RS_SEARCH_KIND_ENTITY, id), ==, 1);
  g_assert_cmpuint (count_hits (store, "numbat", RS_SEARCH_KIND_ENTITY, id), ==, 1);
  g_assert_true (rs_case_store_undo_change (store, create, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "wombat", RS_SEARCH_KIND_ENTITY, 0), ==, 0);
  g_assert_true (rs_case_store_redo_change (store, create, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "wombat", RS_SEARCH_KIND_ENTITY, id), ==, 1);

  /* Name and aliases replaced, then back. */
  rename = rs_case_edit_update_entity (store, id, RS_ENTITY_KIND_GROUP, "Quokka Syndicate",
                                       NULL, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "wombat", RS_SEARCH_KIND_ENTITY, 0), ==, 0);
  g_assert_cmpuint (count_hits (store, "numbat", RS_SEARCH_KIND_ENTITY, 0), ==, 0);
  g_assert_cmpuint (count_hits (store, "quokka", RS_SEARCH_KIND_ENTITY, id), ==, 1);
  g_assert_true (rs_case_store_undo_change (store, rename, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "quokka", RS_SEARCH_KIND_ENTITY, 0), ==, 0);
  g_assert_cmpuint (count_hits (store, "numbat", RS_SEARCH_KIND_ENTITY, id), ==, 1);
  g_assert_true (rs_case_store_redo_change (store, rename, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "quokka", RS_SEARCH_KIND_ENTITY, id), ==, 1);

  /* A cascade: Tick's aliases and notes go with it, and come back. */
  notes_before = count_hits (store, "tick", RS_SEARCH_KIND_NOTE, 0);
  delete_tick = rs_case_edit_delete_entity (store, tick, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "redbaldknight", RS_SEARCH_KIND_ENTITY, 0), ==, 0);
  g_assert_cmpuint (count_hits (store, "tick", RS_SEARCH_KIND_NOTE, 0), <, notes_before);
  g_assert_true (rs_case_store_undo_change (store, delete_tick, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "redbaldknight", RS_SEARCH_KIND_ENTITY, tick), ==, 1);
  g_assert_cmpuint (count_hits (store, "tick", RS_SEARCH_KIND_NOTE, 0), ==, notes_before);

  /* A report and its quotes (external content: out of the index by old values). */
  document = g_list_model_get_item (rs_case_get_documents (rs_case_store_get_case (store)), 0);
  doc_id = rs_document_get_id (document);
  g_object_unref (document);
  quotes_before = count_hits (store, "jaxa", RS_SEARCH_KIND_QUOTE, 0);
  g_assert_cmpuint (count_hits (store, "jaxa", RS_SEARCH_KIND_DOCUMENT, doc_id), ==, 1);
  delete_doc = rs_case_edit_delete_document (store, doc_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "jaxa", RS_SEARCH_KIND_DOCUMENT, doc_id), ==, 0);
  g_assert_cmpuint (count_hits (store, "jaxa", RS_SEARCH_KIND_QUOTE, 0), <, quotes_before);
  g_assert_true (rs_case_store_undo_change (store, delete_doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "jaxa", RS_SEARCH_KIND_DOCUMENT, doc_id), ==, 1);
  g_assert_cmpuint (count_hits (store, "jaxa", RS_SEARCH_KIND_QUOTE, 0), ==, quotes_before);
  g_assert_true (rs_case_store_redo_change (store, delete_doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "jaxa", RS_SEARCH_KIND_DOCUMENT, doc_id), ==, 0);
  g_assert_true (rs_case_store_undo_change (store, delete_doc, &error));
  g_assert_no_error (error);

  /* A note's body, edited twice before anyone searches. */
  {
    RsNote *note = g_list_model_get_item (rs_case_get_notes (rs_case_store_get_case (store)), 0);
    gint64 note_id = rs_note_get_id (note);

    g_object_unref (note);
    g_assert_true (rs_case_store_set_note_body (store, note_id, "first platypus", &error));
    g_assert_no_error (error);
    g_assert_true (rs_case_store_set_note_body (store, note_id, "then echidna", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_hits (store, "platypus", RS_SEARCH_KIND_NOTE, 0), ==, 0);
    g_assert_cmpuint (count_hits (store, "echidna", RS_SEARCH_KIND_NOTE, note_id), ==, 1);
  }

  assert_index_intact (path);
}

/* A case written at format 2 (before Find) gains an index of everything in it. */
static void
test_migration_fills_index (void)
{
  g_autofree char *path = rs_test_temp_path ("v2.redstring");
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  rs_test_init_resources ();
  {
    g_autoptr(sqlite3) db = rs_db_open_untrusted (path, TRUE, &error);

    g_assert_no_error (error);
    g_assert_true (rs_migrations_apply (db, 2, &error));
    g_assert_no_error (error);
    g_assert_true (rs_db_exec (db,
                               "INSERT INTO case_info (id, uid, title, created) "
                               "VALUES (1, 'u', 'Old case', '2021-04-20T00:00:00Z');"
                               "INSERT INTO entity (id, uid, kind, name) "
                               "VALUES (7, 'tick', 'group', 'Tick');"
                               "INSERT INTO entity_alias VALUES (7, 0, 'BRONZE BUTLER');"
                               "INSERT INTO document (id, uid, title, imported_at, text, sha256, "
                               "length) VALUES (3, 'd', 'Report', '2021-04-20T00:00:00Z', "
                               "'Police say Tick did it.', "
                               "'0000000000000000000000000000000000000000000000000000000000000000',"
                               " 23);"
                               "INSERT INTO quote (id, uid, document_id, start_offset, "
                               "end_offset, text) VALUES (4, 'q', 3, 11, 15, 'Tick');"
                               "INSERT INTO note (id, uid, entity_id, body, created, updated) "
                               "VALUES (5, 'n', 7, 'Butler is a vendor name', 'x', 'x');",
                               &error));
    g_assert_no_error (error);
  }

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_case_store_get_schema_version (store), ==, rs_migrations_get_latest ());
  hits = search (store, "butler");
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_ENTITY, 7));
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_NOTE, 5));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (store, "tick");
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_QUOTE, 4));
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_DOCUMENT, 3));
  g_assert_cmpint (rs_search_hit_get_offset (find_hit (hits, RS_SEARCH_KIND_DOCUMENT, 3)), ==, 11);
  g_clear_object (&store);
  assert_index_intact (path);
}

/* Rows of @sql on the file at @path, a line each, columns joined by "|". */
static char *
dump (const char *path,
      const char *sql)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "",
                                sqlite3_column_text (stmt, i) ? (const char *)sqlite3_column_text (stmt, i) : "NULL");
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define SCHEMA_SQL "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"
#define QUEUE_SQL  "SELECT * FROM search_queue ORDER BY kind, id"

/* A bundle imported into a new case has its secondary indices and its search
 * queue built once, after the rows (rs-case-store-bulk.c). The file ends up as one
 * written row by row (the same import inside a change, which defers nothing):
 * the same schema, the same queue, indices that agree with their tables; and Find
 * finds what came in. */
static void
test_bulk_import_as_row_by_row (void)
{
  g_autofree char *bundle = g_test_build_filename (G_TEST_DIST, "data", "bundles",
                                                   "synthetic-300.json", NULL);
  g_autofree char *bulk_path = rs_test_temp_path ("bulk.redstring");
  g_autofree char *rows_path = rs_test_temp_path ("rows.redstring");
  g_autofree char *bulk_schema = NULL, *rows_schema = NULL, *bulk_queue = NULL, *rows_queue = NULL;
  g_autofree char *check = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  RsEntity *entity;

  {
    g_autoptr(RsCaseStore) bulk = rs_test_open_new_case ("bulk.redstring");
    g_autoptr(RsCaseStore) rows = rs_test_open_new_case ("rows.redstring");
    g_autoptr(RsChange) change = NULL;

    g_assert_true (rs_bundle_import_file (bulk, bundle, &error));
    g_assert_no_error (error);
    g_assert_true (rs_case_store_begin_change (rows, "Import", &error));
    g_assert_true (rs_bundle_import_file (rows, bundle, &error));
    g_assert_no_error (error);
    change = rs_case_store_end_change (rows, &error);
    g_assert_no_error (error);
    g_assert_nonnull (change);
  }

  bulk_schema = dump (bulk_path, SCHEMA_SQL);
  rows_schema = dump (rows_path, SCHEMA_SQL);
  g_assert_cmpstr (bulk_schema, ==, rows_schema);
  g_assert_nonnull (strstr (bulk_schema, "CREATE INDEX relation_source ON relation (source_id)"));
  g_assert_nonnull (strstr (bulk_schema, "CREATE TRIGGER search_entity_insert AFTER INSERT ON entity"));
  bulk_queue = dump (bulk_path, QUEUE_SQL);
  rows_queue = dump (rows_path, QUEUE_SQL);
  g_assert_cmpstr (bulk_queue, ==, rows_queue);
  g_assert_cmpuint (strlen (bulk_queue), >, 300 * strlen ("1|1|0|NULL|NULL\n"));
  check = dump (bulk_path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok\n");

  store = rs_case_store_open (bulk_path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  entity = g_list_model_get_item (rs_case_get_entities (rs_case_store_get_case (store)), 0);
  hits = search (store, rs_entity_get_name (entity));
  g_assert_nonnull (find_hit (hits, RS_SEARCH_KIND_ENTITY, rs_entity_get_id (entity)));
  g_object_unref (entity);
  g_clear_object (&store);
  assert_index_intact (bulk_path);
}

/* What the deferral drops comes back with a batch rolled back, and the next batch
 * (no deferral: the case has records) queues its rows through the triggers again.
 * A batch in a change, or into a case with records, defers nothing. */
static void
test_bulk_rollback_restores (void)
{
  g_autofree char *path = rs_test_temp_path ("rollback.redstring");
  g_autofree char *empty_path = rs_test_temp_path ("empty.redstring");
  g_autofree char *schema = NULL, *empty_schema = NULL, *queue = NULL;
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("rollback.redstring");
  g_autoptr(RsCaseStore) empty = rs_test_open_new_case ("empty.redstring");
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autoptr(GError) error = NULL;
  gboolean deferred;
  RsEntity *entity;

  g_clear_object (&empty);
  empty_schema = dump (empty_path, SCHEMA_SQL);
  rs_entity_set_kind (draft, RS_ENTITY_KIND_GROUP);
  rs_entity_set_name (draft, "Tick");

  g_assert_true (rs_case_store_begin_batch (store, &error));
  g_assert_true (rs_case_store_defer_indices (store, &deferred, &error));
  g_assert_no_error (error);
  g_assert_true (deferred);
  g_assert_nonnull (rs_case_store_add_entity (store, draft, &error));
  g_assert_no_error (error);
  rs_case_store_rollback_batch (store);
  schema = dump (path, SCHEMA_SQL);
  g_assert_cmpstr (schema, ==, empty_schema);

  g_assert_true (rs_case_store_begin_batch (store, &error));
  g_assert_true (rs_case_store_defer_indices (store, &deferred, &error));
  g_assert_true (deferred);
  entity = rs_case_store_add_entity (store, draft, &error);
  g_assert_no_error (error);
  g_assert_true (rs_case_store_commit_batch (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&schema, g_free);
  schema = dump (path, SCHEMA_SQL);
  g_assert_cmpstr (schema, ==, empty_schema);

  /* Records now: row by row, through the triggers. */
  rs_entity_set_name (draft, "Butler");
  g_assert_true (rs_case_store_begin_batch (store, &error));
  g_assert_true (rs_case_store_defer_indices (store, &deferred, &error));
  g_assert_false (deferred);
  g_assert_nonnull (rs_case_store_add_entity (store, draft, &error));
  g_assert_true (rs_case_store_commit_batch (store, &error));
  g_assert_no_error (error);
  queue = dump (path, QUEUE_SQL);
  g_assert_cmpstr (queue, ==, "1|1|0|NULL|NULL\n1|2|0|NULL|NULL\n");
  g_assert_cmpint (rs_entity_get_id (entity), ==, 1);
  g_assert_cmpuint (count_hits (store, "butler", RS_SEARCH_KIND_ENTITY, 2), ==, 1);
  g_assert_cmpuint (count_hits (store, "tick", RS_SEARCH_KIND_ENTITY, 1), ==, 1);
}

/* The CHECK constraints of the tables a bulk import writes are not run row by row
 * but over the whole tables before COMMIT: a row that breaks one fails the import,
 * even one that was in the file before (here a kept STIX object without a type,
 * which the store never writes), and the case is left as it was. */
static void
test_bulk_checks_before_commit (void)
{
  g_autofree char *bundle = g_test_build_filename (G_TEST_DIST, "data", "bundles",
                                                   "synthetic-300.json", NULL);
  g_autofree char *path = rs_test_temp_path ("checked.redstring");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = rs_test_open_new_case ("checked.redstring");
  g_clear_object (&store);
  rs_test_raw_exec (path, "PRAGMA ignore_check_constraints = ON;"
                          "INSERT INTO stix_object (stix_id, type, object) "
                          "VALUES ('x-thing--1', '', '{}')");
  before = dump (path, SCHEMA_SQL);

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (rs_bundle_import_file (store, bundle, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "CHECK constraint failed in stix_object"));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (store))),
                    ==, 0);
  g_clear_object (&store);
  after = dump (path, SCHEMA_SQL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  after = dump (path, "SELECT count(*) FROM entity");
  g_assert_cmpstr (after, ==, "0\n");
}

/* Tampered indexes: the store opens (the schema is ours), and a search gives hits
 * of records the case has, or an RS_ERROR. */
static const struct
{
  const char *name;
  const char *sql;
} tampered[] = {
  { "data-blocks-garbage", "UPDATE search_document_data SET block = randomblob (length (block)) "
                           "WHERE id > 1" },
  { "data-blocks-truncated", "UPDATE search_entity_data SET block = substr (block, 1, 3)" },
  { "data-gone", "DELETE FROM search_quote_data" },
  { "index-gone", "DELETE FROM search_note_idx; DELETE FROM search_entity_idx" },
  { "config-version", "UPDATE search_document_config SET v = 99 WHERE k = 'version'" },
  { "config-rank", "INSERT OR REPLACE INTO search_entity_config VALUES ('rank', 'nosuch()')" },
  { "docsize-garbage", "UPDATE search_entity_docsize SET sz = X'FFFFFFFFFF'" },
  { "ghost-entity", "INSERT INTO search_entity (rowid, name) VALUES (99999, 'tick ghost')" },
  { "ghost-document", "INSERT INTO search_document (rowid, title, text) "
                      "VALUES (99999, 'tick', 'tick ghost')" },
  { "queue-wrong-old-values", "INSERT OR REPLACE INTO search_queue VALUES (4, "
                              "(SELECT min (id) FROM document), 1, 'not it', 'not the text')" },
  { "queue-unknown-ids", "INSERT INTO search_queue VALUES (2, 123456, 1, NULL, NULL), "
                         "(3, -5, 1, NULL, X'FF00'), (1, 9223372036854775807, 0, NULL, NULL)" },
};

static void
test_hostile_index (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *path = rs_test_make_sample_file ("hostile-index.redstring");
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* The sample's index is brought up to date first, then damaged. */
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (search (store, "tick"));
  g_clear_object (&store);
  rs_test_raw_exec (path, tampered[i].sql);

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  for (guint round = 0; round < 2; round++)
    {
      static const char *queries[] = { "tick", "t", "jaxa", "研究開発機構", "ghost" };

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_autoptr(GPtrArray) hits = rs_case_store_search (store, queries[q], 20, &error);

          if (hits == NULL)
            {
              g_assert_nonnull (error);
              g_assert_true (error->domain == RS_ERROR);
              g_test_message ("%s: %s", queries[q], error->message);
              g_clear_error (&error);
              continue;
            }
          for (guint h = 0; h < hits->len; h++)
            {
              RsSearchHit *hit = g_ptr_array_index (hits, h);

              g_assert_cmpint (rs_search_hit_get_id (hit), !=, 99999);
              if (rs_search_hit_get_kind (hit) == RS_SEARCH_KIND_DOCUMENT)
                {
                  RsDocument *doc = rs_case_lookup_document (rs_case_store_get_case (store),
                                                             rs_search_hit_get_id (hit));

                  g_assert_cmpint (rs_search_hit_get_offset (hit), <=,
                                   rs_document_get_length (doc));
                }
            }
        }
      /* An edit after the damage: the index update may fail, the edit may not. */
      {
        g_autoptr(RsChange) change = NULL;
        gint64 id = 0;

        change = rs_case_edit_create_entity (store, RS_ENTITY_KIND_GROUP, "Tick Two", NULL, "",
                                             &id, &error);
        g_assert_no_error (error);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search/sample-hits", test_sample_hits);
  g_test_add_func ("/search/limit", test_limit);
  g_test_add_func ("/search/special-characters", test_special_characters);
  g_test_add_func ("/search/japanese", test_japanese);
  g_test_add_func ("/search/follows-edits-undo-redo", test_follows_edits);
  g_test_add_func ("/search/migration-fills-index", test_migration_fills_index);
  g_test_add_func ("/search/bulk-import-as-row-by-row", test_bulk_import_as_row_by_row);
  g_test_add_func ("/search/bulk-rollback-restores", test_bulk_rollback_restores);
  g_test_add_func ("/search/bulk-checks-before-commit", test_bulk_checks_before_commit);
  for (guint i = 0; i < G_N_ELEMENTS (tampered); i++)
    {
      g_autofree char *name = g_strdup_printf ("/search/hostile-index/%s", tampered[i].name);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_hostile_index);
    }

  return g_test_run ();
}
