/* test-exchange.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rs-bundle.h"
#include "rs-case-edit.h"
#include "rs-case-store-stix.h"
#include "rs-case-store.h"
#include "rs-error.h"
#include "rs-exchange.h"
#include "rs-stix-import.h"
#include "rs-test-utils.h"

/* Two analysts' copies of the sample case, edited differently, merged and
 * exchanged as changesets: what matches, what conflicts, what is new, and that
 * applying is one change that undo takes back exactly. */

typedef struct
{
  RsCaseStore *mine;
  char        *mine_path;
  char        *theirs_path;
} Fixture;

static RsEntity *
entity_by_uid (RsCaseStore *store,
               const char  *uid)
{
  GListModel *list = rs_case_get_entities (rs_case_store_get_case (store));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (list, i);

      if (g_strcmp0 (rs_entity_get_uid (e), uid) == 0)
        return e;
    }
  return NULL;
}

static RsEntity *
entity_by_name (RsCaseStore *store,
                const char  *name)
{
  return rs_case_lookup_entity_by_name (rs_case_store_get_case (store), name);
}

static RsRelation *
relation_by_uid (RsCaseStore *store,
                 const char  *uid)
{
  GListModel *list = rs_case_get_relations (rs_case_store_get_case (store));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsRelation) r = g_list_model_get_item (list, i);

      if (g_strcmp0 (rs_relation_get_uid (r), uid) == 0)
        return r;
    }
  return NULL;
}

static guint
count (RsCaseStore *store,
       GListModel  *(*get) (RsCase *))
{
  return g_list_model_get_n_items (get (rs_case_store_get_case (store)));
}

static void
set_status (RsCaseStore      *store,
            const char       *relation_uid,
            RsRelationStatus  status)
{
  g_autoptr(GError) error = NULL;
  RsRelation *r = relation_by_uid (store, relation_uid);

  g_assert_nonnull (r);
  g_assert_true (rs_case_store_set_relation_status (store, rs_relation_get_id (r), status, &error));
  g_assert_no_error (error);
}

static void
rename_entity (RsCaseStore *store,
               const char  *uid,
               const char  *name,
               const char  *description)
{
  g_autoptr(GError) error = NULL;
  RsEntity *e = g_str_has_prefix (uid, "#")
    ? rs_case_lookup_entity (rs_case_store_get_case (store), g_ascii_strtoll (uid + 1, NULL, 10))
    : entity_by_uid (store, uid);
  g_auto(GStrv) aliases = NULL;

  g_assert_nonnull (e);
  aliases = g_strdupv ((char **)rs_entity_get_aliases (e));
  g_assert_true (rs_case_store_update_entity (store, rs_entity_get_id (e), rs_entity_get_kind (e),
                                              name ? name : rs_entity_get_name (e),
                                              (const char * const *)aliases,
                                              description ? description : rs_entity_get_description (e),
                                              &error));
  g_assert_no_error (error);
}

static RsEntity *
add_entity (RsCaseStore  *store,
            RsEntityKind  kind,
            const char   *name,
            const char   *alias)
{
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autoptr(GError) error = NULL;
  const char *aliases[] = { alias, NULL };
  RsEntity *e;

  rs_entity_set_kind (draft, kind);
  rs_entity_set_name (draft, name);
  rs_entity_set_aliases (draft, aliases);
  e = rs_case_store_add_entity (store, draft, &error);
  g_assert_no_error (error);
  return e;
}

static void
add_relation (RsCaseStore *store,
              RsEntity    *source,
              RsEntity    *target,
              const char  *label)
{
  g_autoptr(RsRelation) draft = rs_relation_new (0);
  g_autoptr(GError) error = NULL;

  rs_relation_set_source_id (draft, rs_entity_get_id (source));
  rs_relation_set_target_id (draft, rs_entity_get_id (target));
  rs_relation_set_label (draft, label);
  rs_relation_set_status (draft, RS_RELATION_STATUS_REPORTED);
  g_assert_nonnull (rs_case_store_add_relation (store, draft, &error));
  g_assert_no_error (error);
}

#define SHARED_REPORT "Winnti and Tick shared tooling against Japanese firms in 2019."

static RsDocument *
add_document (RsCaseStore *store,
              const char  *publisher)
{
  g_autoptr(RsDocument) draft = rs_document_new (0);
  g_autoptr(GError) error = NULL;
  RsDocument *d;

  rs_document_set_title (draft, "A shared report");
  rs_document_set_publisher (draft, publisher);
  rs_document_set_imported_at (draft, "2026-11-20T10:00:00Z");
  rs_document_set_text (draft, SHARED_REPORT);
  d = rs_case_store_add_document (store, draft, &error);
  g_assert_no_error (error);
  return d;
}

/* A quote of the first two words of DOCUMENT, evidence for ENTITY, and a note on it. */
static void
add_quote_evidence_note (RsCaseStore *store,
                         RsDocument  *document,
                         RsEntity    *entity)
{
  g_autoptr(RsQuote) quote = rs_quote_new (0);
  g_autoptr(RsEvidence) evidence = rs_evidence_new (0);
  g_autoptr(RsNote) note = rs_note_new (0);
  g_autoptr(GError) error = NULL;
  RsQuote *q;

  rs_quote_set_document_id (quote, rs_document_get_id (document));
  rs_quote_set_start (quote, 0);
  rs_quote_set_end (quote, 15);
  rs_quote_set_text (quote, "Winnti and Tick");
  q = rs_case_store_add_quote (store, quote, &error);
  g_assert_no_error (error);
  rs_evidence_set_quote_id (evidence, rs_quote_get_id (q));
  rs_evidence_set_target (evidence, RS_TARGET_ENTITY);
  rs_evidence_set_target_id (evidence, rs_entity_get_id (entity));
  rs_evidence_set_stance (evidence, RS_STANCE_SUPPORTS);
  g_assert_nonnull (rs_case_store_add_evidence (store, evidence, &error));
  g_assert_no_error (error);
  rs_note_set_target (note, RS_TARGET_ENTITY);
  rs_note_set_target_id (note, rs_entity_get_id (entity));
  rs_note_set_body (note, "Check the 2019 campaign overlap.");
  g_assert_nonnull (rs_case_store_add_note (store, note, &error));
  g_assert_no_error (error);
}

/* Theirs: the sample with their edits, written and closed (a colleague's file). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(RsCaseStore) theirs = NULL;
  g_autoptr(RsChange) change = NULL;
  RsEntity *winnti, *tick, *mori;
  RsDocument *report;

  rs_test_init_resources ();
  fixture->mine_path = rs_test_make_sample_file ("mine.redstring");
  fixture->theirs_path = rs_test_make_sample_file ("theirs.redstring");

  theirs = rs_case_store_open (fixture->theirs_path, RS_CASE_STORE_OPEN_NONE, NULL);
  g_assert_nonnull (theirs);
  rs_case_store_set_author (theirs, "Hana Sato");
  g_assert_true (rs_case_store_begin_change (theirs, "Their edits", NULL));
  set_status (theirs, "rel-pla-directed-tick", RS_RELATION_STATUS_REFUTED);
  rename_entity (theirs, "ccp", "Communist Party of China", NULL);
  winnti = add_entity (theirs, RS_ENTITY_KIND_GROUP, "Winnti", NULL);
  tick = entity_by_uid (theirs, "tick");
  add_relation (theirs, winnti, tick, "shares tools with");
  /* The same group under another name, listing ours as an alias: one entity. */
  add_entity (theirs, RS_ENTITY_KIND_GROUP, "Stone Panda", "APT10");
  mori = add_entity (theirs, RS_ENTITY_KIND_PERSON, "Ayumi Mori", NULL);
  {
    g_autofree char *ref = g_strdup_printf ("#%" G_GINT64_FORMAT, rs_entity_get_id (mori));

    rename_entity (theirs, ref, NULL, "Analyst at JPCERT/CC");
  }
  /* The same report imported on both sides (their copy says who published it),
   * which they quoted as evidence for their new group, with a note. */
  report = add_document (theirs, "JPCERT/CC");
  add_quote_evidence_note (theirs, report,
                           rs_case_lookup_entity (rs_case_store_get_case (theirs),
                                                  rs_entity_get_id (winnti)));
  change = rs_case_store_end_change (theirs, NULL);
  g_assert_nonnull (change);
  g_clear_object (&theirs);

  fixture->mine = rs_case_store_open (fixture->mine_path, RS_CASE_STORE_OPEN_NONE, NULL);
  g_assert_nonnull (fixture->mine);
  set_status (fixture->mine, "rel-pla-directed-tick", RS_RELATION_STATUS_CONFIRMED);
  rename_entity (fixture->mine, "ccp", "CCP", NULL);
  add_entity (fixture->mine, RS_ENTITY_KIND_GROUP, "APT10", "MenuPass");
  add_entity (fixture->mine, RS_ENTITY_KIND_PERSON, "ayumi mori", NULL);
  add_document (fixture->mine, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->mine);
  g_free (fixture->mine_path);
  g_free (fixture->theirs_path);
}

