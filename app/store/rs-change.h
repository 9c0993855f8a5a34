/* rs-change.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RS_TYPE_CHANGE (rs_change_get_type ())
G_DECLARE_FINAL_TYPE (RsChange, rs_change, RS, CHANGE, GObject)

RsChange   *rs_change_new           (const char  *label,
                                     const char  *author,
                                     GDateTime   *time,
                                     GBytes      *changeset);
const char *rs_change_get_label     (RsChange    *self);
const char *rs_change_get_author    (RsChange    *self);
GDateTime  *rs_change_get_time      (RsChange    *self);
GBytes     *rs_change_get_changeset (RsChange    *self);
GBytes     *rs_change_dup_inverse   (RsChange    *self,
                                     GError     **error);
gboolean    rs_change_is_empty      (RsChange    *self);

G_END_DECLS
