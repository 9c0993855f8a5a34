/* rs-history-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-history-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-history-panel.h"
#include "rs-text.h"

/* Who changed what in the case, newest first, from the history the store writes
 * with every command, undo and redo (rs-case-store-history.c). Filters: one person
 * (the drop-down), and the selection's primary item ("only the selected item").
 * Choosing an entry selects the records it touched that still exist.
 *
 * "Changes since…" swaps the list for what was added, changed and removed since a
 * time, netted per record; `changes` (notified) is what the window rings on the board.
 *
 * The history is read again after the case changes, at most every RELOAD_DELAY ms,
 * and only while the panel is shown (or "changes since" is on): a burst of edits
 * costs one query, and typing never waits for it. */

#define RELOAD_DELAY 250
#define HISTORY_LIMIT 500
#define ITEMS_SHOWN 6   /* records named on one row; the rest are counted */
#define CHANGES_SHOWN 500 /* rows of "changes since" (a list box); the board rings all */

struct _RsHistoryPanel
{
  RsPanel parent_instance;

  /* Template objects */
  GListStore         *entries;
  GtkSingleSelection *row_selection;
  GtkListView        *list_view;
  GtkStack           *stack;
  GtkStringList      *people;
  GtkWidget          *filter_box;
  GtkDropDown        *person_dropdown;
  GtkMenuButton      *since_button;
  GtkWidget          *since_review_button;
  GtkCalendar        *calendar;
  GtkLabel           *count_label;
  AdwStatusPage      *empty_page;
  GtkLabel           *changes_title;
  GtkLabel           *changes_count;
  GtkListBox         *changes_list;

  /* Owned */
  char               *author_filter;
  GDateTime          *since;
  GArray             *changes;          /* RsHistoryItem, sorted; NULL: not showing them */

  RsTarget            filter_target;    /* what "only selected" filtered on last */
  gint64              filter_id;
  guint               reload_source;
  guint               tick_source;      /* "5 minutes ago" moves on while shown */
  guint               only_selected : 1;
  guint               dirty : 1;        /* changed while hidden: read again when shown */
  guint               syncing : 1;      /* setting the drop-down or the row from code */
};

G_DEFINE_FINAL_TYPE (RsHistoryPanel, rs_history_panel, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_AUTHOR_FILTER,
  PROP_ONLY_SELECTED,
  PROP_SINCE,
  PROP_CHANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_reload (RsHistoryPanel *self);

/* "5 minutes ago"; past a week, the date. */
static char *
dup_relative_time (GDateTime *time,
                   GDateTime *now)
{
  GTimeSpan span = g_date_time_difference (now, time);
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  int n;

  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      n = span / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", n), n);
    }
  if (span < G_TIME_SPAN_DAY)
    {
      n = span / G_TIME_SPAN_HOUR;
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", n), n);
    }
  if (span < 7 * G_TIME_SPAN_DAY)
    {
      n = span / G_TIME_SPAN_DAY;
      if (n == 1)
        return g_strdup (_("Yesterday"));
      return g_strdup_printf (ngettext ("%d day ago", "%d days ago", n), n);
    }
  /* Translators: a day in the history (g_date_time_format()) */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %b %Y"));
}

static char *
dup_full_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a change's full date and time (g_date_time_format()) */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%A %-d %B %Y, %H:%M:%S"));
}

static char *
dup_item_title (const RsHistoryItem *item)
{
  if (item->title == NULL || item->title[0] == '\0')
    return g_strdup (_("(untitled)"));
  return rs_text_dup_for_label (item->title, 80);
}

static const char *
op_word (RsHistoryOp op)
{
  switch (op)
    {
    case RS_HISTORY_OP_ADDED:
      return _("Added");
    case RS_HISTORY_OP_CHANGED:
      return _("Changed");
    case RS_HISTORY_OP_REMOVED:
    default:
      return _("Removed");
    }
}

