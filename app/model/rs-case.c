/* rs-case.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case"

#include "config.h"

#include "rs-case.h"
#include "rs-case-changes.h"
#include "rs-record-list.h"

/* The aggregate root the UI binds to: one list (RsRecordList) per record type, plus indices
 * so that "what backs this node?" never scans the whole case. It holds no SQL: the
 * store commits first, then mirrors the change here (cascades included). */
struct _RsCase
{
  GObject parent_instance;

  char *uid;
  char *title;
  char *description;
  char *created;

  /* Owned lists, one per record type */
  RsRecordList *documents;
  RsRecordList *entities;
  RsRecordList *relations;
  RsRecordList *quotes;
  RsRecordList *evidence;
  RsRecordList *events;
  RsRecordList *notes;
  RsRecordList *reviews;
  RsRecordList *comments;
  RsRecordList *story_views;

  /* Owned indices: id -> object (borrowed from the lists) */
  GHashTable *document_by_id;
  GHashTable *entity_by_id;
  GHashTable *relation_by_id;
  GHashTable *quote_by_id;
  GHashTable *evidence_by_id;
  GHashTable *event_by_id;
  GHashTable *note_by_id;
  GHashTable *review_by_id;
  GHashTable *comment_by_id;
  GHashTable *story_view_by_id;

  /* Owned indices: key -> GPtrArray of borrowed objects */
  GHashTable *evidence_by_target;   /* target_key () */
  GHashTable *evidence_by_quote;    /* quote id */
  GHashTable *quotes_by_document;   /* document id */
  GHashTable *relations_by_entity;  /* entity id, both ends */
  GHashTable *reviews_by_target;    /* target_key (): at most one */
  GHashTable *comments_by_target;   /* target_key () */

  /* The transaction being mirrored (rs_case_begin_changes): nesting depth, and what it
   * did so far. Its additions reach the lists in one splice per list when it ends. */
  guint          change_depth;
  RsCaseChanges *changes;
};

G_DEFINE_FINAL_TYPE (RsCase, rs_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CREATED,
  N_PROPS
};

enum {
  CHANGES,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
target_key (RsTarget target,
            gint64   id)
{
  return ((gint64)target << 56) | id;
}

/* The table owns its keys: a key kept on each object as its data (as before) cost a
 * GData block per object, some 6 MB at 20,000 entities with their quotes and links. */
static GHashTable *
id_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static GHashTable *
multi_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify)g_ptr_array_unref);
}

static void
multi_add (GHashTable *table,
           gint64      key,
           gpointer    item)
{
  GPtrArray *ar = g_hash_table_lookup (table, &key);

  if (ar == NULL)
    {
      gint64 *k = g_new (gint64, 1);

      *k = key;
      ar = g_ptr_array_new ();
      g_hash_table_insert (table, k, ar);
    }
  g_ptr_array_add (ar, item);
}

static void
multi_remove (GHashTable *table,
              gint64      key,
              gpointer    item)
{
  GPtrArray *ar = g_hash_table_lookup (table, &key);

  if (ar == NULL)
    return;
  g_ptr_array_remove_fast (ar, item);
  if (ar->len == 0)
    g_hash_table_remove (table, &key);
}

static GPtrArray *
multi_dup (GHashTable *table,
           gint64      key)
{
  GPtrArray *ar = g_hash_table_lookup (table, &key);
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; ar != NULL && i < ar->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (ar, i)));
  return copy;
}

/* Indexed under a copy of its id, which the table frees. */
static void
index_insert (GHashTable *table,
              gint64      id,
              gpointer    object)
{
  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), object);
}

/* Inside a transaction an addition waits for the splice at its end. */
static void
list_add (RsCase     *self,
          RsRecordList *store,
          gpointer    item)
{
  if (self->change_depth > 0)
    rs_case_changes_add (self->changes, item);
  else
    rs_record_list_append (store, item);
}

static gboolean
is_pending (RsCase   *self,
            GType     type,
            gpointer  item)
{
  return self->change_depth > 0 &&
         g_ptr_array_find (rs_case_changes_get_added (self->changes, type), item, NULL);
}

static void
store_remove_item (RsCase     *self,
                   RsRecordList *store,
                   gpointer    item)
{
  guint position;
  gboolean pending = is_pending (self, g_list_model_get_item_type (G_LIST_MODEL (store)), item);

  if (self->change_depth > 0)
    rs_case_changes_remove (self->changes, item);
  if (!pending && rs_record_list_find (store, item, &position))
    rs_record_list_remove (store, position);
}


static void
rs_case_dispose (GObject *object)
{
  RsCase *self = (RsCase *)object;

  g_clear_pointer (&self->evidence_by_target, g_hash_table_unref);
  g_clear_pointer (&self->evidence_by_quote, g_hash_table_unref);
  g_clear_pointer (&self->quotes_by_document, g_hash_table_unref);
  g_clear_pointer (&self->relations_by_entity, g_hash_table_unref);
  g_clear_pointer (&self->reviews_by_target, g_hash_table_unref);
  g_clear_pointer (&self->comments_by_target, g_hash_table_unref);
  g_clear_pointer (&self->document_by_id, g_hash_table_unref);
  g_clear_pointer (&self->entity_by_id, g_hash_table_unref);
  g_clear_pointer (&self->relation_by_id, g_hash_table_unref);
  g_clear_pointer (&self->quote_by_id, g_hash_table_unref);
  g_clear_pointer (&self->evidence_by_id, g_hash_table_unref);
  g_clear_pointer (&self->event_by_id, g_hash_table_unref);
  g_clear_pointer (&self->note_by_id, g_hash_table_unref);
  g_clear_pointer (&self->review_by_id, g_hash_table_unref);
  g_clear_pointer (&self->comment_by_id, g_hash_table_unref);
  g_clear_pointer (&self->story_view_by_id, g_hash_table_unref);

  g_clear_object (&self->documents);
  g_clear_object (&self->entities);
  g_clear_object (&self->relations);
  g_clear_object (&self->quotes);
  g_clear_object (&self->evidence);
  g_clear_object (&self->events);
  g_clear_object (&self->notes);
  g_clear_object (&self->reviews);
  g_clear_object (&self->comments);
  g_clear_object (&self->story_views);
  g_clear_pointer (&self->changes, rs_case_changes_unref);

  G_OBJECT_CLASS (rs_case_parent_class)->dispose (object);
}

