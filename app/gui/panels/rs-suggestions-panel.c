/* rs-suggestions-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-suggestions-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit.h"
#include "rs-suggest.h"
#include "rs-suggestion-row.h"
#include "rs-suggestions-panel.h"

/* What the open report proposes for the case, with the analyst in charge: mentions of
 * entities already in the case, new entities, and dated events, each accepted or
 * rejected one at a time (buttons, a/Enter, r/Delete) or a group at once.
 *
 * The engine takes seconds on a long report, so it runs in a thread on a snapshot:
 * rs_suggest_text() reads the case only for its entities' ids, kinds, names and
 * aliases (find_mentions), and the case's models belong to the main thread. The
 * panel copies those into a private RsCase, with the text and published date, and
 * hands the copy to the thread, which alone touches it from then on. The snippets
 * are cut in the thread too: walking a 5 MB text for each of thousands of spans
 * would be quadratic on the main thread.
 *
 * The list is the engine's answer minus what is done — a mention whose span is
 * already quoted as evidence for its entity, an event whose sentence already backs
 * an event of its date — and minus what the analyst rejected: rejections are remembered by span
 * and name per report for the session (not saved; a new run of the engine after an
 * edit must not bring them back). Any change to the case (an accept, an undo, an
 * edit elsewhere) runs the engine again, so a new entity, once accepted, turns its
 * other spans into mentions. */

/* A long report proposes thousands of mentions: a list box of that many rows is
 * slow to build, and nobody reads past a few hundred. Accept All still takes the
 * whole group. */
#define MAX_ROWS_PER_GROUP 200
/* Characters of context either side of a span, and of a span itself. */
#define CONTEXT_CHARS 40
#define SPAN_CHARS    120

typedef struct
{
  RsSuggestion      *suggestion;
  char              *snippet;  /* markup */
  char              *key;      /* span and name, for rejections and kinds */
  RsSuggestionGroup  group;
} Entry;

/* What the session remembers of a report. */
typedef struct
{
  GHashTable *rejected;  /* key → key */
  GHashTable *kinds;     /* key → kind + 1, a new entity's kind as the analyst chose */
} DocState;

typedef struct
{
  RsCase *snapshot;
  char   *text;
  char   *published;
} Job;

struct _RsSuggestionsPanel
{
  RsPanel       parent_instance;

  /* Template widgets */
  GtkStack     *stack;
  GtkListBox   *list_box;
  GtkLabel     *title_label;
  GtkSpinner   *spinner;
  GtkLabel     *error_label;
  GtkScrolledWindow *scroller;

  /* Owned */
  GCancellable *cancellable;   /* the engine's run, while it runs */
  GPtrArray    *entries;       /* Entry, pending, in group then text order */
  GHashTable   *doc_states;    /* document id → DocState */

  gint64        document_id;
  gint64        entries_document_id;  /* whose entries are listed */
  gboolean      fresh;                /* and they follow the case as it is */
  guint         refresh_source;
  gboolean      running;
  gint64        shown_document_id;    /* whose rows are shown */
};

G_DEFINE_FINAL_TYPE (RsSuggestionsPanel, rs_suggestions_panel, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_RUNNING,
  N_PROPS
};

enum {
  SHOW_SPAN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->suggestion, rs_suggestion_unref);
  g_free (entry->snippet);
  g_free (entry->key);
  g_free (entry);
}

static void
doc_state_free (DocState *state)
{
  g_hash_table_unref (state->rejected);
  g_hash_table_unref (state->kinds);
  g_free (state);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->snapshot);
  g_free (job->text);
  g_free (job->published);
  g_free (job);
}

static RsSuggestionGroup
group_of (RsSuggestion *suggestion)
{
  if (rs_suggestion_is_event (suggestion))
    return RS_SUGGESTION_GROUP_EVENTS;
  if (rs_suggestion_is_mention (suggestion))
    return RS_SUGGESTION_GROUP_MENTIONS;
  return RS_SUGGESTION_GROUP_NEW_ENTITIES;
}

