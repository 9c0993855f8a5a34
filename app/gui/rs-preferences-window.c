/* rs-preferences-window.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-preferences-window.h"

/* app.preferences: the analyst's name, which the history records on every change.
 * The row writes the setting as it is typed; each window applies it to its case at
 * once (rs-window.c), so the next change carries the new name. */
struct _RsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *analyst_group;
  AdwEntryRow         *name_row;
};

G_DEFINE_FINAL_TYPE (RsPreferencesWindow, rs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
rs_preferences_window_class_init (RsPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RsPreferencesWindow, analyst_group);
  gtk_widget_class_bind_template_child (widget_class, RsPreferencesWindow, name_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rs_preferences_window_init (RsPreferencesWindow *self)
{
  const char *system = g_get_real_name ();
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (system == NULL || system[0] == '\0' || g_strcmp0 (system, "Unknown") == 0)
    system = g_get_user_name ();
  description = g_strdup_printf (_("Your name is recorded on every change you make to a case, "
                                   "so colleagues can see who did what. Left empty, it is "
                                   "your name on this computer (“%s”)."), system);
  adw_preferences_group_set_description (self->analyst_group, description);
}

GtkWidget *
rs_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  RsPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
  g_settings_bind (settings, "analyst-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}

/* The "Your name" row (tests type into it). */
GtkWidget *
rs_preferences_window_get_name_row (RsPreferencesWindow *self)
{
  g_return_val_if_fail (RS_IS_PREFERENCES_WINDOW (self), NULL);
  return GTK_WIDGET (self->name_row);
}
