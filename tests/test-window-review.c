/* test-window-review.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rs-application.h"
#include "rs-board-view-private.h"
#include "rs-case-edit.h"
#include "rs-gui-test-utils.h"
#include "rs-review-panel.h"
#include "rs-test-utils.h"
#include "rs-storyline-popover.h"
#include "rs-window-private.h"

/* Team review in the real window (issue 20), with warnings fatal: accepting and
 * challenging the selected claim through the window's actions, each undone and redone;
 * a comment typed into the Review panel's field, resolved and reopened; the panel's
 * list of challenged items and open threads; a quote reviewed through its row's
 * action; and the lock — every edit action of the window and its panels disabled, the
 * review actions back with "Allow Review While Locked", and `--read-only` on the
 * command line. */

static RsApplication *app;

static RsWindow *
open_path (const char *path)
{
  return RS_WINDOW (rs_gui_test_open_case (G_APPLICATION (app), path));
}

typedef struct
{
  char   *path;
  gint64  tick;
  gint64  butler;
  gint64  relation;
} Board;

static void
board_clear (Board *board)
{
  g_clear_pointer (&board->path, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Board, board_clear)

/* Two entities and a relation between them, written before the window opens. */
static void
make_board (Board      *board,
            const char *name)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case (name);
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;

  board->path = g_strdup (rs_case_store_get_path (store));
  board->tick = rs_entity_get_id (rs_test_add_entity (store, RS_ENTITY_KIND_GROUP, "Tick"));
  board->butler = rs_entity_get_id (rs_test_add_entity (store, RS_ENTITY_KIND_GROUP,
                                                        "BRONZE BUTLER"));
  change = rs_case_edit_create_relation (store, board->tick, board->butler, "same as", FALSE,
                                         RS_RELATION_STATUS_ALLEGED, &board->relation, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
}

static void
activate (RsWindow   *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  rs_gui_test_iterate (30);
}

static RsCase *
case_of (RsWindow *window)
{
  return rs_case_store_get_case (window->store);
}

/* Whether @action (with @target, or none) is enabled where @inside sees it: a probe
 * button inside @inside takes the action, and GTK makes it insensitive while the action
 * is disabled. The same lookup a menu item or a shortcut makes. */
static gboolean
action_enabled (GtkWidget  *inside,
                const char *action,
                GVariant   *target)
{
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  if (target != NULL)
    g_variant_ref_sink (target);
  gtk_widget_set_parent (probe, inside);
  /* The target first: an action name without its target is a mismatch GTK warns of. */
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (probe), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  rs_gui_test_iterate (5);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);
  g_clear_pointer (&target, g_variant_unref);
  return enabled;
}

static gboolean
win_enabled (RsWindow   *window,
             const char *action)
{
  /* The one action with a parameter: a probe needs a target of its type. */
  GVariant *target = g_str_equal (action, "win.review-item")
                     ? g_variant_new ("(six)", "accept", RS_TARGET_ENTITY, (gint64) 1) : NULL;

  return action_enabled (GTK_WIDGET (window->review_panel), action, target);
}

/* Accept and challenge ------------------------------------------------------------- */

