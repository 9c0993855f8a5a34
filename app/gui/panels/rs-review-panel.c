/* rs-review-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-review-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-review-panel.h"
#include "rs-text.h"

/* The Review panel (issue 20): above, every claim that is challenged or has an open
 * thread (unresolved comments), one row each, challenged first; below, the thread of
 * the claim at hand — the board's selected entity, relation or event, or the row
 * chosen here — with a field to add to it.
 *
 * It follows the case by transaction (RsCase::changes): only the claims a change
 * touches have their row refreshed, added or taken out, and the thread is rebuilt
 * only when its own claim's comments or review changed. Typing a comment changes
 * nothing until it is added. Every button is one command on the store, which the
 * window's undo stack takes like any other. */

struct _RsReviewPanel
{
  RsPanel parent_instance;

  /* Template widgets */
  GtkListBox   *items_list;
  GtkLabel     *claim_label;
  GtkLabel     *state_label;
  GtkListBox   *thread_list;
  GtkTextView  *comment_view;
  GtkLabel     *error_label;
  GtkWidget    *comment_button;
  GtkLabel     *mark_label;
  GtkWidget    *mark_button;

  /* Owned */
  GSignalGroup *case_signals;     /* RsCase::changes */
  GSignalGroup *store_signals;    /* RsCaseStore::change-committed (a review mark) */
  GHashTable   *rows;             /* "target:id" -> GtkListBoxRow (borrowed from the list) */

  RsTarget      claim_target;     /* the thread shown; 0 id: none */
  gint64        claim_id;
  guint         n_comments;       /* in the thread shown */
  gboolean      can_review;
  gboolean      choosing;         /* a row is being chosen from the selection */
};

G_DEFINE_FINAL_TYPE (RsReviewPanel, rs_review_panel, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_CAN_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_claim (RsTarget target)
{
  return target == RS_TARGET_ENTITY || target == RS_TARGET_RELATION ||
         target == RS_TARGET_EVENT || target == RS_TARGET_QUOTE;
}

static char *
claim_key (RsTarget target,
           gint64   id)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, (int)target, id);
}

static const char *
kind_label (RsTarget target)
{
  switch (target)
    {
    case RS_TARGET_ENTITY:   return _("Entity");
    case RS_TARGET_RELATION: return _("Relation");
    case RS_TARGET_EVENT:    return _("Event");
    case RS_TARGET_QUOTE:    return _("Quote");
    case RS_TARGET_CASE:
    case RS_TARGET_DOCUMENT:
    case RS_TARGET_NOTE:
    default:                 return "";
    }
}

static const char *
state_label (RsReviewState state)
{
  switch (state)
    {
    case RS_REVIEW_STATE_ACCEPTED:   return _("Accepted");
    case RS_REVIEW_STATE_CHALLENGED: return _("Challenged");
    case RS_REVIEW_STATE_UNREVIEWED:
    default:                         return _("Unreviewed");
    }
}

/* "just now", "5 min ago", "3 h ago", then the date: a thread reads as a
 * conversation. Times are stored as ISO 8601. */
static char *
format_relative (const char *iso)
{
  g_autoptr(GDateTime) when = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan span;

  if (when == NULL)
    return g_strdup ("");
  span = g_date_time_difference (now, when);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));
  if (span < G_TIME_SPAN_HOUR)
    return g_strdup_printf (_("%d min ago"), (int)(span / G_TIME_SPAN_MINUTE));
  if (span < G_TIME_SPAN_DAY)
    return g_strdup_printf (_("%d h ago"), (int)(span / G_TIME_SPAN_HOUR));
  local = g_date_time_to_local (when);
  /* Translators: a comment's date and time (g_date_time_format()) */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%e %b %Y, %H:%M"));
}

static char *
claim_name (RsReviewPanel *self,
            RsTarget       target,
            gint64         id)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  char *name = kase ? rs_panel_dup_target_label (kase, target, id, FALSE) : NULL;

  return name ? name : g_strdup ("?");
}

