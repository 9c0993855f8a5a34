/* test-stix-import.c: STIX 2.1 bundles into a case (issue 22), headless
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rs-case-store-stix.h"
#include "rs-db.h"
#include "rs-document.h"
#include "rs-entity.h"
#include "rs-error.h"
#include "rs-evidence.h"
#include "rs-quote.h"
#include "rs-board-scene.h"
#include "rs-board-style.h"
#include "rs-relation.h"
#include "rs-stix-import.h"
#include "rs-test-utils.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "stix", name, NULL);
}

static RsStixPlan *
plan_file (RsCaseStore *store,
           const char  *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  RsStixBundle *bundle = rs_stix_bundle_read_file (path, &error);
  RsStixPlan *plan;

  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  plan = rs_stix_plan_new (bundle, store, &error);
  g_assert_no_error (error);
  return plan;
}

static RsChange *
import_file (RsCaseStore *store,
             const char  *name)
{
  g_autoptr(RsStixPlan) plan = plan_file (store, name);
  g_autoptr(GError) error = NULL;
  RsChange *change = rs_case_edit_import_stix (store, plan, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (change);
  return change;
}

static guint
count_kind (RsCase       *kase,
            RsEntityKind  kind)
{
  GListModel *entities = rs_case_get_entities (kase);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      n += rs_entity_get_kind (entity) == kind;
    }
  return n;
}

/* The only entity of @kind called @name, or else the only one with it as an alias. */
static RsEntity *
find_entity (RsCase       *kase,
             RsEntityKind  kind,
             const char   *name)
{
  GListModel *entities = rs_case_get_entities (kase);

  for (int by_alias = 0; by_alias < 2; by_alias++)
    {
      RsEntity *found = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
        {
          g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
          gboolean match = by_alias ? rs_entity_get_aliases (entity) != NULL &&
                                      g_strv_contains (rs_entity_get_aliases (entity), name)
                                    : g_strcmp0 (rs_entity_get_name (entity), name) == 0;

          if (rs_entity_get_kind (entity) == kind && match)
            {
              g_assert_null (found);
              found = entity;
            }
        }
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static gint64
query_int (RsCaseStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (rs_case_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_true (rs_db_get_int (db, sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* Every quote the import made (those after @after_id): its text is a relation's
 * description, exactly where it says in its document, and evidence ties it to that
 * relation. */
static guint
check_quotes (RsCaseStore *store,
              gint64       after_id)
{
  guint n = 0;

  RsCase *kase = rs_case_store_get_case (store);
  GListModel *quotes = rs_case_get_quotes (kase);

  for (guint i = 0; i < n_items (quotes); i++)
    {
      g_autoptr(RsQuote) quote = g_list_model_get_item (quotes, i);
      RsDocument *document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote));
      g_autofree char *span = NULL;
      g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_of_quote (kase, rs_quote_get_id (quote));
      RsEvidence *link;
      RsRelation *relation;

      if (rs_quote_get_id (quote) <= after_id)
        continue;
      n++;
      g_assert_nonnull (document);
      span = g_utf8_substring (rs_document_get_text (document), rs_quote_get_start (quote),
                               rs_quote_get_end (quote));
      g_assert_cmpstr (span, ==, rs_quote_get_text (quote));
      g_assert_cmpuint (evidence->len, ==, 1);
      link = g_ptr_array_index (evidence, 0);
      g_assert_cmpint (rs_evidence_get_target (link), ==, RS_TARGET_RELATION);
      g_assert_cmpint (rs_evidence_get_stance (link), ==, RS_STANCE_SUPPORTS);
      relation = rs_case_lookup_relation (kase, rs_evidence_get_target_id (link));
      g_assert_nonnull (relation);
    }
  return n;
}

static gboolean
has_reference (GPtrArray  *refs,
               const char *source_name,
               const char *external_id)
{
  for (guint i = 0; i < refs->len; i++)
    {
      RsExternalReference *ref = g_ptr_array_index (refs, i);

      if (g_strcmp0 (ref->source_name, source_name) == 0 &&
          g_strcmp0 (ref->external_id, external_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ATT&CK's G0060: the group, its software and techniques with their ids, its
 * relationships with their citations as quotes, its copyright marking. */
static void
test_bronze_butler (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("bb.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsStixPlan) plan = plan_file (store, "bronze-butler.json");
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) markings = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  RsStixObject *marking;
  RsEntity *tick, *daserf, *technique;
  GListModel *relations;
  guint n_described = 0;

  g_assert_cmpuint (rs_stix_plan_get_count (plan, "intrusion-set", RS_STIX_ADDED), ==, 1);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "malware", RS_STIX_ADDED), ==, 7);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "tool", RS_STIX_ADDED), ==, 7);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "attack-pattern", RS_STIX_ADDED), ==, 59);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "relationship", RS_STIX_ADDED), ==, 135);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "marking-definition", RS_STIX_UNMAPPED), ==, 1);
  /* The MITRE Corporation only signs the objects: kept, not on the board. */
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "identity", RS_STIX_UNMAPPED), ==, 1);
  g_assert_cmpuint (rs_stix_plan_get_total (plan, RS_STIX_SKIPPED), ==, 0);
  g_assert_cmpuint (rs_stix_plan_get_total (plan, RS_STIX_MERGED), ==, 0);
  g_assert_cmpstr (rs_stix_plan_get_markings (plan)[0], ==,
                   "Copyright 2015-2025, The MITRE Corporation. MITRE ATT&CK and ATT&CK are "
                   "registered trademarks of The MITRE Corporation.");
  g_assert_null (rs_stix_plan_get_markings (plan)[1]);
  summary = rs_stix_plan_dup_summary (plan);
  g_assert_nonnull (strstr (summary, "attack-pattern: 59 added"));
  g_assert_nonnull (strstr (summary, "Marking: Copyright 2015-2025"));

  /* Nothing is written before the plan is. */
  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, 0);
  change = rs_case_edit_import_stix (store, plan, "bronze-butler.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);

  tick = find_entity (kase, RS_ENTITY_KIND_GROUP, "Tick");
  g_assert_nonnull (tick);
  g_assert_cmpstr (rs_entity_get_name (tick), ==, "BRONZE BUTLER");
  g_assert_cmpuint (g_strv_length ((char **)rs_entity_get_aliases (tick)), ==, 2);
  g_assert_true (g_strv_contains (rs_entity_get_aliases (tick), "REDBALDKNIGHT"));
  g_assert_true (g_strv_contains (rs_entity_get_aliases (tick), "Tick"));
  refs = rs_case_store_dup_external_references (store, RS_TARGET_ENTITY, rs_entity_get_id (tick),
                                                &error);
  g_assert_no_error (error);
  g_assert_true (has_reference (refs, "mitre-attack", "G0060"));
  g_assert_cmpstr (((RsExternalReference *)g_ptr_array_index (refs, 0))->url, ==,
                   "https://attack.mitre.org/groups/G0060");

  g_assert_cmpuint (count_kind (kase, RS_ENTITY_KIND_GROUP), ==, 1);
  g_assert_cmpuint (count_kind (kase, RS_ENTITY_KIND_MALWARE), ==, 7);
  g_assert_cmpuint (count_kind (kase, RS_ENTITY_KIND_TOOL), ==, 7);
  g_assert_cmpuint (count_kind (kase, RS_ENTITY_KIND_TECHNIQUE), ==, 59);
  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, 74);
  daserf = find_entity (kase, RS_ENTITY_KIND_MALWARE, "Daserf");
  g_assert_cmpstr (rs_entity_get_external_id (daserf), ==, "S0187");
  g_assert_true (g_strv_contains (rs_entity_get_aliases (daserf), "Muirim"));
  technique = find_entity (kase, RS_ENTITY_KIND_TECHNIQUE, "Spearphishing Attachment");
  g_assert_cmpstr (rs_entity_get_external_id (technique), ==, "T1566.001");
  /* Every technique shows its ATT&CK id. */
  for (guint i = 0; i < n_items (rs_case_get_entities (kase)); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (rs_case_get_entities (kase), i);

      if (rs_entity_get_kind (entity) == RS_ENTITY_KIND_TECHNIQUE)
        g_assert_true (g_str_has_prefix (rs_entity_get_external_id (entity), "T1"));
    }

  relations = rs_case_get_relations (kase);
  g_assert_cmpuint (n_items (relations), ==, 135);
  for (guint i = 0; i < n_items (relations); i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);
      g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, RS_TARGET_RELATION,
                                                                rs_relation_get_id (relation));
      const char *label = rs_relation_get_label (relation);

      g_assert_true (g_str_equal (label, "uses") || g_str_equal (label, "subtechnique of"));
      g_assert_cmpint (rs_relation_get_status (relation), ==, RS_RELATION_STATUS_REPORTED);
      /* The 109 uses carry a description and a citation; subtechnique-of neither. */
      if (g_str_equal (label, "uses"))
        {
          g_assert_cmpuint (evidence->len, >=, 1);
          n_described++;
        }
      else
        g_assert_cmpuint (evidence->len, ==, 0);
    }
  g_assert_cmpuint (n_described, ==, 109);
  /* 90 relationships cite one source, 16 two, 1 three, 2 four. */
  g_assert_cmpuint (check_quotes (store, 0), ==, 90 + 16 * 2 + 3 + 2 * 4);
  g_assert_cmpuint (rs_stix_plan_get_n_quotes (plan), ==, 133);

  /* The Daserf relation quotes its description in both sources it cites. */
  {
    g_autoptr(GPtrArray) of_tick = rs_case_dup_relations_of (kase, rs_entity_get_id (tick));
    gboolean seen = FALSE;

    for (guint i = 0; i < of_tick->len; i++)
      {
        RsRelation *relation = g_ptr_array_index (of_tick, i);
        g_autoptr(GPtrArray) evidence = NULL;

        if (rs_relation_get_target_id (relation) != rs_entity_get_id (daserf))
          continue;
        evidence = rs_case_dup_evidence_for (kase, RS_TARGET_RELATION, rs_relation_get_id (relation));
        g_assert_cmpuint (evidence->len, ==, 2);
        for (guint e = 0; e < 2; e++)
          {
            RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (g_ptr_array_index (evidence, e)));
            RsDocument *document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote));

            g_assert_cmpstr (rs_quote_get_text (quote), ==,
                             "(Citation: Trend Micro Daserf Nov 2017)(Citation: Symantec Tick Apr 2016)");
            g_assert_true (g_str_equal (rs_document_get_title (document), "Trend Micro Daserf Nov 2017") ||
                           g_str_equal (rs_document_get_title (document), "Symantec Tick Apr 2016"));
            g_assert_nonnull (rs_document_get_url (document));
            /* "Chen, J. and Hsieh, M. (2017, November 7). …", "DiMaggio, J. (2016, April 28). …" */
            if (g_str_equal (rs_document_get_title (document), "Trend Micro Daserf Nov 2017"))
              {
                g_assert_cmpstr (rs_document_get_author (document), ==, "Chen, J. and Hsieh, M.");
                g_assert_cmpstr (rs_document_get_published (document), ==, "2017-11-07");
              }
            else
              {
                g_assert_cmpstr (rs_document_get_author (document), ==, "DiMaggio, J.");
                g_assert_cmpstr (rs_document_get_published (document), ==, "2016-04-28");
              }
          }
        seen = TRUE;
      }
    g_assert_true (seen);
  }

  markings = rs_case_store_dup_markings (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (markings->len, ==, 1);
  marking = g_ptr_array_index (markings, 0);
  g_assert_cmpstr (marking->stix_id, ==, "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168");
  g_assert_cmpstr (marking->definition_type, ==, "statement");
  g_assert_nonnull (strstr (marking->definition, "\"statement\""));
  kept = rs_case_store_dup_stix_objects (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpstr (((RsStixObject *)g_ptr_array_index (kept, 0))->type, ==, "identity");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_id"), ==, 1 + 7 + 7 + 59 + 135);
}

/* The APT1 report: who is what, two threat actors sharing aliases stay two, the report
 * is a document, the indicators are kept. */
static void
test_apt1 (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("apt1.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsStixPlan) plan = plan_file (store, "oasis-threat-report-apt1.json");
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  RsEntity *dota, *superhard, *ugly, *jackwang;
  RsDocument *report = NULL;
  GListModel *documents;
  gboolean attributed = FALSE;

  g_assert_cmpuint (rs_stix_plan_get_count (plan, "threat-actor", RS_STIX_ADDED), ==, 5);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "identity", RS_STIX_ADDED), ==, 4);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "report", RS_STIX_ADDED), ==, 1);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "indicator", RS_STIX_UNMAPPED), ==, 12);
  /* indicates: an indicator at one end, no entity. */
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "relationship", RS_STIX_UNMAPPED), ==, 7);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "relationship", RS_STIX_ADDED), ==, 23);
  change = rs_case_edit_import_stix (store, plan, NULL, &error);
  g_assert_no_error (error);

  g_assert_nonnull (find_entity (kase, RS_ENTITY_KIND_UNIT, "Unit 61398"));
  g_assert_nonnull (find_entity (kase, RS_ENTITY_KIND_ORGANIZATION, "Communist Party of China"));
  g_assert_nonnull (find_entity (kase, RS_ENTITY_KIND_GROUP, "APT1"));
  jackwang = find_entity (kase, RS_ENTITY_KIND_PERSON, "JackWang");
  g_assert_nonnull (jackwang);
  g_assert_nonnull (find_entity (kase, RS_ENTITY_KIND_PERSON, "Wang Dong"));
  g_assert_nonnull (find_entity (kase, RS_ENTITY_KIND_PERSON, "Mei Qiang"));
  /* The personas, attributed to individuals, are persons too. */
  ugly = find_entity (kase, RS_ENTITY_KIND_PERSON, "Ugly Gorilla");
  dota = find_entity (kase, RS_ENTITY_KIND_PERSON, "DOTA");
  superhard = find_entity (kase, RS_ENTITY_KIND_PERSON, "SuperHard");
  g_assert_nonnull (ugly);
  g_assert_nonnull (dota);
  g_assert_nonnull (superhard);
  g_assert_true (dota != superhard);
  g_assert_true (g_strv_contains (rs_entity_get_aliases (dota), "Rodney"));
  g_assert_true (g_strv_contains (rs_entity_get_aliases (superhard), "Rodney"));

  {
    g_autoptr(GPtrArray) of_ugly = rs_case_dup_relations_of (kase, rs_entity_get_id (ugly));

    for (guint i = 0; i < of_ugly->len; i++)
      {
        RsRelation *relation = g_ptr_array_index (of_ugly, i);

        attributed |= rs_relation_get_target_id (relation) == rs_entity_get_id (jackwang) &&
                      g_str_equal (rs_relation_get_label (relation), "attributed to");
      }
    g_assert_true (attributed);
  }

  documents = rs_case_get_documents (kase);
  for (guint i = 0; i < n_items (documents); i++)
    {
      g_autoptr(RsDocument) document = g_list_model_get_item (documents, i);

      if (g_str_equal (rs_document_get_title (document), "APT1: Exposing One of China's Cyber Espionage Units"))
        report = document;
    }
  g_assert_nonnull (report);
  g_assert_cmpstr (rs_document_get_published (report), ==, "2013-02-19");
  g_assert_true (g_str_has_prefix (rs_document_get_text (report), "Since 2004, Mandiant"));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_object WHERE type = 'indicator'"), ==, 12);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_object WHERE type = 'relationship'"), ==, 7);
}

