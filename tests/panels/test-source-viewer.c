/* test-source-viewer.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "rs-panel-test-utils.h"
#include "rs-source-viewer.h"

typedef struct
{
  RsCaseStore    *store;
  RsSelection    *selection;
  RsSourceViewer *viewer;
  GtkWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("viewer.redstring");
  fixture->selection = rs_selection_new ();
  fixture->viewer = g_object_ref_sink (RS_SOURCE_VIEWER (rs_source_viewer_new ()));
  rs_panel_set_store (RS_PANEL (fixture->viewer), fixture->store);
  rs_panel_set_selection (RS_PANEL (fixture->viewer), fixture->selection);
  fixture->window = rs_panel_test_present (GTK_WIDGET (fixture->viewer), 900, 420);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->viewer);
  g_assert_finalize_object (fixture->selection);
  g_assert_finalize_object (fixture->store);
}

static GtkTextBuffer *
viewer_buffer (Fixture *fixture)
{
  GtkTextView *view = rs_panel_test_template_child (fixture->viewer, RS_TYPE_SOURCE_VIEWER,
                                                    "text_view");

  return gtk_text_view_get_buffer (view);
}

static RsCase *
fixture_case (Fixture *fixture)
{
  return rs_case_store_get_case (fixture->store);
}

/* A quote some relation evidence links to, deep enough in its document to scroll. */
static RsQuote *
find_quote (RsCase   *kase,
            RsTarget  target,
            gint64    min_start)
{
  GListModel *evidence = rs_case_get_evidence (kase);

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(RsEvidence) link = g_list_model_get_item (evidence, i);
      RsQuote *quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (link));

      if (rs_evidence_get_target (link) == target && rs_quote_get_start (quote) >= min_start)
        return quote;
    }
  g_assert_not_reached ();
}

/* The text carrying TAG_NAME, from the first toggle on. */
static char *
dup_tagged_text (GtkTextBuffer *buffer,
                 const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter start, end;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&end, tag));
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_new_destroy (void)
{
  GtkWidget *viewer = g_object_ref_sink (rs_source_viewer_new ());

  g_assert_cmpint (rs_source_viewer_get_document_id (RS_SOURCE_VIEWER (viewer)), ==, 0);
  g_assert_false (rs_source_viewer_reveal_quote (RS_SOURCE_VIEWER (viewer), 1));
  g_assert_finalize_object (viewer);
}

static void
test_reveal_quote (Fixture       *fixture,
                   gconstpointer  user_data)
{
  RsCase *kase = fixture_case (fixture);
  RsQuote *quote = find_quote (kase, RS_TARGET_RELATION, 1500);
  GtkTextBuffer *buffer = viewer_buffer (fixture);
  g_autofree char *revealed = NULL;
  g_autofree char *span = NULL;
  GtkTextIter start, end;

  g_assert_true (rs_source_viewer_reveal_quote (fixture->viewer, rs_quote_get_id (quote)));
  g_assert_cmpint (rs_source_viewer_get_document_id (fixture->viewer), ==,
                   rs_quote_get_document_id (quote));
  g_assert_cmpint (rs_source_viewer_get_revealed_quote_id (fixture->viewer), ==,
                   rs_quote_get_id (quote));
  g_assert_true (rs_source_viewer_get_document (fixture->viewer) ==
                 rs_case_lookup_document (kase, rs_quote_get_document_id (quote)));

  /* The emphasised span is exactly the quote, by character offsets. */
  revealed = dup_tagged_text (buffer, "revealed");
  g_assert_cmpstr (revealed, ==, rs_quote_get_text (quote));

  gtk_text_buffer_get_iter_at_offset (buffer, &start, rs_quote_get_start (quote));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, rs_quote_get_end (quote));
  span = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (span, ==, rs_quote_get_text (quote));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  rs_panel_test_wait (100);
  rs_panel_test_save_screenshot (GTK_WIDGET (fixture->viewer), "source-viewer");
}

