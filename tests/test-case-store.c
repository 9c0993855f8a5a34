/* test-case-store.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rs-case-store.h"
#include "rs-db.h"
#include "rs-error.h"
#include "rs-fuzzy-date.h"
#include "rs-migrations.h"
#include "rs-test-utils.h"

static gint64
query_int (const char *path,
           const char *sql)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (rs_db_get_int (db, sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

static void
test_new_destroy (void)
{
  RsCaseStore *store = rs_test_open_new_case ("new.redstring");
  RsCase *kase = g_object_ref (rs_case_store_get_case (store));

  g_assert_finalize_object (store);
  g_assert_finalize_object (kase);
}

static void
test_schema_created (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("schema.redstring");
  const char *path = rs_case_store_get_path (store);

  g_assert_cmpint (rs_case_store_get_schema_version (store), ==, rs_migrations_get_latest ());
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, rs_migrations_get_latest ());
  g_assert_cmpint (query_int (path, "PRAGMA application_id"), ==, RS_DB_APPLICATION_ID);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                                    "name IN ('case_info', 'document', 'entity', 'entity_alias', "
                                    "'relation', 'quote', 'event', 'event_entity', 'evidence', "
                                    "'note', 'position', 'edge_route')"), ==, 12);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM case_info"), ==, 1);
  /* The title of a new case is its file name. */
  g_assert_cmpstr (rs_case_get_title (rs_case_store_get_case (store)), ==, "schema");
}

/* A case written by the first version (before the board existed) opens, keeps its
 * records and gains the board tables. */
static void
test_migrates_older_version (void)
{
  g_autofree char *path = rs_test_temp_path ("v1.redstring");
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  rs_test_init_resources ();
  {
    g_autoptr(sqlite3) db = rs_db_open_untrusted (path, TRUE, &error);

    g_assert_no_error (error);
    g_assert_true (rs_migrations_apply (db, 1, &error));
    g_assert_no_error (error);
    g_assert_true (rs_db_exec (db,
                               "INSERT INTO case_info (id, uid, title, created) "
                               "VALUES (1, 'u', 'Old case', '2021-04-20T00:00:00Z');"
                               "INSERT INTO entity (uid, kind, name) VALUES ('tick', 'group', 'Tick');",
                               &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'position'"),
                   ==, 0);

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_case_store_get_schema_version (store), ==, rs_migrations_get_latest ());
  g_assert_cmpstr (rs_case_get_title (rs_case_store_get_case (store)), ==, "Old case");
  g_assert_nonnull (rs_case_lookup_entity_by_name (rs_case_store_get_case (store), "Tick"));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'position'"),
                   ==, 1);
}


/* Schema 8 rebuilds the entity table for its new kinds: a schema 7 case keeps every
 * entity with its id, and everything that points at one (aliases, positions,
 * relations, reviews, the search index) still does; the new kinds can be written. */
