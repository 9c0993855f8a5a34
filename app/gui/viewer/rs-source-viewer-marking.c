/* rs-source-viewer-marking.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-source-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-date-phrase.h"
#include "rs-entity-editor.h"
#include "rs-event-editor.h"
#include "rs-evidence-editor.h"
#include "rs-source-viewer-private.h"
#include "rs-suggest.h"

/* Marking evidence in a report: select text, then (bar above the text, context menu,
 * or keys) make a new entity named by it, quote it as evidence for what is selected on
 * the board, or make a dated event from it, its date read from the selection and its
 * sentence. A selection overlapping a quote can extend that quote. Each is one undoable
 * command; the editors collect the details and show a refusal where it was typed. */

#define NAME_MAX_CHARS  120
#define TITLE_MAX_CHARS 80

static gboolean
writable (RsSourceViewer *self)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));

  /* The window's lock (RsPanel:editable) counts like a write-protected file. */
  return store != NULL && !rs_case_store_is_read_only (store) && self->document != NULL &&
         rs_panel_get_editable (RS_PANEL (self));
}

/* The selection without the white space around it, in characters; FALSE when nothing
 * but white space is selected. */
static gboolean
get_selected_span (RsSourceViewer *self,
                   int            *start,
                   int            *end)
{
  GtkTextIter a, b;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b))
    return FALSE;
  while (gtk_text_iter_compare (&a, &b) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&a)))
    gtk_text_iter_forward_char (&a);
  while (gtk_text_iter_compare (&a, &b) < 0)
    {
      GtkTextIter last = b;

      gtk_text_iter_backward_char (&last);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&last)))
        break;
      b = last;
    }
  if (gtk_text_iter_equal (&a, &b))
    return FALSE;
  /* A drag that starts or ends inside a word takes the whole word: evidence is quoted
   * in words, and a pointer lands a letter off. */
  if (gtk_text_iter_inside_word (&a) && !gtk_text_iter_starts_word (&a))
    gtk_text_iter_backward_word_start (&a);
  if (gtk_text_iter_inside_word (&b) && !gtk_text_iter_starts_word (&b) &&
      !gtk_text_iter_ends_word (&b))
    gtk_text_iter_forward_word_end (&b);
  *start = gtk_text_iter_get_offset (&a);
  *end = gtk_text_iter_get_offset (&b);
  return TRUE;
}

static char *
dup_span_text (RsSourceViewer *self,
               int             start,
               int             end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, end);
  return gtk_text_buffer_get_text (self->buffer, &a, &b, FALSE);
}

/* Runs of white space (line breaks of the report) become one space; cut at @max
 * characters on a character boundary. */
static char *
dup_tidy (const char *text,
          guint       max)
{
  g_autoptr(GString) tidy = g_string_new (NULL);
  gboolean space = FALSE;
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < max; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = tidy->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (tidy, ' ');
          n++;
          space = FALSE;
        }
      g_string_append_unichar (tidy, c);
      n++;
    }
  return g_string_free (g_steal_pointer (&tidy), FALSE);
}

/* The quote the selection overlaps without being inside it: the one to extend. */
static const Span *
quote_to_extend (RsSourceViewer *self,
                 int             start,
                 int             end)
{
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (span->start < end && start < span->end && (start < span->start || end > span->end))
        return span;
    }
  return NULL;
}

static gboolean
get_board_target (RsSourceViewer *self,
                  RsTarget       *target,
                  gint64         *id)
{
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));

  return selection != NULL && rs_selection_get_primary (selection, target, id) &&
         (*target == RS_TARGET_ENTITY || *target == RS_TARGET_RELATION ||
          *target == RS_TARGET_EVENT);
}

static void
show_marking_error (RsSourceViewer *self,
                    const char     *message)
{
  gtk_label_set_text (self->marking_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->marking_error), message != NULL);
}