static void
test_accept_challenge (void)
{
  g_auto(Board) board = { 0 };
  RsWindow *window;
  RsReview *review;

  make_board (&board, "review-accept.redstring");
  window = open_path (board.path);

  /* Nothing selected: nothing to review. */
  rs_selection_clear (window->selection);
  g_assert_false (win_enabled (window, "win.accept-claim"));

  rs_selection_select (window->selection, RS_TARGET_ENTITY, board.tick);
  g_assert_true (win_enabled (window, "win.accept-claim"));
  activate (window, "win.accept-claim");
  review = rs_case_lookup_review_for (case_of (window), RS_TARGET_ENTITY, board.tick);
  g_assert_nonnull (review);
  g_assert_cmpint (rs_review_get_state (review), ==, RS_REVIEW_STATE_ACCEPTED);
  g_assert_cmpstr (rs_review_get_reviewer (review), ==, rs_case_store_get_author (window->store));
  /* Accepted and no thread: not listed. */
  g_assert_false (rs_review_panel_has_item (window->review_panel, RS_TARGET_ENTITY, board.tick));

  /* One command on the undo stack: undone and redone. */
  activate (window, "win.undo");
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_ENTITY, board.tick), ==,
                   RS_REVIEW_STATE_UNREVIEWED);
  activate (window, "win.redo");
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_ENTITY, board.tick), ==,
                   RS_REVIEW_STATE_ACCEPTED);

  /* Challenged: listed in the panel, which follows the undo. */
  activate (window, "win.challenge-claim");
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_ENTITY, board.tick), ==,
                   RS_REVIEW_STATE_CHALLENGED);
  g_assert_true (rs_review_panel_has_item (window->review_panel, RS_TARGET_ENTITY, board.tick));
  g_assert_cmpuint (rs_review_panel_get_n_items (window->review_panel), ==, 1);
  activate (window, "win.undo");
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_ENTITY, board.tick), ==,
                   RS_REVIEW_STATE_ACCEPTED);
  g_assert_false (rs_review_panel_has_item (window->review_panel, RS_TARGET_ENTITY, board.tick));
  activate (window, "win.redo");
  g_assert_true (rs_review_panel_has_item (window->review_panel, RS_TARGET_ENTITY, board.tick));

  /* The board's node carries the state (drawn as a red dashed ring and a "?"). */
  {
    guint index;

    g_assert_true (rs_board_scene_lookup_node (window->board->scene, board.tick, &index));
    g_assert_cmpint (rs_board_scene_get_node (window->board->scene, index)->review, ==,
                     RS_REVIEW_STATE_CHALLENGED);
  }

  /* The filter popover's "Only Challenged": the rest of the board is dimmed. */
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
    RsBoardScene *scene;
    GtkDropDown *dropdown = NULL;
    guint index;

    rs_gui_test_collect (GTK_WIDGET (window->filter_popover), GTK_TYPE_DROP_DOWN, dropdowns);
    for (guint i = 0; i < dropdowns->len; i++)
      if (g_list_model_get_n_items (gtk_drop_down_get_model (g_ptr_array_index (dropdowns, i))) == 3)
        dropdown = g_ptr_array_index (dropdowns, i);
    g_assert_nonnull (dropdown);
    gtk_drop_down_set_selected (dropdown, RS_BOARD_REVIEW_CHALLENGED);
    rs_gui_test_iterate (50);
    g_assert_cmpint (rs_board_filter_get_review (window->filter), ==, RS_BOARD_REVIEW_CHALLENGED);
    scene = window->board->scene;
    g_assert_true (rs_board_scene_lookup_node (scene, board.tick, &index));
    g_assert_false (rs_board_scene_get_node (scene, index)->flags & RS_BOARD_ITEM_DIMMED);
    g_assert_true (rs_board_scene_lookup_node (scene, board.butler, &index));
    g_assert_true (rs_board_scene_get_node (scene, index)->flags & RS_BOARD_ITEM_DIMMED);
    g_assert_true (rs_board_scene_lookup_edge (scene, board.relation, &index));
    g_assert_true (rs_board_scene_get_edge (scene, index)->flags & RS_BOARD_ITEM_DIMMED);

    /* Show Everything clears it, and the popover follows. */
    activate (window, "win.show-everything");
    g_assert_cmpint (rs_board_filter_get_review (window->filter), ==, RS_BOARD_REVIEW_ANY);
    g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
    scene = window->board->scene;
    g_assert_true (rs_board_scene_lookup_node (scene, board.butler, &index));
    g_assert_false (rs_board_scene_get_node (scene, index)->flags & RS_BOARD_ITEM_DIMMED);
  }

  /* A relation, by the Ctrl+Alt+X binding's action. */
  rs_selection_select (window->selection, RS_TARGET_RELATION, board.relation);
  activate (window, "win.challenge-claim");
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_RELATION,
                                             board.relation), ==, RS_REVIEW_STATE_CHALLENGED);
  g_assert_cmpuint (rs_review_panel_get_n_items (window->review_panel), ==, 2);

  /* Mark Unreviewed takes it off the list. */
  activate (window, "win.unreview-claim");
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_RELATION,
                                             board.relation), ==, RS_REVIEW_STATE_UNREVIEWED);
  g_assert_false (rs_review_panel_has_item (window->review_panel, RS_TARGET_RELATION,
                                            board.relation));

  /* The file has it, not just the window. */
  {
    g_autoptr(RsCaseStore) copy = rs_test_open_snapshot (board.path);

    g_assert_cmpint (rs_case_get_review_state (rs_case_store_get_case (copy), RS_TARGET_ENTITY,
                                               board.tick), ==, RS_REVIEW_STATE_CHALLENGED);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (30);
}

