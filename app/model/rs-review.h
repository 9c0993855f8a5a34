/* rs-review.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_REVIEW (rs_review_get_type ())
G_DECLARE_FINAL_TYPE (RsReview, rs_review, RS, REVIEW, GObject)

RsReview      *rs_review_new               (gint64       id);
gint64         rs_review_get_id            (RsReview    *self);
const char    *rs_review_get_uid           (RsReview    *self);
void           rs_review_set_uid           (RsReview    *self,
                                            const char  *uid);
RsTarget       rs_review_get_target        (RsReview    *self);
void           rs_review_set_target        (RsReview    *self,
                                            RsTarget     target);
gint64         rs_review_get_target_id     (RsReview    *self);
void           rs_review_set_target_id     (RsReview    *self,
                                            gint64       target_id);
RsReviewState  rs_review_get_state         (RsReview    *self);
void           rs_review_set_state         (RsReview    *self,
                                            RsReviewState state);
const char    *rs_review_get_reviewer      (RsReview    *self);
void           rs_review_set_reviewer      (RsReview    *self,
                                            const char  *reviewer);
const char    *rs_review_get_time          (RsReview    *self);
void           rs_review_set_time          (RsReview    *self,
                                            const char  *time);

G_END_DECLS