static const char *
group_title (RsSuggestionGroup group)
{
  switch (group)
    {
    case RS_SUGGESTION_GROUP_MENTIONS:
      return _("Mentions of Entities in the Case");
    case RS_SUGGESTION_GROUP_NEW_ENTITIES:
      return _("New Entities");
    case RS_SUGGESTION_GROUP_EVENTS:
      return _("Dated Events");
    case RS_SUGGESTION_GROUP_LAST:
    default:
      g_assert_not_reached ();
    }
}

static DocState *
doc_state (RsSuggestionsPanel *self,
           gint64              document_id)
{
  DocState *state = g_hash_table_lookup (self->doc_states, &document_id);

  if (state == NULL)
    {
      state = g_new0 (DocState, 1);
      state->rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      state->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->doc_states, g_memdup2 (&document_id, sizeof document_id), state);
    }
  return state;
}

/* --- the engine, in a thread ---------------------------------------------------- */

/* Appends @n characters from @p, whitespace runs as one space, escaped. */
static const char *
append_chars (GString    *out,
              const char *p,
              glong       n)
{
  for (glong i = 0; i < n && *p != '\0'; i++)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len == 0 || out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        {
          g_autofree char *escaped = g_markup_escape_text (p, next - p);

          g_string_append (out, escaped);
        }
      p = next;
    }
  return p;
}

/* "…words before <b>the span</b> words after…", on the span's own line. */
static char *
dup_snippet (const char *from,
             glong       from_offset,
             glong       start,
             glong       end)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) before = g_string_new (NULL);
  const char *p = from;
  const char *line = from;
  glong span = end - start;

  /* The words before, from the last line break. */
  for (glong i = from_offset; i < start && *p != '\0'; i++)
    {
      if (*p == '\n')
        line = g_utf8_next_char (p);
      p = g_utf8_next_char (p);
    }
  /* Cut inside the line: from the next word on, not mid-word. */
  if (line == from && from_offset > 0)
    {
      const char *word = line;

      while (word < p && !g_unichar_isspace (g_utf8_get_char (word)))
        word = g_utf8_next_char (word);
      if (word < p)
        line = g_utf8_next_char (word);
      g_string_append (out, "…");
    }
  append_chars (before, line, g_utf8_pointer_to_offset (line, p));
  g_string_append (out, before->str);

  g_string_append (out, "<b>");
  p = append_chars (out, p, MIN (span, SPAN_CHARS));
  if (span > SPAN_CHARS)
    {
      g_string_append (out, "…");
      p = g_utf8_offset_to_pointer (p, span - SPAN_CHARS);
    }
  g_string_append (out, "</b>");

  /* The words after, to the line's end. */
  {
    const char *stop = p;
    glong n = 0;

    while (*stop != '\0' && *stop != '\n' && n < CONTEXT_CHARS)
      {
        stop = g_utf8_next_char (stop);
        n++;
      }
    /* Cut inside the line: after the last whole word. */
    if (*stop != '\0' && *stop != '\n')
      {
        const char *word = stop;

        while (word > p && !g_unichar_isspace (g_utf8_get_char (word)))
          word = g_utf8_prev_char (word);
        if (word > p)
          n = g_utf8_pointer_to_offset (p, word);
      }
    append_chars (out, p, n);
    if (*stop != '\0' && *stop != '\n')
      g_string_append (out, "…");
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dup_key (RsSuggestion *suggestion)
{
  return g_strdup_printf ("%ld:%ld:%s", rs_suggestion_get_start (suggestion),
                          rs_suggestion_get_end (suggestion), rs_suggestion_get_name (suggestion));
}

static void
run_engine (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  const char *p = job->text;
  glong offset = 0;

  suggestions = rs_suggest_text (job->snapshot, job->text, job->published);
  if (g_task_return_error_if_cancelled (task))
    return;

  /* In text order: the walk to each context start only goes forward. */
  for (guint i = 0; i < suggestions->len; i++)
    {
      RsSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      glong start = rs_suggestion_get_start (suggestion);
      glong from = MAX (start - CONTEXT_CHARS, 0);
      Entry *entry;

      if (from < offset)
        {
          p = job->text;
          offset = 0;
        }
      for (; offset < from && *p != '\0'; offset++)
        p = g_utf8_next_char (p);

      entry = g_new0 (Entry, 1);
      entry->suggestion = rs_suggestion_ref (suggestion);
      entry->snippet = dup_snippet (p, offset, start, rs_suggestion_get_end (suggestion));
      entry->key = dup_key (suggestion);
      entry->group = group_of (suggestion);
      g_ptr_array_add (entries, entry);

      if ((i & 255) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&entries), (GDestroyNotify)g_ptr_array_unref);
}

/* --- the list ------------------------------------------------------------------- */

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(Entry **)a, *eb = *(Entry **)b;
  glong sa = rs_suggestion_get_start (ea->suggestion), sb = rs_suggestion_get_start (eb->suggestion);

  if (ea->group != eb->group)
    return ea->group < eb->group ? -1 : 1;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  return g_strcmp0 (ea->key, eb->key);
}