static RsExchangeItem *
find_item (RsExchangePlan     *plan,
           RsExchangeItemKind  kind,
           const char         *title_prefix,
           const char         *field)
{
  GListModel *items = rs_exchange_plan_get_items (plan);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);

      if (rs_exchange_item_get_kind (item) == kind &&
          g_str_has_prefix (rs_exchange_item_get_title (item), title_prefix) &&
          (field == NULL || g_strcmp0 (rs_exchange_item_get_field (item), field) == 0))
        return item;
    }
  return NULL;
}

static void
test_merge_plan (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autofree char *json = NULL;
  RsExchangeItem *item;

  plan = rs_exchange_plan_new_merge (fixture->mine, fixture->theirs_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  json = rs_exchange_plan_to_json (plan);
  if (g_test_verbose ())
    g_printerr ("%s\n", json);

  /* Both changed the status and the name: conflicts, with both values. */
  item = find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "People’s Liberation Army → Tick", "status");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_mine (item), ==, "confirmed");
  g_assert_cmpstr (rs_exchange_item_get_theirs (item), ==, "refuted");
  g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "uid");
  item = find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "Communist Party of China", "name");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_mine (item), ==, "CCP");
  g_assert_cmpstr (rs_exchange_item_get_theirs (item), ==, "Communist Party of China");
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT), ==, 2);
  g_assert_cmpuint (rs_exchange_plan_count_undecided (plan), ==, 2);

  /* Stone Panda is my APT10 (they list it as an alias): one entity, their name
   * added to my aliases. */
  item = find_item (plan, RS_EXCHANGE_ITEM_UPDATE, "Stone Panda", "aliases");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "alias");
  g_assert_cmpstr (rs_exchange_item_get_mine (item), ==, "MenuPass");
  g_assert_cmpstr (rs_exchange_item_get_theirs (item), ==, "MenuPass\nStone Panda");
  g_assert_null (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Stone Panda", NULL));

  /* The same person added on both sides matches by name; the description only
   * they wrote is taken, not a conflict. */
  item = find_item (plan, RS_EXCHANGE_ITEM_UPDATE, "Ayumi Mori", "description");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "name");

  /* New on their side: the group and its relation. */
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Winnti", NULL));
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Winnti → Tick", NULL));
  /* The report is mine already (same text): its publisher, which only they have,
   * is taken; their quote, evidence and note come along, onto my copy. */
  item = find_item (plan, RS_EXCHANGE_ITEM_UPDATE, "A shared report", "publisher");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "sha256");
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "“Winnti and Tick”", NULL));
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "“Winnti and Tick” → Winnti: supports", NULL));
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Note on Winnti: Check the 2019", NULL));
  g_assert_null (find_item (plan, RS_EXCHANGE_ITEM_NEW, "A shared report", NULL));
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_NEW), ==, 5);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_DELETE), ==, 0);

  /* Conflicts first in the list. */
  {
    g_autoptr(RsExchangeItem) first = g_list_model_get_item (rs_exchange_plan_get_items (plan), 0);

    g_assert_cmpint (rs_exchange_item_get_kind (first), ==, RS_EXCHANGE_ITEM_CONFLICT);
  }
  g_assert_nonnull (strstr (rs_exchange_plan_get_label (plan), "Hana Sato"));
  g_assert_cmpstr (rs_exchange_plan_get_author (plan), ==, "Hana Sato");
  g_assert_nonnull (strstr (json, "\"matched_by\" : \"alias\""));
}

static void
test_merge_apply_undo (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GBytes) before = rs_test_export_checked (fixture->mine);
  g_autoptr(GBytes) after_undo = NULL;
  guint n_entities = count (fixture->mine, rs_case_get_entities);
  guint n_relations = count (fixture->mine, rs_case_get_relations);
  guint n_documents = count (fixture->mine, rs_case_get_documents);
  guint n_quotes = count (fixture->mine, rs_case_get_quotes);
  RsEntity *apt10;
  g_autofree char *aliases = NULL;

  plan = rs_exchange_plan_new_merge (fixture->mine, fixture->theirs_path, &error);
  g_assert_no_error (error);

  /* Undecided conflicts: refused, nothing written. */
  g_assert_null (rs_exchange_plan_apply (plan, fixture->mine, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) same = rs_test_export_checked (fixture->mine);

    rs_test_assert_same_bundle (before, same);
  }

  rs_exchange_item_set_resolution (find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "People’s", "status"),
                                   RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  rs_exchange_item_set_resolution (find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "Communist", "name"),
                                   RS_EXCHANGE_RESOLUTION_KEEP_MINE);
  change = rs_exchange_plan_apply (plan, fixture->mine, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_cmpstr (rs_change_get_label (change), ==, rs_exchange_plan_get_label (plan));

  /* Nothing duplicated: two documents still, one new entity and one new relation. */
  g_assert_cmpuint (count (fixture->mine, rs_case_get_documents), ==, n_documents);
  g_assert_cmpuint (count (fixture->mine, rs_case_get_quotes), ==, n_quotes + 1);
  g_assert_cmpuint (count (fixture->mine, rs_case_get_entities), ==, n_entities + 1);
  g_assert_cmpuint (count (fixture->mine, rs_case_get_relations), ==, n_relations + 1);
  g_assert_cmpint (rs_relation_get_status (relation_by_uid (fixture->mine, "rel-pla-directed-tick")),
                   ==, RS_RELATION_STATUS_REFUTED);
  g_assert_cmpstr (rs_entity_get_name (entity_by_uid (fixture->mine, "ccp")), ==, "CCP");
  g_assert_cmpstr (rs_entity_get_description (entity_by_name (fixture->mine, "ayumi mori")), ==,
                   "Analyst at JPCERT/CC");
  apt10 = entity_by_name (fixture->mine, "APT10");
  aliases = g_strjoinv ("|", (char **)rs_entity_get_aliases (apt10));
  g_assert_cmpstr (aliases, ==, "MenuPass|Stone Panda");
  g_assert_null (entity_by_name (fixture->mine, "Stone Panda"));
  g_assert_nonnull (entity_by_name (fixture->mine, "Winnti"));
  {
    RsCase *kase = rs_case_store_get_case (fixture->mine);
    RsEntity *winnti = entity_by_name (fixture->mine, "Winnti");
    g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, RS_TARGET_ENTITY,
                                                              rs_entity_get_id (winnti));
    g_autoptr(GPtrArray) notes = rs_case_dup_notes_for (kase, RS_TARGET_ENTITY,
                                                        rs_entity_get_id (winnti));
    RsQuote *quote;
    RsDocument *document;

    g_assert_cmpuint (evidence->len, ==, 1);
    g_assert_cmpuint (notes->len, ==, 1);
    quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (g_ptr_array_index (evidence, 0)));
    document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote));
    g_assert_cmpstr (rs_document_get_text (document), ==, SHARED_REPORT);
    g_assert_cmpstr (rs_document_get_publisher (document), ==, "JPCERT/CC");
  }

  /* The same merge again: everything matches now. */
  {
    g_autoptr(RsExchangePlan) again = rs_exchange_plan_new_merge (fixture->mine, fixture->theirs_path,
                                                                  &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rs_exchange_plan_count (again, RS_EXCHANGE_ITEM_NEW), ==, 0);
    g_assert_cmpuint (rs_exchange_plan_count (again, RS_EXCHANGE_ITEM_UPDATE), ==, 0);
  }

  /* Undo: exactly as before. */
  g_assert_true (rs_case_store_undo_change (fixture->mine, change, &error));
  g_assert_no_error (error);
  after_undo = rs_test_export_checked (fixture->mine);
  rs_test_assert_same_bundle (before, after_undo);
}

static void
test_merge_refuses (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *junk = rs_test_temp_path ("junk.redstring");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) after = NULL;

  rs_test_write_file (junk, "not a case at all, just text\n", 29);
  bytes = rs_test_read_file (junk);
  g_assert_null (rs_exchange_plan_new_merge (fixture->mine, junk, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_A_CASE);
  g_clear_error (&error);
  after = rs_test_read_file (junk);
  g_assert_true (g_bytes_equal (bytes, after));

  g_assert_null (rs_exchange_plan_new_merge (fixture->mine, fixture->mine_path, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
}


/* ---- Changesets between two copies of one case ---- */

typedef struct
{
  RsCaseStore *a;
  RsCaseStore *b;
  GDateTime   *since;
} Copies;

static RsRelation *
first_relation_not (RsCaseStore *store,
                    const char  *uid)
{
  GListModel *list = rs_case_get_relations (rs_case_store_get_case (store));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsRelation) r = g_list_model_get_item (list, i);

      if (g_strcmp0 (rs_relation_get_uid (r), uid) != 0)
        return r;
    }
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char **)a, *(char **)b);
}

static char *
sorted_lines (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  qsort (lines, g_strv_length (lines), sizeof (char *), compare_strings);
  return g_strjoinv ("\n", lines);
}

static void
copies_set_up (Copies        *copies,
               gconstpointer  user_data)
{
  g_autofree char *a_path = NULL;
  g_autofree char *b_path = NULL;

  rs_test_init_resources ();
  a_path = rs_test_make_sample_file ("a.redstring");
  b_path = rs_test_make_sample_file ("b.redstring");
  copies->a = rs_case_store_open (a_path, RS_CASE_STORE_OPEN_NONE, NULL);
  copies->b = rs_case_store_open (b_path, RS_CASE_STORE_OPEN_NONE, NULL);
  g_assert_nonnull (copies->a);
  g_assert_nonnull (copies->b);
  rs_case_store_set_author (copies->a, "Akira Ito");
  rs_case_store_set_author (copies->b, "Hana Sato");
  /* Everything the analysts do below is after this. */
  copies->since = g_date_time_new_from_iso8601 ("2000-01-01T00:00:00Z", NULL);
}

