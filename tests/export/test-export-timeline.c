/* test-export-timeline.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "rs-error.h"
#include "rs-export-test-utils.h"
#include "rs-export-timeline.h"

/* The timeline as CSV (read back cell by cell) and as a chart: SVG parsed as XML with one
 * element per dated event and each date drawn as honestly as it is known, PNG and PDF
 * rendered and not blank. The sample case has a year ("2016"), "at least 2009", "late
 * February 2021", ranges, exact days and "before 20 April 2021". */

/* --- CSV reading (RFC 4180) ------------------------------------------------------- */

static GPtrArray *
read_csv (const char *text,
          gsize       size)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gsize i = 0;

  while (i < size)
    {
      /* Every cell the exporter writes is quoted. */
      g_assert_cmpint (text[i], ==, '"');
      i++;
      for (;;)
        {
          g_assert_cmpuint (i, <, size);
          if (text[i] == '"' && i + 1 < size && text[i + 1] == '"')
            {
              g_string_append_c (cell, '"');
              i += 2;
            }
          else if (text[i] == '"')
            {
              i++;
              break;
            }
          else
            g_string_append_c (cell, text[i++]);
        }
      g_ptr_array_add (row, g_strdup (cell->str));
      g_string_truncate (cell, 0);
      if (i < size && text[i] == ',')
        i++;
      else
        {
          g_assert_true (i + 1 < size && text[i] == '\r' && text[i + 1] == '\n');
          i += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_ptr_array_unref (row);
  g_string_free (cell, TRUE);
  return rows;
}

static const char *
cell (GPtrArray *row,
      guint      column)
{
  return g_ptr_array_index (row, column);
}

static GPtrArray *
find_row (GPtrArray  *rows,
          guint       column,
          const char *value)
{
  for (guint i = 1; i < rows->len; i++)
    if (g_strcmp0 (cell (g_ptr_array_index (rows, i), column), value) == 0)
      return g_ptr_array_index (rows, i);
  g_error ("no row with %s", value);
}

static RsCaseStore *
open_case (const char *name)
{
  RsCaseStore *store = rs_test_open_sample_case (name);

  rs_export_test_add_hostile (store);
  return store;
}

static void
test_csv (void)
{
  g_autoptr(RsCaseStore) store = open_case ("timeline-csv.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = NULL;
  GPtrArray *header, *row;
  gsize size;
  const char *text;

  rs_export_test_options (&options, RS_EXPORT_FORMAT_CSV, RS_EXPORT_CONTENT_TIMELINE);
  bytes = rs_export_test_write (rs_export_timeline_write, kase, &options);
  path = rs_export_test_save (bytes, "timeline.csv");
  text = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (text, size, NULL));

  rows = read_csv (text, size);
  g_assert_cmpuint (rows->len, ==, 1 + g_list_model_get_n_items (rs_case_get_events (kase)));
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, 12);
  g_assert_cmpstr (cell (header, 3), ==, "date");
  g_assert_cmpstr (cell (header, 6), ==, "earliest");
  g_assert_cmpstr (cell (header, 7), ==, "latest");
  g_assert_cmpstr (cell (header, 8), ==, "title");
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *)g_ptr_array_index (rows, i))->len, ==, 12);

  /* A year is its whole year. */
  row = find_row (rows, 8, "Cyber-attack on JAXA");
  g_assert_cmpstr (cell (row, 1), ==, "2016");
  g_assert_cmpstr (cell (row, 3), ==, "2016");
  g_assert_cmpstr (cell (row, 4), ==, "year");
  g_assert_cmpstr (cell (row, 6), ==, "2016-01-01");
  g_assert_cmpstr (cell (row, 7), ==, "2016-12-31");
  g_assert_nonnull (strstr (cell (row, 10), "Japan Aerospace Exploration Agency"));
  g_assert_nonnull (strstr (cell (row, 11), "<https://"));

  /* "at least 2009": from 2009, with no end. */
  row = find_row (rows, 3, "at least 2009");
  g_assert_cmpstr (cell (row, 5), ==, "at-least");
  g_assert_cmpstr (cell (row, 6), ==, "2009-01-01");
  g_assert_cmpstr (cell (row, 7), ==, "");

  /* "late February 2021": the last third of the month. */
  row = find_row (rows, 3, "late Feb 2021");
  g_assert_cmpstr (cell (row, 1), ==, "2021-02");
  g_assert_cmpstr (cell (row, 6), ==, "2021-02-19");
  g_assert_cmpstr (cell (row, 7), ==, "2021-02-28");

  /* "before 20 Apr 2021": no start, the day before. */
  row = find_row (rows, 3, "before 20 Apr 2021");
  g_assert_cmpstr (cell (row, 6), ==, "");
  g_assert_cmpstr (cell (row, 7), ==, "2021-04-19");

  /* An exact day, and its sources. */
  row = find_row (rows, 8, "NHK reports PLA suspected of directing Tick");
  g_assert_cmpstr (cell (row, 6), ==, "2021-04-20");
  g_assert_cmpstr (cell (row, 7), ==, "2021-04-20");

  /* Hostile titles come back as they were; formulas as text (a leading apostrophe). */
  for (guint i = 0; i < G_N_ELEMENTS (rs_test_hostile_labels); i++)
    {
      const char *label = rs_test_hostile_labels[i].label;
      g_autofree char *expected = strchr ("=+-@\t\r", label[0]) ? g_strconcat ("'", label, NULL)
                                                                : g_strdup (label);
      g_autofree char *year = g_strdup_printf ("%u", 2010 + i);
      gboolean found = FALSE;

      for (guint r = 1; r < rows->len && !found; r++)
        {
          row = g_ptr_array_index (rows, r);
          found = g_strcmp0 (cell (row, 1), year) == 0 && g_strcmp0 (cell (row, 8), expected) == 0;
          if (found)
            g_assert_cmpstr (cell (row, 9), ==, expected);
        }
      if (!found)
        g_error ("hostile title %s did not come back from the CSV", rs_test_hostile_labels[i].name);
    }
}

