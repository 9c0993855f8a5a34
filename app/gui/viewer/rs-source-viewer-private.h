/* rs-source-viewer-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-source-viewer.h"

G_BEGIN_DECLS

typedef struct
{
  int    start;
  int    end;
  gint64 quote_id;
} Span;

struct _RsSourceViewer
{
  RsPanel parent_instance;

  /* Template objects */
  GtkStack      *stack;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  GtkTextTag    *supports_tag;
  GtkTextTag    *contradicts_tag;
  GtkTextTag    *mentions_tag;
  GtkTextTag    *revealed_tag;
  GtkRevealer   *marking_bar;
  GtkWidget     *extend_button;
  GtkLabel      *marking_error;

  /* Owned */
  RsDocument    *document;
  GArray        *spans;          /* Span, the document's quotes */

  /* Borrowed from the buffer */
  GtkTextMark   *reveal_mark;

  gint64         document_id;
  gint64         revealed_quote_id;
  guint          reveal_tick;
  guint          reveal_frames;

  /* Marking evidence in the text (rs-source-viewer-marking.c) */
  GtkWidget     *entity_editor;   /* owned popovers, parented to the viewer */
  GtkWidget     *event_editor;
  GtkWidget     *evidence_editor;
  int            mark_start;      /* the selection being marked, in characters */
  int            mark_end;
};

void  _rs_source_viewer_class_init_marking (GtkWidgetClass *widget_class);
void  _rs_source_viewer_init_marking       (RsSourceViewer *self);
void  _rs_source_viewer_dispose_marking    (RsSourceViewer *self);
void  _rs_source_viewer_update_marking     (RsSourceViewer *self);

G_END_DECLS