static void
copies_tear_down (Copies        *copies,
                  gconstpointer  user_data)
{
  g_assert_finalize_object (copies->a);
  g_assert_finalize_object (copies->b);
  g_date_time_unref (copies->since);
}

static RsChange *
apply_all (RsCaseStore          *store,
           const char           *path,
           RsExchangeResolution  resolution,
           RsExchangePlan      **out_plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsExchangePlan) plan = rs_exchange_plan_new_apply (store, path, &error);
  GListModel *items;
  RsChange *change;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  items = rs_exchange_plan_get_items (plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);

      if (rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_CONFLICT)
        rs_exchange_item_set_resolution (item, resolution);
    }
  change = rs_exchange_plan_apply (plan, store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  if (out_plan != NULL)
    *out_plan = g_steal_pointer (&plan);
  return change;
}

static void
test_changes_both_directions (Copies        *copies,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from_b = rs_test_temp_path ("from-b.changes");
  g_autofree char *from_a = rs_test_temp_path ("from-a.changes");
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsExchangePlan) back = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(RsChange) change_back = NULL;
  g_autoptr(RsChange) b_edits = NULL;
  g_autoptr(GBytes) a_before = NULL;
  g_autoptr(GBytes) a_undone = NULL;
  g_autofree char *removed_uid = NULL;
  RsExchangeItem *item;
  RsEntity *winnti;
  guint a_entities, b_entities, a_relations;

  /* Hana (b): refutes a relation, adds a group and its link, describes NHK
   * differently, removes another relation. */
  g_assert_true (rs_case_store_begin_change (copies->b, "Hana's edits", NULL));
  set_status (copies->b, "rel-pla-directed-tick", RS_RELATION_STATUS_REFUTED);
  winnti = add_entity (copies->b, RS_ENTITY_KIND_GROUP, "Winnti", NULL);
  add_relation (copies->b, winnti, entity_by_uid (copies->b, "tick"), "shares tools with");
  rename_entity (copies->b, "nhk", NULL, "Japan's public broadcaster");
  removed_uid = g_strdup (rs_relation_get_uid (first_relation_not (copies->b, "rel-pla-directed-tick")));
  g_assert_true (rs_case_store_delete_relation (copies->b,
                                                rs_relation_get_id (relation_by_uid (copies->b, removed_uid)),
                                                NULL));
  b_edits = rs_case_store_end_change (copies->b, &error);
  g_assert_no_error (error);

  /* Akira (a): confirms the same relation, adds another group. */
  g_assert_true (rs_case_store_begin_change (copies->a, "Akira's edits", NULL));
  set_status (copies->a, "rel-pla-directed-tick", RS_RELATION_STATUS_CONFIRMED);
  add_entity (copies->a, RS_ENTITY_KIND_GROUP, "APT10", NULL);
  g_clear_object (&change);
  change = rs_case_store_end_change (copies->a, &error);
  g_assert_no_error (error);
  g_clear_object (&change);

  g_assert_true (rs_exchange_write_changes (copies->b, copies->since, from_b, &error));
  g_assert_no_error (error);

  a_before = rs_test_export_checked (copies->a);
  a_entities = count (copies->a, rs_case_get_entities);
  a_relations = count (copies->a, rs_case_get_relations);
  plan = rs_exchange_plan_new_apply (copies->a, from_b, &error);
  g_assert_no_error (error);
  if (g_test_verbose ())
    {
      g_autofree char *json = rs_exchange_plan_to_json (plan);

      g_printerr ("%s\n", json);
    }

  /* Both changed the status since they parted: a conflict, with what it was. */
  item = find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "People’s Liberation Army → Tick", "status");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_mine (item), ==, "confirmed");
  g_assert_cmpstr (rs_exchange_item_get_theirs (item), ==, "refuted");
  g_assert_cmpstr (rs_exchange_item_get_base (item), ==, "disputed");
  /* Only she changed NHK's description: taken. */
  item = find_item (plan, RS_EXCHANGE_ITEM_UPDATE, "NHK", "description");
  g_assert_nonnull (item);
  g_assert_nonnull (rs_exchange_item_get_base (item));
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Winnti", NULL));
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Winnti → Tick", NULL));
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_NEW), ==, 2);
  /* The relation she removed, with its evidence (the cascade is in her changeset). */
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_DELETE), >=, 1);
  {
    GListModel *items = rs_exchange_plan_get_items (plan);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(RsExchangeItem) it = g_list_model_get_item (items, i);

        found |= rs_exchange_item_get_kind (it) == RS_EXCHANGE_ITEM_DELETE &&
                 g_strcmp0 (rs_exchange_item_get_uid (it), removed_uid) == 0;
      }
    g_assert_true (found);
  }
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT), ==, 1);
  g_assert_nonnull (strstr (rs_exchange_plan_get_label (plan), "Hana Sato"));
  g_assert_cmpstr (rs_exchange_plan_get_author (plan), ==, "Hana Sato");
  {
    g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 27, 9, 0, 0);
    g_autofree char *name = rs_exchange_suggest_changes_name (copies->b, now);

    g_assert_true (g_str_has_suffix (name, " – Hana Sato – 2026-11-27.redstring-changes"));
    g_assert_null (strchr (name, '/'));
  }

  item = find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "People’s", "status");
  rs_exchange_item_set_resolution (item, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  change = rs_exchange_plan_apply (plan, copies->a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_relation_get_status (relation_by_uid (copies->a, "rel-pla-directed-tick")), ==,
                   RS_RELATION_STATUS_REFUTED);
  g_assert_null (relation_by_uid (copies->a, removed_uid));
  g_assert_cmpuint (count (copies->a, rs_case_get_entities), ==, a_entities + 1);
  g_assert_cmpuint (count (copies->a, rs_case_get_relations), ==, a_relations + 1 - 1);

  /* Applied twice: nothing new the second time. */
  {
    g_autoptr(RsExchangePlan) again = rs_exchange_plan_new_apply (copies->a, from_b, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rs_exchange_plan_count (again, RS_EXCHANGE_ITEM_NEW), ==, 0);
    g_assert_cmpuint (rs_exchange_plan_count (again, RS_EXCHANGE_ITEM_CONFLICT), ==, 0);
    g_assert_cmpuint (rs_exchange_plan_count (again, RS_EXCHANGE_ITEM_UPDATE), ==, 0);
  }

  /* And back: Akira's changes (hers among them) into Hana's copy. Hers match,
   * his group is new, nothing is doubled. */
  b_entities = count (copies->b, rs_case_get_entities);
  g_assert_true (rs_exchange_write_changes (copies->a, NULL, from_a, &error));
  g_assert_no_error (error);
  back = rs_exchange_plan_new_apply (copies->b, from_a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_exchange_plan_count (back, RS_EXCHANGE_ITEM_CONFLICT), ==, 0);
  g_assert_cmpuint (rs_exchange_plan_count (back, RS_EXCHANGE_ITEM_NEW), ==, 1);
  g_assert_nonnull (find_item (back, RS_EXCHANGE_ITEM_NEW, "APT10", NULL));
  g_assert_nonnull (find_item (back, RS_EXCHANGE_ITEM_MATCH, "Winnti", NULL));
  change_back = rs_exchange_plan_apply (back, copies->b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (copies->b, rs_case_get_entities), ==, b_entities + 1);
  {
    /* The same records; only the order they were added in differs. */
    g_autoptr(GBytes) a_now = rs_test_export_checked (copies->a);
    g_autoptr(GBytes) b_now = rs_test_export_checked (copies->b);
    g_autofree char *a_sorted = sorted_lines (a_now);
    g_autofree char *b_sorted = sorted_lines (b_now);

    g_assert_cmpstr (a_sorted, ==, b_sorted);
  }

  /* RS_TEST_KEEP_CHANGES=DIR keeps the files (the fuzzer's seeds come from here),
   * with his changes since: her inserts, updates and deletes as applied. */
  if (g_getenv ("RS_TEST_KEEP_CHANGES") != NULL)
    {
      g_autofree char *applied = rs_test_temp_path ("applied.changes");
      const char *files[] = { from_b, applied };

      g_assert_true (rs_exchange_write_changes (copies->a, copies->since, applied, &error));
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autoptr(GBytes) kept = rs_test_read_file (files[i]);
          g_autofree char *base = g_path_get_basename (files[i]);
          g_autofree char *dest = g_build_filename (g_getenv ("RS_TEST_KEEP_CHANGES"), base, NULL);

          g_assert_true (g_file_set_contents (dest, g_bytes_get_data (kept, NULL),
                                              g_bytes_get_size (kept), NULL));
        }
    }

  /* Undo of the apply: Akira's copy as before it. */
  g_assert_true (rs_case_store_undo_change (copies->a, change, &error));
  g_assert_no_error (error);
  a_undone = rs_test_export_checked (copies->a);
  rs_test_assert_same_bundle (a_before, a_undone);
}

