/* test-timeline-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rs-panel-test-utils.h"
#include "rs-text.h"
#include "rs-timeline-panel.h"

typedef struct
{
  RsCaseStore     *store;
  RsSelection     *selection;
  RsTimelinePanel *panel;
  GtkWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("timeline.redstring");
  fixture->selection = rs_selection_new ();
  fixture->panel = g_object_ref_sink (RS_TIMELINE_PANEL (rs_timeline_panel_new ()));
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

static void
count_changed (RsSelection *selection,
               guint       *count)
{
  (*count)++;
}

static void
test_new_destroy (void)
{
  GtkWidget *panel = g_object_ref_sink (rs_timeline_panel_new ());

  g_assert_cmpuint (rs_timeline_panel_get_n_events (RS_TIMELINE_PANEL (panel)), ==, 0);
  g_assert_null (rs_timeline_panel_get_events (RS_TIMELINE_PANEL (panel)));
  g_assert_finalize_object (panel);
}

/* Rows follow rs_fuzzy_date_compare, and the first is the "at least 2009" event. */
static void
test_sorted_by_date (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GListModel *sorted = rs_timeline_panel_get_sorted_events (fixture->panel);
  guint n = g_list_model_get_n_items (sorted);
  g_autoptr(RsEvent) first = NULL;
  g_autofree char *first_date = NULL;

  g_assert_cmpuint (n, ==, 13);
  g_assert_cmpuint (rs_timeline_panel_get_n_events (fixture->panel), ==, 13);

  first = g_list_model_get_item (sorted, 0);
  first_date = rs_fuzzy_date_format (rs_event_get_date (first));
  g_assert_cmpstr (first_date, ==, "at least 2009");
  g_assert_nonnull (rs_panel_test_find_label (GTK_WIDGET (fixture->panel), "at least 2009"));

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(RsEvent) a = g_list_model_get_item (sorted, i - 1);
      g_autoptr(RsEvent) b = g_list_model_get_item (sorted, i);

      g_assert_cmpint (rs_fuzzy_date_compare (rs_event_get_date (a), rs_event_get_date (b)), <=, 0);
    }
}

/* Choosing a row selects the event (primary) and exactly its entities. */
static void
test_select_event (Fixture       *fixture,
                   gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  GListModel *sorted = rs_timeline_panel_get_sorted_events (fixture->panel);
  g_autoptr(RsEvent) event = g_list_model_get_item (sorted, 2);
  GtkSingleSelection *rows = rs_panel_test_template_child (fixture->panel, RS_TYPE_TIMELINE_PANEL,
                                                           "row_selection");
  const gint64 *ids;
  guint n_ids, changes = 0;
  RsTarget target;
  gint64 id;

  g_signal_connect (fixture->selection, "changed", G_CALLBACK (count_changed), &changes);

  g_assert_true (rs_timeline_panel_select_event (fixture->panel, rs_event_get_id (event)));

  ids = rs_event_get_entity_ids (event, &n_ids);
  g_assert_cmpuint (n_ids, >, 0);
  g_assert_cmpuint (rs_selection_get_n_items (fixture->selection), ==, n_ids + 1);
  g_assert_true (rs_selection_get_primary (fixture->selection, &target, &id));
  g_assert_cmpint (target, ==, RS_TARGET_EVENT);
  g_assert_cmpint (id, ==, rs_event_get_id (event));
  for (guint i = 0; i < n_ids; i++)
    {
      g_assert_nonnull (rs_case_lookup_entity (kase, ids[i]));
      g_assert_true (rs_selection_contains (fixture->selection, RS_TARGET_ENTITY, ids[i]));
    }
  g_assert_cmpuint (gtk_single_selection_get_selected (rows), ==, 2);
  g_test_message ("selection changed %u times for %u items", changes, n_ids + 1);

  /* Every event sharing an entity is highlighted. */
  g_assert_cmpuint (rs_timeline_panel_get_n_involved (fixture->panel), >=, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "timeline-panel");

  /* The same event again changes nothing. */
  changes = 0;
  g_assert_true (rs_timeline_panel_select_event (fixture->panel, rs_event_get_id (event)));
  g_assert_cmpuint (changes, ==, 0);
}

/* The shared selection drives the row: an entity as primary item chooses no row. */
static void
test_follows_selection (Fixture       *fixture,
                        gconstpointer  user_data)
{
  RsCase *kase = rs_case_store_get_case (fixture->store);
  RsEntity *tick = rs_case_lookup_entity_by_name (kase, "Tick");
  g_autoptr(GPtrArray) tick_events = rs_case_dup_events_of (kase, rs_entity_get_id (tick));
  GtkSingleSelection *rows = rs_panel_test_template_child (fixture->panel, RS_TYPE_TIMELINE_PANEL,
                                                           "row_selection");
  GListModel *sorted = rs_timeline_panel_get_sorted_events (fixture->panel);
  g_autoptr(RsEvent) last = g_list_model_get_item (sorted, g_list_model_get_n_items (sorted) - 1);

  rs_selection_select (fixture->selection, RS_TARGET_ENTITY, rs_entity_get_id (tick));
  g_assert_cmpuint (rs_timeline_panel_get_n_involved (fixture->panel), ==, tick_events->len);
  g_assert_cmpuint (gtk_single_selection_get_selected (rows), ==, GTK_INVALID_LIST_POSITION);

  rs_selection_select (fixture->selection, RS_TARGET_EVENT, rs_event_get_id (last));
  g_assert_cmpuint (gtk_single_selection_get_selected (rows), ==,
                    g_list_model_get_n_items (sorted) - 1);
  /* Showing the row did not rewrite the selection (no entities were added). */
  g_assert_cmpuint (rs_selection_get_n_items (fixture->selection), ==, 1);

  rs_selection_clear (fixture->selection);
  g_assert_cmpuint (rs_timeline_panel_get_n_involved (fixture->panel), ==, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (rows), ==, GTK_INVALID_LIST_POSITION);
}

