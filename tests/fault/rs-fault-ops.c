/* rs-fault-ops.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-fault-ops"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rs-bundle.h"
#include "rs-error.h"
#include "rs-exchange.h"
#include "rs-fault-ops.h"
#include "rs-fault-vfs.h"
#include "rs-fuzzy-date.h"
#include "rs-test-utils.h"

/* Random uids and "now" timestamps differ between two runs of the same op: the
 * states compare equal with them masked. Everything else is compared as it is. */
#define UUID_PATTERN "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
#define NOW_PATTERN  "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,6})?Z"

static GRegex *
volatile_value_regex (void)
{
  static GRegex *regex;
  static gsize made;

  if (g_once_init_enter (&made))
    {
      regex = g_regex_new ("^(?:" UUID_PATTERN "|" NOW_PATTERN ")$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&made, 1);
    }
  return regex;
}

static GRegex *
volatile_json_regex (void)
{
  static GRegex *regex;
  static gsize made;

  if (g_once_init_enter (&made))
    {
      regex = g_regex_new ("\"(?:" UUID_PATTERN "|" NOW_PATTERN ")\"", G_REGEX_OPTIMIZE, 0,
                           NULL);
      g_once_init_leave (&made, 1);
    }
  return regex;
}

static RsCase *
case_of (RsFaultCase *fc)
{
  g_assert_nonnull (fc->store);
  return rs_case_store_get_case (fc->store);
}

static gint64
nth_id (GListModel *list,
        guint       n)
{
  g_autoptr(GObject) item = g_list_model_get_item (list, n);
  gint64 id = 0;

  g_assert_nonnull (item);
  g_object_get (item, "id", &id, NULL);
  return id;
}

static char *
bundle_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bundles", "tick-2021-excerpt.json", NULL);
}

/* The ops */

static gboolean
run_create_empty (RsFaultCase  *fc,
                  GError      **error)
{
  g_assert_null (fc->store);
  fc->store = rs_case_store_open (fc->path, RS_CASE_STORE_OPEN_CREATE, error);
  return fc->store != NULL;
}

/* As `redstring-cli new --sample` (and the window's first run) does it: create the
 * case, then import the sample, and on failure remove the case again. */
