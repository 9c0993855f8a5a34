/* rs-event-editor.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-event-editor.h"
#include "rs-types.h"

/* An event's title, date (typed as the reports give it: "2009", "2016 – 2017",
 * with a qualifier such as "at least" or "late") and description, in a popover.
 * Like the other editors it only collects; ::save becomes a command elsewhere. */

struct _RsEventEditor
{
  GtkPopover   parent_instance;

  RsEvent     *event;

  GtkLabel    *title_label;
  GtkEntry    *title_entry;
  GtkDropDown *qualifier_dropdown;
  GtkEntry    *date_entry;
  GtkEntry    *description_entry;
  GtkLabel    *hint_label;
  GtkLabel    *error_label;
  GtkButton   *save_button;
};

G_DEFINE_FINAL_TYPE (RsEventEditor, rs_event_editor, GTK_TYPE_POPOVER)

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_cancel_clicked (RsEventEditor *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_save_clicked (RsEventEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[SAVE], 0);
}

static void
rs_event_editor_dispose (GObject *object)
{
  RsEventEditor *self = RS_EVENT_EDITOR (object);

  g_clear_object (&self->event);
  gtk_widget_dispose_template (GTK_WIDGET (object), RS_TYPE_EVENT_EDITOR);
  G_OBJECT_CLASS (rs_event_editor_parent_class)->dispose (object);
}

/* Typing starts in the first field as soon as the popover shows (keys typed right
 * after New Entity were lost to the board). */
static void
on_map_cb (RsEventEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
rs_event_editor_class_init (RsEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_event_editor_dispose;

  /**
   * RsEventEditor::save:
   *
   * The user asked to keep what the fields say.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RsEventEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, RsEventEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, RsEventEditor, qualifier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsEventEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, RsEventEditor, description_entry);
  gtk_widget_class_bind_template_child (widget_class, RsEventEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsEventEditor, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RsEventEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
rs_event_editor_init (RsEventEditor *self)
{
  /* In enum order: the position in the list is the qualifier. */
  const char *qualifiers[] = {
    C_("date qualifier", "On"), C_("date qualifier", "At least"), C_("date qualifier", "About"),
    C_("date qualifier", "Early"), C_("date qualifier", "Mid"), C_("date qualifier", "Late"),
    C_("date qualifier", "Before"), C_("date qualifier", "After"), NULL,
  };
  g_autoptr(GtkStringList) list = gtk_string_list_new (qualifiers);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  gtk_drop_down_set_model (self->qualifier_dropdown, G_LIST_MODEL (list));
}

GtkWidget *
rs_event_editor_new (void)
{
  return g_object_new (RS_TYPE_EVENT_EDITOR, NULL);
}

/* Fills the fields from @event, or empties them for a new event (NULL). */
void
rs_event_editor_edit (RsEventEditor *self,
                      RsEvent       *event)
{
  RsFuzzyDate *date = event ? rs_event_get_date (event) : NULL;
  g_autofree char *start = date ? rs_fuzzy_date_dup_start (date) : NULL;
  g_autofree char *end = date ? rs_fuzzy_date_dup_end (date) : NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (RS_IS_EVENT_EDITOR (self));
  g_return_if_fail (event == NULL || RS_IS_EVENT (event));

  g_set_object (&self->event, event);

  when = end ? g_strdup_printf ("%s \u2013 %s", start, end) : g_strdup (start ? start : "");
  title = event ? g_strdup_printf (_("Edit “%s”"), rs_event_get_title (event)) : NULL;
  gtk_label_set_text (self->title_label, event ? title : _("New Event"));
  gtk_button_set_label (self->save_button, event ? _("_Save") : _("_Add"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), event ? rs_event_get_title (event) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), when);
  gtk_drop_down_set_selected (self->qualifier_dropdown,
                              date ? rs_fuzzy_date_get_qualifier (date) : RS_DATE_QUALIFIER_NONE);
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry),
                         event && rs_event_get_description (event)
                         ? rs_event_get_description (event) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

/**
 * rs_event_editor_edit_new:
 * @date: (nullable): the date read from the text, for the analyst to correct
 * @hint: (nullable): how it was read ("“last week” in a report dated …")
 *
 * A new event, prefilled from a selection in a report.
 */
void
rs_event_editor_edit_new (RsEventEditor *self,
                          const char    *title,
                          RsFuzzyDate   *date,
                          const char    *hint)
{
  g_autofree char *start = date ? rs_fuzzy_date_dup_start (date) : NULL;
  g_autofree char *end = date ? rs_fuzzy_date_dup_end (date) : NULL;
  g_autofree char *when = NULL;

  g_return_if_fail (RS_IS_EVENT_EDITOR (self));

  rs_event_editor_edit (self, NULL);
  when = end ? g_strdup_printf ("%s \u2013 %s", start, end) : g_strdup (start ? start : "");
  gtk_label_set_text (self->title_label, _("New Event from the Report"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title ? title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), when);
  gtk_drop_down_set_selected (self->qualifier_dropdown,
                              date ? rs_fuzzy_date_get_qualifier (date) : RS_DATE_QUALIFIER_NONE);
  gtk_label_set_text (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL && *hint != '\0');
}

RsEvent *
rs_event_editor_get_event (RsEventEditor *self)
{
  g_return_val_if_fail (RS_IS_EVENT_EDITOR (self), NULL);
  return self->event;
}

const char *
rs_event_editor_get_title (RsEventEditor *self)
{
  g_return_val_if_fail (RS_IS_EVENT_EDITOR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
}

const char *
rs_event_editor_get_date_text (RsEventEditor *self)
{
  g_return_val_if_fail (RS_IS_EVENT_EDITOR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
}

RsDateQualifier
rs_event_editor_get_qualifier (RsEventEditor *self)
{
  guint selected;

  g_return_val_if_fail (RS_IS_EVENT_EDITOR (self), RS_DATE_QUALIFIER_NONE);
  selected = gtk_drop_down_get_selected (self->qualifier_dropdown);
  return selected <= RS_DATE_QUALIFIER_AFTER ? (RsDateQualifier) selected : RS_DATE_QUALIFIER_NONE;
}

const char *
rs_event_editor_get_description (RsEventEditor *self)
{
  g_return_val_if_fail (RS_IS_EVENT_EDITOR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->description_entry));
}

void
rs_event_editor_set_error (RsEventEditor *self,
                           const char    *message)
{
  g_return_if_fail (RS_IS_EVENT_EDITOR (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
