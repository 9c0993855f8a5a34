/* test-quotes-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-panel-test-utils.h"
#include "rs-quotes-panel.h"

typedef struct
{
  RsCaseStore   *store;
  RsSelection   *selection;
  RsQuotesPanel *panel;
  GtkWindow     *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("quotes.redstring");
  fixture->selection = rs_selection_new ();
  fixture->panel = g_object_ref_sink (RS_QUOTES_PANEL (rs_quotes_panel_new ()));
  rs_panel_set_store (RS_PANEL (fixture->panel), fixture->store);
  rs_panel_set_selection (RS_PANEL (fixture->panel), fixture->selection);
  fixture->window = rs_panel_test_present (GTK_WIDGET (fixture->panel), 380, 760);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->panel);
  g_assert_finalize_object (fixture->selection);
  g_assert_finalize_object (fixture->store);
}

static RsCase *
fixture_case (Fixture *fixture)
{
  return rs_case_store_get_case (fixture->store);
}

/* The quote ids linked to a target, with the stance asked for (or any, if -1). */
static GHashTable *
evidence_quote_ids (RsCase   *kase,
                    RsTarget  target,
                    gint64    id,
                    int       stance)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, target, id);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < evidence->len; i++)
    {
      RsEvidence *link = g_ptr_array_index (evidence, i);
      gint64 quote_id = rs_evidence_get_quote_id (link);

      if (stance < 0 || (int)rs_evidence_get_stance (link) == stance)
        g_hash_table_add (ids, g_memdup2 (&quote_id, sizeof quote_id));
    }
  return ids;
}

/* Every listed quote once, exactly the expected set, and each document's quotes in
 * one run (grouped by document). Returns the number of distinct documents. */
static guint
assert_listed_quotes (RsQuotesPanel *panel,
                      GHashTable    *expected)
{
  GListModel *quotes = rs_quotes_panel_get_quotes (panel);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) documents = NULL;
  gint64 current_document = -1;
  guint n = g_list_model_get_n_items (quotes);

  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_assert_cmpuint (n, ==, g_hash_table_size (expected));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsQuote) quote = g_list_model_get_item (quotes, i);
      gint64 id, document_id;

      g_assert_true (RS_IS_QUOTE (quote));
      id = rs_quote_get_id (quote);
      document_id = rs_quote_get_document_id (quote);

      g_assert_true (g_hash_table_contains (expected, &id));
      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));

      if (document_id != current_document)
        {
          /* A document seen before must not come back: one run per document. */
          g_assert_false (g_hash_table_contains (documents, &document_id));
          g_hash_table_add (documents, g_memdup2 (&document_id, sizeof document_id));
          current_document = document_id;
        }
    }
  return g_hash_table_size (documents);
}

static void
test_new_destroy (void)
{
  GtkWidget *panel = g_object_ref_sink (rs_quotes_panel_new ());

  g_assert_cmpuint (g_list_model_get_n_items (rs_quotes_panel_get_quotes (RS_QUOTES_PANEL (panel))),
                    ==, 0);
  g_assert_false (rs_quotes_panel_get_has_selection (RS_QUOTES_PANEL (panel)));
  g_assert_finalize_object (panel);
}

static void
test_empty_selection (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *stack = rs_panel_test_template_child (fixture->panel, RS_TYPE_QUOTES_PANEL, "stack");
  GtkWidget *status_page;

  g_assert_cmpuint (g_list_model_get_n_items (rs_quotes_panel_get_quotes (fixture->panel)), ==, 0);
  g_assert_false (rs_quotes_panel_get_has_selection (fixture->panel));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel),
                                              "Select something on the board "
                                              "to see the quotes behind it"));
  /* The shipped quotation mark (from the resources), not a letter “A”. */
  status_page = gtk_stack_get_visible_child (GTK_STACK (stack));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (status_page)), ==,
                   "rs-quote-symbolic");
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          "rs-quote-symbolic"));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "quotes-panel-empty");
}