/* She removes an entity I have since drawn a relation to: not deleted silently
 * (the relation would go with it) but a conflict. */
static void
test_changes_delete_used (Copies        *copies,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rs_test_temp_path ("b.changes");
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsChange) b_change = NULL;
  g_autoptr(RsChange) keep = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  RsEntity *apt10;
  RsExchangeItem *item;

  g_assert_true (rs_case_store_begin_change (copies->b, "Remove Beijing", NULL));
  g_assert_true (rs_case_store_delete_entity (copies->b,
                                              rs_entity_get_id (entity_by_uid (copies->b, "beijing")),
                                              &error));
  b_change = rs_case_store_end_change (copies->b, &error);
  g_assert_no_error (error);
  g_assert_true (rs_exchange_write_changes (copies->b, copies->since, path, &error));
  g_assert_no_error (error);

  apt10 = add_entity (copies->a, RS_ENTITY_KIND_GROUP, "APT10", NULL);
  add_relation (copies->a, apt10, entity_by_uid (copies->a, "beijing"), "operates from");

  plan = rs_exchange_plan_new_apply (copies->a, path, &error);
  g_assert_no_error (error);
  item = find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "Beijing", "deleted");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_mine (item), ==, "used by 1 record here");
  rs_exchange_item_set_resolution (item, RS_EXCHANGE_RESOLUTION_KEEP_MINE);
  keep = rs_exchange_plan_apply (plan, copies->a, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entity_by_uid (copies->a, "beijing"));
  relations = rs_case_dup_relations_of (rs_case_store_get_case (copies->a), rs_entity_get_id (apt10));
  g_assert_cmpuint (relations->len, ==, 1);
}

/* Both add the same person (two uids); she then describes hers. Her update finds
 * my record the way a merge would (the whole row travels with the changeset),
 * and her delete of it later too. */
static void
test_changes_independent_additions (Copies        *copies,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = rs_test_temp_path ("first.redstring-changes");
  g_autofree char *second = rs_test_temp_path ("second.redstring-changes");
  g_autofree char *third = rs_test_temp_path ("third.redstring-changes");
  g_autoptr(GDateTime) later = g_date_time_new_from_iso8601 ("2002-01-01T00:00:00Z", NULL);
  g_autoptr(GDateTime) latest = g_date_time_new_from_iso8601 ("2004-01-01T00:00:00Z", NULL);
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsChange) applied = NULL;
  g_autoptr(RsChange) b1 = NULL;
  g_autoptr(RsChange) b2 = NULL;
  g_autoptr(RsChange) b3 = NULL;
  RsEntity *hers, *mine;
  RsExchangeItem *item;
  guint n_entities;

  g_assert_true (rs_case_store_begin_change (copies->b, "Add Mori", NULL));
  hers = add_entity (copies->b, RS_ENTITY_KIND_PERSON, "Ayumi Mori", NULL);
  b1 = rs_case_store_end_change (copies->b, &error);
  g_assert_no_error (error);
  mine = add_entity (copies->a, RS_ENTITY_KIND_PERSON, "Ayumi Mori", NULL);
  g_assert_cmpstr (rs_entity_get_uid (mine), !=, rs_entity_get_uid (hers));

  g_assert_true (rs_exchange_write_changes (copies->b, copies->since, first, &error));
  g_assert_no_error (error);
  plan = rs_exchange_plan_new_apply (copies->a, first, &error);
  g_assert_no_error (error);
  item = find_item (plan, RS_EXCHANGE_ITEM_MATCH, "Ayumi Mori", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "name");
  g_clear_object (&plan);

  /* Her first change back in time, so that "since" separates the two without a
   * clock: the second changeset holds only the description, as an update. */
  rs_test_raw_exec (rs_case_store_get_path (copies->b),
                    "UPDATE history SET time = '2001-01-01T00:00:00.000Z'");
  g_assert_true (rs_case_store_begin_change (copies->b, "Describe Mori", NULL));
  {
    g_autofree char *ref = g_strdup_printf ("#%" G_GINT64_FORMAT, rs_entity_get_id (hers));

    rename_entity (copies->b, ref, NULL, "Analyst at JPCERT/CC");
  }
  b2 = rs_case_store_end_change (copies->b, &error);
  g_assert_no_error (error);
  g_assert_true (rs_exchange_write_changes (copies->b, later, second, &error));
  g_assert_no_error (error);

  n_entities = count (copies->a, rs_case_get_entities);
  plan = rs_exchange_plan_new_apply (copies->a, second, &error);
  g_assert_no_error (error);
  item = find_item (plan, RS_EXCHANGE_ITEM_UPDATE, "Ayumi Mori", "description");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "name");
  g_assert_cmpstr (rs_exchange_item_get_base (item), ==, "");
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_NEW), ==, 0);
  applied = rs_exchange_plan_apply (plan, copies->a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (copies->a, rs_case_get_entities), ==, n_entities);
  g_assert_cmpstr (rs_entity_get_description (entity_by_uid (copies->a, rs_entity_get_uid (mine))), ==,
                   "Analyst at JPCERT/CC");
  g_clear_object (&plan);

  /* She removes hers: mine goes too, found the same way. */
  rs_test_raw_exec (rs_case_store_get_path (copies->b),
                    "UPDATE history SET time = '2003-01-01T00:00:00.000Z'");
  g_assert_true (rs_case_store_begin_change (copies->b, "Remove Mori", NULL));
  g_assert_true (rs_case_store_delete_entity (copies->b, rs_entity_get_id (hers), &error));
  b3 = rs_case_store_end_change (copies->b, &error);
  g_assert_no_error (error);
  g_assert_true (rs_exchange_write_changes (copies->b, latest, third, &error));
  g_assert_no_error (error);
  plan = rs_exchange_plan_new_apply (copies->a, third, &error);
  g_assert_no_error (error);
  item = find_item (plan, RS_EXCHANGE_ITEM_DELETE, "Ayumi Mori", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "name");
}

static GBytes *
replace_bytes (GBytes     *bytes,
               const char *from,
               const char *to)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  const char *at = g_strstr_len (data, MIN (size, 200), from);

  g_assert_nonnull (at);
  g_byte_array_append (out, (const guint8 *)data, at - data);
  g_byte_array_append (out, (const guint8 *)to, strlen (to));
  g_byte_array_append (out, (const guint8 *)at + strlen (from), size - (at - data) - strlen (from));
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
assert_refused (RsCaseStore *store,
                const char  *path,
                GBytes      *contents,
                int          code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = rs_test_export_checked (store);
  g_autoptr(GBytes) after = NULL;

  rs_test_write_file (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents));
  g_assert_null (rs_exchange_plan_new_apply (store, path, &error));
  g_assert_error (error, RS_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  after = rs_test_export_checked (store);
  rs_test_assert_same_bundle (before, after);
}