static gboolean
claim_exists (RsCase   *kase,
              RsTarget  target,
              gint64    id)
{
  switch (target)
    {
    case RS_TARGET_ENTITY:   return rs_case_lookup_entity (kase, id) != NULL;
    case RS_TARGET_RELATION: return rs_case_lookup_relation (kase, id) != NULL;
    case RS_TARGET_EVENT:    return rs_case_lookup_event (kase, id) != NULL;
    case RS_TARGET_QUOTE:    return rs_case_lookup_quote (kase, id) != NULL;
    case RS_TARGET_CASE:
    case RS_TARGET_DOCUMENT:
    case RS_TARGET_NOTE:
    default:                 return FALSE;
    }
}

static void
show_error (RsReviewPanel *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The list of claims ----------------------------------------------------------------- */

/* Challenged first, then the most open comments, then by name. */
static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  int ca = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "rs-challenged"));
  int cb = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "rs-challenged"));
  int oa = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "rs-open"));
  int ob = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "rs-open"));

  if (ca != cb)
    return cb - ca;
  if (oa != ob)
    return ob - oa;
  return g_utf8_collate (g_object_get_data (G_OBJECT (a), "rs-name"),
                         g_object_get_data (G_OBJECT (b), "rs-name"));
}

static void
fill_row (RsReviewPanel *self,
          GtkListBoxRow *row,
          RsTarget       target,
          gint64         id)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  RsReview *review = rs_case_lookup_review_for (kase, target, id);
  RsReviewState state = review ? rs_review_get_state (review) : RS_REVIEW_STATE_UNREVIEWED;
  guint open = rs_case_count_open_comments_for (kase, target, id);
  g_autofree char *name = claim_name (self, target, id);
  g_autofree char *byline = NULL;
  g_autofree char *when = NULL;
  g_autofree char *open_text = NULL;
  GtkWidget *box, *top, *kind, *title, *badge, *sub;

  g_object_set_data (G_OBJECT (row), "rs-challenged",
                     GINT_TO_POINTER (state == RS_REVIEW_STATE_CHALLENGED));
  g_object_set_data (G_OBJECT (row), "rs-open", GINT_TO_POINTER ((int)MIN (open, G_MAXINT)));
  g_object_set_data_full (G_OBJECT (row), "rs-name", g_strdup (name), g_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  kind = gtk_label_new (kind_label (target));
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  title = gtk_label_new (name);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  badge = gtk_label_new (state_label (state));
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, "rs-review-badge");
  gtk_widget_add_css_class (badge, state == RS_REVIEW_STATE_CHALLENGED ? "error"
                                   : state == RS_REVIEW_STATE_ACCEPTED ? "success" : "dim-label");
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), badge);
  gtk_box_append (GTK_BOX (box), top);

  if (review != NULL)
    {
      g_autofree char *reviewer = rs_text_dup_for_label (rs_review_get_reviewer (review), 80);

      when = format_relative (rs_review_get_time (review));
      byline = g_strdup_printf ("%s, %s", reviewer, when);
    }
  if (open > 0)
    open_text = g_strdup_printf (g_dngettext (NULL, "%u open comment", "%u open comments", open),
                                 open);
  sub = gtk_label_new (NULL);
  {
    g_autofree char *text = g_strjoin (" · ", byline ? byline : _("not reviewed yet"),
                                       open_text, NULL);

    gtk_label_set_label (GTK_LABEL (sub), text);
  }
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "caption");
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_box_append (GTK_BOX (box), sub);

  gtk_list_box_row_set_child (row, box);
  {
    g_autofree char *a11y = g_strdup_printf ("%s %s, %s", kind_label (target), name,
                                             state_label (state));

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  }
}

