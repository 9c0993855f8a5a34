/* rs-quote-editor.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-quote-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-quote-editor.h"

/* A quote's span, its stance on the selected item and its credibility, in a popover
 * from the quotes panel. The span is shown as the words it quotes, with a little of
 * the document around them, and moves a word at a time with the arrow buttons (or a
 * character at a time in the numbers). Like the other editors it only collects: the
 * panel turns ::save into one undoable command and shows a refusal with set_error(). */

#define CONTEXT_CHARS 60

struct _RsQuoteEditor
{
  GtkPopover     parent_instance;

  /* Owned */
  RsQuote       *quote;
  RsDocument    *document;
  RsEvidence    *evidence;
  gunichar      *chars;           /* the document's text, one character a cell */
  glong          n_chars;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *preview_label;
  GtkSpinButton *start_spin;
  GtkSpinButton *end_spin;
  GtkAdjustment *start_adjustment;
  GtkAdjustment *end_adjustment;
  GtkLabel      *stance_label;
  GtkDropDown   *stance_dropdown;
  GtkDropDown   *credibility_dropdown;
  GtkLabel      *error_label;
  GtkButton     *save_button;
};

G_DEFINE_FINAL_TYPE (RsQuoteEditor, rs_quote_editor, GTK_TYPE_POPOVER)

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_word_char (RsQuoteEditor *self,
              glong          i)
{
  return i >= 0 && i < self->n_chars &&
         (g_unichar_isalnum (self->chars[i]) || self->chars[i] == '\'' ||
          self->chars[i] == 0x2019 /* ’ */);
}

/* The characters [from, to) as UTF-8, clamped to the document. */
static char *
dup_range (RsQuoteEditor *self,
           glong          from,
           glong          to)
{
  from = CLAMP (from, 0, self->n_chars);
  to = CLAMP (to, from, self->n_chars);
  return g_ucs4_to_utf8 (self->chars + from, to - from, NULL, NULL, NULL);
}

/* The words around the span, cut at a word boundary (a glimpse, not half words),
 * with line breaks read as spaces. */
static char *
dup_context (RsQuoteEditor *self,
             glong          from,
             glong          to,
             gboolean       before)
{
  g_autofree char *text = NULL;

  from = CLAMP (from, 0, self->n_chars);
  to = CLAMP (to, from, self->n_chars);
  if (before && from > 0)
    while (from < to && !g_unichar_isspace (self->chars[from - 1]))
      from++;
  if (!before && to < self->n_chars)
    while (to > from && !g_unichar_isspace (self->chars[to]))
      to--;

  text = dup_range (self, from, to);
  g_strdelimit (text, "\r\n\t", ' ');
  return g_markup_escape_text (text, -1);
}

/* The number as typed so far (the preview follows each key), else the value. */
static glong
typed_value (GtkSpinButton *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  gint64 value;

  if (text != NULL && g_ascii_string_to_signed (text, 10, 0, G_MAXINT, &value, NULL))
    return (glong) value;
  return gtk_spin_button_get_value_as_int (spin);
}

static void
update_preview (RsQuoteEditor *self)
{
  glong start = typed_value (self->start_spin);
  glong end = typed_value (self->end_spin);
  g_autofree char *before = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *after = NULL;
  g_autofree char *markup = NULL;

  if (self->chars == NULL)
    {
      gtk_label_set_text (self->preview_label, "");
      return;
    }

  before = dup_context (self, start - CONTEXT_CHARS, start, TRUE);
  after = dup_context (self, MAX (start, end), MAX (start, end) + CONTEXT_CHARS, FALSE);
  if (end > start)
    {
      g_autofree char *text = dup_range (self, start, end);

      quoted = g_markup_printf_escaped ("<b>%s</b>", text);
    }
  else
    quoted = g_markup_printf_escaped ("<span foreground=\"#c01c28\">%s</span>",
                                      _("(nothing quoted)"));

  markup = g_strdup_printf ("<span alpha=\"55%%\">%s%s</span>%s<span alpha=\"55%%\">%s%s</span>",
                            start > CONTEXT_CHARS ? "…" : "", before, quoted, after,
                            MAX (start, end) + CONTEXT_CHARS < self->n_chars ? "…" : "");
  gtk_label_set_markup (self->preview_label, markup);
}

