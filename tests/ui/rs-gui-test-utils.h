/* rs-gui-test-utils.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*RsGuiTestCondition) (gpointer user_data);

void        rs_gui_test_init               (int                 *argc,
                                            char              ***argv);
GApplication *rs_gui_test_init_application (int                 *argc,
                                            char              ***argv);
void        rs_gui_test_iterate            (guint                msec);
gboolean    rs_gui_test_wait_until         (RsGuiTestCondition   condition,
                                            gpointer             user_data,
                                            guint                timeout_msec);
void        rs_gui_test_wait_for_draw      (GtkWidget           *widget);
GtkWindow  *rs_gui_test_open_case          (GApplication        *app,
                                            const char          *path);
GdkTexture *rs_gui_test_render_widget      (GtkWidget           *widget);
char       *rs_gui_test_save_png           (GdkTexture          *texture,
                                            const char          *name);
void        rs_gui_test_compare_reference  (GdkTexture          *texture,
                                            const char          *reference,
                                            double               max_mean_difference,
                                            double               max_differing_fraction);
gboolean    rs_gui_test_can_click          (void);
gboolean    rs_gui_test_click              (GtkWidget           *widget,
                                            double               x,
                                            double               y);
gboolean    rs_gui_test_drag               (GtkWidget           *widget,
                                            double               x,
                                            double               y,
                                            double               dx,
                                            double               dy);
gboolean    rs_gui_test_drag_full          (GtkWidget           *widget,
                                            const char          *hold_key,
                                            double               x,
                                            double               y,
                                            double               dx,
                                            double               dy,
                                            const char          *key_before_release);
gboolean    rs_gui_test_move_pointer       (GtkWidget           *widget,
                                            double               x,
                                            double               y);

void        rs_gui_test_collect            (GtkWidget           *widget,
                                            GType                type,
                                            GPtrArray           *found);

G_END_DECLS