static void
rs_case_finalize (GObject *object)
{
  RsCase *self = (RsCase *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->created, g_free);

  G_OBJECT_CLASS (rs_case_parent_class)->finalize (object);
}

static void
rs_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RsCase *self = RS_CASE (object);

  switch (prop_id)
    {
    case PROP_UID:
      g_value_set_string (value, rs_case_get_uid (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, rs_case_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, rs_case_get_description (self));
      break;

    case PROP_CREATED:
      g_value_set_string (value, rs_case_get_created (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RsCase *self = RS_CASE (object);

  switch (prop_id)
    {
    case PROP_UID:
      rs_case_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      rs_case_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      rs_case_set_description (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      rs_case_set_created (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_case_class_init (RsCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_case_dispose;
  object_class->finalize = rs_case_finalize;
  object_class->get_property = rs_case_get_property;
  object_class->set_property = rs_case_set_property;

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsCase::changed:
   *
   * Emitted once after each committed change (a whole import counts as one), after
   * the lists have emitted their own items-changed. Views that derive a picture of
   * the whole case (the board) rebuild on this rather than on every list.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RsCase::changes:
   * @changes: what the transaction added, changed and removed
   *
   * Emitted once per committed transaction, after the lists' items-changed (additions
   * arrive as one splice per list) and just before #RsCase::changed. Views that keep
   * a derived picture update only what @changes names.
   */
  signals[CHANGES] =
    g_signal_new ("changes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                  RS_TYPE_CASE_CHANGES | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
rs_case_init (RsCase *self)
{
  self->documents = rs_record_list_new (RS_TYPE_DOCUMENT, (RsRecordListIdFunc) rs_document_get_id);
  self->entities = rs_record_list_new (RS_TYPE_ENTITY, (RsRecordListIdFunc) rs_entity_get_id);
  self->relations = rs_record_list_new (RS_TYPE_RELATION, (RsRecordListIdFunc) rs_relation_get_id);
  self->quotes = rs_record_list_new (RS_TYPE_QUOTE, (RsRecordListIdFunc) rs_quote_get_id);
  self->evidence = rs_record_list_new (RS_TYPE_EVIDENCE, (RsRecordListIdFunc) rs_evidence_get_id);
  self->events = rs_record_list_new (RS_TYPE_EVENT, (RsRecordListIdFunc) rs_event_get_id);
  self->notes = rs_record_list_new (RS_TYPE_NOTE, (RsRecordListIdFunc) rs_note_get_id);
  self->reviews = rs_record_list_new (RS_TYPE_REVIEW, (RsRecordListIdFunc) rs_review_get_id);
  self->comments = rs_record_list_new (RS_TYPE_COMMENT, (RsRecordListIdFunc) rs_comment_get_id);
  self->story_views = rs_record_list_new (RS_TYPE_STORY_VIEW, (RsRecordListIdFunc) rs_story_view_get_id);

  self->document_by_id = id_table_new ();
  self->entity_by_id = id_table_new ();
  self->relation_by_id = id_table_new ();
  self->quote_by_id = id_table_new ();
  self->evidence_by_id = id_table_new ();
  self->event_by_id = id_table_new ();
  self->note_by_id = id_table_new ();
  self->review_by_id = id_table_new ();
  self->comment_by_id = id_table_new ();
  self->story_view_by_id = id_table_new ();

  self->evidence_by_target = multi_table_new ();
  self->evidence_by_quote = multi_table_new ();
  self->quotes_by_document = multi_table_new ();
  self->relations_by_entity = multi_table_new ();
  self->reviews_by_target = multi_table_new ();
  self->comments_by_target = multi_table_new ();
}

RsCase *
rs_case_new (void)
{
  return g_object_new (RS_TYPE_CASE, NULL);
}

#define DEFINE_STRING_PROPERTY(field, PROP)                                  \
  const char *                                                               \
  rs_case_get_##field (RsCase *self)                                         \
  {                                                                          \
    g_return_val_if_fail (RS_IS_CASE (self), NULL);                          \
    return self->field;                                                      \
  }                                                                          \
                                                                             \
  void                                                                       \
  rs_case_set_##field (RsCase     *self,                                     \
                       const char *field)                                    \
  {                                                                          \
    g_return_if_fail (RS_IS_CASE (self));                                    \
                                                                             \
    if (g_strcmp0 (self->field, field) == 0)                                 \
      return;                                                                \
    g_free (self->field);                                                    \
    self->field = g_strdup (field);                                          \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
  }

DEFINE_STRING_PROPERTY (uid, PROP_UID)
DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_STRING_PROPERTY (description, PROP_DESCRIPTION)
DEFINE_STRING_PROPERTY (created, PROP_CREATED)

#define DEFINE_LIST_GETTER(list)                                             \
  GListModel *                                                               \
  rs_case_get_##list (RsCase *self)                                          \
  {                                                                          \
    g_return_val_if_fail (RS_IS_CASE (self), NULL);                          \
    return G_LIST_MODEL (self->list);                                        \
  }

DEFINE_LIST_GETTER (documents)
DEFINE_LIST_GETTER (entities)
DEFINE_LIST_GETTER (relations)
DEFINE_LIST_GETTER (quotes)
DEFINE_LIST_GETTER (evidence)
DEFINE_LIST_GETTER (events)
DEFINE_LIST_GETTER (notes)
DEFINE_LIST_GETTER (reviews)
DEFINE_LIST_GETTER (comments)
DEFINE_LIST_GETTER (story_views)

#define DEFINE_LOOKUP(Type, type, table)                                     \
  Type *                                                                     \
  rs_case_lookup_##type (RsCase *self,                                       \
                         gint64  id)                                         \
  {                                                                          \
    g_return_val_if_fail (RS_IS_CASE (self), NULL);                          \
    return g_hash_table_lookup (self->table, &id);                           \
  }

DEFINE_LOOKUP (RsDocument, document, document_by_id)
DEFINE_LOOKUP (RsEntity, entity, entity_by_id)
DEFINE_LOOKUP (RsRelation, relation, relation_by_id)
DEFINE_LOOKUP (RsQuote, quote, quote_by_id)
DEFINE_LOOKUP (RsEvidence, evidence, evidence_by_id)
DEFINE_LOOKUP (RsEvent, event, event_by_id)
DEFINE_LOOKUP (RsNote, note, note_by_id)
DEFINE_LOOKUP (RsReview, review, review_by_id)
DEFINE_LOOKUP (RsComment, comment, comment_by_id)
DEFINE_LOOKUP (RsStoryView, story_view, story_view_by_id)

RsEntity *
rs_case_lookup_entity_by_name (RsCase     *self,
                               const char *name)
{
  guint n;

  g_return_val_if_fail (RS_IS_CASE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entities));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->entities), i);

      if (g_strcmp0 (rs_entity_get_name (entity), name) == 0)
        return entity;
    }
  return NULL;
}

GPtrArray *
rs_case_dup_evidence_for (RsCase   *self,
                          RsTarget  target,
                          gint64    target_id)
{
  g_return_val_if_fail (RS_IS_CASE (self), NULL);
  return multi_dup (self->evidence_by_target, target_key (target, target_id));
}

/* Independent documents behind a record: how many reports support or mention it. */
guint
rs_case_count_documents_for (RsCase   *self,
                             RsTarget  target,
                             gint64    target_id)
{
  gint64 key = target_key (target, target_id);
  GPtrArray *ar;
  g_autoptr(GHashTable) docs = NULL;

  g_return_val_if_fail (RS_IS_CASE (self), 0);

  if ((ar = g_hash_table_lookup (self->evidence_by_target, &key)) == NULL)
    return 0;

  docs = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < ar->len; i++)
    {
      RsEvidence *evidence = g_ptr_array_index (ar, i);
      RsQuote *quote = rs_case_lookup_quote (self, rs_evidence_get_quote_id (evidence));
      RsDocument *document;

      if (quote == NULL || rs_evidence_get_stance (evidence) == RS_STANCE_CONTRADICTS)
        continue;
      if ((document = rs_case_lookup_document (self, rs_quote_get_document_id (quote))))
        g_hash_table_add (docs, document);
    }
  return g_hash_table_size (docs);
}

GPtrArray *
rs_case_dup_relations_of (RsCase *self,
                          gint64  entity_id)
{
  g_return_val_if_fail (RS_IS_CASE (self), NULL);
  return multi_dup (self->relations_by_entity, entity_id);
}

static GPtrArray *
filter_list (GListModel *list,
             gboolean  (*keep) (gpointer item, gpointer data),
             gpointer    data)
{
  GPtrArray *ar = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (list, i);

      if (keep (item, data))
        g_ptr_array_add (ar, item);
      else
        g_object_unref (item);
    }
  return ar;
}