static void
test_changes_refused (Copies        *copies,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = rs_test_temp_path ("good.changes");
  g_autofree char *bad = rs_test_temp_path ("bad.changes");
  g_autofree char *foreign = rs_test_temp_path ("foreign.changes");
  g_autoptr(RsCaseStore) other = rs_test_open_sample_case ("other.redstring");
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  g_assert_true (rs_case_store_begin_change (copies->b, "Hana's edits", NULL));
  set_status (copies->b, "rel-pla-directed-tick", RS_RELATION_STATUS_REFUTED);
  g_clear_object (&other);
  {
    g_autoptr(RsChange) change = rs_case_store_end_change (copies->b, &error);

    g_assert_no_error (error);
  }
  g_assert_true (rs_exchange_write_changes (copies->b, copies->since, good, &error));
  g_assert_no_error (error);
  bytes = rs_test_read_file (good);
  size = g_bytes_get_size (bytes);

  /* Another case (the sample imported afresh has its own identity). */
  other = rs_test_open_sample_case ("other.redstring");
  g_assert_true (rs_exchange_write_changes (other, NULL, foreign, &error));
  g_assert_no_error (error);
  g_assert_null (rs_exchange_plan_new_apply (copies->a, foreign, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* A newer format. */
  {
    g_autoptr(GBytes) newer = replace_bytes (bytes, "REDSTRING-CHANGES 2", "REDSTRING-CHANGES 3");

    assert_refused (copies->a, bad, newer, RS_ERROR_UNSUPPORTED_VERSION);
  }
  /* Cut short, by a byte or by half. */
  {
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (bytes, 0, size - 1);
    g_autoptr(GBytes) half = g_bytes_new_from_bytes (bytes, 0, size / 2);

    assert_refused (copies->a, bad, cut, RS_ERROR_CORRUPT_CASE);
    assert_refused (copies->a, bad, half, RS_ERROR_CORRUPT_CASE);
  }
  /* The blob garbled, the header intact. */
  {
    const char *data = g_bytes_get_data (bytes, NULL);
    const char *blob = strstr (data, "\n\n") + 2;
    g_autofree guint8 *garbled = g_memdup2 (data, size);
    g_autoptr(GBytes) garbled_bytes = NULL;

    memset (garbled + (blob - data), 0xff, size - (blob - data));
    garbled_bytes = g_bytes_new (garbled, size);
    assert_refused (copies->a, bad, garbled_bytes, RS_ERROR_CORRUPT_CASE);
  }
  /* Not a changeset at all. */
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("hello\n", 6);

    assert_refused (copies->a, bad, text, RS_ERROR_CORRUPT_CASE);
  }

  /* The good one still applies. */
  {
    g_autoptr(RsChange) change = apply_all (copies->a, good, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS, NULL);

    g_assert_cmpint (rs_relation_get_status (relation_by_uid (copies->a, "rel-pla-directed-tick")),
                     ==, RS_RELATION_STATUS_REFUTED);
  }
}

/* ---- Team review: review states and comments travel too ---- */

static void
set_review (RsCaseStore   *store,
            RsTarget       target,
            gint64         id,
            RsReviewState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = rs_case_edit_set_review_state (store, target, id, state, &error);

  g_assert_no_error (error);
  g_assert_nonnull (change);
}

static gint64
comment_on (RsCaseStore *store,
            RsTarget     target,
            gint64       id,
            const char  *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  gint64 comment_id = 0;

  change = rs_case_edit_add_comment (store, target, id, body, &comment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (comment_id, >, 0);
  return comment_id;
}

static RsComment *
comment_with (RsCaseStore *store,
              RsEntity    *on,
              const char  *body)
{
  g_autoptr(GPtrArray) comments = rs_case_dup_comments_for (rs_case_store_get_case (store),
                                                            RS_TARGET_ENTITY,
                                                            rs_entity_get_id (on));

  for (guint i = 0; i < comments->len; i++)
    if (g_strcmp0 (rs_comment_get_body (g_ptr_array_index (comments, i)), body) == 0)
      return g_ptr_array_index (comments, i);
  return NULL;
}

static RsReviewState
state_of (RsCaseStore *store,
          const char  *entity_uid)
{
  return rs_case_get_review_state (rs_case_store_get_case (store), RS_TARGET_ENTITY,
                                   rs_entity_get_id (entity_by_uid (store, entity_uid)));
}

#define TICK_COMMENT "Is this the same group as BRONZE BUTLER? The 2019 tooling says so."
#define WINNTI_COMMENT "New from the JPCERT/CC report: check the overlap with APT41."

/* A colleague's comments and review marks come with a merge: a comment is new (or
 * the same by its uid), a review of a claim I did not review is new, and one we
 * both set differently is a conflict of field "review"; undo takes it all back. */
static void
test_merge_reviews (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsExchangePlan) again = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  g_autofree char *json = NULL;
  RsExchangeItem *item;
  RsComment *comment;

  {
    g_autoptr(RsCaseStore) theirs = rs_case_store_open (fixture->theirs_path,
                                                        RS_CASE_STORE_OPEN_NONE, &error);
    RsEntity *tick, *winnti;

    g_assert_no_error (error);
    rs_case_store_set_author (theirs, "Hana Sato");
    tick = entity_by_uid (theirs, "tick");
    winnti = entity_by_name (theirs, "Winnti");
    set_review (theirs, RS_TARGET_ENTITY, rs_entity_get_id (tick), RS_REVIEW_STATE_ACCEPTED);
    set_review (theirs, RS_TARGET_ENTITY, rs_entity_get_id (entity_by_uid (theirs, "ccp")),
                RS_REVIEW_STATE_CHALLENGED);
    comment_on (theirs, RS_TARGET_ENTITY, rs_entity_get_id (tick), TICK_COMMENT);
    comment_on (theirs, RS_TARGET_ENTITY, rs_entity_get_id (winnti), WINNTI_COMMENT);
  }
  rs_case_store_set_author (fixture->mine, "Akira Ito");
  set_review (fixture->mine, RS_TARGET_ENTITY,
              rs_entity_get_id (entity_by_uid (fixture->mine, "tick")), RS_REVIEW_STATE_CHALLENGED);
  before = rs_test_export_checked (fixture->mine);

  plan = rs_exchange_plan_new_merge (fixture->mine, fixture->theirs_path, &error);
  g_assert_no_error (error);
  item = find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "Review of Tick", "review");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_target_name (item), ==, "review");
  g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "claim");
  g_assert_cmpstr (rs_exchange_item_get_mine (item), ==, "challenged (Akira Ito)");
  g_assert_cmpstr (rs_exchange_item_get_theirs (item), ==, "accepted (Hana Sato)");
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Review of Communist", NULL));
  item = find_item (plan, RS_EXCHANGE_ITEM_NEW, "Comment by Hana Sato on Tick", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_target_name (item), ==, "comment");
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Comment by Hana Sato on Winnti", NULL));
  json = rs_exchange_plan_to_json (plan);
  g_assert_nonnull (strstr (json, "\"target\" : \"comment\""));
  g_assert_nonnull (strstr (json, "\"field\" : \"review\""));

  rs_exchange_plan_resolve_all (plan, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  change = rs_exchange_plan_apply (plan, fixture->mine, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (fixture->mine, "tick"), ==, RS_REVIEW_STATE_ACCEPTED);
  g_assert_cmpint (state_of (fixture->mine, "ccp"), ==, RS_REVIEW_STATE_CHALLENGED);
  comment = comment_with (fixture->mine, entity_by_uid (fixture->mine, "tick"), TICK_COMMENT);
  g_assert_nonnull (comment);
  g_assert_cmpstr (rs_comment_get_author (comment), ==, "Hana Sato");
  g_assert_nonnull (comment_with (fixture->mine, entity_by_name (fixture->mine, "Winnti"),
                                  WINNTI_COMMENT));

  /* Nothing twice: the same merge again brings nothing new. */
  again = rs_exchange_plan_new_merge (fixture->mine, fixture->theirs_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_exchange_plan_count (again, RS_EXCHANGE_ITEM_NEW), ==, 0);
  g_assert_cmpuint (rs_exchange_plan_count (again, RS_EXCHANGE_ITEM_CONFLICT), ==, 0);

  g_assert_true (rs_case_store_undo_change (fixture->mine, change, &error));
  g_assert_no_error (error);
  after_undo = rs_test_export_checked (fixture->mine);
  rs_test_assert_same_bundle (before, after_undo);
}

/* Changesets both ways: her review and comment reach me; my resolving her comment
 * and my review of another claim reach her; then we set one claim's review
 * differently, which is a conflict of field "review". */
static void
test_changes_reviews (Copies        *copies,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = rs_test_temp_path ("hana-review.redstring-changes");
  g_autofree char *second = rs_test_temp_path ("akira-review.redstring-changes");
  g_autofree char *third = rs_test_temp_path ("hana-again.redstring-changes");
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsChange) c1 = NULL;
  g_autoptr(RsChange) c2 = NULL;
  g_autoptr(RsChange) c3 = NULL;
  g_autoptr(RsChange) resolved = NULL;
  RsEntity *tick_b = entity_by_uid (copies->b, "tick");
  RsComment *comment;
  RsExchangeItem *item;

  /* Hana (b): accepts Tick, comments on it. */
  set_review (copies->b, RS_TARGET_ENTITY, rs_entity_get_id (tick_b), RS_REVIEW_STATE_ACCEPTED);
  comment_on (copies->b, RS_TARGET_ENTITY, rs_entity_get_id (tick_b), TICK_COMMENT);
  /* Both review Beijing on their own (two uids for one claim's state). */
  set_review (copies->b, RS_TARGET_ENTITY, rs_entity_get_id (entity_by_uid (copies->b, "beijing")),
              RS_REVIEW_STATE_ACCEPTED);
  set_review (copies->a, RS_TARGET_ENTITY, rs_entity_get_id (entity_by_uid (copies->a, "beijing")),
              RS_REVIEW_STATE_CHALLENGED);
  g_assert_true (rs_exchange_write_changes (copies->b, copies->since, first, &error));
  g_assert_no_error (error);
  c1 = apply_all (copies->a, first, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS, &plan);
  item = find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "Review of Beijing", "review");
  g_assert_nonnull (item);
  g_assert_cmpstr (rs_exchange_item_get_matched_by (item), ==, "claim");
  g_assert_cmpint (state_of (copies->a, "beijing"), ==, RS_REVIEW_STATE_ACCEPTED);
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Review of Tick", NULL));
  g_assert_nonnull (find_item (plan, RS_EXCHANGE_ITEM_NEW, "Comment by Hana Sato on Tick", NULL));
  g_clear_object (&plan);
  g_assert_cmpint (state_of (copies->a, "tick"), ==, RS_REVIEW_STATE_ACCEPTED);
  comment = comment_with (copies->a, entity_by_uid (copies->a, "tick"), TICK_COMMENT);
  g_assert_nonnull (comment);
  g_assert_false (rs_comment_get_resolved (comment));

  /* Akira (a): resolves her comment, challenges CCP. */
  resolved = rs_case_edit_resolve_comment (copies->a, rs_comment_get_id (comment), TRUE, &error);
  g_assert_no_error (error);
  set_review (copies->a, RS_TARGET_ENTITY, rs_entity_get_id (entity_by_uid (copies->a, "ccp")),
              RS_REVIEW_STATE_CHALLENGED);
  g_assert_true (rs_exchange_write_changes (copies->a, copies->since, second, &error));
  g_assert_no_error (error);
  /* A fuzzer's seed too (RS_TEST_KEEP_CHANGES, as above): reviews and comments. */
  if (g_getenv ("RS_TEST_KEEP_CHANGES") != NULL)
    {
      g_autoptr(GBytes) kept = rs_test_read_file (second);
      g_autofree char *dest = g_build_filename (g_getenv ("RS_TEST_KEEP_CHANGES"),
                                                "reviews.changes", NULL);

      g_assert_true (g_file_set_contents (dest, g_bytes_get_data (kept, NULL),
                                          g_bytes_get_size (kept), NULL));
    }
  c2 = apply_all (copies->b, second, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS, &plan);
  item = find_item (plan, RS_EXCHANGE_ITEM_UPDATE, "Comment by Hana Sato on Tick", "resolved");
  g_assert_nonnull (item);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT), ==, 0);
  g_clear_object (&plan);
  comment = comment_with (copies->b, tick_b, TICK_COMMENT);
  g_assert_nonnull (comment);
  g_assert_true (rs_comment_get_resolved (comment));
  g_assert_cmpint (state_of (copies->b, "ccp"), ==, RS_REVIEW_STATE_CHALLENGED);
  g_assert_cmpint (state_of (copies->b, "tick"), ==, RS_REVIEW_STATE_ACCEPTED);
  /* One comment each, not two. */
  {
    g_autoptr(GPtrArray) on_tick = rs_case_dup_comments_for (rs_case_store_get_case (copies->b),
                                                             RS_TARGET_ENTITY,
                                                             rs_entity_get_id (tick_b));

    g_assert_cmpuint (on_tick->len, ==, 1);
  }

  /* Both change Tick's review since: differently, a conflict. */
  set_review (copies->a, RS_TARGET_ENTITY, rs_entity_get_id (entity_by_uid (copies->a, "tick")),
              RS_REVIEW_STATE_CHALLENGED);
  set_review (copies->b, RS_TARGET_ENTITY, rs_entity_get_id (tick_b), RS_REVIEW_STATE_UNREVIEWED);
  g_assert_true (rs_exchange_write_changes (copies->b, copies->since, third, &error));
  g_assert_no_error (error);
  c3 = apply_all (copies->a, third, RS_EXCHANGE_RESOLUTION_KEEP_MINE, &plan);
  item = find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "Review of Tick", "review");
  g_assert_nonnull (item);
  g_assert_true (g_str_has_prefix (rs_exchange_item_get_mine (item), "challenged"));
  g_assert_true (g_str_has_prefix (rs_exchange_item_get_theirs (item), "unreviewed"));
  g_assert_cmpint (state_of (copies->a, "tick"), ==, RS_REVIEW_STATE_CHALLENGED);
}