/* The key of an event's date, "" for none. */
static char *
dup_date_key (RsFuzzyDate *date)
{
  g_autofree char *start = date ? rs_fuzzy_date_dup_start (date) : NULL;
  g_autofree char *end = date ? rs_fuzzy_date_dup_end (date) : NULL;

  return g_strdup_printf ("%s/%s", start ? start : "", end ? end : "");
}

/* What the case already holds of this report: "m:start:end:entity" for a quote that
 * is evidence for an entity, "e:start:end:date" for one that backs an event of that
 * date (a sentence may date two things: one event of it does not hide the other). */
static GHashTable *
dup_done (RsCase *kase,
          gint64  document_id)
{
  g_autoptr(GPtrArray) quotes = rs_case_dup_quotes_of (kase, document_id);
  GHashTable *done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < quotes->len; i++)
    {
      RsQuote *quote = g_ptr_array_index (quotes, i);
      g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_of_quote (kase, rs_quote_get_id (quote));

      for (guint j = 0; j < evidence->len; j++)
        {
          RsEvidence *link = g_ptr_array_index (evidence, j);
          RsEvent *event;

          if (rs_evidence_get_target (link) == RS_TARGET_ENTITY)
            g_hash_table_add (done, g_strdup_printf ("m:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                     rs_quote_get_start (quote), rs_quote_get_end (quote),
                                                     rs_evidence_get_target_id (link)));
          else if (rs_evidence_get_target (link) == RS_TARGET_EVENT &&
                   (event = rs_case_lookup_event (kase, rs_evidence_get_target_id (link))) != NULL)
            {
              g_autofree char *date = dup_date_key (rs_event_get_date (event));

              g_hash_table_add (done, g_strdup_printf ("e:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                                       rs_quote_get_start (quote),
                                                       rs_quote_get_end (quote), date));
            }
        }
    }
  return done;
}

static gboolean
is_done (GHashTable   *done,
         RsSuggestion *suggestion)
{
  g_autofree char *key = NULL;

  if (rs_suggestion_is_mention (suggestion))
    key = g_strdup_printf ("m:%ld:%ld:%" G_GINT64_FORMAT, rs_suggestion_get_start (suggestion),
                           rs_suggestion_get_end (suggestion), rs_suggestion_get_entity_id (suggestion));
  else if (rs_suggestion_is_event (suggestion))
    {
      g_autofree char *date = dup_date_key (rs_suggestion_get_date (suggestion));

      key = g_strdup_printf ("e:%ld:%ld:%s", rs_suggestion_get_start (suggestion),
                             rs_suggestion_get_end (suggestion), date);
    }
  else
    return FALSE;
  return g_hash_table_contains (done, key);
}

static guint
count_group (RsSuggestionsPanel *self,
             RsSuggestionGroup   group)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    n += ((Entry *)g_ptr_array_index (self->entries, i))->group == group;
  return n;
}

static RsSuggestionGroup
row_group (GtkListBoxRow *row)
{
  return group_of (rs_suggestion_row_get_suggestion (RS_SUGGESTION_ROW (row)));
}

