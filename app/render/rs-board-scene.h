/* rs-board-scene.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-board-filter.h"
#include "rs-board-style.h"
#include "rs-board-types.h"
#include "rs-case.h"
#include "rs-selection.h"

G_BEGIN_DECLS

/* An entity as drawn. Read-only for everyone but the scene. */
typedef struct
{
  gint64         id;
  RsEntityKind   kind;
  RsBoardItemFlags flags;
  double         x;             /* centre, board units */
  double         y;
  double         width;
  double         height;
  guint          n_documents;   /* independent documents supporting or mentioning it */
  char          *label;         /* one sanitised line, what is drawn */
  char          *tag;           /* a technique's ATT&CK id (T1566.001) on a tab, or NULL */
  char          *name;          /* as in the case */
  char         **aliases;
  RsReviewState  review;        /* issue 20: accepted, challenged or not yet */
  guint          n_open_comments;
} RsBoardNode;

/* A relation as drawn. points is a cubic Bézier path of 1 + 3k points (x, y pairs), always
 * set for drawn edges: straight edges get a degenerate curve clipped at the node borders. */
typedef struct
{
  gint64           id;
  guint            source;      /* node indices */
  guint            target;
  RsRelationStatus status;
  gboolean         directed;
  RsBoardItemFlags flags;
  guint            n_documents;
  char            *label;       /* sanitised, "" when the relation has none */
  double           text_width;  /* the label text alone */
  double           text_height;
  double           label_width; /* text + padding + document badge, 0 without text */
  double           label_height;
  double           label_x;     /* centre of the label (or of the badge without text) */
  double           label_y;
  double          *points;
  guint            n_points;
  RsBoardRect      bounds;      /* curve control points and label */
  RsReviewState    review;      /* issue 20: accepted, challenged or not yet */
  guint            n_open_comments;
} RsBoardEdge;

#define RS_TYPE_BOARD_SCENE (rs_board_scene_get_type ())

GType              rs_board_scene_get_type         (void) G_GNUC_CONST;
RsBoardScene      *rs_board_scene_new              (RsCase             *kase,
                                                    RsBoardFilter      *filter,
                                                    RsBoardStyle       *style);
RsBoardScene      *rs_board_scene_new_for_selection (RsCase             *kase,
                                                      RsBoardFilter      *filter,
                                                      RsBoardStyle       *style,
                                                      RsSelection        *selection);
RsBoardScene      *rs_board_scene_ref              (RsBoardScene       *self);
void               rs_board_scene_unref            (RsBoardScene       *self);
guint              rs_board_scene_get_n_nodes      (RsBoardScene       *self);
const RsBoardNode *rs_board_scene_get_node         (RsBoardScene       *self,
                                                    guint               index);
guint              rs_board_scene_get_n_edges      (RsBoardScene       *self);
const RsBoardEdge *rs_board_scene_get_edge         (RsBoardScene       *self,
                                                    guint               index);
gboolean           rs_board_scene_lookup_node      (RsBoardScene       *self,
                                                    gint64              entity_id,
                                                    guint              *index);
gboolean           rs_board_scene_lookup_edge      (RsBoardScene       *self,
                                                    gint64              relation_id,
                                                    guint              *index);
const guint       *rs_board_scene_get_node_edges   (RsBoardScene       *self,
                                                    guint               index,
                                                    guint              *n_edges);
gboolean           rs_board_scene_get_bounds       (RsBoardScene       *self,
                                                    RsBoardRect        *bounds);
guint              rs_board_scene_get_n_unplaced   (RsBoardScene       *self);
guint              rs_board_scene_get_n_placed     (RsBoardScene       *self);
void               rs_board_scene_get_node_rect    (RsBoardScene       *self,
                                                    guint               index,
                                                    RsBoardRect        *rect);
guint              rs_board_scene_query_nodes      (RsBoardScene       *self,
                                                    const RsBoardRect  *rect,
                                                    GArray             *indices);
guint              rs_board_scene_query_edges      (RsBoardScene       *self,
                                                    const RsBoardRect  *rect,
                                                    GArray             *indices);
gboolean           rs_board_scene_apply_changes    (RsBoardScene       *self,
                                                    RsCase             *kase,
                                                    RsBoardFilter      *filter,
                                                    RsBoardStyle       *style,
                                                    RsCaseChanges      *changes);
void               rs_board_scene_lock_read        (RsBoardScene       *self);
void               rs_board_scene_unlock_read      (RsBoardScene       *self);
gboolean           rs_board_scene_get_change_pending (RsBoardScene     *self);
void               rs_board_scene_move_node        (RsBoardScene       *self,
                                                    guint               index,
                                                    double              x,
                                                    double              y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsBoardScene, rs_board_scene_unref)

G_END_DECLS