static gboolean
run_create_sample (RsFaultCase  *fc,
                   GError      **error)
{
  if (!run_create_empty (fc, error))
    return FALSE;
  if (!rs_bundle_import_sample (fc->store, error))
    {
      g_clear_object (&fc->store);
      rs_case_store_remove_case_file (fc->path, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_import (RsFaultCase  *fc,
            GError      **error)
{
  g_autofree char *bundle = bundle_path ();

  return rs_bundle_import_file (fc->store, bundle, error);
}

static gboolean
run_add_document (RsFaultCase  *fc,
                  GError      **error)
{
  g_autoptr(RsDocument) draft = rs_document_new (0);

  rs_document_set_uid (draft, "fault-document");
  rs_document_set_title (draft, "A report written while the disk failed");
  rs_document_set_publisher (draft, "Fault Press");
  rs_document_set_url (draft, "https://example.org/fault");
  rs_document_set_published (draft, "2021-05-01");
  rs_document_set_imported_at (draft, "2021-05-02T10:00:00Z");
  rs_document_set_text (draft, "Unit 61419 directed Tick against a space agency in 2016.");
  rs_document_set_reliability (draft, RS_RELIABILITY_B);
  return rs_case_store_add_document (fc->store, draft, error) != NULL;
}

static gboolean
run_add_entity (RsFaultCase  *fc,
                GError      **error)
{
  static const char * const aliases[] = { "FP", "Mr Fault", NULL };
  g_autoptr(RsEntity) draft = rs_entity_new (0);

  rs_entity_set_uid (draft, "fault-entity");
  rs_entity_set_kind (draft, RS_ENTITY_KIND_PERSON);
  rs_entity_set_name (draft, "Fault Person");
  rs_entity_set_aliases (draft, aliases);
  rs_entity_set_description (draft, "Made by the fault test");
  rs_entity_set_has_position (draft, TRUE);
  rs_entity_set_x (draft, 12.5);
  rs_entity_set_y (draft, -40.0);
  rs_entity_set_pinned (draft, TRUE);
  return rs_case_store_add_entity (fc->store, draft, error) != NULL;
}

static gboolean
run_add_relation (RsFaultCase  *fc,
                  GError      **error)
{
  GListModel *entities = rs_case_get_entities (case_of (fc));
  g_autoptr(RsRelation) draft = rs_relation_new (0);

  rs_relation_set_uid (draft, "fault-relation");
  rs_relation_set_source_id (draft, nth_id (entities, 0));
  rs_relation_set_target_id (draft, nth_id (entities, 2));
  rs_relation_set_label (draft, "worked with");
  rs_relation_set_directed (draft, TRUE);
  rs_relation_set_status (draft, RS_RELATION_STATUS_REPORTED);
  return rs_case_store_add_relation (fc->store, draft, error) != NULL;
}

static gboolean
run_add_quote (RsFaultCase  *fc,
               GError      **error)
{
  g_autoptr(RsQuote) draft = rs_quote_new (0);

  rs_quote_set_uid (draft, "fault-quote");
  rs_quote_set_document_id (draft, nth_id (rs_case_get_documents (case_of (fc)), 0));
  rs_quote_set_start (draft, 3);
  rs_quote_set_end (draft, 40);
  rs_quote_set_credibility (draft, 2);
  return rs_case_store_add_quote (fc->store, draft, error) != NULL;
}

/* Evidence is unique per quote and target: the first entity the quote does not
 * back yet. */
static gboolean
run_add_evidence (RsFaultCase  *fc,
                  GError      **error)
{
  RsCase *kase = case_of (fc);
  gint64 quote_id = nth_id (rs_case_get_quotes (kase), 0);
  g_autoptr(GPtrArray) existing = rs_case_dup_evidence_of_quote (kase, quote_id);
  g_autoptr(RsEvidence) draft = rs_evidence_new (0);
  GListModel *entities = rs_case_get_entities (kase);
  gint64 entity_id = 0;

  for (guint i = 0; entity_id == 0 && i < g_list_model_get_n_items (entities); i++)
    {
      gint64 candidate = nth_id (entities, i);
      gboolean used = FALSE;

      for (guint j = 0; j < existing->len; j++)
        {
          RsEvidence *evidence = g_ptr_array_index (existing, j);

          used |= rs_evidence_get_target (evidence) == RS_TARGET_ENTITY &&
                  rs_evidence_get_target_id (evidence) == candidate;
        }
      if (!used)
        entity_id = candidate;
    }
  g_assert_cmpint (entity_id, !=, 0);

  rs_evidence_set_quote_id (draft, quote_id);
  rs_evidence_set_target (draft, RS_TARGET_ENTITY);
  rs_evidence_set_target_id (draft, entity_id);
  rs_evidence_set_stance (draft, RS_STANCE_CONTRADICTS);
  return rs_case_store_add_evidence (fc->store, draft, error) != NULL;
}

static gboolean
run_add_event (RsFaultCase  *fc,
               GError      **error)
{
  GListModel *entities = rs_case_get_entities (case_of (fc));
  gint64 ids[] = { nth_id (entities, 0), nth_id (entities, 1) };
  g_autoptr(RsEvent) draft = rs_event_new (0);
  g_autoptr(RsFuzzyDate) date = NULL;

  date = rs_fuzzy_date_parse ("2021-04", NULL, RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_LATE,
                              NULL);
  g_assert_nonnull (date);
  rs_event_set_uid (draft, "fault-event");
  rs_event_set_title (draft, "The disk filled up");
  rs_event_set_description (draft, "Recorded by the fault test");
  rs_event_set_date (draft, date);
  rs_event_set_entity_ids (draft, ids, G_N_ELEMENTS (ids));
  return rs_case_store_add_event (fc->store, draft, error) != NULL;
}

static gboolean
run_add_note (RsFaultCase  *fc,
              GError      **error)
{
  g_autoptr(RsNote) draft = rs_note_new (0);

  rs_note_set_uid (draft, "fault-note");
  rs_note_set_target (draft, RS_TARGET_ENTITY);
  rs_note_set_target_id (draft, nth_id (rs_case_get_entities (case_of (fc)), 1));
  rs_note_set_body (draft, "Check this against the second report.");
  rs_note_set_author (draft, "tester");
  return rs_case_store_add_note (fc->store, draft, error) != NULL;
}

static gboolean
run_update_entity (RsFaultCase  *fc,
                   GError      **error)
{
  static const char * const aliases[] = { "R1", "R2", "R3", NULL };

  return rs_case_store_update_entity (fc->store, nth_id (rs_case_get_entities (case_of (fc)), 0),
                                      RS_ENTITY_KIND_ORGANIZATION, "Renamed by the fault test",
                                      aliases, "Its description changed too", error);
}

static gboolean
run_set_relation_status (RsFaultCase  *fc,
                         GError      **error)
{
  gint64 id = nth_id (rs_case_get_relations (case_of (fc)), 0);
  RsRelation *relation = rs_case_lookup_relation (case_of (fc), id);
  RsRelationStatus status = rs_relation_get_status (relation) == RS_RELATION_STATUS_DISPUTED
                            ? RS_RELATION_STATUS_CONFIRMED : RS_RELATION_STATUS_DISPUTED;

  return rs_case_store_set_relation_status (fc->store, id, status, error);
}

static gboolean
run_set_note_body (RsFaultCase  *fc,
                   GError      **error)
{
  return rs_case_store_set_note_body (fc->store, nth_id (rs_case_get_notes (case_of (fc)), 0),
                                      "Rewritten by the fault test.", error);
}

static RsNote *
note_draft (RsFaultCase *fc,
            guint        n,
            const char  *body,
            char       **base)
{
  RsNote *note = rs_case_lookup_note (case_of (fc), nth_id (rs_case_get_notes (case_of (fc)), n));
  RsNote *draft = rs_note_new (rs_note_get_id (note));

  rs_note_set_target (draft, rs_note_get_target (note));
  rs_note_set_target_id (draft, rs_note_get_target_id (note));
  rs_note_set_author (draft, rs_note_get_author (note));
  rs_note_set_body (draft, body);
  *base = g_strdup (rs_note_get_body (note));
  return draft;
}

static gboolean
run_save_note (RsFaultCase  *fc,
               GError      **error)
{
  g_autofree char *base = NULL;
  g_autoptr(RsNote) draft = note_draft (fc, 0, "Saved by the notes panel.", &base);

  return rs_case_store_save_note (fc->store, draft, base, NULL, error) != NULL;
}

static gboolean
run_save_new_note (RsFaultCase  *fc,
                   GError      **error)
{
  g_autoptr(RsNote) draft = rs_note_new (0);

  rs_note_set_target (draft, RS_TARGET_CASE);
  rs_note_set_body (draft, "A new note on the case.");
  return rs_case_store_save_note (fc->store, draft, NULL, NULL, error) != NULL;
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The notes panel's way: the write happens on the store's worker thread. */
static gboolean
run_save_note_async (RsFaultCase  *fc,
                     GError      **error)
{
  g_autofree char *base = NULL;
  g_autoptr(RsNote) draft = note_draft (fc, 1, "Saved in the background.", &base);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RsNote) note = NULL;

  rs_case_store_save_note_async (fc->store, draft, base, NULL, on_saved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  note = rs_case_store_save_note_finish (fc->store, result, NULL, error);
  return note != NULL;
}

static gboolean
run_set_info (RsFaultCase  *fc,
              GError      **error)
{
  return rs_case_store_set_info (fc->store, "Renamed by the fault test",
                                 "A description written while the disk failed", error);
}

/* What the board writes after a layout: every node and every route, in one call. */
static gboolean
set_board_layout (RsCaseStore  *store,
                  double        shift,
                  GError      **error)
{
  RsCase *kase = rs_case_store_get_case (store);
  GListModel *entities = rs_case_get_entities (kase);
  GListModel *relations = rs_case_get_relations (kase);
  guint n_nodes = g_list_model_get_n_items (entities);
  guint n_edges = g_list_model_get_n_items (relations);
  g_autofree RsNodePlacement *nodes = g_new0 (RsNodePlacement, n_nodes);
  g_autofree RsEdgePlacement *edges = g_new0 (RsEdgePlacement, n_edges);
  g_autoptr(GPtrArray) routes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_nodes; i++)
    nodes[i] = (RsNodePlacement) { nth_id (entities, i), shift + 90.0 * (i % 5),
                                   shift + 60.0 * (i / 5), i % 3 == 0 };
  for (guint i = 0; i < n_edges; i++)
    {
      char *route = g_strdup_printf ("%g,0 %g,10 %g,20 %g,30", shift + i, shift + i + 1,
                                     shift + i + 2, shift + i + 3);

      g_ptr_array_add (routes, route);
      edges[i] = (RsEdgePlacement) { nth_id (relations, i), route, i % 2 == 0, shift, i * 2.0 };
    }
  return rs_case_store_set_board (store, nodes, n_nodes, edges, n_edges, error);
}

static gboolean
run_layout (RsFaultCase  *fc,
            GError      **error)
{
  return set_board_layout (fc->store, 7.0, error);
}

/* What the board writes when a node is dragged. */
static gboolean
run_drag_node (RsFaultCase  *fc,
               GError      **error)
{
  RsNodePlacement placement = { nth_id (rs_case_get_entities (case_of (fc)), 3), 123.5, -42.0,
                                TRUE };

  return rs_case_store_set_board (fc->store, &placement, 1, NULL, 0, error);
}

#define DEFINE_RUN_DELETE(what, list)                                               \
  static gboolean                                                                   \
  run_delete_##what (RsFaultCase  *fc,                                              \
                     GError      **error)                                           \
  {                                                                                 \
    gint64 id = nth_id (rs_case_get_##list (case_of (fc)), 0);                      \
                                                                                    \
    return rs_case_store_delete_##what (fc->store, id, error);                      \
  }

DEFINE_RUN_DELETE (document, documents)
DEFINE_RUN_DELETE (entity, entities)
DEFINE_RUN_DELETE (relation, relations)
DEFINE_RUN_DELETE (quote, quotes)
DEFINE_RUN_DELETE (evidence, evidence)
DEFINE_RUN_DELETE (event, events)
DEFINE_RUN_DELETE (note, notes)

static gboolean
run_save_as (RsFaultCase  *fc,
             GError      **error)
{
  return rs_case_store_save_as (fc->store, fc->dest, error);
}

/* With SQLite short of memory, an op's pages go to the -wal before its commit (a
 * "cache spill"): a fault then fails a statement in the middle of the op, and it is
 * the store's own rollback (savepoint, batch) that must undo what came before. In
 * small transactions otherwise every write and sync happens inside the COMMIT,
 * which SQLite rolls back by itself when it fails. */
static gboolean
run_spilling (gboolean    (*run) (RsFaultCase  *fc,
                                  GError      **error),
              RsFaultCase  *fc,
              GError      **error)
{
  sqlite3_int64 limit = sqlite3_soft_heap_limit64 (1);
  gboolean ok = run (fc, error);

  sqlite3_soft_heap_limit64 (limit);
  return ok;
}

static gboolean
run_import_spilling (RsFaultCase  *fc,
                     GError      **error)
{
  return run_spilling (run_import, fc, error);
}

static gboolean
run_delete_entity_spilling (RsFaultCase  *fc,
                            GError      **error)
{
  return run_spilling (run_delete_entity, fc, error);
}

/* A colleague's changeset applied (issue 21): one change, so a cut anywhere in it
 * leaves the case as before. The changeset is one of the fuzzer's seeds (a status,
 * a description, a new entity and relation, a removed relation), addressed to this
 * case; written with plain file I/O, so the cut only ever lands in the apply. */
static gboolean
run_apply_changes (RsFaultCase  *fc,
                   GError      **error)
{
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "data", "fuzz", "changeset", "seeds",
                                                 "from-b.changes", NULL);
  g_autofree char *path = g_strconcat (fc->path, ".changes", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) mine = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  GListModel *items;
  gsize size = 0;
  char *line, *end;

  g_assert_true (g_file_get_contents (seed, &text, &size, NULL));
  mine = g_string_new_len (text, size);
  line = strstr (mine->str, "\ncase: ") + strlen ("\ncase: ");
  end = strchr (line, '\n');
  g_string_erase (mine, line - mine->str, end - line);
  g_string_insert (mine, line - mine->str, rs_case_get_uid (case_of (fc)));
  g_assert_true (g_file_set_contents (path, mine->str, mine->len, NULL));

  if (!(plan = rs_exchange_plan_new_apply (fc->store, path, error)))
    return FALSE;
  items = rs_exchange_plan_get_items (plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);

      if (rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_CONFLICT)
        rs_exchange_item_set_resolution (item, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
    }
  change = rs_exchange_plan_apply (plan, fc->store, error);
  return change != NULL;
}

static const RsFaultOp ops[] = {
  { "create-empty",        RS_FAULT_START_NOTHING, run_create_empty },
  { "create-sample",       RS_FAULT_START_NOTHING, run_create_sample, TRUE, TRUE },
  { "import-into-empty",   RS_FAULT_START_EMPTY,   run_import, TRUE },
  { "import-into-case",    RS_FAULT_START_CASE,    run_import, TRUE },
  { "add-document",        RS_FAULT_START_CASE,    run_add_document },
  { "add-entity",          RS_FAULT_START_CASE,    run_add_entity },
  { "add-relation",        RS_FAULT_START_CASE,    run_add_relation },
  { "add-quote",           RS_FAULT_START_CASE,    run_add_quote },
  { "add-evidence",        RS_FAULT_START_CASE,    run_add_evidence },
  { "add-event",           RS_FAULT_START_CASE,    run_add_event },
  { "add-note",            RS_FAULT_START_CASE,    run_add_note },
  { "update-entity",       RS_FAULT_START_CASE,    run_update_entity },
  { "set-relation-status", RS_FAULT_START_CASE,    run_set_relation_status },
  { "set-note-body",       RS_FAULT_START_CASE,    run_set_note_body },
  { "save-note",           RS_FAULT_START_CASE,    run_save_note },
  { "save-note-new",       RS_FAULT_START_CASE,    run_save_new_note },
  { "save-note-async",     RS_FAULT_START_CASE,    run_save_note_async },
  { "set-info",            RS_FAULT_START_CASE,    run_set_info },
  { "set-board-layout",    RS_FAULT_START_CASE,    run_layout },
  { "set-board-drag",      RS_FAULT_START_CASE,    run_drag_node },
  { "delete-document",     RS_FAULT_START_CASE,    run_delete_document },
  { "delete-entity",       RS_FAULT_START_CASE,    run_delete_entity },
  { "delete-relation",     RS_FAULT_START_CASE,    run_delete_relation },
  { "delete-quote",        RS_FAULT_START_CASE,    run_delete_quote },
  { "delete-evidence",     RS_FAULT_START_CASE,    run_delete_evidence },
  { "delete-event",        RS_FAULT_START_CASE,    run_delete_event },
  { "delete-note",         RS_FAULT_START_CASE,    run_delete_note },
  { "save-as",             RS_FAULT_START_CASE,    run_save_as },
  { "import-spilling",     RS_FAULT_START_CASE,    run_import_spilling, TRUE },
  { "delete-spilling",     RS_FAULT_START_CASE,    run_delete_entity_spilling, TRUE },
  { "apply-changes",       RS_FAULT_START_CASE,    run_apply_changes },
};

const RsFaultOp *
rs_fault_ops_get (guint *n_ops)
{
  *n_ops = G_N_ELEMENTS (ops);
  return ops;
}

/* Starting cases, made once per test (each has its own isolated data dir) through
 * the disarmed fault VFS, then copied afresh for each run. */

static void
remove_case_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Save As writes "<dest>.part-XXXXXXXX" and renames it. */
static GPtrArray *
list_leftovers (const char *dest)
{
  g_autofree char *dir_path = g_path_get_dirname (dest);
  g_autofree char *prefix = g_strconcat (strrchr (dest, '/') + 1, ".part-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (found, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (found, (GCompareFunc)g_strcmp0);
  return found;
}

static const char *
template_path (RsFaultStart start)
{
  static char *paths[RS_FAULT_START_CASE + 1];
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;

  g_assert (start != RS_FAULT_START_NOTHING);
  /* Each test has its own isolated data dir: made again in each. */
  g_free (paths[start]);
  paths[start] = rs_test_temp_path (start == RS_FAULT_START_EMPTY ? "template-empty.redstring"
                                                                  : "template-case.redstring");
  if (g_file_test (paths[start], G_FILE_TEST_EXISTS))
    return paths[start];

  rs_fault_vfs_reset ();
  remove_case_files (paths[start]);
  store = rs_case_store_open (paths[start], RS_CASE_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (start == RS_FAULT_START_CASE)
    {
      bundle = bundle_path ();
      rs_bundle_import_file (store, bundle, &error);
      g_assert_no_error (error);
      set_board_layout (store, 0.0, &error);
      g_assert_no_error (error);
    }
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Closed cleanly: the whole case is in the main file, no -wal beside it. */
  {
    g_autofree char *wal = g_strconcat (paths[start], "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  return paths[start];
}

void
rs_fault_case_init (RsFaultCase *fc)
{
  rs_test_init_resources ();
  rs_fault_vfs_install ();
  fc->path = rs_test_temp_path ("fault.redstring");
  fc->dest = rs_test_temp_path ("saved-as.redstring");
  fc->store = NULL;
}

void
rs_fault_case_clear (RsFaultCase *fc)
{
  rs_fault_case_close (fc);
  g_clear_pointer (&fc->path, g_free);
  g_clear_pointer (&fc->dest, g_free);
}

void
rs_fault_case_close (RsFaultCase *fc)
{
  if (fc->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&fc->store));
}

/* A fresh copy of the starting case, open, and the fault VFS disarmed. */
void
rs_fault_case_prepare (RsFaultCase  *fc,
                       RsFaultStart  start)
{
  g_autoptr(GPtrArray) leftovers = list_leftovers (fc->dest);
  g_autoptr(GError) error = NULL;

  rs_fault_case_close (fc);
  remove_case_files (fc->path);
  remove_case_files (fc->dest);
  for (guint i = 0; i < leftovers->len; i++)
    remove_case_files (g_ptr_array_index (leftovers, i));

  if (start != RS_FAULT_START_NOTHING)
    {
      g_autoptr(GFile) from = g_file_new_for_path (template_path (start));
      g_autoptr(GFile) to = g_file_new_for_path (fc->path);

      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  /* Files replaced behind SQLite's back: forget what the VFS knew of them. */
  rs_fault_vfs_reset ();

  if (start != RS_FAULT_START_NOTHING)
    {
      fc->store = rs_case_store_open (fc->path, RS_CASE_STORE_OPEN_NONE, &error);
      g_assert_no_error (error);
    }
}

RsCaseStore *
rs_fault_case_reopen (RsFaultCase  *fc,
                      gboolean      create,
                      GError      **error)
{
  g_assert_null (fc->store);
  fc->store = rs_case_store_open (fc->path,
                                  create ? RS_CASE_STORE_OPEN_CREATE : RS_CASE_STORE_OPEN_NONE,
                                  error);
  return fc->store;
}

/* The write after an op, in the durability check: the power goes at its first write. */
gboolean
rs_fault_case_follow_up (RsFaultCase  *fc,
                         GError      **error)
{
  return rs_case_store_set_info (fc->store, "Written after the op", "", error);
}

/* Canonical dumps */

/* A connection that changes nothing on disk: read-only, and no checkpoint when it
 * closes. (SQLite's connections in one process share their locks, so this may be
 * opened while the store has the file open.) */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("could not open “%s”: %s", path, sqlite3_errmsg (db));
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  return db;
}

static void
append_value (GString      *out,
              sqlite3_stmt *stmt,
              int           column)
{
  const char *text;

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;

    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, column));
      break;

    case SQLITE_FLOAT:
      g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, column));
      break;

    case SQLITE_TEXT:
      text = (const char *)sqlite3_column_text (stmt, column);
      if (g_regex_match (volatile_value_regex (), text, 0, NULL))
        g_string_append (out, "'*'");
      else
        {
          g_autofree char *escaped = g_strescape (text, NULL);

          g_string_append_printf (out, "'%s'", escaped);
        }
      break;

    case SQLITE_BLOB:
    default:
      {
        const guint8 *data = sqlite3_column_blob (stmt, column);
        int size = sqlite3_column_bytes (stmt, column);

        g_string_append (out, "X'");
        for (int i = 0; i < size; i++)
          g_string_append_printf (out, "%02x", data[i]);
        g_string_append (out, "'");
      }
      break;
    }
}