static GtkWidget *
make_header (RsSuggestionsPanel *self,
             RsSuggestionGroup   group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (group_title (group));
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Accept _All"));

  gtk_widget_add_css_class (box, "rs-suggestions-header");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* A narrow panel wraps the heading rather than cut it. */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "suggestions.accept-all");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (int)group);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), button);
  g_object_set_data (G_OBJECT (box), "rs-group", GINT_TO_POINTER (group + 1));
  g_object_set_data (G_OBJECT (box), "rs-count", count);
  return box;
}

/* A heading with its count and Accept All above each group's first row. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  RsSuggestionsPanel *self = RS_SUGGESTIONS_PANEL (user_data);
  RsSuggestionGroup group = row_group (row);
  GtkWidget *header = gtk_list_box_row_get_header (row);
  g_autofree char *count_text = NULL;
  guint n;

  if (before != NULL && row_group (before) == group)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (header == NULL || GPOINTER_TO_INT (g_object_get_data (G_OBJECT (header), "rs-group")) != (int)group + 1)
    {
      header = make_header (self, group);
      gtk_list_box_row_set_header (row, header);
    }
  n = count_group (self, group);
  if (n > MAX_ROWS_PER_GROUP)
    /* Translators: a group's count when only its first rows are listed */
    count_text = g_strdup_printf (_("%u (first %u shown)"), n, MAX_ROWS_PER_GROUP);
  else
    count_text = g_strdup_printf ("%u", n);
  gtk_label_set_label (g_object_get_data (G_OBJECT (header), "rs-count"), count_text);
}

static GtkListBoxRow *
focused_row (RsSuggestionsPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    return NULL;
  if (!RS_IS_SUGGESTION_ROW (focus))
    focus = gtk_widget_get_ancestor (focus, RS_TYPE_SUGGESTION_ROW);
  return focus ? GTK_LIST_BOX_ROW (focus) : NULL;
}

static void on_row_accept_cb (RsSuggestionsPanel *self,
                              RsSuggestionRow    *row);
static void on_row_reject_cb (RsSuggestionsPanel *self,
                              RsSuggestionRow    *row);
static void on_row_kind_cb   (RsSuggestionsPanel *self,
                              GParamSpec         *pspec,
                              RsSuggestionRow    *row);

static void
update_page (RsSuggestionsPanel *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  RsDocument *document = kase ? rs_case_lookup_document (kase, self->document_id) : NULL;
  const char *page;

  if (document == NULL)
    page = "none";
  else if (self->entries_document_id != self->document_id)
    page = "running";
  else if (self->entries->len == 0)
    page = self->running ? "running" : "empty";
  else
    page = "list";
  gtk_stack_set_visible_child_name (self->stack, page);

  gtk_label_set_label (self->title_label, document && rs_document_get_title (document)
                                          ? rs_document_get_title (document) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), document != NULL);
  gtk_spinner_set_spinning (self->spinner, self->running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->running);
}