GPtrArray *
rs_case_dup_quotes_of (RsCase *self,
                       gint64  document_id)
{
  g_return_val_if_fail (RS_IS_CASE (self), NULL);
  return multi_dup (self->quotes_by_document, document_id);
}

GPtrArray *
rs_case_dup_evidence_of_quote (RsCase *self,
                               gint64  quote_id)
{
  g_return_val_if_fail (RS_IS_CASE (self), NULL);
  return multi_dup (self->evidence_by_quote, quote_id);
}

typedef struct
{
  RsTarget target;
  gint64   id;
} TargetRef;

static gboolean
note_on_target (gpointer item,
                gpointer data)
{
  TargetRef *ref = data;

  return rs_note_get_target (item) == ref->target &&
         (ref->target == RS_TARGET_CASE || rs_note_get_target_id (item) == ref->id);
}

GPtrArray *
rs_case_dup_notes_for (RsCase   *self,
                       RsTarget  target,
                       gint64    target_id)
{
  TargetRef ref = { target, target_id };

  g_return_val_if_fail (RS_IS_CASE (self), NULL);
  return filter_list (G_LIST_MODEL (self->notes), note_on_target, &ref);
}

/* Returns: (transfer none) (nullable): the review state record of a claim, NULL while
 * nobody reviewed it */
RsReview *
rs_case_lookup_review_for (RsCase   *self,
                           RsTarget  target,
                           gint64    target_id)
{
  gint64 key = target_key (target, target_id);
  GPtrArray *ar;

  g_return_val_if_fail (RS_IS_CASE (self), NULL);
  ar = g_hash_table_lookup (self->reviews_by_target, &key);
  return ar != NULL && ar->len > 0 ? g_ptr_array_index (ar, 0) : NULL;
}

RsReviewState
rs_case_get_review_state (RsCase   *self,
                          RsTarget  target,
                          gint64    target_id)
{
  RsReview *review = rs_case_lookup_review_for (self, target, target_id);

  return review != NULL ? rs_review_get_state (review) : RS_REVIEW_STATE_UNREVIEWED;
}

static int
compare_comments (gconstpointer a,
                  gconstpointer b)
{
  gint64 ia = rs_comment_get_id (*(RsComment **)a), ib = rs_comment_get_id (*(RsComment **)b);

  return ia < ib ? -1 : ia > ib;
}

/* Returns: (transfer full) (element-type RsComment): a claim's thread, oldest first */
GPtrArray *
rs_case_dup_comments_for (RsCase   *self,
                          RsTarget  target,
                          gint64    target_id)
{
  GPtrArray *comments;

  g_return_val_if_fail (RS_IS_CASE (self), NULL);
  comments = multi_dup (self->comments_by_target, target_key (target, target_id));
  g_ptr_array_sort (comments, compare_comments);
  return comments;
}

