/* rs-documents-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-documents-panel"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-document-editor.h"
#include "rs-document-item.h"
#include "rs-document-row.h"
#include "rs-documents-panel.h"
#include "rs-text.h"

/* The reports of the case, each with its byline, reliability and how many quotes
 * came from it: a report nobody has quoted yet is visible here, and nowhere else.
 *
 * `items` mirrors the case's documents model position by position (one RsDocumentItem
 * per RsDocument), following its "items-changed" ranges rather than rebuilding on
 * every RsCase::changed; the quote counts follow the quotes model. The template sorts
 * the mirror; GtkSortListModel does not watch item properties, so a title or date
 * edit tells the sorter. Activating a row asks the window to open the report in the
 * source viewer ("open-document"); the edit button swaps the list for the editor.
 *
 * Deleting a report (its row's delete button, or Delete on a focused row) is one
 * undoable command that takes its quotes and their evidence with it. It is done at
 * once and a toast offers Undo, rather than asking first: the command undoes
 * exactly, and a question before every deliberate delete teaches users to click
 * through it (the GNOME pattern for undoable deletes). The toast says how many
 * quotes went with the report, so a bigger loss than expected is seen. */
struct _RsDocumentsPanel
{
  RsPanel           parent_instance;

  /* Template objects */
  GtkStack         *stack;
  GtkListView      *list_view;
  GListStore       *items;
  GtkSortListModel *sorted;
  RsDocumentEditor *editor;

  /* Owned */
  GtkSorter        *sorter;
  GListModel       *documents;   /* the case's, while followed */
  GListModel       *quotes;      /* the case's, while followed */

  guint             n_documents;
};

G_DEFINE_FINAL_TYPE (RsDocumentsPanel, rs_documents_panel, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_DOCUMENTS,
  PROP_N_DOCUMENTS,
  PROP_EDITING,
  N_PROPS
};

enum {
  OPEN_DOCUMENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Publication order (undated last), then title, then id: stable and total. */
static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  RsDocument *da = rs_document_item_get_document ((RsDocumentItem *)a);
  RsDocument *db = rs_document_item_get_document ((RsDocumentItem *)b);
  const char *pa = rs_document_get_published (da);
  const char *pb = rs_document_get_published (db);
  gboolean has_a = pa != NULL && *pa != '\0';
  gboolean has_b = pb != NULL && *pb != '\0';
  int cmp;

  if (has_a != has_b)
    return has_a ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (has_a && (cmp = strcmp (pa, pb)) != 0)
    return gtk_ordering_from_cmpfunc (cmp);
  if ((cmp = g_utf8_collate (rs_document_get_title (da) ? rs_document_get_title (da) : "",
                             rs_document_get_title (db) ? rs_document_get_title (db) : "")) != 0)
    return gtk_ordering_from_cmpfunc (cmp);
  if (rs_document_get_id (da) != rs_document_get_id (db))
    return rs_document_get_id (da) < rs_document_get_id (db) ? GTK_ORDERING_SMALLER
                                                             : GTK_ORDERING_LARGER;
  return GTK_ORDERING_EQUAL;
}

static void
update_page (RsDocumentsPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  const char *page;

  if (rs_document_editor_get_document (self->editor) != NULL)
    page = "edit";
  else
    page = n > 0 ? "list" : "empty";
  gtk_stack_set_visible_child_name (self->stack, page);

  if (self->n_documents != n)
    {
      self->n_documents = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
    }
}

static void
stop_editing (RsDocumentsPanel *self)
{
  gboolean had_focus;

  if (rs_document_editor_get_document (self->editor) == NULL)
    return;

  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->stack)) == GTK_WIDGET (self->editor);
  rs_document_editor_set_document (self->editor, NULL);
  update_page (self);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
