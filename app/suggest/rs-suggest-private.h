/* rs-suggest-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-suggest.h"

G_BEGIN_DECLS

/* A span of code points, end exclusive. */
typedef struct
{
  glong start;
  glong end;
} Span;

/* A word of the text: [start, end), and [start, name_end) without a possessive ’s. */
typedef struct
{
  glong start;
  glong end;
  glong name_end;
  guint flags;
  guint sentence;
} Token;

/* One run of the engine over one text (rs-suggest.c, rs-suggest-events.c). */
typedef struct
{
  /* Borrowed */
  RsCase      *kase;
  const char  *text;
  GPtrArray   *out;

  /* Owned */
  gunichar    *u;
  glong        n;
  GArray      *tokens;          /* Token */
  GArray      *sentences;       /* Span */
  guint8      *taken;           /* per code point: inside a mention of the case's entities */
  GHashTable  *word_index;      /* folded word → GArray of token indices */
  GHashTable  *lower_words;     /* folded words the text writes in lowercase */
  GHashTable  *known;           /* casefolded names and aliases of the case */
  GHashTable  *candidates;      /* casefolded name → Candidate */
  GPtrArray   *candidate_order; /* Candidate, in text order */
  GHashTable  *acronyms;        /* casefolded acronym → the Candidate it abbreviates */
} Scan;

char     *_rs_suggest_slice  (Scan       *scan,
                              glong       start,
                              glong       end);
gboolean  _rs_suggest_taken  (Scan       *scan,
                              glong       start,
                              glong       end);
void      _rs_suggest_events (Scan       *scan,
                              const char *reference);

G_END_DECLS