/* "Added: Tick · Changed: PLA → Tick · Removed: <s>Unit</s>", one line per kind. */
static char *
dup_items_markup (RsHistoryEntry *entry)
{
  guint n = rs_history_entry_get_n_items (entry);
  g_autoptr(GString) out = g_string_new (NULL);
  guint shown = 0;

  for (RsHistoryOp op = RS_HISTORY_OP_ADDED; op <= RS_HISTORY_OP_REMOVED; op++)
    {
      gboolean first = TRUE;

      for (guint i = 0; i < n && shown < ITEMS_SHOWN; i++)
        {
          const RsHistoryItem *item = rs_history_entry_get_item (entry, i);
          g_autofree char *title = NULL;
          g_autofree char *escaped = NULL;

          if (item->op != op || item->target == RS_TARGET_CASE)
            continue;
          title = dup_item_title (item);
          escaped = g_markup_escape_text (title, -1);
          if (first)
            g_string_append_printf (out, "%s%s: ", out->len ? "\n" : "", op_word (op));
          else
            g_string_append (out, ", ");
          g_string_append_printf (out, op == RS_HISTORY_OP_REMOVED ? "<s>%s</s>" : "%s", escaped);
          /* What changed, before and after: "name “Tick” → “Tick (APT)”". */
          if (op == RS_HISTORY_OP_CHANGED && item->detail != NULL && item->detail[0] != '\0')
            {
              g_autofree char *detail = g_markup_escape_text (item->detail, -1);

              g_string_append_printf (out, " <span alpha=\"70%%\">(%s)</span>", detail);
            }
          first = FALSE;
          shown++;
        }
    }

  {
    guint records = 0;

    for (guint i = 0; i < n; i++)
      records += rs_history_entry_get_item (entry, i)->target != RS_TARGET_CASE;
    if (records > shown)
      g_string_append_printf (out, ngettext (" and %u more", " and %u more", records - shown),
                              records - shown);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Rows ------------------------------------------------------------------------------ */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *items = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  for (GtkWidget *label = summary; label != NULL;
       label = label == summary ? meta : label == meta ? items : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_label_set_lines (GTK_LABEL (summary), 2);
  gtk_label_set_lines (GTK_LABEL (items), 6);
  gtk_widget_add_css_class (summary, "heading");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (items, "caption");
  gtk_list_item_set_child (list_item, box);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  RsHistoryEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *summary = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (summary);
  GtkWidget *items = gtk_widget_get_next_sibling (meta);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = rs_history_entry_dup_summary (entry);
  g_autofree char *when = dup_relative_time (rs_history_entry_get_time (entry), now);
  g_autofree char *full = dup_full_time (rs_history_entry_get_time (entry));
  g_autofree char *who = g_strdup_printf ("%s · %s", rs_history_entry_get_author (entry), when);
  g_autofree char *markup = dup_items_markup (entry);

  gtk_label_set_text (GTK_LABEL (summary), text);
  gtk_label_set_text (GTK_LABEL (meta), who);
  gtk_widget_set_tooltip_text (meta, full);
  gtk_label_set_markup (GTK_LABEL (items), markup);
  gtk_widget_set_visible (items, markup[0] != '\0');
}

/* Selecting ------------------------------------------------------------------------- */

static gboolean
record_exists (RsCase   *kase,
               RsTarget  target,
               gint64    id)
{
  g_autofree char *label = NULL;

  if (target == RS_TARGET_CASE)
    return FALSE;
  label = rs_panel_dup_target_label (kase, target, id, FALSE);
  return label != NULL;
}

static void
select_records (RsHistoryPanel *self,
                GArray         *targets)
{
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));

  if (selection == NULL || targets->len == 0)
    return;
  rs_panel_select_targets (selection, (RsPanelTarget *)(gpointer) targets->data, targets->len);
}

/* The records the entry touched that are still in the case, in its order. */
static void
select_entry (RsHistoryPanel *self,
              RsHistoryEntry *entry)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (RsPanelTarget));

  if (kase == NULL)
    return;
  for (guint i = 0; i < rs_history_entry_get_n_items (entry); i++)
    {
      const RsHistoryItem *item = rs_history_entry_get_item (entry, i);

      if (record_exists (kase, item->target, item->id))
        g_array_append_val (targets, ((RsPanelTarget) { item->target, item->id }));
    }
  select_records (self, targets);
}

static void
activate_position (RsHistoryPanel *self,
                   guint           position)
{
  g_autoptr(RsHistoryEntry) entry = NULL;

  entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  if (entry != NULL)
    select_entry (self, entry);
}