on_document_notify_cb (RsDocumentsPanel *self,
                       GParamSpec       *pspec,
                       RsDocument       *document)
{
  g_assert (RS_IS_DOCUMENTS_PANEL (self));

  if (g_str_equal (pspec->name, "published") || g_str_equal (pspec->name, "title"))
    gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
count_quotes (RsDocumentsPanel *self,
              guint             position,
              guint             n_items)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));

  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(RsDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autoptr(GPtrArray) quotes = NULL;
      RsDocument *document = rs_document_item_get_document (item);

      quotes = rs_case_dup_quotes_of (kase, rs_document_get_id (document));
      rs_document_item_set_n_quotes (item, quotes->len);
    }
}

static void
forget_items (RsDocumentsPanel *self,
              guint             position,
              guint             n_items)
{
  RsDocument *editing = rs_document_editor_get_document (self->editor);

  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(RsDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      RsDocument *document = rs_document_item_get_document (item);

      g_signal_handlers_disconnect_by_func (document, on_document_notify_cb, self);
      /* The report being edited went away (deleted, or another program's change). */
      if (document == editing)
        stop_editing (self);
    }
}

/* Mirrors one range of the case's documents model into `items`. */
static void
on_documents_items_changed_cb (RsDocumentsPanel *self,
                               guint             position,
                               guint             removed,
                               guint             added,
                               GListModel       *documents)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_full (added, g_object_unref);

  g_assert (RS_IS_DOCUMENTS_PANEL (self));

  forget_items (self, position, removed);
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(RsDocument) document = g_list_model_get_item (documents, i);

      g_signal_connect_object (document, "notify", G_CALLBACK (on_document_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (fresh, rs_document_item_new (document));
    }
  g_list_store_splice (self->items, position, removed, fresh->pdata, fresh->len);
  count_quotes (self, position, added);
  update_page (self);
}

/* Quotes come and go in imports, deletions and the source viewer; counting them all
 * again is cheap next to a report's worth of text. */
static void
on_quotes_items_changed_cb (RsDocumentsPanel *self,
                            guint             position,
                            guint             removed,
                            guint             added,
                            GListModel       *quotes)
{
  g_assert (RS_IS_DOCUMENTS_PANEL (self));

  count_quotes (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)));
}

static void
follow_case (RsDocumentsPanel *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  if (self->quotes != NULL)
    g_signal_handlers_disconnect_by_data (self->quotes, self);
  g_clear_object (&self->documents);
  g_clear_object (&self->quotes);

  stop_editing (self);
  forget_items (self, 0, n_items);
  g_list_store_remove_all (self->items);

  if (kase != NULL)
    {
      self->documents = g_object_ref (rs_case_get_documents (kase));
      self->quotes = g_object_ref (rs_case_get_quotes (kase));
      g_signal_connect_object (self->documents, "items-changed",
                               G_CALLBACK (on_documents_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->quotes, "items-changed",
                               G_CALLBACK (on_quotes_items_changed_cb), self, G_CONNECT_SWAPPED);
      on_documents_items_changed_cb (self, 0, 0, g_list_model_get_n_items (self->documents),
                                     self->documents);
    }
  update_page (self);
}

static void
on_list_view_activate_cb (RsDocumentsPanel *self,
                          guint             position,
                          GtkListView      *list_view)
{
  g_autoptr(RsDocumentItem) item = NULL;

  g_assert (RS_IS_DOCUMENTS_PANEL (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "documents.open", "x",
                              rs_document_get_id (rs_document_item_get_document (item)));
}

/* Delete on a focused row: the row is the list item's child (or holds the focus). */
static gboolean
on_delete_key_cb (GtkWidget *list_view,
                  GVariant  *args,
                  gpointer   user_data)
{
  RsDocumentsPanel *self = RS_DOCUMENTS_PANEL (user_data);
  GtkRoot *root = gtk_widget_get_root (list_view);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = NULL;
  RsDocumentItem *item;

  if (focus == NULL)
    return FALSE;
  if (RS_IS_DOCUMENT_ROW (focus))
    row = focus;
  else if (RS_IS_DOCUMENT_ROW (gtk_widget_get_first_child (focus)))
    row = gtk_widget_get_first_child (focus);
  else
    row = gtk_widget_get_ancestor (focus, RS_TYPE_DOCUMENT_ROW);

  if (row == NULL || !(item = rs_document_row_get_item (RS_DOCUMENT_ROW (row))))
    return FALSE;

  rs_documents_panel_delete_document (self, rs_document_get_id (rs_document_item_get_document (item)));
  /* The focused row went with its report: keep the keyboard in the list. */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

static void
on_editor_done_cb (RsDocumentsPanel *self,
                   gboolean          saved,
                   RsDocumentEditor *editor)
{
  g_assert (RS_IS_DOCUMENTS_PANEL (self));

  stop_editing (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[OPEN_DOCUMENT], 0, g_variant_get_int64 (param));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  rs_documents_panel_edit_document (RS_DOCUMENTS_PANEL (widget), g_variant_get_int64 (param));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  rs_documents_panel_delete_document (RS_DOCUMENTS_PANEL (widget), g_variant_get_int64 (param));
}

static void
rs_documents_panel_store_changed (RsPanel *panel)
{
  follow_case (RS_DOCUMENTS_PANEL (panel));
}

static void
rs_documents_panel_dispose (GObject *object)
{
  RsDocumentsPanel *self = (RsDocumentsPanel *)object;

  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_data (self->documents, self);
  if (self->quotes != NULL)
    g_signal_handlers_disconnect_by_data (self->quotes, self);
  if (self->items != NULL)
    forget_items (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)));

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_DOCUMENTS_PANEL);

  g_clear_object (&self->documents);
  g_clear_object (&self->quotes);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (rs_documents_panel_parent_class)->dispose (object);
}

