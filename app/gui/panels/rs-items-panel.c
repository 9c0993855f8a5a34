/* rs-items-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-items-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-board-filter.h"
#include "rs-board-scene.h"
#include "rs-board-style.h"
#include "rs-case.h"
#include "rs-entity.h"
#include "rs-evidence.h"
#include "rs-items-panel.h"
#include "rs-relation.h"

/* The board as a list (issue 23): GTK 4.8 gives a drawn widget no accessible children,
 * so a screen reader cannot read the board itself. This panel lists every entity and
 * relation with its kind, status, review state and how many quotes support it, one
 * row each, in the shared selection: choosing a row (arrow keys, Enter, a click)
 * selects the item on the board, and what the board selects is chosen here.
 *
 * A GtkListView over a GListStore of RsBoardItem: only the rows in sight are widgets
 * (a GtkListBox of a 20,000-entity case took 50 s and a gigabyte). The items are built
 * again when the case changes, once per burst of changes (when idle) and only while the
 * panel is shown (a hidden panel is marked stale and rebuilt when it maps), so that a
 * large case costs nothing until someone looks at its list. A rebuild keeps the
 * keyboard focus in the list.
 *
 * The list shows what the board shows: with the window's filter on, only what it leaves
 * undimmed, and a line says how much ("12 of 48 shown — filter on"). The filter's
 * decision is the board scene's (the one the board draws and a storyline capture keeps),
 * not a second copy of its rules. */

struct _RsItemsPanel
{
  RsPanel parent_instance;

  /* Template widgets */
  GtkLabel           *heading;
  GtkLabel           *filter_status;
  GtkLabel           *empty_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection_model;

  /* Owned */
  RsBoardFilter      *filter;     /* the window's, shared with the board */
  GListStore         *items;      /* RsBoardItem, entities then relations, by name */
  GHashTable         *positions;  /* "target:id" -> position + 1 */

  guint               rebuild_id; /* idle: the case changed while shown */
  gboolean            stale;      /* the items do not show the case as it is */
  gboolean            syncing;    /* the list is being set from the selection, or rebuilt */
};

G_DEFINE_FINAL_TYPE (RsItemsPanel, rs_items_panel, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the filter leaves undimmed on the board, as sets of entity and relation ids;
 * FALSE (and nothing built) when the filter is off. */
static gboolean
collect_shown (RsCase         *kase,
               RsBoardFilter  *filter,
               GHashTable    **entities,
               GHashTable    **relations)
{
  g_autoptr(RsBoardStyle) style = NULL;
  g_autoptr(RsBoardScene) scene = NULL;
  const RsBoardItemFlags hidden = RS_BOARD_ITEM_DIMMED | RS_BOARD_ITEM_REMOVED;

  if (filter == NULL || !rs_board_filter_get_active (filter))
    return FALSE;

  style = rs_board_style_new (FALSE);
  scene = rs_board_scene_new (kase, filter, style);
  *entities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  *relations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      if ((node->flags & hidden) == 0)
        g_hash_table_add (*entities, g_memdup2 (&node->id, sizeof node->id));
    }
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      if ((edge->flags & hidden) == 0)
        g_hash_table_add (*relations, g_memdup2 (&edge->id, sizeof edge->id));
    }
  return TRUE;
}

static char *
item_key (RsTarget target,
          gint64   id)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, (int)target, id);
}

/* "3 quotes": how many pieces of evidence point at the item, counted once per rebuild. */
static GHashTable *
count_evidence (RsCase *kase)
{
  GListModel *evidence = rs_case_get_evidence (kase);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (evidence);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsEvidence) item = g_list_model_get_item (evidence, i);
      char *key = item_key (rs_evidence_get_target (item), rs_evidence_get_target_id (item));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      g_hash_table_replace (counts, key, GUINT_TO_POINTER (count + 1));
    }
  return counts;
}

typedef struct
{
  RsTarget  target;
  gint64    id;
  char     *name;
  char     *details;
  char     *sort_key;
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->name);
  g_free (item->details);
  g_free (item->sort_key);
}