/* Comments through the panel ------------------------------------------------------------ */

static GtkTextView *
comment_field (RsWindow *window)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  rs_gui_test_collect (GTK_WIDGET (window->review_panel), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  return g_ptr_array_index (views, 0);
}

static gint64
only_comment_of (RsWindow *window,
                 RsTarget  target,
                 gint64    id)
{
  g_autoptr(GPtrArray) comments = rs_case_dup_comments_for (case_of (window), target, id);

  g_assert_cmpuint (comments->len, ==, 1);
  return rs_comment_get_id (g_ptr_array_index (comments, 0));
}

static void
test_comment (void)
{
  g_auto(Board) board = { 0 };
  GtkTextBuffer *buffer;
  RsWindow *window;
  RsComment *comment;
  gint64 id;

  make_board (&board, "review-comment.redstring");
  window = open_path (board.path);

  /* Comment… opens the panel on the selected claim's thread, the field focused. */
  rs_selection_select (window->selection, RS_TARGET_ENTITY, board.butler);
  activate (window, "win.comment-claim");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->side_stack), ==, "review");
  {
    RsTarget target;
    gint64 claim;

    g_assert_true (rs_review_panel_get_claim (window->review_panel, &target, &claim));
    g_assert_cmpint (target, ==, RS_TARGET_ENTITY);
    g_assert_cmpint (claim, ==, board.butler);
  }

  /* An empty comment is refused: nothing written, the reason shown. */
  buffer = gtk_text_view_get_buffer (comment_field (window));
  gtk_text_buffer_set_text (buffer, "   ", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->review_panel), "review.comment",
                                             NULL));
  rs_gui_test_iterate (30);
  g_assert_cmpuint (g_list_model_get_n_items (rs_case_get_comments (case_of (window))), ==, 0);

  gtk_text_buffer_set_text (buffer, "Same infrastructure only; no shared tooling.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->review_panel), "review.comment",
                                             NULL));
  rs_gui_test_iterate (30);
  id = only_comment_of (window, RS_TARGET_ENTITY, board.butler);
  comment = rs_case_lookup_comment (case_of (window), id);
  g_assert_cmpstr (rs_comment_get_body (comment), ==, "Same infrastructure only; no shared tooling.");
  g_assert_cmpstr (rs_comment_get_author (comment), ==, rs_case_store_get_author (window->store));
  g_assert_false (rs_comment_get_resolved (comment));
  /* The field is emptied, the thread shows it, the list has the open thread. */
  {
    GtkTextIter start, end;
    g_autofree char *left = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    left = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (left, ==, "");
  }
  g_assert_cmpuint (rs_review_panel_get_n_comments (window->review_panel), ==, 1);
  g_assert_true (rs_review_panel_has_item (window->review_panel, RS_TARGET_ENTITY, board.butler));
  /* The board's badge: the node's open-thread count. */
  {
    guint index;

    g_assert_true (rs_board_scene_lookup_node (window->board->scene, board.butler, &index));
    g_assert_cmpuint (rs_board_scene_get_node (window->board->scene, index)->n_open_comments, ==, 1);
  }

  /* Resolved: the thread is closed, the item leaves the list; undo reopens it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->review_panel), "review.resolve",
                                             "x", id));
  rs_gui_test_iterate (30);
  g_assert_true (rs_comment_get_resolved (rs_case_lookup_comment (case_of (window), id)));
  g_assert_cmpuint (rs_case_count_open_comments_for (case_of (window), RS_TARGET_ENTITY,
                                                     board.butler), ==, 0);
  g_assert_false (rs_review_panel_has_item (window->review_panel, RS_TARGET_ENTITY, board.butler));
  /* Undo from the board (in the comment field, Ctrl+Z undoes typing). */
  gtk_widget_grab_focus (GTK_WIDGET (window->board));
  activate (window, "win.undo");
  g_assert_false (rs_comment_get_resolved (rs_case_lookup_comment (case_of (window), id)));
  g_assert_true (rs_review_panel_has_item (window->review_panel, RS_TARGET_ENTITY, board.butler));

  /* Reopen after resolving again, through the panel's other action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->review_panel), "review.resolve",
                                             "x", id));
  rs_gui_test_iterate (30);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->review_panel), "review.reopen",
                                             "x", id));
  rs_gui_test_iterate (30);
  g_assert_false (rs_comment_get_resolved (rs_case_lookup_comment (case_of (window), id)));

  /* Deleting one's own comment; undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->review_panel), "review.delete",
                                             "x", id));
  rs_gui_test_iterate (30);
  g_assert_null (rs_case_lookup_comment (case_of (window), id));
  g_assert_cmpuint (rs_review_panel_get_n_comments (window->review_panel), ==, 0);
  activate (window, "win.undo");
  g_assert_nonnull (rs_case_lookup_comment (case_of (window), id));
  g_assert_cmpuint (rs_review_panel_get_n_comments (window->review_panel), ==, 1);

  /* Choosing the row in the panel selects the claim on the board. */
  rs_selection_clear (window->selection);
  rs_review_panel_show_claim (window->review_panel, RS_TARGET_RELATION, board.relation);
  rs_review_panel_show_claim (window->review_panel, RS_TARGET_ENTITY, board.butler);
  rs_gui_test_iterate (30);
  g_assert_true (rs_selection_contains (window->selection, RS_TARGET_ENTITY, board.butler));

  /* Mark Review Done. */
  {
    g_autofree char *reviewer = NULL;

    g_assert_false (rs_case_store_get_last_review_mark (window->store, NULL, NULL, NULL));
    activate (window, "win.mark-review");
    g_assert_true (rs_case_store_get_last_review_mark (window->store, &reviewer, NULL, NULL));
    g_assert_cmpstr (reviewer, ==, rs_case_store_get_author (window->store));
    /* The panel says so: "Last review: NAME, DATE". */
    {
      GtkLabel *mark = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window->review_panel),
                                                                 RS_TYPE_REVIEW_PANEL,
                                                                 "mark_label"));
      g_autofree char *expected = g_strdup_printf ("Last review: %s, ", reviewer);

      g_assert_true (g_str_has_prefix (gtk_label_get_label (mark), expected));
      /* Undone: no review marked again, and the panel follows. */
      gtk_widget_grab_focus (GTK_WIDGET (window->board));
      activate (window, "win.undo");
      g_assert_false (rs_case_store_get_last_review_mark (window->store, NULL, NULL, NULL));
      g_assert_cmpstr (gtk_label_get_label (mark), ==, "No review marked yet");
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (30);
}