static void
on_plan_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RsExchangePlan **plan = user_data;
  g_autoptr(GError) error = NULL;

  *plan = rs_exchange_plan_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *)user_data)++;
}

/* The dialog's way: made in a worker, finished on the main thread; a resolution
 * is a property that notifies once per change. */
static void
test_merge_async (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(RsExchangePlan) plan = NULL;
  RsExchangeItem *item;
  guint notified = 0;

  rs_exchange_plan_new_merge_async (fixture->mine, fixture->theirs_path, NULL, on_plan_ready, &plan);
  while (plan == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT), ==, 2);

  item = find_item (plan, RS_EXCHANGE_ITEM_CONFLICT, "People’s", "status");
  g_signal_connect (item, "notify::resolution", G_CALLBACK (count_notify), &notified);
  rs_exchange_item_set_resolution (item, RS_EXCHANGE_RESOLUTION_KEEP_MINE);
  rs_exchange_item_set_resolution (item, RS_EXCHANGE_RESOLUTION_KEEP_MINE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (rs_exchange_plan_count_undecided (plan), ==, 1);
  g_assert_cmpstr (rs_exchange_item_get_target_name (item), ==, "relation");
  rs_exchange_plan_resolve_all (plan, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  g_assert_cmpuint (rs_exchange_plan_count_undecided (plan), ==, 0);
  g_assert_cmpint (rs_exchange_item_get_resolution (item), ==, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  g_assert_cmpuint (notified, ==, 2);
  g_signal_handlers_disconnect_by_func (item, count_notify, &notified);
}

#define LONG_TITLE "Tick and BRONZE BUTLER: a joint review of the 2019–2021 intrusions " \
                   "against Japanese defence contractors, with the JPCERT/CC findings"

/* A long case title is cut after a whole word in the change's label (the Undo menu,
 * the history), which keeps the start of it; the plan's JSON says the same label. */
static void
test_merge_long_title (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GPtrArray) history = NULL;
  const char *label, *open, *ellipsis;
  g_autofree char *shown = NULL;

  {
    g_autoptr(RsCaseStore) theirs = rs_case_store_open (fixture->theirs_path,
                                                        RS_CASE_STORE_OPEN_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (rs_case_store_set_info (theirs, LONG_TITLE, "", &error));
    g_assert_no_error (error);
  }
  plan = rs_exchange_plan_new_merge (fixture->mine, fixture->theirs_path, &error);
  g_assert_no_error (error);
  label = rs_exchange_plan_get_label (plan);
  g_assert_true (g_str_has_prefix (label, "Merge “Tick and BRONZE BUTLER: a joint"));
  g_assert_true (g_str_has_suffix (label, "” from Hana Sato"));
  open = strstr (label, "“") + strlen ("“");
  ellipsis = strstr (label, "…”");
  g_assert_nonnull (ellipsis);
  shown = g_strndup (open, ellipsis - open);
  g_assert_cmpuint (g_utf8_strlen (shown, -1) + 1, <=, 40);
  /* Whole words: what is shown is followed by a space in the title. */
  g_assert_true (g_str_has_prefix (LONG_TITLE, shown));
  g_assert_cmpint (LONG_TITLE[strlen (shown)], ==, ' ');
  g_assert_null (strchr (label, '\n'));

  rs_exchange_plan_resolve_all (plan, RS_EXCHANGE_RESOLUTION_KEEP_MINE);
  change = rs_exchange_plan_apply (plan, fixture->mine, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_change_get_label (change), ==, label);
  history = rs_case_store_dup_history (fixture->mine, NULL, RS_TARGET_CASE, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (rs_history_entry_get_label (g_ptr_array_index (history, 0)), ==, label);
}

static void
place_entity (RsCaseStore *store,
              RsEntity    *entity,
              double       x,
              double       y)
{
  RsNodePlacement node = { rs_entity_get_id (entity), x, y, FALSE };
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_case_store_set_board (store, &node, 1, NULL, 0, &error));
  g_assert_no_error (error);
}

static gboolean
overlaps (RsEntity *a,
          RsEntity *b)
{
  return fabs (rs_entity_get_x (a) - rs_entity_get_x (b)) < 170 &&
         fabs (rs_entity_get_y (a) - rs_entity_get_y (b)) < 30;
}

/* A merged entity related to Tick lands beside Tick on my board, on no other node,
 * whatever its place on their board (kept when it was beside Tick on a free spot);
 * those related to nothing I placed come beside my board as their picture had them;
 * into a case with nothing placed, their places come as they are. */
static void
test_merge_places_new (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  RsCase *kase = rs_case_store_get_case (fixture->mine);
  GListModel *entities = rs_case_get_entities (kase);
  RsEntity *tick, *winnti, *lone, *quiet, *friend;
  double dx, dy;

  /* Mine: a row of nodes, Tick apart from them with one node right below it. */
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (entities, i);

      place_entity (fixture->mine, e, 220.0 * i, 0);
    }
  tick = entity_by_uid (fixture->mine, "tick");
  place_entity (fixture->mine, tick, 4000, 3000);
  place_entity (fixture->mine, entity_by_name (fixture->mine, "APT10"), 4000, 3090);
  /* Theirs: Winnti (related to Tick) and an entity related to nothing, both far away. */
  {
    g_autoptr(RsCaseStore) theirs = rs_case_store_open (fixture->theirs_path,
                                                        RS_CASE_STORE_OPEN_NONE, &error);

    g_assert_no_error (error);
    place_entity (theirs, entity_by_name (theirs, "Winnti"), -20000, -20000);
    place_entity (theirs, add_entity (theirs, RS_ENTITY_KIND_PERSON, "Lone Wolf", NULL),
                  -20500, -20000);
    /* Placed beside Tick on a free spot (both boards grew from one copy): kept. */
    friend = add_entity (theirs, RS_ENTITY_KIND_PERSON, "Tick’s Friend", NULL);
    add_relation (theirs, friend, entity_by_uid (theirs, "tick"), "works with");
    place_entity (theirs, entity_by_name (theirs, "Tick’s Friend"), 4000, 2800);
    /* Related to nothing, with Lone Wolf: the two keep their picture. */
    place_entity (theirs, add_entity (theirs, RS_ENTITY_KIND_PERSON, "Quiet One", NULL),
                  -20500, -19800);
  }

  plan = rs_exchange_plan_new_merge (fixture->mine, fixture->theirs_path, &error);
  g_assert_no_error (error);
  rs_exchange_plan_resolve_all (plan, RS_EXCHANGE_RESOLUTION_KEEP_MINE);
  change = rs_exchange_plan_apply (plan, fixture->mine, &error);
  g_assert_no_error (error);

  winnti = entity_by_name (fixture->mine, "Winnti");
  g_assert_true (rs_entity_get_has_position (winnti));
  dx = rs_entity_get_x (winnti) - rs_entity_get_x (tick);
  dy = rs_entity_get_y (winnti) - rs_entity_get_y (tick);
  g_assert_cmpfloat (sqrt (dx * dx + dy * dy), <, 500);
  g_assert_false (rs_entity_get_pinned (winnti));
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (entities, i);

      if (e != winnti && rs_entity_get_has_position (e))
        g_assert_false (overlaps (e, winnti));
    }
  /* Related to nothing placed, far off on their board: moved beside mine as one
   * block, its shape kept, on no node. */
  lone = entity_by_name (fixture->mine, "Lone Wolf");
  quiet = entity_by_name (fixture->mine, "Quiet One");
  g_assert_true (rs_entity_get_has_position (lone));
  {
    double right = -G_MAXDOUBLE;

    for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
      {
        g_autoptr(RsEntity) e = g_list_model_get_item (entities, i);

        if (e != lone && e != quiet && rs_entity_get_has_position (e))
          right = MAX (right, rs_entity_get_x (e));
      }
    g_assert_cmpfloat (rs_entity_get_x (lone), >, right);
    g_assert_cmpfloat (rs_entity_get_x (lone), <, right + 1000);
  }
  g_assert_cmpfloat (rs_entity_get_x (quiet) - rs_entity_get_x (lone), ==, 0);
  g_assert_cmpfloat (rs_entity_get_y (quiet) - rs_entity_get_y (lone), ==, 200);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (entities, i);

      if (e != lone && rs_entity_get_has_position (e))
        g_assert_false (overlaps (e, lone));
    }
  friend = entity_by_name (fixture->mine, "Tick’s Friend");
  g_assert_true (rs_entity_get_has_position (friend));
  g_assert_cmpfloat (rs_entity_get_x (friend), ==, 4000);
  g_assert_cmpfloat (rs_entity_get_y (friend), ==, 2800);

  /* Nothing placed in the case merged into: their board as it was. */
  {
    g_autoptr(RsCaseStore) empty = rs_test_open_new_case ("empty.redstring");
    g_autoptr(RsExchangePlan) into_empty = rs_exchange_plan_new_merge (empty, fixture->theirs_path,
                                                                       &error);
    g_autoptr(RsChange) applied = NULL;
    RsEntity *e;

    g_assert_no_error (error);
    applied = rs_exchange_plan_apply (into_empty, empty, &error);
    g_assert_no_error (error);
    e = entity_by_name (empty, "Winnti");
    g_assert_true (rs_entity_get_has_position (e));
    g_assert_cmpfloat (rs_entity_get_x (e), ==, -20000);
    g_assert_cmpfloat (rs_entity_get_y (e), ==, -20000);
  }
}

