/* rs-window-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-window.h"

G_BEGIN_DECLS

struct _RsWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkPaned            *main_paned;
  GtkPaned            *board_paned;
  GtkOverlay          *board_overlay;
  GtkWidget           *layout_status;
  GtkWidget           *viewer_slot;
  GtkWidget           *side_box;
  AdwViewStack        *side_stack;
  GtkWidget           *quotes_slot;
  GtkWidget           *timeline_slot;
  GtkWidget           *notes_slot;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *side_panel_button;

  /* Owned */
  RsCaseStore         *store;
  RsSelection         *selection;
  GSettings           *settings;
  GCancellable        *cancellable;
};

void _rs_window_class_actions_init (RsWindowClass *klass);
void _rs_window_actions_init       (RsWindow      *self);
void _rs_window_restore_side_width (RsWindow      *self);
void _rs_window_show_error         (RsWindow      *self,
                                    const char    *heading,
                                    const GError  *error);

G_END_DECLS
