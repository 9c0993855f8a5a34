/* rs-exchange-dialog.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-exchange-dialog.h"
#include "rs-progress-dialog.h"

/* The review between reading a colleague's case (or changeset) and writing anything
 * (issue 21): what conflicts, what is new, what they updated or deleted, and what
 * matched. Every conflict is decided here — keep mine or take theirs, one by one or
 * all at once — before Apply is possible; Apply writes the plan as one undoable change,
 * Cancel and Escape write nothing. */

/* Rows past this many in a group are summed up in one "and N more" row: a merge of two
 * large cases can bring thousands of new items, and a list box makes every row. */
#define MAX_ROWS 200

typedef struct
{
  RsExchangeItem  *item;      /* owned */
  GtkToggleButton *mine;      /* borrowed: the row's */
  GtkToggleButton *theirs;
} ConflictRow;

struct _RsExchangeDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkLabel             *counts_label;
  GtkLabel             *status_label;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *conflicts_group;
  AdwPreferencesGroup  *new_group;
  AdwPreferencesGroup  *updates_group;
  AdwPreferencesGroup  *deletions_group;
  AdwPreferencesGroup  *matched_group;
  AdwExpanderRow       *matched_row;
  GtkWidget            *keep_all_button;
  GtkWidget            *take_all_button;

  /* Owned */
  RsCaseStore          *store;
  RsExchangePlan       *plan;
  GPtrArray            *conflicts;   /* of ConflictRow */

  gboolean              setting;     /* toggles set by the code, not the user */
  /* While the plan is written a slice at a time: its progress, with Cancel. */
  RsProgressDialog     *progress;    /* weak */
  GCancellable         *applying;    /* owned, while writing */
  guint                 progress_delay;
};

G_DEFINE_FINAL_TYPE (RsExchangeDialog, rs_exchange_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
conflict_row_free (ConflictRow *row)
{
  g_clear_object (&row->item);
  g_free (row);
}

/* What kind of record an item is, as a word ("Evidence" has no RsTarget of its own). */
static const char *
target_word (RsExchangeItem *item)
{
  static const struct { const char *name; const char *word; } words[] = {
    { "case", N_("Case") }, { "document", N_("Document") }, { "entity", N_("Entity") },
    { "relation", N_("Relation") }, { "event", N_("Event") }, { "quote", N_("Quote") },
    { "evidence", N_("Evidence") }, { "note", N_("Note") }, { "review", N_("Review") },
    { "comment", N_("Comment") },
  };
  const char *name = rs_exchange_item_get_target_name (item);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (name, words[i].name))
      return _(words[i].word);
  return _("Record");
}

/* A value as the list shows it: quoted, on one line, an empty one said as such. */
static char *
dup_value (const char *value)
{
  g_autofree char *one_line = NULL;

  if (value == NULL || *value == '\0')
    return g_strdup (_("(empty)"));
  one_line = g_strdelimit (g_strdup (value), "\n\r\t", ' ');
  if (g_utf8_strlen (one_line, -1) > 120)
    {
      g_autofree char *head = g_utf8_substring (one_line, 0, 119);

      return g_strdup_printf ("“%s…”", head);
    }
  return g_strdup_printf ("“%s”", one_line);
}

/* "description" → "Description": a field name as a label. */
static char *
dup_field (RsExchangeItem *item)
{
  const char *field = rs_exchange_item_get_field (item);
  gunichar first;

  if (field == NULL || *field == '\0')
    return g_strdup ("");
  first = g_unichar_totitle (g_utf8_get_char (field));
  {
    char buf[8] = { 0, };

    g_unichar_to_utf8 (first, buf);
    return g_strconcat (buf, g_utf8_next_char (field), NULL);
  }
}

static void
show_error (RsExchangeDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Items that will change something in my case. */
static guint
count_changing (RsExchangeDialog *self)
{
  guint n = rs_exchange_plan_count (self->plan, RS_EXCHANGE_ITEM_NEW) +
            rs_exchange_plan_count (self->plan, RS_EXCHANGE_ITEM_UPDATE) +
            rs_exchange_plan_count (self->plan, RS_EXCHANGE_ITEM_DELETE);

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      ConflictRow *row = g_ptr_array_index (self->conflicts, i);

      if (rs_exchange_item_get_resolution (row->item) == RS_EXCHANGE_RESOLUTION_TAKE_THEIRS)
        n++;
    }
  return n;
}

