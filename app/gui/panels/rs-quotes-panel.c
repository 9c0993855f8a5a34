/* rs-quotes-panel.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-quotes-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-gui-closures.h"
#include "rs-quote-hit.h"
#include "rs-quotes-panel-private.h"

G_DEFINE_FINAL_TYPE (RsQuotesPanel, rs_quotes_panel, RS_TYPE_PANEL)

enum {
  PROP_0,
  PROP_QUOTES,
  PROP_HEADING,
  PROP_STATUS,
  PROP_N_QUOTES,
  PROP_N_DOCUMENTS,
  PROP_HAS_SELECTION,
  N_PROPS
};

enum {
  REVEAL_QUOTE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What one quote backs among the selected things, one list of labels per stance. */
typedef struct
{
  RsQuote   *quote;                 /* borrowed from the case */
  GPtrArray *labels[RS_STANCE_MENTIONS + 1];
} QuoteLinks;

static void
quote_links_free (gpointer data)
{
  QuoteLinks *links = data;

  for (guint i = 0; i < G_N_ELEMENTS (links->labels); i++)
    g_clear_pointer (&links->labels[i], g_ptr_array_unref);
  g_free (links);
}

static char *
join_labels (GPtrArray *labels)
{
  if (labels == NULL || labels->len == 0)
    return NULL;
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **)labels->pdata);
}

static int
compare_quotes (gconstpointer a,
                gconstpointer b)
{
  RsQuote *qa = (*(QuoteLinks * const *)a)->quote;
  RsQuote *qb = (*(QuoteLinks * const *)b)->quote;
  gint64 sa = rs_quote_get_start (qa), sb = rs_quote_get_start (qb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (rs_quote_get_id (qa) != rs_quote_get_id (qb))
    return rs_quote_get_id (qa) < rs_quote_get_id (qb) ? -1 : 1;
  return 0;
}

/* Documents in publication order (undated last), then by title. */
static int
compare_documents (gconstpointer a,
                   gconstpointer b)
{
  RsDocument *da = *(RsDocument * const *)a;
  RsDocument *db = *(RsDocument * const *)b;
  const char *pa = rs_document_get_published (da);
  const char *pb = rs_document_get_published (db);
  gboolean has_a = pa != NULL && *pa != '\0';
  gboolean has_b = pb != NULL && *pb != '\0';
  int cmp;

  if (has_a != has_b)
    return has_a ? -1 : 1;
  if (has_a && (cmp = strcmp (pa, pb)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (rs_document_get_title (da), rs_document_get_title (db))) != 0)
    return cmp;
  return rs_document_get_id (da) < rs_document_get_id (db) ? -1 : 1;
}

/* The things whose quotes are listed: every selected entity, relation and event, or
 * only the event when an event is the primary item (the timeline selects an event
 * with its entities, and then it is the event's sources that matter). */
static GArray *
collect_targets (RsSelection *selection)
{
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (RsPanelTarget));
  RsPanelTarget primary;
  guint n;

  if (selection == NULL || !rs_selection_get_primary (selection, &primary.target, &primary.id))
    return targets;

  if (primary.target == RS_TARGET_EVENT)
    {
      g_array_append_val (targets, primary);
      return targets;
    }

  n = rs_selection_get_n_items (selection);
  for (guint i = 0; i < n; i++)
    {
      RsPanelTarget item;

      rs_selection_get_item (selection, i, &item.target, &item.id);
      if (item.target == RS_TARGET_ENTITY ||
          item.target == RS_TARGET_RELATION ||
          item.target == RS_TARGET_EVENT)
        g_array_append_val (targets, item);
    }
  return targets;
}

static gboolean
same_targets (GArray *a,
              GArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const RsPanelTarget *ta = &g_array_index (a, RsPanelTarget, i);
      const RsPanelTarget *tb = &g_array_index (b, RsPanelTarget, i);

      if (ta->target != tb->target || ta->id != tb->id)
        return FALSE;
    }
  return TRUE;
}

/* The item at @position, borrowed: the store holds it. */
static gpointer
item_at (GListStore *store,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  return item;
}