static void
on_list_view_activate_cb (RsHistoryPanel *self,
                          guint           position,
                          GtkListView    *list_view)
{
  g_assert (RS_IS_HISTORY_PANEL (self));
  activate_position (self, position);
}

static void
on_row_selection_notify_selected_cb (RsHistoryPanel     *self,
                                     GParamSpec         *pspec,
                                     GtkSingleSelection *row_selection)
{
  guint position = gtk_single_selection_get_selected (row_selection);

  g_assert (RS_IS_HISTORY_PANEL (self));

  if (self->syncing || position == GTK_INVALID_LIST_POSITION)
    return;
  activate_position (self, position);
}

static void
on_changes_list_row_activated_cb (RsHistoryPanel *self,
                                  GtkListBoxRow  *row,
                                  GtkListBox     *list)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  guint index = gtk_list_box_row_get_index (row);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (RsPanelTarget));
  const RsHistoryItem *item;

  g_assert (RS_IS_HISTORY_PANEL (self));

  if (kase == NULL || self->changes == NULL || index >= self->changes->len)
    return;
  item = &g_array_index (self->changes, RsHistoryItem, index);
  if (record_exists (kase, item->target, item->id))
    g_array_append_val (targets, ((RsPanelTarget) { item->target, item->id }));
  select_records (self, targets);
}

/* Reading the history ---------------------------------------------------------------- */

static void
set_empty (RsHistoryPanel *self,
           const char     *title,
           const char     *description)
{
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The drop-down lists "Everyone" and each analyst in the history (and the one being
 * filtered on, even before they changed anything). */
static void
update_people (RsHistoryPanel *self,
               char          **authors)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean same;
  guint selected = 0;

  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    g_ptr_array_add (names, authors[i]);
  if (self->author_filter != NULL &&
      !g_ptr_array_find_with_equal_func (names, self->author_filter, g_str_equal, NULL))
    g_ptr_array_add (names, self->author_filter);

  same = n == names->len + 1;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->people, i + 1),
                      g_ptr_array_index (names, i)) == 0;

  self->syncing = TRUE;
  if (!same)
    {
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->people, 1, n - 1, (const char * const *) names->pdata);
      names->len--;
    }
  for (guint i = 0; self->author_filter != NULL && i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), self->author_filter) == 0)
      selected = i + 1;
  gtk_drop_down_set_selected (self->person_dropdown, selected);
  self->syncing = FALSE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const RsHistoryItem *ia = a, *ib = b;

  if (ia->op != ib->op)
    return ia->op < ib->op ? -1 : 1;
  if (ia->target != ib->target)
    return ia->target < ib->target ? -1 : 1;
  return g_utf8_collate (ia->title ? ia->title : "", ib->title ? ib->title : "");
}

static GtkWidget *
new_change_row (const RsHistoryItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *op = gtk_label_new (op_word (item->op));
  g_autofree char *title = dup_item_title (item);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *markup = g_strdup_printf (item->op == RS_HISTORY_OP_REMOVED ? "<s>%s</s>" : "%s",
                                             escaped);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (name), markup);
  gtk_label_set_xalign (GTK_LABEL (op), 0);
  gtk_label_set_width_chars (GTK_LABEL (op), 9);
  gtk_widget_add_css_class (op, "caption-heading");
  gtk_widget_add_css_class (op, item->op == RS_HISTORY_OP_ADDED ? "success" :
                                item->op == RS_HISTORY_OP_CHANGED ? "warning" : "error");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  if (item->op == RS_HISTORY_OP_REMOVED)
    gtk_widget_add_css_class (name, "dim-label");
  gtk_widget_set_tooltip_text (name, title);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), op);
  gtk_box_append (GTK_BOX (box), name);
  return box;
}

