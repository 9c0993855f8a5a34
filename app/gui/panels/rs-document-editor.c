/* rs-document-editor.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-document-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-document-editor.h"
#include "rs-error.h"

/* The Documents panel's form for a report's metadata: title, publisher, author,
 * publication date, URL and reliability grade. It checks as the user types (an
 * empty title or a date that is not YYYY-MM-DD is marked on its row and Save is
 * off), saves through rs_case_edit_update_document() (undoable), and shows what the store
 * refused under the form: a failed save leaves the form as typed. "done" tells the
 * panel to go back to the list. */

struct _RsDocumentEditor
{
  GtkWidget      parent_instance;

  /* Template widgets */
  AdwEntryRow   *title_row;
  AdwEntryRow   *publisher_row;
  AdwEntryRow   *author_row;
  AdwEntryRow   *published_row;
  AdwEntryRow   *url_row;
  AdwComboRow   *reliability_row;
  GtkStringList *reliability_model;
  GtkLabel      *date_error_label;
  GtkLabel      *error_label;

  /* Owned */
  RsCaseStore   *store;
  RsDocument    *document;
};

G_DEFINE_FINAL_TYPE (RsDocumentEditor, rs_document_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};


static const char *
or_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_field (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_text (label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

/* Marks what cannot be saved as it is typed, and keeps Save honest. */
static void
validate (RsDocumentEditor *self)
{
  g_autofree char *title = dup_field (self->title_row);
  g_autofree char *published = dup_field (self->published_row);
  g_autoptr(GError) date_error = NULL;
  gboolean date_ok = rs_case_store_check_published (published, &date_error);

  set_row_error (self->title_row, *title == '\0');
  set_row_error (self->published_row, !date_ok);
  show_error (self->date_error_label, date_error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 self->document != NULL && *title != '\0' && date_ok);
}

static void
on_field_changed_cb (RsDocumentEditor *self,
                     GtkEditable      *editable)
{
  g_assert (RS_IS_DOCUMENT_EDITOR (self));

  show_error (self->error_label, NULL);
  validate (self);
}

static void
on_entry_activated_cb (RsDocumentEditor *self,
                       AdwEntryRow      *row)
{
  g_assert (RS_IS_DOCUMENT_EDITOR (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
set_field (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill (RsDocumentEditor *self)
{
  RsDocument *doc = self->document;

  set_field (self->title_row, doc ? rs_document_get_title (doc) : NULL);
  set_field (self->publisher_row, doc ? rs_document_get_publisher (doc) : NULL);
  set_field (self->author_row, doc ? rs_document_get_author (doc) : NULL);
  set_field (self->published_row, doc ? rs_document_get_published (doc) : NULL);
  set_field (self->url_row, doc ? rs_document_get_url (doc) : NULL);
  adw_combo_row_set_selected (self->reliability_row,
                              doc ? (guint)rs_document_get_reliability (doc)
                                  : RS_RELIABILITY_UNKNOWN);
  show_error (self->error_label, NULL);
  validate (self);
}

/* Focusing the editor starts at the title, not at the Back button. */
static gboolean
rs_document_editor_grab_focus (GtkWidget *widget)
{
  RsDocumentEditor *self = RS_DOCUMENT_EDITOR (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  rs_document_editor_save (RS_DOCUMENT_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[DONE], 0, FALSE);
}

static void
rs_document_editor_dispose (GObject *object)
{
  GtkWidget *child;
  RsDocumentEditor *self = (RsDocumentEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_DOCUMENT_EDITOR);
  /* The template's unnamed children too (dispose_template only takes named ones). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rs_document_editor_parent_class)->dispose (object);
}

static void
rs_document_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RsDocumentEditor *self = RS_DOCUMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rs_document_editor_get_store (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, rs_document_editor_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_document_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RsDocumentEditor *self = RS_DOCUMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rs_document_editor_set_store (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      rs_document_editor_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_document_editor_class_init (RsDocumentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_document_editor_dispose;
  object_class->get_property = rs_document_editor_get_property;
  object_class->set_property = rs_document_editor_set_property;

  widget_class->grab_focus = rs_document_editor_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsDocumentEditor::done:
   * @saved: whether the changes were written
   *
   * Emitted after a successful save, or when the user cancels.
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rs-document-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RsDocumentEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentEditor, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentEditor, published_row);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentEditor, reliability_row);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentEditor, reliability_model);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentEditor, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
}

static void
rs_document_editor_init (RsDocumentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the enum's order, so a row's position is its RsReliability; the labels are
   * the ones the badges' tooltips use. */
  for (RsReliability r = RS_RELIABILITY_UNKNOWN; r <= RS_RELIABILITY_F; r++)
    gtk_string_list_append (self->reliability_model, rs_reliability_to_display (r));

  validate (self);
}

GtkWidget *
rs_document_editor_new (void)
{
  return g_object_new (RS_TYPE_DOCUMENT_EDITOR, NULL);
}

RsCaseStore *
rs_document_editor_get_store (RsDocumentEditor *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT_EDITOR (self), NULL);
  return self->store;
}

void
rs_document_editor_set_store (RsDocumentEditor *self,
                              RsCaseStore      *store)
{
  g_return_if_fail (RS_IS_DOCUMENT_EDITOR (self));
  g_return_if_fail (store == NULL || RS_IS_CASE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

RsDocument *
rs_document_editor_get_document (RsDocumentEditor *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENT_EDITOR (self), NULL);
  return self->document;
}

/* Fills the form from the document (NULL empties it). */
void
rs_document_editor_set_document (RsDocumentEditor *self,
                                 RsDocument       *document)
{
  g_return_if_fail (RS_IS_DOCUMENT_EDITOR (self));
  g_return_if_fail (document == NULL || RS_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  fill (self);
}

/* Writes the form to the store; on success emits "done". On failure the reason is
 * shown in the form, next to the date when it is the date, and nothing is written. */
gboolean
rs_document_editor_save (RsDocumentEditor *self)
{
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *author = NULL;
  g_autofree char *published = NULL;
  g_autofree char *url = NULL;
  guint selected;

  g_return_val_if_fail (RS_IS_DOCUMENT_EDITOR (self), FALSE);

  if (self->document == NULL || self->store == NULL)
    return FALSE;

  title = dup_field (self->title_row);
  publisher = dup_field (self->publisher_row);
  author = dup_field (self->author_row);
  published = dup_field (self->published_row);
  url = dup_field (self->url_row);
  selected = adw_combo_row_get_selected (self->reliability_row);

  if (!rs_case_store_check_published (published, &error))
    {
      set_row_error (self->published_row, TRUE);
      show_error (self->date_error_label, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->published_row));
      return FALSE;
    }

  /* A command: the window's undo stack takes it from the store. */
  /* An emptied field means "not known": NULL in the file, as an import leaves it. */
  change = rs_case_edit_update_document (self->store, rs_document_get_id (self->document),
                                         title, or_null (publisher), or_null (author),
                                         or_null (published), or_null (url),
                                         selected <= RS_RELIABILITY_F ? (RsReliability)selected
                                                                      : RS_RELIABILITY_UNKNOWN,
                                         &error);
  if (change == NULL)
    {
      show_error (self->error_label, error);
      return FALSE;
    }

  g_signal_emit (self, signals[DONE], 0, TRUE);
  return TRUE;
}
