/* gvplugin.h (layering guard)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Graphviz belongs to app/layout (rs-graph-layout.c): see sqlite3.h beside this file.
 */

#ifdef RS_LAYER_GRAPHVIZ
# include_next <gvplugin.h>
#else
# error "Graphviz belongs to app/layout: go through RsGraphLayout (or declare gvc_dep in a test)"
#endif
