/* rs-timeline-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-timeline-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-gui-closures.h"
#include "rs-timeline-entry.h"
#include "rs-timeline-panel.h"

/* Every event of the case in date order, with honest dates. The pipeline is declared
 * in the template: `sorted` (a GListStore of the case's events, kept in order here)
 * and beside it `entries`, their RsTimelineEntry (entity names, "involves the
 * selection") in the same order -> GtkSingleSelection. (Not a GtkMapListModel: GTK
 * 4.8's puts a cached item in the wrong place when one is inserted before it.) Choosing a row selects the event and its entities in the shared
 * selection; the shared selection, when its primary item is an event, chooses the row.
 *
 * The order is kept by hand rather than by a GtkSortListModel, which can only sort
 * everything again when a date changes: after each transaction (RsCase::changes) a
 * new event is inserted where a binary search puts it, a removed one is taken out,
 * and an edited one is refreshed in place or moved, one items-changed each, so the
 * other rows keep their widgets, focus and scroll position. */
struct _RsTimelinePanel
{
  RsPanel parent_instance;

  /* Template objects */
  GtkListView        *list_view;
  GtkSingleSelection *row_selection;
  GListStore         *sorted;
  GListStore         *entries;          /* RsTimelineEntry of sorted[i], in step */

  /* Owned */
  GSignalGroup       *case_signals;     /* RsCase::changes */

  /* Borrowed: what the current map function captured */
  RsCase             *mapped_case;
  RsSelection        *mapped_selection;

  GtkWidget          *review_menu;      /* a row's ⋮ menu (issue 20) */

  guint               n_events;
  guint               n_involved;
  guint               syncing : 1;
  guint               saw_changes : 1;  /* RsCase::changes came before this ::changed */
};

G_DEFINE_FINAL_TYPE (RsTimelinePanel, rs_timeline_panel, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_EVENTS,
  PROP_N_EVENTS,
  PROP_N_INVOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Undated events go last; equal dates keep a stable order by title, then id. */
static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  RsEvent *ea = (RsEvent *)a;
  RsEvent *eb = (RsEvent *)b;
  RsFuzzyDate *da = rs_event_get_date (ea);
  RsFuzzyDate *db = rs_event_get_date (eb);
  int cmp;

  if ((da == NULL) != (db == NULL))
    return da == NULL ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
  if (da != NULL && (cmp = rs_fuzzy_date_compare (da, db)) != 0)
    return cmp < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if ((cmp = g_strcmp0 (rs_event_get_title (ea), rs_event_get_title (eb))) != 0)
    return cmp < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return gtk_ordering_from_cmpfunc (rs_event_get_id (ea) < rs_event_get_id (eb) ? -1 :
                                    rs_event_get_id (ea) > rs_event_get_id (eb));
}

static int
compare_events_indirect (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return compare_events (*(gpointer const *) a, *(gpointer const *) b, user_data);
}

static RsTimelineEntry *
new_entry (RsTimelinePanel *self,
           RsEvent         *event)
{
  return rs_timeline_entry_new (event, self->mapped_case, self->mapped_selection);
}

/* Both lists change together, the rows (entries) last. */
static void
rows_insert (RsTimelinePanel *self,
             guint            position,
             RsEvent         *event)
{
  g_autoptr(RsTimelineEntry) entry = new_entry (self, event);

  g_list_store_insert (self->sorted, position, event);
  g_list_store_insert (self->entries, position, entry);
}

static void
rows_remove (RsTimelinePanel *self,
             guint            position)
{
  g_list_store_remove (self->sorted, position);
  g_list_store_remove (self->entries, position);
}

static void
rows_replace_all (RsTimelinePanel *self,
                  GPtrArray       *events)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_full (events->len, g_object_unref);

  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (entries, new_entry (self, g_ptr_array_index (events, i)));
  g_list_store_splice (self->sorted, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sorted)),
                       events->pdata, events->len);
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
}

/* Entries capture the case and the selection; when either object is replaced, every
 * row gets a new entry. */
static void
remap_if_needed (RsTimelinePanel *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));
  GListModel *sorted = G_LIST_MODEL (self->sorted);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->mapped_case == kase && self->mapped_selection == selection)
    return;

  self->mapped_case = kase;
  self->mapped_selection = selection;
  for (guint i = 0; i < g_list_model_get_n_items (sorted); i++)
    g_ptr_array_add (events, g_list_model_get_item (sorted, i));
  rows_replace_all (self, events);
}

