/* test-board-painter.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "rs-board-geometry.h"
#include "rs-board-painter.h"
#include "rs-render-test-utils.h"
#include "rs-test-utils.h"

typedef struct
{
  RsCaseStore  *store;
  RsBoardStyle *style;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("painter.redstring");
  rs_render_test_place_grid (fixture->store, 6, 260, 100);
  fixture->style = rs_board_style_new (GPOINTER_TO_INT (user_data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->style, rs_board_style_unref);
  g_assert_finalize_object (fixture->store);
}

/* Paints the whole scene at @scale onto a new image surface; @origin gets the board point
 * at pixel (0, 0). */
static cairo_surface_t *
paint (RsBoardScene *scene,
       RsBoardStyle *style,
       double        scale,
       RsBoardLod    lod,
       RsBoardRect  *origin)
{
  RsBoardPaintParams params = {
    .scale = scale,
    .lod = lod,
    .flags = RS_BOARD_PAINT_BACKGROUND | RS_BOARD_PAINT_GRID,
  };
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_true (rs_board_scene_get_bounds (scene, &params.clip));
  rs_board_rect_inflate (&params.clip, 20, 20);
  *origin = params.clip;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int)ceil (params.clip.width * scale),
                                        (int)ceil (params.clip.height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -params.clip.x, -params.clip.y);
  rs_board_painter_draw (cr, scene, style, &params);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static void
pixel_at (cairo_surface_t   *surface,
          const RsBoardRect *origin,
          double             scale,
          double             board_x,
          double             board_y,
          RsBoardColor      *color)
{
  rs_render_test_read_pixel (surface, (int)floor ((board_x - origin->x) * scale),
                             (int)floor ((board_y - origin->y) * scale), color);
}

static void
test_lod (void)
{
  g_assert_cmpint (rs_board_painter_get_lod (RS_BOARD_PIXELS_PER_UNIT), ==, RS_BOARD_LOD_FULL);
  g_assert_cmpint (rs_board_painter_get_lod (RS_BOARD_LOD_EDGE_LABEL_SCALE), ==, RS_BOARD_LOD_FULL);
  g_assert_cmpint (rs_board_painter_get_lod (RS_BOARD_LOD_EDGE_LABEL_SCALE - 0.01), ==,
                   RS_BOARD_LOD_NO_EDGE_LABELS);
  g_assert_cmpint (rs_board_painter_get_lod (RS_BOARD_LOD_NODE_LABEL_SCALE - 0.01), ==,
                   RS_BOARD_LOD_SHAPES);
  g_assert_cmpint (rs_board_painter_get_lod (RS_BOARD_LOD_SHAPE_SCALE - 0.01), ==,
                   RS_BOARD_LOD_DOTS);
  g_assert_cmpint (rs_board_painter_get_lod (0.001), ==, RS_BOARD_LOD_DOTS);

  /* Thresholds are ordered, and 100% zoom shows everything. */
  g_assert_cmpfloat (RS_BOARD_LOD_EDGE_LABEL_SCALE, >, RS_BOARD_LOD_NODE_LABEL_SCALE);
  g_assert_cmpfloat (RS_BOARD_LOD_NODE_LABEL_SCALE, >, RS_BOARD_LOD_SHAPE_SCALE);
  g_assert_cmpfloat (RS_BOARD_LOD_EDGE_LABEL_SCALE * 1.2, <=, RS_BOARD_PIXELS_PER_UNIT);

  /* Labels fade in over 20% above their threshold. */
  g_assert_cmpfloat (rs_board_painter_get_label_alpha (0.5, 0.5), ==, 0);
  g_assert_cmpfloat (rs_board_painter_get_label_alpha (0.55, 0.5), >, 0.4);
  g_assert_cmpfloat (rs_board_painter_get_label_alpha (0.55, 0.5), <, 0.6);
  g_assert_cmpfloat (rs_board_painter_get_label_alpha (0.61, 0.5), ==, 1);
}

/* Inside the node, right of its label, at mid-height: only the fill is there. */
static void
fill_point (const RsBoardNode *node,
            double            *x,
            double            *y)
{
  double left, right, top, bottom;

  rs_board_style_get_shape_insets (rs_board_style_get_kind_shape (node->kind), node->height,
                                   &left, &right, &top, &bottom);
  *x = node->x + node->width / 2 - right - 4;
  *y = node->y + 2;
}

