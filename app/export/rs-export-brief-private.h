/* rs-export-brief-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-export-brief.h"

G_BEGIN_DECLS

/* The brief's content, built once from the case as a flat list of blocks that the HTML
 * writer and the pager both read: the two formats cannot say different things. Every
 * text is the case's own (unescaped): each writer escapes or lays it out. */
typedef enum
{
  RS_BRIEF_BLOCK_TITLE,       /* the case title */
  RS_BRIEF_BLOCK_SECTION,     /* a section heading; klass names the section */
  RS_BRIEF_BLOCK_HEADING,     /* an entity, a relation, a note's subject */
  RS_BRIEF_BLOCK_TEXT,        /* a paragraph; lead (optional) is set in bold before it */
  RS_BRIEF_BLOCK_META,        /* a secondary line: kind, status, aliases */
  RS_BRIEF_BLOCK_QUOTE,       /* a quote's text */
  RS_BRIEF_BLOCK_SOURCE,      /* the quote's document: text, url (any scheme: writers check) */
  RS_BRIEF_BLOCK_EVENT,       /* lead: the date phrase, text: the title */
  RS_BRIEF_BLOCK_BOARD,       /* the board figure */
  RS_BRIEF_BLOCK_TIMELINE,    /* the timeline chart */
} RsBriefBlockKind;

typedef struct
{
  RsBriefBlockKind  kind;
  const char       *klass;    /* constant: a CSS class (never case text) or NULL */
  char             *lead;
  char             *text;
  char             *url;
} RsBriefBlock;

GPtrArray *_rs_export_brief_build_blocks (RsCase                *kase,
                                          const RsExportOptions *options);

G_END_DECLS
