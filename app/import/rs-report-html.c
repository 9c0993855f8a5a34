/* rs-report-html.c: HTML reports, through libxml2's HTML parser
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-report-html"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "rs-error.h"
#include "rs-report-private.h"

/* The text a reader sees, in document order: what scripts, styles and the head
 * hold is dropped; block elements end paragraphs and <br> ends a line; within a
 * block any run of white space is one space (as a browser shows it), except in
 * <pre>. libxml2 decodes entities. Metadata comes from the head (Open Graph and the
 * usual <meta> names, <link rel=canonical>); the title is og:title, else <title>,
 * else the first <h1>.
 *
 * Bytes: a document that declares a charset other than UTF-8 (<meta charset>, or
 * http-equiv) is decoded by libxml2 from that declaration; any other is decoded as
 * plain text is (BOM, UTF-8, else Windows-1252, see rs-report-decode.c), so that
 * undecodable bytes are counted the same way. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct
{
  GString  *out;
  guint     pending_break;  /* line ends owed before the next text: 0, 1 or 2 */
  gboolean  pending_space;
  guint     pre_depth;

  char     *title;
  char     *og_title;
  char     *h1;
  char     *author;
  char     *publisher;
  char     *published;
  guint     published_rank;
  char     *url;
  char     *og_url;
} Extract;

static void
extract_clear (Extract *x)
{
  if (x->out)
    g_string_free (x->out, TRUE);
  g_free (x->title);
  g_free (x->og_title);
  g_free (x->h1);
  g_free (x->author);
  g_free (x->publisher);
  g_free (x->published);
  g_free (x->url);
  g_free (x->og_url);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Extract, extract_clear)

static gboolean
name_in (const xmlChar      *name,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *)name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Their content is not text a reader sees. */
static const char * const skipped[] = {
  "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
  "canvas", "select", NULL
};

/* Each ends a paragraph. */
static const char * const paragraph_blocks[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote",
  "ul", "ol", "dl", "table", "pre", "header", "footer", "main", "nav", "aside", "figure",
  "figcaption", "form", "hr", "address", "details", "fieldset", "body", "center", NULL
};

/* Each ends a line. */
static const char * const line_blocks[] = {
  "li", "tr", "dt", "dd", "summary", "caption", "legend", "option", NULL
};

static void
request_break (Extract *x,
               guint    n)
{
  x->pending_break = MAX (x->pending_break, n);
}

static void
append_text (Extract    *x,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (x->pre_depth == 0 && (g_unichar_isspace (c) || c == '\r'))
        {
          x->pending_space = TRUE;
          continue;
        }
      if (x->pre_depth > 0 && c == '\n')
        {
          x->pending_break++;
          continue;
        }
      if (x->out->len > 0 && x->pending_break > 0)
        {
          while (x->out->len > 0 && x->out->str[x->out->len - 1] == ' ')
            g_string_truncate (x->out, x->out->len - 1);
          for (guint i = 0; i < x->pending_break; i++)
            g_string_append_c (x->out, '\n');
        }
      else if (x->out->len > 0 && x->pending_space && x->out->str[x->out->len - 1] != '\n')
        g_string_append_c (x->out, ' ');
      x->pending_break = 0;
      x->pending_space = FALSE;
      g_string_append_unichar (x->out, c);
    }
}

static char *
dup_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = value ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

static void
set_once (char **field,
          char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = value;
  else
    g_free (value);
}

/* Lower rank wins: the article's own publication time before generic dates. */
static const char * const date_names[] = {
  "article:published_time", "citation_publication_date", "dc.date.issued", "dcterms.issued",
  "dc.date", "dcterms.date", "date", "pubdate", "publish-date", "parsely-pub-date",
  "og:published_time", NULL
};

