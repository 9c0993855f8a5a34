/* test-export-graphics.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "rs-bundle.h"
#include "rs-error.h"
#include "rs-export.h"
#include "rs-export-private.h"
#include "rs-graph-layout.h"
#include "rs-test-hostile-labels.h"
#include "rs-test-utils.h"
#include "rs-text.h"

/* The board's graphical exports (SVG, PNG, PDF) on the sample case, each read back by a
 * real consumer: libxml2 for the SVG, rsvg-convert and pdftoppm to turn SVG and PDF into
 * pictures compared with the painter's PNG, cairo for the PNG. The files are kept in a
 * directory the test prints, for a person to look at. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

static char *output_dir;

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static char *
output_path (const char *name)
{
  return g_build_filename (output_dir, name, NULL);
}

/* Lays the case out as the board does (the engine Redstring picks) and stores it. */
static void
lay_out (RsCaseStore *store)
{
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = rs_board_scene_new (kase, NULL, style);
  g_autoptr(RsLayoutRequest) request = rs_layout_request_new (RS_LAYOUT_ENGINE_AUTO);
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (RsNodePlacement));
  g_autoptr(GArray) edges = g_array_new (FALSE, TRUE, sizeof (RsEdgePlacement));
  g_autoptr(GPtrArray) routes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rs_board_scene_get_n_nodes (scene); i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);

      rs_layout_request_add_node (request, node->id, node->width, node->height, FALSE, 0, 0);
    }
  for (guint i = 0; i < rs_board_scene_get_n_edges (scene); i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);

      rs_layout_request_add_edge (request, edge->id,
                                  rs_board_scene_get_node (scene, edge->source)->id,
                                  rs_board_scene_get_node (scene, edge->target)->id,
                                  edge->label_width, edge->label_height, edge->directed);
    }

  result = rs_graph_layout_run (request, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < rs_layout_result_get_n_nodes (result); i++)
    {
      RsNodePlacement placement = { 0 };
      double width, height;

      rs_layout_result_get_node (result, i, &placement.entity_id, &placement.x, &placement.y,
                                 &width, &height);
      g_array_append_val (nodes, placement);
    }
  for (guint i = 0; i < rs_layout_result_get_n_edges (result); i++)
    {
      RsEdgePlacement placement = { 0 };
      char *route = rs_layout_result_dup_route (result, i);

      placement.relation_id = rs_layout_result_get_edge_id (result, i);
      g_ptr_array_add (routes, route);
      placement.route = route;
      placement.has_label_position = route != NULL &&
        rs_layout_result_get_edge_label (result, i, &placement.label_x, &placement.label_y);
      g_array_append_val (edges, placement);
    }

  g_assert_true (rs_case_store_set_board (store, (const RsNodePlacement *)(gpointer)nodes->data,
                                          nodes->len,
                                          (const RsEdgePlacement *)(gpointer)edges->data,
                                          edges->len, &error));
  g_assert_no_error (error);
}

typedef struct
{
  RsCaseStore *store;
  RsCase      *kase;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = rs_test_open_sample_case ("export-graphics.redstring");
  fixture->kase = rs_case_store_get_case (fixture->store);
  lay_out (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->store);
}

