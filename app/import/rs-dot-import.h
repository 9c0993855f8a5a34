/* rs-dot-import.h: Graphviz DOT files read into entities and relations
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rs-types.h"

G_BEGIN_DECLS

/* What a DOT file draws, as Redstring will hold it: no Graphviz types, so the store
 * and the GUI can use it (Graphviz stays in app/import and app/layout). */

/* Refused beyond these, with a sentence that says so. */
#define RS_DOT_MAX_BYTES  (32 * 1024 * 1024)
#define RS_DOT_MAX_NODES  20000
#define RS_DOT_MAX_EDGES  100000

typedef struct
{
  char         *name;          /* the node's DOT name (UTF-8) */
  char         *label;         /* its text: the label read as Graphviz would draw it, or the name */
  RsEntityKind  kind;          /* from a "kind" attribute, or the shape; otherwise other */
  gboolean      has_position;
  double        x;             /* board units (points), y downwards; set when has_position */
  double        y;
} RsDotNode;

typedef struct
{
  guint            source;     /* node indices */
  guint            target;
  char            *label;      /* "" without one */
  gboolean         directed;
  RsRelationStatus status;     /* from a "status" attribute, else alleged */
} RsDotEdge;

typedef struct _RsDotGraph RsDotGraph;

/* RS_ERROR_INVALID_INPUT with a sentence ("not a Graphviz DOT file: syntax error in
 * line 3 near '}'") for anything about the contents; name (may be NULL) is the file's
 * name for messages. Graphviz's own messages never reach stderr. */
RsDotGraph      *rs_dot_graph_read_bytes     (GBytes      *bytes,
                                              const char  *name,
                                              GError     **error);
RsDotGraph      *rs_dot_graph_read_file      (GFile       *file,
                                              GCancellable *cancellable,
                                              GError     **error);
void             rs_dot_graph_free           (RsDotGraph  *self);
/* The graph's name, "" for an anonymous graph. */
const char      *rs_dot_graph_get_name       (RsDotGraph  *self);
guint            rs_dot_graph_get_n_nodes    (RsDotGraph  *self);
const RsDotNode *rs_dot_graph_get_node       (RsDotGraph  *self,
                                              guint        index);
guint            rs_dot_graph_get_n_edges    (RsDotGraph  *self);
const RsDotEdge *rs_dot_graph_get_edge       (RsDotGraph  *self,
                                              guint        index);
/* Edges from a node to itself: a relation links two entities, so they are left out. */
guint            rs_dot_graph_get_n_loops    (RsDotGraph  *self);
/* "UTF-8" or "ISO-8859-1" (a graph with charset=latin1). */
const char      *rs_dot_graph_get_encoding   (RsDotGraph  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsDotGraph, rs_dot_graph_free)

G_END_DECLS