static gpointer
hit_at (RsQuotesPanel *self,
        guint          position)
{
  return item_at (self->hits, position);
}

/* Turns @store into @wanted with as few items-changed as it takes: hits that stay
 * are not touched (their rows keep widget, focus and place), runs of new or gone
 * ones are one splice each, and a hit that moved (its quote now starts after
 * another's) is taken out and put back. */
static void
sync_store (GListStore *store,
            GPtrArray  *wanted)
{
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(GHashTable) want = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) have = g_hash_table_new (NULL, NULL);
  guint pos = 0, j = 0, n;

  for (guint i = 0; i < wanted->len; i++)
    g_hash_table_add (want, g_ptr_array_index (wanted, i));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (have, item_at (store, i));

  while (j < wanted->len)
    {
      guint drop = 0, add = 0;
      gpointer item;

      n = g_list_model_get_n_items (model);
      while (pos + drop < n &&
             !g_hash_table_contains (want, item_at (store, pos + drop)))
        drop++;
      while (j + add < wanted->len && !g_hash_table_contains (have, g_ptr_array_index (wanted, j + add)))
        add++;
      if (drop > 0 || add > 0)
        {
          g_list_store_splice (store, pos, drop, wanted->pdata + j, add);
          pos += add;
          j += add;
          continue;
        }

      item = g_ptr_array_index (wanted, j);
      if (item_at (store, pos) != item)
        {
          guint from;

          /* Wanted and listed, but further down: it moves up here. */
          if (g_list_store_find (store, item, &from))
            {
              g_autoptr(GObject) keep = g_object_ref (item);

              g_list_store_remove (store, from);
              g_list_store_insert (store, pos, item);
            }
        }
      pos++;
      j++;
    }

  n = g_list_model_get_n_items (model);
  if (pos < n)
    g_list_store_splice (store, pos, n - pos, NULL, 0);
}

static void
update_hits (RsQuotesPanel *self,
             GPtrArray     *hits)
{
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();

  for (guint i = 0; i < hits->len; i++)
    if (rs_quote_hit_get_is_quote (g_ptr_array_index (hits, i)))
      g_ptr_array_add (quotes, rs_quote_hit_get_quote (g_ptr_array_index (hits, i)));
  sync_store (self->hits, hits);
  sync_store (self->quotes, quotes);
}

