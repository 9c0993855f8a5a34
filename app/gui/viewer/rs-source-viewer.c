/* rs-source-viewer.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-source-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-enum-types.h"
#include "rs-gui-closures.h"
#include "rs-source-viewer-private.h"

/* A reader for one document: its text, read-only, with every quote of it
 * highlighted by stance (text tags declared in the template), one quote revealed
 * on request, and a click in a highlight selecting what that quote is evidence for.
 * Quote offsets are Unicode characters, as GtkTextBuffer offsets are. */

G_DEFINE_FINAL_TYPE (RsSourceViewer, rs_source_viewer, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_DOCUMENT,
  PROP_REVEALED_QUOTE_ID,
  N_PROPS
};

enum {
  CLOSE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

enum {
  HAS_SUPPORTS    = 1 << RS_STANCE_SUPPORTS,
  HAS_CONTRADICTS = 1 << RS_STANCE_CONTRADICTS,
  HAS_MENTIONS    = 1 << RS_STANCE_MENTIONS,
};

/* One colour per quote: a contradiction is what a reader must not miss, then
 * support; a quote linked to nothing yet reads as a mention. */
static GtkTextTag *
tag_for_stances (RsSourceViewer *self,
                 guint           stances)
{
  if (stances & HAS_CONTRADICTS)
    return self->contradicts_tag;
  if (stances & HAS_SUPPORTS)
    return self->supports_tag;
  return self->mentions_tag;
}

static void
get_iters (RsSourceViewer *self,
           int             start,
           int             end,
           GtkTextIter    *start_iter,
           GtkTextIter    *end_iter)
{
  int n_chars = gtk_text_buffer_get_char_count (self->buffer);

  gtk_text_buffer_get_iter_at_offset (self->buffer, start_iter, CLAMP (start, 0, n_chars));
  gtk_text_buffer_get_iter_at_offset (self->buffer, end_iter, CLAMP (end, 0, n_chars));
}

/* Applies the stance tags again from the case (quotes or links may have changed). */
static void
highlight_quotes (RsSourceViewer *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autoptr(GHashTable) stances = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->supports_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->contradicts_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->mentions_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->revealed_tag, &start, &end);
  g_array_set_size (self->spans, 0);

  if (kase == NULL || self->document == NULL)
    return;

  /* Stances of every quote of this document, from all its evidence links. */
  stances = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  quotes = rs_case_dup_quotes_of (kase, self->document_id);
  for (guint i = 0; i < quotes->len; i++)
    {
      gint64 id = rs_quote_get_id (g_ptr_array_index (quotes, i));

      g_hash_table_insert (stances, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (0));
    }

  for (guint i = 0; i < quotes->len; i++)
    {
      gint64 quote_id = rs_quote_get_id (g_ptr_array_index (quotes, i));
      g_autoptr(GPtrArray) links = rs_case_dup_evidence_of_quote (kase, quote_id);
      guint mask = 0;

      for (guint j = 0; j < links->len; j++)
        mask |= 1u << rs_evidence_get_stance (g_ptr_array_index (links, j));
      g_hash_table_insert (stances, g_memdup2 (&quote_id, sizeof quote_id), GUINT_TO_POINTER (mask));
    }

  for (guint i = 0; i < quotes->len; i++)
    {
      RsQuote *quote = g_ptr_array_index (quotes, i);
      gint64 id = rs_quote_get_id (quote);
      Span span = { rs_quote_get_start (quote), rs_quote_get_end (quote), id };
      guint quote_stances = GPOINTER_TO_UINT (g_hash_table_lookup (stances, &id));

      if (span.end <= span.start)
        continue;

      get_iters (self, span.start, span.end, &start, &end);
      gtk_text_buffer_apply_tag (self->buffer, tag_for_stances (self, quote_stances),
                                 &start, &end);
      g_array_append_val (self->spans, span);

      if (id == self->revealed_quote_id)
        gtk_text_buffer_apply_tag (self->buffer, self->revealed_tag, &start, &end);
    }
}

static void
load_document (RsSourceViewer *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  RsDocument *document = NULL;

  if (kase != NULL && self->document_id > 0)
    document = rs_case_lookup_document (kase, self->document_id);

  if (g_set_object (&self->document, document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);

  gtk_text_buffer_set_text (self->buffer, document ? rs_document_get_text (document) : "", -1);
  highlight_quotes (self);

  gtk_stack_set_visible_child_name (self->stack, document ? "text" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.select-at-cursor", document != NULL);
  _rs_source_viewer_update_marking (self);
}

static void
set_revealed_quote_id (RsSourceViewer *self,
                       gint64          quote_id)
{
  if (self->revealed_quote_id == quote_id)
    return;
  self->revealed_quote_id = quote_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED_QUOTE_ID]);
}