/* The comments of a claim's thread that nobody resolved yet. */
guint
rs_case_count_open_comments_for (RsCase   *self,
                                 RsTarget  target,
                                 gint64    target_id)
{
  gint64 key = target_key (target, target_id);
  GPtrArray *ar;
  guint n = 0;

  g_return_val_if_fail (RS_IS_CASE (self), 0);
  ar = g_hash_table_lookup (self->comments_by_target, &key);
  for (guint i = 0; ar != NULL && i < ar->len; i++)
    if (!rs_comment_get_resolved (g_ptr_array_index (ar, i)))
      n++;
  return n;
}

static gboolean
event_has_entity (gpointer item,
                  gpointer data)
{
  return rs_event_has_entity (item, *(gint64 *)data);
}

GPtrArray *
rs_case_dup_events_of (RsCase *self,
                       gint64  entity_id)
{
  g_return_val_if_fail (RS_IS_CASE (self), NULL);
  return filter_list (G_LIST_MODEL (self->events), event_has_entity, &entity_id);
}

void
rs_case_add_document (RsCase     *self,
                      RsDocument *document)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_DOCUMENT (document));

  index_insert (self->document_by_id, rs_document_get_id (document), document);
  list_add (self, self->documents, document);
}

void
rs_case_add_entity (RsCase   *self,
                    RsEntity *entity)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_ENTITY (entity));

  index_insert (self->entity_by_id, rs_entity_get_id (entity), entity);
  list_add (self, self->entities, entity);
}

void
rs_case_add_relation (RsCase     *self,
                      RsRelation *relation)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_RELATION (relation));

  index_insert (self->relation_by_id, rs_relation_get_id (relation), relation);
  multi_add (self->relations_by_entity, rs_relation_get_source_id (relation), relation);
  if (rs_relation_get_target_id (relation) != rs_relation_get_source_id (relation))
    multi_add (self->relations_by_entity, rs_relation_get_target_id (relation), relation);
  list_add (self, self->relations, relation);
}

void
rs_case_add_quote (RsCase  *self,
                   RsQuote *quote)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_QUOTE (quote));

  index_insert (self->quote_by_id, rs_quote_get_id (quote), quote);
  multi_add (self->quotes_by_document, rs_quote_get_document_id (quote), quote);
  list_add (self, self->quotes, quote);
}

void
rs_case_add_evidence (RsCase     *self,
                      RsEvidence *evidence)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_EVIDENCE (evidence));

  index_insert (self->evidence_by_id, rs_evidence_get_id (evidence), evidence);
  multi_add (self->evidence_by_target,
             target_key (rs_evidence_get_target (evidence), rs_evidence_get_target_id (evidence)),
             evidence);
  multi_add (self->evidence_by_quote, rs_evidence_get_quote_id (evidence), evidence);
  list_add (self, self->evidence, evidence);
}

void
rs_case_add_event (RsCase  *self,
                   RsEvent *event)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_EVENT (event));

  index_insert (self->event_by_id, rs_event_get_id (event), event);
  list_add (self, self->events, event);
}

void
rs_case_add_note (RsCase *self,
                  RsNote *note)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_NOTE (note));

  index_insert (self->note_by_id, rs_note_get_id (note), note);
  list_add (self, self->notes, note);
}

void
rs_case_add_review (RsCase   *self,
                    RsReview *review)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_REVIEW (review));

  index_insert (self->review_by_id, rs_review_get_id (review), review);
  multi_add (self->reviews_by_target,
             target_key (rs_review_get_target (review), rs_review_get_target_id (review)), review);
  list_add (self, self->reviews, review);
}

void
rs_case_add_comment (RsCase    *self,
                     RsComment *comment)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_COMMENT (comment));

  index_insert (self->comment_by_id, rs_comment_get_id (comment), comment);
  multi_add (self->comments_by_target,
             target_key (rs_comment_get_target (comment), rs_comment_get_target_id (comment)),
             comment);
  list_add (self, self->comments, comment);
}

void
rs_case_remove_review (RsCase *self,
                       gint64  id)
{
  g_autoptr(RsReview) review = NULL;
  RsReview *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->review_by_id, &id)) == NULL)
    return;

  review = g_object_ref (found);
  g_hash_table_remove (self->review_by_id, &id);
  multi_remove (self->reviews_by_target,
                target_key (rs_review_get_target (review), rs_review_get_target_id (review)), review);
  store_remove_item (self, self->reviews, review);
}

void
rs_case_remove_comment (RsCase *self,
                        gint64  id)
{
  g_autoptr(RsComment) comment = NULL;
  RsComment *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->comment_by_id, &id)) == NULL)
    return;

  comment = g_object_ref (found);
  g_hash_table_remove (self->comment_by_id, &id);
  multi_remove (self->comments_by_target,
                target_key (rs_comment_get_target (comment), rs_comment_get_target_id (comment)),
                comment);
  store_remove_item (self, self->comments, comment);
}

void
rs_case_add_story_view (RsCase      *self,
                        RsStoryView *view)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (RS_IS_STORY_VIEW (view));

  index_insert (self->story_view_by_id, rs_story_view_get_id (view), view);
  list_add (self, self->story_views, view);
}

void
rs_case_remove_story_view (RsCase *self,
                           gint64  id)
{
  g_autoptr(RsStoryView) view = NULL;
  RsStoryView *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->story_view_by_id, &id)) == NULL)
    return;

  view = g_object_ref (found);
  g_hash_table_remove (self->story_view_by_id, &id);
  store_remove_item (self, self->story_views, view);
}

