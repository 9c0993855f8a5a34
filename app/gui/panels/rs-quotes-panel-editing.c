/* rs-quotes-panel-editing.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-quotes-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-error.h"
#include "rs-quote-editor.h"
#include "rs-quotes-panel-private.h"

/* Editing the listed quotes: each row has a menu (its ⋮ button, a right click, or
 * Menu / Shift+F10 on the focused row) with Edit Quote… (F2) and Delete Quote
 * (Delete). Both are commands of the store, so the window's undo stack takes them
 * through RsCaseStore::change-committed like any other edit.
 *
 * A row's quote is found through its menu button, whose action target is the quote
 * id (RsQuoteHit:action-target): GTK 4.8 has no public way from a row widget to its
 * item. */

#define MENU_ACTION "quotes.menu"

/* The menu button of the row widget @row, or NULL (a document heading: hidden). */
static GtkWidget *
menu_button_in (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), MENU_ACTION) == 0)
        return child;
      if ((found = menu_button_in (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The quote id of the row widget @row, or 0 (a document heading). */
static gint64
quote_id_in_row (GtkWidget *row)
{
  GtkWidget *button = menu_button_in (row);
  GVariant *target = button ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)) : NULL;

  if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (target);
  return 0;
}

/* The row (a child of the list view) that holds @widget, or NULL. */
static GtkWidget *
row_of (RsQuotesPanel *self,
        GtkWidget     *widget)
{
  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (self->list_view))
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static GtkWidget *
row_of_quote (RsQuotesPanel *self,
              gint64         quote_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row) && quote_id_in_row (row) == quote_id)
      return row;
  return NULL;
}

/* The quote of the focused row, or 0 when the focus is not on a quote. */
static gint64
focused_quote_id (RsQuotesPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return 0;
  row = row_of (self, focus);
  return row ? quote_id_in_row (row) : 0;
}

/* Where a popover about @quote_id points: its row (or the row's menu button), or
 * the top of the list. */
static void
point_at_quote (RsQuotesPanel *self,
                GtkPopover    *popover,
                gint64         quote_id,
                gboolean       at_button)
{
  GtkWidget *row = row_of_quote (self, quote_id);
  GtkWidget *target = row;
  graphene_rect_t bounds;
  GdkRectangle rect;

  if (row != NULL && at_button && menu_button_in (row) != NULL)
    target = menu_button_in (row);
  if (target == NULL || !gtk_widget_compute_bounds (target, GTK_WIDGET (self), &bounds))
    {
      if (!gtk_widget_compute_bounds (GTK_WIDGET (self->list_view), GTK_WIDGET (self), &bounds))
        graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), 1);
      bounds.size.height = MIN (bounds.size.height, 1);
    }
  rect = (GdkRectangle) { bounds.origin.x, bounds.origin.y,
                          MAX (bounds.size.width, 1), MAX (bounds.size.height, 1) };
  gtk_popover_set_pointing_to (popover, &rect);
}

/* The evidence link of @quote_id the editor's stance is about: the quote's link to
 * the first listed thing that has one (the primary one first). */
static RsEvidence *
find_evidence (RsQuotesPanel  *self,
               gint64          quote_id,
               char          **label)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  GArray *targets = _rs_quotes_panel_get_targets (self);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const RsPanelTarget *target = &g_array_index (targets, RsPanelTarget, i);
      g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, target->target, target->id);

      for (guint j = 0; j < evidence->len; j++)
        {
          RsEvidence *link = g_ptr_array_index (evidence, j);

          if (rs_evidence_get_quote_id (link) == quote_id)
            {
              *label = rs_panel_dup_target_label (kase, target->target, target->id, FALSE);
              return link;
            }
        }
    }
  return NULL;
}

