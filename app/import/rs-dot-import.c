/* rs-dot-import.c: Graphviz DOT files read with cgraph
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-dot-import"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <graphviz/cgraph.h>

#include "rs-dot-import.h"
#include "rs-enum-types.h"
#include "rs-error.h"

/* cgraph parses; this file turns what it parsed into text Redstring can hold: every
 * string converted to UTF-8 (charset=latin1 files exist), labels read as Graphviz
 * draws them (\N is the node's name, HTML-like labels give their text, record labels
 * their fields), subgraphs and clusters flattened (their nodes are the graph's), pos
 * in points with y turned downwards.
 *
 * cgraph reports through one process-wide error function: while a file is parsed it
 * is ours, under our lock, and messages from other threads are dropped, so nothing
 * reaches stderr. (app/layout runs Graphviz under its own lock; cgraph's parser is
 * not used there.) */

struct _RsDotGraph
{
  char       *name;
  GArray     *nodes;           /* RsDotNode */
  GArray     *edges;           /* RsDotEdge */
  guint       n_loops;
  const char *encoding;
};

/* Exported by libcgraph but not in its header: flex's yylex_destroy() for cgraph's
 * scanner, which puts all its state back as new. Without it, what followed a graph in
 * the text (a newline, another graph, junk) stays in the scanner's buffer and is read
 * at the start of the next file, and after some syntax errors the scanner starts the
 * next file in the state it stopped in (the same bytes then fail elsewhere). */
extern int aaglex_destroy (void);

static GMutex   parse_lock;
/* Under parse_lock */
static GString *parse_messages;
static GThread *parse_thread;

static int
collect_message (char *message)
{
  if (parse_messages != NULL && g_thread_self () == parse_thread)
    g_string_append (parse_messages, message);
  return 0;
}

static void
node_clear (gpointer data)
{
  RsDotNode *node = data;

  g_free (node->name);
  g_free (node->label);
}

static void
edge_clear (gpointer data)
{
  RsDotEdge *edge = data;

  g_free (edge->label);
}

void
rs_dot_graph_free (RsDotGraph *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_free (self);
}

static gboolean
invalid (GError    **error,
         const char *name,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError    **error,
         const char *name,
         const char *format,
         ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  if (name != NULL)
    g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("“%s” is not a Graphviz DOT file: %s"),
                 name, why);
  else
    g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT, _("Not a Graphviz DOT file: %s"), why);
  return FALSE;
}

/* Text --------------------------------------------------------------------- */

typedef struct
{
  const char *file_name;
  gboolean    latin1;
  char       *graph_name;      /* UTF-8 */
} Reader;

/* A string of the file in UTF-8, control characters but tab, line feed and carriage
 * return as spaces;
 * NULL and an error when it is not UTF-8 and the graph did not say it is Latin-1. */
static char *
to_utf8 (Reader      *reader,
         const char  *raw,
         GError     **error)
{
  char *text;

  if (raw == NULL)
    return g_strdup ("");
  if (reader->latin1)
    text = g_convert (raw, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  else if (g_utf8_validate (raw, -1, NULL))
    text = g_strdup (raw);
  else
    {
      invalid (error, reader->file_name,
               _("its text is not UTF-8 (a Latin-1 file says so with charset=latin1)"));
      return NULL;
    }
  if (text == NULL)
    {
      invalid (error, reader->file_name, _("its text could not be read as Latin-1"));
      return NULL;
    }
  for (char *p = text; *p != '\0'; p++)
    if (((guchar) *p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r') || *p == 0x7f)
      *p = ' ';
  return text;
}

/* "&amp;", "&lt;", "&#233;", "&#xE9;" and a few more, as Graphviz reads them in labels;
 * anything else is left as written. */
static void
append_entity_decoded (GString    *out,
                       const char *text)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
    { "nbsp", "\u00a0" }, { "copy", "©" }, { "reg", "®" }, { "mdash", "—" }, { "ndash", "–" },
    { "hellip", "…" }, { "laquo", "«" }, { "raquo", "»" }, { "deg", "°" },
  };

  for (const char *p = text; *p != '\0';)
    {
      const char *semi;

      if (*p != '&' || (semi = strchr (p, ';')) == NULL || semi - p > 10)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (p[1] == '#')
        {
          gboolean hex = p[2] == 'x' || p[2] == 'X';
          const char *digits = p + (hex ? 3 : 2);
          char *end = NULL;
          guint64 c = g_ascii_strtoull (digits, &end, hex ? 16 : 10);

          if (end == semi && end != digits && c > 0 && g_unichar_validate ((gunichar) c) &&
              c <= 0x10ffff && (c >= 0x20 || c == '\n' || c == '\t'))
            {
              g_string_append_unichar (out, (gunichar) c);
              p = semi + 1;
              continue;
            }
        }
      else
        {
          gboolean found = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (named); i++)
            if ((gsize) (semi - p - 1) == strlen (named[i].name) &&
                strncmp (p + 1, named[i].name, semi - p - 1) == 0)
              {
                g_string_append (out, named[i].text);
                p = semi + 1;
                found = TRUE;
                break;
              }
          if (found)
            continue;
        }
      g_string_append_c (out, *p++);
    }
}

