/* rs-find-popover.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-find-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-find-popover.h"
#include "rs-text.h"

/* Find (Ctrl+F): one search over the case (rs_case_store_search()), results grouped
 * by kind under a heading each. GtkSearchEntry debounces typing; Down goes to the
 * results, Enter opens one (or the first, from the entry), Escape closes. Opening a
 * result is the window's business: "hit-activated" says which.
 *
 * A GtkListBox, not a GtkListView: GTK 4.8's list view has no section headings, and
 * Find shows at most a few dozen rows. */

#define RESULTS_PER_KIND 20
#define PENDING_DELAY_MSEC 150

struct _RsFindPopover
{
  GtkPopover parent_instance;

  /* Template widgets */
  GtkSearchEntry    *entry;
  GtkLabel          *status_label;
  GtkScrolledWindow *scroller;
  GtkListBox        *list;

  /* Owned */
  RsCaseStore       *store;
  GListStore        *results;  /* RsSearchHit */
  RsSearchHit       *pending;  /* chosen, to be announced once the popover is gone */
  guint              pending_source;
};

G_DEFINE_FINAL_TYPE (RsFindPopover, rs_find_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
kind_heading (RsSearchKind kind)
{
  switch (kind)
    {
    case RS_SEARCH_KIND_ENTITY:
      return _("Entities");
    case RS_SEARCH_KIND_QUOTE:
      return _("Quotes");
    case RS_SEARCH_KIND_NOTE:
      return _("Notes");
    case RS_SEARCH_KIND_DOCUMENT:
    default:
      return _("Reports");
    }
}

static char *
dup_note_target (RsCase *kase,
                 RsNote *note)
{
  gint64 id = rs_note_get_target_id (note);
  RsEntity *entity;
  RsDocument *document;
  RsRelation *relation;
  RsEvent *event;

  switch (rs_note_get_target (note))
    {
    case RS_TARGET_ENTITY:
      if ((entity = rs_case_lookup_entity (kase, id)))
        return g_strdup_printf (_("Note on “%s”"), rs_entity_get_name (entity));
      break;
    case RS_TARGET_DOCUMENT:
      if ((document = rs_case_lookup_document (kase, id)))
        return g_strdup_printf (_("Note on “%s”"), rs_document_get_title (document));
      break;
    case RS_TARGET_RELATION:
      if ((relation = rs_case_lookup_relation (kase, id)))
        return g_strdup_printf (_("Note on the relation “%s”"), rs_relation_get_label (relation));
      break;
    case RS_TARGET_EVENT:
      if ((event = rs_case_lookup_event (kase, id)))
        return g_strdup_printf (_("Note on “%s”"), rs_event_get_title (event));
      break;
    case RS_TARGET_CASE:
    case RS_TARGET_QUOTE:
    default:
      break;
    }
  return g_strdup (_("Note on the case"));
}

/* What the hit is, in a line: the entity's name and kind, the report a quote is
 * from, what a note is on, the report's title. */
static char *
dup_hit_title (RsFindPopover *self,
               RsSearchHit   *hit)
{
  RsCase *kase = rs_case_store_get_case (self->store);
  gint64 id = rs_search_hit_get_id (hit);
  RsEntity *entity;
  RsQuote *quote;
  RsNote *note;
  RsDocument *document;

  switch (rs_search_hit_get_kind (hit))
    {
    case RS_SEARCH_KIND_ENTITY:
      if ((entity = rs_case_lookup_entity (kase, id)))
        return g_strdup_printf ("%s · %s", rs_entity_get_name (entity),
                                rs_entity_kind_to_display (rs_entity_get_kind (entity)));
      break;
    case RS_SEARCH_KIND_QUOTE:
      if ((quote = rs_case_lookup_quote (kase, id)) &&
          (document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote))))
        return g_strdup_printf (_("In “%s”"), rs_document_get_title (document));
      break;
    case RS_SEARCH_KIND_NOTE:
      if ((note = rs_case_lookup_note (kase, id)))
        return dup_note_target (kase, note);
      break;
    case RS_SEARCH_KIND_DOCUMENT:
      if ((document = rs_case_lookup_document (kase, id)))
        return g_strdup (rs_document_get_title (document));
      break;
    default:
      break;
    }
  return g_strdup ("");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RsFindPopover *self = user_data;
  RsSearchHit *hit = item;
  g_autofree char *title = dup_hit_title (self, hit);
  g_autofree char *title_label = rs_text_dup_for_label (title, RS_TEXT_LABEL_MAX_CHARS);
  const char *snippet = rs_search_hit_get_snippet (hit);
  GtkWidget *row, *box, *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  label = gtk_label_new (title_label);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (NULL);
  /* Snippets are a few words around the match, but a word can be any length in a
   * hostile file: a long one loses its emphasis rather than reach Pango whole. */
  if (g_utf8_strlen (snippet, -1) <= RS_TEXT_ROW_MAX_CHARS)
    gtk_label_set_markup (GTK_LABEL (label), rs_search_hit_get_snippet_markup (hit));
  else
    {
      g_autofree char *bounded = rs_text_dup_for_label (snippet, RS_TEXT_ROW_MAX_CHARS);

      gtk_label_set_text (GTK_LABEL (label), bounded);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title_label, -1);
  return row;
}