static GBytes *
export_bytes (RsCase                *kase,
              const RsExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = rs_export_write_bytes (kase, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
export_to (RsCase                *kase,
           const RsExportOptions *options,
           const char            *name)
{
  char *path = output_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_export_write_file (kase, options, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static xmlDoc *
parse_svg (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc = xmlReadMemory (data, (int)size, "export.svg", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *)xmlDocGetRootElement (doc)->name, ==, "svg");
  return doc;
}

static xmlXPathObject *
query (xmlDoc     *doc,
       const char *expression)
{
  g_autoptr(xmlXPathContext) context = xmlXPathNewContext (doc);
  xmlXPathObject *result;

  xmlXPathRegisterNs (context, (const xmlChar *)"s", (const xmlChar *)"http://www.w3.org/2000/svg");
  result = xmlXPathEvalExpression ((const xmlChar *)expression, context);
  g_assert_nonnull (result);
  return result;
}

static char *
dup_string (xmlDoc     *doc,
            const char *expression)
{
  g_autoptr(xmlXPathContext) context = xmlXPathNewContext (doc);
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  g_autoptr(xmlXPathObject) result = NULL;

  xmlXPathRegisterNs (context, (const xmlChar *)"s", (const xmlChar *)"http://www.w3.org/2000/svg");
  result = xmlXPathEvalExpression ((const xmlChar *)wrapped, context);
  g_assert_nonnull (result);
  return g_strdup ((const char *)result->stringval);
}

static guint
count (xmlDoc     *doc,
       const char *expression)
{
  g_autoptr(xmlXPathObject) result = query (doc, expression);

  return result->nodesetval != NULL ? (guint)result->nodesetval->nodeNr : 0;
}

/* The lines of a node's <text>, joined with spaces as they were one line before Pango
 * wrapped them. */
static char *
dup_node_text (xmlDoc *doc,
               gint64  entity_id)
{
  g_autofree char *expression =
    g_strdup_printf ("//s:g[@id='entity-%" G_GINT64_FORMAT "']/s:text[1]/s:tspan", entity_id);
  g_autoptr(xmlXPathObject) result = query (doc, expression);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      g_autofree char *line = (char *)xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      if (i > 0 && text->len > 0 && text->str[text->len - 1] != '-')
        g_string_append_c (text, ' ');
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Shown text matches the label: whole, or cut by Pango's ellipsis (what is shown then
 * is a prefix of the label, up to a space Pango dropped at a line break). */
static void
assert_shown_label (const char *shown,
                    const char *name)
{
  g_autofree char *label = rs_text_dup_for_label (name, RS_TEXT_LABEL_MAX_CHARS);
  g_autofree char *squeezed_label = NULL;
  g_autofree char *squeezed_shown = NULL;

  if (g_strcmp0 (shown, label) == 0)
    return;

  /* Pango breaks words without a space too (WORD_CHAR): compare without spaces. */
  squeezed_label = g_strdelimit (g_strdup (label), " ", '\x01');
  squeezed_shown = g_strdup (shown);
  {
    GString *a = g_string_new (NULL), *b = g_string_new (NULL);

    for (const char *p = label; *p; p++)
      if (*p != ' ')
        g_string_append_c (a, *p);
    for (const char *p = shown; *p; p++)
      if (*p != ' ')
        g_string_append_c (b, *p);
    if (g_str_has_suffix (b->str, "…"))
      g_string_truncate (b, b->len - strlen ("…"));
    if (!g_str_has_prefix (a->str, b->str) || b->len == 0 ||
        (!g_str_has_suffix (shown, "…") && strcmp (a->str, b->str) != 0))
      g_error ("label “%s” shown as “%s”", label, shown);
    g_string_free (a, TRUE);
    g_string_free (b, TRUE);
  }
}

static void
test_svg_sample (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *path = NULL;
  GListModel *entities = rs_case_get_entities (fixture->kase);
  GListModel *relations = rs_case_get_relations (fixture->kase);

  rs_export_options_init (&options, RS_EXPORT_FORMAT_SVG);
  bytes = export_bytes (fixture->kase, &options);
  doc = parse_svg (bytes);
  path = export_to (fixture->kase, &options, "sample.svg");
  g_test_message ("SVG: %s", path);

  g_assert_cmpuint (count (doc, "//s:g[@class='node']"), ==, g_list_model_get_n_items (entities));
  g_assert_cmpuint (count (doc, "//s:g[@class='relation']"), ==,
                    g_list_model_get_n_items (relations));
  /* Text is text, not glyph outlines. */
  g_assert_cmpuint (count (doc, "//s:text"), >=, g_list_model_get_n_items (entities));
  g_assert_cmpuint (count (doc, "//s:glyph | //s:symbol"), ==, 0);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      gint64 id = rs_entity_get_id (entity);
      g_autofree char *expression =
        g_strdup_printf ("//s:g[@id='entity-%" G_GINT64_FORMAT "']/s:title", id);
      g_autofree char *name = dup_string (doc, expression);
      g_autofree char *shown = dup_node_text (doc, id);

      g_assert_cmpstr (name, ==, rs_entity_get_name (entity));
      assert_shown_label (shown, rs_entity_get_name (entity));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);
      g_autofree char *expression =
        g_strdup_printf ("//s:g[@id='relation-%" G_GINT64_FORMAT "']/s:title",
                         rs_relation_get_id (relation));
      g_autofree char *name = dup_string (doc, expression);
      RsEntity *source = rs_case_lookup_entity (fixture->kase,
                                                rs_relation_get_source_id (relation));

      g_assert_nonnull (strstr (name, rs_relation_get_label (relation)));
      g_assert_true (g_str_has_prefix (name, rs_entity_get_name (source)));
    }

  /* The legend is drawn, as text too. */
  g_assert_cmpuint (count (doc, "//s:g[@class='legend']"), ==, 1);
}

/* Pictures ------------------------------------------------------------------------------ */

static cairo_surface_t *
read_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static cairo_surface_t *
read_png_bytes (GBytes *bytes,
                const char *name)
{
  g_autofree char *path = output_path (name);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  return read_png (path);
}

/* Pixel (x, y) of @surface as straight RGBA over white (what a viewer shows). */
static void
pixel_over_white (cairo_surface_t *surface,
                  int              x,
                  int              y,
                  double           rgba[4])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *)(gconstpointer)(data + y * stride + 4 * x);
  double a = (p >> 24) / 255.0;

  /* Premultiplied ARGB: over white, c + (1 - a). */
  rgba[0] = ((p >> 16) & 0xff) / 255.0 + (1 - a);
  rgba[1] = ((p >> 8) & 0xff) / 255.0 + (1 - a);
  rgba[2] = (p & 0xff) / 255.0 + (1 - a);
  rgba[3] = a;
}

/* Mean absolute difference per channel (0..255) of the two pictures over white, each
 * blurred over 3 × 3 pixels first: two renderers place antialiased edges and glyphs a
 * fraction of a pixel apart (rsvg and poppler hint and position text their own way), and
 * the blur turns a half-pixel shift of a hairline from a full-contrast pixel pair into a
 * small difference, while a missing or misplaced shape, label or colour stays large. */
/* Same-picture tolerances, two measures after the blur: the mean |d| per channel (0..255)
 * and the share of pixels where a channel differs by more than a quarter. Measured on the
 * sample (Debian 12: librsvg 2.54, poppler 22.02):
 *
 *                                           mean |d|   share
 *   SVG (rsvg-convert) vs painter, 1.5 px/pt   1.46     0.012 %
 *   the same, dark style                       1.25     0.005 %
 *   PDF (pdftoppm, 72 dpi) vs painter          1.94     0.015 %
 *   SVG without its edge labels                3.44     1.28 %
 *   SVG without its node labels                2.50     1.21 %
 *   dark PNG vs light SVG                    184
 *
 * (the two broken SVGs made by hand from compare.svg). The mean alone cannot tell a
 * missing layer of text from renderer noise; the share can, with a factor 20 of room above
 * the good pictures and 4 below the broken ones. */
#define SAME_PICTURE 6.0
#define SAME_PICTURE_SHARE 0.003   /* 0.3 % */

/* The picture over white, 3 × 3 box-blurred, as floats (width * height * 3). */
static float *
blurred_over_white (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autofree float *flat = g_new (float, (gsize)width * height * 3);
  float *blurred = g_new0 (float, (gsize)width * height * 3);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double p[4];

        pixel_over_white (surface, x, y, p);
        for (int c = 0; c < 3; c++)
          flat[((gsize)y * width + x) * 3 + c] = p[c];
      }

  for (int y = 1; y + 1 < height; y++)
    for (int x = 1; x + 1 < width; x++)
      for (int c = 0; c < 3; c++)
        {
          float sum = 0;

          for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
              sum += flat[((gsize)(y + dy) * width + x + dx) * 3 + c];
          blurred[((gsize)y * width + x) * 3 + c] = sum / 9;
        }
  return blurred;
}

