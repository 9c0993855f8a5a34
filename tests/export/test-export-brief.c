/* test-export-brief.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "rs-error.h"
#include "rs-export-brief.h"
#include "rs-export-test-utils.h"

/* The brief as HTML (one self-contained file where nothing runs and every case text is
 * text) and as PDF (pages on the chosen paper, drawn, readable by poppler). */

/* Every element and attribute the brief may contain: all of them constants of the
 * writer. A case text that became markup would show up as a name outside these lists. */
static const char * const allowed_elements[] = {
  "html", "head", "meta", "title", "style", "body", "header", "footer", "h1", "h2", "h3",
  "section", "article", "p", "span", "blockquote", "a", "figure",
  /* inline SVG: the timeline chart and the board (rs-export-svg.c, with its kind glyphs
   * drawn once in <defs> and placed with <use>) */
  "svg", "defs", "lineargradient", "stop", "rect", "text", "tspan", "g", "line", "circle",
  "path", "use",
  NULL,
};

static const char * const allowed_attributes[] = {
  "charset", "http-equiv", "content", "name", "lang", "class", "href", "rel",
  "xmlns", "width", "height", "viewbox", "id", "x1", "y1", "x2", "y2", "offset",
  "stop-color", "stop-opacity", "x", "y", "rx", "fill", "fill-opacity", "stroke",
  "stroke-width", "stroke-opacity", "font-family", "font-size", "font-weight", "d", "cx",
  "cy", "r", "data-event-id", "data-precision", "ry", "stroke-dasharray", "stroke-linecap",
  "transform", "version", "xlink:href", "xmlns:xlink", "text-decoration", "direction",
  "unicode-bidi",
  /* cairo's glyph drawings; the CSP allows inline styles, never a fetch */
  "style",
  NULL,
};

static gboolean
in_list (const char * const *list,
         const char         *name)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (list[i], name) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  guint n_elements;
  guint n_links;
  guint n_csp;
  guint n_nodes;
} Walk;

static void
check_tree (xmlNode *node,
            Walk    *walk)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      walk->n_elements++;
      if (g_strcmp0 ((const char *)node->name, "g") == 0)
        {
          g_autofree char *klass = (char *)xmlGetProp (node, (const xmlChar *)"class");

          walk->n_nodes += g_strcmp0 (klass, "node") == 0;
        }
      if (!in_list (allowed_elements, (const char *)node->name))
        g_error ("element <%s> is not one the brief writes", node->name);

      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          g_autofree char *value = (char *)xmlNodeGetContent ((xmlNode *)attr);
          g_autofree char *squeezed = NULL;

          if (!in_list (allowed_attributes, (const char *)attr->name))
            g_error ("attribute %s on <%s> is not one the brief writes", attr->name, node->name);
          /* Browsers ignore leading spaces and control characters in a URL. */
          squeezed = g_strstrip (g_ascii_strdown (value ? value : "", -1));
          g_assert_false (g_str_has_prefix (squeezed, "javascript:"));
          g_assert_false (g_str_has_prefix (squeezed, "data:"));
          if (g_ascii_strcasecmp ((const char *)attr->name, "href") == 0 ||
              g_ascii_strcasecmp ((const char *)attr->name, "xlink:href") == 0)
            {
              /* A glyph placed from <defs>, or a link to a source on the web. */
              if (g_ascii_strcasecmp ((const char *)node->name, "use") == 0)
                g_assert_true (g_str_has_prefix (squeezed, "#rs-glyph-"));
              else
                {
                  g_assert_cmpstr ((const char *)node->name, ==, "a");
                  g_assert_true (g_str_has_prefix (squeezed, "https://") ||
                                 g_str_has_prefix (squeezed, "http://"));
                  walk->n_links++;
                }
            }
          /* No fetch from a style either (the CSP would stop it; none is written). */
          if (g_ascii_strcasecmp ((const char *)attr->name, "style") == 0)
            g_assert_null (strstr (squeezed, "url("));
          if (g_ascii_strcasecmp ((const char *)attr->name, "http-equiv") == 0 &&
              g_ascii_strcasecmp (value, "Content-Security-Policy") == 0)
            {
              g_autofree char *csp = (char *)xmlGetProp (node, (const xmlChar *)"content");

              g_assert_cmpstr (csp, ==, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
              walk->n_csp++;
            }
        }
      check_tree (node->children, walk);
    }
}

