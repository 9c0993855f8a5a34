/* rs-export-test-utils.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers for the timeline and brief export tests: writing an export to memory,
 * keeping the files for a person to look at (RS_TEST_KEEP_OUTPUT=DIR), running a
 * program, and telling a rendered picture from a blank one.
 */

#pragma once

#include <string.h>

#include <cairo.h>
#include <gio/gio.h>

#include "rs-export.h"

static inline void
rs_export_test_options (RsExportOptions *options,
                        RsExportFormat   format,
                        RsExportContent  content)
{
  /* Every field set here: the shared rs_export_options_init lives with the dispatch. */
  memset (options, 0, sizeof *options);
  options->format = format;
  options->content = content;
  options->legend = TRUE;
  options->scale = 2 * 96.0 / 72.0;
  options->paper = RS_EXPORT_PAPER_A4;
  options->fit_to_page = TRUE;
}

typedef gboolean (*RsExportTestWriter) (RsCase *, const RsExportOptions *, GOutputStream *,
                                        GCancellable *, GError **);

static inline GBytes *
rs_export_test_write (RsExportTestWriter     writer,
                      RsCase                *kase,
                      const RsExportOptions *options)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (writer (kase, options, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* Where the rendered files go: RS_TEST_KEEP_OUTPUT (printed, kept) or a temp dir. */
static inline char *
rs_export_test_output_path (const char *name)
{
  const char *keep = g_getenv ("RS_TEST_KEEP_OUTPUT");
  static char *temp_dir;

  if (keep != NULL && *keep != '\0')
    {
      g_autofree char *path = g_build_filename (keep, name, NULL);

      g_mkdir_with_parents (keep, 0755);
      g_test_message ("kept: %s", path);
      return g_steal_pointer (&path);
    }
  if (temp_dir == NULL)
    temp_dir = g_dir_make_tmp ("rs-export-test-XXXXXX", NULL);
  return g_build_filename (temp_dir, name, NULL);
}

static inline char *
rs_export_test_save (GBytes     *bytes,
                     const char *name)
{
  char *path = rs_export_test_output_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

/* argv run to completion; its standard output, the exit status asserted 0. */
static inline char *
rs_export_test_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* The share of pixels (0..1) that differ from the top-left pixel (the background) by
 * more than a little in any channel. */
static inline double
rs_export_test_ink_ratio (const char *png_path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png_path);
  int width, height, stride;
  const guint8 *data;
  guint32 background;
  guint64 ink = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  background = *(const guint32 *)data;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(const guint32 *)(data + y * stride + x * 4);

        for (int shift = 0; shift < 32; shift += 8)
          if (ABS ((int)((p >> shift) & 0xff) - (int)((background >> shift) & 0xff)) > 24)
            {
              ink++;
              break;
            }
      }
  cairo_surface_destroy (surface);
  return (double)ink / ((double)width * height);
}

/* The hostile labels on every kind of text a case holds: entity names and aliases,
 * relation labels, document titles and publishers, quotes, notes, event titles and
 * descriptions. Each label i gets an entity "label", a relation "label" from it to
 * the first sample entity, a document titled "label" quoting it (evidence on the
 * entity), a note "label" and an event "label" dated 2010+i. */
#include "rs-case-store.h"
#include "rs-test-hostile-labels.h"
#include "rs-test-utils.h"

static inline void G_GNUC_UNUSED
rs_export_test_add_hostile (RsCaseStore *store)
{
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsEntity) anchor = g_list_model_get_item (rs_case_get_entities (kase), 0);

  for (guint i = 0; i < G_N_ELEMENTS (rs_test_hostile_labels); i++)
    {
      const char *label = rs_test_hostile_labels[i].label;
      g_autoptr(GError) error = NULL;
      g_autoptr(RsRelation) relation = rs_relation_new (0);
      g_autoptr(RsDocument) document = rs_document_new (0);
      g_autoptr(RsQuote) quote = rs_quote_new (0);
      g_autoptr(RsEvidence) evidence = rs_evidence_new (0);
      g_autoptr(RsNote) note = rs_note_new (0);
      g_autoptr(RsEvent) event = rs_event_new (0);
      g_autoptr(RsFuzzyDate) date = NULL;
      g_autofree char *text = g_strdup_printf ("Quote: %s", label);
      g_autofree char *year = g_strdup_printf ("%u", 2010 + i);
      const char *aliases[] = { label, NULL };
      RsDocument *stored_document;
      RsQuote *stored_quote;
      RsEntity *entity;
      gint64 entity_id;

      entity = rs_test_add_entity (store, RS_ENTITY_KIND_GROUP, label);
      entity_id = rs_entity_get_id (entity);
      g_assert_true (rs_case_store_update_entity (store, entity_id, RS_ENTITY_KIND_GROUP, label,
                                                  aliases, label, &error));
      g_assert_no_error (error);

      rs_relation_set_source_id (relation, entity_id);
      rs_relation_set_target_id (relation, rs_entity_get_id (anchor));
      rs_relation_set_label (relation, label);
      g_assert_nonnull (rs_case_store_add_relation (store, relation, &error));
      g_assert_no_error (error);

      rs_document_set_title (document, label);
      rs_document_set_publisher (document, label);
      /* A link only a browser would run: never an href in the brief. */
      rs_document_set_url (document, i % 2 ? "javascript:alert(1)" : "https://example.org/a?b=1&c=\"2\"");
      rs_document_set_text (document, text);
      stored_document = rs_case_store_add_document (store, document, &error);
      g_assert_no_error (error);

      rs_quote_set_document_id (quote, rs_document_get_id (stored_document));
      rs_quote_set_start (quote, 7);
      rs_quote_set_end (quote, g_utf8_strlen (text, -1));
      stored_quote = rs_case_store_add_quote (store, quote, &error);
      g_assert_no_error (error);

      rs_evidence_set_quote_id (evidence, rs_quote_get_id (stored_quote));
      rs_evidence_set_target (evidence, RS_TARGET_ENTITY);
      rs_evidence_set_target_id (evidence, entity_id);
      g_assert_nonnull (rs_case_store_add_evidence (store, evidence, &error));
      g_assert_no_error (error);

      rs_note_set_target (note, RS_TARGET_ENTITY);
      rs_note_set_target_id (note, entity_id);
      rs_note_set_body (note, label);
      g_assert_nonnull (rs_case_store_add_note (store, note, &error));
      g_assert_no_error (error);

      date = rs_fuzzy_date_parse (year, NULL, RS_DATE_PRECISION_YEAR, RS_DATE_QUALIFIER_NONE, &error);
      g_assert_no_error (error);
      rs_event_set_title (event, label);
      rs_event_set_description (event, label);
      rs_event_set_date (event, date);
      rs_event_set_entity_ids (event, &entity_id, 1);
      g_assert_nonnull (rs_case_store_add_event (store, event, &error));
      g_assert_no_error (error);
    }
}