/* Mean absolute difference per channel (0..255) of the two pictures over white, each
 * blurred over 3 × 3 pixels first: two renderers place antialiased edges and glyphs a
 * fraction of a pixel apart (rsvg and poppler hint and position text their own way), and
 * the blur turns a half-pixel shift of a hairline from a full-contrast pixel pair into a
 * small difference, while a missing or misplaced shape, label or colour stays large. */
typedef struct
{
  double mean;      /* mean |d| per channel, 0..255 */
  double share;     /* share of pixels where some channel differs by more than a quarter */
} Difference;

static Difference
compare_pictures (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  g_autofree float *fa = NULL, *fb = NULL;
  double total = 0;
  guint64 n_different = 0;
  double n_pixels = (double)MAX (1, width - 2) * MAX (1, height - 2);

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  fa = blurred_over_white (a);
  fb = blurred_over_white (b);

  for (int y = 1; y + 1 < height; y++)
    for (int x = 1; x + 1 < width; x++)
      {
        float worst = 0;

        for (int c = 0; c < 3; c++)
          {
            gsize at = ((gsize)y * width + x) * 3 + c;
            float d = fabsf (fa[at] - fb[at]);

            total += d;
            worst = MAX (worst, d);
          }
        n_different += worst > 0.25f;
      }
  return (Difference) { 255 * total / (3.0 * n_pixels), n_different / n_pixels };
}

/* Mean absolute difference per channel (0..255) of the two pictures over white, each
 * blurred over 3 × 3 pixels first: two renderers place antialiased edges and glyphs a
 * fraction of a pixel apart (rsvg and poppler hint and position text their own way), and
 * the blur turns a half-pixel shift of a hairline from a full-contrast pixel pair into a
 * small difference, while a missing or misplaced shape, label or colour stays large. */
static double
mean_difference (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  return compare_pictures (a, b).mean;
}

/* Both measures within the same-picture tolerances (see SAME_PICTURE). */
static void
assert_same_picture (cairo_surface_t *expected,
                     cairo_surface_t *actual,
                     const char      *what)
{
  Difference difference = compare_pictures (expected, actual);

  g_test_message ("%s: mean |d| %.2f per channel, %.3f %% of pixels differ by > 1/4", what,
                  difference.mean, 100 * difference.share);
  g_assert_cmpfloat (difference.mean, <, SAME_PICTURE);
  g_assert_cmpfloat (difference.share, <, SAME_PICTURE_SHARE);
}

/* A picture cut out of a larger one at (x, y). */
static cairo_surface_t *
crop (cairo_surface_t *surface,
      int              x,
      int              y,
      int              width,
      int              height)
{
  cairo_surface_t *out = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (out);

  cairo_set_source_surface (cr, surface, -x, -y);
  cairo_paint (cr);
  cairo_destroy (cr);
  return out;
}

static gboolean
run_tool (const char * const *argv)
{
  g_auto(RsTestRun) run = { 0 };

  rs_test_run_argv (&run, argv);
  if (run.status != 0)
    g_test_message ("%s failed (%d): %s", argv[0], run.status, run.err);
  return run.status == 0;
}


static void
test_svg_matches_png (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(RsExportOptions) svg_options = { 0 };
  g_auto(RsExportOptions) png_options = { 0 };
  g_autofree char *svg_path = NULL, *png_path = NULL, *rendered = NULL;
  g_autofree char *width = NULL, *height = NULL;
  g_autoptr(cairo_surface_t) painter = NULL;
  g_autoptr(cairo_surface_t) rsvg = NULL;
  g_autoptr(cairo_surface_t) dark = NULL;
  double difference;

  if (!have_program ("rsvg-convert"))
    {
      g_test_skip ("rsvg-convert is not installed (Debian: librsvg2-bin)");
      return;
    }

  rs_export_options_init (&svg_options, RS_EXPORT_FORMAT_SVG);
  rs_export_options_init (&png_options, RS_EXPORT_FORMAT_PNG);
  png_options.scale = 1.5;
  svg_path = export_to (fixture->kase, &svg_options, "compare.svg");
  png_path = export_to (fixture->kase, &png_options, "compare-painter.png");
  painter = read_png (png_path);

  rendered = output_path ("compare-rsvg.png");
  width = g_strdup_printf ("%d", cairo_image_surface_get_width (painter));
  height = g_strdup_printf ("%d", cairo_image_surface_get_height (painter));
  {
    const char *argv[] = { "rsvg-convert", "-w", width, "-h", height, "-o", rendered, svg_path,
                           NULL };

    g_assert_true (run_tool (argv));
  }
  rsvg = read_png (rendered);

  g_test_message ("SVG rendered by rsvg-convert: %s; the painter's PNG: %s", rendered, png_path);
  assert_same_picture (painter, rsvg, "SVG (rsvg-convert) vs painter PNG");

  /* The measure tells pictures apart: the dark board is far from the light one. */
  png_options.dark = TRUE;
  {
    g_autofree char *dark_path = export_to (fixture->kase, &png_options, "compare-dark.png");

    dark = read_png (dark_path);
  }
  difference = mean_difference (dark, rsvg);
  g_test_message ("dark PNG vs light SVG: mean |d| %.2f per channel", difference);
  g_assert_cmpfloat (difference, >, 4 * SAME_PICTURE);

  /* And the dark SVG matches the dark PNG. */
  svg_options.dark = TRUE;
  {
    g_autofree char *dark_svg = export_to (fixture->kase, &svg_options, "compare-dark.svg");
    g_autofree char *dark_rendered = output_path ("compare-dark-rsvg.png");
    const char *argv[] = { "rsvg-convert", "-w", width, "-h", height, "-o", dark_rendered,
                           dark_svg, NULL };
    g_autoptr(cairo_surface_t) dark_rsvg = NULL;

    g_assert_true (run_tool (argv));
    dark_rsvg = read_png (dark_rendered);
    assert_same_picture (dark, dark_rsvg, "dark SVG (rsvg-convert) vs dark painter PNG");
  }
}

