/* rs-board-scene.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-scene"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rs-board-geometry.h"
#include "rs-board-grid.h"
#include "rs-board-labels.h"
#include "rs-board-scene.h"
#include "rs-text.h"
#include "rs-layout-result.h"

/* A GTK-free snapshot of what the board draws, built from a case and a filter: nodes
 * with measured sizes, edges with their drawn curves, the bounds, and a uniform grid over
 * the bounds so drawing and hit-testing only look at the cells a rectangle covers.
 *
 * A scene changes only on the main thread: rs_board_scene_move_node() while a node is
 * dragged, and rs_board_scene_apply_changes() after a committed transaction, which
 * updates the nodes and edges concerned in place. Nodes and edges keep their index for
 * the scene's life (a removed one stays as a REMOVED tombstone), so indices held by the
 * view stay valid; queries are safe from several threads as long as nobody changes it.
 * A thread that reads the scene while the main thread may change it (the board's picture
 * painted in a worker) brackets its reads with rs_board_scene_lock_read() and
 * rs_board_scene_unlock_read(), and gives up early when rs_board_scene_get_change_pending()
 * says a change waits: changes take the same lock. */

#define NODE_MARGIN    10.0   /* badge and outline beyond the node box */
#define EDGE_MARGIN     4.0
#define PARALLEL_GAP   22.0

struct _RsBoardScene
{
  gatomicrefcount ref_count;

  /* A worker painting the scene holds paint_lock; a change announces itself in
   * changes_waiting (the painter stops early when it sees one), then takes the lock. */
  GMutex      paint_lock;
  gint        changes_waiting;

  /* Owned */
  GArray     *nodes;
  GArray     *edges;
  GHashTable *node_by_id;       /* &node->id → index + 1 */
  GHashTable *edge_by_id;
  guint      *adjacency_start;  /* n_nodes + 1 offsets into adjacency */
  guint      *adjacency;
  double     *edge_offsets;     /* perpendicular bend of parallel straight edges */
  RsBoardGrid *node_grid;
  RsBoardGrid *edge_grid;

  RsBoardRect bounds;
  gboolean    has_bounds;
  guint       n_placed;
  guint       n_unplaced;
};

G_DEFINE_BOXED_TYPE (RsBoardScene, rs_board_scene, rs_board_scene_ref, rs_board_scene_unref)

static void
node_clear (gpointer data)
{
  RsBoardNode *node = data;

  g_clear_pointer (&node->label, g_free);
  g_clear_pointer (&node->tag, g_free);
  g_clear_pointer (&node->name, g_free);
  g_clear_pointer (&node->aliases, g_strfreev);
}

static void
edge_clear (gpointer data)
{
  RsBoardEdge *edge = data;

  g_clear_pointer (&edge->label, g_free);
  g_clear_pointer (&edge->points, g_free);
}

static inline RsBoardNode *
node_at (RsBoardScene *self,
         guint         index)
{
  return &g_array_index (self->nodes, RsBoardNode, index);
}

static inline RsBoardEdge *
edge_at (RsBoardScene *self,
         guint         index)
{
  return &g_array_index (self->edges, RsBoardEdge, index);
}

static void
node_rect (const RsBoardNode *node,
           RsBoardRect       *rect)
{
  *rect = (RsBoardRect) { node->x - node->width / 2, node->y - node->height / 2,
                          node->width, node->height };
}

/* Routes ------------------------------------------------------------------------------ */

/* The stored route as a flat array of x, y pairs, or NULL when it is not a valid cubic
 * Bézier path (then the edge is drawn straight). Routes come from case files: parsing is
 * left to the one tested place that also writes them. */
static double *
parse_route (const char *route,
             guint      *n_points)
{
  g_autoptr(GArray) points = NULL;
  double *flat;

  *n_points = 0;
  if (route == NULL || *route == '\0')
    return NULL;

  points = g_array_new (FALSE, FALSE, sizeof (RsLayoutPoint));
  if (!rs_layout_route_parse (route, points, NULL) || points->len < 4)
    return NULL;

  flat = g_new (double, 2 * points->len);
  for (guint i = 0; i < points->len; i++)
    {
      flat[2 * i] = g_array_index (points, RsLayoutPoint, i).x;
      flat[2 * i + 1] = g_array_index (points, RsLayoutPoint, i).y;
    }
  *n_points = points->len;
  return flat;
}

static gboolean
near_node (const RsBoardNode *node,
           double             x,
           double             y)
{
  RsBoardRect rect;

  node_rect (node, &rect);
  rs_board_rect_inflate (&rect, 30 + node->width * 0.25, 30 + node->height * 0.25);
  return rs_board_rect_contains_point (&rect, x, y);
}

static void
reverse_points (double *points,
                guint   n_points)
{
  for (guint i = 0, j = n_points - 1; i < j; i++, j--)
    {
      double x = points[2 * i], y = points[2 * i + 1];

      points[2 * i] = points[2 * j];
      points[2 * i + 1] = points[2 * j + 1];
      points[2 * j] = x;
      points[2 * j + 1] = y;
    }
}

/* Layouts may end a curve at the arrow's base or at another shape than ours: join each
 * end to the border of its node with a straight piece so arrowheads touch the node. */
static double *
snap_route_ends (const RsBoardNode *source,
                 const RsBoardNode *target,
                 double            *points,
                 guint             *n_points)
{
  RsBoardRect src, tgt;
  double sx, sy, tx, ty;
  gboolean snap_start, snap_end;
  guint n = *n_points, extra, offset;
  double *out;

  node_rect (source, &src);
  node_rect (target, &tgt);

  snap_start = !rs_board_rect_contains_point (&src, points[0], points[1]) &&
               rs_board_clip_to_rect (&src, source->x, source->y, points[0], points[1], &sx, &sy) &&
               hypot (points[0] - sx, points[1] - sy) > 0.5;
  snap_end = !rs_board_rect_contains_point (&tgt, points[2 * n - 2], points[2 * n - 1]) &&
             rs_board_clip_to_rect (&tgt, target->x, target->y,
                                    points[2 * n - 2], points[2 * n - 1], &tx, &ty) &&
             hypot (points[2 * n - 2] - tx, points[2 * n - 1] - ty) > 0.5;

  if (!snap_start && !snap_end)
    return points;

  extra = (snap_start ? 3 : 0) + (snap_end ? 3 : 0);
  out = g_new (double, 2 * (n + extra));
  offset = 0;

  if (snap_start)
    {
      for (guint k = 0; k < 3; k++)
        {
          out[2 * k] = sx + (points[0] - sx) * k / 3.0;
          out[2 * k + 1] = sy + (points[1] - sy) * k / 3.0;
        }
      offset = 3;
    }

  memcpy (out + 2 * offset, points, sizeof (double) * 2 * n);

  if (snap_end)
    {
      double ex = points[2 * n - 2], ey = points[2 * n - 1];

      for (guint k = 1; k <= 3; k++)
        {
          out[2 * (offset + n - 1 + k)] = ex + (tx - ex) * k / 3.0;
          out[2 * (offset + n - 1 + k) + 1] = ey + (ty - ey) * k / 3.0;
        }
    }

  g_free (points);
  *n_points = n + extra;
  return out;
}

/* Edge geometry ---------------------------------------------------------------------- */

static void
path_point_at (const double *points,
               guint         n_points,
               double        t,
               double       *x,
               double       *y)
{
  guint n_segments = (n_points - 1) / 3;
  double s = t * n_segments;
  guint segment = MIN ((guint)s, n_segments - 1);

  rs_board_bezier_point (points + 6 * segment, s - segment, x, y);
}

