/* rs-story-export.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rs-case.h"

G_BEGIN_DECLS

gboolean rs_story_export_pdf (RsCase   *kase,
                              GFile    *file,
                              GError  **error);

G_END_DECLS
