/* rs-filter-popover.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-filter-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-filter-popover.h"
#include "rs-text.h"

/* Edits an RsBoardFilter: kinds, relation statuses, "what does report X alone
 * support?", focus depth, dim or remove. The filter is the state; this popover
 * only reflects and changes it. Hidden things are never deleted. */
struct _RsFilterPopover
{
  GtkPopover parent_instance;

  /* Template widgets */
  GtkFlowBox    *kinds_box;
  GtkFlowBox    *statuses_box;
  GtkDropDown   *document_dropdown;
  GtkDropDown   *review_dropdown;  /* RsBoardReviewFilter, in its order */
  GtkSpinButton *hops_spin;
  GtkSwitch     *remove_switch;

  /* Owned */
  RsBoardFilter *filter;
  RsCaseStore   *store;
  GArray        *document_ids;   /* dropdown position -> document id (0 = all) */
  GPtrArray     *kind_checks;    /* GtkCheckButton per RsEntityKind (borrowed) */
  GPtrArray     *status_checks;  /* GtkCheckButton per RsRelationStatus (borrowed) */
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (RsFilterPopover, rs_filter_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Filter -> widgets, without feeding the change back. */
static void
sync_from_filter (RsFilterPopover *self)
{
  gint64 doc_id;
  guint selected = 0;

  if (self->filter == NULL)
    return;

  self->syncing = TRUE;
  for (guint k = 0; k < self->kind_checks->len; k++)
    gtk_check_button_set_active (g_ptr_array_index (self->kind_checks, k),
                                 rs_board_filter_get_kind_visible (self->filter, k));
  for (guint s = 0; s < self->status_checks->len; s++)
    gtk_check_button_set_active (g_ptr_array_index (self->status_checks, s),
                                 rs_board_filter_get_status_visible (self->filter, s));

  doc_id = rs_board_filter_get_document_id (self->filter);
  for (guint i = 0; i < self->document_ids->len; i++)
    if (g_array_index (self->document_ids, gint64, i) == doc_id)
      selected = i;
  gtk_drop_down_set_selected (self->document_dropdown, selected);

  if (rs_board_filter_get_focus_hops (self->filter) > 0)
    gtk_spin_button_set_value (self->hops_spin, rs_board_filter_get_focus_hops (self->filter));
  gtk_switch_set_active (self->remove_switch, rs_board_filter_get_remove_hidden (self->filter));
  gtk_drop_down_set_selected (self->review_dropdown, rs_board_filter_get_review (self->filter));
  self->syncing = FALSE;
}

static void
rebuild_documents (RsFilterPopover *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 all = 0;

  g_array_set_size (self->document_ids, 0);
  gtk_string_list_append (names, _("All documents"));
  g_array_append_val (self->document_ids, all);

  if (self->store != NULL)
    {
      GListModel *documents = rs_case_get_documents (rs_case_store_get_case (self->store));

      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(RsDocument) doc = g_list_model_get_item (documents, i);
          const char *publisher = rs_document_get_publisher (doc);
          g_autofree char *title = rs_text_dup_for_label (rs_document_get_title (doc),
                                                          RS_TEXT_LABEL_MAX_CHARS);
          g_autofree char *from = rs_text_dup_for_label (publisher, RS_TEXT_LABEL_MAX_CHARS);
          g_autofree char *label = *from != '\0'
                                   ? g_strdup_printf ("%s — %s", from, title)
                                   : g_steal_pointer (&title);
          gint64 id = rs_document_get_id (doc);

          gtk_string_list_append (names, label);
          g_array_append_val (self->document_ids, id);
        }
    }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->document_dropdown, G_LIST_MODEL (names));
  self->syncing = FALSE;
  sync_from_filter (self);
}

static void
on_kind_toggled_cb (GtkCheckButton  *check,
                    RsFilterPopover *self)
{
  RsEntityKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "rs-kind"));

  if (!self->syncing && self->filter)
    rs_board_filter_set_kind_visible (self->filter, kind, gtk_check_button_get_active (check));
}

static void
on_status_toggled_cb (GtkCheckButton  *check,
                      RsFilterPopover *self)
{
  RsRelationStatus status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "rs-status"));

  if (!self->syncing && self->filter)
    rs_board_filter_set_status_visible (self->filter, status, gtk_check_button_get_active (check));
}

static void
on_document_dropdown_selected_cb (RsFilterPopover *self)
{
  guint selected = gtk_drop_down_get_selected (self->document_dropdown);

  if (self->syncing || self->filter == NULL || selected >= self->document_ids->len)
    return;
  rs_board_filter_set_document_id (self->filter, g_array_index (self->document_ids, gint64, selected));
}

static void
on_hops_spin_value_changed_cb (RsFilterPopover *self)
{
  if (!self->syncing && self->filter && rs_board_filter_get_focus_id (self->filter) > 0)
    rs_board_filter_set_focus_hops (self->filter, gtk_spin_button_get_value_as_int (self->hops_spin));
}

static void
on_review_dropdown_selected_cb (RsFilterPopover *self)
{
  if (!self->syncing && self->filter)
    rs_board_filter_set_review (self->filter, gtk_drop_down_get_selected (self->review_dropdown));
}