static guint
find_event (RsTimelinePanel *self,
            gint64           event_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsEvent) event = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (rs_event_get_id (event) == event_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
update_counts (RsTimelinePanel *self)
{
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));
  GListModel *sorted = G_LIST_MODEL (self->sorted);
  guint n_events = g_list_model_get_n_items (sorted);
  guint n_involved = 0;

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(RsEvent) event = g_list_model_get_item (sorted, i);

      n_involved += rs_timeline_event_is_involved (event, selection);
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_events != n_events)
    {
      self->n_events = n_events;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
    }
  if (self->n_involved != n_involved)
    {
      self->n_involved = n_involved;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INVOLVED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Shows the primary event of the shared selection as the chosen row, without
 * feeding back into the selection. */
static void
sync_row_selection (RsTimelinePanel *self)
{
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));
  guint position = GTK_INVALID_LIST_POSITION;
  RsTarget target;
  gint64 id;

  if (selection != NULL &&
      rs_selection_get_primary (selection, &target, &id) &&
      target == RS_TARGET_EVENT)
    position = find_event (self, id);

  if (gtk_single_selection_get_selected (self->row_selection) == position)
    return;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->row_selection, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);
}

static void
select_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RsTimelinePanel *self = RS_TIMELINE_PANEL (widget);
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));
  g_autoptr(GArray) targets = NULL;
  const gint64 *ids;
  RsEvent *event;
  guint n_ids;

  if (kase == NULL || selection == NULL ||
      !(event = rs_case_lookup_event (kase, g_variant_get_int64 (param))))
    return;

  targets = g_array_new (FALSE, FALSE, sizeof (RsPanelTarget));
  g_array_append_val (targets, ((RsPanelTarget) { RS_TARGET_EVENT, rs_event_get_id (event) }));
  ids = rs_event_get_entity_ids (event, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    if (rs_case_lookup_entity (kase, ids[i]) != NULL)
      g_array_append_val (targets, ((RsPanelTarget) { RS_TARGET_ENTITY, ids[i] }));

  rs_panel_select_targets (selection, (RsPanelTarget *)(gpointer)targets->data, targets->len);
}

static void
activate_position (RsTimelinePanel *self,
                   guint            position)
{
  g_autoptr(RsTimelineEntry) entry = NULL;

  entry = g_list_model_get_item (G_LIST_MODEL (self->row_selection), position);
  if (entry == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.select-event", "x",
                              rs_event_get_id (rs_timeline_entry_get_event (entry)));
}

static void
on_row_selection_notify_selected_cb (RsTimelinePanel    *self,
                                     GParamSpec         *pspec,
                                     GtkSingleSelection *row_selection)
{
  guint position = gtk_single_selection_get_selected (row_selection);

  g_assert (RS_IS_TIMELINE_PANEL (self));

  if (self->syncing || position == GTK_INVALID_LIST_POSITION)
    return;
  activate_position (self, position);
}

static void
on_list_view_activate_cb (RsTimelinePanel *self,
                          guint            position,
                          GtkListView     *list_view)
{
  g_assert (RS_IS_TIMELINE_PANEL (self));
  activate_position (self, position);
}

static void
on_sorted_items_changed_cb (RsTimelinePanel *self,
                            guint            position,
                            guint            removed,
                            guint            added,
                            GListModel      *model)
{
  update_counts (self);
}

static gpointer
event_at (RsTimelinePanel *self,
          guint            position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  return item;   /* borrowed: the store holds it */
}

/* Where @event goes in the sorted list: the first position whose event sorts after
 * it (a binary search: the list is in order). */
