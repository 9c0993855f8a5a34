/* rs-relation.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_RELATION (rs_relation_get_type ())
G_DECLARE_FINAL_TYPE (RsRelation, rs_relation, RS, RELATION, GObject)

RsRelation      *rs_relation_new                    (gint64 id);
gint64           rs_relation_get_id                 (RsRelation *self);
const char      *rs_relation_get_uid                (RsRelation *self);
void             rs_relation_set_uid                (RsRelation *self,
                                                     const char *uid);
gint64           rs_relation_get_source_id          (RsRelation *self);
void             rs_relation_set_source_id          (RsRelation *self,
                                                     gint64     source_id);
gint64           rs_relation_get_target_id          (RsRelation *self);
void             rs_relation_set_target_id          (RsRelation *self,
                                                     gint64     target_id);
const char      *rs_relation_get_label              (RsRelation *self);
void             rs_relation_set_label              (RsRelation *self,
                                                     const char *label);
gboolean         rs_relation_get_directed           (RsRelation *self);
void             rs_relation_set_directed           (RsRelation *self,
                                                     gboolean   directed);
RsRelationStatus rs_relation_get_status             (RsRelation *self);
void             rs_relation_set_status             (RsRelation       *self,
                                                     RsRelationStatus status);
const char      *rs_relation_get_route              (RsRelation *self);
void             rs_relation_set_route              (RsRelation *self,
                                                     const char *route);
gboolean         rs_relation_get_has_label_position (RsRelation *self);
void             rs_relation_set_has_label_position (RsRelation *self,
                                                     gboolean   has_label_position);
double           rs_relation_get_label_x            (RsRelation *self);
void             rs_relation_set_label_x            (RsRelation *self,
                                                     double     label_x);
double           rs_relation_get_label_y            (RsRelation *self);
void             rs_relation_set_label_y            (RsRelation *self,
                                                     double     label_y);

G_END_DECLS
