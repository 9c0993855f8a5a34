/* rs-gui-closures.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-fuzzy-date.h"
#include "rs-types.h"

G_BEGIN_DECLS

/* Pure formatting functions for <closure> in the ui/ templates. GtkBuilder passes the object
 * the expression is evaluated on first ("this", unused here); tests pass NULL.
 * Strings and string vectors are returned owned, as GtkClosureExpression takes them.
 * Text from the case is untrusted and of any length: every string returned here is
 * bounded (rs-text.h), so a label never measures more than a row's worth. */

void      rs_gui_closures_bind_template       (GtkWidgetClass    *widget_class);

gboolean  rs_gui_closures_not                 (gpointer           this_object,
                                               gboolean           value);
gboolean  rs_gui_closures_is_nonempty         (gpointer           this_object,
                                               const char        *text);
char     *rs_gui_closures_row_text            (gpointer           this_object,
                                               const char        *text);
char     *rs_gui_closures_format_fuzzy_date   (gpointer           this_object,
                                               RsFuzzyDate       *date);
char     *rs_gui_closures_format_published    (gpointer           this_object,
                                               const char        *iso_date);
char     *rs_gui_closures_format_timestamp    (gpointer           this_object,
                                               const char        *iso_timestamp);
char     *rs_gui_closures_document_byline     (gpointer           this_object,
                                               const char        *publisher,
                                               const char        *published,
                                               guint              n_quotes);
char     *rs_gui_closures_reliability_grade   (gpointer           this_object,
                                               RsReliability      reliability);
char     *rs_gui_closures_reliability_label   (gpointer           this_object,
                                               RsReliability      reliability);
char    **rs_gui_closures_reliability_classes (gpointer           this_object,
                                               RsReliability      reliability);
char     *rs_gui_closures_stance_label        (gpointer           this_object,
                                               RsStance           stance);
char    **rs_gui_closures_stance_classes      (gpointer           this_object,
                                               RsStance           stance);
char     *rs_gui_closures_credibility_label   (gpointer           this_object,
                                               int                credibility);
char     *rs_gui_closures_quote_text          (gpointer           this_object,
                                               const char        *text);
char     *rs_gui_closures_quote_count         (gpointer           this_object,
                                               guint              n_quotes,
                                               guint              n_documents);
char     *rs_gui_closures_quotes_page         (gpointer           this_object,
                                               gboolean           has_selection,
                                               guint              n_quotes);
char     *rs_gui_closures_page_for_count      (gpointer           this_object,
                                               guint              n_items);
char     *rs_gui_closures_entity_heading      (gpointer           this_object,
                                               const char        *name,
                                               RsEntityKind       kind);
char     *rs_gui_closures_relation_label      (gpointer           this_object,
                                               const char        *source_name,
                                               const char        *label,
                                               const char        *target_name,
                                               gboolean           directed);
char     *rs_gui_closures_and_more            (gpointer           this_object,
                                               const char        *first,
                                               guint              n_more);
char     *rs_gui_closures_event_count         (gpointer           this_object,
                                               guint              n_events,
                                               guint              n_involved);
char    **rs_gui_closures_event_row_classes   (gpointer           this_object,
                                               gboolean           involved);
char    **rs_gui_closures_event_date_classes  (gpointer           this_object,
                                               gboolean           involved);
char     *rs_gui_closures_note_byline         (gpointer           this_object,
                                               const char        *author,
                                               const char        *updated);

G_END_DECLS