/* A quote, from its row's menu (win.review-item) ----------------------------------------- */

static void
test_quote (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("review-quote.redstring");
  g_autofree char *path = g_strdup (rs_case_store_get_path (store));
  g_autoptr(RsQuote) quote = NULL;
  RsWindow *window;
  gint64 id;

  g_clear_object (&store);
  window = open_path (path);
  quote = g_list_model_get_item (rs_case_get_quotes (case_of (window)), 0);
  g_assert_nonnull (quote);
  id = rs_quote_get_id (quote);

  g_assert_true (action_enabled (GTK_WIDGET (window->quotes_panel), "win.review-item",
                                 g_variant_new ("(six)", "challenge", RS_TARGET_QUOTE, id)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->quotes_panel), "win.review-item",
                                             "(six)", "challenge", RS_TARGET_QUOTE, id));
  rs_gui_test_iterate (30);
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_QUOTE, id), ==,
                   RS_REVIEW_STATE_CHALLENGED);
  g_assert_true (rs_review_panel_has_item (window->review_panel, RS_TARGET_QUOTE, id));
  activate (window, "win.undo");
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_QUOTE, id), ==,
                   RS_REVIEW_STATE_UNREVIEWED);

  /* An event, from its Timeline row's ⋮ menu: the menu opens, the event is selected,
   * and its items act on the event. */
  {
    g_autoptr(RsEvent) event = g_list_model_get_item (rs_case_get_events (case_of (window)), 0);
    g_autoptr(GPtrArray) menus = g_ptr_array_new ();
    gint64 event_id;

    g_assert_nonnull (event);
    event_id = rs_event_get_id (event);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-page", "s", "timeline");
    rs_gui_test_iterate (100);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->timeline_panel),
                                               "timeline.review-menu", "x", event_id));
    rs_gui_test_iterate (100);
    rs_gui_test_collect (GTK_WIDGET (window->timeline_panel), GTK_TYPE_POPOVER_MENU, menus);
    g_assert_cmpuint (menus->len, ==, 1);
    g_assert_true (gtk_widget_get_visible (g_ptr_array_index (menus, 0)));
    g_assert_true (rs_selection_contains (window->selection, RS_TARGET_EVENT, event_id));
    gtk_popover_popdown (g_ptr_array_index (menus, 0));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->timeline_panel),
                                               "win.review-item", "(six)", "challenge",
                                               RS_TARGET_EVENT, event_id));
    rs_gui_test_iterate (30);
    g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_EVENT, event_id), ==,
                     RS_REVIEW_STATE_CHALLENGED);
    g_assert_true (rs_review_panel_has_item (window->review_panel, RS_TARGET_EVENT, event_id));
  }

  /* Comment… on a quote shows its thread (quotes are not on the board). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->quotes_panel), "win.review-item",
                                             "(six)", "comment", RS_TARGET_QUOTE, id));
  rs_gui_test_iterate (30);
  {
    RsTarget target;
    gint64 claim;

    g_assert_true (rs_review_panel_get_claim (window->review_panel, &target, &claim));
    g_assert_cmpint (target, ==, RS_TARGET_QUOTE);
    g_assert_cmpint (claim, ==, id);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (30);
}

/* The lock ----------------------------------------------------------------------------- */