static void
rs_documents_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RsDocumentsPanel *self = RS_DOCUMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENTS:
      g_value_set_object (value, rs_documents_panel_get_documents (self));
      break;

    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, rs_documents_panel_get_n_documents (self));
      break;

    case PROP_EDITING:
      g_value_set_object (value, rs_documents_panel_get_editing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_documents_panel_class_init (RsDocumentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RsPanelClass *panel_class = RS_PANEL_CLASS (klass);

  object_class->dispose = rs_documents_panel_dispose;
  object_class->get_property = rs_documents_panel_get_property;

  panel_class->store_changed = rs_documents_panel_store_changed;

  properties[PROP_DOCUMENTS] =
    g_param_spec_object ("documents", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_object ("editing", NULL, NULL, RS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsDocumentsPanel::open-document:
   * @document_id: the report to show
   *
   * Emitted when a report is activated (click, Enter): the window opens the source
   * viewer on it, with nothing highlighted and the board's selection left alone.
   */
  signals[OPEN_DOCUMENT] =
    g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "documents.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "documents.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "documents.delete", "x", delete_action);

  g_type_ensure (RS_TYPE_DOCUMENT);
  g_type_ensure (RS_TYPE_DOCUMENT_EDITOR);
  g_type_ensure (RS_TYPE_DOCUMENT_ITEM);
  g_type_ensure (RS_TYPE_DOCUMENT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rs-documents-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RsDocumentsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentsPanel, items);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentsPanel, sorted);
  gtk_widget_class_bind_template_child (widget_class, RsDocumentsPanel, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_done_cb);
}

static void
rs_documents_panel_init (RsDocumentsPanel *self)
{
  GtkEventController *keys;

  rs_panel_add_edit_action (RS_PANEL (self), "documents.edit");
  rs_panel_add_edit_action (RS_PANEL (self), "documents.delete");

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A custom sorter, not string sorters in the template: undated reports go last,
   * and collation must not reorder ISO dates. */
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, NULL, NULL));
  gtk_sort_list_model_set_sorter (self->sorted, self->sorter);

  /* On the list only: in the editor's fields Delete deletes text. */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (on_delete_key_cb,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  update_page (self);
}

