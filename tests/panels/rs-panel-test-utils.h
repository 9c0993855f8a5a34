/* rs-panel-test-utils.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rs-test-utils.h"

G_BEGIN_DECLS

void       rs_panel_test_init                  (int         *argc,
                                                char      ***argv);
GtkWindow *rs_panel_test_present               (GtkWidget   *child,
                                                int          width,
                                                int          height);
void       rs_panel_test_wait                  (guint        msec);
void       rs_panel_test_save_screenshot       (GtkWidget   *widget,
                                                const char  *name);
GtkWidget *rs_panel_test_find_label            (GtkWidget   *root,
                                                const char  *text);
GtkWidget *rs_panel_test_find_label_prefix     (GtkWidget   *root,
                                                const char  *prefix);
guint      rs_panel_test_assert_labels_at_most (GtkWidget   *root,
                                                guint        max_chars);
char      *rs_panel_test_dup_hostile_text      (gsize        min_chars);
gpointer   rs_panel_test_template_child        (gpointer     widget,
                                                GType        widget_type,
                                                const char  *name);

G_END_DECLS
