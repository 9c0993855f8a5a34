/* rs-exchange-place.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-exchange-place"

#include "config.h"

#include <math.h>

#include "rs-exchange-private.h"

/* Where merged entities go on my board. Their coordinates mean something on my
 * board only when both boards grew from one copy (a changeset, a colleague's copy
 * of my case); from a board laid out differently, new entities landed at its edge,
 * far from what they relate to. So a new entity related to entities I have placed
 * keeps its place when that is beside them and free, and otherwise goes beside
 * them: the nearest free spot to the mean of their positions. New entities related
 * only to other new ones follow, outward from mine. Those related to nothing placed
 * keep their picture: as it is when all of it is on my board and covers no node of
 * mine, else moved as one block beside my board; without a place of theirs, the
 * board's layout places them, as it does any entity without a position. A board with
 * nothing placed yet takes their coordinates as they are: their picture is all
 * there is. */

/* About a node: boxes are up to ~170 × 30 (rs-board-style.h), centred on x, y. */
#define GAP_X 190.0
#define GAP_Y 60.0
/* Their place is "beside" its neighbours within this of their mean. */
#define NEAR 600.0
/* How far outside my nodes their place still counts as on my board. */
#define MARGIN 400.0

typedef struct
{
  GHashTable *cells;     /* "cx,cy" -> GArray of double pairs */
  double      min_x;     /* the extent of every node on it */
  double      min_y;
  double      max_x;
  double      max_y;
} Occupied;

static char *
cell_key (int cx,
          int cy)
{
  return g_strdup_printf ("%d,%d", cx, cy);
}

static void
occupy (Occupied *occ,
        double    x,
        double    y)
{
  g_autofree char *key = cell_key ((int)floor (x / GAP_X), (int)floor (y / GAP_Y));
  GArray *points = g_hash_table_lookup (occ->cells, key);
  double p[2] = { x, y };

  occ->min_x = MIN (occ->min_x, x);
  occ->min_y = MIN (occ->min_y, y);
  occ->max_x = MAX (occ->max_x, x);
  occ->max_y = MAX (occ->max_y, y);

  if (points == NULL)
    {
      points = g_array_new (FALSE, FALSE, sizeof (double) * 2);
      g_hash_table_insert (occ->cells, g_steal_pointer (&key), points);
    }
  g_array_append_vals (points, p, 1);
}

static gboolean
is_free (Occupied *occ,
         double    x,
         double    y)
{
  int cx = (int)floor (x / GAP_X), cy = (int)floor (y / GAP_Y);

  for (int i = cx - 1; i <= cx + 1; i++)
    for (int j = cy - 1; j <= cy + 1; j++)
      {
        g_autofree char *key = cell_key (i, j);
        GArray *points = g_hash_table_lookup (occ->cells, key);

        for (guint k = 0; points != NULL && k < points->len; k++)
          {
            const double *p = &g_array_index (points, double, 2 * k);

            if (fabs (p[0] - x) < GAP_X && fabs (p[1] - y) < GAP_Y)
              return FALSE;
          }
      }
  return TRUE;
}

/* The free spot nearest to (X, Y): rings of growing ellipses around it, starting
 * just below (a new node under the ones it relates to reads naturally). */
static void
nearest_free (Occupied *occ,
              double    x,
              double    y,
              double   *out_x,
              double   *out_y)
{
  for (guint ring = 1; ring < 200; ring++)
    for (guint k = 0; k < 12; k++)
      {
        double angle = G_PI / 2 + k * (2 * G_PI / 12);
        double cx = x + ring * GAP_X * cos (angle);
        double cy = y + ring * GAP_Y * 1.5 * sin (angle);

        if (is_free (occ, cx, cy))
          {
            *out_x = cx;
            *out_y = cy;
            return;
          }
      }
  *out_x = x;
  *out_y = y + GAP_Y;
}

/* Their place for a new entity, if they had one. */
static gboolean
their_place (RsExchangeItem *item,
             XPlace         *place)
{
  XRow *position = item != NULL ? _rs_exchange_item_get_position (item) : NULL;

  if (position == NULL || !position->values[1] || !position->values[2])
    return FALSE;
  place->x = g_ascii_strtod (position->values[1], NULL);
  place->y = g_ascii_strtod (position->values[2], NULL);
  place->pinned = g_strcmp0 (position->values[3], "1") == 0;
  return TRUE;
}

static void
add_edge (GHashTable *adjacent,
          const char *a,
          const char *b)
{
  GPtrArray *list;

  if (a == NULL || b == NULL || g_strcmp0 (a, b) == 0)
    return;
  if (!(list = g_hash_table_lookup (adjacent, a)))
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (adjacent, (gpointer)a, list);
    }
  g_ptr_array_add (list, (gpointer)b);
}