static void
rebuild (RsQuotesPanel *self)
{
  RsCase *kase = rs_panel_get_case (RS_PANEL (self));
  g_autoptr(GArray) targets = collect_targets (rs_panel_get_selection (RS_PANEL (self)));
  g_autoptr(GHashTable) by_quote = NULL;
  g_autoptr(GHashTable) by_document = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) old_headers = NULL;
  g_autoptr(GHashTable) old_quotes = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *status = NULL;
  GHashTableIter iter;
  QuoteLinks *links;
  guint n_quotes = 0;

  by_quote = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, quote_links_free);
  by_document = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify)g_ptr_array_unref);
  documents = g_ptr_array_new ();
  hits = g_ptr_array_new_with_free_func (g_object_unref);

  if (kase == NULL)
    g_array_set_size (targets, 0);

  for (guint i = 0; i < targets->len; i++)
    {
      const RsPanelTarget *target = &g_array_index (targets, RsPanelTarget, i);
      g_autofree char *label = rs_panel_dup_target_label (kase, target->target, target->id, FALSE);
      g_autoptr(GPtrArray) evidence = NULL;

      if (label == NULL)
        continue;

      evidence = rs_case_dup_evidence_for (kase, target->target, target->id);
      for (guint j = 0; j < evidence->len; j++)
        {
          RsEvidence *link = g_ptr_array_index (evidence, j);
          gint64 quote_id = rs_evidence_get_quote_id (link);
          RsStance stance = rs_evidence_get_stance (link);
          RsQuote *quote = rs_case_lookup_quote (kase, quote_id);

          if (quote == NULL || (guint)stance > RS_STANCE_MENTIONS)
            continue;

          if (!(links = g_hash_table_lookup (by_quote, &quote_id)))
            {
              links = g_new0 (QuoteLinks, 1);
              links->quote = quote;
              g_hash_table_insert (by_quote, g_memdup2 (&quote_id, sizeof quote_id), links);
            }
          if (links->labels[stance] == NULL)
            links->labels[stance] = g_ptr_array_new_with_free_func (g_free);
          if (!g_ptr_array_find_with_equal_func (links->labels[stance], label, g_str_equal, NULL))
            g_ptr_array_add (links->labels[stance], g_strdup (label));
        }
    }

  g_hash_table_iter_init (&iter, by_quote);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&links))
    {
      gint64 document_id = rs_quote_get_document_id (links->quote);
      RsDocument *document = rs_case_lookup_document (kase, document_id);
      GPtrArray *group;

      if (document == NULL)
        continue;
      if (!(group = g_hash_table_lookup (by_document, &document_id)))
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (by_document, g_memdup2 (&document_id, sizeof document_id), group);
          g_ptr_array_add (documents, document);
        }
      g_ptr_array_add (group, links);
      n_quotes++;
    }

  /* The hits listed now, by what they show: kept and updated where still wanted. */
  old_headers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  old_quotes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->hits)); i++)
    {
      RsQuoteHit *hit = hit_at (self, i);
      gint64 id;

      if (rs_quote_hit_get_is_quote (hit))
        {
          id = rs_quote_get_id (rs_quote_hit_get_quote (hit));
          g_hash_table_insert (old_quotes, g_memdup2 (&id, sizeof id), hit);
        }
      else
        {
          id = rs_document_get_id (rs_quote_hit_get_document (hit));
          g_hash_table_insert (old_headers, g_memdup2 (&id, sizeof id), hit);
        }
    }

  g_ptr_array_sort (documents, compare_documents);
  for (guint i = 0; i < documents->len; i++)
    {
      RsDocument *document = g_ptr_array_index (documents, i);
      gint64 document_id = rs_document_get_id (document);
      GPtrArray *group = g_hash_table_lookup (by_document, &document_id);
      RsQuoteHit *header = g_hash_table_lookup (old_headers, &document_id);

      g_ptr_array_sort (group, compare_quotes);
      if (header != NULL && rs_quote_hit_get_document (header) == document)
        {
          rs_quote_hit_set_n_quotes (header, group->len);
          g_ptr_array_add (hits, g_object_ref (header));
        }
      else
        g_ptr_array_add (hits, rs_quote_hit_new_header (document, group->len));

      for (guint j = 0; j < group->len; j++)
        {
          QuoteLinks *q = g_ptr_array_index (group, j);
          g_autofree char *supports = join_labels (q->labels[RS_STANCE_SUPPORTS]);
          g_autofree char *contradicts = join_labels (q->labels[RS_STANCE_CONTRADICTS]);
          g_autofree char *mentions = join_labels (q->labels[RS_STANCE_MENTIONS]);
          gint64 quote_id = rs_quote_get_id (q->quote);
          RsQuoteHit *hit = g_hash_table_lookup (old_quotes, &quote_id);

          if (hit != NULL && rs_quote_hit_get_quote (hit) == q->quote &&
              rs_quote_hit_get_document (hit) == document)
            {
              rs_quote_hit_set_links (hit, supports, contradicts, mentions);
              g_ptr_array_add (hits, g_object_ref (hit));
            }
          else
            g_ptr_array_add (hits, rs_quote_hit_new_quote (document, q->quote,
                                                           supports, contradicts, mentions));
        }
    }

  if (targets->len > 0)
    {
      const RsPanelTarget *first = &g_array_index (targets, RsPanelTarget, 0);
      g_autofree char *label = rs_panel_dup_target_label (kase, first->target, first->id, TRUE);

      heading = rs_gui_closures_and_more (NULL, label, targets->len - 1);
      /* A relation is only as good as its status: alleged is not confirmed. */
      if (first->target == RS_TARGET_RELATION && label != NULL)
        {
          RsRelation *relation = rs_case_lookup_relation (kase, first->id);

          if (relation != NULL)
            status = g_strdup (rs_relation_status_to_display (rs_relation_get_status (relation)));
        }
    }

  update_hits (self, hits);

  g_clear_pointer (&self->targets, g_array_unref);
  self->targets = g_steal_pointer (&targets);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->heading, heading) != 0)
    {
      g_free (self->heading);
      self->heading = g_steal_pointer (&heading);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
    }
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_steal_pointer (&status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (self->n_quotes != n_quotes)
    {
      self->n_quotes = n_quotes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUOTES]);
    }
  if (self->n_documents != documents->len)
    {
      self->n_documents = documents->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
    }
  if (self->has_selection != (self->targets->len > 0))
    {
      self->has_selection = self->targets->len > 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_list_view_activate_cb (RsQuotesPanel *self,
                          guint          position,
                          GtkListView   *list_view)
{
  g_autoptr(RsQuoteHit) hit = NULL;

  g_assert (RS_IS_QUOTES_PANEL (self));

  hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);
  if (hit == NULL || !rs_quote_hit_get_is_quote (hit))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "quotes.reveal", "x",
                              rs_quote_get_id (rs_quote_hit_get_quote (hit)));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REVEAL_QUOTE], 0, g_variant_get_int64 (param));
}