/* Poison Ivy: campaigns, vulnerabilities by their CVE ids, a course of action kept. */
static void
test_poisonivy (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("pivy.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsChange) change = import_file (store, "oasis-threat-report-poisonivy.json");
  RsEntity *cve, *menupass;

  g_assert_cmpuint (count_kind (kase, RS_ENTITY_KIND_CAMPAIGN), ==, 3);
  g_assert_cmpuint (count_kind (kase, RS_ENTITY_KIND_VULNERABILITY), ==, 6);
  g_assert_cmpuint (count_kind (kase, RS_ENTITY_KIND_MALWARE), ==, 25);
  menupass = find_entity (kase, RS_ENTITY_KIND_CAMPAIGN, "menuPass");
  g_assert_nonnull (menupass);
  cve = find_entity (kase, RS_ENTITY_KIND_VULNERABILITY, "CVE-2012-0158");
  g_assert_nonnull (cve);
  g_assert_cmpstr (rs_entity_get_external_id (cve), ==, "CVE-2012-0158");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_object WHERE type = 'course-of-action'"),
                   ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_object WHERE type = 'indicator'"), ==, 25);
  /* uses, targets: campaign → malware, vulnerability, attack pattern. */
  g_assert_cmpuint (n_items (rs_case_get_relations (kase)), ==, 22 + 6 + 3 + 3);
}

/* Cyber observables, indicators and what links them are kept as they came. */
static void
test_unmapped_kept (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("infra.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsStixPlan) plan = plan_file (store, "oasis-infrastructure.json");
  g_autoptr(RsChange) change = NULL;
  g_autoptr(RsChange) change2 = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = rs_stix_plan_dup_summary (plan);
  gboolean seen_ip = FALSE;

  g_assert_cmpuint (rs_stix_plan_get_count (plan, "ipv4-addr", RS_STIX_UNMAPPED), ==, 1);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "domain-name", RS_STIX_UNMAPPED), ==, 1);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "relationship", RS_STIX_UNMAPPED), ==, 2);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "relationship", RS_STIX_ADDED), ==, 2);
  g_assert_nonnull (strstr (summary, "ipv4-addr: 1 kept, not on the board"));
  change = rs_case_edit_import_stix (store, plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (kase, RS_ENTITY_KIND_INFRASTRUCTURE), ==, 2);

  kept = rs_case_store_dup_stix_objects (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 4);
  for (guint i = 0; i < kept->len; i++)
    {
      RsStixObject *object = g_ptr_array_index (kept, i);

      if (g_str_equal (object->type, "ipv4-addr"))
        {
          g_assert_nonnull (strstr (object->object, "\"198.51.100.3\""));
          seen_ip = TRUE;
        }
    }
  g_assert_true (seen_ip);

  change2 = import_file (store, "oasis-indicators-for-C2-with-COA.json");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_object WHERE type = 'course-of-action'"),
                   ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_object WHERE type = 'indicator'"), ==, 2);
}