static int
item_compare (gconstpointer a,
              gconstpointer b)
{
  const Item *x = a, *y = b;

  /* Entities first, then relations; by name within each. */
  if (x->target != y->target)
    return x->target == RS_TARGET_ENTITY ? -1 : 1;
  return strcmp (x->sort_key, y->sort_key);
}

static char *
format_details (const char *kind,
                const char *status,
                const char *review,
                guint       n_quotes)
{
  if (status != NULL)
    /* Translators: a relation's row in the list of the board: its kind ("Relation"), its
     * status ("Alleged"), its review state ("Unreviewed") and how many quotes support it */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s · %2$s · %3$s · %4$u quote",
                                         "%1$s · %2$s · %3$s · %4$u quotes", n_quotes),
                            kind, status, review, n_quotes);
  /* Translators: an entity's row in the list of the board: its kind ("Person"), its review
   * state ("Unreviewed") and how many quotes support it */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s · %2$s · %3$u quote",
                                       "%1$s · %2$s · %3$u quotes", n_quotes),
                          kind, review, n_quotes);
}

static void
on_factory_setup_cb (RsItemsPanel             *self,
                     GtkListItem              *list_item,
                     GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
on_factory_bind_cb (RsItemsPanel             *self,
                    GtkListItem              *list_item,
                    GtkSignalListItemFactory *factory)
{
  RsBoardItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autofree char *label = NULL;

  gtk_label_set_text (GTK_LABEL (name), rs_board_item_get_name (item));
  gtk_label_set_text (GTK_LABEL (details), rs_board_item_get_details (item));
  gtk_widget_set_tooltip_text (box, rs_board_item_get_details (item));

  /* What a screen reader says on the row: the name, then the details. */
  /* Translators: the spoken name of a row in the list of the board, "Tick, Person · …" */
  label = g_strdup_printf (_("%1$s, %2$s"), rs_board_item_get_name (item),
                           rs_board_item_get_details (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void sync_from_selection (RsItemsPanel *self);

static void
rebuild (RsItemsPanel *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) shown_entities = NULL;
  g_autoptr(GHashTable) shown_relations = NULL;
  gboolean filtered = FALSE;
  guint n_total = 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && (focus == GTK_WIDGET (self->list_view) ||
                                         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)));

  self->stale = FALSE;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_array_set_clear_func (items, item_clear);
  g_hash_table_remove_all (self->positions);

  if (kase != NULL)
    {
      GListModel *entities = rs_case_get_entities (kase);
      GListModel *relations = rs_case_get_relations (kase);
      guint n_entities = g_list_model_get_n_items (entities);
      guint n_relations = g_list_model_get_n_items (relations);

      counts = count_evidence (kase);
      filtered = collect_shown (kase, self->filter, &shown_entities, &shown_relations);
      n_total = n_entities + n_relations;

      for (guint i = 0; i < n_entities; i++)
        {
          g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
          gint64 id = rs_entity_get_id (entity);
          g_autofree char *key = item_key (RS_TARGET_ENTITY, id);
          Item item = { RS_TARGET_ENTITY, id, NULL, NULL, NULL };

          if (filtered && !g_hash_table_contains (shown_entities, &id))
            continue;
          item.name = g_strdup (rs_entity_get_name (entity));
          item.details = format_details (rs_entity_kind_to_display (rs_entity_get_kind (entity)),
                                         NULL,
                                         rs_review_state_to_display (
                                           rs_case_get_review_state (kase, RS_TARGET_ENTITY, id)),
                                         GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)));
          item.sort_key = g_utf8_collate_key (item.name ? item.name : "", -1);
          g_array_append_val (items, item);
        }

      for (guint i = 0; i < n_relations; i++)
        {
          g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);
          gint64 id = rs_relation_get_id (relation);
          g_autofree char *key = item_key (RS_TARGET_RELATION, id);
          Item item = { RS_TARGET_RELATION, id, NULL, NULL, NULL };

          if (filtered && !g_hash_table_contains (shown_relations, &id))
            continue;
          item.name = rs_panel_dup_target_label (kase, RS_TARGET_RELATION, id, FALSE);
          if (item.name == NULL)
            item.name = g_strdup (rs_relation_get_label (relation));
          item.details = format_details (_("Relation"),
                                         rs_relation_status_to_display (rs_relation_get_status (relation)),
                                         rs_review_state_to_display (
                                           rs_case_get_review_state (kase, RS_TARGET_RELATION, id)),
                                         GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)));
          item.sort_key = g_utf8_collate_key (item.name ? item.name : "", -1);
          g_array_append_val (items, item);
        }
    }

  g_array_sort (items, item_compare);
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      g_ptr_array_add (objects, rs_board_item_new (item->target, item->id, item->name,
                                                   item->details));
      g_hash_table_insert (self->positions, item_key (item->target, item->id),
                           GUINT_TO_POINTER (i + 1));
    }

  /* One items-changed for the whole list; its selection is set again from the board's. */
  self->syncing = TRUE;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       objects->pdata, objects->len);
  self->syncing = FALSE;
  gtk_stack_set_visible_child_name (self->stack, objects->len > 0 ? "list" : "empty");
  gtk_label_set_text (self->empty_label, filtered ? _("Nothing on the board matches the filter")
                                                  : _("The board is empty"));
  gtk_widget_set_visible (GTK_WIDGET (self->filter_status), filtered);
  if (filtered)
    {
      /* Translators: above the list of the board while the board's filter hides some of it */
      g_autofree char *status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u of %u shown — filter on",
                                                              "%u of %u shown — filter on",
                                                              n_total),
                                                 objects->len, n_total);

      gtk_label_set_text (self->filter_status, status);
    }

  sync_from_selection (self);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  RsItemsPanel *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