/* --- SVG -------------------------------------------------------------------------- */

static xmlNode *
find_child (xmlNode    *node,
            const char *name)
{
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *)n->name, name) == 0)
      return n;
  return NULL;
}

static gboolean
has_class (xmlNode    *node,
           const char *klass)
{
  g_autofree char *value = (char *)xmlGetProp (node, (const xmlChar *)"class");
  g_auto(GStrv) classes = value ? g_strsplit (value, " ", -1) : NULL;

  return classes != NULL && g_strv_contains ((const char * const *)classes, klass);
}

static double
number_prop (xmlNode    *node,
             const char *name)
{
  g_autofree char *value = (char *)xmlGetProp (node, (const xmlChar *)name);

  g_assert_nonnull (value);
  return g_ascii_strtod (value, NULL);
}

/* The row (centre y) and the horizontal extent of an event's mark. */
static void
mark_extent (xmlNode *group,
             double  *y,
             double  *x0,
             double  *x1)
{
  xmlNode *circle = find_child (group, "circle");
  xmlNode *rect = find_child (group, "rect");

  if (circle != NULL)
    {
      *y = number_prop (circle, "cy");
      *x0 = number_prop (circle, "cx") - number_prop (circle, "r");
      *x1 = number_prop (circle, "cx") + number_prop (circle, "r");
    }
  else
    {
      g_assert_nonnull (rect);
      *y = number_prop (rect, "y") + number_prop (rect, "height") / 2;
      *x0 = number_prop (rect, "x");
      *x1 = *x0 + number_prop (rect, "width");
    }
}

/* The event group whose <title> ends with TITLE. */
static xmlNode *
find_event (GPtrArray  *events,
            const char *title)
{
  for (guint i = 0; i < events->len; i++)
    {
      xmlNode *group = g_ptr_array_index (events, i);
      g_autofree char *text = (char *)xmlNodeGetContent (find_child (group, "title"));

      if (g_str_has_suffix (text, title))
        return group;
    }
  g_error ("no event titled %s in the SVG", title);
}