/* The claim's row, made, refreshed or taken out as it now stands. */
static void
update_claim_row (RsReviewPanel *self,
                  RsTarget       target,
                  gint64         id)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autofree char *key = claim_key (target, id);
  GtkListBoxRow *row = g_hash_table_lookup (self->rows, key);
  gboolean listed = FALSE;

  if (kase != NULL && claim_exists (kase, target, id))
    listed = rs_case_get_review_state (kase, target, id) == RS_REVIEW_STATE_CHALLENGED ||
             rs_case_count_open_comments_for (kase, target, id) > 0;

  if (!listed)
    {
      if (row != NULL)
        {
          gtk_list_box_remove (self->items_list, GTK_WIDGET (row));
          g_hash_table_remove (self->rows, key);
        }
      return;
    }

  if (row == NULL)
    {
      row = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
      g_object_set_data (G_OBJECT (row), "rs-target", GINT_TO_POINTER (target));
      g_object_set_data_full (G_OBJECT (row), "rs-id", g_memdup2 (&id, sizeof id), g_free);
      g_hash_table_insert (self->rows, g_steal_pointer (&key), row);
      fill_row (self, row, target, id);
      gtk_list_box_append (self->items_list, GTK_WIDGET (row));
      return;
    }
  fill_row (self, row, target, id);
  gtk_list_box_row_changed (row);
}

static void
rebuild_items (RsReviewPanel *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  /* Rows only: the placeholder is a child too (GTK 4.8 has no remove_all). */
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->items_list, 0))) != NULL)
    gtk_list_box_remove (self->items_list, child);
  if (kase == NULL)
    return;

  {
    GListModel *reviews = rs_case_get_reviews (kase);
    GListModel *comments = rs_case_get_comments (kase);

    for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
      {
        g_autoptr(RsReview) review = g_list_model_get_item (reviews, i);

        update_claim_row (self, rs_review_get_target (review), rs_review_get_target_id (review));
      }
    for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
      {
        g_autoptr(RsComment) comment = g_list_model_get_item (comments, i);

        update_claim_row (self, rs_comment_get_target (comment),
                          rs_comment_get_target_id (comment));
      }
  }
}

/* The thread ------------------------------------------------------------------------- */

static void update_thread (RsReviewPanel *self);

static GtkWidget *
comment_row (RsReviewPanel *self,
             RsComment     *comment)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  gboolean resolved = rs_comment_get_resolved (comment);
  gboolean own = store != NULL &&
                 g_strcmp0 (rs_comment_get_author (comment), rs_case_store_get_author (store)) == 0;
  g_autofree char *author = rs_text_dup_for_label (rs_comment_get_author (comment), 80);
  g_autofree char *when = format_relative (rs_comment_get_time (comment));
  g_autofree char *heading = NULL;
  GtkWidget *row, *box, *top, *who, *body, *resolve, *delete;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "rs-comment-id", GSIZE_TO_POINTER (rs_comment_get_id (comment)));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  heading = resolved ? g_strdup_printf (_("%s · %s · resolved"), author, when)
                     : g_strdup_printf ("%s · %s", author, when);
  who = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_ellipsize (GTK_LABEL (who), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (who, TRUE);
  gtk_widget_add_css_class (who, "caption-heading");
  gtk_box_append (GTK_BOX (top), who);

  resolve = gtk_button_new_with_mnemonic (resolved ? _("_Reopen") : _("_Resolve"));
  gtk_widget_add_css_class (resolve, "flat");
  gtk_widget_add_css_class (resolve, "caption");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (resolve),
                                  resolved ? "review.reopen" : "review.resolve");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (resolve), "x", rs_comment_get_id (comment));
  gtk_box_append (GTK_BOX (top), resolve);
  if (own)
    {
      delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, _("Delete Your Comment"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "review.delete");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x", rs_comment_get_id (comment));
      gtk_box_append (GTK_BOX (top), delete);
    }
  gtk_box_append (GTK_BOX (box), top);

  body = gtk_label_new (rs_comment_get_body (comment));
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  if (resolved)
    gtk_widget_add_css_class (body, "dim-label");
  gtk_box_append (GTK_BOX (box), body);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_sensitivity (RsReviewPanel *self)
{
  gboolean has_claim = self->claim_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.comment",
                                 self->can_review && has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.resolve", self->can_review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reopen", self->can_review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.delete", self->can_review);
  gtk_text_view_set_editable (self->comment_view, self->can_review && has_claim);
  gtk_widget_set_sensitive (GTK_WIDGET (self->comment_view), self->can_review && has_claim);
}