static void
test_pdf_matches_png (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(cairo_surface_t) painter = NULL;
  g_autoptr(cairo_surface_t) page = NULL;
  g_autoptr(cairo_surface_t) cut = NULL;
  g_autofree char *pdf_path = NULL, *png_path = NULL, *prefix = NULL, *rendered = NULL;
  g_autoptr(GError) error = NULL;
  RsExportFrame frame;
  double fit;
  const double dpi = 72, paper_w = 841.89, paper_h = 595.28, margin = 36;

  if (!have_program ("pdftoppm"))
    {
      g_test_skip ("pdftoppm is not installed (Debian: poppler-utils)");
      return;
    }

  rs_export_options_init (&options, RS_EXPORT_FORMAT_PDF);
  options.paper = RS_EXPORT_PAPER_A4;
  options.landscape = TRUE;
  options.fit_to_page = TRUE;
  pdf_path = export_to (fixture->kase, &options, "sample.pdf");
  g_test_message ("PDF: %s", pdf_path);

  prefix = output_path ("sample-pdftoppm");
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", pdf_path, prefix, NULL };

    g_assert_true (run_tool (argv));
  }
  rendered = g_strconcat (prefix, ".png", NULL);
  page = read_png (rendered);
  g_assert_cmpint (cairo_image_surface_get_width (page), ==, (int)ceil (paper_w));
  g_assert_cmpint (cairo_image_surface_get_height (page), ==, (int)ceil (paper_h));

  /* Where the figure is on the page, as the writer places it (fit, centred). */
  scene = rs_export_build_scene (fixture->kase, &options, style, &error);
  g_assert_no_error (error);
  _rs_export_frame_compute (scene, style, &options, 0, &frame);
  fit = MIN (1.0, MIN ((paper_w - 2 * margin) / frame.page.width,
                      (paper_h - 2 * margin) / frame.page.height));

  options.format = RS_EXPORT_FORMAT_PNG;
  options.scale = fit * dpi / 72;
  png_path = export_to (fixture->kase, &options, "compare-pdf-painter.png");
  painter = read_png (png_path);
  cut = crop (page, (int)round ((paper_w - frame.page.width * fit) / 2),
              (int)round ((paper_h - frame.page.height * fit) / 2),
              cairo_image_surface_get_width (painter), cairo_image_surface_get_height (painter));

  g_test_message ("PDF rendered by pdftoppm: %s; the painter's PNG: %s", rendered, png_path);
  assert_same_picture (painter, cut, "PDF (pdftoppm -r 72) vs painter PNG");
}

static void
test_pdf_tiles (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(RsExportOptions) options = { 0 };
  g_autofree char *path = NULL, *prefix = NULL, *tiles = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_pages = 0;

  if (!have_program ("pdftoppm"))
    {
      g_test_skip ("pdftoppm is not installed (Debian: poppler-utils)");
      return;
    }

  rs_export_options_init (&options, RS_EXPORT_FORMAT_PDF);
  options.paper = RS_EXPORT_PAPER_A4;
  options.landscape = FALSE;
  options.fit_to_page = FALSE;
  path = export_to (fixture->kase, &options, "sample-tiled.pdf");
  prefix = output_path ("tiles/page");
  tiles = output_path ("tiles");
  g_assert_cmpint (g_mkdir_with_parents (tiles, 0755), ==, 0);
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "36", path, prefix, NULL };

    g_assert_true (run_tool (argv));
  }
  dir = g_dir_open (tiles, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_pages += g_str_has_suffix (name, ".png");
  g_test_message ("PDF 1:1 on A4: %u pages (%s)", n_pages, path);
  /* The sample at 1:1 is wider than an A4 page. */
  g_assert_cmpuint (n_pages, >, 1);
}

static void
test_png (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsBoardScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  RsExportFrame frame;
  const double scales[] = { 1, 96.0 / 72, 3 };

  rs_export_options_init (&options, RS_EXPORT_FORMAT_PNG);
  scene = rs_export_build_scene (fixture->kase, &options, style, &error);
  g_assert_no_error (error);
  _rs_export_frame_compute (scene, style, &options, 0, &frame);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    for (guint transparent = 0; transparent < 2; transparent++)
      {
        g_autofree char *name = g_strdup_printf ("sample-%.2fx%s.png", scales[i],
                                                 transparent ? "-transparent" : "");
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(cairo_surface_t) png = NULL;
        double corner[4], centre_alpha = 0;
        int w, h;

        options.scale = scales[i];
        options.transparent = transparent;
        bytes = export_bytes (fixture->kase, &options);
        png = read_png_bytes (bytes, name);
        w = cairo_image_surface_get_width (png);
        h = cairo_image_surface_get_height (png);
        g_assert_cmpint (w, ==, (int)ceil (frame.page.width * scales[i]));
        g_assert_cmpint (h, ==, (int)ceil (frame.page.height * scales[i]));

        cairo_surface_flush (png);
        pixel_over_white (png, 0, 0, corner);
        g_assert_cmpfloat (corner[3], ==, transparent ? 0 : 1);
        pixel_over_white (png, w - 1, h - 1, corner);
        g_assert_cmpfloat (corner[3], ==, transparent ? 0 : 1);

        /* Something is drawn: some pixel is opaque in the transparent one too. */
        for (int y = 0; y < h && centre_alpha < 1; y += 3)
          for (int x = 0; x < w && centre_alpha < 1; x += 3)
            {
              double p[4];

              pixel_over_white (png, x, y, p);
              centre_alpha = MAX (centre_alpha, p[3]);
            }
        g_assert_cmpfloat (centre_alpha, ==, 1);
      }

  /* A scale that would take gigabytes is refused, not attempted. */
  options.scale = 500;
  {
    g_autoptr(GBytes) bytes = rs_export_write_bytes (fixture->kase, &options, NULL, &error);

    g_assert_null (bytes);
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
  }
}