static void
on_spin_value_changed_cb (RsQuoteEditor *self)
{
  /* A refusal was about the numbers as they were. */
  rs_quote_editor_set_error (self, NULL);
  update_preview (self);
}

/* Word moves: the start goes to the beginning of a word, the end to the end of
 * one. The span never becomes empty by a move; numbers can make it so, and the
 * command refuses that. */
static glong
word_start_before (RsQuoteEditor *self,
                   glong          i)
{
  while (i > 0 && !is_word_char (self, i - 1))
    i--;
  while (i > 0 && is_word_char (self, i - 1))
    i--;
  return i;
}

static glong
word_start_after (RsQuoteEditor *self,
                  glong          i)
{
  while (i < self->n_chars && is_word_char (self, i))
    i++;
  while (i < self->n_chars && !is_word_char (self, i))
    i++;
  return i;
}

static glong
word_end_after (RsQuoteEditor *self,
                glong          i)
{
  while (i < self->n_chars && !is_word_char (self, i))
    i++;
  while (i < self->n_chars && is_word_char (self, i))
    i++;
  return i;
}

static glong
word_end_before (RsQuoteEditor *self,
                 glong          i)
{
  while (i > 0 && is_word_char (self, i - 1))
    i--;
  while (i > 0 && !is_word_char (self, i - 1))
    i--;
  return i;
}

static void
move_edge_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RsQuoteEditor *self = RS_QUOTE_EDITOR (widget);
  glong start = gtk_spin_button_get_value_as_int (self->start_spin);
  glong end = gtk_spin_button_get_value_as_int (self->end_spin);

  if (self->chars == NULL)
    return;

  if (g_str_equal (action_name, "quote-editor.start-earlier"))
    start = word_start_before (self, start);
  else if (g_str_equal (action_name, "quote-editor.start-later"))
    start = MIN (word_start_after (self, start), word_start_before (self, end));
  else if (g_str_equal (action_name, "quote-editor.end-later"))
    end = word_end_after (self, end);
  else if (g_str_equal (action_name, "quote-editor.end-earlier"))
    end = MAX (word_end_before (self, end), word_end_after (self, start));

  /* Past the last word there is nothing left to give up: stay. */
  if (end <= start)
    return;
  rs_quote_editor_set_span (self, start, end);
}

static void
on_cancel_clicked (RsQuoteEditor *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_save_clicked (RsQuoteEditor *self)
{
  /* A number being typed counts. */
  gtk_spin_button_update (self->start_spin);
  gtk_spin_button_update (self->end_spin);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[SAVE], 0);
}

/* Typing starts in the first field as soon as the popover shows. */
static void
on_map_cb (RsQuoteEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->start_spin));
}

static void
rs_quote_editor_dispose (GObject *object)
{
  RsQuoteEditor *self = RS_QUOTE_EDITOR (object);

  g_clear_object (&self->quote);
  g_clear_object (&self->document);
  g_clear_object (&self->evidence);
  gtk_widget_dispose_template (GTK_WIDGET (object), RS_TYPE_QUOTE_EDITOR);
  G_OBJECT_CLASS (rs_quote_editor_parent_class)->dispose (object);
}

static void
rs_quote_editor_finalize (GObject *object)
{
  RsQuoteEditor *self = RS_QUOTE_EDITOR (object);

  g_clear_pointer (&self->chars, g_free);
  G_OBJECT_CLASS (rs_quote_editor_parent_class)->finalize (object);
}