static void
update_thread (RsReviewPanel *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autoptr(GPtrArray) comments = NULL;
  GtkWidget *child;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->thread_list, 0))) != NULL)
    gtk_list_box_remove (self->thread_list, child);
  self->n_comments = 0;

  if (kase == NULL || self->claim_id == 0 ||
      !claim_exists (kase, self->claim_target, self->claim_id))
    {
      self->claim_id = 0;
      gtk_label_set_label (self->claim_label,
                           _("Select an entity, relation or event to see its thread"));
      gtk_label_set_label (self->state_label, "");
      update_sensitivity (self);
      return;
    }

  {
    g_autofree char *name = claim_name (self, self->claim_target, self->claim_id);
    g_autofree char *heading = g_strdup_printf ("%s %s", kind_label (self->claim_target), name);
    RsReview *review = rs_case_lookup_review_for (kase, self->claim_target, self->claim_id);

    gtk_label_set_label (self->claim_label, heading);
    if (review != NULL && rs_review_get_state (review) != RS_REVIEW_STATE_UNREVIEWED)
      {
        g_autofree char *reviewer = rs_text_dup_for_label (rs_review_get_reviewer (review), 80);
        g_autofree char *when = format_relative (rs_review_get_time (review));
        g_autofree char *text = NULL;

        /* TRANSLATORS: "Challenged by Ana, 5 min ago" */
        text = g_strdup_printf (_("%s by %s, %s"), state_label (rs_review_get_state (review)),
                                reviewer, when);
        gtk_label_set_label (self->state_label, text);
      }
    else
      gtk_label_set_label (self->state_label, _("Unreviewed"));
  }

  comments = rs_case_dup_comments_for (kase, self->claim_target, self->claim_id);
  for (guint i = 0; i < comments->len; i++)
    gtk_list_box_append (self->thread_list, comment_row (self, g_ptr_array_index (comments, i)));
  self->n_comments = comments->len;
  update_sensitivity (self);
}

static void
update_mark_label (RsReviewPanel *self)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  g_autofree char *reviewer = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (store != NULL && rs_case_store_get_last_review_mark (store, &reviewer, &when, NULL))
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (when);
      /* xgettext:no-c-format */
      g_autofree char *date = g_date_time_format (local, _("%e %b %Y, %H:%M"));
      g_autofree char *name = rs_text_dup_for_label (reviewer, 80);
      g_autofree char *text = g_strdup_printf (_("Last review: %s, %s"), name, g_strstrip (date));

      gtk_label_set_label (self->mark_label, text);
    }
  else
    gtk_label_set_label (self->mark_label, _("No review marked yet"));
}

/* Following the case -------------------------------------------------------------- */

static void
note_claim (GHashTable *claims,
            RsTarget    target,
            gint64      id)
{
  g_hash_table_add (claims, claim_key (target, id));
}

