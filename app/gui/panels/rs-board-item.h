/* rs-board-item.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_BOARD_ITEM (rs_board_item_get_type ())
G_DECLARE_FINAL_TYPE (RsBoardItem, rs_board_item, RS, BOARD_ITEM, GObject)

RsBoardItem *rs_board_item_new         (RsTarget     target,
                                        gint64       id,
                                        const char  *name,
                                        const char  *details);
RsTarget     rs_board_item_get_target  (RsBoardItem *self);
gint64       rs_board_item_get_id      (RsBoardItem *self);
const char  *rs_board_item_get_name    (RsBoardItem *self);
const char  *rs_board_item_get_details (RsBoardItem *self);

G_END_DECLS