static void
test_kind_colours (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (rs_case_store_get_case (fixture->store),
                                                      NULL, fixture->style);
  struct {
    double     scale;
    RsBoardLod lod;
    gboolean   centre;
    gboolean   stroke;
  } levels[] = {
    { 1.0, RS_BOARD_LOD_AUTO, FALSE, FALSE },
    { 2.0, RS_BOARD_LOD_AUTO, FALSE, FALSE },
    { 0.35, RS_BOARD_LOD_AUTO, TRUE, FALSE },
    { 0.1, RS_BOARD_LOD_AUTO, TRUE, TRUE },
  };
  RsBoardColor background, corner;

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      cairo_surface_t *surface;
      RsBoardRect origin;

      surface = paint (scene, fixture->style, levels[l].scale, levels[l].lod, &origin);

      for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (scene, i);
          const RsBoardColor *expected = levels[l].stroke ?
            rs_board_style_get_kind_stroke (fixture->style, node->kind) :
            rs_board_style_get_kind_fill (fixture->style, node->kind);
          RsBoardColor color;
          double x = node->x, y = node->y;

          if (!levels[l].centre)
            fill_point (node, &x, &y);
          pixel_at (surface, &origin, levels[l].scale, x, y, &color);

          if (!rs_render_test_color_near (&color, expected, 0.02))
            g_error ("%s at scale %g: got %.2f %.2f %.2f, expected %.2f %.2f %.2f", node->label,
                     levels[l].scale, color.red, color.green, color.blue,
                     expected->red, expected->green, expected->blue);
        }

      rs_render_test_read_pixel (surface, 1, 1, &corner);
      background = *rs_board_style_get_color (fixture->style, RS_BOARD_COLOR_BACKGROUND);
      g_assert_true (rs_render_test_color_near (&corner, &background, 0.02));

      cairo_surface_destroy (surface);
    }
}

/* An entity whose evidence sits on its relations only has no badge of its own: no
 * warning-coloured "0" over its top-right corner. */
static void
test_no_zero_badge (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (rs_case_store_get_case (fixture->store),
                                                      NULL, fixture->style);
  const RsBoardColor *warning = rs_board_style_get_color (fixture->style,
                                                          RS_BOARD_COLOR_WARNING);
  const RsBoardColor *badge = rs_board_style_get_color (fixture->style, RS_BOARD_COLOR_BADGE);
  const double scale = 2.0;
  cairo_surface_t *surface;
  RsBoardRect origin;
  guint n_without = 0, n_with = 0;

  surface = paint (scene, fixture->style, scale, RS_BOARD_LOD_FULL, &origin);

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      double left, right, top, bottom;
      gboolean warned = FALSE, badged = FALSE;

      rs_board_style_get_shape_insets (rs_board_style_get_kind_shape (node->kind), node->height,
                                       &left, &right, &top, &bottom);

      /* The badge's disc: centred on the body's top edge, near the right. */
      for (double dx = -RS_BOARD_BADGE_RADIUS; dx <= RS_BOARD_BADGE_RADIUS; dx += 0.5)
        for (double dy = -RS_BOARD_BADGE_RADIUS; dy <= RS_BOARD_BADGE_RADIUS; dy += 0.5)
          {
            RsBoardColor color;

            pixel_at (surface, &origin, scale,
                      node->x + node->width / 2 - right - 5 + dx,
                      node->y - node->height / 2 + top + dy, &color);
            warned |= rs_render_test_color_near (&color, warning, 0.02);
            badged |= rs_render_test_color_near (&color, badge, 0.02);
          }

      if (node->n_documents == 0)
        {
          n_without++;
          if (warned || badged)
            g_error ("%s has no document of its own but shows a badge", node->label);
        }
      else
        {
          n_with++;
          g_assert_true (badged);
        }
    }

  /* The sample has both kinds (Breitbart News is only quoted through its relations). */
  g_assert_cmpuint (n_without, >, 0);
  g_assert_cmpuint (n_with, >, 0);
  cairo_surface_destroy (surface);
}

static gboolean
edge_near (RsBoardScene *scene,
           double        x,
           double        y)
{
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      RsBoardRect label = { edge->label_x - edge->label_width / 2 - 2,
                            edge->label_y - edge->label_height / 2 - 2,
                            edge->label_width + 4, edge->label_height + 4 };

      if (rs_board_distance_to_path (edge->points, edge->n_points, x, y) < 4 ||
          rs_board_rect_contains_point (&label, x, y))
        return TRUE;
    }
  return FALSE;
}

