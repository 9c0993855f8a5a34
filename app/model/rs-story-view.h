/* rs-story-view.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_STORY_VIEW (rs_story_view_get_type ())
G_DECLARE_FINAL_TYPE (RsStoryView, rs_story_view, RS, STORY_VIEW, GObject)

RsStoryView        *rs_story_view_new             (gint64              id);
gint64              rs_story_view_get_id          (RsStoryView        *self);
const char         *rs_story_view_get_uid         (RsStoryView        *self);
void                rs_story_view_set_uid         (RsStoryView        *self,
                                                   const char         *uid);
guint               rs_story_view_get_position    (RsStoryView        *self);
void                rs_story_view_set_position    (RsStoryView        *self,
                                                   guint               position);
const char         *rs_story_view_get_caption     (RsStoryView        *self);
void                rs_story_view_set_caption     (RsStoryView        *self,
                                                   const char         *caption);
void                rs_story_view_get_camera      (RsStoryView        *self,
                                                   double             *x,
                                                   double             *y,
                                                   double             *width,
                                                   double             *height);
void                rs_story_view_set_camera      (RsStoryView        *self,
                                                   double              x,
                                                   double              y,
                                                   double              width,
                                                   double              height);
const char * const *rs_story_view_get_shown       (RsStoryView        *self);
void                rs_story_view_set_shown       (RsStoryView        *self,
                                                   const char * const *uids);
const char * const *rs_story_view_get_highlighted (RsStoryView        *self);
void                rs_story_view_set_highlighted (RsStoryView        *self,
                                                   const char * const *uids);
gboolean            rs_story_view_shows           (RsStoryView        *self,
                                                   const char         *uid);
gboolean            rs_story_view_highlights      (RsStoryView        *self,
                                                   const char         *uid);

char               *rs_story_uids_to_text         (const char * const *uids);
char              **rs_story_uids_from_text       (const char         *text);

G_END_DECLS