/* The number of pages pdfinfo (poppler) reads in the PDF at path. */
static inline guint G_GNUC_UNUSED
rs_export_test_pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = rs_export_test_run (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  pages += strlen ("\nPages:");
  while (*pages == ' ')
    pages++;
  return (guint)g_ascii_strtoull (pages, NULL, 10);
}

/* Lays the case out as the board would (Graphviz, node sizes from the board style) and
 * stores the positions: the sample case comes without them. */
#include "rs-graph-layout.h"

static inline void G_GNUC_UNUSED
rs_export_test_lay_out (RsCaseStore *store)
{
  RsCase *kase = rs_case_store_get_case (store);
  GListModel *entities = rs_case_get_entities (kase);
  GListModel *relations = rs_case_get_relations (kase);
  g_autoptr(RsBoardStyle) style = rs_board_style_new (FALSE);
  g_autoptr(RsLayoutRequest) request = rs_layout_request_new (RS_LAYOUT_ENGINE_AUTO);
  g_autoptr(RsLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (RsNodePlacement));
  g_autoptr(GArray) edges = g_array_new (FALSE, TRUE, sizeof (RsEdgePlacement));
  g_autoptr(GPtrArray) routes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      double width, height;

      rs_board_style_measure_node (style, rs_entity_get_kind (entity), rs_entity_get_name (entity),
                                   &width, &height);
      rs_layout_request_add_node (request, rs_entity_get_id (entity), width, height, FALSE, 0, 0);
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RsRelation) relation = g_list_model_get_item (relations, i);
      double width = 0, height = 0;

      if (rs_relation_get_label (relation) != NULL && *rs_relation_get_label (relation) != '\0')
        rs_board_style_measure_text (style, RS_BOARD_FONT_EDGE, rs_relation_get_label (relation),
                                     RS_BOARD_EDGE_MAX_TEXT, 2, &width, &height);
      rs_layout_request_add_edge (request, rs_relation_get_id (relation),
                                  rs_relation_get_source_id (relation),
                                  rs_relation_get_target_id (relation), width, height,
                                  rs_relation_get_directed (relation));
    }

  result = rs_graph_layout_run (request, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < rs_layout_result_get_n_nodes (result); i++)
    {
      RsNodePlacement node = { 0 };

      rs_layout_result_get_node (result, i, &node.entity_id, &node.x, &node.y, NULL, NULL);
      g_array_append_val (nodes, node);
    }
  for (guint i = 0; i < rs_layout_result_get_n_edges (result); i++)
    {
      RsEdgePlacement edge = { 0 };
      char *route = rs_layout_result_dup_route (result, i);

      g_ptr_array_add (routes, route);
      edge.relation_id = rs_layout_result_get_edge_id (result, i);
      edge.route = route;
      edge.has_label_position = rs_layout_result_get_edge_label (result, i, &edge.label_x, &edge.label_y);
      g_array_append_val (edges, edge);
    }
  g_assert_true (rs_case_store_set_board (store, (RsNodePlacement *)nodes->data, nodes->len,
                                          (RsEdgePlacement *)edges->data, edges->len, &error));
  g_assert_no_error (error);
}