void
_rs_source_viewer_update_marking (RsSourceViewer *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has = FALSE, extend = FALSE, target_ok;
  RsTarget target;
  gint64 id;
  int start, end;

  if (self->buffer == NULL)
    return;

  has = writable (self) && get_selected_span (self, &start, &end);
  extend = has && quote_to_extend (self, start, end) != NULL;
  target_ok = get_board_target (self, &target, &id);

  gtk_widget_action_set_enabled (widget, "source.new-entity-from-selection", has);
  gtk_widget_action_set_enabled (widget, "source.new-event-from-selection", has);
  gtk_widget_action_set_enabled (widget, "source.quote-as-evidence", has && target_ok);
  gtk_widget_action_set_enabled (widget, "source.extend-quote", extend);
  gtk_widget_set_visible (self->extend_button, extend);
  if (!has)
    show_marking_error (self, NULL);
  /* Shown whenever the report can be marked, its buttons waiting for a selection: a bar
   * that came and went with the selection would move the text under a dragging pointer. */
  gtk_revealer_set_reveal_child (self->marking_bar, writable (self));
}

/* Points @popover at the start of the marked text. */
static void
popup_at_mark (RsSourceViewer *self,
               GtkWidget      *popover)
{
  GdkRectangle rect;
  GtkTextIter iter;
  graphene_point_t point;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, self->mark_start);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y,
                                         &wx, &wy);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (wx, wy), &point))
    point = GRAPHENE_POINT_INIT (0, 0);

  /* Inside the viewer, whatever was scrolled away. */
  point.x = CLAMP (point.x, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 1));
  point.y = CLAMP (point.y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - 1));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { point.x, point.y, MAX (rect.width, 1),
                                                 MAX (rect.height, 1) });
  gtk_popover_popup (GTK_POPOVER (popover));
}

static gboolean
begin_mark (RsSourceViewer *self)
{
  if (!writable (self) || !get_selected_span (self, &self->mark_start, &self->mark_end))
    return FALSE;
  show_marking_error (self, NULL);
  return TRUE;
}

/* New entity --------------------------------------------------------------------------- */

/* What the suggestions would make of the selected words, else an organisation. */
static RsEntityKind
guess_kind (RsSourceViewer *self,
            const char     *name)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autoptr(GPtrArray) found = rs_suggest_text (kase, name, NULL);

  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      RsSuggestion *suggestion = g_ptr_array_index (found, i);

      if (!rs_suggestion_is_event (suggestion))
        return rs_suggestion_get_kind (suggestion);
    }
  return RS_ENTITY_KIND_ORGANIZATION;
}

static void
new_entity_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RsSourceViewer *self = RS_SOURCE_VIEWER (widget);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  if (!begin_mark (self))
    return;
  text = dup_span_text (self, self->mark_start, self->mark_end);
  name = dup_tidy (text, NAME_MAX_CHARS);
  rs_entity_editor_edit_new (RS_ENTITY_EDITOR (self->entity_editor), name,
                             guess_kind (self, name));
  popup_at_mark (self, self->entity_editor);
}

static void
on_entity_editor_save_cb (RsSourceViewer *self,
                          RsEntityEditor *editor)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));
  g_auto(GStrv) aliases = rs_entity_editor_dup_aliases (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  gint64 id = 0;

  if (store == NULL || self->document == NULL)
    return;
  change = rs_case_edit_create_entity_from_quote (store, self->document_id, self->mark_start,
                                                  self->mark_end,
                                                  rs_entity_editor_get_kind (editor),
                                                  rs_entity_editor_get_name (editor),
                                                  (const char * const *)aliases,
                                                  rs_entity_editor_get_description (editor),
                                                  &id, &error);
  if (change == NULL)
    {
      rs_entity_editor_set_error (editor, error->message);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (editor));
  if (selection != NULL)
    rs_selection_select (selection, RS_TARGET_ENTITY, id);
}

/* Quote as evidence ---------------------------------------------------------------------- */