static void
set_straight_geometry (RsBoardScene *self,
                       RsBoardEdge  *edge,
                       double        offset)
{
  const RsBoardNode *source = node_at (self, edge->source);
  const RsBoardNode *target = node_at (self, edge->target);
  RsBoardRect src, tgt;
  double p0x, p0y, p3x, p3y, cx, cy;

  g_clear_pointer (&edge->points, g_free);
  edge->points = g_new (double, 8);
  edge->n_points = 4;
  edge->flags &= ~(RS_BOARD_ITEM_ROUTED | RS_BOARD_ITEM_LOOP);

  node_rect (source, &src);
  node_rect (target, &tgt);

  if (edge->source == edge->target)
    {
      double x1 = src.x + src.width, y0 = src.y;
      double reach = 26 + fabs (offset);

      edge->flags |= RS_BOARD_ITEM_LOOP;
      p0x = x1 - MIN (src.width * 0.3, 28);
      p0y = y0;
      p3x = x1;
      p3y = y0 + MIN (src.height * 0.4, 12);
      edge->points[0] = p0x;
      edge->points[1] = p0y;
      edge->points[2] = p0x + reach * 0.2;
      edge->points[3] = p0y - reach * 1.6;
      edge->points[4] = p3x + reach * 1.6;
      edge->points[5] = p3y - reach * 0.2;
      edge->points[6] = p3x;
      edge->points[7] = p3y;
    }
  else
    {
      double dx = target->x - source->x, dy = target->y - source->y;
      double len = hypot (dx, dy);
      double nx = 0, ny = 0;

      if (len > 1e-6)
        {
          nx = -dy / len;
          ny = dx / len;
        }

      /* A quadratic through the bend point, written as a cubic. */
      cx = (source->x + target->x) / 2 + nx * offset * 2;
      cy = (source->y + target->y) / 2 + ny * offset * 2;

      if (!rs_board_rect_contains_point (&src, cx, cy) &&
          rs_board_clip_to_rect (&src, source->x, source->y, cx, cy, &p0x, &p0y))
        ;
      else
        p0x = source->x, p0y = source->y;

      if (!rs_board_rect_contains_point (&tgt, cx, cy) &&
          rs_board_clip_to_rect (&tgt, target->x, target->y, cx, cy, &p3x, &p3y))
        ;
      else
        p3x = target->x, p3y = target->y;

      if (offset == 0)
        {
          cx = (p0x + p3x) / 2;
          cy = (p0y + p3y) / 2;
        }

      edge->points[0] = p0x;
      edge->points[1] = p0y;
      edge->points[2] = p0x + (cx - p0x) * 2 / 3;
      edge->points[3] = p0y + (cy - p0y) * 2 / 3;
      edge->points[4] = p3x + (cx - p3x) * 2 / 3;
      edge->points[5] = p3y + (cy - p3y) * 2 / 3;
      edge->points[6] = p3x;
      edge->points[7] = p3y;
    }

  path_point_at (edge->points, edge->n_points, 0.5, &edge->label_x, &edge->label_y);
}

static void
update_edge_bounds (RsBoardEdge *edge)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double lw = MAX (edge->label_width, 2 * RS_BOARD_BADGE_RADIUS);
  double lh = MAX (edge->label_height, 2 * RS_BOARD_BADGE_RADIUS);

  for (guint i = 0; i < edge->n_points; i++)
    {
      x1 = MIN (x1, edge->points[2 * i]);
      y1 = MIN (y1, edge->points[2 * i + 1]);
      x2 = MAX (x2, edge->points[2 * i]);
      y2 = MAX (y2, edge->points[2 * i + 1]);
    }
  x1 = MIN (x1, edge->label_x - lw / 2);
  y1 = MIN (y1, edge->label_y - lh / 2);
  x2 = MAX (x2, edge->label_x + lw / 2);
  y2 = MAX (y2, edge->label_y + lh / 2);

  rs_board_rect_normalize (&edge->bounds, x1, y1, x2, y2);
  rs_board_rect_inflate (&edge->bounds, EDGE_MARGIN, EDGE_MARGIN);
}

static void
set_edge_geometry (RsBoardScene *self,
                   guint         index,
                   RsRelation   *relation)
{
  RsBoardEdge *edge = edge_at (self, index);
  const RsBoardNode *source = node_at (self, edge->source);
  const RsBoardNode *target = node_at (self, edge->target);
  double *points;
  guint n_points = 0;

  points = parse_route (rs_relation_get_route (relation), &n_points);
  if (points != NULL && edge->source != edge->target)
    {
      if (!near_node (source, points[0], points[1]) &&
          near_node (source, points[2 * n_points - 2], points[2 * n_points - 1]) &&
          near_node (target, points[0], points[1]))
        reverse_points (points, n_points);

      /* A route that no longer meets its nodes is stale: draw straight instead. */
      if (near_node (source, points[0], points[1]) &&
          near_node (target, points[2 * n_points - 2], points[2 * n_points - 1]))
        {
          edge->points = snap_route_ends (source, target, points, &n_points);
          edge->n_points = n_points;
          edge->flags |= RS_BOARD_ITEM_ROUTED;
          points = NULL;

          /* The label position stored with the route is the layout engine's, placed for
           * the engine's own reasons (dot's xlabels land wherever there is room): the
           * scene places labels itself, see rs-board-labels.c. */
          path_point_at (edge->points, edge->n_points, 0.5, &edge->label_x, &edge->label_y);
        }
    }
  g_free (points);

  if (edge->points == NULL)
    set_straight_geometry (self, edge, self->edge_offsets[index]);

  update_edge_bounds (edge);
}

/* Filter ---------------------------------------------------------------------------- */

static gboolean
has_evidence_from (RsCase   *kase,
                   RsTarget  target,
                   gint64    target_id,
                   gint64    document_id)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (kase, target, target_id);

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      RsEvidence *item = g_ptr_array_index (evidence, i);
      RsQuote *quote;

      if (rs_evidence_get_stance (item) == RS_STANCE_CONTRADICTS)
        continue;
      quote = rs_case_lookup_quote (kase, rs_evidence_get_quote_id (item));
      if (quote != NULL && rs_quote_get_document_id (quote) == document_id)
        return TRUE;
    }
  return FALSE;
}

/* Review (issue 20): the claim's state and open comments, for the marks and the
 * review filter. */
static void
node_review_from_case (RsBoardNode *node,
                       RsCase      *kase)
{
  node->review = rs_case_get_review_state (kase, RS_TARGET_ENTITY, node->id);
  node->n_open_comments = rs_case_count_open_comments_for (kase, RS_TARGET_ENTITY, node->id);
}

static void
edge_review_from_case (RsBoardEdge *edge,
                       RsCase      *kase)
{
  edge->review = rs_case_get_review_state (kase, RS_TARGET_RELATION, edge->id);
  edge->n_open_comments = rs_case_count_open_comments_for (kase, RS_TARGET_RELATION, edge->id);
}

static gboolean
review_matches (RsBoardReviewFilter review,
                RsReviewState       state)
{
  switch (review)
    {
    case RS_BOARD_REVIEW_CHALLENGED: return state == RS_REVIEW_STATE_CHALLENGED;
    case RS_BOARD_REVIEW_UNREVIEWED: return state == RS_REVIEW_STATE_UNREVIEWED;
    case RS_BOARD_REVIEW_ANY:
    default:                         return TRUE;
    }
}

static const char *
entity_uid (RsCase *kase,
            gint64  id)
{
  RsEntity *entity = rs_case_lookup_entity (kase, id);

  return entity != NULL ? rs_entity_get_uid (entity) : NULL;
}

static const char *
relation_uid (RsCase *kase,
              gint64  id)
{
  RsRelation *relation = rs_case_lookup_relation (kase, id);

  return relation != NULL ? rs_relation_get_uid (relation) : NULL;
}