static void
test_svg (void)
{
  g_autoptr(RsCaseStore) store = open_case ("timeline-svg.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *png = NULL;
  xmlNode *root, *group, *mark;
  xmlDoc *doc;
  guint n_dated = 0;
  gsize size;
  const char *text;

  rs_export_test_options (&options, RS_EXPORT_FORMAT_SVG, RS_EXPORT_CONTENT_TIMELINE);
  bytes = rs_export_test_write (rs_export_timeline_write, kase, &options);
  path = rs_export_test_save (bytes, "timeline.svg");
  text = g_bytes_get_data (bytes, &size);

  /* Well-formed XML: a strict parse, no recovery. */
  doc = xmlReadMemory (text, (int)size, path, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *)root->name, ==, "svg");

  for (xmlNode *n = root->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && has_class (n, "event"))
      g_ptr_array_add (events, n);
  for (guint i = 0; i < g_list_model_get_n_items (rs_case_get_events (kase)); i++)
    {
      g_autoptr(RsEvent) event = g_list_model_get_item (rs_case_get_events (kase), i);

      n_dated += rs_event_get_date (event) != NULL;
    }
  g_assert_cmpuint (n_dated, >, 20);
  g_assert_cmpuint (events->len, ==, n_dated);

  /* A year is a span, wider than any point. */
  group = find_event (events, "Cyber-attack on JAXA");
  mark = find_child (group, "rect");
  g_assert_nonnull (mark);
  g_assert_true (has_class (group, "span"));
  g_assert_cmpfloat (number_prop (mark, "width"), >, 20.0);

  /* An exact day is a point. */
  group = find_event (events, "NHK reports PLA suspected of directing Tick");
  g_assert_true (has_class (group, "point"));
  g_assert_nonnull (find_child (group, "circle"));
  g_assert_null (find_child (group, "rect"));

  /* "at least 2009" runs open to the right: a fading bar and an arrow, to the edge. */
  group = find_event (events, "Tick attacks observed since at least 2009 (FireEye)");
  g_assert_true (has_class (group, "open-end"));
  mark = find_child (group, "rect");
  {
    g_autofree char *fill = (char *)xmlGetProp (mark, (const xmlChar *)"fill");

    g_assert_cmpstr (fill, ==, "url(#rs-timeline-fade-right)");
  }
  g_assert_nonnull (find_child (group, "path"));
  g_assert_cmpfloat (number_prop (mark, "x") + number_prop (mark, "width"), >,
                     number_prop (root, "width") * 0.9);

  /* "late February 2021" is narrower than the whole month would be, and both spans
   * lie inside their year's. */
  {
    xmlNode *late = find_child (find_event (events, "against an East Asian IT company"), "rect");
    xmlNode *patch = find_child (find_event (events, "Exchange flaw patched"), "rect");

    g_assert_nonnull (late);
    g_assert_nonnull (patch);
    g_assert_cmpfloat (number_prop (late, "width"), <, number_prop (patch, "width"));
  }

  /* Lanes: no two marks on one row overlap. */
  for (guint a = 0; a < events->len; a++)
    for (guint b = a + 1; b < events->len; b++)
      {
        double ya, xa0, xa1, yb, xb0, xb1;

        mark_extent (g_ptr_array_index (events, a), &ya, &xa0, &xa1);
        mark_extent (g_ptr_array_index (events, b), &yb, &xb0, &xb1);
        if (fabs (ya - yb) < 0.5)
          g_assert_true (xa1 <= xb0 || xb1 <= xa0);
      }

  /* Hostile titles: text of the <title>, unchanged. */
  for (guint i = 0; i < G_N_ELEMENTS (rs_test_hostile_labels); i++)
    {
      const char *label = rs_test_hostile_labels[i].label;
      gboolean found = FALSE;

      for (guint e = 0; e < events->len && !found; e++)
        {
          g_autofree char *title = (char *)xmlNodeGetContent (find_child (g_ptr_array_index (events, e), "title"));

          found = g_str_has_suffix (title, label);
        }
      if (!found)
        g_error ("hostile title %s is not in the SVG as text", rs_test_hostile_labels[i].name);
    }
  xmlFreeDoc (doc);

  /* librsvg draws it. */
  png = rs_export_test_output_path ("timeline-svg.png");
  {
    const char *argv[] = { "rsvg-convert", "-o", png, path, NULL };
    g_autofree char *out = rs_export_test_run (argv);
  }
  g_assert_cmpfloat (rs_export_test_ink_ratio (png), >, 0.02);
}