/* Imported again, a bundle finds what it wrote by STIX id: nothing is added twice. */
static void
test_reimport (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("again.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsChange) first = import_file (store, "bronze-butler.json");
  g_autoptr(RsStixPlan) plan = NULL;
  g_autoptr(RsChange) second = NULL;
  g_autoptr(GError) error = NULL;
  guint n_entities = n_items (rs_case_get_entities (kase));
  guint n_relations = n_items (rs_case_get_relations (kase));
  guint n_documents = n_items (rs_case_get_documents (kase));
  guint n_quotes = n_items (rs_case_get_quotes (kase));
  gint64 n_refs = query_int (store, "SELECT count(*) FROM external_reference");

  plan = plan_file (store, "bronze-butler.json");
  g_assert_cmpuint (rs_stix_plan_get_total (plan, RS_STIX_ADDED), ==, 0);
  g_assert_cmpuint (rs_stix_plan_get_total (plan, RS_STIX_MERGED), ==, 0);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "attack-pattern", RS_STIX_EXISTING), ==, 59);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "relationship", RS_STIX_EXISTING), ==, 135);
  g_assert_cmpuint (rs_stix_plan_get_n_quotes (plan), ==, 0);
  g_assert_cmpuint (rs_stix_plan_get_n_documents (plan), ==, 0);
  second = rs_case_edit_import_stix (store, plan, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, n_entities);
  g_assert_cmpuint (n_items (rs_case_get_relations (kase)), ==, n_relations);
  g_assert_cmpuint (n_items (rs_case_get_documents (kase)), ==, n_documents);
  g_assert_cmpuint (n_items (rs_case_get_quotes (kase)), ==, n_quotes);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM external_reference"), ==, n_refs);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM marking"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_object"), ==, 1);
}