static void
show_changes (RsHistoryPanel *self,
              GArray         *changes)
{
  guint counts[3] = { 0 };
  g_autoptr(GDateTime) local = g_date_time_to_local (self->since);
  /* Translators: since when changes are shown (g_date_time_format()) */
  /* xgettext:no-c-format */
  g_autofree char *when = g_date_time_format (local, _("%A %-d %B, %H:%M"));
  g_autofree char *title = g_strdup_printf (_("Changes since %s"), when);
  g_autofree char *count = NULL;
  GtkWidget *child;

  g_array_sort (changes, compare_items);
  g_clear_pointer (&self->changes, g_array_unref);
  self->changes = g_array_ref (changes);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))))
    gtk_list_box_remove (self->changes_list, child);
  for (guint i = 0; i < changes->len; i++)
    {
      const RsHistoryItem *item = &g_array_index (changes, RsHistoryItem, i);

      counts[item->op]++;
      if (i < CHANGES_SHOWN)
        gtk_list_box_append (self->changes_list, new_change_row (item));
    }
  if (changes->len > CHANGES_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("And %u more"), changes->len - CHANGES_SHOWN);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->changes_list, label);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->changes_list,
                                                                       CHANGES_SHOWN), FALSE);
    }

  /* TRANSLATORS: "3 added · 2 changed · 1 removed" */
  count = changes->len == 0 ? g_strdup (_("Nothing has changed since then"))
                            : g_strdup_printf (_("%u added · %u changed · %u removed"),
                                               counts[RS_HISTORY_OP_ADDED],
                                               counts[RS_HISTORY_OP_CHANGED],
                                               counts[RS_HISTORY_OP_REMOVED]);
  /* The history's count would describe a list that is not shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
  gtk_label_set_text (self->changes_title, title);
  gtk_label_set_text (self->changes_count, count);
  gtk_stack_set_visible_child_name (self->stack, "changes");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES]);
}

static void
clear_changes (RsHistoryPanel *self)
{
  if (self->changes == NULL)
    return;
  g_clear_pointer (&self->changes, g_array_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES]);
}

/**
 * rs_history_panel_reload:
 *
 * Reads the history (and the changes since, when shown) again now.
 */
void
rs_history_panel_reload (RsHistoryPanel *self)
{
  RsCaseStore *store;
  RsSelection *selection;
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) authors = NULL;
  g_autoptr(GError) error = NULL;
  RsTarget target = RS_TARGET_CASE;
  gint64 id = 0;
  guint n_old;

  g_return_if_fail (RS_IS_HISTORY_PANEL (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->dirty = FALSE;
  store = rs_panel_get_store (RS_PANEL (self));
  selection = rs_panel_get_selection (RS_PANEL (self));
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  if (store == NULL)
    {
      g_list_store_remove_all (self->entries);
      clear_changes (self);
      set_empty (self, _("No Case"), NULL);
      return;
    }

  if (self->only_selected &&
      (selection == NULL || !rs_selection_get_primary (selection, &target, &id)))
    target = RS_TARGET_CASE, id = 0;
  self->filter_target = target;
  self->filter_id = id;

  authors = rs_case_store_dup_history_authors (store, NULL);
  update_people (self, authors);

  if (self->since != NULL)
    {
      g_autoptr(GArray) changes = rs_case_store_dup_changes_since (store, self->since, &error);

      if (changes != NULL)
        {
          show_changes (self, changes);
          return;
        }
      clear_changes (self);
      set_empty (self, _("Could Not Read the History"), error->message);
      return;
    }

  if (self->only_selected && id == 0)
    {
      g_list_store_remove_all (self->entries);
      set_empty (self, _("Nothing Selected"),
                 _("Select an item on the board to see who changed it"));
      return;
    }

  entries = rs_case_store_dup_history (store, self->author_filter, target, id, HISTORY_LIMIT,
                                       &error);
  if (entries == NULL)
    {
      g_list_store_remove_all (self->entries);
      set_empty (self, _("Could Not Read the History"), error->message);
      return;
    }

  self->syncing = TRUE;
  g_list_store_splice (self->entries, 0, n_old, entries->pdata, entries->len);
  self->syncing = FALSE;

  {
    g_autofree char *count = NULL;

    if (entries->len >= HISTORY_LIMIT)
      count = g_strdup_printf (_("The latest %u changes"), entries->len);
    else
      count = g_strdup_printf (ngettext ("%u change", "%u changes", entries->len), entries->len);
    gtk_label_set_text (self->count_label, count);
    gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
  }

  if (entries->len == 0)
    set_empty (self, _("No Changes Yet"),
               self->author_filter != NULL || self->only_selected
               ? _("Nothing matches these filters")
               : _("Every change to the case is listed here, with who made it and when"));
  else
    gtk_stack_set_visible_child_name (self->stack, "history");
}

static gboolean
reload_cb (gpointer user_data)
{
  RsHistoryPanel *self = user_data;

  self->reload_source = 0;
  rs_history_panel_reload (self);
  return G_SOURCE_REMOVE;
}

/* Soon, and once for a burst; while hidden, when shown again, unless the board shows
 * the changes since. */
static void
schedule_reload (RsHistoryPanel *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && self->since == NULL)
    {
      self->dirty = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY, reload_cb, self);
}