static void
test_migrates_schema_7 (void)
{
  g_autofree char *path = rs_test_temp_path ("v7.redstring");
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  RsEntity *tick, *technique;

  rs_test_init_resources ();
  {
    g_autoptr(sqlite3) db = rs_db_open_untrusted (path, TRUE, &error);

    g_assert_no_error (error);
    g_assert_true (rs_migrations_apply (db, 7, &error));
    g_assert_no_error (error);
    g_assert_true (rs_db_exec (db,
                               "INSERT INTO case_info (id, uid, title, created) "
                               "VALUES (1, 'u', 'Seven', '2021-04-20T00:00:00Z');"
                               "INSERT INTO entity (id, uid, kind, name) VALUES (7, 'tick', 'group', 'Tick');"
                               "INSERT INTO entity (id, uid, kind, name) VALUES (9, 'daserf', 'malware', 'Daserf');"
                               "INSERT INTO entity_alias (entity_id, position, alias) VALUES (7, 0, 'BRONZE BUTLER');"
                               "INSERT INTO position (entity_id, x, y, pinned) VALUES (7, 10, 20, 1);"
                               "INSERT INTO relation (id, uid, source_id, target_id, label) "
                               "VALUES (3, 'r', 7, 9, 'uses');"
                               "INSERT INTO review (uid, entity_id, state, reviewer, time) "
                               "VALUES ('rv', 7, 'accepted', 'Ana', '2021-04-20T00:00:00Z');",
                               &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 7);

  /* Read-only, the case is first checked by loading an upgraded copy in memory (schema 8
   * there too), then refused for the upgrade it needs, not as damaged. */
  g_assert_null (rs_case_store_open (path, RS_CASE_STORE_OPEN_READ_ONLY, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 7);

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_case_store_get_schema_version (store), ==, 8);
  tick = rs_case_lookup_entity_by_name (rs_case_store_get_case (store), "Tick");
  g_assert_nonnull (tick);
  g_assert_cmpint (rs_entity_get_id (tick), ==, 7);
  g_assert_cmpstr (rs_entity_get_aliases (tick)[0], ==, "BRONZE BUTLER");
  g_assert_true (rs_entity_get_pinned (tick));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM relation WHERE source_id = 7 AND target_id = 9"),
                   ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM review WHERE entity_id = 7"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'new_entity'"),
                   ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                    "AND tbl_name = 'entity'"), ==, 3);
  hits = rs_case_store_search (store, "Tick", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);

  rs_entity_set_kind (draft, RS_ENTITY_KIND_TECHNIQUE);
  rs_entity_set_name (draft, "Spearphishing Attachment");
  technique = rs_case_store_add_entity (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_entity_get_kind (technique), ==, RS_ENTITY_KIND_TECHNIQUE);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entity WHERE kind = 'technique'"), ==, 1);

  /* Deleting an entity still cascades to what points at it. */
  g_assert_true (rs_case_store_delete_entity (store, rs_entity_get_id (tick), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM relation"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entity_alias"), ==, 0);
}

typedef struct
{
  gint64 doc, pla, tick, rel, quote, event, note;
} Ids;

static void
fill_case (RsCaseStore *store,
           Ids         *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDocument) doc = rs_document_new (0);
  g_autoptr(RsRelation) rel = rs_relation_new (0);
  g_autoptr(RsQuote) quote = rs_quote_new (0);
  g_autoptr(RsEvidence) ev1 = rs_evidence_new (0);
  g_autoptr(RsEvidence) ev2 = rs_evidence_new (0);
  g_autoptr(RsEvent) event = rs_event_new (0);
  g_autoptr(RsNote) note = rs_note_new (0);
  g_autoptr(RsFuzzyDate) date = NULL;
  RsEntity *tick;
  const char *aliases[] = { "BRONZE BUTLER", "REDBALDKNIGHT", NULL };
  RsNodePlacement placement;
  RsEdgePlacement route;
  gint64 members[2];

  rs_document_set_title (doc, "Report «one»");
  rs_document_set_publisher (doc, "NHK");
  rs_document_set_published (doc, "2021-04-20");
  rs_document_set_url (doc, "https://example.org/a?b=1&c=2");
  rs_document_set_reliability (doc, RS_RELIABILITY_B);
  rs_document_set_text (doc, "日本 — Tick was directed by the PLA, police say.");
  ids->doc = rs_document_get_id (rs_case_store_add_document (store, doc, &error));
  g_assert_no_error (error);

  ids->pla = rs_entity_get_id (rs_test_add_entity (store, RS_ENTITY_KIND_ORGANIZATION, "PLA"));
  tick = rs_test_add_entity (store, RS_ENTITY_KIND_GROUP, "Tick");
  ids->tick = rs_entity_get_id (tick);
  g_assert_true (rs_case_store_update_entity (store, ids->tick, RS_ENTITY_KIND_GROUP, "Tick",
                                              aliases, "Espionage group", &error));
  g_assert_no_error (error);

  rs_relation_set_source_id (rel, ids->pla);
  rs_relation_set_target_id (rel, ids->tick);
  rs_relation_set_label (rel, "directed");
  rs_relation_set_status (rel, RS_RELATION_STATUS_DISPUTED);
  ids->rel = rs_relation_get_id (rs_case_store_add_relation (store, rel, &error));
  g_assert_no_error (error);

  /* "Tick was directed by the PLA": characters 5..33, after a multi-byte prefix. */
  rs_quote_set_document_id (quote, ids->doc);
  rs_quote_set_start (quote, 5);
  rs_quote_set_end (quote, 33);
  rs_quote_set_credibility (quote, 3);
  ids->quote = rs_quote_get_id (rs_case_store_add_quote (store, quote, &error));
  g_assert_no_error (error);

  rs_evidence_set_quote_id (ev1, ids->quote);
  rs_evidence_set_target (ev1, RS_TARGET_RELATION);
  rs_evidence_set_target_id (ev1, ids->rel);
  g_assert_nonnull (rs_case_store_add_evidence (store, ev1, &error));
  g_assert_no_error (error);
  rs_evidence_set_quote_id (ev2, ids->quote);
  rs_evidence_set_target (ev2, RS_TARGET_ENTITY);
  rs_evidence_set_target_id (ev2, ids->tick);
  rs_evidence_set_stance (ev2, RS_STANCE_MENTIONS);
  g_assert_nonnull (rs_case_store_add_evidence (store, ev2, &error));
  g_assert_no_error (error);

  date = rs_fuzzy_date_parse ("2021-02", NULL, RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_LATE,
                              &error);
  members[0] = ids->pla;
  members[1] = ids->tick;
  rs_event_set_title (event, "Exchange hack");
  rs_event_set_date (event, date);
  rs_event_set_entity_ids (event, members, 2);
  ids->event = rs_event_get_id (rs_case_store_add_event (store, event, &error));
  g_assert_no_error (error);

  rs_note_set_target (note, RS_TARGET_ENTITY);
  rs_note_set_target_id (note, ids->tick);
  rs_note_set_body (note, "Check the vendor names");
  rs_note_set_author (note, "analyst");
  ids->note = rs_note_get_id (rs_case_store_add_note (store, note, &error));
  g_assert_no_error (error);

  placement = (RsNodePlacement) { ids->tick, 10.5, -20.25, TRUE };
  route = (RsEdgePlacement) { ids->rel, "0,0 1,1 2,2 3,3", TRUE, 1.5, 2.5 };
  g_assert_true (rs_case_store_set_board (store, &placement, 1, &route, 1, &error));
  g_assert_no_error (error);
}