/* The sample case's Tick is ATT&CK's BRONZE BUTLER: the bundle joins it, and undoing
 * the import gives the sample case back. */
static void
test_sample_case_and_undo (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("sample.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  gint64 tick_id = rs_entity_get_id (tick);
  guint n_entities = n_items (rs_case_get_entities (kase));
  guint n_relations = n_items (rs_case_get_relations (kase));
  guint n_documents = n_items (rs_case_get_documents (kase));
  guint n_quotes = n_items (rs_case_get_quotes (kase));
  gint64 max_quote_id = query_int (store, "SELECT max(id) FROM quote");
  g_auto(GStrv) aliases_before = g_strdupv ((char **)rs_entity_get_aliases (tick));
  g_autoptr(RsStixPlan) plan = plan_file (store, "bronze-butler.json");
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GPtrArray) of_tick = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GError) error = NULL;
  RsEntity *daserf;
  gboolean uses_daserf = FALSE;

  g_assert_cmpuint (rs_stix_plan_get_count (plan, "intrusion-set", RS_STIX_MERGED), ==, 1);
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "intrusion-set", RS_STIX_ADDED), ==, 0);
  change = rs_case_edit_import_stix (store, plan, NULL, &error);
  g_assert_no_error (error);

  /* One Tick, the one the case had, with the aliases it had and ATT&CK's third. */
  g_assert_cmpuint (count_kind (kase, RS_ENTITY_KIND_GROUP), ==, 1);
  tick = find_entity (kase, RS_ENTITY_KIND_GROUP, "BRONZE BUTLER");
  g_assert_cmpint (rs_entity_get_id (tick), ==, tick_id);
  g_assert_cmpstr (rs_entity_get_name (tick), ==, "Tick");
  g_assert_true (g_strv_contains (rs_entity_get_aliases (tick), "BRONZE BUTLER"));
  g_assert_true (g_strv_contains (rs_entity_get_aliases (tick), "REDBALDKNIGHT"));
  g_assert_false (g_strv_contains (rs_entity_get_aliases (tick), "Tick"));
  refs = rs_case_store_dup_external_references (store, RS_TARGET_ENTITY, tick_id, &error);
  g_assert_true (has_reference (refs, "mitre-attack", "G0060"));
  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, n_entities + 7 + 7 + 59);

  daserf = find_entity (kase, RS_ENTITY_KIND_MALWARE, "Daserf");
  of_tick = rs_case_dup_relations_of (kase, tick_id);
  for (guint i = 0; i < of_tick->len; i++)
    uses_daserf |= rs_relation_get_target_id (g_ptr_array_index (of_tick, i)) == rs_entity_get_id (daserf);
  g_assert_true (uses_daserf);
  g_assert_cmpuint (check_quotes (store, max_quote_id), ==, 133);

  g_assert_true (rs_case_store_undo_change (store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, n_entities);
  g_assert_cmpuint (n_items (rs_case_get_relations (kase)), ==, n_relations);
  g_assert_cmpuint (n_items (rs_case_get_documents (kase)), ==, n_documents);
  g_assert_cmpuint (n_items (rs_case_get_quotes (kase)), ==, n_quotes);
  tick = rs_case_lookup_entity (kase, tick_id);
  g_assert_true (g_strv_equal ((const char * const *)aliases_before, rs_entity_get_aliases (tick)));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_id"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM external_reference"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM marking"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_object"), ==, 0);

  g_assert_true (rs_case_store_redo_change (store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, n_entities + 73);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM marking"), ==, 1);
}