/* Footnotes ---------------------------------------------------------------------------- */

static void
test_footnotes (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *footnotes = NULL;
  g_autofree char *path = NULL;
  GListModel *relations = rs_case_get_relations (fixture->kase);
  guint n_relations = g_list_model_get_n_items (relations);
  gboolean found_title = FALSE;

  rs_export_options_init (&options, RS_EXPORT_FORMAT_SVG);
  options.footnotes = TRUE;
  bytes = export_bytes (fixture->kase, &options);
  doc = parse_svg (bytes);
  path = export_to (fixture->kase, &options, "sample-footnotes.svg");
  g_test_message ("SVG with footnotes: %s", path);

  /* One number per drawn relation, 1..n. */
  g_assert_cmpuint (count (doc, "//s:text[@class='footnote-number']"), ==, n_relations);
  footnotes = dup_string (doc, "//s:g[@class='footnotes']");
  for (guint n = 1; n <= n_relations; n++)
    {
      g_autofree char *expression = g_strdup_printf ("//s:text[@class='footnote-number'][. = '%u']",
                                                     n);
      g_autofree char *mark = g_strdup_printf ("%u. ", n);

      g_assert_cmpuint (count (doc, expression), ==, 1);
      g_assert_nonnull (strstr (footnotes, mark));
    }

  /* A relation's quotes come with their document's title. */
  for (guint i = 0; i < n_relations && !found_title; i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);
      g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (fixture->kase, RS_TARGET_RELATION,
                                                                rs_relation_get_id (relation));

      for (guint k = 0; evidence != NULL && k < evidence->len; k++)
        {
          RsQuote *quote = rs_case_lookup_quote (fixture->kase,
                                                 rs_evidence_get_quote_id (evidence->pdata[k]));
          RsDocument *document = rs_case_lookup_document (fixture->kase,
                                                          rs_quote_get_document_id (quote));
          g_autofree char *squeezed = NULL;
          GString *flat = g_string_new (NULL);

          /* Lines wrap anywhere: compare without the spaces between them. */
          for (const char *p = footnotes; *p; p++)
            if (*p != ' ')
              g_string_append_c (flat, *p);
          squeezed = g_string_free (flat, FALSE);
          {
            GString *title = g_string_new (NULL);

            for (const char *p = rs_document_get_title (document); *p; p++)
              if (*p != ' ')
                g_string_append_c (title, *p);
            found_title = strstr (squeezed, title->str) != NULL;
            g_string_free (title, TRUE);
          }
          if (found_title)
            break;
        }
    }
  g_assert_true (found_title);

  /* The PNG and the PDF carry them too: the picture grows by the list. */
  {
    g_auto(RsExportOptions) png = { 0 };
    g_autoptr(GBytes) with = NULL, without = NULL;
    g_autoptr(cairo_surface_t) a = NULL, b = NULL;
    g_autofree char *pdf_path = NULL;

    rs_export_options_init (&png, RS_EXPORT_FORMAT_PNG);
    png.scale = 1;
    without = export_bytes (fixture->kase, &png);
    png.footnotes = TRUE;
    with = export_bytes (fixture->kase, &png);
    a = read_png_bytes (without, "sample-no-footnotes.png");
    b = read_png_bytes (with, "sample-footnotes.png");
    g_assert_cmpint (cairo_image_surface_get_height (b), >,
                     cairo_image_surface_get_height (a) + 10 * (int)n_relations);
    png.format = RS_EXPORT_FORMAT_PDF;
    pdf_path = export_to (fixture->kase, &png, "sample-footnotes.pdf");
    g_autofree char *png_path = output_path ("sample-footnotes.png");

    g_test_message ("PNG and PDF with footnotes: %s, %s", png_path, pdf_path);
  }
}

/* Selection and errors ------------------------------------------------------------------ */

static void
test_selection (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  GListModel *relations = rs_case_get_relations (fixture->kase);
  g_autoptr(RsRelation) relation = g_list_model_get_item (relations, 0);
  gint64 source = rs_relation_get_source_id (relation);
  gint64 target = rs_relation_get_target_id (relation);
  guint between = 0;

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RsRelation) other = g_list_model_get_item (relations, i);
      gint64 s = rs_relation_get_source_id (other), t = rs_relation_get_target_id (other);

      between += (s == source && t == target) || (s == target && t == source);
    }

  rs_export_options_init (&options, RS_EXPORT_FORMAT_SVG);
  options.selection = rs_selection_new ();
  rs_selection_add (options.selection, RS_TARGET_ENTITY, source);
  rs_selection_add (options.selection, RS_TARGET_ENTITY, target);
  bytes = export_bytes (fixture->kase, &options);
  doc = parse_svg (bytes);
  g_assert_cmpuint (count (doc, "//s:g[@class='node']"), ==, 2);
  g_assert_cmpuint (count (doc, "//s:g[@class='relation']"), ==, between);
  g_assert_cmpuint (count (doc, "//s:g[@class='relation']"), >=, 1);

  /* A relation alone brings its two ends. */
  rs_selection_clear (options.selection);
  rs_selection_add (options.selection, RS_TARGET_RELATION, rs_relation_get_id (relation));
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&doc, xmlFreeDoc);
  bytes = export_bytes (fixture->kase, &options);
  doc = parse_svg (bytes);
  g_assert_cmpuint (count (doc, "//s:g[@class='node']"), ==, 2);
}

