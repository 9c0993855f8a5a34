/* rs-gui-closures.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-gui-closures"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "rs-gui-closures.h"
#include "rs-text.h"

/* GtkBuilder's C scope looks closures up by name; in a static library with hidden
 * symbols dlsym cannot find them, so every template that uses them binds them all. */
void
rs_gui_closures_bind_template (GtkWidgetClass *widget_class)
{
#define BIND(name) \
  gtk_widget_class_bind_template_callback_full (widget_class, #name, G_CALLBACK (name))
  BIND (rs_gui_closures_not);
  BIND (rs_gui_closures_is_nonempty);
  BIND (rs_gui_closures_row_text);
  BIND (rs_gui_closures_format_fuzzy_date);
  BIND (rs_gui_closures_format_published);
  BIND (rs_gui_closures_format_timestamp);
  BIND (rs_gui_closures_document_byline);
  BIND (rs_gui_closures_reliability_grade);
  BIND (rs_gui_closures_reliability_label);
  BIND (rs_gui_closures_reliability_classes);
  BIND (rs_gui_closures_stance_label);
  BIND (rs_gui_closures_stance_classes);
  BIND (rs_gui_closures_credibility_label);
  BIND (rs_gui_closures_quote_text);
  BIND (rs_gui_closures_quote_count);
  BIND (rs_gui_closures_quotes_page);
  BIND (rs_gui_closures_page_for_count);
  BIND (rs_gui_closures_entity_heading);
  BIND (rs_gui_closures_relation_label);
  BIND (rs_gui_closures_and_more);
  BIND (rs_gui_closures_event_count);
  BIND (rs_gui_closures_event_row_classes);
  BIND (rs_gui_closures_event_date_classes);
  BIND (rs_gui_closures_note_byline);
#undef BIND
}

static char **
strv_of (const char *first,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);

  return g_strv_builder_end (builder);
}

gboolean
rs_gui_closures_not (gpointer this_object,
                     gboolean value)
{
  return !value;
}

gboolean
rs_gui_closures_is_nonempty (gpointer    this_object,
                             const char *text)
{
  return text != NULL && *text != '\0';
}

/* What a list row or a header shows of a title, a name list or a note: one bounded line.
 * The row's label wraps and ellipsizes it; the full text is in the case. */
char *
rs_gui_closures_row_text (gpointer    this_object,
                          const char *text)
{
  return rs_text_dup_for_label (text, RS_TEXT_ROW_MAX_CHARS);
}

char *
rs_gui_closures_format_fuzzy_date (gpointer     this_object,
                                   RsFuzzyDate *date)
{
  if (date == NULL)
    return g_strdup (_("Undated"));
  return rs_fuzzy_date_format (date);
}

/* Documents carry "2021", "2021-04" or "2021-04-20" (possibly with a time): say as
 * much as is known and no more. */
char *
rs_gui_closures_format_published (gpointer    this_object,
                                  const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  int year = 0, month = 0, day = 0;
  int n;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup (_("Undated"));

  n = sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day);
  if (n < 1 || year < 1 || year > 9999)
    return rs_text_dup_for_label (iso_date, RS_TEXT_LABEL_MAX_CHARS);
  if (n < 2 || month < 1 || month > 12)
    return g_strdup_printf ("%04d", year);

  dt = g_date_time_new_utc (year, month, n == 3 && day >= 1 ? day : 1, 0, 0, 0);
  if (dt == NULL)
    return g_strdup_printf ("%04d", year);
  if (n < 3 || day < 1)
    /* Translators: a month and year, strftime format */
    return g_date_time_format (dt, _("%b %Y"));
  /* Translators: a day, month and year, strftime format */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

char *
rs_gui_closures_format_timestamp (gpointer    this_object,
                                  const char *iso_timestamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_timestamp == NULL || *iso_timestamp == '\0')
    return g_strdup ("");
  if ((dt = g_date_time_new_from_iso8601 (iso_timestamp, utc)) == NULL)
    return rs_text_dup_for_label (iso_timestamp, RS_TEXT_LABEL_MAX_CHARS);

  local = g_date_time_to_local (dt);
  /* Translators: date and time of an edit, strftime format */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