static void
update (RsExchangeDialog *self)
{
  guint undecided = rs_exchange_plan_count_undecided (self->plan);
  guint n_conflicts = rs_exchange_plan_count (self->plan, RS_EXCHANGE_ITEM_CONFLICT);
  g_autofree char *status = NULL;

  if (undecided > 0)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u conflict of %u is undecided: keep your value or "
                                           "take theirs to apply.",
                                           "%u conflicts of %u are undecided: keep your value or "
                                           "take theirs to apply.", undecided),
                              undecided, n_conflicts);
  else if (count_changing (self) == 0)
    status = g_strdup (_("Nothing in your case changes: applying only records the exchange."));
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Apply writes %u change into your case, as one change "
                                           "you can undo. Nothing is written before.",
                                           "Apply writes %u changes into your case, as one change "
                                           "you can undo. Nothing is written before.",
                                           count_changing (self)),
                              count_changing (self));
  gtk_label_set_text (self->status_label, status);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exchange.apply", undecided == 0);
}

static void
on_toggled_cb (GtkToggleButton *button,
               ConflictRow     *row)
{
  RsExchangeDialog *self = RS_EXCHANGE_DIALOG (gtk_widget_get_root (GTK_WIDGET (button)));

  if (self->setting || !gtk_toggle_button_get_active (button))
    return;
  rs_exchange_item_set_resolution (row->item, button == row->mine
                                              ? RS_EXCHANGE_RESOLUTION_KEEP_MINE
                                              : RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  show_error (self, NULL);
  update (self);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* "status\nYours: “confirmed”\nTheirs: “disputed”\nBefore: “unconfirmed”": one value a
 * line, so long ones stay readable side by side with the toggles. */
static char *
dup_conflict_subtitle (RsExchangeItem *item)
{
  g_autofree char *mine = dup_value (rs_exchange_item_get_mine (item));
  g_autofree char *theirs = dup_value (rs_exchange_item_get_theirs (item));
  g_autofree char *field = dup_field (item);

  if (rs_exchange_item_get_base (item) != NULL)
    {
      g_autofree char *base = dup_value (rs_exchange_item_get_base (item));

      /* TRANSLATORS: a conflict: the field, my value, theirs, the value both started from */
      return g_strdup_printf (_("%s\nYours: %s\nTheirs: %s\nBefore: %s"),
                              field, mine, theirs, base);
    }
  /* TRANSLATORS: a conflict: the field, my value, theirs */
  return g_strdup_printf (_("%s\nYours: %s\nTheirs: %s"), field, mine, theirs);
}

static void
add_conflict (RsExchangeDialog *self,
              RsExchangeItem   *item)
{
  g_autofree char *subtitle = dup_conflict_subtitle (item);
  g_autofree char *mine_label = NULL;
  g_autofree char *theirs_label = NULL;
  GtkWidget *row = new_row (rs_exchange_item_get_title (item), subtitle);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *mine = gtk_toggle_button_new_with_label (_("Keep Mine"));
  GtkWidget *theirs = gtk_toggle_button_new_with_label (_("Take Theirs"));
  ConflictRow *conflict = g_new0 (ConflictRow, 1);
  RsExchangeResolution resolution = rs_exchange_item_get_resolution (item);

  conflict->item = g_object_ref (item);
  conflict->mine = GTK_TOGGLE_BUTTON (mine);
  conflict->theirs = GTK_TOGGLE_BUTTON (theirs);
  g_ptr_array_add (self->conflicts, conflict);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "rs-resolution");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine),
                                resolution == RS_EXCHANGE_RESOLUTION_KEEP_MINE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (theirs),
                                resolution == RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
  /* Many rows, one label each: a screen reader says which record and field. */
  /* TRANSLATORS: "Keep mine: status of Tick (group)" */
  mine_label = g_strdup_printf (_("Keep mine: %s of %s"), rs_exchange_item_get_field (item),
                                rs_exchange_item_get_title (item));
  theirs_label = g_strdup_printf (_("Take theirs: %s of %s"), rs_exchange_item_get_field (item),
                                  rs_exchange_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mine), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mine_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (theirs), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  theirs_label, -1);
  gtk_widget_set_tooltip_text (mine, mine_label);
  gtk_widget_set_tooltip_text (theirs, theirs_label);
  g_signal_connect (mine, "toggled", G_CALLBACK (on_toggled_cb), conflict);
  g_signal_connect (theirs, "toggled", G_CALLBACK (on_toggled_cb), conflict);
  gtk_box_append (GTK_BOX (box), mine);
  gtk_box_append (GTK_BOX (box), theirs);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (self->conflicts_group, row);
}