/* Filters and "changes since" ------------------------------------------------------- */

static void
on_person_dropdown_notify_selected_cb (RsHistoryPanel *self,
                                       GParamSpec     *pspec,
                                       GtkDropDown    *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  g_assert (RS_IS_HISTORY_PANEL (self));

  if (self->syncing)
    return;
  rs_history_panel_set_author_filter (self, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                            ? NULL
                                            : gtk_string_list_get_string (self->people, selected));
}

static GDateTime *
parse_since (RsHistoryPanel *self,
             const char     *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, day;

  /* Since the last review mark: what the next review has to look at. */
  if (g_strcmp0 (what, "review") == 0)
    {
      GDateTime *mark = NULL;

      if (rs_panel_get_store (RS_PANEL (self)) == NULL ||
          !rs_case_store_get_last_review_mark (rs_panel_get_store (RS_PANEL (self)), NULL, &mark, NULL))
        return NULL;
      return mark;
    }

  if (g_strcmp0 (what, "hour") == 0)
    return g_date_time_add_hours (now, -1);
  if (g_strcmp0 (what, "today") == 0)
    return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                  g_date_time_get_day_of_month (now), 0, 0, 0);
  if (g_strcmp0 (what, "week") == 0)
    return g_date_time_add_days (now, -7);
  if (sscanf (what, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    return g_date_time_new_local (year, month, day, 0, 0, 0);
  return NULL;
}

/* history.changes-since "review" | "hour" | "today" | "week" | "YYYY-MM-DD" (local midnight). */
static void
changes_since_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RsHistoryPanel *self = RS_HISTORY_PANEL (widget);
  g_autoptr(GDateTime) since = parse_since (self, g_variant_get_string (param, NULL));

  if (since == NULL)
    return;
  gtk_menu_button_popdown (self->since_button);
  rs_history_panel_set_since (self, since);
}

/* "Since the Last Review" only once a review was marked; its tooltip says when. */
static void
on_since_popover_show_cb (RsHistoryPanel *self)
{
  g_autoptr(GDateTime) mark = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *tooltip = NULL;
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  gboolean has_mark = store != NULL &&
    rs_case_store_get_last_review_mark (store, &reviewer, &mark, NULL);

  gtk_widget_set_sensitive (self->since_review_button, has_mark);
  if (has_mark)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (mark);
      g_autofree char *when = g_date_time_format (local, "%x %X");

      /* TRANSLATORS: "Marked by Aiko Tanaka, 27/11/26 10:12:00" */
      tooltip = g_strdup_printf (_("Marked by %s, %s"), reviewer, when);
    }
  gtk_widget_set_tooltip_text (self->since_review_button,
                               has_mark ? tooltip : _("No review has been marked yet"));
}

static void
clear_changes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  rs_history_panel_set_since (RS_HISTORY_PANEL (widget), NULL);
}

static void
on_calendar_apply_clicked_cb (RsHistoryPanel *self,
                              GtkButton      *button)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *param = g_date_time_format (day, "%Y-%m-%d");

  g_assert (RS_IS_HISTORY_PANEL (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "history.changes-since", "s", param);
}

/* RsPanel ---------------------------------------------------------------------------- */

static void
rs_history_panel_store_changed (RsPanel *panel)
{
  RsHistoryPanel *self = RS_HISTORY_PANEL (panel);

  /* Another case: its own people and its own history; "since" stays. */
  g_clear_pointer (&self->author_filter, g_free);
  g_list_store_remove_all (self->entries);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || self->since != NULL)
    rs_history_panel_reload (self);
  else
    self->dirty = TRUE;
}