static void
test_png (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("timeline-png.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;

  rs_export_test_options (&options, RS_EXPORT_FORMAT_PNG, RS_EXPORT_CONTENT_TIMELINE);
  options.scale = 1.5;
  bytes = rs_export_test_write (rs_export_timeline_write, kase, &options);
  path = rs_export_test_save (bytes, "timeline.png");

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* 1000 points wide at 1.5 pixels a point. */
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1500);
  cairo_surface_destroy (surface);
  g_assert_cmpfloat (rs_export_test_ink_ratio (path), >, 0.02);
}

/* The two emitters read one layout: librsvg's drawing of the SVG and cairo's PNG differ
 * only by text rasterisation. */
static void
test_svg_matches_png (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("timeline-match.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsExportOptions options;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *png_path = NULL;
  g_autofree char *rsvg_path = NULL;
  double ratio;

  rs_export_test_options (&options, RS_EXPORT_FORMAT_SVG, RS_EXPORT_CONTENT_TIMELINE);
  svg = rs_export_test_write (rs_export_timeline_write, kase, &options);
  svg_path = rs_export_test_save (svg, "timeline-match.svg");
  rs_export_test_options (&options, RS_EXPORT_FORMAT_PNG, RS_EXPORT_CONTENT_TIMELINE);
  options.scale = 1.0;
  png = rs_export_test_write (rs_export_timeline_write, kase, &options);
  png_path = rs_export_test_save (png, "timeline-match-cairo.png");

  rsvg_path = rs_export_test_output_path ("timeline-match-rsvg.png");
  {
    const char *argv[] = { "rsvg-convert", "-o", rsvg_path, svg_path, NULL };
    g_autofree char *out = rs_export_test_run (argv);
  }
  ratio = rs_export_test_diff_ratio (png_path, rsvg_path, 64);
  g_test_message ("pixels differing between cairo and librsvg: %.2f %%", ratio * 100);
  g_assert_cmpfloat (ratio, <, 0.02);

  /* The marks (bars, points, arrows) in the events' colour cover the same pixels. */
  {
    g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);

    ratio = rs_export_test_color_mismatch (png_path, rsvg_path,
                                           rs_board_style_get_kind_stroke (style, RS_ENTITY_KIND_EVENT));
    g_test_message ("event-colour pixels painted by one renderer only: %.2f %%", ratio * 100);
    g_assert_cmpfloat (ratio, <, 0.03);
  }
}

static void
test_pdf (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("timeline-pdf.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *png = NULL;

  rs_export_test_options (&options, RS_EXPORT_FORMAT_PDF, RS_EXPORT_CONTENT_TIMELINE);
  bytes = rs_export_test_write (rs_export_timeline_write, kase, &options);
  path = rs_export_test_save (bytes, "timeline.pdf");

  g_assert_cmpuint (rs_export_test_pdf_pages (path), ==, 1);

  prefix = rs_export_test_output_path ("timeline-pdf");
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", path, prefix, NULL };
    g_autofree char *out = rs_export_test_run (argv);
  }
  png = g_strconcat (prefix, ".png", NULL);
  g_assert_cmpfloat (rs_export_test_ink_ratio (png), >, 0.02);
}

static void
add_event (RsCaseStore     *store,
           const char      *title,
           const char      *start,
           RsDatePrecision  precision,
           RsDateQualifier  qualifier)
{
  g_autoptr(RsEvent) event = rs_event_new (0);
  g_autoptr(RsFuzzyDate) date = NULL;
  g_autoptr(GError) error = NULL;

  date = rs_fuzzy_date_parse (start, NULL, precision, qualifier, &error);
  g_assert_no_error (error);
  rs_event_set_title (event, title);
  rs_event_set_date (event, date);
  g_assert_nonnull (rs_case_store_add_event (store, event, &error));
  g_assert_no_error (error);
}