static void
test_entity (Fixture       *fixture,
             gconstpointer  user_data)
{
  RsCase *kase = fixture_case (fixture);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  g_autoptr(GHashTable) expected = NULL;
  GtkWidget *stack = rs_panel_test_template_child (fixture->panel, RS_TYPE_QUOTES_PANEL, "stack");
  guint n_documents;

  g_assert_nonnull (tick);
  expected = evidence_quote_ids (kase, RS_TARGET_ENTITY, rs_entity_get_id (tick), -1);
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);

  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));

  n_documents = assert_listed_quotes (fixture->panel, expected);
  g_assert_cmpuint (rs_quotes_panel_get_n_quotes (fixture->panel), ==,
                    g_hash_table_size (expected));
  g_assert_cmpuint (rs_quotes_panel_get_n_documents (fixture->panel), ==, n_documents);
  g_assert_true (rs_quotes_panel_get_has_selection (fixture->panel));
  g_assert_cmpstr (rs_quotes_panel_get_heading (fixture->panel), ==, "Tick — threat group");
  g_assert_null (rs_quotes_panel_get_status (fixture->panel));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "quotes-panel-entity");

  /* Clearing the selection empties the list again. */
  rs_selection_clear (fixture->selection);
  g_assert_cmpuint (g_list_model_get_n_items (rs_quotes_panel_get_quotes (fixture->panel)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
}

/* A relation some quote contradicts: all its quotes, the contradicting ones shown. */
static void
test_relation_with_contradiction (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  RsCase *kase = fixture_case (fixture);
  GListModel *relations = rs_case_get_relations (kase);
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) contradicting = NULL;
  gint64 relation_id = -1;
  RsRelation *chosen;
  const char *status;

  for (guint i = 0; relation_id < 0 && i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);
      g_autoptr(GHashTable) ids = evidence_quote_ids (kase, RS_TARGET_RELATION,
                                                      rs_relation_get_id (relation),
                                                      RS_STANCE_CONTRADICTS);

      if (g_hash_table_size (ids) > 0)
        relation_id = rs_relation_get_id (relation);
    }
  g_assert_cmpint (relation_id, >, 0);

  expected = evidence_quote_ids (kase, RS_TARGET_RELATION, relation_id, -1);
  contradicting = evidence_quote_ids (kase, RS_TARGET_RELATION, relation_id, RS_STANCE_CONTRADICTS);

  rs_selection_select (fixture->selection, RS_TARGET_RELATION, relation_id);
  assert_listed_quotes (fixture->panel, expected);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel), "Contradicts"));
  g_test_message ("relation heading: %s", rs_quotes_panel_get_heading (fixture->panel));

  /* The header says how sure the relation is, and follows a change of status. */
  chosen = rs_case_lookup_relation (kase, relation_id);
  status = rs_relation_status_to_display (rs_relation_get_status (chosen));
  g_assert_cmpstr (rs_quotes_panel_get_status (fixture->panel), ==, status);
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel), status));
  for (RsRelationStatus s = RS_RELATION_STATUS_ALLEGED; s <= RS_RELATION_STATUS_REFUTED; s++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rs_case_store_set_relation_status (fixture->store, relation_id, s, &error));
      g_assert_no_error (error);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
      g_assert_cmpstr (rs_quotes_panel_get_status (fixture->panel), ==,
                       rs_relation_status_to_display (s));
      g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel),
                                                  rs_relation_status_to_display (s)));
    }
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "quotes-panel-relation");
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "quotes-panel-relation");
}