static int
compare_story_positions (gconstpointer a,
                         gconstpointer b)
{
  RsStoryView *va = *(RsStoryView **)a, *vb = *(RsStoryView **)b;
  guint pa = rs_story_view_get_position (va), pb = rs_story_view_get_position (vb);
  gint64 ia = rs_story_view_get_id (va), ib = rs_story_view_get_id (vb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* Returns: (transfer full) (element-type RsStoryView): the storyline in its order
 * (the list model is in id order, like every other) */
GPtrArray *
rs_case_dup_story_views (RsCase *self)
{
  GListModel *model;
  GPtrArray *views;
  guint n;

  g_return_val_if_fail (RS_IS_CASE (self), NULL);

  model = G_LIST_MODEL (self->story_views);
  n = g_list_model_get_n_items (model);
  views = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (views, g_list_model_get_item (model, i));
  g_ptr_array_sort (views, compare_story_positions);
  return views;
}

/* A claim takes its review state and its thread with it (the schema's cascades). */
static void
remove_review_on (RsCase   *self,
                  RsTarget  target,
                  gint64    id)
{
  g_autoptr(GPtrArray) comments = rs_case_dup_comments_for (self, target, id);
  RsReview *review = rs_case_lookup_review_for (self, target, id);

  if (review != NULL)
    rs_case_remove_review (self, rs_review_get_id (review));
  for (guint i = 0; i < comments->len; i++)
    rs_case_remove_comment (self, rs_comment_get_id (g_ptr_array_index (comments, i)));
}

static void
remove_notes_on (RsCase   *self,
                 RsTarget  target,
                 gint64    id)
{
  g_autoptr(GPtrArray) notes = rs_case_dup_notes_for (self, target, id);

  for (guint i = 0; i < notes->len; i++)
    rs_case_remove_note (self, rs_note_get_id (g_ptr_array_index (notes, i)));
}

static void
remove_evidence_on (RsCase   *self,
                    RsTarget  target,
                    gint64    id)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_for (self, target, id);

  for (guint i = 0; i < evidence->len; i++)
    rs_case_remove_evidence (self, rs_evidence_get_id (g_ptr_array_index (evidence, i)));
}

void
rs_case_remove_evidence (RsCase *self,
                         gint64  id)
{
  g_autoptr(RsEvidence) evidence = NULL;
  RsEvidence *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->evidence_by_id, &id)) == NULL)
    return;

  evidence = g_object_ref (found);
  g_hash_table_remove (self->evidence_by_id, &id);
  multi_remove (self->evidence_by_target,
                target_key (rs_evidence_get_target (evidence), rs_evidence_get_target_id (evidence)),
                evidence);
  multi_remove (self->evidence_by_quote, rs_evidence_get_quote_id (evidence), evidence);
  store_remove_item (self, self->evidence, evidence);
}

void
rs_case_remove_note (RsCase *self,
                     gint64  id)
{
  g_autoptr(RsNote) note = NULL;
  RsNote *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->note_by_id, &id)) == NULL)
    return;

  note = g_object_ref (found);
  g_hash_table_remove (self->note_by_id, &id);
  store_remove_item (self, self->notes, note);
}

void
rs_case_remove_relation (RsCase *self,
                         gint64  id)
{
  g_autoptr(RsRelation) relation = NULL;
  RsRelation *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->relation_by_id, &id)) == NULL)
    return;

  relation = g_object_ref (found);
  remove_evidence_on (self, RS_TARGET_RELATION, id);
  remove_notes_on (self, RS_TARGET_RELATION, id);
  remove_review_on (self, RS_TARGET_RELATION, id);
  g_hash_table_remove (self->relation_by_id, &id);
  multi_remove (self->relations_by_entity, rs_relation_get_source_id (relation), relation);
  multi_remove (self->relations_by_entity, rs_relation_get_target_id (relation), relation);
  store_remove_item (self, self->relations, relation);
}

/* Mirrors the schema's cascades: an entity takes its relations, evidence links, notes
 * and event memberships with it, never a document or a quote. */
void
rs_case_remove_entity (RsCase *self,
                       gint64  id)
{
  g_autoptr(RsEntity) entity = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) events = NULL;
  RsEntity *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->entity_by_id, &id)) == NULL)
    return;

  entity = g_object_ref (found);
  relations = rs_case_dup_relations_of (self, id);
  for (guint i = 0; i < relations->len; i++)
    rs_case_remove_relation (self, rs_relation_get_id (g_ptr_array_index (relations, i)));

  remove_evidence_on (self, RS_TARGET_ENTITY, id);
  remove_notes_on (self, RS_TARGET_ENTITY, id);
  remove_review_on (self, RS_TARGET_ENTITY, id);

  events = rs_case_dup_events_of (self, id);
  for (guint i = 0; i < events->len; i++)
    {
      rs_event_remove_entity (g_ptr_array_index (events, i), id);
      if (self->change_depth > 0)
        rs_case_changes_change (self->changes, g_ptr_array_index (events, i));
    }

  g_hash_table_remove (self->entity_by_id, &id);
  store_remove_item (self, self->entities, entity);
}

void
rs_case_remove_event (RsCase *self,
                      gint64  id)
{
  g_autoptr(RsEvent) event = NULL;
  RsEvent *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->event_by_id, &id)) == NULL)
    return;

  event = g_object_ref (found);
  remove_evidence_on (self, RS_TARGET_EVENT, id);
  remove_notes_on (self, RS_TARGET_EVENT, id);
  remove_review_on (self, RS_TARGET_EVENT, id);
  g_hash_table_remove (self->event_by_id, &id);
  store_remove_item (self, self->events, event);
}

void
rs_case_remove_quote (RsCase *self,
                      gint64  id)
{
  g_autoptr(RsQuote) quote = NULL;
  g_autoptr(GPtrArray) links = NULL;
  RsQuote *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->quote_by_id, &id)) == NULL)
    return;

  quote = g_object_ref (found);
  links = rs_case_dup_evidence_of_quote (self, id);
  for (guint i = 0; i < links->len; i++)
    rs_case_remove_evidence (self, rs_evidence_get_id (g_ptr_array_index (links, i)));
  remove_review_on (self, RS_TARGET_QUOTE, id);

  g_hash_table_remove (self->quote_by_id, &id);
  multi_remove (self->quotes_by_document, rs_quote_get_document_id (quote), quote);
  store_remove_item (self, self->quotes, quote);
}