static void
append_query (GString    *out,
              sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append (out, "|");
          append_value (out, stmt, i);
        }
      g_string_append (out, "\n");
    }
  if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
}

/* integrity_check says ok and foreign_key_check finds nothing. */
static void
assert_whole (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Checks that the file is whole, then dumps every table of the schema, every row,
 * ordered by all its columns (its primary key comes first in each of ours), as text.
 * A missing file, or a database with nothing in it yet, dumps as "": no case. */
static char *
dump_file (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_strdup ("");

  db = open_raw (path);
  assert_whole (db);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);

  if (tables->len > 0)
    {
      g_string_append (out, "# pragmas\n");
      append_query (out, db, "SELECT * FROM pragma_user_version, pragma_application_id");
      g_string_append (out, "# schema\n");
      append_query (out, db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY 1, 2");
    }

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autoptr(GString) sql = g_string_new (probe);
      int n_columns;

      g_assert_cmpint (sqlite3_prepare_v2 (db, probe, -1, &stmt, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (stmt);
      sqlite3_finalize (stmt);

      g_string_append (sql, " ORDER BY 1");
      for (int c = 2; c <= n_columns; c++)
        g_string_append_printf (sql, ", %d", c);

      g_string_append_printf (out, "# table %s\n", table);
      append_query (out, db, sql->str);
    }

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The case file, and the file Save As writes, as one text, once both have passed
 * integrity_check and foreign_key_check. WITH_LEFTOVERS also lists temporary files
 * Save As left beside it (after a power cut some are expected). */
char *
rs_fault_case_dump (RsFaultCase *fc,
                    gboolean     with_leftovers)
{
  g_autofree char *main_dump = dump_file (fc->path);
  g_autofree char *dest_dump = dump_file (fc->dest);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "## case\n%s## saved as\n%s", main_dump, dest_dump);
  if (with_leftovers)
    {
      g_autoptr(GPtrArray) leftovers = list_leftovers (fc->dest);

      for (guint i = 0; i < leftovers->len; i++)
        g_string_append_printf (out, "## left behind: %s\n",
                                (const char *)g_ptr_array_index (leftovers, i));
    }
  return g_string_free (out, FALSE);
}

/* What the open store shows (its model, as a bundle), masked like the dumps; NULL
 * when no store is open. */
char *
rs_fault_case_dump_model (RsFaultCase *fc)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (fc->store == NULL)
    return NULL;
  bytes = rs_bundle_export (rs_case_store_get_case (fc->store), &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_regex_replace_literal (volatile_json_regex (), text, -1, 0, "\"*\"", 0, NULL);
}

/* States */

/* The first line where two dumps differ, for a failure message. */
static char *
first_difference (const char *a,
                  const char *b)
{
  g_auto(GStrv) la = g_strsplit (a ? a : "", "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b ? b : "", "\n", -1);
  guint i;

  for (i = 0; la[i] != NULL && lb[i] != NULL; i++)
    if (g_strcmp0 (la[i], lb[i]) != 0)
      break;
  return g_strdup_printf ("line %u: “%.200s” / “%.200s”", i + 1, la[i] ? la[i] : "(end)",
                          lb[i] ? lb[i] : "(end)");
}

/**
 * rs_fault_state_is_after:
 * @what: what is being checked, for the failure message
 *
 * A state must be the one before the op or the one after it: which one. Anything
 * else fails the test, saying where it differs from each.
 */
gboolean
rs_fault_state_is_after (const char *what,
                         const char *state,
                         const char *before,
                         const char *after)
{
  g_autofree char *diff_before = NULL;
  g_autofree char *diff_after = NULL;

  if (g_strcmp0 (state, after) == 0)
    return TRUE;
  if (g_strcmp0 (state, before) == 0)
    return FALSE;

  diff_before = first_difference (state, before);
  diff_after = first_difference (state, after);
  g_error ("%s: the case holds neither the state before the op (%s) nor after it (%s)", what,
           diff_before, diff_after);
}

/* Past this many, the fault points are sampled: each run costs a fresh copy and two
 * opens of the case, and an op with a large K (a bundle import) writes the same kind
 * of page again and again. */
#ifdef __SANITIZE_ADDRESS__
/* Under the sanitizers (make asan) each fault costs ten times more: a sample of the
 * points is enough to look for memory errors on the failure paths; the plain build
 * (make test) injects at all of them. */
#define MAX_EVERY_POINT 3
#define N_SPREAD_POINTS 2
#else
#define MAX_EVERY_POINT 60
#define N_SPREAD_POINTS 20
#endif

/**
 * rs_fault_points:
 * @k: the op's writes + syncs + truncates
 *
 * Returns: every N in 1..min(K, 60), then 20 more spread evenly up to K (K itself
 *   included): where to inject a fault.
 */
GArray *
rs_fault_points (guint k)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint n = 1; n <= MIN (k, MAX_EVERY_POINT); n++)
    g_array_append_val (points, n);
  if (k > MAX_EVERY_POINT)
    {
      guint step = MAX (1, (k - MAX_EVERY_POINT) / N_SPREAD_POINTS);

      for (guint n = MAX_EVERY_POINT + step; n < k; n += step)
        g_array_append_val (points, n);
      g_array_append_val (points, k);
    }
  return points;
}

/* A failed write tells the user what went wrong, and with which file: RS_ERROR_STORAGE,
 * the file named as the messages name things (“case.redstring”), and the disk. */
void
rs_fault_assert_write_error (const GError    *error,
                             RsFaultCase     *fc,
                             const RsFaultOp *op)
{
  g_autofree char *base = g_path_get_basename (g_str_equal (op->name, "save-as") ? fc->dest
                                                                                : fc->path);
  g_autofree char *name = g_strdup_printf ("“%s”", base);

  g_assert_nonnull (error);
  if (error->domain != RS_ERROR || error->code != RS_ERROR_STORAGE ||
      strstr (error->message, name) == NULL || strstr (error->message, "disk") == NULL)
    g_error ("%s: unclear error (%s %d): %s", op->name, g_quark_to_string (error->domain),
             error->code, error->message);
}