typedef struct
{
  const char *object;          /* \N, or \E for an edge */
  const char *tail;            /* \T, edges only */
  const char *head;            /* \H */
} Escapes;

/* An escString as Graphviz draws it: \N, \G, \E, \T, \H replaced, \n, \l and \r line
 * breaks, any other backslash drops itself; then entities. */
static char *
read_esc_string (Reader        *reader,
                 const char    *text,
                 const Escapes *escapes)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (s, *p);
          continue;
        }
      switch (*++p)
        {
        case '\0': p--; break;
        case 'N':  g_string_append (s, escapes->object ? escapes->object : ""); break;
        case 'E':  g_string_append (s, escapes->tail ? escapes->object : ""); break;
        case 'T':  g_string_append (s, escapes->tail ? escapes->tail : ""); break;
        case 'H':  g_string_append (s, escapes->head ? escapes->head : ""); break;
        case 'G':  g_string_append (s, reader->graph_name); break;
        case 'L':  break;
        case 'n':
        case 'l':
        case 'r':  g_string_append_c (s, '\n'); break;
        default:   g_string_append_c (s, *p); break;
        }
    }
  append_entity_decoded (out, s->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Runs of white space as one space, none at the ends. */
static char *
collapse_space (const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_c (s, *p);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* An HTML-like label's text: tags out (cells and line breaks part words), entities
 * decoded, white space collapsed. */
static char *
read_html_label (const char *html)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) decoded = g_string_new (NULL);

  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            break;
          g_string_append_c (s, ' ');
          p = end;
          continue;
        }
      g_string_append_c (s, *p);
    }
  append_entity_decoded (decoded, s->str);
  return collapse_space (decoded->str);
}

/* A record label's fields ("<f0> left|{ b | c }") joined by spaces, ports out; the
 * escapes it does not use (\n, \N) are left for read_esc_string(). */
static char *
read_record_label (const char *label)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          if (p[1] != '\0' && strchr ("{}|<> ", p[1]) != NULL)
            g_string_append_c (s, *++p);
          else if (p[1] != '\0')
            {
              g_string_append_c (s, *p++);
              g_string_append_c (s, *p);
            }
          break;
        case '{':
        case '}':
        case '|':
          g_string_append_c (s, ' ');
          break;
        case '<':
          while (p[1] != '\0' && p[1] != '>')
            p++;
          if (p[1] == '>')
            p++;
          g_string_append_c (s, ' ');
          break;
        default:
          g_string_append_c (s, *p);
          break;
        }
    }
  return collapse_space (s->str);
}

static const char *
get_attr (void       *object,
          const char *name)
{
  /* agget() takes `char *`; it returns NULL for an attribute the graph never declared. */
  return agget (object, (char *) name);
}