static void
check_case (RsCase *kase,
            Ids    *ids)
{
  RsDocument *doc = rs_case_lookup_document (kase, ids->doc);
  RsEntity *tick = rs_case_lookup_entity (kase, ids->tick);
  RsRelation *rel = rs_case_lookup_relation (kase, ids->rel);
  RsQuote *quote = rs_case_lookup_quote (kase, ids->quote);
  RsEvent *event = rs_case_lookup_event (kase, ids->event);
  RsNote *note = rs_case_lookup_note (kase, ids->note);
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, RS_TARGET_RELATION, ids->rel);
  g_autofree char *date = NULL;
  g_autofree char *sha256 = NULL;
  const char * const *aliases;
  guint n;

  g_assert_cmpstr (rs_document_get_title (doc), ==, "Report «one»");
  g_assert_cmpstr (rs_document_get_publisher (doc), ==, "NHK");
  g_assert_cmpstr (rs_document_get_url (doc), ==, "https://example.org/a?b=1&c=2");
  g_assert_cmpint (rs_document_get_reliability (doc), ==, RS_RELIABILITY_B);
  g_assert_cmpint (rs_document_get_length (doc), ==, 46);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, rs_document_get_text (doc), -1);
  g_assert_cmpstr (rs_document_get_sha256 (doc), ==, sha256);

  g_assert_cmpint (rs_entity_get_kind (tick), ==, RS_ENTITY_KIND_GROUP);
  g_assert_cmpstr (rs_entity_get_description (tick), ==, "Espionage group");
  aliases = rs_entity_get_aliases (tick);
  g_assert_cmpuint (g_strv_length ((char **)aliases), ==, 2);
  g_assert_cmpstr (aliases[1], ==, "REDBALDKNIGHT");
  g_assert_true (rs_entity_get_has_position (tick));
  g_assert_true (rs_entity_get_pinned (tick));
  g_assert_cmpfloat (rs_entity_get_y (tick), ==, -20.25);

  g_assert_cmpint (rs_relation_get_status (rel), ==, RS_RELATION_STATUS_DISPUTED);
  g_assert_cmpstr (rs_relation_get_route (rel), ==, "0,0 1,1 2,2 3,3");
  g_assert_cmpfloat (rs_relation_get_label_y (rel), ==, 2.5);

  g_assert_cmpstr (rs_quote_get_text (quote), ==, "Tick was directed by the PLA");
  g_assert_cmpint (rs_quote_get_credibility (quote), ==, 3);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpuint (rs_case_count_documents_for (kase, RS_TARGET_ENTITY, ids->tick), ==, 1);

  date = rs_fuzzy_date_format (rs_event_get_date (event));
  g_assert_cmpstr (date, ==, "late Feb 2021");
  rs_event_get_entity_ids (event, &n);
  g_assert_cmpuint (n, ==, 2);

  g_assert_cmpint (rs_note_get_target (note), ==, RS_TARGET_ENTITY);
  g_assert_cmpint (rs_note_get_target_id (note), ==, ids->tick);
  g_assert_cmpstr (rs_note_get_author (note), ==, "analyst");
}