static void
rs_quote_editor_class_init (RsQuoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_quote_editor_dispose;
  object_class->finalize = rs_quote_editor_finalize;

  /**
   * RsQuoteEditor::save:
   *
   * The user asked to keep what the fields say.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "quote-editor.start-earlier", NULL, move_edge_action);
  gtk_widget_class_install_action (widget_class, "quote-editor.start-later", NULL, move_edge_action);
  gtk_widget_class_install_action (widget_class, "quote-editor.end-earlier", NULL, move_edge_action);
  gtk_widget_class_install_action (widget_class, "quote-editor.end-later", NULL, move_edge_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-quote-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, preview_label);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, start_spin);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, end_spin);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, start_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, end_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, stance_label);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, stance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, credibility_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsQuoteEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed_cb);
}

static void
rs_quote_editor_init (RsQuoteEditor *self)
{
  g_autoptr(GtkStringList) stances = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  /* Enter in a number saves, as in the other editors' entries (GTK 4.8's spin
   * button has no activates-default of its own: its text has). */
  /* And the preview follows each key, before the number is committed. */
  for (guint i = 0; i < 2; i++)
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (i == 0 ? self->start_spin
                                                                           : self->end_spin));

      gtk_text_set_activates_default (GTK_TEXT (text), TRUE);
      g_signal_connect_object (text, "changed", G_CALLBACK (on_spin_value_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  /* In enum order: the position in the list is the stance, or the grade. */
  for (RsStance stance = RS_STANCE_SUPPORTS; stance <= RS_STANCE_MENTIONS; stance++)
    gtk_string_list_append (stances, rs_stance_to_display (stance));
  gtk_drop_down_set_model (self->stance_dropdown, G_LIST_MODEL (stances));
  for (int grade = 0; grade <= 6; grade++)
    gtk_string_list_append (grades, grade == 0 ? _("Not graded") : rs_credibility_to_display (grade));
  gtk_drop_down_set_model (self->credibility_dropdown, G_LIST_MODEL (grades));
}

GtkWidget *
rs_quote_editor_new (void)
{
  return g_object_new (RS_TYPE_QUOTE_EDITOR, NULL);
}

/**
 * rs_quote_editor_edit:
 * @quote: the quote
 * @document: its document
 * @evidence: (nullable): the link whose stance the editor sets: the quote's on the
 *   selected item; without one, the stance is not shown
 * @target_label: (nullable): that item's name, for "Stance on “Tick”"
 *
 * Fills the fields from @quote.
 */
void
rs_quote_editor_edit (RsQuoteEditor *self,
                      RsQuote       *quote,
                      RsDocument    *document,
                      RsEvidence    *evidence,
                      const char    *target_label)
{
  g_autofree char *title = NULL;
  g_autofree char *stance_label = NULL;
  const char *text;
  int credibility;

  g_return_if_fail (RS_IS_QUOTE_EDITOR (self));
  g_return_if_fail (RS_IS_QUOTE (quote));
  g_return_if_fail (RS_IS_DOCUMENT (document));
  g_return_if_fail (evidence == NULL || RS_IS_EVIDENCE (evidence));

  g_set_object (&self->quote, quote);
  g_set_object (&self->document, document);
  g_set_object (&self->evidence, evidence);

  g_clear_pointer (&self->chars, g_free);
  text = rs_document_get_text (document);
  self->chars = g_utf8_to_ucs4_fast (text ? text : "", -1, &self->n_chars);

  title = g_strdup_printf (_("Edit a quote from “%s”"), rs_document_get_title (document));
  gtk_label_set_text (self->title_label, title);

  gtk_adjustment_set_upper (self->start_adjustment, self->n_chars);
  gtk_adjustment_set_upper (self->end_adjustment, self->n_chars);
  rs_quote_editor_set_span (self, rs_quote_get_start (quote), rs_quote_get_end (quote));

  if (evidence != NULL)
    {
      /* TRANSLATORS: the label of the stance, "On Tick" */
      stance_label = g_strdup_printf (_("On “%s”"), target_label ? target_label : "?");
      gtk_label_set_text (self->stance_label, stance_label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->stance_label), stance_label);
      gtk_drop_down_set_selected (self->stance_dropdown, rs_evidence_get_stance (evidence));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->stance_label), evidence != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->stance_dropdown), evidence != NULL);

  credibility = rs_quote_get_credibility (quote);
  gtk_drop_down_set_selected (self->credibility_dropdown,
                              credibility >= 0 && credibility <= 6 ? credibility : 0);
  rs_quote_editor_set_error (self, NULL);
}