static void
apply_filter (RsBoardScene  *self,
              RsCase        *kase,
              RsBoardFilter *filter)
{
  g_autofree guint8 *shown = NULL;
  guint n_nodes = self->nodes->len;
  guint hidden_kinds = rs_board_filter_get_hidden_kinds (filter);
  gint64 document_id = rs_board_filter_get_document_id (filter);
  gint64 focus_id = rs_board_filter_get_focus_id (filter);
  gboolean by_uid = rs_board_filter_get_has_shown_uids (filter);
  RsBoardItemFlags hide = rs_board_filter_get_remove_hidden (filter) ?
                          RS_BOARD_ITEM_REMOVED : RS_BOARD_ITEM_DIMMED;
  guint focus;

  shown = g_new0 (guint8, MAX (n_nodes, 1));

  for (guint i = 0; i < n_nodes; i++)
    {
      RsBoardNode *node = node_at (self, i);

      shown[i] = (hidden_kinds & (1u << node->kind)) == 0 &&
                 rs_board_filter_match_text (filter, node->name,
                                             (const char * const *)node->aliases) &&
                 (document_id == 0 ||
                  has_evidence_from (kase, RS_TARGET_ENTITY, node->id, document_id)) &&
                 (!by_uid || rs_board_filter_shows_uid (filter, entity_uid (kase, node->id)));
    }

  /* Breadth-first over the relations whose status is shown, up to focus-hops away. */
  if (focus_id != 0 && rs_board_scene_lookup_node (self, focus_id, &focus))
    {
      g_autofree guint *distance = g_new (guint, n_nodes);
      g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
      guint hops = rs_board_filter_get_focus_hops (filter);

      for (guint i = 0; i < n_nodes; i++)
        distance[i] = G_MAXUINT;
      distance[focus] = 0;
      g_array_append_val (queue, focus);

      for (guint head = 0; head < queue->len; head++)
        {
          guint current = g_array_index (queue, guint, head);
          guint n_adjacent;
          const guint *adjacent;

          if (distance[current] >= hops)
            continue;

          adjacent = rs_board_scene_get_node_edges (self, current, &n_adjacent);
          for (guint k = 0; k < n_adjacent; k++)
            {
              RsBoardEdge *edge = edge_at (self, adjacent[k]);
              guint other = edge->source == current ? edge->target : edge->source;

              if (!rs_board_filter_get_status_visible (filter, edge->status) ||
                  distance[other] != G_MAXUINT)
                continue;
              distance[other] = distance[current] + 1;
              g_array_append_val (queue, other);
            }
        }

      for (guint i = 0; i < n_nodes; i++)
        if (distance[i] == G_MAXUINT)
          shown[i] = FALSE;
    }

  /* Review: a node is kept for its own state or for a kept relation it ends. */
  if (rs_board_filter_get_review (filter) != RS_BOARD_REVIEW_ANY)
    {
      RsBoardReviewFilter review = rs_board_filter_get_review (filter);
      g_autofree guint8 *kept = g_new0 (guint8, MAX (n_nodes, 1));

      for (guint i = 0; i < n_nodes; i++)
        kept[i] = review_matches (review, node_at (self, i)->review);
      for (guint i = 0; i < self->edges->len; i++)
        {
          RsBoardEdge *edge = edge_at (self, i);

          if (review == RS_BOARD_REVIEW_CHALLENGED && review_matches (review, edge->review))
            kept[edge->source] = kept[edge->target] = TRUE;
        }
      for (guint i = 0; i < n_nodes; i++)
        shown[i] = shown[i] && kept[i];
    }

  for (guint i = 0; i < n_nodes; i++)
    if (!shown[i])
      node_at (self, i)->flags |= hide;

  for (guint i = 0; i < self->edges->len; i++)
    {
      RsBoardEdge *edge = edge_at (self, i);
      gboolean edge_shown = shown[edge->source] && shown[edge->target] &&
                            rs_board_filter_get_status_visible (filter, edge->status) &&
                            (document_id == 0 ||
                             has_evidence_from (kase, RS_TARGET_RELATION, edge->id, document_id)) &&
                            review_matches (rs_board_filter_get_review (filter), edge->review) &&
                            (!by_uid || rs_board_filter_shows_uid (filter,
                                                                   relation_uid (kase, edge->id)));

      if (!edge_shown)
        edge->flags |= hide;
    }
}

/* Grid -------------------------------------------------------------------------------- */

static gboolean
node_meets (guint              item,
            const RsBoardRect *rect,
            gpointer           user_data)
{
  RsBoardRect node;

  node_rect (node_at (user_data, item), &node);
  rs_board_rect_inflate (&node, NODE_MARGIN, NODE_MARGIN);
  return rs_board_rect_intersects (&node, rect);
}

static gboolean
edge_meets (guint              item,
            const RsBoardRect *rect,
            gpointer           user_data)
{
  return rs_board_rect_intersects (&edge_at (user_data, item)->bounds, rect);
}

static guint
count_drawn_nodes (RsBoardScene *self)
{
  guint n_drawn = 0;

  for (guint i = 0; i < self->nodes->len; i++)
    if ((node_at (self, i)->flags & RS_BOARD_ITEM_NOT_DRAWN) == 0)
      n_drawn++;
  return n_drawn;
}

static void
build_node_grid (RsBoardScene *self)
{
  if (!self->has_bounds)
    return;

  self->node_grid = rs_board_grid_new (&self->bounds, count_drawn_nodes (self));
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const RsBoardNode *node = node_at (self, i);
      RsBoardRect rect;

      if (node->flags & RS_BOARD_ITEM_NOT_DRAWN)
        continue;
      node_rect (node, &rect);
      rs_board_rect_inflate (&rect, NODE_MARGIN, NODE_MARGIN);
      rs_board_grid_add (self->node_grid, i, &rect);
    }
  rs_board_grid_pack (self->node_grid);
}

/* From (@x, @y) to the segment from (p[0], p[1]) to (p[6], p[7]). */
static double
point_segment_distance (double        x,
                        double        y,
                        const double *p)
{
  double dx = p[6] - p[0], dy = p[7] - p[1];
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((x - p[0]) * dx + (y - p[1]) * dy) / len2, 0, 1) : 0;

  return hypot (x - (p[0] + t * dx), y - (p[1] + t * dy));
}

static void
build_edge_grid (RsBoardScene *self)
{
  if (!self->has_bounds)
    return;

  self->edge_grid = rs_board_grid_new (&self->bounds, count_drawn_nodes (self));
  for (guint i = 0; i < self->edges->len; i++)
    {
      const RsBoardEdge *edge = edge_at (self, i);
      double lw = MAX (edge->label_width, 2 * RS_BOARD_BADGE_RADIUS) + 2 * EDGE_MARGIN;
      double lh = MAX (edge->label_height, 2 * RS_BOARD_BADGE_RADIUS) + 2 * EDGE_MARGIN;
      RsBoardRect label = { edge->label_x - lw / 2, edge->label_y - lh / 2, lw, lh };

      if (edge->flags & RS_BOARD_ITEM_NOT_DRAWN)
        continue;

      /* Each cubic piece lies in the hull of its control points: cover piece by piece so
       * a long edge does not claim every cell of its bounding box. */
      for (guint k = 0; k + 3 < edge->n_points; k += 3)
        {
          const double *p = edge->points + 2 * k;
          double far = MAX (point_segment_distance (p[2], p[3], p),
                            point_segment_distance (p[4], p[5], p));
          RsBoardRect rect;

          /* The piece lies within @far of the chord from its first to its last point
           * (it is in the hull of its control points): cover that thick chord, which for
           * the usual straight link is its line, not its bounding box. */
          if (far * 4 < hypot (p[6] - p[0], p[7] - p[1]))
            {
              rs_board_grid_add_segment (self->edge_grid, i, p[0], p[1], p[6], p[7],
                                         EDGE_MARGIN + far);
              continue;
            }
          rs_board_rect_normalize (&rect,
                                   MIN (MIN (p[0], p[2]), MIN (p[4], p[6])),
                                   MIN (MIN (p[1], p[3]), MIN (p[5], p[7])),
                                   MAX (MAX (p[0], p[2]), MAX (p[4], p[6])),
                                   MAX (MAX (p[1], p[3]), MAX (p[5], p[7])));
          rs_board_rect_inflate (&rect, EDGE_MARGIN, EDGE_MARGIN);
          rs_board_grid_add (self->edge_grid, i, &rect);
        }
      rs_board_grid_add (self->edge_grid, i, &label);
    }
  rs_board_grid_pack (self->edge_grid);
}