/* Every record type survives a close and a reopen exactly. */
static void
test_round_trip (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("round-trip.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autoptr(GError) error = NULL;
  Ids ids;

  fill_case (store, &ids);
  check_case (rs_case_store_get_case (store), &ids);
  g_clear_object (&store);

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  check_case (rs_case_store_get_case (store), &ids);
}

/* Deleting an entity takes its relations and evidence links, never a document or
 * its quotes, in the file and in the model alike. */
static void
test_cascades (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("cascade.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autoptr(GError) error = NULL;
  RsCase *kase = rs_case_store_get_case (store);
  Ids ids;

  fill_case (store, &ids);
  g_assert_true (rs_case_store_delete_entity (store, ids.tick, &error));
  g_assert_no_error (error);

  g_assert_null (rs_case_lookup_entity (kase, ids.tick));
  g_assert_null (rs_case_lookup_relation (kase, ids.rel));
  g_assert_null (rs_case_lookup_note (kase, ids.note));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_evidence (kase)), ==, 0);
  g_assert_nonnull (rs_case_lookup_quote (kase, ids.quote));
  g_assert_nonnull (rs_case_lookup_document (kase, ids.doc));
  g_assert_nonnull (rs_case_lookup_event (kase, ids.event));

  g_assert_cmpint (query_int (path, "SELECT count(*) FROM relation"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM evidence"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entity_alias"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM position"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM edge_route"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM event_entity"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM quote"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM document"), ==, 1);

  /* And deleting the document takes its quotes. */
  g_assert_true (rs_case_store_delete_document (store, ids.doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM quote"), ==, 0);
  g_assert_null (rs_case_lookup_quote (kase, ids.quote));
}

static void
test_rejects_bad_records (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("bad-records.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autoptr(RsEntity) nameless = rs_entity_new (0);
  g_autoptr(RsEntity) bad_utf8 = rs_entity_new (0);
  g_autoptr(RsQuote) past_end = rs_quote_new (0);
  g_autoptr(RsQuote) wrong_text = rs_quote_new (0);
  g_autoptr(RsRelation) dangling = rs_relation_new (0);
  g_autoptr(GError) error = NULL;
  Ids ids;

  fill_case (store, &ids);

  g_assert_null (rs_case_store_add_entity (store, nameless, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  /* Callers that do not want the reason may pass no GError. */
  g_assert_null (rs_case_store_add_entity (store, nameless, NULL));

  rs_entity_set_name (bad_utf8, "\xff\xfe");
  g_assert_null (rs_case_store_add_entity (store, bad_utf8, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  rs_quote_set_document_id (past_end, ids.doc);
  rs_quote_set_start (past_end, 40);
  rs_quote_set_end (past_end, 4120);
  g_assert_null (rs_case_store_add_quote (store, past_end, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  rs_quote_set_document_id (wrong_text, ids.doc);
  rs_quote_set_start (wrong_text, 0);
  rs_quote_set_end (wrong_text, 4);
  rs_quote_set_text (wrong_text, "Tick");
  g_assert_null (rs_case_store_add_quote (store, wrong_text, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  rs_relation_set_source_id (dangling, ids.pla);
  rs_relation_set_target_id (dangling, 9999);
  g_assert_null (rs_case_store_add_relation (store, dangling, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_false (rs_case_store_set_note_body (store, ids.note, "\xc3\x28", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Nothing of the refused records reached the file or the model. */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM entity"), ==, 2);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM quote"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM relation"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (rs_case_store_get_case (store))),
                    ==, 2);
  g_assert_cmpstr (rs_note_get_body (rs_case_lookup_note (rs_case_store_get_case (store), ids.note)),
                   ==, "Check the vendor names");
}

static void
test_save_as (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("original.redstring");
  g_autofree char *copy_path = rs_test_temp_path ("copy.redstring");
  g_autoptr(RsCaseStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  Ids ids;

  fill_case (store, &ids);
  g_assert_true (rs_case_store_save_as (store, copy_path, &error));
  g_assert_no_error (error);

  copy = rs_case_store_open (copy_path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  check_case (rs_case_store_get_case (copy), &ids);
}

static guint changed_count;

static void
on_changed (void)
{
  changed_count++;
}

/* A whole batch reaches the model once, and a rolled-back batch not at all. */
static void
test_batch (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("batch.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autoptr(GError) error = NULL;

  g_signal_connect (kase, "changed", G_CALLBACK (on_changed), NULL);
  changed_count = 0;

  rs_entity_set_name (draft, "Unit 61419");
  rs_entity_set_kind (draft, RS_ENTITY_KIND_UNIT);
  g_assert_true (rs_case_store_begin_batch (store, &error));
  g_assert_nonnull (rs_case_store_add_entity (store, draft, &error));
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 0);
  rs_case_store_rollback_batch (store);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 0);
  g_assert_cmpuint (changed_count, ==, 0);

  g_assert_true (rs_case_store_begin_batch (store, &error));
  g_assert_nonnull (rs_case_store_add_entity (store, draft, &error));
  rs_entity_set_uid (draft, NULL);
  g_assert_nonnull (rs_case_store_add_entity (store, draft, &error));
  g_assert_true (rs_case_store_commit_batch (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 2);
  g_assert_cmpuint (changed_count, ==, 1);
}

/* Inside a batch an operation has no savepoint of its own: one that fails part way
 * (here at its INSERT, a uid taken) leaves the batch failed, refusing what follows and
 * rolled back whole at its commit; the next batch starts clean. */
static void
test_batch_failed (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("batch-failed.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autoptr(GError) error = NULL;

  rs_entity_set_name (draft, "APT41");
  rs_entity_set_kind (draft, RS_ENTITY_KIND_GROUP);
  rs_entity_set_uid (draft, "e-apt41");
  g_assert_true (rs_case_store_begin_batch (store, &error));
  g_assert_nonnull (rs_case_store_add_entity (store, draft, &error));
  g_assert_null (rs_case_store_add_entity (store, draft, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  rs_entity_set_uid (draft, "e-other");
  g_assert_null (rs_case_store_add_entity (store, draft, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
  g_clear_error (&error);
  g_assert_false (rs_case_store_commit_batch (store, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 0);

  g_assert_true (rs_case_store_begin_batch (store, &error));
  g_assert_nonnull (rs_case_store_add_entity (store, draft, &error));
  g_assert_true (rs_case_store_commit_batch (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_entities (kase)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case-store/new-destroy", test_new_destroy);
  g_test_add_func ("/case-store/schema-created", test_schema_created);
  g_test_add_func ("/case-store/migrates-older-version", test_migrates_older_version);
  g_test_add_func ("/case-store/migrates-schema-7", test_migrates_schema_7);
  g_test_add_func ("/case-store/round-trip", test_round_trip);
  g_test_add_func ("/case-store/cascades", test_cascades);
  g_test_add_func ("/case-store/rejects-bad-records", test_rejects_bad_records);
  g_test_add_func ("/case-store/save-as", test_save_as);
  g_test_add_func ("/case-store/batch", test_batch);
  g_test_add_func ("/case-store/batch-failed", test_batch_failed);

  return g_test_run ();
}