RsQuote *
rs_quote_editor_get_quote (RsQuoteEditor *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_EDITOR (self), NULL);
  return self->quote;
}

RsEvidence *
rs_quote_editor_get_evidence (RsQuoteEditor *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_EDITOR (self), NULL);
  return self->evidence;
}

gint64
rs_quote_editor_get_start (RsQuoteEditor *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_EDITOR (self), 0);
  return (gint64) gtk_adjustment_get_value (self->start_adjustment);
}

gint64
rs_quote_editor_get_end (RsQuoteEditor *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_EDITOR (self), 0);
  return (gint64) gtk_adjustment_get_value (self->end_adjustment);
}

/* Moves the span (clamped to the document: the numbers cannot point outside it). */
void
rs_quote_editor_set_span (RsQuoteEditor *self,
                          gint64         start,
                          gint64         end)
{
  g_return_if_fail (RS_IS_QUOTE_EDITOR (self));

  gtk_adjustment_set_value (self->start_adjustment, start);
  gtk_adjustment_set_value (self->end_adjustment, end);
  update_preview (self);
}

/* The words the span quotes now, as the preview shows them in bold. */
char *
rs_quote_editor_dup_quoted_text (RsQuoteEditor *self)
{
  g_return_val_if_fail (RS_IS_QUOTE_EDITOR (self), NULL);

  if (self->chars == NULL)
    return g_strdup ("");
  return dup_range (self, rs_quote_editor_get_start (self), rs_quote_editor_get_end (self));
}

RsStance
rs_quote_editor_get_stance (RsQuoteEditor *self)
{
  guint selected;

  g_return_val_if_fail (RS_IS_QUOTE_EDITOR (self), RS_STANCE_MENTIONS);
  selected = gtk_drop_down_get_selected (self->stance_dropdown);
  return selected <= RS_STANCE_MENTIONS ? (RsStance) selected : RS_STANCE_MENTIONS;
}

void
rs_quote_editor_set_stance (RsQuoteEditor *self,
                            RsStance       stance)
{
  g_return_if_fail (RS_IS_QUOTE_EDITOR (self));
  g_return_if_fail ((guint) stance <= RS_STANCE_MENTIONS);
  gtk_drop_down_set_selected (self->stance_dropdown, stance);
}

/* 1–6, or 0 for not graded. */
int
rs_quote_editor_get_credibility (RsQuoteEditor *self)
{
  guint selected;

  g_return_val_if_fail (RS_IS_QUOTE_EDITOR (self), 0);
  selected = gtk_drop_down_get_selected (self->credibility_dropdown);
  return selected <= 6 ? (int) selected : 0;
}

void
rs_quote_editor_set_credibility (RsQuoteEditor *self,
                                 int            credibility)
{
  g_return_if_fail (RS_IS_QUOTE_EDITOR (self));
  g_return_if_fail (credibility >= 0 && credibility <= 6);
  gtk_drop_down_set_selected (self->credibility_dropdown, credibility);
}

/* Why the last save was refused, under the fields; the popover stays open. */
void
rs_quote_editor_set_error (RsQuoteEditor *self,
                           const char    *message)
{
  g_return_if_fail (RS_IS_QUOTE_EDITOR (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