static GtkWidget *
make_row (RsSuggestionsPanel *self,
          DocState           *state,
          Entry              *entry)
{
  gpointer kind = g_hash_table_lookup (state->kinds, entry->key);
  GtkWidget *row = rs_suggestion_row_new (entry->suggestion, entry->snippet,
                                          kind ? (RsEntityKind)(GPOINTER_TO_INT (kind) - 1)
                                               : rs_suggestion_get_kind (entry->suggestion));

  g_signal_connect_object (row, "accept", G_CALLBACK (on_row_accept_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "reject", G_CALLBACK (on_row_reject_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "notify::kind", G_CALLBACK (on_row_kind_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static char *
dup_row_key (GtkWidget *row)
{
  return dup_key (rs_suggestion_row_get_suggestion (RS_SUGGESTION_ROW (row)));
}

/* Rows from `entries`. For the report already listed (an accept, a reject, a new run)
 * the rows that stay are kept and only the others go or come, so the list keeps its
 * place; a row that had the keyboard passes it to the row now at its place, so accepting
 * with the keys walks down the list. */
static void
rebuild_rows (RsSuggestionsPanel *self)
{
  GtkListBoxRow *focus = focused_row (self);
  int focus_index = focus ? gtk_list_box_row_get_index (focus) : -1;
  DocState *state = doc_state (self, self->entries_document_id);
  guint shown[RS_SUGGESTION_GROUP_LAST] = { 0 };
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr(GHashTable) wanted_keys = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean same = self->entries_document_id == self->shown_document_id;
  GtkListBoxRow *row;
  int n_rows;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (shown[entry->group]++ >= MAX_ROWS_PER_GROUP)
        continue;
      g_ptr_array_add (wanted, entry);
      g_hash_table_add (wanted_keys, entry->key);
    }

  self->shown_document_id = self->entries_document_id;

  /* Rows no longer wanted go (all of them for another report). By index: the list
   * box's children include the headers, which go with their rows. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL;)
    {
      g_autofree char *key = RS_IS_SUGGESTION_ROW (row) ? dup_row_key (GTK_WIDGET (row)) : NULL;

      if (!same || key == NULL || !g_hash_table_contains (wanted_keys, key))
        gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
      else
        i++;
    }

  /* The kept rows are in the entries' order: the new ones go in between. */
  for (guint i = 0; i < wanted->len; i++)
    {
      Entry *entry = g_ptr_array_index (wanted, i);
      g_autofree char *key = NULL;

      row = gtk_list_box_get_row_at_index (self->list_box, i);
      key = row ? dup_row_key (GTK_WIDGET (row)) : NULL;

      if (key == NULL || !g_str_equal (key, entry->key))
        gtk_list_box_insert (self->list_box, make_row (self, state, entry), i);
    }

  n_rows = wanted->len;
  update_page (self);
  if (focus_index >= 0 && n_rows > 0 && focused_row (self) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box,
                                                                      MIN (focus_index, n_rows - 1))));
  else if (focus_index >= 0 && n_rows == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_box));
}

static void
set_running (RsSuggestionsPanel *self,
             gboolean            running)
{
  if (self->running == running)
    return;
  self->running = running;
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
show_error (RsSuggestionsPanel *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The engine's answer, less what is done and what was rejected. */
static void
take_entries (RsSuggestionsPanel *self,
              GPtrArray          *entries)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autoptr(GHashTable) done = dup_done (kase, self->document_id);
  DocState *state = doc_state (self, self->document_id);

  g_ptr_array_set_size (self->entries, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_hash_table_contains (state->rejected, entry->key) || is_done (done, entry->suggestion))
        continue;
      g_ptr_array_add (self->entries, g_ptr_array_steal_index_fast (entries, i--));
    }
  g_ptr_array_sort (self->entries, compare_entries);
  self->entries_document_id = self->document_id;
  self->fresh = TRUE;
  rebuild_rows (self);
}

static void
on_engine_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RsSuggestionsPanel *self = RS_SUGGESTIONS_PANEL (object);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: a newer run (or dispose) took over, and owns the state. */
  if (entries == NULL)
    return;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  take_entries (self, entries);
}

static void
cancel_run (RsSuggestionsPanel *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* Copies what the engine reads of the case, for the thread. */
static RsCase *
snapshot_case (RsCase *kase)
{
  GListModel *entities = rs_case_get_entities (kase);
  RsCase *snapshot = rs_case_new ();

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      g_autoptr(RsEntity) copy = rs_entity_new (rs_entity_get_id (entity));

      rs_entity_set_kind (copy, rs_entity_get_kind (entity));
      rs_entity_set_name (copy, rs_entity_get_name (entity));
      rs_entity_set_aliases (copy, rs_entity_get_aliases (entity));
      rs_case_add_entity (snapshot, copy);
    }
  return snapshot;
}