rebuild_or_mark_stale (RsItemsPanel *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle_cb, self, NULL);
}

/**
 * rs_items_panel_find:
 * @position: (out) (optional): where the item is in rs_items_panel_get_model()
 *
 * Whether the list shows the entity or relation, brought up to date first.
 */
gboolean
rs_items_panel_find (RsItemsPanel *self,
                     RsTarget      target,
                     gint64        id,
                     guint        *position)
{
  g_autofree char *key = NULL;
  guint found;

  g_return_val_if_fail (RS_IS_ITEMS_PANEL (self), FALSE);

  if (self->stale)
    rebuild (self);
  key = item_key (target, id);
  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, key));
  if (found == 0)
    return FALSE;
  if (position != NULL)
    *position = found - 1;
  return TRUE;
}

/* The board's selection chooses the row of its primary item, and scrolls it into view
 * without taking the keyboard focus from the board. */
static void
sync_from_selection (RsItemsPanel *self)
{
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));
  guint position = GTK_INVALID_LIST_POSITION;
  RsTarget target;
  gint64 id;

  if (self->syncing || self->stale)
    return;

  if (selection != NULL && rs_selection_get_primary (selection, &target, &id))
    {
      g_autofree char *key = item_key (target, id);
      guint found = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, key));

      if (found != 0)
        position = found - 1;
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection_model, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  self->syncing = FALSE;
}

static void
choose_position (RsItemsPanel *self,
                 guint         position)
{
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));
  g_autoptr(RsBoardItem) item = NULL;
  RsTarget target;
  gint64 id;

  if (self->syncing || selection == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  if (item == NULL)
    return;
  target = rs_board_item_get_target (item);
  id = rs_board_item_get_id (item);
  if (rs_selection_get_n_items (selection) == 1 && rs_selection_contains (selection, target, id))
    return;

  self->syncing = TRUE;
  rs_selection_select (selection, target, id);
  self->syncing = FALSE;
}