GtkWidget *
rs_documents_panel_new (void)
{
  return g_object_new (RS_TYPE_DOCUMENTS_PANEL, NULL);
}

/* The reports as listed: RsDocumentItem, in publication order. */
GListModel *
rs_documents_panel_get_documents (RsDocumentsPanel *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENTS_PANEL (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

guint
rs_documents_panel_get_n_documents (RsDocumentsPanel *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENTS_PANEL (self), 0);
  return self->n_documents;
}

/* The report whose details are being edited, or NULL. */
RsDocument *
rs_documents_panel_get_editing (RsDocumentsPanel *self)
{
  g_return_val_if_fail (RS_IS_DOCUMENTS_PANEL (self), NULL);
  return rs_document_editor_get_document (self->editor);
}

/* Shows the editor on a report of the case; FALSE if it is not in the case. */
gboolean
rs_documents_panel_edit_document (RsDocumentsPanel *self,
                                  gint64            document_id)
{
  RsCase *kase;
  RsDocument *document;

  g_return_val_if_fail (RS_IS_DOCUMENTS_PANEL (self), FALSE);

  if (!(kase = rs_panel_get_case (RS_PANEL (self))) ||
      !(document = rs_case_lookup_document (kase, document_id)))
    return FALSE;

  rs_document_editor_set_document (self->editor, document);
  update_page (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
  return TRUE;
}

/* The toast's Undo is the window's: it must not undo something else. Any later
 * change to the case (another edit, an undo from the menu) retires the toast. */
static void
on_case_changed_after_delete_cb (AdwToast *toast,
                                 RsCase   *kase)
{
  g_signal_handlers_disconnect_by_func (kase, on_case_changed_after_delete_cb, toast);
  adw_toast_dismiss (toast);
}

static void
show_toast (RsDocumentsPanel *self,
            AdwToast         *toast_)
{
  g_autoptr(AdwToast) toast = toast_;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
}

/**
 * rs_documents_panel_delete_document:
 * @self: the panel
 * @document_id: a report of the case
 *
 * Deletes the report with its quotes and their evidence, as one undoable command,
 * and says so in a toast with Undo. A refusal (a read-only case…) is said in a
 * toast too.
 *
 * Returns: whether the report was deleted
 */
gboolean
rs_documents_panel_delete_document (RsDocumentsPanel *self,
                                    gint64            document_id)
{
  RsCaseStore *store;
  RsCase *kase;
  RsDocument *document;
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autofree char *bounded = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_val_if_fail (RS_IS_DOCUMENTS_PANEL (self), FALSE);

  if (!(store = rs_panel_get_store (RS_PANEL (self))) ||
      !(kase = rs_case_store_get_case (store)) ||
      !(document = rs_case_lookup_document (kase, document_id)))
    return FALSE;

  /* Said after the delete, when the document is gone: read it now. */
  quotes = rs_case_dup_quotes_of (kase, document_id);
  bounded = rs_text_dup_for_label (rs_document_get_title (document), 60);

  if (!(change = rs_case_edit_delete_document (store, document_id, &error)))
    {
      g_autofree char *text = g_markup_escape_text (error->message, -1);

      show_toast (self, adw_toast_new (text));
      return FALSE;
    }

  /* The toast's title is markup; the report's title is not to be read as such. */
  escaped = g_markup_escape_text (*bounded != '\0' ? bounded : _("Untitled report"), -1);
  if (quotes->len == 0)
    /* Translators: a toast, "“Tick targets Japan” deleted" */
    message = g_strdup_printf (_("“%s” deleted"), escaped);
  else
    /* Translators: a toast, "“Tick targets Japan” deleted, with its 12 quotes" */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” deleted, with its quote",
                                            "“%s” deleted, with its %u quotes", quotes->len),
                               escaped, quotes->len);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (kase, "changed", G_CALLBACK (on_case_changed_after_delete_cb), toast,
                           G_CONNECT_SWAPPED);
  show_toast (self, toast);
  return TRUE;
}
