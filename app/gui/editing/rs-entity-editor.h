/* rs-entity-editor.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-entity.h"

G_BEGIN_DECLS

#define RS_TYPE_ENTITY_EDITOR (rs_entity_editor_get_type ())
G_DECLARE_FINAL_TYPE (RsEntityEditor, rs_entity_editor, RS, ENTITY_EDITOR, GtkPopover)

GtkWidget     *rs_entity_editor_new             (void);
void           rs_entity_editor_edit            (RsEntityEditor *self,
                                                 RsEntity       *entity);
void           rs_entity_editor_edit_new        (RsEntityEditor *self,
                                                 const char     *name,
                                                 RsEntityKind    kind);
RsEntity      *rs_entity_editor_get_entity      (RsEntityEditor *self);
const char    *rs_entity_editor_get_name        (RsEntityEditor *self);
RsEntityKind   rs_entity_editor_get_kind        (RsEntityEditor *self);
char         **rs_entity_editor_dup_aliases     (RsEntityEditor *self);
const char    *rs_entity_editor_get_description (RsEntityEditor *self);
void           rs_entity_editor_set_error       (RsEntityEditor *self,
                                                 const char     *message);

G_END_DECLS