static void
show_error (RsQuotesPanel *self,
            const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
on_editor_save_cb (RsQuotesPanel *self,
                   RsQuoteEditor *editor)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  RsQuote *quote = rs_quote_editor_get_quote (editor);
  RsEvidence *evidence = rs_quote_editor_get_evidence (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;

  g_assert (RS_IS_QUOTES_PANEL (self));

  if (store == NULL || quote == NULL)
    return;

  change = rs_case_edit_update_quote_evidence (store, rs_quote_get_id (quote),
                                               rs_quote_editor_get_start (editor),
                                               rs_quote_editor_get_end (editor),
                                               rs_quote_editor_get_credibility (editor),
                                               evidence ? rs_evidence_get_id (evidence) : 0,
                                               rs_quote_editor_get_stance (editor), &error);
  if (change == NULL)
    {
      /* The popover stays open with the reason: nothing was written. */
      rs_quote_editor_set_error (editor, error ? error->message : _("Could not save the quote"));
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (editor));
}

/* Back on the row the editor or the menu came from, for the keyboard. */
static void
on_popover_closed_cb (RsQuotesPanel *self,
                      GtkPopover    *popover)
{
  gint64 quote_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (popover), "rs-quote-id"));
  GtkWidget *row;

  if (quote_id != 0 && (row = row_of_quote (self, quote_id)) != NULL)
    gtk_widget_grab_focus (row);
}

/**
 * rs_quotes_panel_edit_quote:
 * @quote_id: a listed quote
 *
 * Opens the quote editor on @quote_id, pointing at its row (Edit Quote…).
 *
 * Returns: %FALSE if the quote is not listed
 */
gboolean
rs_quotes_panel_edit_quote (RsQuotesPanel *self,
                            gint64         quote_id)
{
  RsCase *kase;
  RsQuote *quote;
  RsDocument *document;
  RsEvidence *evidence;
  g_autofree char *label = NULL;

  g_return_val_if_fail (RS_IS_QUOTES_PANEL (self), FALSE);

  if (!(kase = rs_panel_get_case (RS_PANEL (self))) ||
      !(quote = rs_case_lookup_quote (kase, quote_id)) ||
      !(document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote))))
    return FALSE;

  if (self->editor == NULL)
    {
      self->editor = rs_quote_editor_new ();
      gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
      g_signal_connect_object (self->editor, "save", G_CALLBACK (on_editor_save_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->editor, "closed", G_CALLBACK (on_popover_closed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  evidence = find_evidence (self, quote_id, &label);
  rs_quote_editor_edit (RS_QUOTE_EDITOR (self->editor), quote, document, evidence, label);
  g_object_set_data (G_OBJECT (self->editor), "rs-quote-id", GSIZE_TO_POINTER (quote_id));
  point_at_quote (self, GTK_POPOVER (self->editor), quote_id, FALSE);
  gtk_popover_popup (GTK_POPOVER (self->editor));
  return TRUE;
}

/**
 * rs_quotes_panel_get_quote_editor:
 *
 * Returns: (transfer none) (nullable): the quote editor, once it was opened
 */
GtkWidget *
rs_quotes_panel_get_quote_editor (RsQuotesPanel *self)
{
  g_return_val_if_fail (RS_IS_QUOTES_PANEL (self), NULL);
  return self->editor;
}

/**
 * rs_quotes_panel_delete_quote:
 * @quote_id: a quote of the case
 *
 * Delete Quote: the quote and its evidence, one undoable command. The focus, when it
 * was on the list, goes to the next quote (or the one before).
 *
 * Returns: %FALSE with @error set if it could not be deleted
 */
gboolean
rs_quotes_panel_delete_quote (RsQuotesPanel  *self,
                              gint64          quote_id,
                              GError        **error)
{
  RsCaseStore *store;
  g_autoptr(RsChange) change = NULL;
  GListModel *quotes;
  gboolean had_focus;
  gint64 next_id = 0;
  guint n;

  g_return_val_if_fail (RS_IS_QUOTES_PANEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(store = rs_panel_get_store (RS_PANEL (self))))
    {
      g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("No case is open"));
      return FALSE;
    }

  quotes = G_LIST_MODEL (self->quotes);
  n = g_list_model_get_n_items (quotes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsQuote) quote = g_list_model_get_item (quotes, i);

      if (rs_quote_get_id (quote) != quote_id)
        continue;
      if (i + 1 < n || i > 0)
        {
          g_autoptr(RsQuote) next = g_list_model_get_item (quotes, i + 1 < n ? i + 1 : i - 1);

          next_id = rs_quote_get_id (next);
        }
      break;
    }
  had_focus = focused_quote_id (self) != 0;

  if (!(change = rs_case_edit_delete_quote (store, quote_id, error)))
    return FALSE;

  if (had_focus && next_id != 0)
    {
      GtkWidget *row = row_of_quote (self, next_id);

      if (row != NULL)
        gtk_widget_grab_focus (row);
    }
  return TRUE;
}

static void
edit_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  rs_quotes_panel_edit_quote (RS_QUOTES_PANEL (widget), g_variant_get_int64 (param));
}