static void
refresh (RsSuggestionsPanel *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  RsDocument *document = kase ? rs_case_lookup_document (kase, self->document_id) : NULL;
  g_autoptr(GTask) task = NULL;
  Job *job;

  cancel_run (self);

  /* Back on the report listed, with nothing changed since (a viewer that reopens
   * its report goes through none): no need to read it again. */
  if (document != NULL && self->entries_document_id == self->document_id && self->fresh)
    {
      set_running (self, FALSE);
      return;
    }

  if (document == NULL)
    {
      g_ptr_array_set_size (self->entries, 0);
      self->entries_document_id = 0;
      set_running (self, FALSE);
      rebuild_rows (self);
      return;
    }

  job = g_new0 (Job, 1);
  job->snapshot = snapshot_case (kase);
  job->text = g_strdup (rs_document_get_text (document) ? rs_document_get_text (document) : "");
  job->published = g_strdup (rs_document_get_published (document));

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_engine_done_cb, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  /* Another report: its rows go at once, not when the engine is done. */
  if (self->entries_document_id != self->document_id)
    {
      g_ptr_array_set_size (self->entries, 0);
      rebuild_rows (self);
    }
  g_task_run_in_thread (task, run_engine);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RsSuggestionsPanel *self = RS_SUGGESTIONS_PANEL (user_data);

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Several changes in a row (a document switch goes through 0; an import commits
 * once per batch) run the engine once. */
static void
queue_refresh (RsSuggestionsPanel *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
  set_running (self, TRUE);
}

/* --- accepting and rejecting ---------------------------------------------------- */

static Entry *
entry_of_row (RsSuggestionsPanel *self,
              RsSuggestionRow    *row,
              guint              *index)
{
  /* By key: a row kept across runs of the engine holds the earlier run's suggestion. */
  g_autofree char *key = dup_key (rs_suggestion_row_get_suggestion (row));

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->key, key))
        {
          if (index)
            *index = i;
          return entry;
        }
    }
  return NULL;
}

/* The suggestion as the analyst left it: a new entity with the kind they chose. */
static RsSuggestion *
dup_to_accept (RsSuggestionsPanel *self,
               Entry              *entry)
{
  RsSuggestion *s = entry->suggestion;
  DocState *state = doc_state (self, self->entries_document_id);
  gpointer kind = g_hash_table_lookup (state->kinds, entry->key);

  if (kind == NULL || entry->group != RS_SUGGESTION_GROUP_NEW_ENTITIES ||
      GPOINTER_TO_INT (kind) - 1 == (int)rs_suggestion_get_kind (s))
    return rs_suggestion_ref (s);
  return rs_suggestion_new_entity (GPOINTER_TO_INT (kind) - 1, rs_suggestion_get_name (s),
                                   rs_suggestion_get_aliases (s), rs_suggestion_get_start (s),
                                   rs_suggestion_get_end (s), 0, rs_suggestion_get_reason (s));
}

/* Accepts the entries at @indices of `entries` in one command (one undo step). */
static gboolean
accept_entries (RsSuggestionsPanel *self,
                GArray             *indices)
{
  RsCaseStore *store = rs_panel_get_store (RS_PANEL (self));
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify)rs_suggestion_unref);
  g_autoptr(RsChange) change = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || indices->len == 0 || self->entries_document_id != self->document_id)
    return FALSE;
  /* The window's lock: said, not silently ignored. */
  if (!rs_panel_get_editable (RS_PANEL (self)))
    {
      show_error (self, _("Editing is locked in this window: unlock it (main menu) to accept"));
      return FALSE;
    }

  for (guint i = 0; i < indices->len; i++)
    g_ptr_array_add (suggestions,
                     dup_to_accept (self, g_ptr_array_index (self->entries,
                                                             g_array_index (indices, guint, i))));

  if (!(change = rs_case_edit_accept_suggestions (store, self->document_id, suggestions, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("Could not accept: %s"), error->message);

      show_error (self, message);
      return FALSE;
    }
  show_error (self, NULL);

  /* Gone from the list now; the engine's next run (the case changed) agrees.
   * @indices ascend. */
  for (guint i = indices->len; i > 0; i--)
    g_ptr_array_remove_index (self->entries, g_array_index (indices, guint, i - 1));
  rebuild_rows (self);
  return TRUE;
}

static void
on_row_accept_cb (RsSuggestionsPanel *self,
                  RsSuggestionRow    *row)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  guint index;

  if (entry_of_row (self, row, &index) == NULL)
    return;
  g_array_append_val (indices, index);
  accept_entries (self, indices);
}