static void
test_dimmed (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(RsBoardFilter) filter = rs_board_filter_new ();
  g_autoptr(RsBoardScene) scene = NULL;
  cairo_surface_t *surface;
  RsBoardRect origin;
  guint n_checked;

  rs_board_filter_set_kind_visible (filter, RS_ENTITY_KIND_ORGANIZATION, FALSE);
  scene = rs_board_scene_new (rs_case_store_get_case (fixture->store), filter, fixture->style);
  n_checked = 0;
  surface = paint (scene, fixture->style, 1.0, RS_BOARD_LOD_AUTO, &origin);

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      const RsBoardColor *fill = rs_board_style_get_kind_fill (fixture->style, node->kind);
      const RsBoardColor *bg = rs_board_style_get_color (fixture->style, RS_BOARD_COLOR_BACKGROUND);
      RsBoardColor color, expected = *fill;
      double x, y;

      if (node->kind == RS_ENTITY_KIND_ORGANIZATION)
        {
          expected.red = bg->red + (fill->red - bg->red) * RS_BOARD_DIMMED_ALPHA;
          expected.green = bg->green + (fill->green - bg->green) * RS_BOARD_DIMMED_ALPHA;
          expected.blue = bg->blue + (fill->blue - bg->blue) * RS_BOARD_DIMMED_ALPHA;
        }

      fill_point (node, &x, &y);

      /* Shown edges are drawn over dimmed nodes: skip points they cross. */
      if (node->kind == RS_ENTITY_KIND_ORGANIZATION && edge_near (scene, x, y))
        continue;
      n_checked++;

      pixel_at (surface, &origin, 1.0, x, y, &color);
      if (!rs_render_test_color_near (&color, &expected, 0.03))
        g_error ("%s: got %.2f %.2f %.2f, expected %.2f %.2f %.2f", node->label,
                 color.red, color.green, color.blue, expected.red, expected.green, expected.blue);
    }
  g_assert_cmpuint (n_checked, >, 25);

  cairo_surface_destroy (surface);
}

static void
test_overlay (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (rs_case_store_get_case (fixture->store),
                                                      NULL, fixture->style);
  g_autoptr(RsSelection) selection = rs_selection_new ();
  gint64 tick = rs_render_test_entity_id (fixture->store, "Tick");
  RsBoardOverlay overlay = { .selection = selection, .focus_node = tick };
  RsBoardPaintParams params = { .scale = 1.0 };
  const RsBoardColor *expected = rs_board_style_get_color (fixture->style,
                                                           RS_BOARD_COLOR_SELECTION);
  const RsBoardNode *node;
  cairo_surface_t *surface;
  RsBoardColor color;
  cairo_t *cr;
  guint index;

  rs_selection_select (selection, RS_TARGET_ENTITY, tick);
  g_assert_true (rs_board_scene_lookup_node (scene, tick, &index));
  node = rs_board_scene_get_node (scene, index);
  g_assert_true (rs_board_scene_get_bounds (scene, &params.clip));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int)params.clip.width, (int)params.clip.height);
  cr = cairo_create (surface);
  cairo_translate (cr, -params.clip.x, -params.clip.y);
  rs_board_painter_draw_overlay (cr, scene, fixture->style, &params, &overlay);
  cairo_destroy (cr);

  /* The selection ring sits just outside the top edge; the inside stays untouched. */
  rs_render_test_read_pixel (surface, (int)(node->x - params.clip.x),
                             (int)(node->y - node->height / 2 - 4.5 - params.clip.y), &color);
  g_assert_true (rs_render_test_color_near (&color, expected, 0.05));
  g_assert_cmpfloat (color.alpha, >, 0.9);
  rs_render_test_read_pixel (surface, (int)(node->x - params.clip.x),
                             (int)(node->y - params.clip.y), &color);
  g_assert_cmpfloat (color.alpha, ==, 0);

  cairo_surface_destroy (surface);
}

static const char * const hostile[] = {
  "<b>bold</b> & <i>",
  "&amp; &lt; \" ' \\",
  "line one\nline two\r\n\tTabbed",
  "שלום עולם — مرحبا بالعالم",
  "\u202eevil\u202c override",
  "x",
};