GHashTable *
_rs_exchange_place_new_entities (RsCase     *kase,
                                 GListModel *items)
{
  GHashTable *placed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  /* uid -> GPtrArray of uids (all strings borrowed from the items and the case) */
  g_autoptr(GHashTable) adjacent = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) mine = g_hash_table_new (g_str_hash, g_str_equal);  /* uid -> RsEntity */
  g_autoptr(GHashTable) fresh = g_hash_table_new (g_str_hash, g_str_equal); /* uid -> item */
  g_autoptr(GQueue) queue = g_queue_new ();
  Occupied occ = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)g_array_unref),
                   G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  GListModel *entities = rs_case_get_entities (kase);
  guint n = g_list_model_get_n_items (items);
  guint n_mine_placed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) e = g_list_model_get_item (entities, i);

      if (!rs_entity_get_has_position (e))
        continue;
      g_hash_table_insert (mine, (gpointer)rs_entity_get_uid (e), e);
      occupy (&occ, rs_entity_get_x (e), rs_entity_get_y (e));
      n_mine_placed++;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);
      XTableId table = _rs_exchange_item_get_table (item);
      char **v = _rs_exchange_item_get_values (item);

      if (rs_exchange_item_get_kind (item) != RS_EXCHANGE_ITEM_NEW || v == NULL)
        continue;
      if (table == X_ENTITY)
        g_hash_table_insert (fresh, v[0], item);
      else if (table == X_RELATION)
        {
          add_edge (adjacent, v[1], v[2]);
          add_edge (adjacent, v[2], v[1]);
        }
    }

  if (n_mine_placed == 0)
    {
      /* Nothing of mine on the board: their picture as it was. */
      GHashTableIter iter;
      gpointer uid, value;

      g_hash_table_iter_init (&iter, fresh);
      while (g_hash_table_iter_next (&iter, &uid, &value))
        {
          XPlace theirs;

          if (their_place (value, &theirs))
            g_hash_table_insert (placed, uid, g_memdup2 (&theirs, sizeof theirs));
        }
      g_hash_table_unref (occ.cells);
      return placed;
    }

  /* Outward from my placed entities, breadth first, in the plan's order. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);
      char **v = _rs_exchange_item_get_values (item);
      GPtrArray *next;

      if (rs_exchange_item_get_kind (item) != RS_EXCHANGE_ITEM_NEW ||
          _rs_exchange_item_get_table (item) != X_ENTITY || v == NULL ||
          !(next = g_hash_table_lookup (adjacent, v[0])))
        continue;
      for (guint k = 0; k < next->len; k++)
        if (g_hash_table_contains (mine, g_ptr_array_index (next, k)))
          {
            g_queue_push_tail (queue, v[0]);
            break;
          }
    }

  while (!g_queue_is_empty (queue))
    {
      const char *uid = g_queue_pop_head (queue);
      GPtrArray *next = g_hash_table_lookup (adjacent, uid);
      double sx = 0, sy = 0;
      guint count = 0;
      XPlace *place;

      if (g_hash_table_contains (placed, uid))
        continue;
      for (guint k = 0; k < next->len; k++)
        {
          const char *other = g_ptr_array_index (next, k);
          RsEntity *e = g_hash_table_lookup (mine, other);
          XPlace *p = g_hash_table_lookup (placed, other);

          if (e != NULL)
            sx += rs_entity_get_x (e), sy += rs_entity_get_y (e), count++;
          else if (p != NULL)
            sx += p->x, sy += p->y, count++;
        }
      g_assert (count > 0);
      sx /= count;
      sy /= count;
      place = g_new0 (XPlace, 1);
      if (!their_place (g_hash_table_lookup (fresh, uid), place) ||
          hypot (place->x - sx, place->y - sy) > NEAR || !is_free (&occ, place->x, place->y))
        {
          nearest_free (&occ, sx, sy, &place->x, &place->y);
          place->pinned = FALSE;
        }
      occupy (&occ, place->x, place->y);
      g_hash_table_insert (placed, (gpointer)uid, place);

      for (guint k = 0; k < next->len; k++)
        {
          const char *other = g_ptr_array_index (next, k);

          if (g_hash_table_contains (fresh, other) && !g_hash_table_contains (placed, other))
            g_queue_push_tail (queue, (gpointer)other);
        }
    }

  /* Related to nothing placed: their picture of them, as one block. Where none
   * of it lands on a node or off my board (a few entities a colleague put on free
   * spots of our common board) it stays as it is; otherwise the whole block moves
   * beside my board, its shape kept. Without their place, the board's layout
   * places them. */
  {
    g_autoptr(GPtrArray) rest = g_ptr_array_new ();   /* uids, in the plan's order */
    g_autoptr(GArray) spots = g_array_new (FALSE, FALSE, sizeof (XPlace));
    double their_min_x = G_MAXDOUBLE, their_min_y = G_MAXDOUBLE;
    double dx = 0, dy = 0;
    gboolean all_free = TRUE;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);
        char **v = _rs_exchange_item_get_values (item);
        XPlace theirs;

        if (rs_exchange_item_get_kind (item) != RS_EXCHANGE_ITEM_NEW ||
            _rs_exchange_item_get_table (item) != X_ENTITY || v == NULL ||
            g_hash_table_contains (placed, v[0]) || !their_place (item, &theirs))
          continue;
        g_ptr_array_add (rest, v[0]);
        g_array_append_val (spots, theirs);
        their_min_x = MIN (their_min_x, theirs.x);
        their_min_y = MIN (their_min_y, theirs.y);
        all_free = all_free && is_free (&occ, theirs.x, theirs.y) &&
                   theirs.x > occ.min_x - MARGIN && theirs.x < occ.max_x + MARGIN &&
                   theirs.y > occ.min_y - MARGIN && theirs.y < occ.max_y + MARGIN;
      }
    if (!all_free)
      {
        dx = occ.max_x + 2 * GAP_X - their_min_x;
        dy = occ.min_y - their_min_y;
      }
    for (guint i = 0; i < rest->len; i++)
      {
        XPlace *place = g_memdup2 (&g_array_index (spots, XPlace, i), sizeof (XPlace));

        place->x += dx;
        place->y += dy;
        g_hash_table_insert (placed, g_ptr_array_index (rest, i), place);
      }
  }

  g_hash_table_unref (occ.cells);
  return placed;
}
