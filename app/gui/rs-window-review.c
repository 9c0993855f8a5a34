/* rs-window-review.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-review-panel.h"
#include "rs-window-private.h"

/* Team review from the window (issue 20): accepting, challenging and commenting on the
 * selected claim (the board's menu, the main menu, Ctrl+Alt+A / Ctrl+Alt+X / Ctrl+Alt+U /
 * Ctrl+Alt+M), on a quote (its row menu in the Quotes panel, through win.review-item),
 * and the window's lock: a review meeting reads the case without changing it by
 * accident, and may still let comments and review states through.
 *
 * Each review command goes to the store like every other edit, so the window's undo
 * stack takes it (on_change_committed_cb in rs-window-editing.c). */

/* Whether the user may change the case from this window: a case on a writable file, not
 * locked. Every edit action, the board's drags and links, the panels' editing and the
 * source viewer's marking follow this one state. */
gboolean
rs_window_get_editable (RsWindow *self)
{
  g_return_val_if_fail (RS_IS_WINDOW (self), FALSE);
  return self->store != NULL && !rs_case_store_is_read_only (self->store) && !self->locked;
}

/* Whether review states and comments may be changed: editable, or locked with
 * "Allow Review While Locked". */
gboolean
_rs_window_can_review (RsWindow *self)
{
  return self->store != NULL && !rs_case_store_is_read_only (self->store) &&
         (!self->locked || self->allow_review);
}

/* The claim the review actions act on: the selection's primary item, if it is one. */
static gboolean
selected_claim (RsWindow *self,
                RsTarget *target,
                gint64   *id)
{
  if (self->selection == NULL || !rs_selection_get_primary (self->selection, target, id))
    return FALSE;
  return *target == RS_TARGET_ENTITY || *target == RS_TARGET_RELATION ||
         *target == RS_TARGET_EVENT || *target == RS_TARGET_QUOTE;
}

void
_rs_window_review_update_actions (RsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean can_review = _rs_window_can_review (self);
  gboolean has_claim;
  RsTarget target;
  gint64 id;

  has_claim = selected_claim (self, &target, &id);
  gtk_widget_action_set_enabled (widget, "win.accept-claim", can_review && has_claim);
  gtk_widget_action_set_enabled (widget, "win.challenge-claim", can_review && has_claim);
  gtk_widget_action_set_enabled (widget, "win.unreview-claim", can_review && has_claim);
  gtk_widget_action_set_enabled (widget, "win.comment-claim", can_review && has_claim);
  gtk_widget_action_set_enabled (widget, "win.review-item", can_review);
  gtk_widget_action_set_enabled (widget, "win.mark-review", can_review);
  /* Allowing review only means something while locked. */
  gtk_widget_action_set_enabled (widget, "win.allow-review-while-locked",
                                 self->store != NULL && self->locked);
  gtk_widget_action_set_enabled (widget, "win.lock-editing",
                                 self->store != NULL && !rs_case_store_is_read_only (self->store));
  if (self->review_panel != NULL)
    rs_review_panel_set_can_review (self->review_panel, can_review);
}

static void
set_state (RsWindow      *self,
           RsTarget       target,
           gint64         id,
           RsReviewState  state)
{
  g_autoptr(GError) error = NULL;
  RsChange *change;

  if (!_rs_window_can_review (self))
    return;
  change = rs_case_edit_set_review_state (self->store, target, id, state, &error);
  if (change == NULL)
    {
      rs_window_show_toast (self, error->message);
      return;
    }
  g_object_unref (change);
  _rs_window_update_edit_actions (self);
}

/* The Review panel, on the claim's thread, with the keyboard in its field. */
static void
comment_on (RsWindow *self,
            RsTarget  target,
            gint64    id)
{
  if (!_rs_window_can_review (self))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-side-page", "s", "review");
  rs_review_panel_show_claim (self->review_panel, target, id);
  rs_review_panel_focus_comment (self->review_panel);
}

static void
claim_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  RsTarget target;
  gint64 id;

  if (!selected_claim (self, &target, &id))
    return;
  if (g_str_equal (action_name, "win.accept-claim"))
    set_state (self, target, id, RS_REVIEW_STATE_ACCEPTED);
  else if (g_str_equal (action_name, "win.challenge-claim"))
    set_state (self, target, id, RS_REVIEW_STATE_CHALLENGED);
  else if (g_str_equal (action_name, "win.unreview-claim"))
    set_state (self, target, id, RS_REVIEW_STATE_UNREVIEWED);
  else
    comment_on (self, target, id);
}

/* win.review-item(("accept"|"challenge"|"unreviewed"|"comment", target, id)): for
 * claims that are not the selection, such as a quote's row in the Quotes panel. */
static void
review_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  const char *verb;
  gint32 target;
  gint64 id;

  g_variant_get (param, "(&six)", &verb, &target, &id);
  if (target != RS_TARGET_ENTITY && target != RS_TARGET_RELATION &&
      target != RS_TARGET_EVENT && target != RS_TARGET_QUOTE)
    return;
  if (g_str_equal (verb, "accept"))
    set_state (self, target, id, RS_REVIEW_STATE_ACCEPTED);
  else if (g_str_equal (verb, "challenge"))
    set_state (self, target, id, RS_REVIEW_STATE_CHALLENGED);
  else if (g_str_equal (verb, "unreviewed"))
    set_state (self, target, id, RS_REVIEW_STATE_UNREVIEWED);
  else if (g_str_equal (verb, "comment"))
    comment_on (self, target, id);
}

static void
mark_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RsWindow *self = RS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  RsChange *change;

  if (!_rs_window_can_review (self))
    return;
  if (!(change = rs_case_edit_mark_review (self->store, &error)))
    {
      rs_window_show_toast (self, error->message);
      return;
    }
  g_object_unref (change);
  rs_window_show_toast (self, _("Review marked: “changes since the last review” start now"));
  _rs_window_update_edit_actions (self);
}

/* The review section of a claim's menu (the board's context menu, a quote's row). */
GMenuModel *
_rs_window_review_menu_for (RsTarget target,
                            gint64   id)
{
  static const struct { const char *label; const char *verb; } items[] = {
    { N_("_Accept"), "accept" },
    { N_("C_hallenge"), "challenge" },
    { N_("Mark U_nreviewed"), "unreviewed" },
    { N_("C_omment…"), "comment" },
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "win.review-item",
                                               g_variant_new ("(six)", items[i].verb,
                                                              (gint32) target, id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* The lock --------------------------------------------------------------------------- */

void
_rs_window_lock_changed (RsWindow *self)
{
  gtk_widget_set_visible (self->lock_indicator, self->locked);
  gtk_widget_set_tooltip_text (self->lock_indicator,
                               self->allow_review
                               ? _("Editing is locked; comments and review states are allowed. "
                                   "Click to unlock.")
                               : _("Editing is locked: nothing in this window changes the case. "
                                   "Click to unlock."));
  _rs_window_update_edit_actions (self);
}

void
_rs_window_class_review_init (RsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.accept-claim", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "win.challenge-claim", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "win.unreview-claim", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "win.comment-claim", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "win.review-item", "(six)", review_item_action);
  gtk_widget_class_install_action (widget_class, "win.mark-review", NULL, mark_review_action);
  gtk_widget_class_install_property_action (widget_class, "win.lock-editing", "locked");
  gtk_widget_class_install_property_action (widget_class, "win.allow-review-while-locked",
                                            "allow-review");

  /* Ctrl+Alt+A/X/U/M are the application's accelerators (rs-application.c), so the
   * menus show them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK,
                                       "win.show-side-page", "s", "review");
}