/* The share of pixels (0..1) where two PNGs of the same size differ by more than
 * `tolerance` in a colour channel (compared over their common area). */
static inline double G_GNUC_UNUSED
rs_export_test_diff_ratio (const char *a_path,
                           const char *b_path,
                           int         tolerance)
{
  cairo_surface_t *a = cairo_image_surface_create_from_png (a_path);
  cairo_surface_t *b = cairo_image_surface_create_from_png (b_path);
  int width, height;
  guint64 differ = 0;

  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  width = MIN (cairo_image_surface_get_width (a), cairo_image_surface_get_width (b));
  height = MIN (cairo_image_surface_get_height (a), cairo_image_surface_get_height (b));
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa = *(const guint32 *)(cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a) + x * 4);
        guint32 pb = *(const guint32 *)(cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b) + x * 4);

        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int)((pa >> shift) & 0xff) - (int)((pb >> shift) & 0xff)) > tolerance)
            {
              differ++;
              break;
            }
      }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return (double)differ / ((double)width * height);
}

/* Where two PNGs paint one colour (within 40 a channel, opaque): the share of those
 * pixels that only one of them paints, |A xor B| / |A or B|. Insensitive to how text is
 * rasterised, sensitive to where shapes of that colour are. */
static inline double G_GNUC_UNUSED
rs_export_test_color_mismatch (const char         *a_path,
                               const char         *b_path,
                               const RsBoardColor *color)
{
  cairo_surface_t *surfaces[2] = {
    cairo_image_surface_create_from_png (a_path),
    cairo_image_surface_create_from_png (b_path),
  };
  int r = (int)(color->red * 255), g = (int)(color->green * 255), b = (int)(color->blue * 255);
  int width, height;
  guint64 either = 0, one = 0;

  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (cairo_surface_status (surfaces[i]), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surfaces[i]);
    }
  width = MIN (cairo_image_surface_get_width (surfaces[0]), cairo_image_surface_get_width (surfaces[1]));
  height = MIN (cairo_image_surface_get_height (surfaces[0]), cairo_image_surface_get_height (surfaces[1]));

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gboolean in[2];

        for (guint i = 0; i < 2; i++)
          {
            guint32 p = *(const guint32 *)(cairo_image_surface_get_data (surfaces[i]) +
                                           y * cairo_image_surface_get_stride (surfaces[i]) + x * 4);

            /* An opaque PNG loads as RGB24, whose top byte means nothing. */
            in[i] = (cairo_image_surface_get_format (surfaces[i]) == CAIRO_FORMAT_RGB24 || (p >> 24) == 0xff) &&
                    ABS ((int)((p >> 16) & 0xff) - r) <= 40 &&
                    ABS ((int)((p >> 8) & 0xff) - g) <= 40 &&
                    ABS ((int)(p & 0xff) - b) <= 40;
          }
        either += in[0] || in[1];
        one += in[0] != in[1];
      }
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
  g_assert_cmpuint (either, >, 0);
  return (double)one / (double)either;
}
