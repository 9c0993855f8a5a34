/* rs-search-hit.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-search-hit"

#include "config.h"

#include <string.h>

#include "rs-enum-types.h"
#include "rs-search-hit.h"

/* One result of Find: a record by kind and id, the text around the match, and for a
 * report where the first match is (in characters of its text, -1 if only its title
 * matched), so that the viewer can open there. Immutable. */
struct _RsSearchHit
{
  GObject parent_instance;

  RsSearchKind kind;
  gint64 id;
  char *snippet;
  char *snippet_markup;
  gint64 offset;
  double rank;
};

G_DEFINE_FINAL_TYPE (RsSearchHit, rs_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_SNIPPET,
  PROP_SNIPPET_MARKUP,
  PROP_OFFSET,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_search_hit_finalize (GObject *object)
{
  RsSearchHit *self = RS_SEARCH_HIT (object);

  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->snippet_markup, g_free);

  G_OBJECT_CLASS (rs_search_hit_parent_class)->finalize (object);
}

static void
rs_search_hit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RsSearchHit *self = RS_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    case PROP_SNIPPET_MARKUP:
      g_value_set_string (value, self->snippet_markup);
      break;
    case PROP_OFFSET:
      g_value_set_int64 (value, self->offset);
      break;
    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_search_hit_class_init (RsSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_search_hit_finalize;
  object_class->get_property = rs_search_hit_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RS_TYPE_SEARCH_KIND, RS_SEARCH_KIND_ENTITY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET_MARKUP] =
    g_param_spec_string ("snippet-markup", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFSET] =
    g_param_spec_int64 ("offset", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANK] =
    g_param_spec_double ("rank", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_search_hit_init (RsSearchHit *self)
{
  self->offset = -1;
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/* The marks come from the index, over text a file supplied: text that holds the
 * marker characters itself gives unbalanced marks, which only change what is bold. */
static void
parse_snippet (RsSearchHit *self,
               const char  *marked)
{
  GString *plain = g_string_new (NULL);
  GString *markup = g_string_new (NULL);
  const char *p = marked, *run = marked;
  gboolean open = FALSE;

  while (*p != '\0')
    {
      gboolean is_open = strncmp (p, RS_SEARCH_MARK_OPEN, 3) == 0;
      gboolean is_close = strncmp (p, RS_SEARCH_MARK_CLOSE, 3) == 0;

      if (!is_open && !is_close)
        {
          p++;
          continue;
        }
      g_string_append_len (plain, run, p - run);
      append_escaped (markup, run, p - run);
      if (is_open && !open)
        g_string_append (markup, "<b>");
      else if (is_close && open)
        g_string_append (markup, "</b>");
      open = is_open ? TRUE : is_close ? FALSE : open;
      p += 3;
      run = p;
    }
  g_string_append_len (plain, run, p - run);
  append_escaped (markup, run, p - run);
  if (open)
    g_string_append (markup, "</b>");

  /* A snippet is one line in the list. */
  g_strdelimit (plain->str, "\r\n\t", ' ');
  g_strdelimit (markup->str, "\r\n\t", ' ');
  self->snippet = g_string_free (plain, FALSE);
  self->snippet_markup = g_string_free (markup, FALSE);
}

RsSearchHit *
rs_search_hit_new (RsSearchKind  kind,
                   gint64        id,
                   const char   *marked_snippet,
                   gint64        offset,
                   double        rank)
{
  RsSearchHit *self;
  g_autofree char *valid = NULL;

  g_return_val_if_fail (kind >= RS_SEARCH_KIND_ENTITY && kind <= RS_SEARCH_KIND_DOCUMENT, NULL);

  self = g_object_new (RS_TYPE_SEARCH_HIT, NULL);
  self->kind = kind;
  self->id = id;
  self->offset = MAX (offset, -1);
  self->rank = rank;
  valid = g_utf8_make_valid (marked_snippet != NULL ? marked_snippet : "", -1);
  parse_snippet (self, valid);
  return self;
}

RsSearchKind
rs_search_hit_get_kind (RsSearchHit *self)
{
  g_return_val_if_fail (RS_IS_SEARCH_HIT (self), RS_SEARCH_KIND_ENTITY);
  return self->kind;
}

gint64
rs_search_hit_get_id (RsSearchHit *self)
{
  g_return_val_if_fail (RS_IS_SEARCH_HIT (self), 0);
  return self->id;
}

const char *
rs_search_hit_get_snippet (RsSearchHit *self)
{
  g_return_val_if_fail (RS_IS_SEARCH_HIT (self), NULL);
  return self->snippet;
}

const char *
rs_search_hit_get_snippet_markup (RsSearchHit *self)
{
  g_return_val_if_fail (RS_IS_SEARCH_HIT (self), NULL);
  return self->snippet_markup;
}

gint64
rs_search_hit_get_offset (RsSearchHit *self)
{
  g_return_val_if_fail (RS_IS_SEARCH_HIT (self), -1);
  return self->offset;
}

double
rs_search_hit_get_rank (RsSearchHit *self)
{
  g_return_val_if_fail (RS_IS_SEARCH_HIT (self), 0);
  return self->rank;
}