/* The filter: what it removes is left out, what it dims is drawn (dimmed). */
static void
test_filter (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  GListModel *entities = rs_case_get_entities (fixture->kase);
  guint n_entities = g_list_model_get_n_items (entities), n_people = 0;

  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      n_people += rs_entity_get_kind (entity) == RS_ENTITY_KIND_PERSON;
    }
  g_assert_cmpuint (n_people, >, 0);

  rs_export_options_init (&options, RS_EXPORT_FORMAT_SVG);
  options.filter = rs_board_filter_new ();
  rs_board_filter_set_kind_visible (options.filter, RS_ENTITY_KIND_PERSON, FALSE);

  /* Dimmed: all there, people faded. */
  bytes = export_bytes (fixture->kase, &options);
  doc = parse_svg (bytes);
  g_assert_cmpuint (count (doc, "//s:g[@class='node']"), ==, n_entities);
  g_assert_cmpuint (count (doc, "//s:g[@class='node']/s:use[@opacity]"), ==, n_people);

  /* The same board gives the same file. */
  again = export_bytes (fixture->kase, &options);
  g_assert_true (g_bytes_equal (bytes, again));

  /* Removed: left out. */
  rs_board_filter_set_remove_hidden (options.filter, TRUE);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&doc, xmlFreeDoc);
  bytes = export_bytes (fixture->kase, &options);
  doc = parse_svg (bytes);
  g_assert_cmpuint (count (doc, "//s:g[@class='node']"), ==, n_entities - n_people);

  /* JSON is the bundle, whatever the filter (a case to open again, not a picture). */
  options.format = RS_EXPORT_FORMAT_JSON;
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = export_bytes (fixture->kase, &options);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bundle = rs_bundle_export (fixture->kase, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, g_bytes_get_size (bundle) + 1);
    g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), g_bytes_get_data (bundle, NULL),
                             g_bytes_get_size (bundle)), ==, 0);
  }
}

/* rs_export_write() reaches every writer: each supported content and format gives a
 * file that starts as its format does; the others are refused. */