static void
on_selection_model_notify_selected_cb (RsItemsPanel       *self,
                                       GParamSpec         *pspec,
                                       GtkSingleSelection *model)
{
  choose_position (self, gtk_single_selection_get_selected (model));
}

static void
on_list_view_activate_cb (RsItemsPanel *self,
                          guint         position,
                          GtkListView  *list_view)
{
  choose_position (self, position);
}

static void
rs_items_panel_store_changed (RsPanel *panel)
{
  rebuild_or_mark_stale (RS_ITEMS_PANEL (panel));
}

static void
rs_items_panel_case_changed (RsPanel *panel)
{
  rebuild_or_mark_stale (RS_ITEMS_PANEL (panel));
}

static void
rs_items_panel_selection_changed (RsPanel *panel)
{
  sync_from_selection (RS_ITEMS_PANEL (panel));
}

static void
rs_items_panel_map (GtkWidget *widget)
{
  RsItemsPanel *self = RS_ITEMS_PANEL (widget);

  GTK_WIDGET_CLASS (rs_items_panel_parent_class)->map (widget);
  if (self->stale)
    rebuild (self);
}

static void
on_filter_changed_cb (RsItemsPanel *self)
{
  rebuild_or_mark_stale (self);
}

static void
rs_items_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RsItemsPanel *self = RS_ITEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, rs_items_panel_get_filter (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_items_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RsItemsPanel *self = RS_ITEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      rs_items_panel_set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_items_panel_dispose (GObject *object)
{
  RsItemsPanel *self = RS_ITEMS_PANEL (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_changed_cb, self);
  g_clear_object (&self->filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_ITEMS_PANEL);
  g_clear_object (&self->items);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (rs_items_panel_parent_class)->dispose (object);
}

static void
rs_items_panel_class_init (RsItemsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RsPanelClass *panel_class = RS_PANEL_CLASS (klass);

  object_class->dispose = rs_items_panel_dispose;
  object_class->get_property = rs_items_panel_get_property;
  object_class->set_property = rs_items_panel_set_property;
  widget_class->map = rs_items_panel_map;
  panel_class->store_changed = rs_items_panel_store_changed;
  panel_class->selection_changed = rs_items_panel_selection_changed;
  panel_class->case_changed = rs_items_panel_case_changed;

  /* The window's filter: the list leaves out what it dims or removes on the board. */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, RS_TYPE_BOARD_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-items-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RsItemsPanel, filter_status);
  gtk_widget_class_bind_template_child (widget_class, RsItemsPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RsItemsPanel, heading);
  gtk_widget_class_bind_template_child (widget_class, RsItemsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RsItemsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, RsItemsPanel, selection_model);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_model_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "rs-items-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rs_items_panel_init (RsItemsPanel *self)
{
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->items = g_list_store_new (RS_TYPE_BOARD_ITEM);
  self->stale = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_single_selection_set_model (self->selection_model, G_LIST_MODEL (self->items));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
rs_items_panel_new (void)
{
  return g_object_new (RS_TYPE_ITEMS_PANEL, NULL);
}

GtkListView *
rs_items_panel_get_list_view (RsItemsPanel *self)
{
  g_return_val_if_fail (RS_IS_ITEMS_PANEL (self), NULL);
  return self->list_view;
}

/* The list's model: an RsBoardItem per row, and which one is selected. */
GtkSingleSelection *
rs_items_panel_get_model (RsItemsPanel *self)
{
  g_return_val_if_fail (RS_IS_ITEMS_PANEL (self), NULL);
  return self->selection_model;
}

RsBoardFilter *
rs_items_panel_get_filter (RsItemsPanel *self)
{
  g_return_val_if_fail (RS_IS_ITEMS_PANEL (self), NULL);
  return self->filter;
}

void
rs_items_panel_set_filter (RsItemsPanel  *self,
                           RsBoardFilter *filter)
{
  g_return_if_fail (RS_IS_ITEMS_PANEL (self));
  g_return_if_fail (filter == NULL || RS_IS_BOARD_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_changed_cb, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild_or_mark_stale (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}