static void
delete_quote_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!rs_quotes_panel_delete_quote (RS_QUOTES_PANEL (widget), g_variant_get_int64 (param), &error))
    show_error (RS_QUOTES_PANEL (widget), error->message);
}

/* The row menu of @quote_id, pointing at @rect (panel coordinates) or at the row. */
static void
popup_menu (RsQuotesPanel      *self,
            gint64              quote_id,
            const GdkRectangle *rect)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit Quote…"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete Quote"), NULL);

  g_menu_item_set_action_and_target_value (edit, "quotes.edit-quote", g_variant_new_int64 (quote_id));
  g_menu_item_set_attribute (edit, "accel", "s", "F2");
  g_menu_item_set_action_and_target_value (delete, "quotes.delete-quote",
                                           g_variant_new_int64 (quote_id));
  g_menu_item_set_attribute (delete, "accel", "s", "Delete");
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, delete);

  /* Review (issue 20): the window's win.review-item, which the menu reaches through
   * the panel's ancestors; the window disables it while review is locked. */
  {
    static const struct { const char *label; const char *verb; } items[] = {
      { N_("_Accept"), "accept" },
      { N_("C_hallenge"), "challenge" },
      { N_("Mark U_nreviewed"), "unreviewed" },
      { N_("C_omment…"), "comment" },
    };
    g_autoptr(GMenu) review = g_menu_new ();

    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

        g_menu_item_set_action_and_target_value (item, "win.review-item",
                                                 g_variant_new ("(six)", items[i].verb,
                                                                (gint32) RS_TARGET_QUOTE,
                                                                quote_id));
        g_menu_append_item (review, item);
      }
    g_menu_append_section (menu, NULL, G_MENU_MODEL (review));
  }

  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  g_object_set_data (G_OBJECT (self->menu), "rs-quote-id", GSIZE_TO_POINTER (quote_id));
  if (rect != NULL)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), rect);
  else
    point_at_quote (self, GTK_POPOVER (self->menu), quote_id, TRUE);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  popup_menu (RS_QUOTES_PANEL (widget), g_variant_get_int64 (param), NULL);
}

static void
on_list_pressed_cb (RsQuotesPanel   *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? row_of (self, picked) : NULL;
  gint64 quote_id = row ? quote_id_in_row (row) : 0;
  graphene_point_t point;

  if (quote_id == 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->list_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  popup_menu (self, quote_id, &(GdkRectangle) { point.x, point.y, 1, 1 });
}

/* F2, Delete, Menu: on the focused row only; elsewhere the keys keep their meaning. */
static gboolean
focused_row_shortcut (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  RsQuotesPanel *self = RS_QUOTES_PANEL (widget);
  const char *what = g_variant_get_string (args, NULL);
  gint64 quote_id = focused_quote_id (self);

  if (quote_id == 0)
    return FALSE;
  if (g_str_equal (what, "edit"))
    rs_quotes_panel_edit_quote (self, quote_id);
  else if (g_str_equal (what, "delete"))
    gtk_widget_activate_action (widget, "quotes.delete-quote", "x", quote_id);
  else
    popup_menu (self, quote_id, NULL);
  return TRUE;
}

void
_rs_quotes_panel_class_init_editing (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "quotes.edit-quote", "x", edit_quote_action);
  gtk_widget_class_install_action (widget_class, "quotes.delete-quote", "x", delete_quote_action);
  gtk_widget_class_install_action (widget_class, MENU_ACTION, "x", menu_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F2, 0, focused_row_shortcut, "s", "edit");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, focused_row_shortcut, "s", "delete");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, focused_row_shortcut, "s", "delete");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, focused_row_shortcut, "s", "menu");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, focused_row_shortcut,
                                "s", "menu");

  g_type_ensure (RS_TYPE_QUOTE_EDITOR);
}

void
_rs_quotes_panel_init_editing (RsQuotesPanel *self)
{
  GtkGesture *gesture = gtk_gesture_click_new ();

  rs_panel_add_edit_action (RS_PANEL (self), "quotes.edit-quote");
  rs_panel_add_edit_action (RS_PANEL (self), "quotes.delete-quote");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (on_list_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (gesture));
}

void
_rs_quotes_panel_dispose_editing (RsQuotesPanel *self)
{
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
}