static void
read_meta (Extract *x,
           xmlNode *node)
{
  g_autofree char *property = dup_prop (node, "property");
  g_autofree char *name = dup_prop (node, "name");
  g_autofree char *content = dup_prop (node, "content");
  const char *key = property ? property : name;

  if (key == NULL || content == NULL)
    return;
  if (g_ascii_strcasecmp (key, "og:title") == 0)
    set_once (&x->og_title, g_strdup (content));
  else if (g_ascii_strcasecmp (key, "author") == 0 || g_ascii_strcasecmp (key, "byl") == 0 ||
           g_ascii_strcasecmp (key, "dc.creator") == 0)
    {
      const char *by = content;

      /* "By Jane Doe" → "Jane Doe" */
      if (g_ascii_strncasecmp (by, "by ", 3) == 0)
        by += 3;
      set_once (&x->author, g_strdup (by));
    }
  else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
    set_once (&x->publisher, g_strdup (content));
  else if (g_ascii_strcasecmp (key, "og:url") == 0)
    set_once (&x->og_url, g_strdup (content));
  else
    for (guint rank = 0; date_names[rank] != NULL; rank++)
      if (g_ascii_strcasecmp (key, date_names[rank]) == 0)
        {
          g_autofree char *date = _rs_report_iso_date (content);

          if (date != NULL && (x->published == NULL || rank < x->published_rank))
            {
              g_free (x->published);
              x->published = g_steal_pointer (&date);
              x->published_rank = rank;
            }
          break;
        }
}

static void
read_link (Extract *x,
           xmlNode *node)
{
  g_autofree char *rel = dup_prop (node, "rel");

  if (rel != NULL && g_ascii_strcasecmp (g_strstrip (rel), "canonical") == 0)
    set_once (&x->url, dup_prop (node, "href"));
}

static void
element_start (Extract *x,
               xmlNode *node)
{
  if (name_in (node->name, paragraph_blocks))
    request_break (x, 2);
  else if (name_in (node->name, line_blocks))
    request_break (x, 1);
  else if (xmlStrcasecmp (node->name, (const xmlChar *)"br") == 0)
    {
      if (x->out->len > 0)
        x->pending_break = MIN (x->pending_break + 1, 2);
    }
  else if (xmlStrcasecmp (node->name, (const xmlChar *)"td") == 0 ||
           xmlStrcasecmp (node->name, (const xmlChar *)"th") == 0)
    x->pending_space = TRUE;

  if (xmlStrcasecmp (node->name, (const xmlChar *)"pre") == 0)
    x->pre_depth++;
}

static void
element_end (Extract *x,
             xmlNode *node)
{
  if (name_in (node->name, paragraph_blocks))
    request_break (x, 2);
  else if (name_in (node->name, line_blocks))
    request_break (x, 1);
  if (xmlStrcasecmp (node->name, (const xmlChar *)"pre") == 0 && x->pre_depth > 0)
    x->pre_depth--;
}

static void
read_metadata_element (Extract *x,
                       xmlNode *node)
{
  if (xmlStrcasecmp (node->name, (const xmlChar *)"meta") == 0)
    read_meta (x, node);
  else if (xmlStrcasecmp (node->name, (const xmlChar *)"link") == 0)
    read_link (x, node);
  else if ((xmlStrcasecmp (node->name, (const xmlChar *)"title") == 0 && x->title == NULL) ||
           (xmlStrcasecmp (node->name, (const xmlChar *)"h1") == 0 && x->h1 == NULL))
    {
      xmlChar *content = xmlNodeGetContent (node);

      set_once (node->name[0] == 'h' || node->name[0] == 'H' ? &x->h1 : &x->title,
                content ? g_strdup ((const char *)content) : NULL);
      xmlFree (content);
    }
}