/* What a quote is evidence for, the most specific first (relations, events, then
 * entities), so the relation is the primary item when a quote backs one. */
static GArray *
dup_quote_targets (RsCase *kase,
                   gint64  quote_id)
{
  static const RsTarget order[] = { RS_TARGET_RELATION, RS_TARGET_EVENT, RS_TARGET_ENTITY };
  g_autoptr(GPtrArray) links = rs_case_dup_evidence_of_quote (kase, quote_id);
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (RsPanelTarget));

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < links->len; i++)
      {
        RsEvidence *link = g_ptr_array_index (links, i);
        RsPanelTarget target = { rs_evidence_get_target (link), rs_evidence_get_target_id (link) };
        gboolean seen = FALSE;

        if (target.target != order[k])
          continue;
        for (guint j = 0; !seen && j < targets->len; j++)
          seen = g_array_index (targets, RsPanelTarget, j).id == target.id &&
                 g_array_index (targets, RsPanelTarget, j).target == target.target;
        if (!seen)
          g_array_append_val (targets, target);
      }
  return targets;
}

static void
on_click_released_cb (RsSourceViewer  *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  GtkTextIter iter;
  int bx, by;

  g_assert (RS_IS_SOURCE_VIEWER (self));

  /* A drag that selected text is not a click on a quote. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->buffer))
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int)x, (int)y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;

  rs_source_viewer_select_at_offset (self, gtk_text_iter_get_offset (&iter));
}

/* A text view shown for the first time lays its text out at a width it does not keep:
 * a scroll computed then lands elsewhere. Scroll again once it has been allocated
 * for a couple of frames. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  RsSourceViewer *self = user_data;

  gtk_text_view_scroll_to_mark (self->text_view, self->reveal_mark, 0.0, TRUE, 0.0, 0.5);
  if (gtk_widget_get_width (widget) > 0 && ++self->reveal_frames >= 2)
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  g_signal_emit (widget, signals[CLOSE_REQUESTED], 0);
}

static void
select_at_cursor_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  RsSourceViewer *self = RS_SOURCE_VIEWER (widget);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  rs_source_viewer_select_at_offset (self, gtk_text_iter_get_offset (&iter));
}

static void
rs_source_viewer_store_changed (RsPanel *panel)
{
  RsSourceViewer *self = RS_SOURCE_VIEWER (panel);

  /* Ids belong to a case: a new case starts with nothing open. */
  set_revealed_quote_id (self, 0);
  if (self->document_id != 0)
    rs_source_viewer_set_document_id (self, 0);
  else
    load_document (self);
}

static void
rs_source_viewer_case_changed (RsPanel *panel)
{
  RsSourceViewer *self = RS_SOURCE_VIEWER (panel);
  RsCase *kase = rs_panel_get_case (panel);

  if (self->document_id != 0 && rs_case_lookup_document (kase, self->document_id) == NULL)
    rs_source_viewer_set_document_id (self, 0);
  else
    highlight_quotes (self);
  _rs_source_viewer_update_marking (self);
}

static void
rs_source_viewer_selection_changed (RsPanel *panel)
{
  _rs_source_viewer_update_marking (RS_SOURCE_VIEWER (panel));
}

static void
rs_source_viewer_dispose (GObject *object)
{
  RsSourceViewer *self = (RsSourceViewer *)object;

  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->reveal_tick);
  self->reveal_tick = 0;

  _rs_source_viewer_dispose_marking (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_SOURCE_VIEWER);

  g_clear_object (&self->document);
  self->reveal_mark = NULL;

  G_OBJECT_CLASS (rs_source_viewer_parent_class)->dispose (object);
}

static void
rs_source_viewer_finalize (GObject *object)
{
  RsSourceViewer *self = (RsSourceViewer *)object;

  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (rs_source_viewer_parent_class)->finalize (object);
}