/* Enter (list view activation) on a row selects its event. */
static void
test_activate_row (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *list_view = rs_panel_test_template_child (fixture->panel, RS_TYPE_TIMELINE_PANEL,
                                                       "list_view");
  GListModel *sorted = rs_timeline_panel_get_sorted_events (fixture->panel);
  g_autoptr(RsEvent) event = g_list_model_get_item (sorted, 0);
  RsTarget target;
  gint64 id;

  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_true (rs_selection_get_primary (fixture->selection, &target, &id));
  g_assert_cmpint (target, ==, RS_TARGET_EVENT);
  g_assert_cmpint (id, ==, rs_event_get_id (event));
}

/* A case from a colleague: an event titled with 30,000 characters of hostile text,
 * involving an entity named with as many, is in the case before the panel shows it. */
static void
long_title_set_up (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *hostile = rs_panel_test_dup_hostile_text (30000);
  g_autoptr(RsEvent) draft = rs_event_new (0);
  g_autoptr(RsFuzzyDate) date = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("long-title.redstring");
  RsEntity *entity = rs_test_add_entity (store, RS_ENTITY_KIND_ORGANIZATION, hostile);
  gint64 entity_id = rs_entity_get_id (entity);

  /* The earliest event: the first row, in view. */
  date = rs_fuzzy_date_parse ("1990", NULL, RS_DATE_PRECISION_YEAR, RS_DATE_QUALIFIER_NONE,
                              &error);
  g_assert_no_error (error);
  rs_event_set_title (draft, hostile);
  rs_event_set_date (draft, date);
  rs_event_set_entity_ids (draft, &entity_id, 1);
  g_assert_nonnull (rs_case_store_add_event (store, draft, &error));
  g_assert_no_error (error);

  fixture->store = g_steal_pointer (&store);
  fixture->selection = rs_selection_new ();
  fixture->panel = g_object_ref_sink (RS_TIMELINE_PANEL (rs_timeline_panel_new ()));
  rs_panel_set_store (RS_PANEL (fixture->panel), fixture->store);
  rs_panel_set_selection (RS_PANEL (fixture->panel), fixture->selection);
  fixture->window = rs_panel_test_present (GTK_WIDGET (fixture->panel), 380, 760);
}

/* Issue item 11: the hostile event shows as a row of bounded, ellipsized labels that draws. */
static void
test_long_title (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GListModel *sorted = rs_timeline_panel_get_sorted_events (fixture->panel);
  g_autoptr(RsEvent) event = g_list_model_get_item (sorted, 0);
  GtkWidget *title_label, *entities_label;
  const char *text;

  g_assert_cmpuint (strlen (rs_event_get_title (event)), >=, 30000);
  g_assert_true (rs_timeline_panel_select_event (fixture->panel, rs_event_get_id (event)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  title_label = rs_panel_test_find_label_prefix (GTK_WIDGET (fixture->panel),
                                                 "Ministry of State Security <b>&amp;</b>");
  g_assert_nonnull (title_label);
  text = gtk_label_get_label (GTK_LABEL (title_label));
  g_assert_cmpint (g_utf8_strlen (text, -1), <=, RS_TEXT_ROW_MAX_CHARS);
  g_assert_null (strchr (text, '\n'));
  g_assert_true (g_str_has_suffix (text, "…"));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (title_label)), ==, PANGO_ELLIPSIZE_END);
  g_assert_cmpint (gtk_label_get_lines (GTK_LABEL (title_label)), >, 0);

  /* The entities line names the same entity, bounded too. */
  entities_label = gtk_widget_get_next_sibling (title_label);
  g_assert_true (GTK_IS_LABEL (entities_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (entities_label)), "Ministry"));

  /* Every label of the panel is bounded, and the row keeps a sane height. */
  g_assert_cmpuint (rs_panel_test_assert_labels_at_most (GTK_WIDGET (fixture->panel),
                                                         RS_TEXT_ROW_MAX_CHARS), >, 10);
  g_assert_cmpint (gtk_widget_get_height (title_label), <, 200);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->panel));
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->panel), "timeline-panel-long-labels");
}

int
main (int   argc,
      char *argv[])
{
  rs_panel_test_init (&argc, &argv);

  g_test_add_func ("/timeline-panel/new-destroy", test_new_destroy);
  g_test_add ("/timeline-panel/sorted-by-date", Fixture, NULL,
              fixture_set_up, test_sorted_by_date, fixture_tear_down);
  g_test_add ("/timeline-panel/select-event", Fixture, NULL,
              fixture_set_up, test_select_event, fixture_tear_down);
  g_test_add ("/timeline-panel/follows-selection", Fixture, NULL,
              fixture_set_up, test_follows_selection, fixture_tear_down);
  g_test_add ("/timeline-panel/activate-row", Fixture, NULL,
              fixture_set_up, test_activate_row, fixture_tear_down);
  g_test_add ("/timeline-panel/long-title", Fixture, NULL,
              long_title_set_up, test_long_title, fixture_tear_down);

  return g_test_run ();
}