void
rs_case_remove_document (RsCase *self,
                         gint64  id)
{
  g_autoptr(RsDocument) document = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  RsDocument *found;

  g_return_if_fail (RS_IS_CASE (self));

  if ((found = g_hash_table_lookup (self->document_by_id, &id)) == NULL)
    return;

  document = g_object_ref (found);
  quotes = rs_case_dup_quotes_of (self, id);
  for (guint i = 0; i < quotes->len; i++)
    rs_case_remove_quote (self, rs_quote_get_id (g_ptr_array_index (quotes, i)));
  remove_notes_on (self, RS_TARGET_DOCUMENT, id);

  g_hash_table_remove (self->document_by_id, &id);
  store_remove_item (self, self->documents, document);
}

/**
 * rs_case_begin_changes:
 *
 * Opens a transaction: what follows, up to the matching rs_case_end_changes(), is
 * recorded and announced once. Transactions nest; the outermost one counts.
 */
void
rs_case_begin_changes (RsCase *self)
{
  g_return_if_fail (RS_IS_CASE (self));

  if (self->change_depth++ == 0)
    self->changes = rs_case_changes_new ();
}

/* An object already in the case whose properties the store has just set. */
void
rs_case_mark_changed (RsCase   *self,
                      gpointer  object)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (G_IS_OBJECT (object));

  rs_case_begin_changes (self);
  rs_case_changes_change (self->changes, object);
  rs_case_end_changes (self);
}

/* Likewise, when only its place on the board changed (position, pin, route). */
void
rs_case_mark_placed (RsCase   *self,
                     gpointer  object)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (G_IS_OBJECT (object));

  rs_case_begin_changes (self);
  rs_case_changes_place (self->changes, object);
  rs_case_end_changes (self);
}

typedef gint64 (*IdGetter) (gpointer record);


static IdGetter
id_getter_for (GType type)
{
  if (type == RS_TYPE_DOCUMENT) return (IdGetter) rs_document_get_id;
  if (type == RS_TYPE_ENTITY) return (IdGetter) rs_entity_get_id;
  if (type == RS_TYPE_RELATION) return (IdGetter) rs_relation_get_id;
  if (type == RS_TYPE_QUOTE) return (IdGetter) rs_quote_get_id;
  if (type == RS_TYPE_EVENT) return (IdGetter) rs_event_get_id;
  if (type == RS_TYPE_EVIDENCE) return (IdGetter) rs_evidence_get_id;
  if (type == RS_TYPE_NOTE) return (IdGetter) rs_note_get_id;
  if (type == RS_TYPE_REVIEW) return (IdGetter) rs_review_get_id;
  if (type == RS_TYPE_COMMENT) return (IdGetter) rs_comment_get_id;
  if (type == RS_TYPE_STORY_VIEW) return (IdGetter) rs_story_view_get_id;
  g_return_val_if_reached (NULL);
}

static int
compare_record_ids (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  IdGetter get_id = user_data;
  gint64 ia = get_id (*(gpointer *) a), ib = get_id (*(gpointer *) b);

  return ia < ib ? -1 : ia > ib;
}

/* The lists stay in id order, as a fresh load lists them: new records (ids past
 * every other) go in with one splice; records an undo brings back go where
 * their ids sort. */