/* Every action the window has, each either an edit (refused while locked) or not. A
 * new action fails this test until it is put in one list. */
static const char *edit_actions[] = {
  "win.undo", "win.redo", "win.new-entity", "win.new-entity-here", "win.new-event",
  "win.edit-selection", "win.delete-selection", "win.link-selection", "win.merge-selection",
  "win.split-selection", "win.unpin-selection", "win.unpin-all", "win.import-bundle",
  "win.import-diagram", "win.import-report", "win.paste-report", "win.capture-view",
  /* a colleague's case or changes come in (issue 21) */
  "win.merge-case", "win.apply-changes",
};
static const char *review_actions[] = {
  "win.accept-claim", "win.challenge-claim", "win.unreview-claim", "win.comment-claim",
  "win.review-item", "win.mark-review",
};
static const char *other_actions[] = {
  "win.open", "win.new", "win.save-as", "win.export-bundle", "win.toggle-side-panel",
  "win.show-side-page", "win.filter-board", "win.close", "win.focus-selection",
  "win.show-everything", "win.relayout", "win.zoom-fit", "win.zoom-in", "win.zoom-out",
  "win.find", "win.lock-editing", "win.allow-review-while-locked",
  /* exports and prints read the case, the history only shows it */
  "win.export-diagram", "win.copy-image", "win.print", "win.print-brief", "win.changes-since",
  /* presenting and its hand-outs only show the case */
  "win.present", "win.present-timeline", "win.export-storyline",
  /* my changes go out, a copy is saved elsewhere, a warning is put away (issue 21) */
  "win.export-changes", "win.work-on-local-copy", "win.dismiss-share-warning",
};

static gboolean
in_list (const char  *name,
         const char **list,
         guint        n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (name, list[i]))
      return TRUE;
  return FALSE;
}