static void
on_remove_switch_active_cb (RsFilterPopover *self)
{
  if (!self->syncing && self->filter)
    rs_board_filter_set_remove_hidden (self->filter, gtk_switch_get_active (self->remove_switch));
}

static GtkWidget *
make_check (const char *label)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_widget_set_focus_on_click (check, FALSE);
  return check;
}

static void
rs_filter_popover_dispose (GObject *object)
{
  RsFilterPopover *self = RS_FILTER_POPOVER (object);

  if (self->filter)
    g_signal_handlers_disconnect_by_func (self->filter, sync_from_filter, self);
  if (self->store)
    g_signal_handlers_disconnect_by_func (rs_case_get_documents (rs_case_store_get_case (self->store)),
                                          rebuild_documents, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_FILTER_POPOVER);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rs_filter_popover_parent_class)->dispose (object);
}

static void
rs_filter_popover_finalize (GObject *object)
{
  RsFilterPopover *self = RS_FILTER_POPOVER (object);

  g_clear_pointer (&self->document_ids, g_array_unref);
  g_clear_pointer (&self->kind_checks, g_ptr_array_unref);
  g_clear_pointer (&self->status_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rs_filter_popover_parent_class)->finalize (object);
}

static void
rs_filter_popover_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RsFilterPopover *self = RS_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, rs_filter_popover_get_filter (self));
      break;

    case PROP_STORE:
      g_value_set_object (value, rs_filter_popover_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_filter_popover_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RsFilterPopover *self = RS_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      rs_filter_popover_set_filter (self, g_value_get_object (value));
      break;

    case PROP_STORE:
      rs_filter_popover_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_filter_popover_class_init (RsFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_filter_popover_dispose;
  object_class->finalize = rs_filter_popover_finalize;
  object_class->get_property = rs_filter_popover_get_property;
  object_class->set_property = rs_filter_popover_set_property;

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, RS_TYPE_BOARD_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RsFilterPopover, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, RsFilterPopover, statuses_box);
  gtk_widget_class_bind_template_child (widget_class, RsFilterPopover, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsFilterPopover, hops_spin);
  gtk_widget_class_bind_template_child (widget_class, RsFilterPopover, remove_switch);
  gtk_widget_class_bind_template_child (widget_class, RsFilterPopover, review_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_review_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_document_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hops_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_switch_active_cb);
}

static void
rs_filter_popover_init (RsFilterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->kind_checks = g_ptr_array_new ();
  self->status_checks = g_ptr_array_new ();

  /* One check per kind and per status: the enums, not the template, list them. */
  for (guint k = 0; k < RS_ENTITY_KIND_LAST; k++)
    {
      GtkWidget *check = make_check (rs_entity_kind_to_display (k));

      g_object_set_data (G_OBJECT (check), "rs-kind", GUINT_TO_POINTER (k));
      g_signal_connect (check, "toggled", G_CALLBACK (on_kind_toggled_cb), self);
      gtk_flow_box_append (self->kinds_box, check);
      g_ptr_array_add (self->kind_checks, check);
    }
  for (guint s = 0; s <= RS_RELATION_STATUS_REFUTED; s++)
    {
      GtkWidget *check = make_check (rs_relation_status_to_display (s));

      g_object_set_data (G_OBJECT (check), "rs-status", GUINT_TO_POINTER (s));
      g_signal_connect (check, "toggled", G_CALLBACK (on_status_toggled_cb), self);
      gtk_flow_box_append (self->statuses_box, check);
      g_ptr_array_add (self->status_checks, check);
    }

  rebuild_documents (self);
}

RsBoardFilter *
rs_filter_popover_get_filter (RsFilterPopover *self)
{
  g_return_val_if_fail (RS_IS_FILTER_POPOVER (self), NULL);
  return self->filter;
}

void
rs_filter_popover_set_filter (RsFilterPopover *self,
                              RsBoardFilter   *filter)
{
  g_return_if_fail (RS_IS_FILTER_POPOVER (self));
  g_return_if_fail (!filter || RS_IS_BOARD_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter)
    g_signal_handlers_disconnect_by_func (self->filter, sync_from_filter, self);
  g_set_object (&self->filter, filter);
  if (filter)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (sync_from_filter), self);

  sync_from_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

RsCaseStore *
rs_filter_popover_get_store (RsFilterPopover *self)
{
  g_return_val_if_fail (RS_IS_FILTER_POPOVER (self), NULL);
  return self->store;
}

void
rs_filter_popover_set_store (RsFilterPopover *self,
                             RsCaseStore     *store)
{
  g_return_if_fail (RS_IS_FILTER_POPOVER (self));
  g_return_if_fail (!store || RS_IS_CASE_STORE (store));

  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_func (rs_case_get_documents (rs_case_store_get_case (self->store)),
                                          rebuild_documents, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_swapped (rs_case_get_documents (rs_case_store_get_case (store)), "items-changed",
                              G_CALLBACK (rebuild_documents), self);

  rebuild_documents (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
