/* rs-quotes-panel-private.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-quotes-panel.h"

G_BEGIN_DECLS

/* The quotes behind the selection, grouped by document.
 *
 * GTK 4.8 list views have no sections, so the list holds two kinds of RsQuoteHit: a
 * document heading (not activatable) followed by that document's quotes. The
 * quotes alone are kept beside them in `quotes` (not a GtkMapListModel: GTK 4.8's
 * puts a cached item in the wrong place when one is inserted before it);
 * this file keeps `hits` up to date when the selection or the case changes, in place:
 * a hit stays for as long as its row is listed, so that rows keep their widgets,
 * focus and scroll position through edits (rs-quotes-panel-editing.c edits quotes). */
struct _RsQuotesPanel
{
  RsPanel parent_instance;

  /* Template objects */
  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkListView     *list_view;
  GListStore      *hits;
  GListStore      *quotes;          /* the RsQuote of the quote hits, in order */

  /* Owned */
  char            *heading;
  char            *status;          /* the heading relation's status, for people */
  GArray          *targets;         /* RsPanelTarget: what the list was built for */

  GSignalGroup    *case_signals;    /* RsCase::changes */
  GtkWidget       *editor;          /* RsQuoteEditor, parented to the panel */
  GtkWidget       *menu;            /* GtkPopoverMenu of a row, parented to the panel */

  guint            n_quotes;
  guint            n_documents;
  guint            has_selection : 1;
  guint            saw_changes : 1;  /* RsCase::changes came before this ::changed */
};

/* rs-quotes-panel-editing.c */
void   _rs_quotes_panel_class_init_editing (GtkWidgetClass *widget_class);
void   _rs_quotes_panel_init_editing       (RsQuotesPanel  *self);
void   _rs_quotes_panel_dispose_editing    (RsQuotesPanel  *self);
GArray *_rs_quotes_panel_get_targets       (RsQuotesPanel  *self);

G_END_DECLS