static void
on_row_reject_cb (RsSuggestionsPanel *self,
                  RsSuggestionRow    *row)
{
  DocState *state = doc_state (self, self->entries_document_id);
  guint index;
  Entry *entry;

  if ((entry = entry_of_row (self, row, &index)) == NULL)
    return;
  g_hash_table_add (state->rejected, g_strdup (entry->key));
  g_ptr_array_remove_index (self->entries, index);
  show_error (self, NULL);
  rebuild_rows (self);
}

static void
on_row_kind_cb (RsSuggestionsPanel *self,
                GParamSpec         *pspec,
                RsSuggestionRow    *row)
{
  DocState *state = doc_state (self, self->entries_document_id);
  Entry *entry = entry_of_row (self, row, NULL);

  if (entry != NULL)
    g_hash_table_insert (state->kinds, g_strdup (entry->key),
                         GINT_TO_POINTER (rs_suggestion_row_get_kind (row) + 1));
}

static void
on_row_activated_cb (RsSuggestionsPanel *self,
                     GtkListBoxRow      *row,
                     GtkListBox         *list_box)
{
  RsSuggestion *suggestion = rs_suggestion_row_get_suggestion (RS_SUGGESTION_ROW (row));

  g_signal_emit (self, signals[SHOW_SPAN], 0, self->entries_document_id,
                 (gint64)rs_suggestion_get_start (suggestion), (gint64)rs_suggestion_get_end (suggestion));
}

/* a or Enter accepts the row with the keyboard, r or Delete rejects it; in the row's
 * buttons and drop-down the keys keep their meaning. */
static gboolean
on_key_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  RsSuggestionsPanel *self = RS_SUGGESTIONS_PANEL (user_data);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean accept = g_variant_get_boolean (args);

  if (focus == NULL || !RS_IS_SUGGESTION_ROW (focus))
    return FALSE;
  if (accept)
    on_row_accept_cb (self, RS_SUGGESTION_ROW (focus));
  else
    on_row_reject_cb (self, RS_SUGGESTION_ROW (focus));
  return TRUE;
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  int group = g_variant_get_int32 (param);

  if (group >= 0 && group < RS_SUGGESTION_GROUP_LAST)
    rs_suggestions_panel_accept_group (RS_SUGGESTIONS_PANEL (widget), group);
}

/* --- RsPanel -------------------------------------------------------------------- */

static void
rs_suggestions_panel_store_changed (RsPanel *panel)
{
  RsSuggestionsPanel *self = RS_SUGGESTIONS_PANEL (panel);

  /* Another case: its ids mean other things. */
  g_hash_table_remove_all (self->doc_states);
  g_ptr_array_set_size (self->entries, 0);
  self->entries_document_id = 0;
  self->fresh = FALSE;
  show_error (self, NULL);
  queue_refresh (self);
  rebuild_rows (self);
}

static void
rs_suggestions_panel_case_changed (RsPanel *panel)
{
  RsSuggestionsPanel *self = RS_SUGGESTIONS_PANEL (panel);

  self->fresh = FALSE;
  queue_refresh (self);
}

/* --- GObject -------------------------------------------------------------------- */

static void
rs_suggestions_panel_dispose (GObject *object)
{
  RsSuggestionsPanel *self = (RsSuggestionsPanel *)object;

  cancel_run (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_SUGGESTIONS_PANEL);

  G_OBJECT_CLASS (rs_suggestions_panel_parent_class)->dispose (object);
}

static void
rs_suggestions_panel_finalize (GObject *object)
{
  RsSuggestionsPanel *self = (RsSuggestionsPanel *)object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->doc_states, g_hash_table_unref);

  G_OBJECT_CLASS (rs_suggestions_panel_parent_class)->finalize (object);
}