/* Applying a slice at a time (the window's way) --------------------------------------- */

typedef struct
{
  RsExchangePlan *plan;
  RsChange       *change;
  GError         *error;
  gboolean        done;
  double          last;          /* the last fraction reported */
  guint           n_progress;
  gboolean        backwards;
  GCancellable   *cancel_at;     /* cancelled once CANCEL_FRACTION is written */
  double          cancel_fraction;
  gint64          last_time;     /* of the last report, and the longest gap between two */
  gint64          longest;
} Applying;

static void
on_apply_progress (double   fraction,
                   gpointer user_data)
{
  Applying *a = user_data;
  gint64 now = g_get_monotonic_time ();

  a->backwards |= fraction < a->last;
  a->last = fraction;
  if (a->last_time > 0)
    a->longest = MAX (a->longest, now - a->last_time);
  a->last_time = now;
  a->n_progress++;
  if (a->cancel_at != NULL && fraction >= a->cancel_fraction)
    g_cancellable_cancel (a->cancel_at);
}

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Applying *a = user_data;

  a->change = rs_exchange_plan_apply_finish (RS_EXCHANGE_PLAN (source), result, &a->error);
  a->done = TRUE;
}

static void
edit_refused_busy (RsCaseStore *store,
                   const char  *entity_uid)
{
  RsEntity *e = entity_by_uid (store, entity_uid);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;

  g_assert_nonnull (e);
  change = rs_case_edit_update_entity (store, rs_entity_get_id (e), rs_entity_get_kind (e),
                                       "Renamed meanwhile", rs_entity_get_aliases (e),
                                       rs_entity_get_description (e), &error);
  g_assert_null (change);
  g_assert_error (error, RS_ERROR, RS_ERROR_BUSY);
}

/* Written in slices on the main loop: the same result as the call the CLI uses, the
 * progress never backwards and ending at 1, and every other edit refused meanwhile. */