char *
rs_gui_closures_document_byline (gpointer    this_object,
                                 const char *publisher,
                                 const char *published,
                                 guint       n_quotes)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (publisher != NULL && *publisher != '\0')
    g_ptr_array_add (parts, rs_text_dup_for_label (publisher, RS_TEXT_LABEL_MAX_CHARS));
  g_ptr_array_add (parts, rs_gui_closures_format_published (NULL, published));
  if (n_quotes > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes",
                                                          n_quotes),
                                             n_quotes));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

char *
rs_gui_closures_reliability_grade (gpointer      this_object,
                                   RsReliability reliability)
{
  if (reliability >= RS_RELIABILITY_A && reliability <= RS_RELIABILITY_F)
    return g_strdup_printf ("%c", 'A' + (reliability - RS_RELIABILITY_A));
  /* Translators: shown in the badge of a document whose reliability is not graded */
  return g_strdup (C_("reliability", "?"));
}

char *
rs_gui_closures_reliability_label (gpointer      this_object,
                                   RsReliability reliability)
{
  return g_strdup (rs_reliability_to_display (reliability));
}

char **
rs_gui_closures_reliability_classes (gpointer      this_object,
                                     RsReliability reliability)
{
  switch (reliability)
    {
    case RS_RELIABILITY_A:
    case RS_RELIABILITY_B:
      return strv_of ("reliability-badge", "caption-heading", "success", NULL);
    case RS_RELIABILITY_C:
      return strv_of ("reliability-badge", "caption-heading", "accent", NULL);
    case RS_RELIABILITY_D:
      return strv_of ("reliability-badge", "caption-heading", "warning", NULL);
    case RS_RELIABILITY_E:
      return strv_of ("reliability-badge", "caption-heading", "error", NULL);
    case RS_RELIABILITY_F:
    case RS_RELIABILITY_UNKNOWN:
    default:
      return strv_of ("reliability-badge", "caption-heading", "dim-label", NULL);
    }
}

char *
rs_gui_closures_stance_label (gpointer this_object,
                              RsStance stance)
{
  return g_strdup (rs_stance_to_display (stance));
}

char **
rs_gui_closures_stance_classes (gpointer this_object,
                                RsStance stance)
{
  switch (stance)
    {
    case RS_STANCE_SUPPORTS:
      return strv_of ("stance", "stance-supports", "caption-heading", "success", NULL);
    case RS_STANCE_CONTRADICTS:
      return strv_of ("stance", "stance-contradicts", "caption-heading", "warning", NULL);
    case RS_STANCE_MENTIONS:
    default:
      return strv_of ("stance", "stance-mentions", "caption-heading", "dim-label", NULL);
    }
}

char *
rs_gui_closures_credibility_label (gpointer this_object,
                                   int      credibility)
{
  if (credibility < 1 || credibility > 6)
    return g_strdup (rs_credibility_to_display (credibility));
  /* Translators: %s is e.g. "3 — possibly true" */
  return g_strdup_printf (_("Credibility %s"), rs_credibility_to_display (credibility));
}

static gboolean
is_quotation (const char *text)
{
  static const gunichar opening[] = { '"', 0x201C, 0x2018, 0x00AB, 0x201E };
  static const gunichar closing[] = { '"', 0x201D, 0x2019, 0x00BB, 0x201C };
  gunichar first, last;
  gboolean opens = FALSE, closes = FALSE;

  if (g_utf8_strlen (text, -1) < 2)
    return FALSE;

  first = g_utf8_get_char (text);
  last = g_utf8_get_char (g_utf8_find_prev_char (text, text + strlen (text)));
  for (guint i = 0; i < G_N_ELEMENTS (opening); i++)
    {
      opens |= first == opening[i];
      closes |= last == closing[i];
    }
  return opens && closes;
}

/* Quotes are shown as running text: the line breaks of the source do not help. A quote can
 * be a whole document; the row shows its start, and "reveal quote" shows it in full. */
char *
rs_gui_closures_quote_text (gpointer    this_object,
                            const char *text)
{
  g_autofree char *line = rs_text_dup_for_label (text, RS_TEXT_ROW_MAX_CHARS - 2);

  /* A quote that is itself a quotation already carries its marks. */
  if (is_quotation (line))
    return g_steal_pointer (&line);

  /* Translators: a quotation; use your language's quotation marks */
  return g_strdup_printf (_("“%s”"), line);
}

