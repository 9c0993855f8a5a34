/* rs-export-graphml.c: the board as GraphML (Gephi, yEd, Cytoscape)
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rs-enum-types.h"
#include "rs-entity.h"
#include "rs-export-data.h"
#include "rs-relation.h"

/* Plain GraphML: every reader knows <key>/<data>; yEd's and Gephi's own extensions are
 * left out, so they lay the graph out from x and y (Gephi reads them, yEd keeps them as
 * properties). Positions are the board's: points, y downwards. */

#define FLUSH_AT (64 * 1024)

/* XML 1.0 text and attribute values: markup escaped, characters XML cannot carry
 * dropped (C0 controls but tab, line feed and carriage return, U+FFFE, U+FFFF, lone
 * surrogates, bytes that are not UTF-8). Tab, line feed and carriage return become
 * character references, so neither attribute normalisation nor the parser's line-end
 * handling (CR LF read as LF) changes them. */
static void
append_xml (GString    *s,
            const char *text)
{
  const char *p = text ? text : "";
  const char *end = p + strlen (p);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      switch (c)
        {
        case '<':  g_string_append (s, "&lt;"); break;
        case '>':  g_string_append (s, "&gt;"); break;
        case '&':  g_string_append (s, "&amp;"); break;
        case '"':  g_string_append (s, "&quot;"); break;
        case '\'': g_string_append (s, "&apos;"); break;
        case '\t': g_string_append (s, "&#9;"); break;
        case '\n': g_string_append (s, "&#10;"); break;
        case '\r': g_string_append (s, "&#13;"); break;
        default:
          if ((c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) ||
              (c >= 0x10000 && c <= 0x10ffff))
            g_string_append_len (s, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
}

static void
append_data (GString    *s,
             const char *key,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (s, "      <data key=\"%s\">", key);
  append_xml (s, value);
  g_string_append (s, "</data>\n");
}

static void
append_data_number (GString    *s,
                    const char *key,
                    double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  g_string_append_printf (s, "      <data key=\"%s\">%s</data>\n", key, buf);
}

static const struct
{
  const char *id;
  const char *domain;
  const char *name;
  const char *type;
} keys[] = {
  { "title",     "graph", "title",    "string" },
  { "label",     "node", "label",     "string" },
  { "kind",      "node", "kind",      "string" },
  { "aliases",   "node", "aliases",   "string" },
  { "x",         "node", "x",         "double" },
  { "y",         "node", "y",         "double" },
  { "width",     "node", "width",     "double" },
  { "height",    "node", "height",    "double" },
  { "color",     "node", "color",     "string" },
  { "documents", "node", "documents", "int" },
  { "e_label",     "edge", "label",     "string" },
  { "e_status",    "edge", "status",    "string" },
  { "e_directed",  "edge", "directed",  "boolean" },
  { "e_color",     "edge", "color",     "string" },
  { "e_documents", "edge", "documents", "int" },
};

gboolean
rs_export_graphml_write (RsCase                 *kase,
                         RsBoardScene           *scene,
                         const RsExportOptions  *options,
                         GOutputStream          *out,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(RsBoardStyle) style = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  guint n_nodes, n_edges;

  g_return_val_if_fail (RS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  style = rs_board_style_new (options->dark);
  n_nodes = rs_board_scene_get_n_nodes (scene);
  n_edges = rs_board_scene_get_n_edges (scene);

  g_string_append (s,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_string_append_printf (s, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                            keys[i].id, keys[i].domain, keys[i].name, keys[i].type);
  /* A graph's id is an NMTOKEN (no spaces): the case's title goes in a data key. */
  g_string_append (s, "  <graph id=\"case\" edgedefault=\"directed\">\n");
  if (rs_case_get_title (kase) != NULL && *rs_case_get_title (kase) != '\0')
    {
      g_string_append (s, "    <data key=\"title\">");
      append_xml (s, rs_case_get_title (kase));
      g_string_append (s, "</data>\n");
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const RsBoardNode *node = rs_board_scene_get_node (scene, i);
      g_autofree char *aliases = NULL;
      g_autofree char *color = NULL;

      if (!_rs_export_data_node_drawn (scene, i))
        continue;

      g_string_append_printf (s, "    <node id=\"e%" G_GINT64_FORMAT "\">\n", node->id);
      append_data (s, "label", node->name);
      append_data (s, "kind", rs_enum_to_nick (RS_TYPE_ENTITY_KIND, node->kind));
      if (node->aliases != NULL && node->aliases[0] != NULL)
        {
          aliases = g_strjoinv ("; ", node->aliases);
          append_data (s, "aliases", aliases);
        }
      if (!(node->flags & RS_BOARD_ITEM_UNPLACED))
        {
          append_data_number (s, "x", node->x);
          append_data_number (s, "y", node->y);
        }
      append_data_number (s, "width", node->width);
      append_data_number (s, "height", node->height);
      color = _rs_export_data_color_hex (rs_board_style_get_kind_fill (style, node->kind), 1);
      append_data (s, "color", color);
      g_string_append_printf (s, "      <data key=\"documents\">%u</data>\n", node->n_documents);
      g_string_append (s, "    </node>\n");

      if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
        return FALSE;
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const RsBoardEdge *edge = rs_board_scene_get_edge (scene, i);
      RsRelation *relation;
      RsBoardStroke stroke;
      g_autofree char *color = NULL;

      if (!_rs_export_data_edge_drawn (scene, i))
        continue;

      relation = rs_case_lookup_relation (kase, edge->id);
      rs_board_style_get_status_stroke (style, edge->status, &stroke);
      color = _rs_export_data_color_hex (&stroke.color, 1);
      g_string_append_printf (s, "    <edge id=\"r%" G_GINT64_FORMAT "\" source=\"e%" G_GINT64_FORMAT
                              "\" target=\"e%" G_GINT64_FORMAT "\"%s>\n", edge->id,
                              rs_board_scene_get_node (scene, edge->source)->id,
                              rs_board_scene_get_node (scene, edge->target)->id,
                              edge->directed ? "" : " directed=\"false\"");
      append_data (s, "e_label", relation != NULL ? rs_relation_get_label (relation) : edge->label);
      append_data (s, "e_status", rs_enum_to_nick (RS_TYPE_RELATION_STATUS, edge->status));
      append_data (s, "e_directed", edge->directed ? "true" : "false");
      append_data (s, "e_color", color);
      g_string_append_printf (s, "      <data key=\"e_documents\">%u</data>\n", edge->n_documents);
      g_string_append (s, "    </edge>\n");

      if (!_rs_export_data_flush (s, out, FLUSH_AT, cancellable, error))
        return FALSE;
    }

  g_string_append (s, "  </graph>\n</graphml>\n");
  return _rs_export_data_flush (s, out, 0, cancellable, error);
}