static void
on_case_changes_cb (RsReviewPanel *self,
                    RsCaseChanges *changes,
                    RsCase        *kase)
{
  g_autoptr(GHashTable) claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const struct { RsTarget target; GType (*get_type) (void); } kinds[] = {
    { RS_TARGET_ENTITY, rs_entity_get_type },
    { RS_TARGET_RELATION, rs_relation_get_type },
    { RS_TARGET_EVENT, rs_event_get_type },
    { RS_TARGET_QUOTE, rs_quote_get_type },
  };
  g_autofree char *shown = claim_key (self->claim_target, self->claim_id);
  gboolean thread_touched = FALSE;
  GHashTableIter iter;
  gpointer key;

  /* Reviews and comments name their claim; claims renamed or removed are listed if
   * they have a row. */
  for (int pass = 0; pass < 3; pass++)
    {
      GPtrArray *reviews = pass == 0 ? rs_case_changes_get_added (changes, RS_TYPE_REVIEW)
                         : pass == 1 ? rs_case_changes_get_changed (changes, RS_TYPE_REVIEW)
                                     : rs_case_changes_get_removed (changes, RS_TYPE_REVIEW);
      GPtrArray *comments = pass == 0 ? rs_case_changes_get_added (changes, RS_TYPE_COMMENT)
                          : pass == 1 ? rs_case_changes_get_changed (changes, RS_TYPE_COMMENT)
                                      : rs_case_changes_get_removed (changes, RS_TYPE_COMMENT);

      for (guint i = 0; reviews != NULL && i < reviews->len; i++)
        note_claim (claims, rs_review_get_target (g_ptr_array_index (reviews, i)),
                    rs_review_get_target_id (g_ptr_array_index (reviews, i)));
      for (guint i = 0; comments != NULL && i < comments->len; i++)
        note_claim (claims, rs_comment_get_target (g_ptr_array_index (comments, i)),
                    rs_comment_get_target_id (g_ptr_array_index (comments, i)));
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (int pass = 0; pass < 2; pass++)
      {
        GPtrArray *objects = pass == 0 ? rs_case_changes_get_changed (changes, kinds[k].get_type ())
                                       : rs_case_changes_get_removed (changes, kinds[k].get_type ());

        for (guint i = 0; objects != NULL && i < objects->len; i++)
          {
            g_autofree char *claim = NULL;
            gint64 id = 0;

            g_object_get (g_ptr_array_index (objects, i), "id", &id, NULL);
            /* Only a row or the thread shown can go stale: a layout moves every
             * entity and relation, which lists nothing new. */
            claim = claim_key (kinds[k].target, id);
            if (g_hash_table_contains (self->rows, claim) || g_str_equal (claim, shown))
              g_hash_table_add (claims, g_steal_pointer (&claim));
          }
      }

  g_hash_table_iter_init (&iter, claims);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int target = 0;
      gint64 id = 0;

      if (sscanf (key, "%d:%" G_GINT64_FORMAT, &target, &id) != 2)
        continue;
      if (g_str_equal (key, shown))
        thread_touched = TRUE;
      update_claim_row (self, target, id);
    }
  if (thread_touched)
    update_thread (self);
  update_mark_label (self);
}

static void
rs_review_panel_store_changed (RsPanel *panel)
{
  RsReviewPanel *self = RS_REVIEW_PANEL (panel);

  g_signal_group_set_target (self->case_signals, rs_panel_get_case (panel));
  g_signal_group_set_target (self->store_signals, rs_panel_get_store (panel));
  self->claim_id = 0;
  rebuild_items (self);
  update_thread (self);
  update_mark_label (self);
  show_error (self, NULL);
}

/* Another program rewrote the case (a reload is a new RsCase): everything may differ.
 * Ordinary transactions come through ::changes, claim by claim. */
static void
rs_review_panel_case_changed (RsPanel *panel)
{
  RsReviewPanel *self = RS_REVIEW_PANEL (panel);
  g_autoptr(GObject) target = g_signal_group_dup_target (self->case_signals);

  /* A review mark, or its undo, touches no record: the label is asked again. */
  update_mark_label (self);
  if (target == (GObject *) rs_panel_get_case (panel))
    return;
  g_signal_group_set_target (self->case_signals, rs_panel_get_case (panel));
  rebuild_items (self);
  update_thread (self);
  update_mark_label (self);
}

/* The thread follows the board: its selected claim, if any. */
static void
rs_review_panel_selection_changed (RsPanel *panel)
{
  RsReviewPanel *self = RS_REVIEW_PANEL (panel);
  RsSelection *selection = rs_panel_get_selection (panel);
  RsTarget target;
  gint64 id;

  if (self->choosing || selection == NULL ||
      !rs_selection_get_primary (selection, &target, &id) || !is_claim (target))
    return;
  rs_review_panel_show_claim (self, target, id);
}