static void
test_actions_classified (void)
{
  GtkWidgetClass *klass = g_type_class_ref (RS_TYPE_WINDOW);
  const char *name;
  GType owner;
  guint n_win = 0;

  const GVariantType *parameter_type;
  const char *property;

  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property); i++)
    {
      if (!g_str_has_prefix (name, "win."))
        continue;
      n_win++;
      if (!in_list (name, edit_actions, G_N_ELEMENTS (edit_actions)) &&
          !in_list (name, review_actions, G_N_ELEMENTS (review_actions)) &&
          !in_list (name, other_actions, G_N_ELEMENTS (other_actions)))
        g_error ("%s is not classified as an edit, a review or another action", name);
    }
  g_assert_cmpuint (n_win, ==, G_N_ELEMENTS (edit_actions) + G_N_ELEMENTS (review_actions) +
                               G_N_ELEMENTS (other_actions));
  g_type_class_unref (klass);
}

/* Panels' own editing actions, each with a target its parameter needs. */
static void
assert_panels_editable (RsWindow *window,
                        gboolean  editable)
{
  g_assert_cmpint (action_enabled (GTK_WIDGET (window->quotes_panel), "quotes.edit-quote",
                                   g_variant_new_int64 (1)), ==, editable);
  g_assert_cmpint (action_enabled (GTK_WIDGET (window->quotes_panel), "quotes.delete-quote",
                                   g_variant_new_int64 (1)), ==, editable);
  g_assert_cmpint (action_enabled (GTK_WIDGET (window->documents_panel), "documents.edit",
                                   g_variant_new_int64 (1)), ==, editable);
  g_assert_cmpint (action_enabled (GTK_WIDGET (window->documents_panel), "documents.delete",
                                   g_variant_new_int64 (1)), ==, editable);
  g_assert_cmpint (action_enabled (GTK_WIDGET (window->suggestions_panel),
                                   "suggestions.accept-all", g_variant_new_int32 (0)), ==,
                   editable);
  g_assert_cmpint (rs_board_view_get_editable (window->board), ==, editable);
  g_assert_cmpint (rs_panel_get_editable (RS_PANEL (window->source_viewer)), ==, editable);
  g_assert_cmpint (rs_panel_get_editable (RS_PANEL (window->notes_panel)), ==, editable);
  g_assert_cmpint (rs_storyline_popover_get_editable (window->storyline_popover), ==, editable);
  if (!editable)
    g_assert_false (action_enabled (GTK_WIDGET (window->notes_panel), "notes.add", NULL));
}

/* The selections under which each edit action is enabled when unlocked: one entity
 * (split, unpin, edit), two (link, merge), after a command (undo). */
static void
assert_locked (RsWindow *window,
               gboolean  allow_review)
{
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    if (win_enabled (window, edit_actions[i]))
      g_error ("%s is enabled while locked", edit_actions[i]);
  for (guint i = 0; i < G_N_ELEMENTS (review_actions); i++)
    if (win_enabled (window, review_actions[i]) != allow_review)
      g_error ("%s is %s while locked%s", review_actions[i],
               allow_review ? "disabled" : "enabled", allow_review ? " allowing review" : "");
  assert_panels_editable (window, FALSE);
  g_assert_true (gtk_widget_get_visible (window->lock_indicator));
}