/* What a transaction did decides whether the list can show anything else: its
 * quotes, their evidence and documents, and the names of the listed things. Only
 * then is it brought up to date, in place. */
static gboolean
changes_matter (RsCaseChanges *changes)
{
  GType kinds[] = { RS_TYPE_QUOTE, RS_TYPE_EVIDENCE, RS_TYPE_DOCUMENT,
                    RS_TYPE_ENTITY, RS_TYPE_RELATION, RS_TYPE_EVENT };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (rs_case_changes_get_added (changes, kinds[i])->len > 0 ||
        rs_case_changes_get_changed (changes, kinds[i])->len > 0 ||
        rs_case_changes_get_removed (changes, kinds[i])->len > 0)
      return TRUE;
  return FALSE;
}

static void
on_case_changes_cb (RsQuotesPanel *self,
                    RsCaseChanges *changes,
                    RsCase        *kase)
{
  g_assert (RS_IS_QUOTES_PANEL (self));

  self->saw_changes = TRUE;
  if (self->targets != NULL && self->targets->len > 0 && changes_matter (changes))
    rebuild (self);
}

static void
rs_quotes_panel_store_changed (RsPanel *panel)
{
  RsQuotesPanel *self = RS_QUOTES_PANEL (panel);

  g_signal_group_set_target (self->case_signals, rs_panel_get_case (panel));
  rebuild (self);
}

/* The timeline adds an event's entities one "changed" at a time, and the event alone
 * decides what is listed: rebuild only when the listed things change. */
static void
rs_quotes_panel_selection_changed (RsPanel *panel)
{
  RsQuotesPanel *self = RS_QUOTES_PANEL (panel);
  g_autoptr(GArray) targets = collect_targets (rs_panel_get_selection (panel));

  if (!same_targets (targets, self->targets))
    rebuild (self);
}

/* After RsCase::changes the list is already up to date; a bare ::changed (the case's
 * title…) says nothing about what changed. */
static void
rs_quotes_panel_case_changed (RsPanel *panel)
{
  RsQuotesPanel *self = RS_QUOTES_PANEL (panel);

  if (self->saw_changes)
    {
      self->saw_changes = FALSE;
      return;
    }
  rebuild (self);
}

static void
rs_quotes_panel_dispose (GObject *object)
{
  RsQuotesPanel *self = (RsQuotesPanel *)object;

  if (self->case_signals != NULL)
    g_signal_group_set_target (self->case_signals, NULL);
  g_clear_object (&self->case_signals);
  _rs_quotes_panel_dispose_editing (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_QUOTES_PANEL);

  G_OBJECT_CLASS (rs_quotes_panel_parent_class)->dispose (object);
}

static void
rs_quotes_panel_finalize (GObject *object)
{
  RsQuotesPanel *self = (RsQuotesPanel *)object;

  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->targets, g_array_unref);

  G_OBJECT_CLASS (rs_quotes_panel_parent_class)->finalize (object);
}