static void
rs_suggestions_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RsSuggestionsPanel *self = RS_SUGGESTIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, rs_suggestions_panel_get_document_id (self));
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, rs_suggestions_panel_get_running (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_suggestions_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RsSuggestionsPanel *self = RS_SUGGESTIONS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      rs_suggestions_panel_set_document_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_suggestions_panel_class_init (RsSuggestionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RsPanelClass *panel_class = RS_PANEL_CLASS (klass);

  object_class->dispose = rs_suggestions_panel_dispose;
  object_class->finalize = rs_suggestions_panel_finalize;
  object_class->get_property = rs_suggestions_panel_get_property;
  object_class->set_property = rs_suggestions_panel_set_property;

  panel_class->store_changed = rs_suggestions_panel_store_changed;
  panel_class->case_changed = rs_suggestions_panel_case_changed;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsSuggestionsPanel::show-span:
   * @document_id: the report
   * @start: the span's first character
   * @end: the character after it
   *
   * Emitted when a suggestion is clicked (or Space on it): the window shows the span
   * in the source viewer.
   */
  signals[SHOW_SPAN] =
    g_signal_new ("show-span", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "suggestions.accept-all", "i", accept_all_action);

  g_type_ensure (RS_TYPE_SUGGESTION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/rs-suggestions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionsPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionsPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionsPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionsPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, RsSuggestionsPanel, scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
add_key (GtkShortcutController *keys,
         guint                  keyval,
         gboolean               accept,
         gpointer               self)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                            gtk_callback_action_new (on_key_cb, self, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (accept));
  gtk_shortcut_controller_add_shortcut (keys, shortcut);
}

static void
rs_suggestions_panel_init (RsSuggestionsPanel *self)
{
  GtkEventController *keys;

  rs_panel_add_edit_action (RS_PANEL (self), "suggestions.accept-all");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  self->doc_states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify)doc_state_free);

  gtk_list_box_set_header_func (self->list_box, update_header, self, NULL);

  /* Before the list box's own Enter (activate the row): Enter accepts. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_a, TRUE, self);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Return, TRUE, self);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Enter, TRUE, self);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_r, FALSE, self);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Delete, FALSE, self);
  add_key (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Delete, FALSE, self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_box), keys);

  update_page (self);
}

GtkWidget *
rs_suggestions_panel_new (void)
{
  return g_object_new (RS_TYPE_SUGGESTIONS_PANEL, NULL);
}

gint64
rs_suggestions_panel_get_document_id (RsSuggestionsPanel *self)
{
  g_return_val_if_fail (RS_IS_SUGGESTIONS_PANEL (self), 0);
  return self->document_id;
}

/* The report to propose from (0: none); the window follows the source viewer's. */
void
rs_suggestions_panel_set_document_id (RsSuggestionsPanel *self,
                                      gint64              document_id)
{
  g_return_if_fail (RS_IS_SUGGESTIONS_PANEL (self));

  if (self->document_id == document_id)
    return;
  self->document_id = document_id;
  show_error (self, NULL);
  /* The old report's run is of no use now. */
  if (self->entries_document_id != document_id)
    cancel_run (self);
  queue_refresh (self);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

/* Whether the engine is reading the report. */
gboolean
rs_suggestions_panel_get_running (RsSuggestionsPanel *self)
{
  g_return_val_if_fail (RS_IS_SUGGESTIONS_PANEL (self), FALSE);
  return self->running;
}

/* How many suggestions of @group are pending (listed or not) for the report. */
guint
rs_suggestions_panel_count (RsSuggestionsPanel *self,
                            RsSuggestionGroup   group)
{
  g_return_val_if_fail (RS_IS_SUGGESTIONS_PANEL (self), 0);
  g_return_val_if_fail (group < RS_SUGGESTION_GROUP_LAST, 0);

  if (self->entries_document_id != self->document_id)
    return 0;
  return count_group (self, group);
}

/**
 * rs_suggestions_panel_accept_group:
 * @self: the panel
 * @group: the group
 *
 * Accepts every pending suggestion of @group (its rows past the first
 * MAX_ROWS_PER_GROUP too), as one undoable command. A refusal is said in the panel.
 *
 * Returns: whether anything was accepted
 */
gboolean
rs_suggestions_panel_accept_group (RsSuggestionsPanel *self,
                                   RsSuggestionGroup   group)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (RS_IS_SUGGESTIONS_PANEL (self), FALSE);
  g_return_val_if_fail (group < RS_SUGGESTION_GROUP_LAST, FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    if (((Entry *)g_ptr_array_index (self->entries, i))->group == group)
      g_array_append_val (indices, i);
  return accept_entries (self, indices);
}
