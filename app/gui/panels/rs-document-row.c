/* rs-document-row.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-document-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-document-row.h"
#include "rs-gui-closures.h"

/* One report in the Documents panel: title, byline, reliability badge, number of
 * quotes, an edit and a delete button. Everything shown is bound in the template;
 * the row only turns a click on its buttons into "documents.edit" and
 * "documents.delete" for the panel (a list item cannot carry the document id to an
 * action by itself). */

struct _RsDocumentRow
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *edit_button;
  GtkWidget      *delete_button;

  /* Owned */
  RsDocumentItem *item;
};

G_DEFINE_FINAL_TYPE (RsDocumentRow, rs_document_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "3 quotes", "No quotes yet": a report nobody quoted yet is still worth seeing. */
char *
rs_document_row_format_n_quotes (gpointer this_object,
                                 guint    n_quotes)
{
  if (n_quotes == 0)
    return g_strdup (_("No quotes yet"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", n_quotes),
                          n_quotes);
}

static void
on_edit_button_clicked_cb (RsDocumentRow *self,
                           GtkButton     *button)
{
  RsDocument *document;

  g_assert (RS_IS_DOCUMENT_ROW (self));

  if (self->item == NULL || !(document = rs_document_item_get_document (self->item)))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "documents.edit", "x",
                              rs_document_get_id (document));
}

static void
on_delete_button_clicked_cb (RsDocumentRow *self,
                             GtkButton     *button)
{
  RsDocument *document;

  g_assert (RS_IS_DOCUMENT_ROW (self));

  if (self->item == NULL || !(document = rs_document_item_get_document (self->item)))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "documents.delete", "x",
                              rs_document_get_id (document));
}

static gboolean
on_title_query_tooltip_cb (RsDocumentRow *self,
                           int            x,
                           int            y,
                           gboolean       keyboard_mode,
                           GtkTooltip    *tooltip,
                           GtkWidget     *label)
{
  RsDocument *document;
  g_autofree char *title = NULL;

  if (self->item == NULL || !(document = rs_document_item_get_document (self->item)))
    return FALSE;
  title = rs_gui_closures_row_text (NULL, rs_document_get_title (document));
  gtk_tooltip_set_text (tooltip, title);
  return TRUE;
}

static gboolean
on_badge_query_tooltip_cb (RsDocumentRow *self,
                           int            x,
                           int            y,
                           gboolean       keyboard_mode,
                           GtkTooltip    *tooltip,
                           GtkWidget     *badge)
{
  RsDocument *document;
  g_autofree char *text = NULL;

  if (self->item == NULL || !(document = rs_document_item_get_document (self->item)))
    return FALSE;
  text = rs_gui_closures_reliability_label (NULL, rs_document_get_reliability (document));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_edit_query_tooltip_cb (RsDocumentRow *self,
                          int            x,
                          int            y,
                          gboolean       keyboard_mode,
                          GtkTooltip    *tooltip,
                          GtkWidget     *button)
{
  gtk_tooltip_set_text (tooltip, _("Edit Details"));
  return TRUE;
}

static gboolean
on_delete_query_tooltip_cb (RsDocumentRow *self,
                            int            x,
                            int            y,
                            gboolean       keyboard_mode,
                            GtkTooltip    *tooltip,
                            GtkWidget     *button)
{
  gtk_tooltip_set_text (tooltip, _("Delete Report, with Its Quotes"));
  return TRUE;
}

static void
rs_document_row_dispose (GObject *object)
{
  GtkWidget *child;
  RsDocumentRow *self = (RsDocumentRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_DOCUMENT_ROW);
  /* The template's unnamed children too (dispose_template only takes named ones). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (rs_document_row_parent_class)->dispose (object);
}

static void
rs_document_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RsDocumentRow *self = RS_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, rs_document_row_get_item (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_document_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RsDocumentRow *self = RS_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      rs_document_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_document_row_class_init (RsDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_document_row_dispose;
  object_class->get_property = rs_document_row_get_property;
  object_class->set_property = rs_document_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, RS_TYPE_DOCUMENT_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  g_type_ensure (RS_TYPE_DOCUMENT);
  g_type_ensure (RS_TYPE_DOCUMENT_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RsDocumentRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_badge_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, rs_document_row_format_n_quotes);
  rs_gui_closures_bind_template (widget_class);
}

static void
rs_document_row_init (RsDocumentRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rs_document_row_new (void)
{
  return g_object_new (RS_TYPE_DOCUMENT_ROW, NULL);
}

RsDocumentItem *
rs_document_row_get_item (RsDocumentRow *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT_ROW (self), NULL);
  return self->item;
}

void
rs_document_row_set_item (RsDocumentRow  *self,
                          RsDocumentItem *item)
{
  g_return_if_fail (RS_IS_DOCUMENT_ROW (self));
  g_return_if_fail (item == NULL || RS_IS_DOCUMENT_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