static void
test_hostile_labels (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("hostile.redstring");
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  const RsBoardColor *bg = rs_board_style_get_color (style, RS_BOARD_COLOR_BACKGROUND);

  for (guint i = 0; i < 10000 / 5; i++)
    g_string_append (huge, "عربي ");
  rs_test_add_entity (store, RS_ENTITY_KIND_PERSON, huge->str);
  g_string_truncate (huge, 0);
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (huge, '&');
  rs_test_add_entity (store, RS_ENTITY_KIND_GROUP, huge->str);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    rs_test_add_entity (store, i % RS_ENTITY_KIND_LAST, hostile[i]);

  rs_render_test_place_grid (store, 2, 400, 120);
  scene = rs_board_scene_new (rs_case_store_get_case (store), NULL, style);

  for (guint s = 0; s < 3; s++)
    {
      double scale = (double[]) { 1.0, 2.0, 0.4 }[s];
      cairo_surface_t *surface;
      RsBoardRect origin;

      surface = paint (scene, style, scale, RS_BOARD_LOD_AUTO, &origin);

      /* Whatever the label, nothing is drawn beside the node. */
      for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
        {
          const RsBoardNode *node = rs_board_scene_get_node (scene, i);
          RsBoardColor color;

          pixel_at (surface, &origin, scale, node->x + node->width / 2 + 6, node->y + 3, &color);
          g_assert_true (rs_render_test_color_near (&color, bg, 0.02));
          pixel_at (surface, &origin, scale, node->x - node->width / 2 - 6, node->y + 3, &color);
          g_assert_true (rs_render_test_color_near (&color, bg, 0.02));
        }

      cairo_surface_destroy (surface);
    }
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The exporters will reuse the painter on vector surfaces. */
static void
test_vector_surfaces (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (rs_case_store_get_case (fixture->store),
                                                      NULL, fixture->style);
  RsBoardPaintParams params = { .scale = 2, .lod = RS_BOARD_LOD_FULL,
                                .flags = RS_BOARD_PAINT_BACKGROUND };

  g_assert_true (rs_board_scene_get_bounds (scene, &params.clip));

  for (guint kind = 0; kind < 2; kind++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      cairo_surface_t *surface;
      cairo_t *cr;

      if (kind == 0)
        surface = cairo_svg_surface_create_for_stream (append_cb, bytes, params.clip.width,
                                                       params.clip.height);
      else
        surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, params.clip.width,
                                                       params.clip.height);
      cr = cairo_create (surface);
      cairo_translate (cr, -params.clip.x, -params.clip.y);
      rs_board_painter_draw (cr, scene, fixture->style, &params);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      g_assert_cmpuint (bytes->len, >, 10000);
      if (kind == 0)
        g_assert_nonnull (g_strstr_len ((const char *)bytes->data, bytes->len, "<svg"));
      else
        g_assert_true (memcmp (bytes->data, "%PDF", 4) == 0);
    }
}

/* Paints @tile (board units, on the full picture's pixel grid) alone, as the cached
 * picture and the exports do, and counts the pixels that differ from the full picture. */
static guint
count_tile_differences (RsBoardScene      *scene,
                        RsBoardStyle      *style,
                        cairo_surface_t   *full,
                        const RsBoardRect *origin,
                        double             scale,
                        RsBoardLod         lod,
                        int                px,
                        int                py,
                        int                pw,
                        int                ph)
{
  RsBoardPaintParams params = {
    .scale = scale,
    .lod = lod,
    .clip = { origin->x + px / scale, origin->y + py / scale, pw / scale, ph / scale },
    .flags = RS_BOARD_PAINT_BACKGROUND | RS_BOARD_PAINT_GRID,
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cairo_t *cr = cairo_create (surface);
  guint differences = 0;

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -params.clip.x, -params.clip.y);
  rs_board_painter_draw (cr, scene, style, &params);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  for (int y = 0; y < ph; y++)
    for (int x = 0; x < pw; x++)
      {
        RsBoardColor a, b;

        rs_render_test_read_pixel (surface, x, y, &a);
        rs_render_test_read_pixel (full, px + x, py + y, &b);
        if (!rs_render_test_color_near (&a, &b, 0.2))
          differences++;
      }
  cairo_surface_destroy (surface);
  return differences;
}

/* Edges are cut to the painted area before they are stroked: a tile of the board painted
 * on its own is the same area of the whole picture, without missing pieces at its borders
 * and with dashes where the whole picture has them (their pattern runs on from the
 * edge's start, not from the tile's border). */