static void
test_merge_apply_async (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsExchangePlan) plan = rs_exchange_plan_new_merge (fixture->mine, fixture->theirs_path,
                                                               &error);
  Applying a = { 0 };
  g_autoptr(RsExchangePlan) again = NULL;

  g_assert_no_error (error);
  /* Undecided: refused before anything is written. */
  rs_exchange_plan_apply_async (plan, fixture->mine, NULL, NULL, NULL, NULL, on_applied, &a);
  while (!a.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (a.error, RS_ERROR, RS_ERROR_CONFLICT);
  g_clear_error (&a.error);
  g_assert_false (rs_case_store_in_change (fixture->mine));

  rs_exchange_plan_resolve_all (plan, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  memset (&a, 0, sizeof a);
  rs_exchange_plan_apply_async (plan, fixture->mine, NULL, on_apply_progress, &a, NULL,
                                on_applied, &a);
  /* The change is open from the start: the analyst's edits wait for it. */
  g_assert_true (rs_case_store_in_change (fixture->mine));
  edit_refused_busy (fixture->mine, "tick");
  while (!a.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (a.error);
  g_assert_nonnull (a.change);
  g_assert_false (a.backwards);
  g_assert_cmpfloat (a.last, ==, 1.0);
  g_assert_cmpstr (rs_change_get_label (a.change), ==, rs_exchange_plan_get_label (plan));
  g_assert_nonnull (entity_by_name (fixture->mine, "Winnti"));
  g_assert_cmpstr (rs_entity_get_name (entity_by_uid (fixture->mine, "tick")), !=,
                   "Renamed meanwhile");
  g_assert_cmpint (rs_relation_get_status (relation_by_uid (fixture->mine,
                                                            "rel-pla-directed-tick")),
                   ==, RS_RELATION_STATUS_REFUTED);

  /* All of it is in: the same merge again has nothing new. */
  again = rs_exchange_plan_new_merge (fixture->mine, fixture->theirs_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_exchange_plan_count (again, RS_EXCHANGE_ITEM_NEW), ==, 0);
  g_object_unref (a.change);
}

/* Cancelled part way through a large merge: the case file is byte for byte what it
 * was, and the case reads the same; the store takes edits again. */
static void
test_merge_apply_cancelled (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(GBytes) bundle_before = NULL;
  g_autoptr(GBytes) bundle_after = NULL;
  g_autoptr(GBytes) file_before = NULL;
  g_autoptr(GBytes) file_after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *large = NULL;
  Applying a = { 0 };

  {
    g_autoptr(RsCaseStore) other = rs_test_open_new_case ("large-theirs.redstring");

    rs_test_make_grid_board (other, 400, " (Hana)", TRUE);
    large = g_strdup (rs_case_store_get_path (other));
  }
  /* The file as it rests, closed. */
  g_clear_object (&fixture->mine);
  file_before = rs_test_read_file (fixture->mine_path);
  fixture->mine = rs_case_store_open (fixture->mine_path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  bundle_before = rs_test_export_checked (fixture->mine);

  plan = rs_exchange_plan_new_merge (fixture->mine, large, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_NEW), >, 400);
  a.cancel_at = cancellable;
  a.cancel_fraction = 0.3;
  rs_exchange_plan_apply_async (plan, fixture->mine, cancellable, on_apply_progress, &a, NULL,
                                on_applied, &a);
  while (!a.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&a.error);
  g_assert_null (a.change);
  /* It had written part of it: more than one slice, cancelled between two. */
  g_assert_cmpuint (a.n_progress, >, 2);
  g_assert_cmpfloat (a.last, <, 1.0);
  /* A slice is about a frame's worth (12 ms of writing): how long the loop waited. */
  g_test_message ("%u slices before the cancel, the longest %.1f ms", a.n_progress,
                  a.longest / 1000.0);
  g_assert_false (rs_case_store_in_change (fixture->mine));
  g_assert_null (entity_by_name (fixture->mine, "Entity 0 (Hana)"));
  bundle_after = rs_test_export_checked (fixture->mine);
  rs_test_assert_same_bundle (bundle_before, bundle_after);

  /* The plan holds the store: closed with it. */
  g_clear_object (&plan);
  g_assert_finalize_object (g_steal_pointer (&fixture->mine));
  file_after = rs_test_read_file (fixture->mine_path);
  g_assert_true (g_bytes_equal (file_before, file_after));

  /* Not busy any more. */
  fixture->mine = rs_case_store_open (fixture->mine_path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  rename_entity (fixture->mine, "tick", NULL, "Edited after the cancel");
}

/* A colleague's case in an older format: read through an upgraded private copy;
 * their file is not touched. */
static void
test_merge_older_format (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "data", "fuzz", "case-file", "seeds",
                                                 "schema-1.redstring", NULL);
  g_autofree char *old = rs_test_temp_path ("old.redstring");
  g_autoptr(GBytes) bytes = rs_test_read_file (seed);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;

  rs_test_write_file (old, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  plan = rs_exchange_plan_new_merge (fixture->mine, old, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (rs_exchange_plan_count (plan, RS_EXCHANGE_ITEM_CONFLICT), ==, 0);
  after = rs_test_read_file (old);
  g_assert_true (g_bytes_equal (bytes, after));
}

/* The ATT&CK ids (external references) and STIX ids of a case that imported a
 * STIX bundle (schema 8) come with a merge: on the records it adds and, as a union,
 * on those it matched, with the bundle's marking definition; undo takes them away
 * with the rest. */
static GPtrArray *
references_of (RsCaseStore *store,
               RsEntity    *entity)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *refs = rs_case_store_dup_external_references (store, RS_TARGET_ENTITY,
                                                           rs_entity_get_id (entity), &error);

  g_assert_no_error (error);
  g_assert_nonnull (refs);
  return refs;
}

static gboolean
has_external_id (RsCaseStore *store,
                 RsEntity    *entity,
                 const char  *external_id)
{
  g_autoptr(GPtrArray) refs = references_of (store, entity);

  for (guint i = 0; i < refs->len; i++)
    if (g_strcmp0 (((RsExternalReference *)g_ptr_array_index (refs, i))->external_id,
                   external_id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_merge_stix (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a_path = NULL;
  g_autofree char *b_path = NULL;
  g_autofree char *bundle_path = g_test_build_filename (G_TEST_DIST, "data", "stix",
                                                        "bronze-butler.json", NULL);
  g_autoptr(RsCaseStore) a = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  g_auto(GStrv) tick_stix_ids = NULL;
  g_autofree char *marking_id = NULL;
  guint n_tick_refs, n_entities;
  RsEntity *tick, *spearphishing;
  RsTarget target;
  gint64 id;

  rs_test_init_resources ();
  a_path = rs_test_make_sample_file ("a.redstring");
  b_path = rs_test_make_sample_file ("b.redstring");
  {
    g_autoptr(RsCaseStore) b = rs_case_store_open (b_path, RS_CASE_STORE_OPEN_NONE, &error);
    g_autoptr(RsStixPlan) stix_plan = NULL;
    g_autoptr(RsChange) imported = NULL;
    g_autoptr(GPtrArray) refs = NULL;
    RsStixBundle *bundle;

    g_assert_no_error (error);
    bundle = rs_stix_bundle_read_file (bundle_path, &error);
    g_assert_no_error (error);
    stix_plan = rs_stix_plan_new (bundle, b, &error);
    g_assert_no_error (error);
    imported = rs_case_edit_import_stix (b, stix_plan, "bronze-butler.json", &error);
    g_assert_no_error (error);
    g_assert_nonnull (imported);
    tick = entity_by_uid (b, "tick");
    g_assert_true (has_external_id (b, tick, "G0060"));
    refs = references_of (b, tick);
    n_tick_refs = refs->len;
    tick_stix_ids = rs_case_store_dup_stix_ids (b, RS_TARGET_ENTITY, rs_entity_get_id (tick));
    g_assert_nonnull (tick_stix_ids);
    g_assert_cmpuint (g_strv_length (tick_stix_ids), >, 0);
    g_assert_nonnull (entity_by_name (b, "Spearphishing Attachment"));
    {
      g_autoptr(GPtrArray) markings = rs_case_store_dup_markings (b, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (markings->len, ==, 1);
      marking_id = g_strdup (((RsStixObject *)g_ptr_array_index (markings, 0))->stix_id);
    }
  }

  a = rs_case_store_open (a_path, RS_CASE_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  before = rs_test_export_checked (a);
  n_entities = count (a, rs_case_get_entities);
  g_assert_null (entity_by_name (a, "Spearphishing Attachment"));
  g_assert_false (has_external_id (a, entity_by_uid (a, "tick"), "G0060"));
  g_assert_false (rs_case_store_has_stix_object (a, marking_id));

  plan = rs_exchange_plan_new_merge (a, b_path, &error);
  g_assert_no_error (error);
  rs_exchange_plan_resolve_all (plan, RS_EXCHANGE_RESOLUTION_KEEP_MINE);
  change = rs_exchange_plan_apply (plan, a, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);

  g_assert_cmpuint (count (a, rs_case_get_entities), >, n_entities);
  spearphishing = entity_by_name (a, "Spearphishing Attachment");
  g_assert_nonnull (spearphishing);
  g_assert_true (has_external_id (a, spearphishing, "T1566.001"));
  /* Matched: their references added once, none twice. */
  tick = entity_by_uid (a, "tick");
  g_assert_true (has_external_id (a, tick, "G0060"));
  {
    g_autoptr(GPtrArray) refs = references_of (a, tick);

    g_assert_cmpuint (refs->len, ==, n_tick_refs);
  }
  g_assert_true (rs_case_store_lookup_stix_id (a, tick_stix_ids[0], &target, &id));
  g_assert_cmpint (target, ==, RS_TARGET_ENTITY);
  g_assert_cmpint (id, ==, rs_entity_get_id (tick));
  /* Their marking definition (the bundle's copyright statement) too. */
  g_assert_true (rs_case_store_has_stix_object (a, marking_id));

  /* The same merge again adds nothing more. */
  {
    g_autoptr(RsExchangePlan) again = rs_exchange_plan_new_merge (a, b_path, &error);
    g_autoptr(RsChange) second = NULL;
    g_autoptr(GPtrArray) refs = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (rs_exchange_plan_count (again, RS_EXCHANGE_ITEM_NEW), ==, 0);
    rs_exchange_plan_resolve_all (again, RS_EXCHANGE_RESOLUTION_KEEP_MINE);
    second = rs_exchange_plan_apply (again, a, &error);
    g_assert_no_error (error);
    refs = references_of (a, entity_by_uid (a, "tick"));
    g_assert_cmpuint (refs->len, ==, n_tick_refs);
    if (second != NULL)
      {
        g_assert_true (rs_case_store_undo_change (a, second, &error));
        g_assert_no_error (error);
      }
  }

  /* Undo: the references and STIX ids go with the records. */
  g_assert_true (rs_case_store_undo_change (a, change, &error));
  g_assert_no_error (error);
  after_undo = rs_test_export_checked (a);
  rs_test_assert_same_bundle (before, after_undo);
  g_assert_null (entity_by_name (a, "Spearphishing Attachment"));
  {
    g_autoptr(GPtrArray) refs = references_of (a, entity_by_uid (a, "tick"));

    g_assert_cmpuint (refs->len, ==, 0);
  }
  g_assert_false (rs_case_store_lookup_stix_id (a, tick_stix_ids[0], NULL, NULL));
  g_assert_false (rs_case_store_has_stix_object (a, marking_id));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/exchange/merge/plan", Fixture, NULL, fixture_set_up, test_merge_plan,
              fixture_tear_down);
  g_test_add ("/exchange/merge/apply-undo", Fixture, NULL, fixture_set_up, test_merge_apply_undo,
              fixture_tear_down);
  g_test_add ("/exchange/merge/refuses", Fixture, NULL, fixture_set_up, test_merge_refuses,
              fixture_tear_down);

  g_test_add ("/exchange/merge/async", Fixture, NULL, fixture_set_up, test_merge_async,
              fixture_tear_down);
  g_test_add ("/exchange/merge/long-title", Fixture, NULL, fixture_set_up,
              test_merge_long_title, fixture_tear_down);
  g_test_add ("/exchange/merge/places-new", Fixture, NULL, fixture_set_up,
              test_merge_places_new, fixture_tear_down);
  g_test_add ("/exchange/merge/apply-async", Fixture, NULL, fixture_set_up,
              test_merge_apply_async, fixture_tear_down);
  g_test_add ("/exchange/merge/apply-cancelled", Fixture, NULL, fixture_set_up,
              test_merge_apply_cancelled, fixture_tear_down);
  g_test_add ("/exchange/merge/older-format", Fixture, NULL, fixture_set_up, test_merge_older_format,
              fixture_tear_down);
  g_test_add ("/exchange/changes/both-directions", Copies, NULL, copies_set_up,
              test_changes_both_directions, copies_tear_down);
  g_test_add ("/exchange/changes/delete-used", Copies, NULL, copies_set_up,
              test_changes_delete_used, copies_tear_down);
  g_test_add ("/exchange/changes/independent-additions", Copies, NULL, copies_set_up,
              test_changes_independent_additions, copies_tear_down);
  g_test_add ("/exchange/merge/reviews", Fixture, NULL, fixture_set_up, test_merge_reviews,
              fixture_tear_down);
  g_test_add ("/exchange/changes/reviews", Copies, NULL, copies_set_up, test_changes_reviews,
              copies_tear_down);
  g_test_add ("/exchange/changes/refused", Copies, NULL, copies_set_up, test_changes_refused,
              copies_tear_down);

  g_test_add_func ("/exchange/merge/stix", test_merge_stix);

  return g_test_run ();
}
