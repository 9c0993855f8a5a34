/* rs-undo-stack.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store.h"
#include "rs-change.h"

G_BEGIN_DECLS

#define RS_TYPE_UNDO_STACK (rs_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (RsUndoStack, rs_undo_stack, RS, UNDO_STACK, GObject)

RsUndoStack *rs_undo_stack_new            (RsCaseStore  *store);
RsCaseStore *rs_undo_stack_get_store      (RsUndoStack  *self);
void         rs_undo_stack_push           (RsUndoStack  *self,
                                           RsChange     *change);
gboolean     rs_undo_stack_undo           (RsUndoStack  *self,
                                           GError      **error);
gboolean     rs_undo_stack_redo           (RsUndoStack  *self,
                                           GError      **error);
void         rs_undo_stack_clear          (RsUndoStack  *self);
gboolean     rs_undo_stack_get_can_undo   (RsUndoStack  *self);
gboolean     rs_undo_stack_get_can_redo   (RsUndoStack  *self);
char        *rs_undo_stack_dup_undo_label (RsUndoStack  *self);
char        *rs_undo_stack_dup_redo_label (RsUndoStack  *self);
RsChange    *rs_undo_stack_peek_undo      (RsUndoStack  *self);
RsChange    *rs_undo_stack_peek_redo      (RsUndoStack  *self);

G_END_DECLS