static void
on_items_list_row_selected_cb (RsReviewPanel *self,
                               GtkListBoxRow *row,
                               GtkListBox    *list)
{
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));
  RsTarget target;
  gint64 id;

  if (row == NULL)
    return;
  target = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "rs-target"));
  id = *(gint64 *) g_object_get_data (G_OBJECT (row), "rs-id");

  rs_review_panel_show_claim (self, target, id);
  /* Quotes are not on the board: their thread shows here only. */
  if (selection != NULL && target != RS_TARGET_QUOTE &&
      !rs_selection_contains (selection, target, id))
    {
      self->choosing = TRUE;
      rs_selection_select (selection, target, id);
      self->choosing = FALSE;
    }
}

/* Commands -------------------------------------------------------------------------- */

static void
finish (RsReviewPanel *self,
        RsChange      *change,
        GError        *error)
{
  if (change == NULL)
    {
      show_error (self, error ? error->message : _("Could not change the thread"));
      return;
    }
  g_object_unref (change);
  show_error (self, NULL);
}

static void
comment_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RsReviewPanel *self = RS_REVIEW_PANEL (widget);
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  RsChange *change;

  if (store == NULL || self->claim_id == 0 || !self->can_review)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  change = rs_case_edit_add_comment (store, self->claim_target, self->claim_id, text, NULL, &error);
  finish (self, change, error);
  /* What was typed stays when it could not be added. */
  if (change != NULL)
    gtk_text_buffer_set_text (buffer, "", 0);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RsReviewPanel *self = RS_REVIEW_PANEL (widget);
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  g_autoptr(GError) error = NULL;

  if (store == NULL || !self->can_review)
    return;
  finish (self, rs_case_edit_resolve_comment (store, g_variant_get_int64 (param),
                                              g_str_equal (action_name, "review.resolve"),
                                              &error), error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RsReviewPanel *self = RS_REVIEW_PANEL (widget);
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  g_autoptr(GError) error = NULL;

  if (store == NULL || !self->can_review)
    return;
  finish (self, rs_case_edit_delete_comment (store, g_variant_get_int64 (param), &error), error);
}

/* Public ----------------------------------------------------------------------------- */

void
rs_review_panel_show_claim (RsReviewPanel *self,
                            RsTarget       target,
                            gint64         id)
{
  g_return_if_fail (RS_IS_REVIEW_PANEL (self));

  if (!is_claim (target))
    return;
  if (self->claim_target == target && self->claim_id == id)
    return;
  self->claim_target = target;
  self->claim_id = id;
  show_error (self, NULL);
  update_thread (self);

  /* The row of the claim, when it has one, is the chosen row. */
  {
    g_autofree char *key = claim_key (target, id);
    GtkListBoxRow *row = g_hash_table_lookup (self->rows, key);

    if (row != gtk_list_box_get_selected_row (self->items_list))
      {
        if (row != NULL)
          gtk_list_box_select_row (self->items_list, row);
        else
          gtk_list_box_unselect_all (self->items_list);
      }
  }
}

gboolean
rs_review_panel_get_claim (RsReviewPanel *self,
                           RsTarget      *target,
                           gint64        *id)
{
  g_return_val_if_fail (RS_IS_REVIEW_PANEL (self), FALSE);

  if (self->claim_id == 0)
    return FALSE;
  if (target)
    *target = self->claim_target;
  if (id)
    *id = self->claim_id;
  return TRUE;
}

void
rs_review_panel_focus_comment (RsReviewPanel *self)
{
  g_return_if_fail (RS_IS_REVIEW_PANEL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
}

gboolean
rs_review_panel_get_can_review (RsReviewPanel *self)
{
  g_return_val_if_fail (RS_IS_REVIEW_PANEL (self), FALSE);
  return self->can_review;
}

/* Whether comments may be added, resolved and deleted here (the window's lock). */
void
rs_review_panel_set_can_review (RsReviewPanel *self,
                                gboolean       can_review)
{
  g_return_if_fail (RS_IS_REVIEW_PANEL (self));

  can_review = !!can_review;
  if (self->can_review == can_review)
    return;
  self->can_review = can_review;
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REVIEW]);
}