static void
test_tiles_match (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (rs_case_store_get_case (fixture->store),
                                                      NULL, fixture->style);
  const RsBoardLod lods[] = { RS_BOARD_LOD_SHAPES, RS_BOARD_LOD_FULL };
  const double scales[] = { 1.0, RS_BOARD_PIXELS_PER_UNIT };

  for (guint i = 0; i < G_N_ELEMENTS (lods); i++)
    {
      RsBoardRect origin;
      cairo_surface_t *full = paint (scene, fixture->style, scales[i], lods[i], &origin);
      int w = cairo_image_surface_get_width (full), h = cairo_image_surface_get_height (full);
      guint n_tiles = 0;

      /* Tiles smaller than the grid's spacing: most edges cross a border, many two. */
      for (int py = 7; py + 90 <= h; py += 83)
        for (int px = 11; px + 130 <= w; px += 127)
          {
            guint differences = count_tile_differences (scene, fixture->style, full, &origin,
                                                        scales[i], lods[i], px, py, 130, 90);

            /* Without text, a few pixels where a curve is flattened differently; text
             * takes a few dozen more (glyphs hinted at another offset, as before edges
             * were clipped). A missing piece or a jump of a dash is a hundred or more. */
            g_assert_cmpuint (differences, <=, lods[i] == RS_BOARD_LOD_FULL ? 50 : 10);
            n_tiles++;
          }
      g_assert_cmpuint (n_tiles, >=, 8);
      cairo_surface_destroy (full);
    }
}

static void
test_legend (Fixture       *fixture,
             gconstpointer  user_data)
{
  cairo_surface_t *surface;
  RsBoardColor color;
  double width, height;
  cairo_t *cr;

  rs_board_painter_measure_legend (fixture->style, &width, &height);
  g_assert_cmpfloat (width, >, 150);
  g_assert_cmpfloat (width, <, 500);
  g_assert_cmpfloat (height, >, 10 * 12);
  g_assert_cmpfloat (height, <, 400);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)height);
  cr = cairo_create (surface);
  rs_board_painter_draw_legend (cr, fixture->style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  /* The first row's swatch is the first kind's fill. */
  rs_render_test_read_pixel (surface, 7 + 13, 7 + 7, &color);
  g_assert_true (rs_render_test_color_near (&color, rs_board_style_get_kind_fill (fixture->style,
                                                                                  0), 0.03));
  cairo_surface_destroy (surface);
}

static void
test_palettes (void)
{
  g_autoptr(RsBoardStyle) light = rs_board_style_new (FALSE);
  g_autoptr(RsBoardStyle) dark = rs_board_style_new (TRUE);
  const RsBoardColor *lbg = rs_board_style_get_color (light, RS_BOARD_COLOR_BACKGROUND);
  const RsBoardColor *dbg = rs_board_style_get_color (dark, RS_BOARD_COLOR_BACKGROUND);

  g_assert_cmpfloat (lbg->red + lbg->green + lbg->blue, >, 2.5);
  g_assert_cmpfloat (dbg->red + dbg->green + dbg->blue, <, 0.6);

  /* Kinds differ from one another in both palettes. */
  for (guint s = 0; s < 2; s++)
    {
      RsBoardStyle *style = s ? dark : light;

      for (guint a = 0; a < RS_ENTITY_KIND_LAST; a++)
        for (guint b = a + 1; b < RS_ENTITY_KIND_LAST; b++)
          {
            const RsBoardColor *ca = rs_board_style_get_kind_stroke (style, a);
            const RsBoardColor *cb = rs_board_style_get_kind_stroke (style, b);

            g_assert_false (rs_render_test_color_near (ca, cb, 0.08));
            g_assert_cmpint (rs_board_style_get_kind_shape (a), !=,
                             rs_board_style_get_kind_shape (b));
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/painter/lod", test_lod);
  g_test_add_func ("/render/painter/palettes", test_palettes);
  g_test_add ("/render/painter/kind-colours/light", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_kind_colours, fixture_tear_down);
  g_test_add ("/render/painter/kind-colours/dark", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_kind_colours, fixture_tear_down);
  g_test_add ("/render/painter/no-zero-badge", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_no_zero_badge, fixture_tear_down);
  g_test_add ("/render/painter/dimmed", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_dimmed, fixture_tear_down);
  g_test_add ("/render/painter/overlay", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_overlay, fixture_tear_down);
  g_test_add_func ("/render/painter/hostile-labels", test_hostile_labels);
  g_test_add ("/render/painter/vector-surfaces", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_vector_surfaces, fixture_tear_down);
  g_test_add ("/render/painter/tiles-match", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_tiles_match, fixture_tear_down);
  g_test_add ("/render/painter/legend", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_legend, fixture_tear_down);

  return g_test_run ();
}