static guint
insertion_point (RsTimelinePanel *self,
                 RsEvent         *event)
{
  guint lo = 0, hi = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_events (event_at (self, mid), event, NULL) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* @event's position: a binary search while its sort key is unchanged (a removal),
 * else a walk (its date was just edited, the key is gone). */
static gboolean
find_position (RsTimelinePanel *self,
               RsEvent         *event,
               guint           *position)
{
  guint at = insertion_point (self, event);

  if (at > 0 && event_at (self, at - 1) == (gpointer) event)
    {
      *position = at - 1;
      return TRUE;
    }
  return g_list_store_find (self->sorted, event, position);
}

static gboolean
in_order_at (RsTimelinePanel *self,
             guint            position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  RsEvent *event = event_at (self, position);

  return (position == 0 || compare_events (event_at (self, position - 1), event, NULL) < 0) &&
         (position + 1 >= n || compare_events (event, event_at (self, position + 1), NULL) < 0);
}

/* Every event of the case, sorted: one splice, and none when the order holds. */
static void
resort_all (RsTimelinePanel *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  GListModel *events = kase ? rs_case_get_events (kase) : NULL;
  guint n = events ? g_list_model_get_n_items (events) : 0;
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autoptr(GPtrArray) all = g_ptr_array_new_full (n, g_object_unref);
  gboolean same = n == old_n;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (all, g_list_model_get_item (events, i));
  g_ptr_array_sort_with_data (all, (GCompareDataFunc) compare_events_indirect, NULL);

  for (guint i = 0; same && i < n; i++)
    same = event_at (self, i) == g_ptr_array_index (all, i);
  if (!same)
    rows_replace_all (self, all);
}

/* Moves @event where its edited date now sorts. Where it still sorts, nothing is
 * to do: its entry follows the event and the case itself (rs-timeline-entry.c). */
static void
update_event (RsTimelinePanel *self,
              RsEvent         *event)
{
  guint position;

  if (!g_list_store_find (self->sorted, event, &position) || in_order_at (self, position))
    return;
  g_object_ref (event);
  rows_remove (self, position);
  rows_insert (self, insertion_point (self, event), event);
  g_object_unref (event);
}

/* Many additions at once (an import) are one sort and one splice, not one binary
 * search and one items-changed each. */
#define MANY_ADDED 32

static void
on_case_changes_cb (RsTimelinePanel *self,
                    RsCaseChanges   *changes,
                    RsCase          *kase)
{
  GPtrArray *removed = rs_case_changes_get_removed (changes, RS_TYPE_EVENT);
  GPtrArray *changed = rs_case_changes_get_changed (changes, RS_TYPE_EVENT);
  GPtrArray *added = rs_case_changes_get_added (changes, RS_TYPE_EVENT);
  guint position;

  g_assert (RS_IS_TIMELINE_PANEL (self));

  self->saw_changes = TRUE;

  for (guint i = 0; i < removed->len; i++)
    if (find_position (self, g_ptr_array_index (removed, i), &position))
      rows_remove (self, position);

  for (guint i = 0; i < changed->len; i++)
    update_event (self, g_ptr_array_index (changed, i));

  if (added->len > MANY_ADDED)
    resort_all (self);
  else
    for (guint i = 0; i < added->len; i++)
      {
        RsEvent *event = g_ptr_array_index (added, i);

        if (!g_list_store_find (self->sorted, event, &position))
          rows_insert (self, insertion_point (self, event), event);
      }
}

static void
rs_timeline_panel_store_changed (RsPanel *panel)
{
  RsTimelinePanel *self = RS_TIMELINE_PANEL (panel);

  g_signal_group_set_target (self->case_signals, rs_panel_get_case (panel));
  remap_if_needed (self);
  resort_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENTS]);
  update_counts (self);
  sync_row_selection (self);
}

static void
rs_timeline_panel_selection_changed (RsPanel *panel)
{
  RsTimelinePanel *self = RS_TIMELINE_PANEL (panel);

  remap_if_needed (self);
  update_counts (self);
  sync_row_selection (self);
}

/* After RsCase::changes the order is already right; a bare ::changed says nothing
 * of what changed, so the order is checked (and only then spliced). */
static void
rs_timeline_panel_case_changed (RsPanel *panel)
{
  RsTimelinePanel *self = RS_TIMELINE_PANEL (panel);

  if (self->saw_changes)
    self->saw_changes = FALSE;
  else
    resort_all (self);
  update_counts (self);
  sync_row_selection (self);
}

static void
rs_timeline_panel_dispose (GObject *object)
{
  RsTimelinePanel *self = (RsTimelinePanel *)object;

  self->mapped_case = NULL;
  self->mapped_selection = NULL;
  if (self->case_signals != NULL)
    g_signal_group_set_target (self->case_signals, NULL);
  g_clear_object (&self->case_signals);
  g_clear_pointer (&self->review_menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_TIMELINE_PANEL);

  G_OBJECT_CLASS (rs_timeline_panel_parent_class)->dispose (object);
}

static void
rs_timeline_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RsTimelinePanel *self = RS_TIMELINE_PANEL (object);

  switch (prop_id)
    {
    case PROP_EVENTS:
      g_value_set_object (value, rs_timeline_panel_get_events (self));
      break;

    case PROP_N_EVENTS:
      g_value_set_uint (value, rs_timeline_panel_get_n_events (self));
      break;

    case PROP_N_INVOLVED:
      g_value_set_uint (value, rs_timeline_panel_get_n_involved (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The row's ⋮ button for @event_id, found by its action target. */
static GtkWidget *
review_button_for (GtkWidget *widget,
                   gint64     event_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)),
                     "timeline.review-menu") == 0)
        {
          GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target != NULL && g_variant_get_int64 (target) == event_id)
            return child;
        }
      if ((found = review_button_for (child, event_id)) != NULL)
        return found;
    }
  return NULL;
}

/* Review (issue 20): the event's menu, Accept, Challenge, Mark Unreviewed, Comment…;
 * each the window's win.review-item, disabled there while review is locked. */
