/* rs-window.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rs-application.h"
#include "rs-case-store.h"
#include "rs-selection.h"

G_BEGIN_DECLS

#define RS_TYPE_WINDOW (rs_window_get_type ())
G_DECLARE_FINAL_TYPE (RsWindow, rs_window, RS, WINDOW, AdwApplicationWindow)

RsWindow    *rs_window_new           (RsApplication *application);
gboolean     rs_window_open_case     (RsWindow      *self,
                                      const char    *path,
                                      gboolean       is_default);
void         rs_window_prefetch_case      (const char *path);
void         rs_window_drop_prefetch      (void);
void         rs_window_open_case_at_start (RsWindow *self,
                                           const char *path);
void         rs_window_set_store     (RsWindow      *self,
                                      RsCaseStore   *store);
RsCaseStore *rs_window_get_store     (RsWindow      *self);
RsSelection *rs_window_get_selection (RsWindow      *self);
void         rs_window_show_toast    (RsWindow      *self,
                                      const char    *message);
RsWindow    *rs_window_find_for_case (const char    *path);
gboolean     rs_window_get_editable  (RsWindow      *self);
gboolean     rs_window_get_locked    (RsWindow      *self);
void         rs_window_set_locked    (RsWindow      *self,
                                      gboolean       locked);
gboolean     rs_window_get_allow_review (RsWindow   *self);
void         rs_window_set_allow_review (RsWindow   *self,
                                         gboolean    allow_review);

G_END_DECLS
