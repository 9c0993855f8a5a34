/* rs-suggestion-row.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-suggestion-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-enum-types.h"
#include "rs-suggestion-row.h"

/* One proposal of the Suggestions panel: what it names (or the event's date and
 * title), its kind, the words around its span, and why it was proposed, with Accept
 * and Reject. A new entity's kind is a drop-down: the engine guesses, the analyst
 * decides before accepting. The row only reports the buttons ("accept", "reject");
 * the panel writes. */
struct _RsSuggestionRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *kind_label;
  GtkDropDown   *kind_dropdown;
  GtkLabel      *snippet_label;
  GtkLabel      *reason_label;

  /* Owned */
  RsSuggestion  *suggestion;
};

G_DEFINE_FINAL_TYPE (RsSuggestionRow, rs_suggestion_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

enum {
  ACCEPT,
  REJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_accept_clicked_cb (RsSuggestionRow *self,
                      GtkButton       *button)
{
  g_signal_emit (self, signals[ACCEPT], 0);
}

static void
on_reject_clicked_cb (RsSuggestionRow *self,
                      GtkButton       *button)
{
  g_signal_emit (self, signals[REJECT], 0);
}

static void
on_kind_selected_cb (RsSuggestionRow *self,
                     GParamSpec      *pspec,
                     GtkDropDown     *dropdown)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
rs_suggestion_row_finalize (GObject *object)
{
  RsSuggestionRow *self = (RsSuggestionRow *)object;

  g_clear_pointer (&self->suggestion, rs_suggestion_unref);

  G_OBJECT_CLASS (rs_suggestion_row_parent_class)->finalize (object);
}

static void
rs_suggestion_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RS_TYPE_SUGGESTION_ROW);

  G_OBJECT_CLASS (rs_suggestion_row_parent_class)->dispose (object);
}

static void
rs_suggestion_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RsSuggestionRow *self = RS_SUGGESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, rs_suggestion_row_get_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_suggestion_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RsSuggestionRow *self = RS_SUGGESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      rs_suggestion_row_set_kind (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_suggestion_row_class_init (RsSuggestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_suggestion_row_dispose;
  object_class->finalize = rs_suggestion_row_finalize;
  object_class->get_property = rs_suggestion_row_get_property;
  object_class->set_property = rs_suggestion_row_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RS_TYPE_ENTITY_KIND, RS_ENTITY_KIND_PERSON,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsSuggestionRow::accept:
   *
   * The row's Accept button was clicked.
   */
  signals[ACCEPT] = g_signal_new ("accept", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RsSuggestionRow::reject:
   *
   * The row's Reject button was clicked.
   */
  signals[REJECT] = g_signal_new ("reject", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rs-suggestion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionRow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionRow, reason_label);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reject_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
}

static void
rs_suggestion_row_init (RsSuggestionRow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (RsEntityKind kind = 0; kind < RS_ENTITY_KIND_LAST; kind++)
    gtk_string_list_append (kinds, rs_entity_kind_to_display (kind));
  /* Set before the handler is connected in the template matters not: nothing is
   * shown yet, and "kind" has no listener. */
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
}

GtkWidget *
rs_suggestion_row_new (RsSuggestion *suggestion,
                       const char   *snippet,
                       RsEntityKind  kind)
{
  RsSuggestionRow *self;
  g_autofree char *title = NULL;
  const char *kind_text;

  g_return_val_if_fail (suggestion != NULL, NULL);

  self = g_object_new (RS_TYPE_SUGGESTION_ROW, NULL);
  self->suggestion = rs_suggestion_ref (suggestion);

  if (rs_suggestion_is_event (suggestion))
    {
      g_autofree char *date = rs_suggestion_get_date (suggestion)
                              ? rs_fuzzy_date_format (rs_suggestion_get_date (suggestion))
                              : g_strdup ("");

      /* Translators: a proposed event, "2016 – 2017: Tick targets Japanese firms" */
      title = g_strdup_printf (_("%s: %s"), date, rs_suggestion_get_name (suggestion));
      kind_text = _("Event");
    }
  else
    {
      title = g_strdup (rs_suggestion_get_name (suggestion));
      kind_text = rs_entity_kind_to_display (rs_suggestion_get_kind (suggestion));
    }

  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_label_set_markup (self->snippet_label, snippet ? snippet : "");
  gtk_label_set_label (self->reason_label, rs_suggestion_get_reason (suggestion));

  /* Only a new entity's kind is the analyst's to choose. */
  if (!rs_suggestion_is_event (suggestion) && !rs_suggestion_is_mention (suggestion))
    {
      gtk_drop_down_set_selected (self->kind_dropdown, kind);
      gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->kind_label), FALSE);
    }
  else
    gtk_label_set_label (self->kind_label, kind_text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

RsSuggestion *
rs_suggestion_row_get_suggestion (RsSuggestionRow *self)
{
  g_return_val_if_fail (RS_IS_SUGGESTION_ROW (self), NULL);
  return self->suggestion;
}

/* The kind to accept with: the drop-down's for a new entity, else the suggestion's. */
RsEntityKind
rs_suggestion_row_get_kind (RsSuggestionRow *self)
{
  guint selected;

  g_return_val_if_fail (RS_IS_SUGGESTION_ROW (self), RS_ENTITY_KIND_PERSON);

  if (self->suggestion == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->kind_dropdown)))
    return self->suggestion ? rs_suggestion_get_kind (self->suggestion) : RS_ENTITY_KIND_PERSON;
  selected = gtk_drop_down_get_selected (self->kind_dropdown);
  return selected < RS_ENTITY_KIND_LAST ? (RsEntityKind)selected
                                        : rs_suggestion_get_kind (self->suggestion);
}

void
rs_suggestion_row_set_kind (RsSuggestionRow *self,
                            RsEntityKind     kind)
{
  g_return_if_fail (RS_IS_SUGGESTION_ROW (self));
  g_return_if_fail (kind < RS_ENTITY_KIND_LAST);

  if (rs_suggestion_row_get_kind (self) == kind || !gtk_widget_get_visible (GTK_WIDGET (self->kind_dropdown)))
    return;
  /* The drop-down's notify says it. */
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}