static char *
dup_subtitle (RsExchangeItem *item)
{
  const char *word = target_word (item);
  const char *matched_by = rs_exchange_item_get_matched_by (item);

  switch (rs_exchange_item_get_kind (item))
    {
    case RS_EXCHANGE_ITEM_UPDATE:
      {
        g_autofree char *mine = dup_value (rs_exchange_item_get_mine (item));
        g_autofree char *theirs = dup_value (rs_exchange_item_get_theirs (item));

        /* TRANSLATORS: "Entity · status: “unconfirmed” → “confirmed”" */
        return g_strdup_printf (_("%s · %s: %s → %s"), word,
                                rs_exchange_item_get_field (item), mine, theirs);
      }
    case RS_EXCHANGE_ITEM_MATCH:
      if (matched_by != NULL)
        /* TRANSLATORS: "Entity · matched by alias" */
        return g_strdup_printf (_("%s · matched by %s"), word, matched_by);
      return g_strdup (word);
    case RS_EXCHANGE_ITEM_NEW:
    case RS_EXCHANGE_ITEM_DELETE:
    case RS_EXCHANGE_ITEM_CONFLICT:
    default:
      return g_strdup (word);
    }
}

static void
add_more_row (GtkWidget *parent,
              guint      n_more)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                         "… and %u more", n_more), n_more);
  GtkWidget *row = new_row (title, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
}

static void
fill (RsExchangeDialog *self)
{
  GListModel *items = rs_exchange_plan_get_items (self->plan);
  guint n = g_list_model_get_n_items (items);
  guint shown[RS_EXCHANGE_ITEM_CONFLICT + 1] = { 0, };
  guint total[RS_EXCHANGE_ITEM_CONFLICT + 1] = { 0, };
  g_autofree char *counts = NULL;
  g_autofree char *matched = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);
      RsExchangeItemKind kind = rs_exchange_item_get_kind (item);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      total[kind]++;
      if (kind == RS_EXCHANGE_ITEM_CONFLICT)
        {
          add_conflict (self, item);  /* every one: each needs a decision */
          continue;
        }
      if (shown[kind] >= MAX_ROWS)
        continue;
      shown[kind]++;
      subtitle = dup_subtitle (item);
      row = new_row (rs_exchange_item_get_title (item), subtitle);
      if (kind == RS_EXCHANGE_ITEM_MATCH)
        adw_expander_row_add_row (self->matched_row, row);
      else
        adw_preferences_group_add (kind == RS_EXCHANGE_ITEM_NEW ? self->new_group
                                   : kind == RS_EXCHANGE_ITEM_UPDATE ? self->updates_group
                                   : self->deletions_group, row);
    }

  if (total[RS_EXCHANGE_ITEM_NEW] > shown[RS_EXCHANGE_ITEM_NEW])
    add_more_row (GTK_WIDGET (self->new_group),
                  total[RS_EXCHANGE_ITEM_NEW] - shown[RS_EXCHANGE_ITEM_NEW]);
  if (total[RS_EXCHANGE_ITEM_UPDATE] > shown[RS_EXCHANGE_ITEM_UPDATE])
    add_more_row (GTK_WIDGET (self->updates_group),
                  total[RS_EXCHANGE_ITEM_UPDATE] - shown[RS_EXCHANGE_ITEM_UPDATE]);
  if (total[RS_EXCHANGE_ITEM_DELETE] > shown[RS_EXCHANGE_ITEM_DELETE])
    add_more_row (GTK_WIDGET (self->deletions_group),
                  total[RS_EXCHANGE_ITEM_DELETE] - shown[RS_EXCHANGE_ITEM_DELETE]);
  if (total[RS_EXCHANGE_ITEM_MATCH] > shown[RS_EXCHANGE_ITEM_MATCH])
    add_more_row (GTK_WIDGET (self->matched_row),
                  total[RS_EXCHANGE_ITEM_MATCH] - shown[RS_EXCHANGE_ITEM_MATCH]);

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), total[RS_EXCHANGE_ITEM_CONFLICT] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->new_group), total[RS_EXCHANGE_ITEM_NEW] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->updates_group), total[RS_EXCHANGE_ITEM_UPDATE] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->deletions_group), total[RS_EXCHANGE_ITEM_DELETE] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->matched_group), total[RS_EXCHANGE_ITEM_MATCH] > 0);

  /* The header of the review: "2 conflicts · 5 new · 3 updates · 0 deletions · 38 matched" */
  {
    g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict",
                                                       "%u conflicts",
                                                       total[RS_EXCHANGE_ITEM_CONFLICT]),
                                          total[RS_EXCHANGE_ITEM_CONFLICT]);
    g_autofree char *nw = g_strdup_printf (_("%u new"), total[RS_EXCHANGE_ITEM_NEW]);
    g_autofree char *u = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u update", "%u updates",
                                                       total[RS_EXCHANGE_ITEM_UPDATE]),
                                          total[RS_EXCHANGE_ITEM_UPDATE]);
    g_autofree char *d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deletion",
                                                       "%u deletions",
                                                       total[RS_EXCHANGE_ITEM_DELETE]),
                                          total[RS_EXCHANGE_ITEM_DELETE]);
    g_autofree char *m = g_strdup_printf (_("%u matched"), total[RS_EXCHANGE_ITEM_MATCH]);

    counts = g_strjoin (" · ", c, nw, u, d, m, NULL);
  }
  gtk_label_set_text (self->counts_label, counts);
  matched = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matched, nothing to do",
                                          "%u matched, nothing to do",
                                          total[RS_EXCHANGE_ITEM_MATCH]),
                             total[RS_EXCHANGE_ITEM_MATCH]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->matched_row), matched);
  adw_expander_row_set_subtitle (self->matched_row,
                                 _("The same record on both sides, already alike"));
}