/* Building ----------------------------------------------------------------------------- */

/* A technique is known by its ATT&CK id as much as by its name: the id goes on a tab. */
static char *
dup_node_tag (RsEntity     *entity,
              RsEntityKind  kind)
{
  const char *id = rs_entity_get_external_id (entity);

  if (kind != RS_ENTITY_KIND_TECHNIQUE || id == NULL || *id == '\0')
    return NULL;
  return rs_text_dup_for_label (id, 24);
}

static void
build_nodes (RsBoardScene *self,
             RsCase       *kase,
             RsBoardStyle *style)
{
  GListModel *entities = rs_case_get_entities (kase);
  guint n = g_list_model_get_n_items (entities);
  g_autofree RsEntityKind *kinds = g_new (RsEntityKind, MAX (n, 1));
  g_autofree const char **labels = g_new (const char *, MAX (n, 1));
  g_autofree double *widths = g_new (double, MAX (n, 1));
  g_autofree double *heights = g_new (double, MAX (n, 1));

  g_array_set_size (self->nodes, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      RsBoardNode *node = node_at (self, i);
      RsEntityKind kind = rs_entity_get_kind (entity);

      node->id = rs_entity_get_id (entity);
      node->kind = (guint)kind < RS_ENTITY_KIND_LAST ? kind : RS_ENTITY_KIND_OTHER;
      node->name = g_strdup (rs_entity_get_name (entity));
      node->aliases = g_strdupv ((char **)rs_entity_get_aliases (entity));
      node->label = rs_board_style_dup_display_label (node->name);
      node->tag = dup_node_tag (entity, node->kind);
      node->n_documents = rs_case_count_documents_for (kase, RS_TARGET_ENTITY, node->id);
      kinds[i] = node->kind;
      labels[i] = node->label;
      node_review_from_case (node, kase);

      if (rs_entity_get_has_position (entity) &&
          isfinite (rs_entity_get_x (entity)) && isfinite (rs_entity_get_y (entity)))
        {
          node->x = rs_entity_get_x (entity);
          node->y = rs_entity_get_y (entity);
          self->n_placed++;
        }
      else
        {
          node->flags |= RS_BOARD_ITEM_UNPLACED;
          self->n_unplaced++;
        }

      if (rs_entity_get_pinned (entity))
        node->flags |= RS_BOARD_ITEM_PINNED;
    }

  /* All labels at once: a large board's are measured by two threads. */
  rs_board_style_measure_nodes (style, n, kinds, labels, widths, heights);
  for (guint i = 0; i < n; i++)
    {
      node_at (self, i)->width = widths[i];
      node_at (self, i)->height = heights[i];
    }

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->node_by_id, &node_at (self, i)->id, GUINT_TO_POINTER (i + 1));
}

static GPtrArray *
build_edges (RsBoardScene *self,
             RsCase       *kase,
             RsBoardStyle *style)
{
  GListModel *relations = rs_case_get_relations (kase);
  guint n = g_list_model_get_n_items (relations);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_object_unref);

  g_array_set_size (self->edges, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);
      RsBoardEdge edge = { 0 };
      guint source, target;
      RsRelationStatus status = rs_relation_get_status (relation);

      if (!rs_board_scene_lookup_node (self, rs_relation_get_source_id (relation), &source) ||
          !rs_board_scene_lookup_node (self, rs_relation_get_target_id (relation), &target))
        continue;

      edge.id = rs_relation_get_id (relation);
      edge.source = source;
      edge.target = target;
      edge.status = (guint)status <= RS_RELATION_STATUS_REFUTED ? status
                                                                : RS_RELATION_STATUS_ALLEGED;
      edge.directed = rs_relation_get_directed (relation);
      edge.n_documents = rs_case_count_documents_for (kase, RS_TARGET_RELATION, edge.id);
      edge_review_from_case (&edge, kase);
      edge.label = rs_board_style_dup_display_label (rs_relation_get_label (relation));

      if (edge.label[0] != '\0')
        {
          rs_board_style_measure_text (style, RS_BOARD_FONT_EDGE, edge.label,
                                       RS_BOARD_EDGE_MAX_TEXT, 2,
                                       &edge.text_width, &edge.text_height);
          edge.label_width = ceil (edge.text_width + 2 * RS_BOARD_EDGE_LABEL_PAD_X +
                                   2 * RS_BOARD_BADGE_RADIUS + 3);
          edge.label_height = ceil (MAX (edge.text_height + 2 * RS_BOARD_EDGE_LABEL_PAD_Y,
                                         2 * RS_BOARD_BADGE_RADIUS + 2));
        }

      if ((node_at (self, source)->flags | node_at (self, target)->flags) & RS_BOARD_ITEM_UNPLACED)
        edge.flags |= RS_BOARD_ITEM_UNPLACED;

      g_array_append_val (self->edges, edge);
      g_ptr_array_add (kept, g_steal_pointer (&relation));
    }

  for (guint i = 0; i < self->edges->len; i++)
    g_hash_table_insert (self->edge_by_id, &edge_at (self, i)->id, GUINT_TO_POINTER (i + 1));

  return kept;
}

static void
build_adjacency (RsBoardScene *self)
{
  guint n_nodes = self->nodes->len;
  g_autofree guint *fill = NULL;

  self->adjacency_start = g_new0 (guint, n_nodes + 1);
  self->adjacency = g_new (guint, MAX (2 * self->edges->len, 1));

  for (guint i = 0; i < self->edges->len; i++)
    {
      const RsBoardEdge *edge = edge_at (self, i);

      self->adjacency_start[edge->source + 1]++;
      if (edge->target != edge->source)
        self->adjacency_start[edge->target + 1]++;
    }
  for (guint i = 0; i < n_nodes; i++)
    self->adjacency_start[i + 1] += self->adjacency_start[i];

  fill = g_memdup2 (self->adjacency_start, sizeof (guint) * (n_nodes + 1));
  for (guint i = 0; i < self->edges->len; i++)
    {
      const RsBoardEdge *edge = edge_at (self, i);

      self->adjacency[fill[edge->source]++] = i;
      if (edge->target != edge->source)
        self->adjacency[fill[edge->target]++] = i;
    }
}

/* Straight edges between the same two nodes fan out instead of drawing over each other. */
static void
compute_parallel_offsets (RsBoardScene *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = g_new (gint64, MAX (self->edges->len, 1));
  g_autofree guint *rank = g_new (guint, MAX (self->edges->len, 1));

  self->edge_offsets = g_new0 (double, MAX (self->edges->len, 1));

  for (guint i = 0; i < self->edges->len; i++)
    {
      const RsBoardEdge *edge = edge_at (self, i);
      guint a = MIN (edge->source, edge->target), b = MAX (edge->source, edge->target);
      guint count;

      keys[i] = ((gint64)a << 32) | b;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &keys[i]));
      rank[i] = count;
      g_hash_table_insert (counts, &keys[i], GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < self->edges->len; i++)
    {
      const RsBoardEdge *edge = edge_at (self, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &keys[i]));
      double offset;

      if (edge->source == edge->target)
        offset = rank[i] * 12.0;
      else if (count <= 1)
        offset = 0;
      else
        {
          offset = (rank[i] - (count - 1) / 2.0) * PARALLEL_GAP;
          /* The normal flips with the direction: keep the fan on one frame. */
          if (edge->source > edge->target)
            offset = -offset;
        }
      self->edge_offsets[i] = offset;
    }
}

