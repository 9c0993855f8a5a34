/* rs-note.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_NOTE (rs_note_get_type ())
G_DECLARE_FINAL_TYPE (RsNote, rs_note, RS, NOTE, GObject)

RsNote     *rs_note_new           (gint64 id);
gint64      rs_note_get_id        (RsNote *self);
const char *rs_note_get_uid       (RsNote *self);
void        rs_note_set_uid       (RsNote     *self,
                                   const char *uid);
RsTarget    rs_note_get_target    (RsNote *self);
void        rs_note_set_target    (RsNote   *self,
                                   RsTarget target);
gint64      rs_note_get_target_id (RsNote *self);
void        rs_note_set_target_id (RsNote *self,
                                   gint64 target_id);
const char *rs_note_get_body      (RsNote *self);
void        rs_note_set_body      (RsNote     *self,
                                   const char *body);
const char *rs_note_get_author    (RsNote *self);
void        rs_note_set_author    (RsNote     *self,
                                   const char *author);
const char *rs_note_get_created   (RsNote *self);
void        rs_note_set_created   (RsNote     *self,
                                   const char *created);
const char *rs_note_get_updated   (RsNote *self);
void        rs_note_set_updated   (RsNote     *self,
                                   const char *updated);

char       *rs_note_merge_bodies  (const char *base,
                                   const char *theirs,
                                   const char *ours);

G_END_DECLS