static void
rs_source_viewer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RsSourceViewer *self = RS_SOURCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, rs_source_viewer_get_document_id (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, rs_source_viewer_get_document (self));
      break;

    case PROP_REVEALED_QUOTE_ID:
      g_value_set_int64 (value, rs_source_viewer_get_revealed_quote_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_source_viewer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RsSourceViewer *self = RS_SOURCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      rs_source_viewer_set_document_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_source_viewer_class_init (RsSourceViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RsPanelClass *panel_class = RS_PANEL_CLASS (klass);

  object_class->dispose = rs_source_viewer_dispose;
  object_class->finalize = rs_source_viewer_finalize;
  object_class->get_property = rs_source_viewer_get_property;
  object_class->set_property = rs_source_viewer_set_property;

  panel_class->store_changed = rs_source_viewer_store_changed;
  panel_class->case_changed = rs_source_viewer_case_changed;
  panel_class->selection_changed = rs_source_viewer_selection_changed;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RS_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED_QUOTE_ID] =
    g_param_spec_int64 ("revealed-quote-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsSourceViewer::close-requested:
   *
   * The user asked to close the viewer (close button, Escape); the window hides it.
   */
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "source.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "source.select-at-cursor", NULL,
                                   select_at_cursor_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "source.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "source.select-at-cursor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "source.select-at-cursor", NULL);

  g_type_ensure (RS_TYPE_DOCUMENT);
  g_type_ensure (RS_TYPE_STANCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rs-source-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, text_view);
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, buffer);
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, supports_tag);
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, contradicts_tag);
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, mentions_tag);
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, revealed_tag);
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, marking_bar);
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, extend_button);
  gtk_widget_class_bind_template_child (widget_class, RsSourceViewer, marking_error);
  rs_gui_closures_bind_template (widget_class);
  _rs_source_viewer_class_init_marking (widget_class);

  gtk_widget_class_set_css_name (widget_class, "rs-source-viewer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rs_source_viewer_init (RsSourceViewer *self)
{
  GtkGesture *click;
  GtkTextIter start;

  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Capture phase: the text view claims clicks for its cursor and selection. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->reveal_mark = gtk_text_buffer_create_mark (self->buffer, "rs-reveal", &start, TRUE);
  _rs_source_viewer_init_marking (self);
  load_document (self);
}

GtkWidget *
rs_source_viewer_new (void)
{
  return g_object_new (RS_TYPE_SOURCE_VIEWER, NULL);
}

gint64
rs_source_viewer_get_document_id (RsSourceViewer *self)
{
  g_return_val_if_fail (RS_IS_SOURCE_VIEWER (self), 0);
  return self->document_id;
}

/* Opens a document of the case (0 closes it). */
void
rs_source_viewer_set_document_id (RsSourceViewer *self,
                                  gint64          document_id)
{
  g_return_if_fail (RS_IS_SOURCE_VIEWER (self));
  g_return_if_fail (document_id >= 0);

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  set_revealed_quote_id (self, 0);
  load_document (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

RsDocument *
rs_source_viewer_get_document (RsSourceViewer *self)
{
  g_return_val_if_fail (RS_IS_SOURCE_VIEWER (self), NULL);
  return self->document;
}

gint64
rs_source_viewer_get_revealed_quote_id (RsSourceViewer *self)
{
  g_return_val_if_fail (RS_IS_SOURCE_VIEWER (self), 0);
  return self->revealed_quote_id;
}

/* Opens the quote's document, scrolls the quote to the middle of the view and
 * emphasises it; the cursor goes to its start, so Enter selects what it backs. */
gboolean
rs_source_viewer_reveal_quote (RsSourceViewer *self,
                               gint64          quote_id)
{
  RsCase *kase;
  RsQuote *quote;
  GtkTextIter start, end;

  g_return_val_if_fail (RS_IS_SOURCE_VIEWER (self), FALSE);

  if (!(kase = rs_panel_get_case (RS_PANEL (self))) ||
      !(quote = rs_case_lookup_quote (kase, quote_id)) ||
      !rs_case_lookup_document (kase, rs_quote_get_document_id (quote)))
    return FALSE;

  rs_source_viewer_set_document_id (self, rs_quote_get_document_id (quote));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->revealed_tag, &start, &end);

  get_iters (self, rs_quote_get_start (quote), rs_quote_get_end (quote), &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->revealed_tag, &start, &end);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_text_buffer_move_mark (self->buffer, self->reveal_mark, &start);
  gtk_text_view_scroll_to_mark (self->text_view, self->reveal_mark, 0.0, TRUE, 0.0, 0.5);
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view),
                                                      reveal_tick_cb, self, NULL);

  set_revealed_quote_id (self, quote_id);
  return TRUE;
}