/* The lists, not the notice above them, while a large plan is written. */
static void
set_lists_sensitive (RsExchangeDialog *self,
                     gboolean          sensitive)
{
  GtkWidget *lists[] = {
    GTK_WIDGET (self->conflicts_group), GTK_WIDGET (self->new_group),
    GTK_WIDGET (self->updates_group), GTK_WIDGET (self->deletions_group),
    GTK_WIDGET (self->matched_group),
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    gtk_widget_set_sensitive (lists[i], sensitive);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  rs_exchange_dialog_apply (RS_EXCHANGE_DIALOG (widget));
}

static void
on_keep_all_clicked_cb (RsExchangeDialog *self)
{
  rs_exchange_dialog_resolve_all (self, RS_EXCHANGE_RESOLUTION_KEEP_MINE);
}

static void
on_take_all_clicked_cb (RsExchangeDialog *self)
{
  rs_exchange_dialog_resolve_all (self, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
}

static void
rs_exchange_dialog_dispose (GObject *object)
{
  RsExchangeDialog *self = RS_EXCHANGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_EXCHANGE_DIALOG);
  /* Closed while writing: what was written is rolled back. */
  if (self->applying != NULL)
    g_cancellable_cancel (self->applying);
  g_clear_object (&self->applying);
  if (self->progress != NULL)
    rs_progress_dialog_done (self->progress);
  g_clear_weak_pointer (&self->progress);
  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (rs_exchange_dialog_parent_class)->dispose (object);
}

static void
rs_exchange_dialog_finalize (GObject *object)
{
  RsExchangeDialog *self = RS_EXCHANGE_DIALOG (object);

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  G_OBJECT_CLASS (rs_exchange_dialog_parent_class)->finalize (object);
}

static void
rs_exchange_dialog_class_init (RsExchangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_exchange_dialog_dispose;
  object_class->finalize = rs_exchange_dialog_finalize;

  /**
   * RsExchangeDialog::applied:
   * @change: the change written (already on the store's undo path)
   * @n_changed: how many items changed something in the case
   *
   * The plan is in the case; the dialog then closes.
   */
  signals[APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RS_TYPE_CHANGE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/redstring/Redstring/rs-exchange-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, new_group);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, updates_group);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, deletions_group);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, matched_group);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, matched_row);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, keep_all_button);
  gtk_widget_class_bind_template_child (widget_class, RsExchangeDialog, take_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_take_all_clicked_cb);

  gtk_widget_class_install_action (widget_class, "exchange.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "exchange.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "exchange.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rs_exchange_dialog_init (RsExchangeDialog *self)
{
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)conflict_row_free);
  self->progress_delay = 300;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rs_exchange_dialog_new:
 * @source_name: the other case's or the changeset's file name, for the title
 */
RsExchangeDialog *
rs_exchange_dialog_new (GtkWindow      *parent,
                        RsCaseStore    *store,
                        RsExchangePlan *plan,
                        const char     *source_name)
{
  RsExchangeDialog *self;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (RS_IS_EXCHANGE_PLAN (plan), NULL);

  self = g_object_new (RS_TYPE_EXCHANGE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->plan = g_object_ref (plan);

  adw_window_title_set_title (self->window_title, rs_exchange_plan_get_label (plan));
  adw_window_title_set_subtitle (self->window_title, source_name ? source_name : "");
  gtk_window_set_title (GTK_WINDOW (self), rs_exchange_plan_get_label (plan));
  fill (self);
  update (self);
  return self;
}

RsExchangePlan *
rs_exchange_dialog_get_plan (RsExchangeDialog *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_DIALOG (self), NULL);

  return self->plan;
}