static void
quote_as_evidence_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RsSourceViewer *self = RS_SOURCE_VIEWER (widget);
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  RsTarget target;
  gint64 id;

  if (!get_board_target (self, &target, &id) || !begin_mark (self))
    return;
  label = rs_panel_dup_target_label (rs_panel_get_case (RS_PANEL (self)), target, id, FALSE);
  text = dup_span_text (self, self->mark_start, self->mark_end);
  rs_evidence_editor_edit (RS_EVIDENCE_EDITOR (self->evidence_editor), label, text);
  popup_at_mark (self, self->evidence_editor);
}

static void
on_evidence_editor_save_cb (RsSourceViewer   *self,
                            RsEvidenceEditor *editor)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  RsTarget target;
  gint64 id, quote_id = 0;

  if (store == NULL || self->document == NULL)
    return;
  if (!get_board_target (self, &target, &id))
    {
      rs_evidence_editor_set_error (editor, _("Select an entity, a relation or an event on the "
                                              "board first"));
      return;
    }
  change = rs_case_edit_add_quote_evidence (store, self->document_id, self->mark_start,
                                            self->mark_end, target, id,
                                            rs_evidence_editor_get_stance (editor),
                                            rs_evidence_editor_get_credibility (editor),
                                            &quote_id, &error);
  if (change == NULL)
    {
      rs_evidence_editor_set_error (editor, error->message);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (editor));
}

/* New event ------------------------------------------------------------------------------ */

/* The sentence around the marked text: where a date that dates it is most often
 * written ("…, the broadcaster said Tuesday"). */
static char *
dup_sentence (RsSourceViewer *self)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, self->mark_start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, self->mark_end);
  if (!gtk_text_iter_starts_sentence (&a))
    gtk_text_iter_backward_sentence_start (&a);
  if (!gtk_text_iter_ends_sentence (&b))
    gtk_text_iter_forward_sentence_end (&b);
  return gtk_text_buffer_get_text (self->buffer, &a, &b, FALSE);
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RsSourceViewer *self = RS_SOURCE_VIEWER (widget);
  const char *reference;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sentence = NULL;
  g_autoptr(RsDatePhrase) phrase = NULL;
  g_autoptr(GError) error = NULL;

  if (!begin_mark (self))
    return;
  reference = rs_document_get_published (self->document);
  text = dup_span_text (self, self->mark_start, self->mark_end);
  title = dup_tidy (text, TITLE_MAX_CHARS);

  /* The selection's own date first, else its sentence's. */
  phrase = rs_date_phrase_read (text, reference, &error);
  if (phrase == NULL)
    {
      g_autoptr(GError) sentence_error = NULL;

      sentence = dup_sentence (self);
      phrase = rs_date_phrase_read (sentence, reference, &sentence_error);
    }

  rs_event_editor_edit_new (RS_EVENT_EDITOR (self->event_editor), title,
                            phrase ? rs_date_phrase_get_date (phrase) : NULL,
                            phrase ? rs_date_phrase_get_reason (phrase) : error->message);
  popup_at_mark (self, self->event_editor);
}

static void
on_event_editor_save_cb (RsSourceViewer *self,
                         RsEventEditor  *editor)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  RsSelection *selection = rs_panel_get_selection (RS_PANEL (self));
  g_autoptr(GArray) entities = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RsFuzzyDate) date = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gint64 id = 0;

  if (store == NULL || self->document == NULL)
    return;

  /* As corrected by the analyst: a plain date or a phrase ("last week", read against
   * the report's date). */
  date = rs_date_phrase_read_typed (rs_event_editor_get_date_text (editor),
                                    rs_event_editor_get_qualifier (editor),
                                    rs_document_get_published (self->document), &error);
  if (date == NULL)
    {
      rs_event_editor_set_error (editor, error->message);
      return;
    }
  start = rs_fuzzy_date_dup_start (date);
  end = rs_fuzzy_date_dup_end (date);

  /* The event involves the entities selected on the board. */
  for (guint i = 0; selection != NULL && i < rs_selection_get_n_items (selection); i++)
    {
      RsTarget target;
      gint64 item;

      rs_selection_get_item (selection, i, &target, &item);
      if (target == RS_TARGET_ENTITY)
        g_array_append_val (entities, item);
    }

  change = rs_case_edit_create_event_from_quote (store, self->document_id, self->mark_start,
                                                 self->mark_end,
                                                 rs_event_editor_get_title (editor), start, end,
                                                 rs_fuzzy_date_get_precision (date),
                                                 rs_fuzzy_date_get_qualifier (date),
                                                 (const gint64 *)(gpointer)entities->data,
                                                 entities->len, &id, &error);
  if (change == NULL)
    {
      rs_event_editor_set_error (editor, error->message);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (editor));
}