/* Every quote of the document is highlighted with its text. */
static void
test_all_quotes_highlighted (Fixture       *fixture,
                             gconstpointer  user_data)
{
  RsCase *kase = fixture_case (fixture);
  g_autoptr(RsDocument) document = g_list_model_get_item (rs_case_get_documents (kase), 0);
  g_autoptr(GPtrArray) quotes = rs_case_dup_quotes_of (kase, rs_document_get_id (document));
  GtkTextBuffer *buffer = viewer_buffer (fixture);
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);

  rs_source_viewer_set_document_id (fixture->viewer, rs_document_get_id (document));
  g_assert_cmpuint (quotes->len, >, 0);

  for (guint i = 0; i < quotes->len; i++)
    {
      RsQuote *quote = g_ptr_array_index (quotes, i);
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      gboolean tagged;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, rs_quote_get_start (quote));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, rs_quote_get_end (quote));
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_assert_cmpstr (text, ==, rs_quote_get_text (quote));

      tagged = gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (tags, "supports")) ||
               gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (tags, "contradicts")) ||
               gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (tags, "mentions"));
      g_assert_true (tagged);
      g_assert_cmpint (rs_source_viewer_get_quote_at_offset (fixture->viewer,
                                                              rs_quote_get_start (quote)), !=, 0);
    }
}

/* A click in a highlight selects what the quote is evidence for, and nothing else. */
static void
test_click_selects_targets (Fixture       *fixture,
                            gconstpointer  user_data)
{
  RsCase *kase = fixture_case (fixture);
  RsQuote *quote = find_quote (kase, RS_TARGET_RELATION, 0);
  GListModel *evidence = rs_case_get_evidence (kase);
  guint n_targets = 0;
  int middle = (rs_quote_get_start (quote) + rs_quote_get_end (quote)) / 2;
  gint64 under;
  RsTarget target;
  gint64 id;

  rs_source_viewer_reveal_quote (fixture->viewer, rs_quote_get_id (quote));

  /* Overlapping quotes: the click takes the shortest under the pointer. */
  under = rs_source_viewer_get_quote_at_offset (fixture->viewer, middle);
  g_assert_cmpint (under, !=, 0);
  quote = rs_case_lookup_quote (kase, under);

  g_assert_true (rs_source_viewer_select_at_offset (fixture->viewer, middle));

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(RsEvidence) link = g_list_model_get_item (evidence, i);

      if (rs_evidence_get_quote_id (link) != rs_quote_get_id (quote))
        continue;
      g_assert_true (rs_selection_contains (fixture->selection, rs_evidence_get_target (link),
                                            rs_evidence_get_target_id (link)));
      n_targets++;
    }
  g_assert_cmpuint (rs_selection_get_n_items (fixture->selection), ==, n_targets);
  g_assert_true (rs_selection_get_primary (fixture->selection, &target, &id));
  g_test_message ("primary after click: target %d id %" G_GINT64_FORMAT, target, id);

  /* Past the end of the text there is no quote. */
  rs_selection_clear (fixture->selection);
  g_assert_false (rs_source_viewer_select_at_offset (fixture->viewer, G_MAXINT));
  g_assert_cmpuint (rs_selection_get_n_items (fixture->selection), ==, 0);
}

/* Runs an xdotool command line, putting the pointer back where it was: the display
 * is shared with the other UI tests, which must not find it somewhere new. */
static void
run_xdotool (const char *xdotool,
             const char *args)
{
  g_autofree char *location = NULL;
  g_autofree char *command = NULL;
  g_autofree char *restore = NULL;
  g_autoptr(GError) error = NULL;
  int x = 0, y = 0, status = -1;

  command = g_strdup_printf ("%s getmouselocation", xdotool);
  g_assert_true (g_spawn_command_line_sync (command, &location, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sscanf (location, "x:%d y:%d", &x, &y), ==, 2);
  g_clear_pointer (&command, g_free);

  command = g_strdup_printf ("%s %s", xdotool, args);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  rs_panel_test_wait (300);

  restore = g_strdup_printf ("%s mousemove %d %d", xdotool, x, y);
  g_assert_true (g_spawn_command_line_sync (restore, NULL, NULL, &status, &error));
  g_assert_no_error (error);
}

/* A real pointer click (xdotool under Xvfb) goes through the viewer's gesture. */
static void
test_real_click (Fixture       *fixture,
                 gconstpointer  user_data)
{
  RsCase *kase = fixture_case (fixture);
  RsQuote *quote = find_quote (kase, RS_TARGET_ENTITY, 200);
  GtkTextView *view = rs_panel_test_template_child (fixture->viewer, RS_TYPE_SOURCE_VIEWER,
                                                    "text_view");
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *args = NULL;
  graphene_point_t point;
  GdkRectangle location;
  GtkTextIter iter;
  double dx, dy;
  int wx, wy;

  if (xdotool == NULL ||
      !g_str_equal (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "GdkX11Display"))
    {
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  gtk_window_set_title (fixture->window, "rs-test-real-click");
  rs_source_viewer_reveal_quote (fixture->viewer, rs_quote_get_id (quote));
  rs_panel_test_wait (200);

  /* The middle of the quote's first character, in window coordinates. */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter,
                                      rs_quote_get_start (quote) + 1);
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + location.width / 2,
                                         location.y + location.height / 2, &wx, &wy);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (wx, wy), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &dx, &dy);

  args = g_strdup_printf ("search --sync --name rs-test-real-click "
                          "mousemove --window %%1 %d %d click 1",
                          (int)(point.x + dx), (int)(point.y + dy));
  run_xdotool (xdotool, args);

  g_assert_cmpuint (rs_selection_get_n_items (fixture->selection), >, 0);
  g_assert_true (rs_selection_get_primary (fixture->selection, NULL, NULL));
  g_assert_cmpint (rs_source_viewer_get_quote_at_offset (fixture->viewer,
                                                          rs_quote_get_start (quote) + 1),
                   ==, rs_quote_get_id (quote));
}