/* Keep All Mine / Take All Theirs: every conflict, the toggles following. */
void
rs_exchange_dialog_resolve_all (RsExchangeDialog     *self,
                                RsExchangeResolution  resolution)
{
  g_return_if_fail (RS_IS_EXCHANGE_DIALOG (self));
  g_return_if_fail (resolution != RS_EXCHANGE_RESOLUTION_UNDECIDED);

  self->setting = TRUE;
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      ConflictRow *row = g_ptr_array_index (self->conflicts, i);

      rs_exchange_item_set_resolution (row->item, resolution);
      gtk_toggle_button_set_active (resolution == RS_EXCHANGE_RESOLUTION_KEEP_MINE
                                    ? row->mine : row->theirs, TRUE);
    }
  self->setting = FALSE;
  show_error (self, NULL);
  update (self);
}

gboolean
rs_exchange_dialog_get_can_apply (RsExchangeDialog *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_DIALOG (self), FALSE);

  return rs_exchange_plan_count_undecided (self->plan) == 0;
}

/* How long a write may take before its progress shows (tests: 0). */
void
rs_exchange_dialog_set_progress_delay (RsExchangeDialog *self,
                                       guint             msec)
{
  g_return_if_fail (RS_IS_EXCHANGE_DIALOG (self));

  self->progress_delay = msec;
}

gboolean
rs_exchange_dialog_get_applying (RsExchangeDialog *self)
{
  g_return_val_if_fail (RS_IS_EXCHANGE_DIALOG (self), FALSE);

  return self->applying != NULL;
}

static void
on_apply_progress_cb (double   fraction,
                      gpointer user_data)
{
  rs_progress_dialog_set_fraction (RS_PROGRESS_DIALOG (user_data), fraction);
}

static void
on_applied_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RsExchangeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  guint n_changed;

  change = rs_exchange_plan_apply_finish (RS_EXCHANGE_PLAN (source), result, &error);
  g_clear_object (&self->applying);
  if (self->progress != NULL)
    rs_progress_dialog_done (self->progress);
  g_clear_weak_pointer (&self->progress);
  /* Closed meanwhile: nothing to show. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->plan == NULL)
    return;

  set_lists_sensitive (self, TRUE);
  update (self);
  if (change == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->status_label,
                            _("Cancelled: nothing in your case changed. Apply writes it again."));
      else
        show_error (self, error->message);
      return;
    }
  n_changed = count_changing (self);
  g_signal_emit (self, signals[APPLIED], 0, change, n_changed);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Starts writing the plan (one undoable change), a slice at a time with the window
 * responsive; its progress shows past a moment, with Cancel leaving the case as it
 * was. FALSE when it cannot start (a conflict undecided, or already writing); a
 * refusal later (the case changed since the plan was made) is said in the dialog. */
gboolean
rs_exchange_dialog_apply (RsExchangeDialog *self)
{
  g_autofree char *said = NULL;
  RsProgressDialog *progress;
  guint n_changed;

  g_return_val_if_fail (RS_IS_EXCHANGE_DIALOG (self), FALSE);

  if (self->applying != NULL || !rs_exchange_dialog_get_can_apply (self))
    return FALSE;
  n_changed = count_changing (self);
  said = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Writing %u change into your case…",
                                       "Writing %u changes into your case…", n_changed),
                          n_changed);
  show_error (self, NULL);
  gtk_label_set_text (self->status_label, said);
  set_lists_sensitive (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exchange.apply", FALSE);

  self->applying = g_cancellable_new ();
  progress = rs_progress_dialog_new (GTK_WINDOW (self), said);
  g_set_weak_pointer (&self->progress, progress);
  rs_progress_dialog_present_later (progress, self->progress_delay);
  /* Cancel in the progress dialog cancels the write. */
  g_signal_connect_object (rs_progress_dialog_get_cancellable (progress), "cancelled",
                           G_CALLBACK (g_cancellable_cancel), self->applying,
                           G_CONNECT_SWAPPED);
  rs_exchange_plan_apply_async (self->plan, self->store, self->applying, on_apply_progress_cb,
                                g_object_ref (progress), g_object_unref, on_applied_cb,
                                g_object_ref (self));
  return TRUE;
}