guint
rs_review_panel_get_n_items (RsReviewPanel *self)
{
  g_return_val_if_fail (RS_IS_REVIEW_PANEL (self), 0);
  return g_hash_table_size (self->rows);
}

gboolean
rs_review_panel_has_item (RsReviewPanel *self,
                          RsTarget       target,
                          gint64         id)
{
  g_autofree char *key = claim_key (target, id);

  g_return_val_if_fail (RS_IS_REVIEW_PANEL (self), FALSE);
  return g_hash_table_contains (self->rows, key);
}

guint
rs_review_panel_get_n_comments (RsReviewPanel *self)
{
  g_return_val_if_fail (RS_IS_REVIEW_PANEL (self), 0);
  return self->n_comments;
}

GtkWidget *
rs_review_panel_new (void)
{
  return g_object_new (RS_TYPE_REVIEW_PANEL, NULL);
}

/* GObject ---------------------------------------------------------------------------- */

static void
rs_review_panel_dispose (GObject *object)
{
  RsReviewPanel *self = RS_REVIEW_PANEL (object);

  if (self->case_signals != NULL)
    g_signal_group_set_target (self->case_signals, NULL);
  g_clear_object (&self->case_signals);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_REVIEW_PANEL);

  G_OBJECT_CLASS (rs_review_panel_parent_class)->dispose (object);
}

static void
rs_review_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RsReviewPanel *self = RS_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_CAN_REVIEW:
      g_value_set_boolean (value, self->can_review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_review_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RsReviewPanel *self = RS_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_CAN_REVIEW:
      rs_review_panel_set_can_review (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_review_panel_class_init (RsReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RsPanelClass *panel_class = RS_PANEL_CLASS (klass);

  object_class->dispose = rs_review_panel_dispose;
  object_class->get_property = rs_review_panel_get_property;
  object_class->set_property = rs_review_panel_set_property;

  panel_class->store_changed = rs_review_panel_store_changed;
  panel_class->selection_changed = rs_review_panel_selection_changed;
  panel_class->case_changed = rs_review_panel_case_changed;

  properties[PROP_CAN_REVIEW] =
    g_param_spec_boolean ("can-review", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "review.comment", NULL, comment_action);
  gtk_widget_class_install_action (widget_class, "review.resolve", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "review.reopen", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "review.delete", "x", delete_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RsReviewPanel, items_list);
  gtk_widget_class_bind_template_child (widget_class, RsReviewPanel, claim_label);
  gtk_widget_class_bind_template_child (widget_class, RsReviewPanel, state_label);
  gtk_widget_class_bind_template_child (widget_class, RsReviewPanel, thread_list);
  gtk_widget_class_bind_template_child (widget_class, RsReviewPanel, comment_view);
  gtk_widget_class_bind_template_child (widget_class, RsReviewPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsReviewPanel, comment_button);
  gtk_widget_class_bind_template_child (widget_class, RsReviewPanel, mark_label);
  gtk_widget_class_bind_template_child (widget_class, RsReviewPanel, mark_button);
  gtk_widget_class_bind_template_callback (widget_class, on_items_list_row_selected_cb);

  gtk_widget_class_set_css_name (widget_class, "rs-review-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rs_review_panel_init (RsReviewPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Enter adds the comment: caught before the text field, which would take it as
   * a new line. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                            gtk_named_action_new ("review.comment")));
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_sort_func (self->items_list, sort_rows, NULL, NULL);
  self->case_signals = g_signal_group_new (RS_TYPE_CASE);
  g_signal_group_connect_object (self->case_signals, "changes",
                                 G_CALLBACK (on_case_changes_cb), self, G_CONNECT_SWAPPED);
  self->store_signals = g_signal_group_new (RS_TYPE_CASE_STORE);
  g_signal_group_connect_object (self->store_signals, "change-committed",
                                 G_CALLBACK (update_mark_label), self, G_CONNECT_SWAPPED);
  update_sensitivity (self);
}