/* Opens a report at a character offset (where Find found a word): the word there is
 * selected and scrolled to, as a revealed quote is. A negative offset opens it at
 * the start. */
gboolean
rs_source_viewer_reveal_offset (RsSourceViewer *self,
                                gint64          document_id,
                                int             offset)
{
  RsCase *kase;
  GtkTextIter start, end;

  g_return_val_if_fail (RS_IS_SOURCE_VIEWER (self), FALSE);

  if (!(kase = rs_panel_get_case (RS_PANEL (self))) ||
      !rs_case_lookup_document (kase, document_id))
    return FALSE;

  /* A revealed quote of this report would stay highlighted: open it afresh. */
  if (self->document_id == document_id && self->revealed_quote_id != 0)
    rs_source_viewer_set_document_id (self, 0);
  rs_source_viewer_set_document_id (self, document_id);
  set_revealed_quote_id (self, 0);

  get_iters (self, MAX (offset, 0), MAX (offset, 0), &start, &end);
  if (offset >= 0 && !gtk_text_iter_ends_word (&end))
    gtk_text_iter_forward_word_end (&end);
  gtk_text_buffer_select_range (self->buffer, &end, &start);
  gtk_text_buffer_move_mark (self->buffer, self->reveal_mark, &start);
  gtk_text_view_scroll_to_mark (self->text_view, self->reveal_mark, 0.0, TRUE, 0.0, 0.5);
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view),
                                                      reveal_tick_cb, self, NULL);
  return TRUE;
}

/* The quote under a character offset of the open document (the shortest one when
 * quotes overlap), or 0. */
gint64
rs_source_viewer_get_quote_at_offset (RsSourceViewer *self,
                                      int             offset)
{
  gint64 found = 0;
  int best = G_MAXINT;

  g_return_val_if_fail (RS_IS_SOURCE_VIEWER (self), 0);

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (offset >= span->start && offset < span->end && span->end - span->start < best)
        {
          best = span->end - span->start;
          found = span->quote_id;
        }
    }
  return found;
}

/* What a click at a character offset does: when it falls in a quote, select what
 * the quote is evidence for. FALSE when there is no quote there or it backs nothing. */
gboolean
rs_source_viewer_select_at_offset (RsSourceViewer *self,
                                   int             offset)
{
  RsCase *kase;
  RsSelection *selection;
  g_autoptr(GArray) targets = NULL;
  gint64 quote_id;

  g_return_val_if_fail (RS_IS_SOURCE_VIEWER (self), FALSE);

  kase = rs_panel_get_case (RS_PANEL (self));
  selection = rs_panel_get_selection (RS_PANEL (self));
  if (kase == NULL || selection == NULL ||
      (quote_id = rs_source_viewer_get_quote_at_offset (self, offset)) == 0)
    return FALSE;

  targets = dup_quote_targets (kase, quote_id);
  if (targets->len == 0)
    return FALSE;

  rs_panel_select_targets (selection, (RsPanelTarget *)(gpointer)targets->data, targets->len);
  return TRUE;
}

/* Opens a report with the characters @start–@end selected and scrolled to (a
 * suggestion's span): selected, not emphasised as a quote is, since it is not one
 * yet; the selection is also what the marking bar acts on. */
gboolean
rs_source_viewer_show_span (RsSourceViewer *self,
                            gint64          document_id,
                            int             start,
                            int             end)
{
  RsCase *kase;
  GtkTextIter start_iter, end_iter;

  g_return_val_if_fail (RS_IS_SOURCE_VIEWER (self), FALSE);

  if (!(kase = rs_panel_get_case (RS_PANEL (self))) ||
      !rs_case_lookup_document (kase, document_id) || start < 0 || end < start)
    return FALSE;

  rs_source_viewer_set_document_id (self, document_id);
  gtk_text_buffer_get_bounds (self->buffer, &start_iter, &end_iter);
  gtk_text_buffer_remove_tag (self->buffer, self->revealed_tag, &start_iter, &end_iter);
  set_revealed_quote_id (self, 0);

  get_iters (self, start, end, &start_iter, &end_iter);
  gtk_text_buffer_select_range (self->buffer, &end_iter, &start_iter);
  gtk_text_buffer_move_mark (self->buffer, self->reveal_mark, &start_iter);
  gtk_text_view_scroll_to_mark (self->text_view, self->reveal_mark, 0.0, TRUE, 0.0, 0.5);
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view),
                                                      reveal_tick_cb, self, NULL);
  return TRUE;
}
