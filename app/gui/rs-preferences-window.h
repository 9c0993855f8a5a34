/* rs-preferences-window.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RS_TYPE_PREFERENCES_WINDOW (rs_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RsPreferencesWindow, rs_preferences_window, RS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *rs_preferences_window_new          (GtkWindow           *parent,
                                               GSettings           *settings);
GtkWidget *rs_preferences_window_get_name_row (RsPreferencesWindow *self);

G_END_DECLS
