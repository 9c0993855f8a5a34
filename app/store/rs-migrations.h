/* rs-migrations.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-db.h"

G_BEGIN_DECLS

int      rs_migrations_get_latest   (void);
gboolean rs_migrations_apply        (sqlite3  *db,
                                     int       target_version,
                                     GError  **error);
gboolean rs_migrations_check_schema (sqlite3  *db,
                                     int       version,
                                     GError  **error);

G_END_DECLS
