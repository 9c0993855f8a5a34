/* rs-case-changes.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rs-types.h"

G_BEGIN_DECLS

/* What one committed transaction did to a case, by record type: the objects it added,
 * changed (their properties already notified) and removed (cascades included). */
typedef struct _RsCaseChanges RsCaseChanges;

#define RS_TYPE_CASE_CHANGES (rs_case_changes_get_type ())

GType          rs_case_changes_get_type    (void) G_GNUC_CONST;
RsCaseChanges *rs_case_changes_new         (void);
RsCaseChanges *rs_case_changes_ref         (RsCaseChanges *self);
void           rs_case_changes_unref       (RsCaseChanges *self);
gboolean       rs_case_changes_is_empty    (RsCaseChanges *self);
guint          rs_case_changes_get_n_items (RsCaseChanges *self);
GPtrArray     *rs_case_changes_get_added   (RsCaseChanges *self,
                                            GType          type);
GPtrArray     *rs_case_changes_get_changed (RsCaseChanges *self,
                                            GType          type);
GPtrArray     *rs_case_changes_get_removed (RsCaseChanges *self,
                                            GType          type);
gboolean       rs_case_changes_only_touch  (RsCaseChanges *self,
                                            GType          type);

/* Recording, for RsCase. */
void           rs_case_changes_add         (RsCaseChanges *self,
                                            gpointer       object);
void           rs_case_changes_change      (RsCaseChanges *self,
                                            gpointer       object);
void           rs_case_changes_remove      (RsCaseChanges *self,
                                            gpointer       object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsCaseChanges, rs_case_changes_unref)

void           rs_case_changes_place       (RsCaseChanges *self,
                                            gpointer       object);
gboolean       rs_case_changes_is_placed_only (RsCaseChanges *self,
                                               gpointer       object);

G_END_DECLS
