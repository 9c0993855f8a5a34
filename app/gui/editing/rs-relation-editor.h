/* rs-relation-editor.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-entity.h"
#include "rs-relation.h"

G_BEGIN_DECLS

#define RS_TYPE_RELATION_EDITOR (rs_relation_editor_get_type ())
G_DECLARE_FINAL_TYPE (RsRelationEditor, rs_relation_editor, RS, RELATION_EDITOR, GtkPopover)

GtkWidget        *rs_relation_editor_new          (void);
void              rs_relation_editor_edit         (RsRelationEditor *self,
                                                   RsRelation       *relation,
                                                   RsEntity         *source,
                                                   RsEntity         *target);
RsRelation       *rs_relation_editor_get_relation (RsRelationEditor *self);
RsEntity         *rs_relation_editor_get_source   (RsRelationEditor *self);
RsEntity         *rs_relation_editor_get_target   (RsRelationEditor *self);
const char       *rs_relation_editor_get_label    (RsRelationEditor *self);
gboolean          rs_relation_editor_get_directed (RsRelationEditor *self);
RsRelationStatus  rs_relation_editor_get_status   (RsRelationEditor *self);
void              rs_relation_editor_set_error    (RsRelationEditor *self,
                                                   const char       *message);

G_END_DECLS