char *
rs_gui_closures_quote_count (gpointer this_object,
                             guint    n_quotes,
                             guint    n_documents)
{
  g_autofree char *quotes = NULL;

  if (n_quotes == 0)
    return g_strdup (_("No quotes"));

  quotes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", n_quotes),
                            n_quotes);
  /* Translators: "12 quotes" then "from 2 documents" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u document",
                                       "%s from %u documents", n_documents),
                          quotes, n_documents);
}

char *
rs_gui_closures_quotes_page (gpointer this_object,
                             gboolean has_selection,
                             guint    n_quotes)
{
  if (!has_selection)
    return g_strdup ("empty");
  return g_strdup (n_quotes > 0 ? "list" : "none");
}

/* The page of a list-or-status-page stack. */
char *
rs_gui_closures_page_for_count (gpointer this_object,
                                guint    n_items)
{
  return g_strdup (n_items > 0 ? "list" : "none");
}

char *
rs_gui_closures_entity_heading (gpointer      this_object,
                                const char   *name,
                                RsEntityKind  kind)
{
  g_autofree char *kind_name = g_utf8_strdown (rs_entity_kind_to_display (kind), -1);
  g_autofree char *bounded = rs_text_dup_for_label (name, RS_TEXT_LABEL_MAX_CHARS);

  /* Translators: an entity and its kind, "Tick — threat group" */
  return g_strdup_printf (_("%s — %s"), bounded, kind_name);
}

char *
rs_gui_closures_relation_label (gpointer    this_object,
                                const char *source_name,
                                const char *label,
                                const char *target_name,
                                gboolean    directed)
{
  const char *arrow = directed ? "→" : "↔";
  g_autofree char *source = rs_text_dup_for_label (source_name, RS_TEXT_LABEL_MAX_CHARS);
  g_autofree char *target = rs_text_dup_for_label (target_name, RS_TEXT_LABEL_MAX_CHARS);
  g_autofree char *bounded = rs_text_dup_for_label (label, RS_TEXT_LABEL_MAX_CHARS);

  if (*bounded == '\0')
    return g_strdup_printf ("%s %s %s", source, arrow, target);
  /* Translators: a relation, "PLA → Tick: directed" */
  return g_strdup_printf (_("%s %s %s: %s"), source, arrow, target, bounded);
}

char *
rs_gui_closures_and_more (gpointer    this_object,
                          const char *first,
                          guint       n_more)
{
  g_autofree char *bounded = rs_text_dup_for_label (first, RS_TEXT_ROW_MAX_CHARS);

  if (n_more == 0)
    return g_steal_pointer (&bounded);
  /* Translators: a selection, "Tick and 2 more" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                       n_more),
                          bounded, n_more);
}

char *
rs_gui_closures_event_count (gpointer this_object,
                             guint    n_events,
                             guint    n_involved)
{
  g_autofree char *events = NULL;

  if (n_events == 0)
    return g_strdup (_("No events"));

  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events),
                            n_events);
  if (n_involved == 0)
    return g_steal_pointer (&events);
  /* Translators: "13 events" then "4 involve the selection" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u involves the selection",
                                       "%s · %u involve the selection", n_involved),
                          events, n_involved);
}

char **
rs_gui_closures_event_row_classes (gpointer this_object,
                                   gboolean involved)
{
  if (involved)
    return strv_of ("timeline-row", "involved", NULL);
  return strv_of ("timeline-row", NULL);
}

/* Without the panels' CSS the accent colour of the date still marks the row. */
char **
rs_gui_closures_event_date_classes (gpointer this_object,
                                    gboolean involved)
{
  if (involved)
    return strv_of ("caption-heading", "accent", NULL);
  return strv_of ("caption-heading", "dim-label", NULL);
}

char *
rs_gui_closures_note_byline (gpointer    this_object,
                             const char *author,
                             const char *updated)
{
  g_autofree char *when = NULL;
  g_autofree char *who = NULL;

  if (updated == NULL || *updated == '\0')
    return g_strdup (_("New note · saved as you type"));

  when = rs_gui_closures_format_timestamp (NULL, updated);
  who = rs_text_dup_for_label (author, RS_TEXT_LABEL_MAX_CHARS);
  if (*who == '\0')
    /* Translators: %s is a date and time */
    return g_strdup_printf (_("Edited %s"), when);
  /* Translators: an author, then a date and time */
  return g_strdup_printf (_("%s · edited %s"), who, when);
}