/* Enter in the text selects what the quote under the cursor backs; reveal puts the
 * cursor at the start of the quote. */
static void
test_real_enter (Fixture       *fixture,
                 gconstpointer  user_data)
{
  RsQuote *quote = find_quote (fixture_case (fixture), RS_TARGET_ENTITY, 200);
  GtkWidget *view = rs_panel_test_template_child (fixture->viewer, RS_TYPE_SOURCE_VIEWER,
                                                  "text_view");
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL ||
      !g_str_equal (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "GdkX11Display"))
    {
      g_test_skip ("needs xdotool and an X11 display");
      return;
    }

  gtk_window_set_title (fixture->window, "rs-test-real-enter");
  rs_source_viewer_reveal_quote (fixture->viewer, rs_quote_get_id (quote));
  gtk_widget_grab_focus (view);
  rs_panel_test_wait (200);

  run_xdotool (xdotool, "search --sync --name rs-test-real-enter "
                        "windowfocus --sync %1 key --window %1 Return");

  g_assert_cmpuint (rs_selection_get_n_items (fixture->selection), >, 0);
}

static void
on_close_requested_cb (RsSourceViewer *viewer,
                       gboolean       *closed)
{
  *closed = TRUE;
}

static void
test_close_action (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gboolean closed = FALSE;

  g_signal_connect (fixture->viewer, "close-requested",
                    G_CALLBACK (on_close_requested_cb), &closed);
  gtk_widget_activate_action (GTK_WIDGET (fixture->viewer), "source.close", NULL);
  g_assert_true (closed);
}

/* A new case closes the document: its ids mean nothing there. */
static void
test_store_change_closes (Fixture       *fixture,
                          gconstpointer  user_data)
{
  RsQuote *quote = find_quote (fixture_case (fixture), RS_TARGET_ENTITY, 0);
  g_autoptr(RsCaseStore) other = rs_test_open_new_case ("other.redstring");

  rs_source_viewer_reveal_quote (fixture->viewer, rs_quote_get_id (quote));
  rs_panel_set_store (RS_PANEL (fixture->viewer), other);
  g_assert_cmpint (rs_source_viewer_get_document_id (fixture->viewer), ==, 0);
  g_assert_null (rs_source_viewer_get_document (fixture->viewer));
  rs_panel_set_store (RS_PANEL (fixture->viewer), fixture->store);
}

int
main (int   argc,
      char *argv[])
{
  rs_panel_test_init (&argc, &argv);

  g_test_add_func ("/source-viewer/new-destroy", test_new_destroy);
  g_test_add ("/source-viewer/reveal-quote", Fixture, NULL,
              fixture_set_up, test_reveal_quote, fixture_tear_down);
  g_test_add ("/source-viewer/all-quotes-highlighted", Fixture, NULL,
              fixture_set_up, test_all_quotes_highlighted, fixture_tear_down);
  g_test_add ("/source-viewer/click-selects-targets", Fixture, NULL,
              fixture_set_up, test_click_selects_targets, fixture_tear_down);
  g_test_add ("/source-viewer/real-click", Fixture, NULL,
              fixture_set_up, test_real_click, fixture_tear_down);
  g_test_add ("/source-viewer/real-enter", Fixture, NULL,
              fixture_set_up, test_real_enter, fixture_tear_down);
  g_test_add ("/source-viewer/close-action", Fixture, NULL,
              fixture_set_up, test_close_action, fixture_tear_down);
  g_test_add ("/source-viewer/store-change-closes", Fixture, NULL,
              fixture_set_up, test_store_change_closes, fixture_tear_down);

  return g_test_run ();
}