static void
rs_history_panel_case_changed (RsPanel *panel)
{
  schedule_reload (RS_HISTORY_PANEL (panel));
}

static void
rs_history_panel_selection_changed (RsPanel *panel)
{
  RsHistoryPanel *self = RS_HISTORY_PANEL (panel);
  RsSelection *selection = rs_panel_get_selection (panel);
  RsTarget target = RS_TARGET_CASE;
  gint64 id = 0;

  if (!self->only_selected || self->since != NULL)
    return;
  if (selection == NULL || !rs_selection_get_primary (selection, &target, &id))
    target = RS_TARGET_CASE, id = 0;
  if (target != self->filter_target || id != self->filter_id)
    schedule_reload (self);
}

/* The rows say "5 minutes ago": bind them again (only the visible ones are). */
static gboolean
tick_cb (gpointer user_data)
{
  RsHistoryPanel *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  /* The chosen row stays chosen: that is not a choice to act on. */
  self->syncing = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self->entries), 0, n, n);
  self->syncing = FALSE;
  return G_SOURCE_CONTINUE;
}

static void
rs_history_panel_map (GtkWidget *widget)
{
  RsHistoryPanel *self = RS_HISTORY_PANEL (widget);

  GTK_WIDGET_CLASS (rs_history_panel_parent_class)->map (widget);

  if (self->dirty)
    rs_history_panel_reload (self);
  if (self->tick_source == 0)
    self->tick_source = g_timeout_add_seconds (60, tick_cb, self);
}

static void
rs_history_panel_unmap (GtkWidget *widget)
{
  RsHistoryPanel *self = RS_HISTORY_PANEL (widget);

  g_clear_handle_id (&self->tick_source, g_source_remove);

  GTK_WIDGET_CLASS (rs_history_panel_parent_class)->unmap (widget);
}

static void
rs_history_panel_dispose (GObject *object)
{
  RsHistoryPanel *self = (RsHistoryPanel *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->tick_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_HISTORY_PANEL);

  G_OBJECT_CLASS (rs_history_panel_parent_class)->dispose (object);
}

static void
rs_history_panel_finalize (GObject *object)
{
  RsHistoryPanel *self = (RsHistoryPanel *)object;

  g_clear_pointer (&self->author_filter, g_free);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_clear_pointer (&self->changes, g_array_unref);

  G_OBJECT_CLASS (rs_history_panel_parent_class)->finalize (object);
}

static void
rs_history_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RsHistoryPanel *self = RS_HISTORY_PANEL (object);

  switch (prop_id)
    {
    case PROP_AUTHOR_FILTER:
      g_value_set_string (value, rs_history_panel_get_author_filter (self));
      break;

    case PROP_ONLY_SELECTED:
      g_value_set_boolean (value, rs_history_panel_get_only_selected (self));
      break;

    case PROP_SINCE:
      g_value_set_boxed (value, rs_history_panel_get_since (self));
      break;

    case PROP_CHANGES:
      g_value_set_boxed (value, rs_history_panel_get_changes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_history_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RsHistoryPanel *self = RS_HISTORY_PANEL (object);

  switch (prop_id)
    {
    case PROP_AUTHOR_FILTER:
      rs_history_panel_set_author_filter (self, g_value_get_string (value));
      break;

    case PROP_ONLY_SELECTED:
      rs_history_panel_set_only_selected (self, g_value_get_boolean (value));
      break;

    case PROP_SINCE:
      rs_history_panel_set_since (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_history_panel_class_init (RsHistoryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RsPanelClass *panel_class = RS_PANEL_CLASS (klass);

  object_class->dispose = rs_history_panel_dispose;
  object_class->finalize = rs_history_panel_finalize;
  object_class->get_property = rs_history_panel_get_property;
  object_class->set_property = rs_history_panel_set_property;

  widget_class->map = rs_history_panel_map;
  widget_class->unmap = rs_history_panel_unmap;

  panel_class->store_changed = rs_history_panel_store_changed;
  panel_class->case_changed = rs_history_panel_case_changed;
  panel_class->selection_changed = rs_history_panel_selection_changed;

  properties[PROP_AUTHOR_FILTER] =
    g_param_spec_string ("author-filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_SELECTED] =
    g_param_spec_boolean ("only-selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SINCE] =
    g_param_spec_boxed ("since", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGES] =
    g_param_spec_boxed ("changes", NULL, NULL, G_TYPE_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "history.changes-since", "s",
                                   changes_since_action);
  gtk_widget_class_install_action (widget_class, "history.clear-changes", NULL,
                                   clear_changes_action);
  gtk_widget_class_install_property_action (widget_class, "history.only-selected",
                                            "only-selected");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "history.clear-changes", NULL);

  g_type_ensure (RS_TYPE_HISTORY_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rs-history-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, entries);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, row_selection);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, people);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, filter_box);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, since_button);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, since_review_button);
  gtk_widget_class_bind_template_callback (widget_class, on_since_popover_show_cb);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, calendar);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, changes_title);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, changes_count);
  gtk_widget_class_bind_template_child (widget_class, RsHistoryPanel, changes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selection_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_changes_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_apply_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "rs-history-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rs_history_panel_init (RsHistoryPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.clear-changes", FALSE);
  self->dirty = TRUE;
}