/* With an event as the primary item (as the timeline selects), only its quotes. */
static void
test_event_primary (Fixture       *fixture,
                    gconstpointer  user_data)
{
  RsCase *kase = fixture_case (fixture);
  GListModel *events = rs_case_get_events (kase);
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(RsEvent) event = NULL;
  const gint64 *ids;
  guint n_ids;

  for (guint i = 0; event == NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(RsEvent) candidate = g_list_model_get_item (events, i);
      g_autoptr(GHashTable) ids_of = evidence_quote_ids (kase, RS_TARGET_EVENT,
                                                         rs_event_get_id (candidate), -1);

      if (g_hash_table_size (ids_of) > 0)
        event = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (event);
  expected = evidence_quote_ids (kase, RS_TARGET_EVENT, rs_event_get_id (event), -1);

  rs_selection_select (fixture->selection, RS_TARGET_EVENT, rs_event_get_id (event));
  ids = rs_event_get_entity_ids (event, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    rs_selection_add (fixture->selection, RS_TARGET_ENTITY, ids[i]);

  assert_listed_quotes (fixture->panel, expected);
  g_assert_cmpstr (rs_quotes_panel_get_heading (fixture->panel), ==, rs_event_get_title (event));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* RsPanel's properties notify once per real change. */
static void
test_panel_notify (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("notify.redstring");
  g_autoptr(RsSelection) selection = rs_selection_new ();
  GtkWidget *panel = g_object_ref_sink (rs_quotes_panel_new ());
  guint store_notifies = 0, selection_notifies = 0;

  g_signal_connect (panel, "notify::store", G_CALLBACK (count_notify), &store_notifies);
  g_signal_connect (panel, "notify::selection", G_CALLBACK (count_notify), &selection_notifies);

  rs_panel_set_store (RS_PANEL (panel), store);
  rs_panel_set_store (RS_PANEL (panel), store);
  g_assert_cmpuint (store_notifies, ==, 1);
  g_object_set (panel, "selection", selection, NULL);
  g_object_set (panel, "selection", selection, NULL);
  g_assert_cmpuint (selection_notifies, ==, 1);
  g_assert_true (rs_panel_get_store (RS_PANEL (panel)) == store);
  g_assert_true (rs_panel_get_selection (RS_PANEL (panel)) == selection);

  rs_panel_set_store (RS_PANEL (panel), NULL);
  rs_panel_set_selection (RS_PANEL (panel), NULL);
  g_assert_cmpuint (store_notifies, ==, 2);
  g_assert_cmpuint (selection_notifies, ==, 2);

  g_assert_finalize_object (panel);
}

static void
on_reveal_quote_cb (RsQuotesPanel *panel,
                    gint64         quote_id,
                    gint64        *out)
{
  *out = quote_id;
}

/* Activating a row (click or Enter) reveals its quote; document headings do not. */
static void
test_activate_reveals (Fixture       *fixture,
                       gconstpointer  user_data)
{
  RsEntity *tick = rs_case_lookup_entity_by_name (fixture_case (fixture), "Tick");
  GtkWidget *list_view = rs_panel_test_template_child (fixture->panel, RS_TYPE_QUOTES_PANEL,
                                                       "list_view");
  g_autoptr(RsQuote) first = NULL;
  gint64 revealed = 0;

  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  first = g_list_model_get_item (rs_quotes_panel_get_quotes (fixture->panel), 0);
  g_signal_connect (fixture->panel, "reveal-quote", G_CALLBACK (on_reveal_quote_cb), &revealed);

  /* Row 0 is the first document's heading, row 1 its first quote; only quotes are
   * activatable rows. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  {
    GtkWidget *row0 = gtk_widget_get_first_child (list_view);
    GtkWidget *row1 = gtk_widget_get_next_sibling (row0);

    g_assert_false (gtk_widget_has_css_class (row0, "activatable"));
    g_assert_true (gtk_widget_has_css_class (row1, "activatable"));
  }
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpint (revealed, ==, 0);
  g_signal_emit_by_name (list_view, "activate", 1);
  g_assert_cmpint (revealed, ==, rs_quote_get_id (first));
}

/* The panel follows the case: a new quote for the selected thing appears. */
static void
test_follows_case (Fixture       *fixture,
                   gconstpointer  user_data)
{
  RsCase *kase = fixture_case (fixture);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  g_autoptr(RsDocument) document = g_list_model_get_item (rs_case_get_documents (kase), 0);
  g_autoptr(RsQuote) draft = rs_quote_new (0);
  g_autoptr(RsEvidence) link = rs_evidence_new (0);
  g_autoptr(GError) error = NULL;
  RsQuote *quote;
  guint before;

  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  before = rs_quotes_panel_get_n_quotes (fixture->panel);

  rs_quote_set_document_id (draft, rs_document_get_id (document));
  rs_quote_set_start (draft, 0);
  rs_quote_set_end (draft, 7);
  rs_quote_set_text (draft, "Chinese");
  quote = rs_case_store_add_quote (fixture->store, draft, &error);
  g_assert_no_error (error);
  rs_evidence_set_quote_id (link, rs_quote_get_id (quote));
  rs_evidence_set_target (link, RS_TARGET_ENTITY);
  rs_evidence_set_target_id (link, rs_entity_get_id (tick));
  rs_evidence_set_stance (link, RS_STANCE_CONTRADICTS);
  g_assert_nonnull (rs_case_store_add_evidence (fixture->store, link, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rs_quotes_panel_get_n_quotes (fixture->panel), ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  rs_panel_test_init (&argc, &argv);

  g_test_add_func ("/quotes-panel/new-destroy", test_new_destroy);
  g_test_add_func ("/quotes-panel/panel-notify", test_panel_notify);
  g_test_add ("/quotes-panel/event-primary", Fixture, NULL,
              fixture_set_up, test_event_primary, fixture_tear_down);
  g_test_add ("/quotes-panel/empty-selection", Fixture, NULL,
              fixture_set_up, test_empty_selection, fixture_tear_down);
  g_test_add ("/quotes-panel/entity", Fixture, NULL,
              fixture_set_up, test_entity, fixture_tear_down);
  g_test_add ("/quotes-panel/relation-with-contradiction", Fixture, NULL,
              fixture_set_up, test_relation_with_contradiction, fixture_tear_down);
  g_test_add ("/quotes-panel/activate-reveals", Fixture, NULL,
              fixture_set_up, test_activate_reveals, fixture_tear_down);
  g_test_add ("/quotes-panel/follows-case", Fixture, NULL,
              fixture_set_up, test_follows_case, fixture_tear_down);

  return g_test_run ();
}