static RsSearchHit *
row_hit (RsFindPopover *self,
         GtkListBoxRow *row)
{
  if (self->results == NULL)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->results), gtk_list_box_row_get_index (row));
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  RsFindPopover *self = user_data;
  g_autoptr(RsSearchHit) hit = row_hit (self, row);
  g_autoptr(RsSearchHit) previous = before != NULL ? row_hit (self, before) : NULL;
  GtkWidget *heading;

  if (hit == NULL ||
      (previous != NULL && rs_search_hit_get_kind (previous) == rs_search_hit_get_kind (hit)))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  heading = gtk_label_new (kind_heading (rs_search_hit_get_kind (hit)));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_start (heading, 6);
  gtk_widget_set_margin_top (heading, before != NULL ? 12 : 0);
  gtk_widget_set_margin_bottom (heading, 3);
  gtk_list_box_row_set_header (row, heading);
}

static void
show_status (RsFindPopover *self,
             const char    *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

void
rs_find_popover_search_now (RsFindPopover *self)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_return_if_fail (RS_IS_FIND_POPOVER (self));

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_list_store_remove_all (self->results);
  show_status (self, NULL);

  if (self->store != NULL && *text != '\0')
    {
      hits = rs_case_store_search (self->store, text, RESULTS_PER_KIND, &error);
      if (hits == NULL)
        show_status (self, error->message);
      else if (hits->len == 0)
        show_status (self, _("Nothing in this case matches"));
      else
        g_list_store_splice (self->results, 0, 0, hits->pdata, hits->len);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scroller),
                          g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0);
}

static void
on_entry_search_changed_cb (RsFindPopover  *self,
                            GtkSearchEntry *entry)
{
  rs_find_popover_search_now (self);
}

static gboolean
emit_pending_cb (gpointer user_data)
{
  RsFindPopover *self = user_data;
  g_autoptr(RsSearchHit) hit = g_steal_pointer (&self->pending);

  self->pending_source = 0;
  if (hit != NULL)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit);
  return G_SOURCE_REMOVE;
}

static void
activate_row (RsFindPopover *self,
              GtkListBoxRow *row)
{
  g_autoptr(RsSearchHit) hit = row != NULL ? row_hit (self, row) : NULL;

  if (hit == NULL)
    return;
  /* The hit is opened once the popover is gone: a report replaced in the source
   * viewer while the popover was still going away had GTK 4.8 draw the viewer's
   * scrollbar before allocating it (a warning, one time in three; not with a
   * pause between). */
  gtk_popover_popdown (GTK_POPOVER (self));
  g_clear_object (&self->pending);
  self->pending = g_steal_pointer (&hit);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  self->pending_source = g_timeout_add (PENDING_DELAY_MSEC, emit_pending_cb, self);
}

static void
on_list_row_activated_cb (RsFindPopover *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  activate_row (self, row);
}

/* Enter in the entry: the first result (after the search the typing has not yet
 * started, so that what was typed is what is opened). */
static void
on_entry_activate_cb (RsFindPopover  *self,
                      GtkSearchEntry *entry)
{
  rs_find_popover_search_now (self);
  activate_row (self, gtk_list_box_get_row_at_index (self->list, 0));
}

static void
on_entry_stop_search_cb (RsFindPopover  *self,
                         GtkSearchEntry *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         RsFindPopover         *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if ((first = gtk_list_box_get_row_at_index (self->list, 0)) == NULL)
    return FALSE;
  gtk_list_box_select_row (self->list, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

/* Up from the first result goes back to typing. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        RsFindPopover         *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

  if ((keyval != GDK_KEY_Up && keyval != GDK_KEY_KP_Up) || first == NULL ||
      focus != GTK_WIDGET (first))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return TRUE;
}

static void
on_popover_show_cb (RsFindPopover *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  /* The case may have changed since the last search. */
  rs_find_popover_search_now (self);
}

static void
rs_find_popover_dispose (GObject *object)
{
  RsFindPopover *self = RS_FIND_POPOVER (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_FIND_POPOVER);
  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_object (&self->pending);
  g_clear_object (&self->store);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (rs_find_popover_parent_class)->dispose (object);
}

static void
rs_find_popover_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RsFindPopover *self = RS_FIND_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rs_find_popover_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_find_popover_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RsFindPopover *self = RS_FIND_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rs_find_popover_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_find_popover_class_init (RsFindPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_find_popover_dispose;
  object_class->get_property = rs_find_popover_get_property;
  object_class->set_property = rs_find_popover_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RS_TYPE_CASE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsFindPopover::hit-activated:
   * @hit: the RsSearchHit chosen
   */
  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, RS_TYPE_SEARCH_HIT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redstring/Redstring/rs-find-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RsFindPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, RsFindPopover, status_label);
  gtk_widget_class_bind_template_child (widget_class, RsFindPopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, RsFindPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
}

static void
rs_find_popover_init (RsFindPopover *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (RS_TYPE_SEARCH_HIT);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->results), create_row, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}

RsCaseStore *
rs_find_popover_get_store (RsFindPopover *self)
{
  g_return_val_if_fail (RS_IS_FIND_POPOVER (self), NULL);
  return self->store;
}

void
rs_find_popover_set_store (RsFindPopover *self,
                           RsCaseStore   *store)
{
  g_return_if_fail (RS_IS_FIND_POPOVER (self));
  g_return_if_fail (store == NULL || RS_IS_CASE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  /* Ids belong to a case: results of the last one mean nothing in this one. */
  g_list_store_remove_all (self->results);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), FALSE);
  show_status (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * rs_find_popover_get_results:
 *
 * Returns: (transfer none): the hits shown, an RsSearchHit list model
 */
GListModel *
rs_find_popover_get_results (RsFindPopover *self)
{
  g_return_val_if_fail (RS_IS_FIND_POPOVER (self), NULL);
  return G_LIST_MODEL (self->results);
}