static void
compute_bounds (RsBoardScene *self)
{
  self->has_bounds = FALSE;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const RsBoardNode *node = node_at (self, i);
      RsBoardRect rect;

      if (node->flags & RS_BOARD_ITEM_NOT_DRAWN)
        continue;
      node_rect (node, &rect);
      rs_board_rect_inflate (&rect, NODE_MARGIN, NODE_MARGIN);
      if (self->has_bounds)
        rs_board_rect_union (&self->bounds, &rect);
      else
        self->bounds = rect;
      self->has_bounds = TRUE;
    }

  for (guint i = 0; i < self->edges->len; i++)
    {
      const RsBoardEdge *edge = edge_at (self, i);

      if (edge->flags & RS_BOARD_ITEM_NOT_DRAWN)
        continue;
      if (self->has_bounds)
        rs_board_rect_union (&self->bounds, &edge->bounds);
      else
        self->bounds = edge->bounds;
      self->has_bounds = TRUE;
    }
}

/* An export of the selection: everything else is removed before the edges are routed
 * and labels placed, so the picture is laid out as if the rest were not there. Kept: the
 * selected entities, the selected relations with their two ends, and the relations
 * between kept entities. What the filter removed stays removed. */
static void
apply_selection (RsBoardScene *self,
                 RsSelection  *selection)
{
  g_autofree guint8 *keep = g_new0 (guint8, MAX (self->nodes->len, 1));
  guint n = rs_selection_get_n_items (selection);
  guint index;

  for (guint i = 0; i < n; i++)
    {
      RsTarget target;
      gint64 id;

      rs_selection_get_item (selection, i, &target, &id);
      if (target == RS_TARGET_ENTITY && rs_board_scene_lookup_node (self, id, &index))
        keep[index] = TRUE;
      else if (target == RS_TARGET_RELATION && rs_board_scene_lookup_edge (self, id, &index))
        {
          keep[edge_at (self, index)->source] = TRUE;
          keep[edge_at (self, index)->target] = TRUE;
        }
    }

  for (guint i = 0; i < self->nodes->len; i++)
    if (!keep[i])
      node_at (self, i)->flags |= RS_BOARD_ITEM_REMOVED;
  for (guint i = 0; i < self->edges->len; i++)
    {
      RsBoardEdge *edge = edge_at (self, i);

      if (!keep[edge->source] || !keep[edge->target])
        edge->flags |= RS_BOARD_ITEM_REMOVED;
    }
}

/**
 * rs_board_scene_new:
 * @kase: the case
 * @filter: (nullable): what to dim or remove
 * @style: measures the labels
 *
 * Returns: (transfer full): a snapshot of what the board draws
 */
RsBoardScene *
rs_board_scene_new (RsCase        *kase,
                    RsBoardFilter *filter,
                    RsBoardStyle  *style)
{
  return rs_board_scene_new_for_selection (kase, filter, style, NULL);
}

/**
 * rs_board_scene_new_for_selection:
 * @selection: (nullable): when not empty, only the selected entities and relations (and
 *   the relations between them) are drawn; the rest is removed
 *
 * rs_board_scene_new() for an export of the selection.
 */
RsBoardScene *
rs_board_scene_new_for_selection (RsCase        *kase,
                                  RsBoardFilter *filter,
                                  RsBoardStyle  *style,
                                  RsSelection   *selection)
{
  RsBoardScene *self;
  g_autoptr(GPtrArray) relations = NULL;

  g_return_val_if_fail (RS_IS_CASE (kase), NULL);
  g_return_val_if_fail (filter == NULL || RS_IS_BOARD_FILTER (filter), NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (selection == NULL || RS_IS_SELECTION (selection), NULL);

  self = g_new0 (RsBoardScene, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->paint_lock);
  /* Head room: entities added later are appended without moving the others. */
  self->nodes = g_array_sized_new (FALSE, TRUE, sizeof (RsBoardNode),
                                   g_list_model_get_n_items (rs_case_get_entities (kase)) + 256);
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_sized_new (FALSE, TRUE, sizeof (RsBoardEdge),
                                   g_list_model_get_n_items (rs_case_get_relations (kase)) + 256);
  g_array_set_clear_func (self->edges, edge_clear);
  self->node_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->edge_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  build_nodes (self, kase, style);
  relations = build_edges (self, kase, style);
  build_adjacency (self);

  if (filter != NULL && rs_board_filter_get_active (filter))
    apply_filter (self, kase, filter);
  if (selection != NULL && rs_selection_get_n_items (selection) > 0)
    apply_selection (self, selection);

  compute_parallel_offsets (self);
  for (guint i = 0; i < self->edges->len; i++)
    if ((edge_at (self, i)->flags & RS_BOARD_ITEM_UNPLACED) == 0)
      set_edge_geometry (self, i, g_ptr_array_index (relations, i));

  /* Labels are placed against the nodes (found through their grid), and then count in
   * the bounds and the edge grid where they ended up. */
  compute_bounds (self);
  build_node_grid (self);
  rs_board_place_edge_labels ((const RsBoardNode *)(gpointer)self->nodes->data, self->nodes->len,
                              (RsBoardEdge *)(gpointer)self->edges->data, self->edges->len,
                              self->node_grid, &self->bounds);
  for (guint i = 0; i < self->edges->len; i++)
    if ((edge_at (self, i)->flags & RS_BOARD_ITEM_UNPLACED) == 0)
      update_edge_bounds (edge_at (self, i));
  compute_bounds (self);
  build_edge_grid (self);

  return self;
}

RsBoardScene *
rs_board_scene_ref (RsBoardScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rs_board_scene_unref (RsBoardScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->node_by_id, g_hash_table_unref);
  g_clear_pointer (&self->edge_by_id, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->adjacency_start, g_free);
  g_clear_pointer (&self->adjacency, g_free);
  g_clear_pointer (&self->edge_offsets, g_free);
  g_clear_pointer (&self->node_grid, rs_board_grid_free);
  g_clear_pointer (&self->edge_grid, rs_board_grid_free);
  g_mutex_clear (&self->paint_lock);
  g_free (self);
}

guint
rs_board_scene_get_n_nodes (RsBoardScene *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->nodes->len;
}

const RsBoardNode *
rs_board_scene_get_node (RsBoardScene *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return node_at (self, index);
}

guint
rs_board_scene_get_n_edges (RsBoardScene *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->edges->len;
}

const RsBoardEdge *
rs_board_scene_get_edge (RsBoardScene *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);
  return edge_at (self, index);
}

gboolean
rs_board_scene_lookup_node (RsBoardScene *self,
                            gint64        entity_id,
                            guint        *index)
{
  guint found;

  g_return_val_if_fail (self != NULL, FALSE);

  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_by_id, &entity_id));
  if (found == 0)
    return FALSE;
  if (index != NULL)
    *index = found - 1;
  return TRUE;
}

gboolean
rs_board_scene_lookup_edge (RsBoardScene *self,
                            gint64        relation_id,
                            guint        *index)
{
  guint found;

  g_return_val_if_fail (self != NULL, FALSE);

  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->edge_by_id, &relation_id));
  if (found == 0)
    return FALSE;
  if (index != NULL)
    *index = found - 1;
  return TRUE;
}