/* The text a label attribute shows, in UTF-8; NULL with an error for bad bytes. */
static char *
read_label (Reader        *reader,
            void          *object,
            gboolean       record,
            const Escapes *escapes,
            GError       **error)
{
  char *raw = agget (object, (char *) "label");
  g_autofree char *utf8 = NULL;

  if (raw == NULL || *raw == '\0')
    return g_strdup ("");
  if (aghtmlstr (raw))
    {
      if (!(utf8 = to_utf8 (reader, raw, error)))
        return NULL;
      return read_html_label (utf8);
    }
  if (!(utf8 = to_utf8 (reader, raw, error)))
    return NULL;
  if (record)
    {
      g_autofree char *fields = read_record_label (utf8);

      return read_esc_string (reader, fields, escapes);
    }
  return read_esc_string (reader, utf8, escapes);
}

/* Our own exports say "kind"; other files hint with a shape Redstring draws for a kind
 * (rs_board_style_get_kind_shape()). Plain boxes and ellipses say nothing. */
static RsEntityKind
read_kind (void *node)
{
  static const struct { const char *shape; RsEntityKind kind; } shapes[] = {
    { "hexagon", RS_ENTITY_KIND_GROUP },
    { "cylinder", RS_ENTITY_KIND_INFRASTRUCTURE },
    { "octagon", RS_ENTITY_KIND_MALWARE },
    { "parallelogram", RS_ENTITY_KIND_VULNERABILITY },
    { "invhouse", RS_ENTITY_KIND_LOCATION },
    { "tab", RS_ENTITY_KIND_EVENT },
    { "cds", RS_ENTITY_KIND_TECHNIQUE },
    { "trapezium", RS_ENTITY_KIND_TOOL },
    { "house", RS_ENTITY_KIND_CAMPAIGN },
  };
  const char *kind = get_attr (node, "kind");
  const char *shape = get_attr (node, "shape");
  int value;

  if (kind != NULL && rs_enum_from_nick (RS_TYPE_ENTITY_KIND, kind, &value))
    return value;
  for (guint i = 0; shape != NULL && i < G_N_ELEMENTS (shapes); i++)
    if (g_ascii_strcasecmp (shape, shapes[i].shape) == 0)
      return shapes[i].kind;
  return RS_ENTITY_KIND_OTHER;
}

static gboolean
read_point (const char *text,
            double     *x,
            double     *y)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *x = g_ascii_strtod (text, &end);
  if (end == text || *end != ',')
    return FALSE;
  text = end + 1;
  *y = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  /* Nothing a board could hold beyond a few million points. */
  return isfinite (*x) && isfinite (*y) && fabs (*x) < 1e7 && fabs (*y) < 1e7;
}

static gboolean
is_record (void *node)
{
  const char *shape = get_attr (node, "shape");

  return shape != NULL && (g_ascii_strcasecmp (shape, "record") == 0 ||
                           g_ascii_strcasecmp (shape, "Mrecord") == 0);
}