static void
test_dispatch (Fixture       *fixture,
               gconstpointer  user_data)
{
  static const struct
  {
    RsExportContent content;
    RsExportFormat  format;
    const char     *start;
  } cases[] = {
    { RS_EXPORT_CONTENT_BOARD, RS_EXPORT_FORMAT_SVG, "<?xml" },
    { RS_EXPORT_CONTENT_BOARD, RS_EXPORT_FORMAT_PNG, "\x89PNG" },
    { RS_EXPORT_CONTENT_BOARD, RS_EXPORT_FORMAT_PDF, "%PDF" },
    { RS_EXPORT_CONTENT_BOARD, RS_EXPORT_FORMAT_DOT, NULL },
    { RS_EXPORT_CONTENT_BOARD, RS_EXPORT_FORMAT_GRAPHML, "<?xml" },
    { RS_EXPORT_CONTENT_BOARD, RS_EXPORT_FORMAT_CSV, NULL },
    { RS_EXPORT_CONTENT_BOARD, RS_EXPORT_FORMAT_JSON, "{" },
    { RS_EXPORT_CONTENT_BOARD, RS_EXPORT_FORMAT_STIX, "{" },
    { RS_EXPORT_CONTENT_TIMELINE, RS_EXPORT_FORMAT_SVG, NULL },
    { RS_EXPORT_CONTENT_TIMELINE, RS_EXPORT_FORMAT_PNG, "\x89PNG" },
    { RS_EXPORT_CONTENT_TIMELINE, RS_EXPORT_FORMAT_PDF, "%PDF" },
    { RS_EXPORT_CONTENT_TIMELINE, RS_EXPORT_FORMAT_CSV, NULL },
    { RS_EXPORT_CONTENT_BRIEF, RS_EXPORT_FORMAT_HTML, NULL },
    { RS_EXPORT_CONTENT_BRIEF, RS_EXPORT_FORMAT_PDF, "%PDF" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(RsExportOptions) options = { 0 };
      g_autoptr(GBytes) bytes = NULL;
      gsize size;
      const char *data;

      rs_export_options_init (&options, cases[i].format);
      options.content = cases[i].content;
      options.scale = 1;
      g_assert_true (rs_export_format_supports (cases[i].format, cases[i].content));
      bytes = export_bytes (fixture->kase, &options);
      data = g_bytes_get_data (bytes, &size);
      g_assert_cmpuint (size, >, 16);
      if (cases[i].start != NULL)
        g_assert_cmpint (memcmp (data, cases[i].start, strlen (cases[i].start)), ==, 0);
    }

  for (RsExportContent content = RS_EXPORT_CONTENT_BOARD; content <= RS_EXPORT_CONTENT_BRIEF;
       content++)
    for (RsExportFormat format = RS_EXPORT_FORMAT_SVG; format <= RS_EXPORT_FORMAT_STIX; format++)
      if (!rs_export_format_supports (format, content))
        {
          g_auto(RsExportOptions) options = { 0 };
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = NULL;

          rs_export_options_init (&options, format);
          options.content = content;
          bytes = rs_export_write_bytes (fixture->kase, &options, NULL, &error);
          g_assert_null (bytes);
          g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
        }
}

static void
test_formats (void)
{
  RsExportFormat format;
  RsExportPaper paper;

  g_assert_true (rs_export_format_from_string ("SVG", &format));
  g_assert_cmpint (format, ==, RS_EXPORT_FORMAT_SVG);
  g_assert_false (rs_export_format_from_string ("bmp", &format));
  g_assert_false (rs_export_format_from_string (NULL, &format));
  g_assert_cmpstr (rs_export_format_get_mime_type (RS_EXPORT_FORMAT_SVG), ==, "image/svg+xml");
  g_assert_cmpstr (rs_export_format_get_extension (RS_EXPORT_FORMAT_PNG), ==, "png");
  g_assert_true (rs_export_format_supports (RS_EXPORT_FORMAT_PDF, RS_EXPORT_CONTENT_BRIEF));
  g_assert_false (rs_export_format_supports (RS_EXPORT_FORMAT_PNG, RS_EXPORT_CONTENT_BRIEF));
  g_assert_false (rs_export_format_supports (RS_EXPORT_FORMAT_HTML, RS_EXPORT_CONTENT_BOARD));
  g_assert_true (rs_export_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, RS_EXPORT_PAPER_LETTER);
  for (RsExportFormat f = RS_EXPORT_FORMAT_SVG; f <= RS_EXPORT_FORMAT_STIX; f++)
    {
      g_assert_true (rs_export_format_from_string (rs_export_format_to_string (f), &format));
      g_assert_cmpint (format, ==, f);
    }
}

static void
test_unplaced (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("export-unplaced.redstring");
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* The sample as imported has no positions. */
  rs_export_options_init (&options, RS_EXPORT_FORMAT_SVG);
  bytes = rs_export_write_bytes (rs_case_store_get_case (store), &options, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
}

/* An empty case exports an empty board (with its legend), not an error. */
static void
test_empty (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("export-empty.redstring");
  const RsExportFormat formats[] = { RS_EXPORT_FORMAT_SVG, RS_EXPORT_FORMAT_PNG,
                                     RS_EXPORT_FORMAT_PDF };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(RsExportOptions) options = { 0 };
      g_autoptr(GBytes) bytes = NULL;

      rs_export_options_init (&options, formats[i]);
      options.footnotes = TRUE;
      bytes = export_bytes (rs_case_store_get_case (store), &options);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
      if (formats[i] == RS_EXPORT_FORMAT_SVG)
        {
          g_autoptr(xmlDoc) doc = parse_svg (bytes);

          g_assert_cmpuint (count (doc, "//s:g[@class='node']"), ==, 0);
        }
    }
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_file_is (const char *path,
                const char *contents)
{
  g_autofree char *now = NULL;

  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, contents);
}

static void
test_atomic (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *dir = output_path ("atomic");
  g_autofree char *path = g_build_filename (dir, "board.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RsCaseStore) unplaced = rs_test_open_sample_case ("export-atomic.redstring");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_auto(RsExportOptions) options = { 0 };
  const char *old = "the export that was there before";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  rs_export_options_init (&options, RS_EXPORT_FORMAT_SVG);

  /* An export that fails (entities without a position): the old file stays, no
   * temporary file is left beside it. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rs_export_write_file (rs_case_store_get_case (unplaced), &options, file, NULL,
                                          &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    assert_file_is (path, old);
    g_assert_cmpuint (count_files (dir), ==, 1);
  }

  /* A new file: a failed export leaves nothing (neither the file nor a partial copy
   * beside it), a good one leaves just the file. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *fresh_path = g_build_filename (dir, "fresh.png", NULL);
    g_autoptr(GFile) fresh = g_file_new_for_path (fresh_path);
    g_autoptr(GCancellable) stop = g_cancellable_new ();

    g_cancellable_cancel (stop);
    options.format = RS_EXPORT_FORMAT_PNG;
    g_assert_false (rs_export_write_file (fixture->kase, &options, fresh, stop, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (fresh_path, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_files (dir), ==, 1);
    g_clear_error (&error);

    g_assert_false (rs_export_write_file (rs_case_store_get_case (unplaced), &options, fresh, NULL,
                                          &error));
    g_assert_false (g_file_test (fresh_path, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_files (dir), ==, 1);
    g_clear_error (&error);

    g_assert_true (rs_export_write_file (fixture->kase, &options, fresh, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (fresh_path, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpuint (count_files (dir), ==, 2);
    g_assert_cmpint (g_unlink (fresh_path), ==, 0);
    options.format = RS_EXPORT_FORMAT_SVG;
  }

  /* Failing mid-way: PNG written through cairo's stream while the export is cancelled. */
  {
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancelled);
    options.format = RS_EXPORT_FORMAT_PNG;
    g_assert_false (rs_export_write_file (fixture->kase, &options, file, cancelled, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    assert_file_is (path, old);
    g_assert_cmpuint (count_files (dir), ==, 1);
  }

  /* A format that cannot carry the content (the board as HTML) fails the same way. */
  {
    g_autoptr(GError) error = NULL;

    options.format = RS_EXPORT_FORMAT_HTML;
    g_assert_false (rs_export_write_file (fixture->kase, &options, file, NULL, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
    assert_file_is (path, old);
    g_assert_cmpuint (count_files (dir), ==, 1);
  }

  /* A place no file can be written (under a regular file), which fails for root too. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *under = g_build_filename (path, "board.svg", NULL);
    g_autoptr(GFile) impossible = g_file_new_for_path (under);

    options.format = RS_EXPORT_FORMAT_SVG;
    g_assert_false (rs_export_write_file (fixture->kase, &options, impossible, NULL, &error));
    g_assert_nonnull (error);
    assert_file_is (path, old);
    g_assert_cmpuint (count_files (dir), ==, 1);
  }

  /* A directory the user may not write to. */
  if (geteuid () != 0)
    {
      g_autoptr(GError) error = NULL;

      options.format = RS_EXPORT_FORMAT_SVG;
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (rs_export_write_file (fixture->kase, &options, file, NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      assert_file_is (path, old);
      g_assert_cmpuint (count_files (dir), ==, 1);
    }
  else
    g_test_message ("running as root: the read-only directory case is not checked");

  /* And a good export replaces it. */
  {
    g_autoptr(GError) error = NULL;

    options.format = RS_EXPORT_FORMAT_SVG;
    g_assert_true (rs_export_write_file (fixture->kase, &options, file, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_files (dir), ==, 1);
    {
      g_autofree char *now = NULL;

      g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
      g_assert_true (g_str_has_prefix (now, "<?xml"));
    }
  }
}

/* Hostile labels ----------------------------------------------------------------------- */

static void
test_hostile_labels (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("export-hostile.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  guint n = G_N_ELEMENTS (rs_test_hostile_labels);
  g_autofree gint64 *entity_ids = g_new0 (gint64, n);
  g_autofree gint64 *relation_ids = g_new0 (gint64, n);
  g_autofree RsNodePlacement *nodes = g_new0 (RsNodePlacement, n);
  g_auto(RsExportOptions) options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < n; i++)
    {
      RsEntity *entity = rs_test_add_entity (store, RS_ENTITY_KIND_OTHER,
                                             rs_test_hostile_labels[i].label);

      entity_ids[i] = rs_entity_get_id (entity);
      nodes[i] = (RsNodePlacement) { entity_ids[i], (i % 4) * 260.0, (i / 4) * 120.0, FALSE };
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsRelation) draft = rs_relation_new (0);
      RsRelation *relation;

      rs_relation_set_source_id (draft, entity_ids[i]);
      rs_relation_set_target_id (draft, entity_ids[(i + 1) % n]);
      rs_relation_set_label (draft, rs_test_hostile_labels[i].label);
      rs_relation_set_directed (draft, TRUE);
      relation = rs_case_store_add_relation (store, draft, &error);
      g_assert_no_error (error);
      relation_ids[i] = rs_relation_get_id (relation);
    }
  g_assert_true (rs_case_store_set_board (store, nodes, n, NULL, 0, &error));
  g_assert_no_error (error);

  rs_export_options_init (&options, RS_EXPORT_FORMAT_SVG);
  options.footnotes = TRUE;
  bytes = export_bytes (kase, &options);
  path = output_path ("hostile.svg");
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_test_message ("hostile labels: %s", path);
  doc = parse_svg (bytes);

  /* Nothing from the case became an element or an attribute. */
  g_assert_cmpuint (count (doc, "//s:script | //s:image | //*[local-name()='script']"), ==, 0);
  g_assert_cmpuint (count (doc, "//s:g[@class='node']"), ==, n);

  for (guint i = 0; i < n; i++)
    {
      const char *label = rs_test_hostile_labels[i].label;
      g_autofree char *expression =
        g_strdup_printf ("//s:g[@id='entity-%" G_GINT64_FORMAT "']/s:title", entity_ids[i]);
      g_autofree char *title = dup_string (doc, expression);
      g_autofree char *shown = dup_node_text (doc, entity_ids[i]);
      g_autofree char *edge_expression =
        g_strdup_printf ("//s:g[@id='relation-%" G_GINT64_FORMAT "']/s:title", relation_ids[i]);
      g_autofree char *edge_title = dup_string (doc, edge_expression);

      g_test_message ("%s: %s", rs_test_hostile_labels[i].name, shown);
      /* The full name, unchanged (tabs, newlines, CR and all). */
      g_assert_cmpstr (title, ==, label);
      g_assert_nonnull (strstr (edge_title, label));
      /* What is drawn: the one-line label, as Pango wrapped or cut it. */
      assert_shown_label (shown, label);
    }

  /* The pictures draw them too (through Pango, nothing to escape, nothing to crash). */
  options.format = RS_EXPORT_FORMAT_PNG;
  options.scale = 1;
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = export_bytes (kase, &options);
  {
    g_autoptr(cairo_surface_t) png = read_png_bytes (bytes, "hostile.png");

    g_assert_cmpint (cairo_image_surface_get_width (png), >, 0);

    /* And the SVG reader lays them out as Pango did (right-to-left runs, Japanese). */
    if (have_program ("rsvg-convert"))
      {
        g_autofree char *width = g_strdup_printf ("%d", cairo_image_surface_get_width (png));
        g_autofree char *height = g_strdup_printf ("%d", cairo_image_surface_get_height (png));
        g_autofree char *rendered = output_path ("hostile-rsvg.png");
        const char *argv[] = { "rsvg-convert", "-w", width, "-h", height, "-o", rendered, path,
                               NULL };
        g_autoptr(cairo_surface_t) rsvg = NULL;

        g_assert_true (run_tool (argv));
        rsvg = read_png (rendered);
        assert_same_picture (png, rsvg, "hostile SVG (rsvg-convert) vs painter PNG");
      }
  }
  options.format = RS_EXPORT_FORMAT_PDF;
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = export_bytes (kase, &options);
  g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), "%PDF", 4), ==, 0);
}

static void
test_xml_escape (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  rs_export_append_xml_escaped (out, "<a href=\"x\">&'\t\n\r\x01\x1f\xff ok</a>");
  g_assert_cmpstr (out->str, ==,
                   "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#9;&#10;&#13;\xEF\xBF\xBD ok"
                   "&lt;/a&gt;");
  g_string_truncate (out, 0);
  rs_export_append_xml_escaped (out, "\xEF\xBF\xBE\xEF\xBF\xBF宇宙");
  g_assert_cmpstr (out->str, ==, "宇宙");
  g_string_truncate (out, 0);
  rs_export_append_xml_escaped (out, NULL);
  g_assert_cmpstr (out->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

  output_dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "export-output", NULL);
  g_assert_cmpint (g_mkdir_with_parents (output_dir, 0755), ==, 0);
  /* In the build tree, kept after the run: the pictures are there to be looked at. */
  g_test_message ("output (SVG, PNG, PDF and their renderings): %s", output_dir);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/xml-escape", test_xml_escape);
  g_test_add_func ("/export/unplaced", test_unplaced);
  g_test_add_func ("/export/empty", test_empty);
  g_test_add ("/export/svg/sample", Fixture, NULL, fixture_set_up, test_svg_sample,
              fixture_tear_down);
  g_test_add ("/export/svg/matches-png", Fixture, NULL, fixture_set_up, test_svg_matches_png,
              fixture_tear_down);
  g_test_add_func ("/export/svg/hostile-labels", test_hostile_labels);
  g_test_add ("/export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/export/pdf/matches-png", Fixture, NULL, fixture_set_up, test_pdf_matches_png,
              fixture_tear_down);
  g_test_add ("/export/pdf/tiles", Fixture, NULL, fixture_set_up, test_pdf_tiles,
              fixture_tear_down);
  g_test_add ("/export/footnotes", Fixture, NULL, fixture_set_up, test_footnotes,
              fixture_tear_down);
  g_test_add ("/export/selection", Fixture, NULL, fixture_set_up, test_selection,
              fixture_tear_down);
  g_test_add ("/export/dispatch", Fixture, NULL, fixture_set_up, test_dispatch,
              fixture_tear_down);
  g_test_add ("/export/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/export/atomic", Fixture, NULL, fixture_set_up, test_atomic, fixture_tear_down);

  status = g_test_run ();
  g_free (output_dir);
  return status;
}