static RsCaseStore *
open_hostile_case (const char *name)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case (name);
  g_autoptr(GError) error = NULL;

  rs_export_test_add_hostile (store);
  rs_export_test_lay_out (store);
  g_assert_true (rs_case_store_set_info (store, rs_test_hostile_labels[0].label,
                                         rs_test_hostile_labels[1].label, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
test_html_hostile (void)
{
  g_autoptr(RsCaseStore) store = open_hostile_case ("brief-html.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *title_text = NULL;
  const char *html;
  gsize size;
  htmlDocPtr doc;
  Walk walk = { 0 };

  rs_export_test_options (&options, RS_EXPORT_FORMAT_HTML, RS_EXPORT_CONTENT_BRIEF);
  bytes = rs_export_test_write (rs_export_brief_write, kase, &options);
  path = rs_export_test_save (bytes, "brief.html");
  html = g_bytes_get_data (bytes, &size);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_true (g_utf8_validate (html, size, NULL));
  /* Nothing runs and nothing is fetched: no script at all, not even our own. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (g_strstr_len (html, size, "<link"));
  g_assert_null (g_strstr_len (html, size, "src="));

  doc = htmlReadMemory (html, (int)size, path, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (doc);
  check_tree (xmlDocGetRootElement (doc), &walk);
  g_assert_cmpuint (walk.n_csp, ==, 1);
  /* The board as inline SVG: a node group per entity (rs-export-svg.c). */
  g_assert_cmpuint (walk.n_nodes, ==, g_list_model_get_n_items (rs_case_get_entities (kase)));
  g_assert_cmpuint (walk.n_elements, >, 500);
  /* Half the hostile documents have an https address (kept), half javascript: (not). */
  g_assert_cmpuint (walk.n_links, >=, G_N_ELEMENTS (rs_test_hostile_labels) / 2);

  body_text = (char *)xmlNodeGetContent (xmlDocGetRootElement (doc));
  for (guint i = 0; i < G_N_ELEMENTS (rs_test_hostile_labels); i++)
    {
      /* libxml2 keeps a CR LF as it is (a browser reads it as LF: still text). */
      const char *expected = rs_test_hostile_labels[i].label;
      const char *at = body_text;
      guint n = 0;

      /* Entity name, alias, description, relation label, document title, publisher,
       * quote, note, event title and description: each arrives as text. */
      while ((at = strstr (at, expected)) != NULL)
        {
          n++;
          at += strlen (expected);
        }
      if (n < 8)
        g_error ("hostile label %s appears %u times as text, expected at least 8",
                 rs_test_hostile_labels[i].name, n);
    }

  {
    xmlNode *head = xmlDocGetRootElement (doc)->children;

    while (head != NULL && g_strcmp0 ((const char *)head->name, "head") != 0)
      head = head->next;
    g_assert_nonnull (head);
    for (xmlNode *n = head->children; n != NULL; n = n->next)
      if (n->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *)n->name, "title") == 0)
        title_text = (char *)xmlNodeGetContent (n);
    g_assert_cmpstr (title_text, ==, rs_test_hostile_labels[0].label);
  }

  /* The timeline panel's phrases, and the sample's open-ended date. */
  g_assert_nonnull (strstr (body_text, "late Feb 2021"));
  g_assert_nonnull (strstr (body_text, "at least 2009"));
  g_assert_nonnull (strstr (body_text, "Whole case"));
  xmlFreeDoc (doc);
}

static void
test_html_filter (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("brief-filter.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsBoardFilter) filter = rs_board_filter_new ();
  g_autoptr(RsEntity) focus = g_list_model_get_item (rs_case_get_entities (kase), 0);
  g_autoptr(GPtrArray) lines = NULL;
  RsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *focus_line = NULL;
  const char *html;

  rs_board_filter_set_kind_visible (filter, RS_ENTITY_KIND_PERSON, FALSE);
  rs_board_filter_set_status_visible (filter, RS_RELATION_STATUS_REFUTED, FALSE);
  rs_board_filter_set_text (filter, "<b>&");
  rs_board_filter_set_focus_id (filter, rs_entity_get_id (focus));
  rs_board_filter_set_focus_hops (filter, 2);

  rs_export_test_options (&options, RS_EXPORT_FORMAT_HTML, RS_EXPORT_CONTENT_BRIEF);
  options.filter = filter;
  lines = rs_export_brief_describe_filter (kase, &options);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "Kinds hidden: Person");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==,
                   "Relations shown: Alleged, Reported, Confirmed, Disputed");
  /* Case text between directional isolates (U+2068 … U+2069): see bidi below. */
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==, "Names or aliases containing “\u2068<b>&\u2069”");
  focus_line = g_strdup_printf ("Within 2 relations of \u2068%s\u2069", rs_entity_get_name (focus));
  g_assert_cmpstr (g_ptr_array_index (lines, 3), ==, focus_line);

  bytes = rs_export_test_write (rs_export_brief_write, kase, &options);
  html = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (html, "Kinds hidden: Person"));
  g_assert_nonnull (strstr (html, "containing “\u2068&lt;b&gt;&amp;\u2069”"));
  g_assert_null (strstr (html, "Whole case"));
  /* Not laid out: the brief has no figure and says why. */
  g_assert_nonnull (strstr (html, "<p class=\"placeholder\">"));
  g_assert_nonnull (strstr (html, "lay the case out first"));
  g_assert_null (strstr (html, "class=\"node\""));
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return rs_export_test_run (argv);
}