static gboolean
is_latin1 (const char *charset)
{
  static const char * const names[] = {
    "latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100",
  };

  for (guint i = 0; charset != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (charset, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The graph ------------------------------------------------------------------ */

static RsDotGraph *
convert_graph (Agraph_t    *graph,
               const char  *file_name,
               GError     **error)
{
  g_autoptr(RsDotGraph) self = g_new0 (RsDotGraph, 1);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autofree char *graph_name = NULL;
  Reader reader = { file_name, is_latin1 (get_attr (graph, "charset")), NULL };
  double bb[4];
  gboolean have_bb = FALSE, any_position = FALSE;
  double top = -G_MAXDOUBLE, left = 0;
  gboolean directed = agisdirected (graph);
  const char *raw_name = agnameof (graph);

  self->nodes = g_array_new (FALSE, TRUE, sizeof (RsDotNode));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (RsDotEdge));
  g_array_set_clear_func (self->edges, edge_clear);
  self->encoding = reader.latin1 ? "ISO-8859-1" : "UTF-8";

  if (agnnodes (graph) > RS_DOT_MAX_NODES)
    {
      invalid (error, file_name, _("it has %d nodes, more than the %d Redstring imports"),
               agnnodes (graph), RS_DOT_MAX_NODES);
      return NULL;
    }
  if (agnedges (graph) > RS_DOT_MAX_EDGES)
    {
      invalid (error, file_name, _("it has %d edges, more than the %d Redstring imports"),
               agnedges (graph), RS_DOT_MAX_EDGES);
      return NULL;
    }

  /* cgraph names an anonymous graph "%1". */
  if (raw_name == NULL || raw_name[0] == '%')
    graph_name = g_strdup ("");
  else if (!(graph_name = to_utf8 (&reader, raw_name, error)))
    return NULL;
  reader.graph_name = graph_name;
  self->name = g_strdup (graph_name);

  {
    const char *text = get_attr (graph, "bb");

    if (text != NULL && sscanf (text, "%lf,%lf,%lf,%lf", &bb[0], &bb[1], &bb[2], &bb[3]) == 4 &&
        isfinite (bb[0]) && isfinite (bb[3]) && fabs (bb[0]) < 1e7 && fabs (bb[3]) < 1e7)
      {
        have_bb = TRUE;
        left = bb[0];
        top = MAX (bb[1], bb[3]);
      }
  }

  for (Agnode_t *n = agfstnode (graph); n != NULL; n = agnxtnode (graph, n))
    {
      RsDotNode node = { 0 };
      g_autofree char *label = NULL;
      Escapes escapes = { NULL, NULL, NULL };

      /* cgraph keeps no name that begins with "%" (its own anonymous ids, which
       * change from one read to the next): such a node gets a name by its place. */
      if (agnameof (n) == NULL || agnameof (n)[0] == '%')
        node.name = g_strdup_printf (_("node %u"), self->nodes->len + 1);
      else if (!(node.name = to_utf8 (&reader, agnameof (n), error)))
        return NULL;
      escapes.object = node.name;
      if (!(label = read_label (&reader, n, is_record (n), &escapes, error)))
        {
          g_free (node.name);
          return NULL;
        }
      /* Names are stripped, as the app does; a blank label shows the node's name. */
      g_strstrip (label);
      node.label = *label != '\0' ? g_steal_pointer (&label) : g_strstrip (g_strdup (node.name));
      if (*node.label == '\0')
        {
          g_free (node.label);
          node.label = g_strdup ("?");
        }
      node.kind = read_kind (n);
      node.has_position = read_point (get_attr (n, "pos"), &node.x, &node.y);
      if (node.has_position && !have_bb)
        top = MAX (top, node.y);
      any_position |= node.has_position;

      g_hash_table_insert (index, n, GUINT_TO_POINTER (self->nodes->len));
      g_array_append_val (self->nodes, node);
    }

  /* Graphviz's y grows upwards, the board's downwards: flipped about the top. */
  if (any_position)
    for (guint i = 0; i < self->nodes->len; i++)
      {
        RsDotNode *node = &g_array_index (self->nodes, RsDotNode, i);

        if (!node->has_position)
          continue;
        node->x -= left;
        node->y = top - node->y;
      }

  for (Agnode_t *n = agfstnode (graph); n != NULL; n = agnxtnode (graph, n))
    for (Agedge_t *e = agfstout (graph, n); e != NULL; e = agnxtout (graph, e))
      {
        RsDotEdge edge = { 0 };
        const RsDotNode *tail, *head;
        g_autofree char *object = NULL;
        const char *dir = get_attr (e, "dir");
        const char *status = get_attr (e, "status");
        Escapes escapes;
        int value;

        edge.source = GPOINTER_TO_UINT (g_hash_table_lookup (index, agtail (e)));
        edge.target = GPOINTER_TO_UINT (g_hash_table_lookup (index, aghead (e)));
        if (edge.source == edge.target)
          {
            self->n_loops++;
            continue;
          }
        tail = &g_array_index (self->nodes, RsDotNode, edge.source);
        head = &g_array_index (self->nodes, RsDotNode, edge.target);
        object = g_strdup_printf ("%s%s%s", tail->name, directed ? "->" : "--", head->name);
        escapes = (Escapes) { object, tail->name, head->name };
        if (!(edge.label = read_label (&reader, e, FALSE, &escapes, error)))
          return NULL;
        edge.directed = directed && g_strcmp0 (dir, "none") != 0;
        edge.status = status != NULL && rs_enum_from_nick (RS_TYPE_RELATION_STATUS, status, &value)
                      ? value : RS_RELATION_STATUS_ALLEGED;
        g_array_append_val (self->edges, edge);
      }

  return g_steal_pointer (&self);
}

/* "Error: syntax error in line 3 near '}'\n" → "syntax error in line 3 near '}'". */
static char *
first_message (const char *messages)
{
  g_auto(GStrv) lines = g_strsplit (messages, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (g_str_has_prefix (line, "Error:"))
        line = g_strstrip (line + strlen ("Error:"));
      /* The name given to agsetfile(). */
      if (g_str_has_prefix (line, "dot:"))
        line = g_strstrip (line + strlen ("dot:"));
      if (*line != '\0' && g_utf8_validate (line, -1, NULL))
        return g_strdup (line);
      if (*line != '\0')
        return g_utf8_make_valid (line, -1);
    }
  return NULL;
}

RsDotGraph *
rs_dot_graph_read_bytes (GBytes      *bytes,
                         const char  *name,
                         GError     **error)
{
  gsize size = 0;
  const char *data;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  RsDotGraph *result = NULL;
  Agraph_t *graph;
  agusererrf old_errf;
  agerrlevel_t old_level;
  gsize start = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > RS_DOT_MAX_BYTES)
    {
      invalid (error, name, _("it is larger than the %d MB Redstring imports"),
               RS_DOT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (size == 0 || data == NULL)
    {
      invalid (error, name, _("it is empty"));
      return NULL;
    }
  if (memchr (data, '\0', size) != NULL)
    {
      invalid (error, name, _("it holds binary data"));
      return NULL;
    }
  /* A byte order mark, which cgraph's scanner does not expect. */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  text = g_strndup (data + start, size - start);

  g_mutex_lock (&parse_lock);
  parse_messages = g_string_new (NULL);
  parse_thread = g_thread_self ();
  old_errf = agseterrf (collect_message);
  old_level = agseterr (AGERR);

  /* Also sets cgraph's line count back to 1: it otherwise runs on from the last file. */
  agsetfile ((char *) "dot");
  aaglex_destroy ();
  graph = agmemread (text);
  aaglex_destroy ();
  if (graph == NULL)
    {
      message = first_message (parse_messages->str);
      invalid (error, name, "%s", message != NULL ? message : _("no graph in it"));
    }
  else
    {
      result = convert_graph (graph, name, error);
      agclose (graph);
    }

  agseterr (old_level);
  agseterrf (old_errf);
  g_string_free (g_steal_pointer (&parse_messages), TRUE);
  parse_thread = NULL;
  g_mutex_unlock (&parse_lock);

  return result;
}

RsDotGraph *
rs_dot_graph_read_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  /* Refused before it is read into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > RS_DOT_MAX_BYTES)
    {
      invalid (error, name, _("it is larger than the %d MB Redstring imports"),
               RS_DOT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, error)))
    return NULL;
  return rs_dot_graph_read_bytes (bytes, name, error);
}

const char *
rs_dot_graph_get_name (RsDotGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

guint
rs_dot_graph_get_n_nodes (RsDotGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->nodes->len;
}

const RsDotNode *
rs_dot_graph_get_node (RsDotGraph *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return &g_array_index (self->nodes, RsDotNode, index);
}

guint
rs_dot_graph_get_n_edges (RsDotGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->edges->len;
}

const RsDotEdge *
rs_dot_graph_get_edge (RsDotGraph *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);
  return &g_array_index (self->edges, RsDotEdge, index);
}

guint
rs_dot_graph_get_n_loops (RsDotGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_loops;
}

const char *
rs_dot_graph_get_encoding (RsDotGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}