/* The edges (indices) that end at a node, loops once. */
const guint *
rs_board_scene_get_node_edges (RsBoardScene *self,
                               guint         index,
                               guint        *n_edges)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  g_return_val_if_fail (n_edges != NULL, NULL);

  *n_edges = self->adjacency_start[index + 1] - self->adjacency_start[index];
  return self->adjacency + self->adjacency_start[index];
}

gboolean
rs_board_scene_get_bounds (RsBoardScene *self,
                           RsBoardRect  *bounds)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (bounds != NULL)
    *bounds = self->has_bounds ? self->bounds : (RsBoardRect) { 0, 0, 0, 0 };
  return self->has_bounds;
}

guint
rs_board_scene_get_n_unplaced (RsBoardScene *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_unplaced;
}

guint
rs_board_scene_get_n_placed (RsBoardScene *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_placed;
}

void
rs_board_scene_get_node_rect (RsBoardScene *self,
                              guint         index,
                              RsBoardRect  *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->nodes->len);
  node_rect (node_at (self, index), rect);
}

/**
 * rs_board_scene_query_nodes:
 * @indices: (element-type guint): receives, in drawing order, the drawn nodes whose box
 *   (with room for badge and outline) meets @rect
 *
 * Returns: how many grid entries were looked at, for tests of the culling cost
 */
guint
rs_board_scene_query_nodes (RsBoardScene      *self,
                            const RsBoardRect *rect,
                            GArray            *indices)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (rect != NULL, 0);
  g_return_val_if_fail (indices != NULL, 0);
  if (self->node_grid == NULL)
    return 0;
  return rs_board_grid_query (self->node_grid, rect, node_meets, self, indices);
}

guint
rs_board_scene_query_edges (RsBoardScene      *self,
                            const RsBoardRect *rect,
                            GArray            *indices)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (rect != NULL, 0);
  g_return_val_if_fail (indices != NULL, 0);
  if (self->edge_grid == NULL)
    return 0;
  return rs_board_grid_query (self->edge_grid, rect, edge_meets, self, indices);
}

/* While a node is dragged: it and its edges are marked floating (drawn live, not from the
 * cached picture) and its edges turn straight. The grid is not updated; the scene is
 * rebuilt from the case when the drag ends. */
static void
begin_change (RsBoardScene *self)
{
  g_atomic_int_inc (&self->changes_waiting);
  g_mutex_lock (&self->paint_lock);
}

static void
end_change (RsBoardScene *self)
{
  g_mutex_unlock (&self->paint_lock);
  g_atomic_int_dec_and_test (&self->changes_waiting);
}

/**
 * rs_board_scene_lock_read:
 *
 * For a thread other than the main one: the scene does not change until
 * rs_board_scene_unlock_read(). Hold it briefly, and check
 * rs_board_scene_get_change_pending() often: the main thread waits meanwhile.
 */
void
rs_board_scene_lock_read (RsBoardScene *self)
{
  g_return_if_fail (self != NULL);
  g_mutex_lock (&self->paint_lock);
}

void
rs_board_scene_unlock_read (RsBoardScene *self)
{
  g_return_if_fail (self != NULL);
  g_mutex_unlock (&self->paint_lock);
}

/* A change waits for the readers: they should stop. */
gboolean
rs_board_scene_get_change_pending (RsBoardScene *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_atomic_int_get (&self->changes_waiting) > 0;
}

static void
move_node (RsBoardScene *self,
           guint         index,
           double        x,
           double        y)
{
  RsBoardNode *node;
  const guint *adjacent;
  guint n_adjacent;

  node = node_at (self, index);
  node->x = x;
  node->y = y;
  node->flags |= RS_BOARD_ITEM_FLOATING;

  adjacent = rs_board_scene_get_node_edges (self, index, &n_adjacent);
  for (guint k = 0; k < n_adjacent; k++)
    {
      RsBoardEdge *edge = edge_at (self, adjacent[k]);

      edge->flags |= RS_BOARD_ITEM_FLOATING;
      if (edge->flags & RS_BOARD_ITEM_UNPLACED)
        continue;
      set_straight_geometry (self, edge, self->edge_offsets[adjacent[k]]);
      update_edge_bounds (edge);
    }
}

void
rs_board_scene_move_node (RsBoardScene *self,
                          guint         index,
                          double        x,
                          double        y)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->nodes->len);
  g_return_if_fail (isfinite (x) && isfinite (y));

  begin_change (self);
  move_node (self, index, x, y);
  end_change (self);
}

/* Incremental update ------------------------------------------------------------------ */

/* The id tables point into the arrays: after an append moved them, index them again. */
static void
reindex (RsBoardScene *self)
{
  g_hash_table_remove_all (self->node_by_id);
  g_hash_table_remove_all (self->edge_by_id);
  for (guint i = 0; i < self->nodes->len; i++)
    if ((node_at (self, i)->flags & RS_BOARD_ITEM_REMOVED) == 0)
      g_hash_table_insert (self->node_by_id, &node_at (self, i)->id, GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->edges->len; i++)
    if ((edge_at (self, i)->flags & RS_BOARD_ITEM_REMOVED) == 0)
      g_hash_table_insert (self->edge_by_id, &edge_at (self, i)->id, GUINT_TO_POINTER (i + 1));
}

static void
count_node (RsBoardScene      *self,
            const RsBoardNode *node,
            int                sign)
{
  if (node->flags & RS_BOARD_ITEM_REMOVED)
    return;
  if (node->flags & (RS_BOARD_ITEM_UNPLACED | RS_BOARD_ITEM_PROVISIONAL))
    self->n_unplaced += sign;
  else
    self->n_placed += sign;
}

static gboolean place_node_from_entity (RsBoardScene *self,
                                        RsBoardNode  *node,
                                        RsEntity     *entity,
                                        guint        *n_provisional);

/* Name, kind and place from the entity; measures the label again only when it changed. */
static gboolean
set_node_from_entity (RsBoardScene *self,
                      RsBoardNode  *node,
                      RsEntity     *entity,
                      RsCase       *kase,
                      RsBoardStyle *style,
                      guint        *n_provisional)
{
  RsEntityKind kind = rs_entity_get_kind (entity);
  gboolean moved = FALSE;

  kind = (guint)kind < RS_ENTITY_KIND_LAST ? kind : RS_ENTITY_KIND_OTHER;
  if (node->name == NULL || g_strcmp0 (node->name, rs_entity_get_name (entity)) != 0 ||
      node->kind != kind)
    {
      g_free (node->name);
      g_free (node->label);
      node->name = g_strdup (rs_entity_get_name (entity));
      node->label = rs_board_style_dup_display_label (node->name);
      node->kind = kind;
      rs_board_style_measure_node (style, node->kind, node->label, &node->width, &node->height);
      moved = TRUE;
    }
  g_free (node->tag);
  node->tag = dup_node_tag (entity, kind);
  g_strfreev (node->aliases);
  node->aliases = g_strdupv ((char **)rs_entity_get_aliases (entity));
  node->n_documents = rs_case_count_documents_for (kase, RS_TARGET_ENTITY, node->id);

  return place_node_from_entity (self, node, entity, n_provisional) || moved;
}

