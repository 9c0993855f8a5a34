/* rs-search-hit.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What Find found, in the order Find lists them. */
typedef enum
{
  RS_SEARCH_KIND_ENTITY,
  RS_SEARCH_KIND_QUOTE,
  RS_SEARCH_KIND_NOTE,
  RS_SEARCH_KIND_DOCUMENT,
} RsSearchKind;

/* Private-use characters around each match in a snippet given to rs_search_hit_new(). */
#define RS_SEARCH_MARK_OPEN  "\xee\x80\x80"  /* U+E000 */
#define RS_SEARCH_MARK_CLOSE "\xee\x80\x81"  /* U+E001 */

#define RS_TYPE_SEARCH_HIT (rs_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (RsSearchHit, rs_search_hit, RS, SEARCH_HIT, GObject)

RsSearchHit  *rs_search_hit_new                (RsSearchKind  kind,
                                                gint64        id,
                                                const char   *marked_snippet,
                                                gint64        offset,
                                                double        rank);
RsSearchKind  rs_search_hit_get_kind           (RsSearchHit  *self);
gint64        rs_search_hit_get_id             (RsSearchHit  *self);
const char   *rs_search_hit_get_snippet        (RsSearchHit  *self);
const char   *rs_search_hit_get_snippet_markup (RsSearchHit  *self);
gint64        rs_search_hit_get_offset         (RsSearchHit  *self);
double        rs_search_hit_get_rank           (RsSearchHit  *self);

G_END_DECLS