static void
test_pdf (void)
{
  g_autoptr(RsCaseStore) store = open_hostile_case ("brief-pdf.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  RsExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *page1 = NULL;
  guint n_portrait;

  rs_export_test_options (&options, RS_EXPORT_FORMAT_PDF, RS_EXPORT_CONTENT_BRIEF);
  bytes = rs_export_test_write (rs_export_brief_write, kase, &options);
  path = rs_export_test_save (bytes, "brief.pdf");
  n_portrait = rs_export_test_pdf_pages (path);
  g_assert_cmpuint (n_portrait, >=, 5);

  /* The text is text (poppler extracts it), Japanese and right-to-left included. */
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Entities"));
  g_assert_nonnull (strstr (text, "late Feb 2021"));
  g_assert_nonnull (strstr (text, "宇宙航空研究開発機構"));
  g_assert_nonnull (strstr (text, "Главное разведывательное управление"));
  g_assert_nonnull (strstr (text, "<script>alert(\"x\")</script>"));

  /* The first page has the board drawn: well inked. */
  prefix = rs_export_test_output_path ("brief-pdf");
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                           path, prefix, NULL };
    g_autofree char *out = rs_export_test_run (argv);
  }
  page1 = g_strconcat (prefix, ".png", NULL);
  g_assert_cmpfloat (rs_export_test_ink_ratio (page1), >, 0.03);

  /* Landscape A3 holds more a page. */
  options.paper = RS_EXPORT_PAPER_A3;
  options.landscape = TRUE;
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&path, g_free);
  bytes = rs_export_test_write (rs_export_brief_write, kase, &options);
  path = rs_export_test_save (bytes, "brief-a3-landscape.pdf");
  g_assert_cmpuint (rs_export_test_pdf_pages (path), <, n_portrait);
}

/* The pager printing uses: pages drawn on any cairo_t, each with something on it. */
static void
test_pager (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_sample_case ("brief-pager.redstring");
  RsCase *kase = rs_case_store_get_case (store);
  g_autoptr(RsBriefPages) small = NULL;
  g_autoptr(RsBriefPages) large = NULL;
  g_autoptr(GError) error = NULL;
  RsExportOptions options;

  rs_export_test_options (&options, RS_EXPORT_FORMAT_PDF, RS_EXPORT_CONTENT_BRIEF);
  small = rs_export_brief_paginate (kase, &options, 420, 595, &error);
  g_assert_no_error (error);
  large = rs_export_brief_paginate (kase, &options, 842, 1191, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_brief_pages_get_n_pages (small), >, rs_brief_pages_get_n_pages (large));

  for (guint page = 0; page < rs_brief_pages_get_n_pages (small); page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, width, height;

      rs_brief_pages_draw_page (small, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
      /* Inside the page, and more than the footer. */
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x + width, <=, 420 + 0.5);
      g_assert_cmpfloat (y + height, <=, 595);
      g_assert_cmpfloat (height, >, 100);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  g_assert_null (rs_export_brief_paginate (kase, &options, 10, 10, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT);
}

/* An empty case has a brief too; a cancelled export stops with RS_ERROR_CANCELLED. */
static void
test_empty_and_cancelled (void)
{
  g_autoptr(RsCaseStore) store = rs_test_open_new_case ("brief-empty.redstring");
  g_autoptr(RsCaseStore) sample = rs_test_open_sample_case ("brief-cancel.redstring");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RsExportFormat formats[] = { RS_EXPORT_FORMAT_HTML, RS_EXPORT_FORMAT_PDF };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      RsExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;

      rs_export_test_options (&options, formats[i], RS_EXPORT_CONTENT_BRIEF);
      bytes = rs_export_test_write (rs_export_brief_write, rs_case_store_get_case (store), &options);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 500);
      if (formats[i] == RS_EXPORT_FORMAT_HTML)
        g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), -1, "No events."));

      g_cancellable_cancel (cancellable);
      g_assert_false (rs_export_brief_write (rs_case_store_get_case (sample), &options, out,
                                             cancellable, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_CANCELLED);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rs_test_init_resources ();

  g_test_add_func ("/export/brief/html/hostile", test_html_hostile);
  g_test_add_func ("/export/brief/html/filter", test_html_filter);
  g_test_add_func ("/export/brief/pdf", test_pdf);
  g_test_add_func ("/export/brief/pager", test_pager);
  g_test_add_func ("/export/brief/empty-and-cancelled", test_empty_and_cancelled);

  return g_test_run ();
}
