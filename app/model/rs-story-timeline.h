/* rs-story-timeline.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case.h"

G_BEGIN_DECLS

GPtrArray *rs_story_timeline_build (RsCase *kase);

G_END_DECLS
