/* rs-presenter.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-board-view.h"
#include "rs-story-view.h"

G_BEGIN_DECLS

#define RS_PRESENTER_MOVE_USEC (400 * G_TIME_SPAN_MILLISECOND)

#define RS_TYPE_PRESENTER (rs_presenter_get_type ())
G_DECLARE_FINAL_TYPE (RsPresenter, rs_presenter, RS, PRESENTER, GObject)

RsPresenter *rs_presenter_new            (RsBoardView *board);
void         rs_presenter_start          (RsPresenter *self,
                                          GPtrArray   *views,
                                          gboolean     timeline);
void         rs_presenter_frame_area     (RsPresenter *self,
                                          const double area[4],
                                          double       visible[4]);
void         rs_presenter_stop           (RsPresenter *self);
gboolean     rs_presenter_get_active     (RsPresenter *self);
gboolean     rs_presenter_get_timeline   (RsPresenter *self);
gboolean     rs_presenter_get_moving     (RsPresenter *self);
guint        rs_presenter_get_step       (RsPresenter *self);
guint        rs_presenter_get_n_steps    (RsPresenter *self);
RsStoryView *rs_presenter_get_view       (RsPresenter *self);
int          rs_presenter_get_bottom_inset (RsPresenter *self);
void         rs_presenter_set_bottom_inset (RsPresenter *self,
                                          int          inset);
gboolean     rs_presenter_go_to          (RsPresenter *self,
                                          guint        step);
gboolean     rs_presenter_next           (RsPresenter *self);
gboolean     rs_presenter_previous       (RsPresenter *self);

G_END_DECLS