static void
rs_quotes_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RsQuotesPanel *self = RS_QUOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_QUOTES:
      g_value_set_object (value, rs_quotes_panel_get_quotes (self));
      break;

    case PROP_HEADING:
      g_value_set_string (value, rs_quotes_panel_get_heading (self));
      break;

    case PROP_STATUS:
      g_value_set_string (value, rs_quotes_panel_get_status (self));
      break;

    case PROP_N_QUOTES:
      g_value_set_uint (value, rs_quotes_panel_get_n_quotes (self));
      break;

    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, rs_quotes_panel_get_n_documents (self));
      break;

    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, rs_quotes_panel_get_has_selection (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_quotes_panel_class_init (RsQuotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RsPanelClass *panel_class = RS_PANEL_CLASS (klass);

  object_class->dispose = rs_quotes_panel_dispose;
  object_class->finalize = rs_quotes_panel_finalize;
  object_class->get_property = rs_quotes_panel_get_property;

  panel_class->store_changed = rs_quotes_panel_store_changed;
  panel_class->selection_changed = rs_quotes_panel_selection_changed;
  panel_class->case_changed = rs_quotes_panel_case_changed;

  properties[PROP_QUOTES] =
    g_param_spec_object ("quotes", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUOTES] =
    g_param_spec_uint ("n-quotes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsQuotesPanel::reveal-quote:
   * @quote_id: the quote to show in its document
   *
   * Emitted when a quote is activated (click, Enter): the window opens the source
   * viewer on it.
   */
  signals[REVEAL_QUOTE] =
    g_signal_new ("reveal-quote", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "quotes.reveal", "x", reveal_action);

  g_type_ensure (RS_TYPE_QUOTE_HIT);
  g_type_ensure (RS_TYPE_DOCUMENT);
  g_type_ensure (RS_TYPE_QUOTE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/rs-quotes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RsQuotesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RsQuotesPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, RsQuotesPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, RsQuotesPanel, hits);
  gtk_widget_class_bind_template_child (widget_class, RsQuotesPanel, quotes);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  rs_gui_closures_bind_template (widget_class);
  _rs_quotes_panel_class_init_editing (widget_class);

  gtk_widget_class_set_css_name (widget_class, "rs-quotes-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rs_quotes_panel_init (RsQuotesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->case_signals = g_signal_group_new (RS_TYPE_CASE);
  g_signal_group_connect_object (self->case_signals, "changes",
                                 G_CALLBACK (on_case_changes_cb), self, G_CONNECT_SWAPPED);
  _rs_quotes_panel_init_editing (self);
}

GtkWidget *
rs_quotes_panel_new (void)
{
  return g_object_new (RS_TYPE_QUOTES_PANEL, NULL);
}

/* The RsQuote items currently listed, in the order shown (document headings left out). */
GListModel *
rs_quotes_panel_get_quotes (RsQuotesPanel *self)
{
  g_return_val_if_fail (RS_IS_QUOTES_PANEL (self), NULL);
  return G_LIST_MODEL (self->quotes);
}

const char *
rs_quotes_panel_get_heading (RsQuotesPanel *self)
{
  g_return_val_if_fail (RS_IS_QUOTES_PANEL (self), NULL);
  return self->heading;
}

/* When the heading names a relation, its status (“Alleged”, “Confirmed”…), else NULL. */
const char *
rs_quotes_panel_get_status (RsQuotesPanel *self)
{
  g_return_val_if_fail (RS_IS_QUOTES_PANEL (self), NULL);
  return self->status;
}

guint
rs_quotes_panel_get_n_quotes (RsQuotesPanel *self)
{
  g_return_val_if_fail (RS_IS_QUOTES_PANEL (self), 0);
  return self->n_quotes;
}

guint
rs_quotes_panel_get_n_documents (RsQuotesPanel *self)
{
  g_return_val_if_fail (RS_IS_QUOTES_PANEL (self), 0);
  return self->n_documents;
}

gboolean
rs_quotes_panel_get_has_selection (RsQuotesPanel *self)
{
  g_return_val_if_fail (RS_IS_QUOTES_PANEL (self), FALSE);
  return self->has_selection;
}

/* What the list was built for (RsPanelTarget), primary first. */
GArray *
_rs_quotes_panel_get_targets (RsQuotesPanel *self)
{
  return self->targets;
}