/* Extend a quote ------------------------------------------------------------------------- */

static void
extend_quote_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RsSourceViewer *self = RS_SOURCE_VIEWER (widget);
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(RsChange) change = NULL;
  const Span *span;
  RsQuote *quote;

  if (!begin_mark (self) || (span = quote_to_extend (self, self->mark_start, self->mark_end)) == NULL ||
      (quote = rs_case_lookup_quote (kase, span->quote_id)) == NULL)
    return;

  change = rs_case_edit_update_quote (store, span->quote_id, MIN (span->start, self->mark_start),
                                      MAX (span->end, self->mark_end),
                                      rs_quote_get_credibility (quote), &error);
  if (change == NULL)
    show_marking_error (self, error->message);
}

/* Set-up --------------------------------------------------------------------------------- */

static void
on_buffer_mark_set_cb (RsSourceViewer *self,
                       GtkTextIter    *location,
                       GtkTextMark    *mark,
                       GtkTextBuffer  *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) ||
      mark == gtk_text_buffer_get_selection_bound (buffer))
    _rs_source_viewer_update_marking (self);
}

void
_rs_source_viewer_class_init_marking (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "source.new-entity-from-selection", NULL,
                                   new_entity_action);
  gtk_widget_class_install_action (widget_class, "source.quote-as-evidence", NULL,
                                   quote_as_evidence_action);
  gtk_widget_class_install_action (widget_class, "source.new-event-from-selection", NULL,
                                   new_event_action);
  gtk_widget_class_install_action (widget_class, "source.extend-quote", NULL,
                                   extend_quote_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "source.new-entity-from-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Q, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "source.quote-as-evidence", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "source.new-event-from-selection", NULL);
}

void
_rs_source_viewer_init_marking (RsSourceViewer *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  g_signal_connect (self, "notify::editable", G_CALLBACK (_rs_source_viewer_update_marking), NULL);

  self->entity_editor = rs_entity_editor_new ();
  self->event_editor = rs_event_editor_new ();
  self->evidence_editor = rs_evidence_editor_new ();
  gtk_widget_set_parent (self->entity_editor, GTK_WIDGET (self));
  gtk_widget_set_parent (self->event_editor, GTK_WIDGET (self));
  gtk_widget_set_parent (self->evidence_editor, GTK_WIDGET (self));
  g_signal_connect_object (self->entity_editor, "save", G_CALLBACK (on_entity_editor_save_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_editor, "save", G_CALLBACK (on_event_editor_save_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence_editor, "save", G_CALLBACK (on_evidence_editor_save_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (on_buffer_mark_set_cb), self,
                           G_CONNECT_SWAPPED);

  /* The same four in the text's context menu. */
  g_menu_append (section, _("New _Entity from Selection"), "source.new-entity-from-selection");
  g_menu_append (section, _("_Quote as Evidence…"), "source.quote-as-evidence");
  g_menu_append (section, _("New E_vent from Selection"), "source.new-event-from-selection");
  g_menu_append (section, _("E_xtend Quote to Selection"), "source.extend-quote");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (menu));
}

void
_rs_source_viewer_dispose_marking (RsSourceViewer *self)
{
  g_clear_pointer (&self->entity_editor, gtk_widget_unparent);
  g_clear_pointer (&self->event_editor, gtk_widget_unparent);
  g_clear_pointer (&self->evidence_editor, gtk_widget_unparent);
}