static void
review_menu_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RsTimelinePanel *self = RS_TIMELINE_PANEL (widget);
  static const struct { const char *label; const char *verb; } items[] = {
    { N_("_Accept"), "accept" },
    { N_("C_hallenge"), "challenge" },
    { N_("Mark U_nreviewed"), "unreviewed" },
    { N_("C_omment…"), "comment" },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  gint64 event_id = g_variant_get_int64 (param);
  GtkWidget *button;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "win.review-item",
                                               g_variant_new ("(six)", items[i].verb,
                                                              (gint32) RS_TARGET_EVENT, event_id));
      g_menu_append_item (menu, item);
    }
  if (self->review_menu == NULL)
    {
      self->review_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->review_menu, widget);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->review_menu), G_MENU_MODEL (menu));
  /* Comment… acts on the event's thread: the event becomes the selection. */
  rs_timeline_panel_select_event (self, event_id);
  button = review_button_for (GTK_WIDGET (self->list_view), event_id);
  if (button != NULL)
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (button, widget, &bounds))
        gtk_popover_set_pointing_to (GTK_POPOVER (self->review_menu),
                                     &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                       bounds.size.width, bounds.size.height });
    }
  gtk_popover_popup (GTK_POPOVER (self->review_menu));
}

static void
rs_timeline_panel_class_init (RsTimelinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RsPanelClass *panel_class = RS_PANEL_CLASS (klass);

  object_class->dispose = rs_timeline_panel_dispose;
  object_class->get_property = rs_timeline_panel_get_property;

  panel_class->store_changed = rs_timeline_panel_store_changed;
  panel_class->selection_changed = rs_timeline_panel_selection_changed;
  panel_class->case_changed = rs_timeline_panel_case_changed;

  properties[PROP_EVENTS] =
    g_param_spec_object ("events", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EVENTS] =
    g_param_spec_uint ("n-events", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_INVOLVED] =
    g_param_spec_uint ("n-involved", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline.select-event", "x",
                                   select_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.review-menu", "x",
                                   review_menu_action);

  g_type_ensure (RS_TYPE_TIMELINE_ENTRY);
  g_type_ensure (RS_TYPE_EVENT);
  g_type_ensure (RS_TYPE_FUZZY_DATE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rs-timeline-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RsTimelinePanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, RsTimelinePanel, row_selection);
  gtk_widget_class_bind_template_child (widget_class, RsTimelinePanel, sorted);
  gtk_widget_class_bind_template_child (widget_class, RsTimelinePanel, entries);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selection_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sorted_items_changed_cb);
  rs_gui_closures_bind_template (widget_class);

  gtk_widget_class_set_css_name (widget_class, "rs-timeline-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rs_timeline_panel_init (RsTimelinePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->case_signals = g_signal_group_new (RS_TYPE_CASE);
  g_signal_group_connect_object (self->case_signals, "changes",
                                 G_CALLBACK (on_case_changes_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rs_timeline_panel_new (void)
{
  return g_object_new (RS_TYPE_TIMELINE_PANEL, NULL);
}

/* The case's events, unsorted (NULL without a case). */
GListModel *
rs_timeline_panel_get_events (RsTimelinePanel *self)
{
  RsCase *kase;

  g_return_val_if_fail (RS_IS_TIMELINE_PANEL (self), NULL);

  kase = rs_panel_get_case (RS_PANEL (self));
  return kase ? rs_case_get_events (kase) : NULL;
}

/* The RsEvent items in the order the rows show them. */
GListModel *
rs_timeline_panel_get_sorted_events (RsTimelinePanel *self)
{
  g_return_val_if_fail (RS_IS_TIMELINE_PANEL (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

guint
rs_timeline_panel_get_n_events (RsTimelinePanel *self)
{
  g_return_val_if_fail (RS_IS_TIMELINE_PANEL (self), 0);
  return self->n_events;
}

guint
rs_timeline_panel_get_n_involved (RsTimelinePanel *self)
{
  g_return_val_if_fail (RS_IS_TIMELINE_PANEL (self), 0);
  return self->n_involved;
}

/* Chooses the event's row the way a click does (the row selection changes, and that
 * selects the event and its entities). FALSE if the event is not listed. */
gboolean
rs_timeline_panel_select_event (RsTimelinePanel *self,
                                gint64           event_id)
{
  guint position;

  g_return_val_if_fail (RS_IS_TIMELINE_PANEL (self), FALSE);

  if ((position = find_event (self, event_id)) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  /* The row may still be chosen while the shared selection has grown since: choose
   * the event again, as activating the row does. */
  if (gtk_single_selection_get_selected (self->row_selection) == position)
    activate_position (self, position);
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->row_selection), position, TRUE);
  return TRUE;
}