static void
test_lock (void)
{
  g_auto(Board) board = { 0 };
  RsWindow *window;

  make_board (&board, "review-lock.redstring");
  window = open_path (board.path);
  g_assert_false (gtk_widget_get_visible (window->lock_indicator));

  /* Unlocked, with one entity selected after a command: all but link and merge. */
  rs_selection_select (window->selection, RS_TARGET_ENTITY, board.tick);
  activate (window, "win.accept-claim");
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    {
      /* Link and merge need two entities; nothing has been undone to redo. */
      gboolean off = g_str_equal (edit_actions[i], "win.link-selection") ||
                     g_str_equal (edit_actions[i], "win.merge-selection") ||
                     g_str_equal (edit_actions[i], "win.redo");

      if (win_enabled (window, edit_actions[i]) == off)
        g_error ("%s is %s unlocked", edit_actions[i], off ? "enabled" : "disabled");
    }
  for (guint i = 0; i < G_N_ELEMENTS (review_actions); i++)
    g_assert_true (win_enabled (window, review_actions[i]));
  assert_panels_editable (window, TRUE);
  g_assert_false (win_enabled (window, "win.allow-review-while-locked"));

  /* Lock Editing (the menu's check item is the window's property). */
  activate (window, "win.lock-editing");
  g_assert_true (rs_window_get_locked (window));
  assert_locked (window, FALSE);
  /* Undo, activated anyway (a stale shortcut), changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  rs_gui_test_iterate (30);
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_ENTITY, board.tick), ==,
                   RS_REVIEW_STATE_ACCEPTED);
  rs_selection_select (window->selection, RS_TARGET_ENTITY, board.tick);
  /* Two entities selected (link, merge): still all refused. */
  rs_selection_add (window->selection, RS_TARGET_ENTITY, board.butler);
  assert_locked (window, FALSE);
  /* An action the lock disabled does nothing if activated anyway. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.challenge-claim", NULL);
  rs_gui_test_iterate (30);
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_ENTITY, board.tick), ==,
                   RS_REVIEW_STATE_ACCEPTED);
  g_assert_false (rs_review_panel_get_can_review (window->review_panel));

  /* Allow Review While Locked: the review actions only. */
  g_assert_true (win_enabled (window, "win.allow-review-while-locked"));
  activate (window, "win.allow-review-while-locked");
  assert_locked (window, TRUE);
  g_assert_true (rs_review_panel_get_can_review (window->review_panel));
  activate (window, "win.challenge-claim");
  g_assert_cmpint (rs_case_get_review_state (case_of (window), RS_TARGET_ENTITY, board.tick), ==,
                   RS_REVIEW_STATE_CHALLENGED);
  /* Undo stays locked: it could take back any edit, not only reviews. */
  g_assert_false (win_enabled (window, "win.undo"));

  /* Unlocked: everything back. */
  activate (window, "win.lock-editing");
  g_assert_false (rs_window_get_locked (window));
  g_assert_false (gtk_widget_get_visible (window->lock_indicator));
  g_assert_true (win_enabled (window, "win.link-selection"));
  g_assert_true (win_enabled (window, "win.undo"));
  assert_panels_editable (window, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  rs_gui_test_iterate (30);
}

/* `redstring --read-only CASE`, through the application's command line. Last: the
 * application's run ends with its shutdown. */
static gboolean
check_read_only_cb (gpointer user_data)
{
  const char *path = user_data;
  RsWindow *window = rs_window_find_for_case (path);

  g_assert_nonnull (window);
  g_assert_true (rs_application_get_open_locked (app));
  g_assert_true (rs_window_get_locked (window));
  g_assert_false (rs_window_get_editable (window));
  g_assert_true (gtk_widget_get_visible (window->lock_indicator));
  /* A normal connection: the file is not read-only, the window is. */
  g_assert_false (rs_case_store_is_read_only (window->store));
  assert_locked (window, FALSE);
  *(gboolean *) g_object_get_data (G_OBJECT (app), "test-checked") = TRUE;
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
test_read_only_option (void)
{
  g_auto(Board) board = { 0 };
  char *argv[] = { (char *) "redstring", (char *) "--read-only", NULL, NULL };
  gboolean checked = FALSE;

  make_board (&board, "review-read-only.redstring");
  argv[2] = board.path;
  g_assert_false (rs_application_get_open_locked (app));
  g_object_set_data (G_OBJECT (app), "test-checked", &checked);
  g_timeout_add (1000, check_read_only_cb, board.path);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (checked);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = RS_APPLICATION (rs_gui_test_init_application (&argc, &argv));

  g_test_add_func ("/window-review/accept-challenge", test_accept_challenge);
  g_test_add_func ("/window-review/comment", test_comment);
  g_test_add_func ("/window-review/quote", test_quote);
  g_test_add_func ("/window-review/actions-classified", test_actions_classified);
  g_test_add_func ("/window-review/lock", test_lock);
  g_test_add_func ("/window-review/read-only-option", test_read_only_option);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