/* Pin and place from the entity; TRUE when the node moved (its edges follow). */
static gboolean
place_node_from_entity (RsBoardScene *self,
                        RsBoardNode  *node,
                        RsEntity     *entity,
                        guint        *n_provisional)
{
  gboolean moved = FALSE;

  count_node (self, node, -1);
  /* A dragged node is where the drop left it, but its edges are still the drag's. */
  moved |= (node->flags & RS_BOARD_ITEM_FLOATING) != 0;
  node->flags &= ~(RS_BOARD_ITEM_PINNED | RS_BOARD_ITEM_FLOATING);
  if (rs_entity_get_pinned (entity))
    node->flags |= RS_BOARD_ITEM_PINNED;

  if (rs_entity_get_has_position (entity) &&
      isfinite (rs_entity_get_x (entity)) && isfinite (rs_entity_get_y (entity)))
    {
      moved |= node->x != rs_entity_get_x (entity) || node->y != rs_entity_get_y (entity) ||
               (node->flags & (RS_BOARD_ITEM_UNPLACED | RS_BOARD_ITEM_PROVISIONAL));
      node->x = rs_entity_get_x (entity);
      node->y = rs_entity_get_y (entity);
      node->flags &= ~(RS_BOARD_ITEM_UNPLACED | RS_BOARD_ITEM_PROVISIONAL);
    }
  else if ((node->flags & RS_BOARD_ITEM_PROVISIONAL) == 0 && self->has_bounds)
    {
      /* A column right of the board, where the next layout will find and place it. */
      node->x = self->bounds.x + self->bounds.width + 40 + node->width / 2;
      node->y = self->bounds.y + node->height / 2 + (*n_provisional)++ * (node->height + 20);
      node->flags &= ~RS_BOARD_ITEM_UNPLACED;
      node->flags |= RS_BOARD_ITEM_PROVISIONAL;
      moved = TRUE;
    }
  else if ((node->flags & RS_BOARD_ITEM_PROVISIONAL) == 0)
    node->flags |= RS_BOARD_ITEM_UNPLACED;
  count_node (self, node, +1);

  return moved;
}

/* Label, status and direction from the relation; TRUE when its geometry must be redone. */
static gboolean
set_edge_from_relation (RsBoardScene *self,
                        RsBoardEdge  *edge,
                        RsRelation   *relation,
                        RsCase       *kase,
                        RsBoardStyle *style)
{
  g_autofree char *label = rs_board_style_dup_display_label (rs_relation_get_label (relation));
  RsRelationStatus status = rs_relation_get_status (relation);

  edge->status = (guint)status <= RS_RELATION_STATUS_REFUTED ? status : RS_RELATION_STATUS_ALLEGED;
  edge->directed = rs_relation_get_directed (relation);
  edge->n_documents = rs_case_count_documents_for (kase, RS_TARGET_RELATION, edge->id);
  edge_review_from_case (edge, kase);

  if (edge->label == NULL || strcmp (edge->label, label) != 0)
    {
      g_free (edge->label);
      edge->label = g_steal_pointer (&label);
      edge->text_width = edge->text_height = edge->label_width = edge->label_height = 0;
      if (edge->label[0] != '\0')
        {
          rs_board_style_measure_text (style, RS_BOARD_FONT_EDGE, edge->label,
                                       RS_BOARD_EDGE_MAX_TEXT, 2,
                                       &edge->text_width, &edge->text_height);
          edge->label_width = ceil (edge->text_width + 2 * RS_BOARD_EDGE_LABEL_PAD_X +
                                    2 * RS_BOARD_BADGE_RADIUS + 3);
          edge->label_height = ceil (MAX (edge->text_height + 2 * RS_BOARD_EDGE_LABEL_PAD_Y,
                                          2 * RS_BOARD_BADGE_RADIUS + 2));
        }
    }
  return TRUE;
}

static void
redo_edge_geometry (RsBoardScene *self,
                    RsCase       *kase,
                    guint         index)
{
  RsBoardEdge *edge = edge_at (self, index);
  RsRelation *relation;

  if (edge->flags & RS_BOARD_ITEM_REMOVED)
    return;

  edge->flags &= ~(RS_BOARD_ITEM_UNPLACED | RS_BOARD_ITEM_FLOATING | RS_BOARD_ITEM_ROUTED |
                   RS_BOARD_ITEM_LOOP | RS_BOARD_ITEM_LABEL_HIDDEN);
  if ((node_at (self, edge->source)->flags | node_at (self, edge->target)->flags) &
      RS_BOARD_ITEM_UNPLACED)
    {
      edge->flags |= RS_BOARD_ITEM_UNPLACED;
      return;
    }

  relation = rs_case_lookup_relation (kase, edge->id);
  g_clear_pointer (&edge->points, g_free);
  edge->n_points = 0;
  if (relation != NULL)
    set_edge_geometry (self, index, relation);
  else
    {
      set_straight_geometry (self, edge, self->edge_offsets[index]);
      update_edge_bounds (edge);
    }
}

/* The edges whose geometry is to be redone, by index: a byte each (a layout redoes
 * tens of thousands, which a hash table made slow). */
typedef struct
{
  GByteArray *marks;
  guint       n_marked;
} Redo;

static void
redo_mark (Redo  *redo,
           guint  index)
{
  if (index >= redo->marks->len)
    {
      guint old_len = redo->marks->len;

      g_byte_array_set_size (redo->marks, MAX (index + 1, old_len * 2));
      memset (redo->marks->data + old_len, 0, redo->marks->len - old_len);
    }
  redo->n_marked += !redo->marks->data[index];
  redo->marks->data[index] = 1;
}

static void
mark_edges_of (RsBoardScene *self,
               guint         node,
               Redo         *redo)
{
  guint n_adjacent;
  const guint *adjacent = rs_board_scene_get_node_edges (self, node, &n_adjacent);

  for (guint k = 0; k < n_adjacent; k++)
    redo_mark (redo, adjacent[k]);
}

/**
 * rs_board_scene_apply_changes:
 * @changes: what one transaction did to @kase
 *
 * Brings the scene up to date with @changes in place: new entities get a node (at a
 * provisional place when they have none), new relations an edge, renamed ones are
 * measured again, moved nodes take their edges along; removed ones become tombstones.
 * Everything else keeps its node, its edge and its measurements. Labels of the edges
 * concerned sit at the middle of their path until the next full build places them.
 *
 * Returns: %FALSE when the scene cannot follow (an active filter, a document or quote
 *   removed): build a new one
 */
static gboolean apply_changes (RsBoardScene  *self,
                               RsCase        *kase,
                               RsBoardFilter *filter,
                               RsBoardStyle  *style,
                               RsCaseChanges *changes);

gboolean
rs_board_scene_apply_changes (RsBoardScene  *self,
                              RsCase        *kase,
                              RsBoardFilter *filter,
                              RsBoardStyle  *style,
                              RsCaseChanges *changes)
{
  gboolean applied;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  begin_change (self);
  applied = apply_changes (self, kase, filter, style, changes);
  end_change (self);
  return applied;
}

