/* rs-entity.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_ENTITY (rs_entity_get_type ())
G_DECLARE_FINAL_TYPE (RsEntity, rs_entity, RS, ENTITY, GObject)

RsEntity           *rs_entity_new              (gint64 id);
gint64              rs_entity_get_id           (RsEntity *self);
const char         *rs_entity_get_uid          (RsEntity *self);
void                rs_entity_set_uid          (RsEntity   *self,
                                                const char *uid);
RsEntityKind        rs_entity_get_kind         (RsEntity *self);
void                rs_entity_set_kind         (RsEntity     *self,
                                                RsEntityKind kind);
const char         *rs_entity_get_name         (RsEntity *self);
void                rs_entity_set_name         (RsEntity   *self,
                                                const char *name);
const char * const *rs_entity_get_aliases      (RsEntity *self);
void                rs_entity_set_aliases      (RsEntity           *self,
                                                const char * const *aliases);
const char         *rs_entity_get_description  (RsEntity *self);
void                rs_entity_set_description  (RsEntity   *self,
                                                const char *description);
const char         *rs_entity_get_external_id  (RsEntity *self);
void                rs_entity_set_external_id  (RsEntity   *self,
                                                const char *external_id);
gboolean            rs_entity_get_has_position (RsEntity *self);
void                rs_entity_set_has_position (RsEntity *self,
                                                gboolean has_position);
double              rs_entity_get_x            (RsEntity *self);
void                rs_entity_set_x            (RsEntity *self,
                                                double   x);
double              rs_entity_get_y            (RsEntity *self);
void                rs_entity_set_y            (RsEntity *self,
                                                double   y);
gboolean            rs_entity_get_pinned       (RsEntity *self);
void                rs_entity_set_pinned       (RsEntity *self,
                                                gboolean pinned);

G_END_DECLS
