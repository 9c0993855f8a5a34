/* rs-comment.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_COMMENT (rs_comment_get_type ())
G_DECLARE_FINAL_TYPE (RsComment, rs_comment, RS, COMMENT, GObject)

RsComment     *rs_comment_new              (gint64       id);
gint64         rs_comment_get_id           (RsComment   *self);
const char    *rs_comment_get_uid          (RsComment   *self);
void           rs_comment_set_uid          (RsComment   *self,
                                            const char  *uid);
RsTarget       rs_comment_get_target       (RsComment   *self);
void           rs_comment_set_target       (RsComment   *self,
                                            RsTarget     target);
gint64         rs_comment_get_target_id    (RsComment   *self);
void           rs_comment_set_target_id    (RsComment   *self,
                                            gint64       target_id);
const char    *rs_comment_get_author       (RsComment   *self);
void           rs_comment_set_author       (RsComment   *self,
                                            const char  *author);
const char    *rs_comment_get_time         (RsComment   *self);
void           rs_comment_set_time         (RsComment   *self,
                                            const char  *time);
const char    *rs_comment_get_body         (RsComment   *self);
void           rs_comment_set_body         (RsComment   *self,
                                            const char  *body);
gboolean       rs_comment_get_resolved     (RsComment   *self);
void           rs_comment_set_resolved     (RsComment   *self,
                                            gboolean     resolved);

G_END_DECLS