static gboolean
apply_changes (RsBoardScene  *self,
               RsCase        *kase,
               RsBoardFilter *filter,
               RsBoardStyle  *style,
               RsCaseChanges *changes)
{
  g_autoptr(GByteArray) marks = g_byte_array_sized_new (self->edges->len);
  Redo redo = { marks, 0 };
  GPtrArray *items;
  gconstpointer nodes_data, edges_data;
  guint n_provisional = 0;
  guint old_n_edges;
  gboolean grew = FALSE;

  if (filter != NULL && rs_board_filter_get_active (filter))
    return FALSE;
  if (rs_case_changes_get_removed (changes, RS_TYPE_DOCUMENT)->len > 0 ||
      rs_case_changes_get_removed (changes, RS_TYPE_QUOTE)->len > 0)
    return FALSE;

  for (guint i = 0; i < self->nodes->len; i++)
    if (node_at (self, i)->flags & RS_BOARD_ITEM_PROVISIONAL)
      n_provisional++;

  /* Removed: tombstones, out of the id tables. */
  items = rs_case_changes_get_removed (changes, RS_TYPE_RELATION);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = rs_relation_get_id (g_ptr_array_index (items, i));
      guint index;

      if (!rs_board_scene_lookup_edge (self, id, &index))
        continue;
      g_hash_table_remove (self->edge_by_id, &id);
      edge_at (self, index)->flags |= RS_BOARD_ITEM_REMOVED;
    }
  items = rs_case_changes_get_removed (changes, RS_TYPE_ENTITY);
  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = rs_entity_get_id (g_ptr_array_index (items, i));
      guint index;

      if (!rs_board_scene_lookup_node (self, id, &index))
        continue;
      count_node (self, node_at (self, index), -1);
      g_hash_table_remove (self->node_by_id, &id);
      node_at (self, index)->flags |= RS_BOARD_ITEM_REMOVED;
    }

  g_byte_array_set_size (marks, self->edges->len);
  memset (marks->data, 0, marks->len);

  /* Changed entities: measure or move only those (only move those a layout placed). */
  items = rs_case_changes_get_changed (changes, RS_TYPE_ENTITY);
  for (guint i = 0; i < items->len; i++)
    {
      RsEntity *entity = g_ptr_array_index (items, i);
      guint index;

      if (!rs_board_scene_lookup_node (self, rs_entity_get_id (entity), &index))
        continue;
      if (rs_case_changes_is_placed_only (changes, entity)
          ? place_node_from_entity (self, node_at (self, index), entity, &n_provisional)
          : set_node_from_entity (self, node_at (self, index), entity, kase, style,
                                  &n_provisional))
        mark_edges_of (self, index, &redo);
    }

  /* Added entities and relations: appended, so every index held elsewhere stays valid. */
  nodes_data = self->nodes->data;
  edges_data = self->edges->data;
  old_n_edges = self->edges->len;
  items = rs_case_changes_get_added (changes, RS_TYPE_ENTITY);
  for (guint i = 0; i < items->len; i++)
    {
      RsEntity *entity = g_ptr_array_index (items, i);
      RsBoardNode node = { 0 };

      if (rs_board_scene_lookup_node (self, rs_entity_get_id (entity), NULL))
        continue;
      node.id = rs_entity_get_id (entity);
      node.flags = RS_BOARD_ITEM_UNPLACED;
      g_array_append_val (self->nodes, node);
      self->n_unplaced++;
      set_node_from_entity (self, node_at (self, self->nodes->len - 1), entity, kase, style,
                            &n_provisional);
      if (self->nodes->data != nodes_data)
        reindex (self), nodes_data = self->nodes->data;
      g_hash_table_insert (self->node_by_id, &node_at (self, self->nodes->len - 1)->id,
                           GUINT_TO_POINTER (self->nodes->len));
      grew = TRUE;
    }

  items = rs_case_changes_get_added (changes, RS_TYPE_RELATION);
  for (guint i = 0; i < items->len; i++)
    {
      RsRelation *relation = g_ptr_array_index (items, i);
      RsBoardEdge edge = { 0 };

      if (rs_board_scene_lookup_edge (self, rs_relation_get_id (relation), NULL) ||
          !rs_board_scene_lookup_node (self, rs_relation_get_source_id (relation), &edge.source) ||
          !rs_board_scene_lookup_node (self, rs_relation_get_target_id (relation), &edge.target))
        continue;
      edge.id = rs_relation_get_id (relation);
      g_array_append_val (self->edges, edge);
      set_edge_from_relation (self, edge_at (self, self->edges->len - 1), relation, kase, style);
      if (self->edges->data != edges_data)
        reindex (self), edges_data = self->edges->data;
      g_hash_table_insert (self->edge_by_id, &edge_at (self, self->edges->len - 1)->id,
                           GUINT_TO_POINTER (self->edges->len));
      redo_mark (&redo, self->edges->len - 1);
      grew = TRUE;
    }

  items = rs_case_changes_get_changed (changes, RS_TYPE_RELATION);
  for (guint i = 0; i < items->len; i++)
    {
      RsRelation *relation = g_ptr_array_index (items, i);
      guint index;

      /* A new route only: the label, status and badges are as they were. */
      if (rs_board_scene_lookup_edge (self, rs_relation_get_id (relation), &index) &&
          (rs_case_changes_is_placed_only (changes, relation) ||
           set_edge_from_relation (self, edge_at (self, index), relation, kase, style)))
        redo_mark (&redo, index);
    }

  /* Evidence moves a badge count only. */
  for (guint what = 0; what < 2; what++)
    {
      items = what == 0 ? rs_case_changes_get_added (changes, RS_TYPE_EVIDENCE)
                        : rs_case_changes_get_removed (changes, RS_TYPE_EVIDENCE);
      for (guint i = 0; i < items->len; i++)
        {
          RsEvidence *evidence = g_ptr_array_index (items, i);
          gint64 id = rs_evidence_get_target_id (evidence);
          guint index;

          if (rs_evidence_get_target (evidence) == RS_TARGET_ENTITY &&
              rs_board_scene_lookup_node (self, id, &index))
            node_at (self, index)->n_documents =
              rs_case_count_documents_for (kase, RS_TARGET_ENTITY, id);
          else if (rs_evidence_get_target (evidence) == RS_TARGET_RELATION &&
                   rs_board_scene_lookup_edge (self, id, &index))
            edge_at (self, index)->n_documents =
              rs_case_count_documents_for (kase, RS_TARGET_RELATION, id);
        }
    }

  /* Reviews and comments move marks only. */
  for (guint what = 0; what < 6; what++)
    {
      GType type = what < 3 ? RS_TYPE_REVIEW : RS_TYPE_COMMENT;

      items = what % 3 == 0 ? rs_case_changes_get_added (changes, type)
            : what % 3 == 1 ? rs_case_changes_get_changed (changes, type)
                            : rs_case_changes_get_removed (changes, type);
      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          gpointer record = g_ptr_array_index (items, i);
          RsTarget target = type == RS_TYPE_REVIEW ? rs_review_get_target (record)
                                                   : rs_comment_get_target (record);
          gint64 id = type == RS_TYPE_REVIEW ? rs_review_get_target_id (record)
                                             : rs_comment_get_target_id (record);
          guint index;

          if (target == RS_TARGET_ENTITY && rs_board_scene_lookup_node (self, id, &index))
            node_review_from_case (node_at (self, index), kase);
          else if (target == RS_TARGET_RELATION && rs_board_scene_lookup_edge (self, id, &index))
            edge_review_from_case (edge_at (self, index), kase);
        }
    }

  /* What hangs on the set of edges: cheap array passes, no measuring, no layout. */
  if (grew || rs_case_changes_get_removed (changes, RS_TYPE_RELATION)->len > 0)
    {
      g_clear_pointer (&self->adjacency_start, g_free);
      g_clear_pointer (&self->adjacency, g_free);
      build_adjacency (self);
    }
  if (redo.n_marked > 0 || grew)
    {
      g_autofree double *old_offsets = g_steal_pointer (&self->edge_offsets);

      compute_parallel_offsets (self);
      /* An edge that gained or lost a parallel twin bends anew. */
      for (guint i = 0; old_offsets != NULL && i < self->edges->len; i++)
        if (i >= old_n_edges || self->edge_offsets[i] != old_offsets[i])
          redo_mark (&redo, i);

      for (guint i = 0; i < marks->len && i < self->edges->len; i++)
        if (marks->data[i])
          redo_edge_geometry (self, kase, i);
    }

  compute_bounds (self);
  g_clear_pointer (&self->node_grid, rs_board_grid_free);
  g_clear_pointer (&self->edge_grid, rs_board_grid_free);
  build_node_grid (self);
  build_edge_grid (self);

  return TRUE;
}