GtkWidget *
rs_history_panel_new (void)
{
  return g_object_new (RS_TYPE_HISTORY_PANEL, NULL);
}

/* The RsHistoryEntry rows, newest first. */
GListModel *
rs_history_panel_get_entries (RsHistoryPanel *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_PANEL (self), NULL);
  return G_LIST_MODEL (self->entries);
}

const char *
rs_history_panel_get_author_filter (RsHistoryPanel *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_PANEL (self), NULL);
  return self->author_filter;
}

/* Only @author's changes; NULL: everyone's. */
void
rs_history_panel_set_author_filter (RsHistoryPanel *self,
                                    const char     *author)
{
  g_return_if_fail (RS_IS_HISTORY_PANEL (self));

  if (author != NULL && author[0] == '\0')
    author = NULL;
  if (g_strcmp0 (self->author_filter, author) == 0)
    return;

  g_free (self->author_filter);
  self->author_filter = g_strdup (author);
  rs_history_panel_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_FILTER]);
}

gboolean
rs_history_panel_get_only_selected (RsHistoryPanel *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_PANEL (self), FALSE);
  return self->only_selected;
}

/* Only the changes to the selection's primary item. */
void
rs_history_panel_set_only_selected (RsHistoryPanel *self,
                                    gboolean        only_selected)
{
  g_return_if_fail (RS_IS_HISTORY_PANEL (self));

  only_selected = !!only_selected;
  if (self->only_selected == only_selected)
    return;

  self->only_selected = only_selected;
  rs_history_panel_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_SELECTED]);
}

GDateTime *
rs_history_panel_get_since (RsHistoryPanel *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_PANEL (self), NULL);
  return self->since;
}

/* Shows what changed since @since (and tells the board through `changes`); NULL goes
 * back to the history. */
void
rs_history_panel_set_since (RsHistoryPanel *self,
                            GDateTime      *since)
{
  g_return_if_fail (RS_IS_HISTORY_PANEL (self));

  if (self->since == since ||
      (self->since != NULL && since != NULL && g_date_time_equal (self->since, since)))
    return;

  g_clear_pointer (&self->since, g_date_time_unref);
  if (since != NULL)
    self->since = g_date_time_ref (since);
  else
    clear_changes (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.clear-changes", since != NULL);
  /* The changes since a time are everyone's, on every record. */
  gtk_widget_set_sensitive (self->filter_box, since == NULL);
  rs_history_panel_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
}

/**
 * rs_history_panel_get_changes:
 *
 * Returns: (element-type RsHistoryItem) (nullable): what changed since `since`, added
 *   first, then changed, then removed; NULL when "changes since" is off
 */
GArray *
rs_history_panel_get_changes (RsHistoryPanel *self)
{
  g_return_val_if_fail (RS_IS_HISTORY_PANEL (self), NULL);
  return self->changes;
}

/* Opens the "since when" chooser (win.changes-since). */
void
rs_history_panel_popup_since (RsHistoryPanel *self)
{
  g_return_if_fail (RS_IS_HISTORY_PANEL (self));
  gtk_menu_button_popup (self->since_button);
}