/* An import that gives a merged entity its first external id, and nothing else of the
 * entity's own rows (its aliases are all there already), shows the id on the entity
 * at once, and undo and redo take it away and back: the store refreshes an entity
 * whose external_reference rows a change touched. */
static void
test_merged_external_id (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("external-id.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  gint64 tick_id = rs_entity_get_id (tick);
  const char *aliases[] = { "BRONZE BUTLER", "REDBALDKNIGHT", NULL };
  g_autoptr(RsStixPlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aliases_before = NULL;

  g_assert_true (rs_case_store_update_entity (store, tick_id, rs_entity_get_kind (tick),
                                              rs_entity_get_name (tick), aliases,
                                              rs_entity_get_description (tick), &error));
  g_assert_no_error (error);
  tick = rs_case_lookup_entity (kase, tick_id);
  g_assert_null (rs_entity_get_external_id (tick));
  aliases_before = g_strjoinv (";", (char **) rs_entity_get_aliases (tick));

  plan = plan_file (store, "bronze-butler.json");
  g_assert_cmpuint (rs_stix_plan_get_count (plan, "intrusion-set", RS_STIX_MERGED), ==, 1);
  change = rs_case_edit_import_stix (store, plan, NULL, &error);
  g_assert_no_error (error);
  tick = rs_case_lookup_entity (kase, tick_id);
  {
    g_autofree char *aliases_after = g_strjoinv (";", (char **) rs_entity_get_aliases (tick));

    /* The case the note in issue 22 describes: the aliases did not change. */
    g_assert_cmpstr (aliases_after, ==, aliases_before);
  }
  g_assert_cmpstr (rs_entity_get_external_id (tick), ==, "G0060");

  g_assert_true (rs_case_store_undo_change (store, change, &error));
  g_assert_no_error (error);
  tick = rs_case_lookup_entity (kase, tick_id);
  g_assert_nonnull (tick);
  g_assert_null (rs_entity_get_external_id (tick));

  g_assert_true (rs_case_store_redo_change (store, change, &error));
  g_assert_no_error (error);
  tick = rs_case_lookup_entity (kase, tick_id);
  g_assert_cmpstr (rs_entity_get_external_id (tick), ==, "G0060");

  /* Undone again: gone again. */
  g_assert_true (rs_case_store_undo_change (store, change, &error));
  g_assert_no_error (error);
  g_assert_null (rs_entity_get_external_id (rs_case_lookup_entity (kase, tick_id)));
}

/* A Redstring export's storyline comes into an empty case with the import, its uids
 * those of the records they became (a uid of nothing left out, a view of no area too),
 * and undo takes it away with the rest; redo brings it back. */
static void
test_storyline_undo (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("storyline.redstring");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fuzz", "stix", "seeds",
                                                 "redstring-export-board.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsStixBundle) bundle = rs_stix_bundle_read_file (path, &error);
  g_autoptr(RsStixPlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GPtrArray) views = NULL;
  RsCase *kase = rs_case_store_get_case (store);
  const char * const *shown;

  g_assert_no_error (error);
  plan = rs_stix_plan_new (g_steal_pointer (&bundle), store, &error);
  g_assert_no_error (error);
  change = rs_case_edit_import_stix (store, plan, NULL, &error);
  g_assert_no_error (error);

  views = rs_case_dup_story_views (kase);
  g_assert_cmpuint (views->len, ==, 2);
  g_assert_cmpstr (rs_story_view_get_caption (g_ptr_array_index (views, 0)), ==, "Everything");
  g_assert_null (rs_story_view_get_shown (g_ptr_array_index (views, 0)));
  g_assert_cmpuint (rs_story_view_get_position (g_ptr_array_index (views, 1)), ==, 1);
  shown = rs_story_view_get_shown (g_ptr_array_index (views, 1));
  g_assert_cmpuint (g_strv_length ((char **) shown), ==, 2);
  g_assert_nonnull (rs_case_lookup_entity_by_name (kase, "Tick"));
  g_assert_cmpstr (shown[0], ==, rs_entity_get_uid (rs_case_lookup_entity_by_name (kase, "Tick")));
  g_assert_true (rs_story_view_highlights (g_ptr_array_index (views, 1), shown[1]));

  g_assert_true (rs_case_store_undo_change (store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (rs_case_get_story_views (kase)), ==, 0);
  g_assert_true (rs_case_store_redo_change (store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (rs_case_get_story_views (kase)), ==, 2);
}

/* STIX 2.0, where only spec_version differs: read, and said so. */
static void
test_stix_2_0 (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("v20.redstring");
  const char *json =
    "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"spec_version\": \"2.0\", \"objects\": ["
    "{\"type\": \"intrusion-set\", \"id\": \"intrusion-set--1\", \"name\": \"Tick\"},"
    "{\"type\": \"malware\", \"id\": \"malware--1\", \"name\": \"Daserf\", \"labels\": [\"backdoor\"],"
    " \"created_by_ref\": \"identity--404\","
    " \"object_marking_refs\": [\"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da\"]},"
    "{\"type\": \"relationship\", \"id\": \"relationship--1\", \"relationship_type\": \"uses\","
    " \"source_ref\": \"intrusion-set--1\", \"target_ref\": \"malware--1\", \"confidence\": 95}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  RsStixBundle *bundle = rs_stix_bundle_read_bytes (bytes, "v20.json", &error);
  g_autoptr(RsStixPlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autofree char *summary = NULL;
  RsRelation *relation;

  g_assert_no_error (error);
  g_assert_true (rs_stix_bundle_is_stix_2_0 (bundle));
  plan = rs_stix_plan_new (bundle, store, &error);
  g_assert_no_error (error);
  summary = rs_stix_plan_dup_summary (plan);
  g_assert_nonnull (strstr (summary, "STIX 2.0, read as 2.1"));
  /* TLP:GREEN by its standard id, not in the bundle: kept as STIX defines it. */
  g_assert_nonnull (strstr (summary, "Marking: TLP:GREEN"));
  g_assert_nonnull (strstr (summary, "1 reference (an author, a marking, a report’s object) is to an "
                                     "object neither in the bundle nor in the case"));
  change = rs_case_edit_import_stix (store, plan, NULL, &error);
  g_assert_no_error (error);
  /* confidence 95: confirmed. */
  relation = g_list_model_get_item (rs_case_get_relations (rs_case_store_get_case (store)), 0);
  g_assert_cmpint (rs_relation_get_status (relation), ==, RS_RELATION_STATUS_CONFIRMED);
  g_object_unref (relation);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM marking WHERE name = 'TLP:GREEN' "
                                     "AND definition = '{\"tlp\":\"green\"}'"), ==, 1);
}

typedef struct
{
  const char *name;
  const char *json;
  const char *message;  /* in the error */
} BadInput;

static const BadInput bad_inputs[] = {
  { "not-json", "{\"type\": \"bundle\", \"objects\": [", "not JSON" },
  { "array", "[1, 2]", "not a STIX bundle: the file is JSON but not an object" },
  { "not-bundle", "{\"type\": \"report\", \"id\": \"report--1\"}", "its type is “report”, not “bundle”" },
  { "case-bundle", "{\"format\": \"redstring-case\", \"version\": 1}", "it has no “type”: “bundle”" },
  { "no-objects", "{\"type\": \"bundle\", \"id\": \"bundle--1\"}", "the bundle has no objects" },
  { "stix-3", "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": \"malware\", "
    "\"id\": \"malware--1\", \"spec_version\": \"3.0\", \"name\": \"X\"}]}",
    "object 1 (malware--1): STIX 3.0 is not a version Redstring reads" },
  { "unknown-type", "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": "
    "\"malware\", \"id\": \"malware--1\", \"name\": \"X\"}, {\"type\": \"gadget\", \"id\": \"gadget--2\"}]}",
    "object 2 (gadget--2): “gadget” is not a STIX 2.1 type (custom types start with “x-”)" },
  { "duplicate-id", "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": "
    "\"malware\", \"id\": \"malware--1\", \"name\": \"X\"}, {\"type\": \"malware\", \"id\": "
    "\"malware--1\", \"name\": \"Y\"}]}",
    "object 2 (malware--1): the same id as object 1" },
  { "no-id", "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": \"malware\"}]}",
    "object 1 (a malware) has no id" },
  { "id-type", "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": \"malware\", "
    "\"id\": \"tool--1\"}]}", "its id does not start with its type “malware--”" },
  { "no-target", "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": "
    "\"relationship\", \"id\": \"relationship--1\", \"relationship_type\": \"uses\", "
    "\"source_ref\": \"malware--1\"}]}", "a relationship without its target_ref" },
  { "dangling", "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": \"malware\", "
    "\"id\": \"malware--1\", \"name\": \"X\"}, {\"type\": \"relationship\", \"id\": \"relationship--9\", "
    "\"relationship_type\": \"uses\", \"source_ref\": \"malware--1\", \"target_ref\": \"tool--404\"}]}",
    "object 2 (relationship--9): its target_ref “tool--404” is neither in the bundle nor in the case" },
  { "observed-data-2.0", "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": "
    "\"observed-data\", \"id\": \"observed-data--1\", \"objects\": {\"0\": {\"type\": \"file\"}}}]}",
    "observed data with embedded observables is STIX 2.0" },
  { "nul", "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [{\"type\": \"malware\", "
    "\"id\": \"malware--1\", \"name\": \"Da\\u0000serf\"}]}",
    "objects[0].name: contains a NUL character" },
  { "nested", NULL, "nested more than 64 levels deep" },
  { "huge", NULL, "more than Redstring imports at once (64 MB)" },
};

/* Each bad bundle says what and where, and the case is left as it was. */
static void
test_bad_input (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("bad.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  guint n_entities = n_items (rs_case_get_entities (kase));
  gint64 data_version = query_int (store, "SELECT count(*) FROM history");

  for (gsize i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      const BadInput *bad = &bad_inputs[i];
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strconcat (bad->name, ".json", NULL);
      RsStixBundle *bundle;
      RsStixPlan *plan = NULL;

      if (g_str_equal (bad->name, "nested"))
        {
          GString *s = g_string_new ("{\"type\": \"bundle\", \"objects\": [");

          for (int d = 0; d < 1000; d++)
            g_string_append_c (s, '[');
          bytes = g_string_free_to_bytes (s);
        }
      else if (g_str_equal (bad->name, "huge"))
        {
          gsize size = RS_STIX_MAX_BYTES + 1;
          char *data = g_malloc (size);

          memset (data, ' ', size);
          data[0] = '{';
          bytes = g_bytes_new_take (data, size);
        }
      else
        bytes = g_bytes_new_static (bad->json, strlen (bad->json));

      bundle = rs_stix_bundle_read_bytes (bytes, name, &error);
      if (bundle != NULL)
        plan = rs_stix_plan_new (bundle, store, &error);
      g_assert_null (plan);
      g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
      if (strstr (error->message, bad->message) == NULL || !g_str_has_prefix (error->message, name))
        g_error ("%s: “%s” does not say “%s”", bad->name, error->message, bad->message);
    }
  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, n_entities);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM history"), ==, data_version);
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GBytes) bytes = rs_test_read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* redstring-cli import-stix: the summary; --dry-run writes nothing; a bad bundle
 * leaves the case file as it was. */
static void
test_cli (void)
{
  g_autofree char *bundle = data_path ("bronze-butler.json");
  g_autofree char *path = rs_test_make_sample_file ("cli.redstring");
  g_autofree char *missing = rs_test_temp_path ("missing.redstring");
  g_autofree char *bad = rs_test_temp_path ("bad.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = file_checksum (path);
  {
    g_auto(RsTestRun) run = { 0 };

    rs_test_run_argv (&run, (const char *[]) { rs_test_cli_path (), "import-stix", "--dry-run", bundle, path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "intrusion-set: 1 merged"));
    g_assert_nonnull (strstr (run.out, "Dry run: nothing was written"));
  }
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  {
    g_auto(RsTestRun) run = { 0 };

    rs_test_run_argv (&run, (const char *[]) { rs_test_cli_path (), "import-stix", "-n", bundle, missing, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "intrusion-set: 1 added"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(RsTestRun) run = { 0 };

    rs_test_write_file (bad, "{\"type\": \"bundle\", \"objects\": [{}]}", 35);
    rs_test_run_argv (&run, (const char *[]) { rs_test_cli_path (), "import-stix", bad, path, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad.json: object 1 has no type"));
    g_free (after);
    after = file_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_auto(RsTestRun) run = { 0 };
    g_autoptr(RsCaseStore) store = NULL;
    g_autoptr(GError) error = NULL;

    rs_test_run_argv (&run, (const char *[]) { rs_test_cli_path (), "import-stix", bundle, path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "attack-pattern: 59 added"));
    store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_kind (rs_case_store_get_case (store), RS_ENTITY_KIND_TECHNIQUE), ==, 59);
  }
  {
    g_auto(RsTestRun) run = { 0 };

    /* info names the markings the case keeps. */
    rs_test_run_argv (&run, (const char *[]) { rs_test_cli_path (), "info", path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "  technique      59\n"));
    g_assert_nonnull (strstr (run.out, "stix kept  1\n"));
    g_assert_nonnull (strstr (run.out, "marking    Copyright 2015-2025, The MITRE Corporation."));
  }
}

/* The board draws a technique's ATT&CK id on its node, and nothing on the others. */
static void
test_board_tags (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("tags.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsChange) change = import_file (store, "bronze-butler.json");
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (kase, NULL, style);
  RsEntity *technique = find_entity (kase, RS_ENTITY_KIND_TECHNIQUE, "Spearphishing Attachment");
  RsEntity *daserf = find_entity (kase, RS_ENTITY_KIND_MALWARE, "Daserf");
  guint index;

  g_assert_true (rs_board_scene_lookup_node (scene, rs_entity_get_id (technique), &index));
  g_assert_cmpstr (rs_board_scene_get_node (scene, index)->tag, ==, "T1566.001");
  g_assert_cmpint (rs_board_scene_get_node (scene, index)->kind, ==, RS_ENTITY_KIND_TECHNIQUE);
  g_assert_true (rs_board_scene_lookup_node (scene, rs_entity_get_id (daserf), &index));
  g_assert_null (rs_board_scene_get_node (scene, index)->tag);
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
note_progress (double   fraction,
               gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

/* Written a slice at a time: progress moves forward to 1; cancelled, the case is as it
 * was and the store free again. */
static void
test_async (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("async.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  double last = 0;

  rs_stix_import_async (store, plan_file (store, "bronze-butler.json"), NULL, cancellable,
                        note_progress, &last, NULL, on_imported_cb, &result);
  /* Other changes wait for it. */
  g_assert_false (rs_case_store_begin_change (store, "other", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_BUSY);
  g_clear_error (&error);
  /* Cancelled before its first slice: a slice can write the whole bundle on a fast
   * machine. */
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rs_stix_import_finish (store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM stix_id"), ==, 0);

  last = 0;
  rs_stix_import_async (store, plan_file (store, "bronze-butler.json"), NULL, NULL,
                        note_progress, &last, NULL, on_imported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  change = rs_stix_import_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (n_items (rs_case_get_entities (kase)), ==, 74);
  g_assert_cmpuint (check_quotes (store, 0), ==, 133);
}

static void
test_sniff (void)
{
  static const char stix[] = "\xef\xbb\xbf  {\"id\": \"bundle--1\", \"type\": \"bundle\", \"objects\": []}";
  static const char ours[] = "{\"format\": \"redstring-case\", \"version\": 1, \"entities\": []}";
  g_autofree char *path = data_path ("oasis-infrastructure.json");

  g_assert_true (rs_stix_sniff (stix, sizeof stix - 1));
  g_assert_false (rs_stix_sniff (ours, sizeof ours - 1));
  g_assert_false (rs_stix_sniff ("[{\"type\": \"bundle\"}]", 20));
  g_assert_true (rs_stix_sniff_file (path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

  g_test_add_func ("/stix/bronze-butler", test_bronze_butler);
  g_test_add_func ("/stix/apt1", test_apt1);
  g_test_add_func ("/stix/poisonivy", test_poisonivy);
  g_test_add_func ("/stix/unmapped-kept", test_unmapped_kept);
  g_test_add_func ("/stix/reimport", test_reimport);
  g_test_add_func ("/stix/sample-case-and-undo", test_sample_case_and_undo);
  g_test_add_func ("/stix/merged-external-id", test_merged_external_id);
  g_test_add_func ("/stix/storyline-undo", test_storyline_undo);
  g_test_add_func ("/stix/stix-2-0", test_stix_2_0);
  g_test_add_func ("/stix/bad-input", test_bad_input);
  g_test_add_func ("/stix/cli", test_cli);
  g_test_add_func ("/stix/sniff", test_sniff);
  g_test_add_func ("/stix/board-tags", test_board_tags);
  g_test_add_func ("/stix/async", test_async);

  return g_test_run ();
}