static void
splice_added (RsCase     *self,
              RsRecordList *store)
{
  GType type = g_list_model_get_item_type (G_LIST_MODEL (store));
  GPtrArray *added = rs_case_changes_get_added (self->changes, type);
  IdGetter get_id;
  guint n;

  if (added->len == 0)
    return;

  get_id = id_getter_for (type);
  g_ptr_array_sort_with_data (added, compare_record_ids, get_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (n > 0)
    {
      g_autoptr(GObject) last = g_list_model_get_item (G_LIST_MODEL (store), n - 1);

      if (get_id (g_ptr_array_index (added, 0)) < get_id (last))
        {
          for (guint i = 0; i < added->len; i++)
            rs_record_list_insert_sorted (store, g_ptr_array_index (added, i));
          return;
        }
    }
  rs_record_list_append_sorted (store, added->pdata, added->len);
}

/**
 * rs_case_end_changes:
 *
 * Closes a transaction. The outermost one splices its additions into the lists (one
 * items-changed per list), then emits #RsCase::changes and #RsCase::changed.
 */
void
rs_case_end_changes (RsCase *self)
{
  g_autoptr(RsCaseChanges) changes = NULL;

  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (self->change_depth > 0);

  if (--self->change_depth > 0)
    return;

  /* Records before what points at them: a quote's list handler finds its document. */
  splice_added (self, self->documents);
  splice_added (self, self->entities);
  splice_added (self, self->relations);
  splice_added (self, self->quotes);
  splice_added (self, self->events);
  splice_added (self, self->evidence);
  splice_added (self, self->notes);
  splice_added (self, self->reviews);
  splice_added (self, self->comments);
  splice_added (self, self->story_views);

  changes = g_steal_pointer (&self->changes);
  g_signal_emit (self, signals[CHANGES], 0, changes);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Closes a transaction without announcing it: its writes were rolled back before
 * any addition reached the case. */
void
rs_case_discard_changes (RsCase *self)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (self->change_depth > 0);

  /* Inside a command (an import that is one undoable change) the command's
   * own end announces what is left. */
  if (--self->change_depth > 0)
    return;
  g_clear_pointer (&self->changes, rs_case_changes_unref);
}

static void
copy_document (RsDocument *dst,
               RsDocument *src)
{
  rs_document_set_uid (dst, rs_document_get_uid (src));
  rs_document_set_title (dst, rs_document_get_title (src));
  rs_document_set_publisher (dst, rs_document_get_publisher (src));
  rs_document_set_author (dst, rs_document_get_author (src));
  rs_document_set_url (dst, rs_document_get_url (src));
  rs_document_set_published (dst, rs_document_get_published (src));
  rs_document_set_imported_at (dst, rs_document_get_imported_at (src));
  rs_document_set_text (dst, rs_document_get_text (src));
  rs_document_set_sha256 (dst, rs_document_get_sha256 (src));
  rs_document_set_length (dst, rs_document_get_length (src));
  rs_document_set_reliability (dst, rs_document_get_reliability (src));
}

static void
copy_entity (RsEntity *dst,
             RsEntity *src)
{
  rs_entity_set_uid (dst, rs_entity_get_uid (src));
  rs_entity_set_kind (dst, rs_entity_get_kind (src));
  rs_entity_set_name (dst, rs_entity_get_name (src));
  rs_entity_set_aliases (dst, rs_entity_get_aliases (src));
  rs_entity_set_description (dst, rs_entity_get_description (src));
  rs_entity_set_external_id (dst, rs_entity_get_external_id (src));
  rs_entity_set_x (dst, rs_entity_get_x (src));
  rs_entity_set_y (dst, rs_entity_get_y (src));
  rs_entity_set_pinned (dst, rs_entity_get_pinned (src));
  rs_entity_set_has_position (dst, rs_entity_get_has_position (src));
}

static void
copy_relation (RsRelation *dst,
               RsRelation *src)
{
  rs_relation_set_uid (dst, rs_relation_get_uid (src));
  rs_relation_set_source_id (dst, rs_relation_get_source_id (src));
  rs_relation_set_target_id (dst, rs_relation_get_target_id (src));
  rs_relation_set_label (dst, rs_relation_get_label (src));
  rs_relation_set_directed (dst, rs_relation_get_directed (src));
  rs_relation_set_status (dst, rs_relation_get_status (src));
  rs_relation_set_route (dst, rs_relation_get_route (src));
  rs_relation_set_label_x (dst, rs_relation_get_label_x (src));
  rs_relation_set_label_y (dst, rs_relation_get_label_y (src));
  rs_relation_set_has_label_position (dst, rs_relation_get_has_label_position (src));
}

static void
copy_quote (RsQuote *dst,
            RsQuote *src)
{
  rs_quote_set_uid (dst, rs_quote_get_uid (src));
  rs_quote_set_document_id (dst, rs_quote_get_document_id (src));
  rs_quote_set_start (dst, rs_quote_get_start (src));
  rs_quote_set_end (dst, rs_quote_get_end (src));
  rs_quote_set_text (dst, rs_quote_get_text (src));
  rs_quote_set_credibility (dst, rs_quote_get_credibility (src));
}

static void
copy_evidence (RsEvidence *dst,
               RsEvidence *src)
{
  rs_evidence_set_quote_id (dst, rs_evidence_get_quote_id (src));
  rs_evidence_set_target (dst, rs_evidence_get_target (src));
  rs_evidence_set_target_id (dst, rs_evidence_get_target_id (src));
  rs_evidence_set_stance (dst, rs_evidence_get_stance (src));
}

static void
copy_event (RsEvent *dst,
            RsEvent *src)
{
  const gint64 *ids;
  guint n_ids = 0;

  rs_event_set_uid (dst, rs_event_get_uid (src));
  rs_event_set_title (dst, rs_event_get_title (src));
  rs_event_set_description (dst, rs_event_get_description (src));
  rs_event_set_date (dst, rs_event_get_date (src));
  ids = rs_event_get_entity_ids (src, &n_ids);
  rs_event_set_entity_ids (dst, ids, n_ids);
}

static void
copy_note (RsNote *dst,
           RsNote *src)
{
  rs_note_set_uid (dst, rs_note_get_uid (src));
  rs_note_set_target (dst, rs_note_get_target (src));
  rs_note_set_target_id (dst, rs_note_get_target_id (src));
  rs_note_set_body (dst, rs_note_get_body (src));
  rs_note_set_author (dst, rs_note_get_author (src));
  rs_note_set_created (dst, rs_note_get_created (src));
  rs_note_set_updated (dst, rs_note_get_updated (src));
}

static void
copy_review (RsReview *dst,
             RsReview *src)
{
  rs_review_set_uid (dst, rs_review_get_uid (src));
  rs_review_set_target (dst, rs_review_get_target (src));
  rs_review_set_target_id (dst, rs_review_get_target_id (src));
  rs_review_set_state (dst, rs_review_get_state (src));
  rs_review_set_reviewer (dst, rs_review_get_reviewer (src));
  rs_review_set_time (dst, rs_review_get_time (src));
}

static void
copy_comment (RsComment *dst,
              RsComment *src)
{
  rs_comment_set_uid (dst, rs_comment_get_uid (src));
  rs_comment_set_target (dst, rs_comment_get_target (src));
  rs_comment_set_target_id (dst, rs_comment_get_target_id (src));
  rs_comment_set_author (dst, rs_comment_get_author (src));
  rs_comment_set_time (dst, rs_comment_get_time (src));
  rs_comment_set_body (dst, rs_comment_get_body (src));
  rs_comment_set_resolved (dst, rs_comment_get_resolved (src));
}

static void
copy_story_view (RsStoryView *dst,
                 RsStoryView *src)
{
  double x, y, width, height;

  rs_story_view_set_uid (dst, rs_story_view_get_uid (src));
  rs_story_view_set_position (dst, rs_story_view_get_position (src));
  rs_story_view_set_caption (dst, rs_story_view_get_caption (src));
  rs_story_view_get_camera (src, &x, &y, &width, &height);
  rs_story_view_set_camera (dst, x, y, width, height);
  rs_story_view_set_shown (dst, rs_story_view_get_shown (src));
  rs_story_view_set_highlighted (dst, rs_story_view_get_highlighted (src));
}

/* Mirrors one record reloaded from the file (undo, redo): the model's object with
 * its id takes its state in place, so that views holding it stay valid, and the
 * indices that depend on that state follow; a record the case does not have is
 * inserted where its id sorts, as a fresh load of the file would list it. */
static void
put_record (RsCase   *self,
            gpointer  record)
{
  gint64 id;

  if (RS_IS_DOCUMENT (record))
    {
      RsDocument *found;

      id = rs_document_get_id (record);
      if ((found = g_hash_table_lookup (self->document_by_id, &id)))
        {
          g_object_freeze_notify (G_OBJECT (found));
          copy_document (found, record);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      index_insert (self->document_by_id, id, record);
      list_add (self, self->documents, record);
    }
  else if (RS_IS_ENTITY (record))
    {
      RsEntity *found;

      id = rs_entity_get_id (record);
      if ((found = g_hash_table_lookup (self->entity_by_id, &id)))
        {
          g_object_freeze_notify (G_OBJECT (found));
          copy_entity (found, record);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      index_insert (self->entity_by_id, id, record);
      list_add (self, self->entities, record);
    }
  else if (RS_IS_RELATION (record))
    {
      RsRelation *found;

      id = rs_relation_get_id (record);
      if ((found = g_hash_table_lookup (self->relation_by_id, &id)))
        {
          multi_remove (self->relations_by_entity, rs_relation_get_source_id (found), found);
          multi_remove (self->relations_by_entity, rs_relation_get_target_id (found), found);
          g_object_freeze_notify (G_OBJECT (found));
          copy_relation (found, record);
          multi_add (self->relations_by_entity, rs_relation_get_source_id (found), found);
          if (rs_relation_get_target_id (found) != rs_relation_get_source_id (found))
            multi_add (self->relations_by_entity, rs_relation_get_target_id (found), found);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      index_insert (self->relation_by_id, id, record);
      multi_add (self->relations_by_entity, rs_relation_get_source_id (record), record);
      if (rs_relation_get_target_id (record) != rs_relation_get_source_id (record))
        multi_add (self->relations_by_entity, rs_relation_get_target_id (record), record);
      list_add (self, self->relations, record);
    }
  else if (RS_IS_QUOTE (record))
    {
      RsQuote *found;

      id = rs_quote_get_id (record);
      if ((found = g_hash_table_lookup (self->quote_by_id, &id)))
        {
          multi_remove (self->quotes_by_document, rs_quote_get_document_id (found), found);
          g_object_freeze_notify (G_OBJECT (found));
          copy_quote (found, record);
          multi_add (self->quotes_by_document, rs_quote_get_document_id (found), found);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      index_insert (self->quote_by_id, id, record);
      multi_add (self->quotes_by_document, rs_quote_get_document_id (record), record);
      list_add (self, self->quotes, record);
    }
  else if (RS_IS_EVIDENCE (record))
    {
      RsEvidence *found;

      id = rs_evidence_get_id (record);
      if ((found = g_hash_table_lookup (self->evidence_by_id, &id)))
        {
          multi_remove (self->evidence_by_target,
                        target_key (rs_evidence_get_target (found), rs_evidence_get_target_id (found)),
                        found);
          multi_remove (self->evidence_by_quote, rs_evidence_get_quote_id (found), found);
          g_object_freeze_notify (G_OBJECT (found));
          copy_evidence (found, record);
          multi_add (self->evidence_by_target,
                     target_key (rs_evidence_get_target (found), rs_evidence_get_target_id (found)),
                     found);
          multi_add (self->evidence_by_quote, rs_evidence_get_quote_id (found), found);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      index_insert (self->evidence_by_id, id, record);
      multi_add (self->evidence_by_target,
                 target_key (rs_evidence_get_target (record), rs_evidence_get_target_id (record)),
                 record);
      multi_add (self->evidence_by_quote, rs_evidence_get_quote_id (record), record);
      list_add (self, self->evidence, record);
    }
  else if (RS_IS_EVENT (record))
    {
      RsEvent *found;

      id = rs_event_get_id (record);
      if ((found = g_hash_table_lookup (self->event_by_id, &id)))
        {
          g_object_freeze_notify (G_OBJECT (found));
          copy_event (found, record);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      index_insert (self->event_by_id, id, record);
      list_add (self, self->events, record);
    }
  else if (RS_IS_NOTE (record))
    {
      RsNote *found;

      id = rs_note_get_id (record);
      if ((found = g_hash_table_lookup (self->note_by_id, &id)))
        {
          g_object_freeze_notify (G_OBJECT (found));
          copy_note (found, record);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      index_insert (self->note_by_id, id, record);
      list_add (self, self->notes, record);
    }
  else if (RS_IS_REVIEW (record))
    {
      RsReview *found;

      id = rs_review_get_id (record);
      if ((found = g_hash_table_lookup (self->review_by_id, &id)))
        {
          multi_remove (self->reviews_by_target,
                        target_key (rs_review_get_target (found), rs_review_get_target_id (found)),
                        found);
          g_object_freeze_notify (G_OBJECT (found));
          copy_review (found, record);
          multi_add (self->reviews_by_target,
                     target_key (rs_review_get_target (found), rs_review_get_target_id (found)),
                     found);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      rs_case_add_review (self, record);
    }
  else if (RS_IS_COMMENT (record))
    {
      RsComment *found;

      id = rs_comment_get_id (record);
      if ((found = g_hash_table_lookup (self->comment_by_id, &id)))
        {
          multi_remove (self->comments_by_target,
                        target_key (rs_comment_get_target (found), rs_comment_get_target_id (found)),
                        found);
          g_object_freeze_notify (G_OBJECT (found));
          copy_comment (found, record);
          multi_add (self->comments_by_target,
                     target_key (rs_comment_get_target (found), rs_comment_get_target_id (found)),
                     found);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      rs_case_add_comment (self, record);
    }
  else if (RS_IS_STORY_VIEW (record))
    {
      RsStoryView *found;

      id = rs_story_view_get_id (record);
      if ((found = g_hash_table_lookup (self->story_view_by_id, &id)))
        {
          g_object_freeze_notify (G_OBJECT (found));
          copy_story_view (found, record);
          g_object_thaw_notify (G_OBJECT (found));
          rs_case_changes_change (self->changes, found);
          return;
        }
      rs_case_add_story_view (self, record);
    }
  else
    g_return_if_reached ();
}

void
rs_case_put (RsCase   *self,
             gpointer  record)
{
  g_return_if_fail (RS_IS_CASE (self));
  g_return_if_fail (G_IS_OBJECT (record));

  /* Within the store's transaction when there is one: reported with it. */
  rs_case_begin_changes (self);
  put_record (self, record);
  rs_case_end_changes (self);
}

void
rs_case_emit_changed (RsCase *self)
{
  g_return_if_fail (RS_IS_CASE (self));

  rs_case_begin_changes (self);
  rs_case_end_changes (self);
}