/* Document order without recursion: a hostile document may nest deeply. */
static gboolean
walk (Extract       *x,
      xmlNode       *root,
      GCancellable  *cancellable,
      GError       **error)
{
  xmlNode *node = root;
  guint skip_depth = 0;
  guint n = 0;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (++n % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          read_metadata_element (x, node);
          if (skip_depth > 0 || name_in (node->name, skipped))
            skip_depth++;
          else
            element_start (x, node);
          descend = TRUE;
        }
      else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
               skip_depth == 0 && node->content != NULL)
        append_text (x, (const char *)node->content);

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (descend)
        {
          /* An element without children ends here. */
          if (skip_depth > 0)
            skip_depth--;
          else
            element_end (x, node);
        }

      /* Up until there is a next sibling, closing each element left. */
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node->type != XML_ELEMENT_NODE)
            break;
          if (skip_depth > 0)
            skip_depth--;
          else
            element_end (x, node);
        }
      if (node == NULL || node == root || node->next == NULL)
        break;
      node = node->next;
    }
  return TRUE;
}

/* The charset a document declares in its first bytes, lower case; NULL if none. */
static char *
sniff_charset (const guint8 *data,
               gsize         size)
{
  g_autofree char *head = g_ascii_strdown ((const char *)data, MIN (size, 2048));
  const char *p = head;

  while ((p = strstr (p, "charset")) != NULL)
    {
      const char *start;

      p += strlen ("charset");
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p != '=')
        continue;
      p++;
      while (*p == ' ' || *p == '\t' || *p == '"' || *p == '\'')
        p++;
      start = p;
      while (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == ':' || *p == '.')
        p++;
      if (p > start)
        return g_strndup (start, p - start);
    }
  return NULL;
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

RsReport *
_rs_report_read_html (GBytes            *data,
                      const char        *display_name,
                      GCancellable      *cancellable,
                      RsReportProgress  *progress,
                      GError           **error)
{
  static GOnce once = G_ONCE_INIT;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);
  g_autofree char *charset = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *text = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(Extract) x = { 0 };
  const char *encoding = NULL;
  guint n_replaced = 0;
  gboolean utf16 = size >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) ||
                                 (bytes[0] == 0xFE && bytes[1] == 0xFF));
  RsReport *report;
  xmlNode *root;

  g_once (&once, init_libxml, NULL);

  if (!utf16 && _rs_report_is_binary (bytes, size))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” is not an HTML file (it holds binary data)"), display_name);
      return NULL;
    }

  charset = utf16 ? NULL : sniff_charset (bytes, size);
  if (charset != NULL && g_strcmp0 (charset, "utf-8") != 0 && g_strcmp0 (charset, "utf8") != 0)
    {
      /* libxml2 follows the declaration; it falls back to Latin-1 if it cannot. */
      encoding = charset;
      doc = htmlReadMemory ((const char *)bytes, size, NULL, NULL,
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
    }
  else
    {
      if (!(decoded = _rs_report_decode (bytes, size, &encoding, &n_replaced, cancellable, NULL,
                                         error)))
        return NULL;
      doc = htmlReadMemory (decoded, strlen (decoded), NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  _rs_report_progress_set (progress, 0.5);

  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” could not be read as HTML"), display_name);
      return NULL;
    }

  x.out = g_string_new (NULL);
  if (!walk (&x, root, cancellable, error))
    return NULL;
  _rs_report_progress_set (progress, 1.0);

  /* libxml2 hands out UTF-8, but a declaration it could not follow may leave
   * stray bytes: never trust them into the case. */
  {
    g_autofree char *valid = g_utf8_make_valid (x.out->str, x.out->len);

    text = _rs_report_normalize (valid, strlen (valid));
    /* Text we made ends where its last word does. */
    g_strchomp (text);
  }
  if (_rs_report_is_blank (text))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_INVALID_INPUT,
                   _("“%s” has no text"), display_name);
      return NULL;
    }

  report = _rs_report_new (RS_REPORT_FORMAT_HTML, g_steal_pointer (&text), encoding, n_replaced);
  _rs_report_take_metadata (report,
                            g_strdup (x.og_title ? x.og_title : x.title ? x.title : x.h1),
                            g_strdup (x.author),
                            g_strdup (x.publisher),
                            g_strdup (x.published),
                            g_strdup (x.url ? x.url : x.og_url));
  return report;
}