/* A few months: month ticks, the year on the first and on January. */
static void
test_month_axis (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("timeline-months.redstring");
  RsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) ticks = g_ptr_array_new_with_free_func (xmlFree);
  xmlDoc *doc;

  add_event (store, "Hack", "2021-02", RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_LATE);
  add_event (store, "Report", "2021-04-20", RS_DATE_PRECISION_DAY, RS_DATE_QUALIFIER_NONE);
  add_event (store, "Since", "2020-12", RS_DATE_PRECISION_MONTH, RS_DATE_QUALIFIER_AFTER);

  rs_export_test_options (&options, RS_EXPORT_FORMAT_SVG, RS_EXPORT_CONTENT_TIMELINE);
  bytes = rs_export_test_write (rs_export_timeline_write, rs_case_store_get_case (store), &options);
  path = rs_export_test_save (bytes, "timeline-months.svg");
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int)g_bytes_get_size (bytes), path,
                       "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  for (xmlNode *n = xmlDocGetRootElement (doc)->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && has_class (n, "axis"))
      for (xmlNode *t = n->children; t != NULL; t = t->next)
        if (t->type == XML_ELEMENT_NODE && has_class (t, "tick"))
          g_ptr_array_add (ticks, xmlNodeGetContent (t));
  g_assert_cmpuint (ticks->len, >=, 4);
  g_assert_cmpstr (g_ptr_array_index (ticks, 0), ==, "Jan 2021");
  g_assert_cmpstr (g_ptr_array_index (ticks, 1), ==, "Feb");
  xmlFreeDoc (doc);
}

static void
test_no_events (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("timeline-empty.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  xmlDoc *doc;

  rs_export_test_options (&options, RS_EXPORT_FORMAT_SVG, RS_EXPORT_CONTENT_TIMELINE);
  bytes = rs_export_test_write (rs_export_timeline_write, kase, &options);
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int)g_bytes_get_size (bytes), NULL,
                       "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);

  rs_export_test_options (&options, RS_EXPORT_FORMAT_CSV, RS_EXPORT_CONTENT_TIMELINE);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = rs_export_test_write (rs_export_timeline_write, kase, &options);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"title\""));
}

/* Cancelled: RS_ERROR_CANCELLED in every format; a format the timeline has not: refused. */
static void
test_cancelled (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("timeline-cancel.redstring");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RsExportFormat formats[] = { RS_EXPORT_FORMAT_CSV, RS_EXPORT_FORMAT_SVG, RS_EXPORT_FORMAT_PNG,
                               RS_EXPORT_FORMAT_PDF };
  RsExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      rs_export_test_options (&options, formats[i], RS_EXPORT_CONTENT_TIMELINE);
      g_assert_false (rs_export_timeline_write (rs_case_store_get_case (store), &options, out,
                                                cancellable, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_CANCELLED);
      g_clear_error (&error);
    }

  rs_export_test_options (&options, RS_EXPORT_FORMAT_HTML, RS_EXPORT_CONTENT_TIMELINE);
  g_assert_false (rs_export_timeline_write (rs_case_store_get_case (store), &options, out, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

  g_test_add_func ("/export/timeline/csv", test_csv);
  g_test_add_func ("/export/timeline/svg", test_svg);
  g_test_add_func ("/export/timeline/png", test_png);
  g_test_add_func ("/export/timeline/svg-matches-png", test_svg_matches_png);
  g_test_add_func ("/export/timeline/pdf", test_pdf);
  g_test_add_func ("/export/timeline/month-axis", test_month_axis);
  g_test_add_func ("/export/timeline/no-events", test_no_events);
  g_test_add_func ("/export/timeline/cancelled", test_cancelled);

  return g_test_run ();
}
