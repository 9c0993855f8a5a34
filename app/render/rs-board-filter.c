/* rs-board-filter.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-board-filter"

#include "config.h"

#include <string.h>

#include "rs-board-filter.h"

/* What the board shows. Each criterion narrows the board; what it leaves out is dimmed
 * (or removed when remove-hidden is set), never deleted from the case:
 *
 * - hidden-kinds: entities of these kinds;
 * - document-id: entities and relations without a supporting or mentioning quote from
 *   that document ("what does this report alone support?");
 * - statuses: relations whose status is not in the mask;
 * - text: entities whose name and aliases do not contain it (case-insensitive);
 * - focus-id/focus-hops: entities further than focus-hops relations from the focus.
 *
 * A relation is shown only when both its ends are. The scene applies the criteria
 * (rs-board-scene.c); this object only holds them and says when they change. */

struct _RsBoardFilter
{
  GObject parent_instance;

  guint hidden_kinds;
  guint statuses;
  gint64 document_id;
  gint64 focus_id;
  guint focus_hops;
  gboolean remove_hidden;
  RsBoardReviewFilter review;
  gboolean resetting;

  /* Owned */
  char *text;
  char *text_folded;
  GHashTable *shown_uids;  /* NULL: no restriction (a storyline view's items) */
};

G_DEFINE_FINAL_TYPE (RsBoardFilter, rs_board_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HIDDEN_KINDS,
  PROP_STATUSES,
  PROP_DOCUMENT_ID,
  PROP_TEXT,
  PROP_FOCUS_ID,
  PROP_FOCUS_HOPS,
  PROP_REMOVE_HIDDEN,
  PROP_REVIEW,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (RsBoardFilter *self,
              guint          prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  if (!self->resetting)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
rs_board_filter_finalize (GObject *object)
{
  RsBoardFilter *self = (RsBoardFilter *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->text_folded, g_free);
  g_clear_pointer (&self->shown_uids, g_hash_table_unref);

  G_OBJECT_CLASS (rs_board_filter_parent_class)->finalize (object);
}

static void
rs_board_filter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RsBoardFilter *self = RS_BOARD_FILTER (object);

  switch (prop_id)
    {
    case PROP_HIDDEN_KINDS:
      g_value_set_uint (value, rs_board_filter_get_hidden_kinds (self));
      break;

    case PROP_STATUSES:
      g_value_set_uint (value, rs_board_filter_get_statuses (self));
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, rs_board_filter_get_document_id (self));
      break;

    case PROP_TEXT:
      g_value_set_string (value, rs_board_filter_get_text (self));
      break;

    case PROP_FOCUS_ID:
      g_value_set_int64 (value, rs_board_filter_get_focus_id (self));
      break;

    case PROP_FOCUS_HOPS:
      g_value_set_uint (value, rs_board_filter_get_focus_hops (self));
      break;

    case PROP_REMOVE_HIDDEN:
      g_value_set_boolean (value, rs_board_filter_get_remove_hidden (self));
      break;

    case PROP_REVIEW:
      g_value_set_uint (value, rs_board_filter_get_review (self));
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, rs_board_filter_get_active (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_board_filter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RsBoardFilter *self = RS_BOARD_FILTER (object);

  switch (prop_id)
    {
    case PROP_HIDDEN_KINDS:
      rs_board_filter_set_hidden_kinds (self, g_value_get_uint (value));
      break;

    case PROP_STATUSES:
      rs_board_filter_set_statuses (self, g_value_get_uint (value));
      break;

    case PROP_DOCUMENT_ID:
      rs_board_filter_set_document_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      rs_board_filter_set_text (self, g_value_get_string (value));
      break;

    case PROP_FOCUS_ID:
      rs_board_filter_set_focus_id (self, g_value_get_int64 (value));
      break;

    case PROP_FOCUS_HOPS:
      rs_board_filter_set_focus_hops (self, g_value_get_uint (value));
      break;

    case PROP_REMOVE_HIDDEN:
      rs_board_filter_set_remove_hidden (self, g_value_get_boolean (value));
      break;

    case PROP_REVIEW:
      rs_board_filter_set_review (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_board_filter_class_init (RsBoardFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rs_board_filter_finalize;
  object_class->get_property = rs_board_filter_get_property;
  object_class->set_property = rs_board_filter_set_property;

  properties[PROP_HIDDEN_KINDS] =
    g_param_spec_uint ("hidden-kinds", NULL, NULL,
                       0, RS_BOARD_FILTER_ALL_KINDS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUSES] =
    g_param_spec_uint ("statuses", NULL, NULL,
                       0, RS_BOARD_FILTER_ALL_STATUSES, RS_BOARD_FILTER_ALL_STATUSES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOCUS_ID] =
    g_param_spec_int64 ("focus-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOCUS_HOPS] =
    g_param_spec_uint ("focus-hops", NULL, NULL,
                       0, 16, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REVIEW] =
    g_param_spec_uint ("review", NULL, NULL,
                       RS_BOARD_REVIEW_ANY, RS_BOARD_REVIEW_UNREVIEWED, RS_BOARD_REVIEW_ANY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOVE_HIDDEN] =
    g_param_spec_boolean ("remove-hidden", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RsBoardFilter::changed:
   *
   * Emitted once after any criterion changed, after its notify.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rs_board_filter_init (RsBoardFilter *self)
{
  self->statuses = RS_BOARD_FILTER_ALL_STATUSES;
  self->focus_hops = 1;
}

RsBoardFilter *
rs_board_filter_new (void)
{
  return g_object_new (RS_TYPE_BOARD_FILTER, NULL);
}

guint
rs_board_filter_get_hidden_kinds (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), 0);
  return self->hidden_kinds;
}

void
rs_board_filter_set_hidden_kinds (RsBoardFilter *self,
                                  guint          hidden_kinds)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));

  hidden_kinds &= RS_BOARD_FILTER_ALL_KINDS;
  if (self->hidden_kinds == hidden_kinds)
    return;

  self->hidden_kinds = hidden_kinds;
  emit_changed (self, PROP_HIDDEN_KINDS);
}

gboolean
rs_board_filter_get_kind_visible (RsBoardFilter *self,
                                  RsEntityKind   kind)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), TRUE);
  g_return_val_if_fail ((guint)kind < RS_ENTITY_KIND_LAST, TRUE);
  return (self->hidden_kinds & (1u << kind)) == 0;
}

void
rs_board_filter_set_kind_visible (RsBoardFilter *self,
                                  RsEntityKind   kind,
                                  gboolean       visible)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));
  g_return_if_fail ((guint)kind < RS_ENTITY_KIND_LAST);

  if (visible)
    rs_board_filter_set_hidden_kinds (self, self->hidden_kinds & ~(1u << kind));
  else
    rs_board_filter_set_hidden_kinds (self, self->hidden_kinds | (1u << kind));
}

guint
rs_board_filter_get_statuses (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), RS_BOARD_FILTER_ALL_STATUSES);
  return self->statuses;
}

void
rs_board_filter_set_statuses (RsBoardFilter *self,
                              guint          statuses)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));

  statuses &= RS_BOARD_FILTER_ALL_STATUSES;
  if (self->statuses == statuses)
    return;

  self->statuses = statuses;
  emit_changed (self, PROP_STATUSES);
}

gboolean
rs_board_filter_get_status_visible (RsBoardFilter    *self,
                                    RsRelationStatus  status)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), TRUE);
  g_return_val_if_fail ((guint)status <= RS_RELATION_STATUS_REFUTED, TRUE);
  return (self->statuses & (1u << status)) != 0;
}

void
rs_board_filter_set_status_visible (RsBoardFilter    *self,
                                    RsRelationStatus  status,
                                    gboolean          visible)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));
  g_return_if_fail ((guint)status <= RS_RELATION_STATUS_REFUTED);

  if (visible)
    rs_board_filter_set_statuses (self, self->statuses | (1u << status));
  else
    rs_board_filter_set_statuses (self, self->statuses & ~(1u << status));
}

gint64
rs_board_filter_get_document_id (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), 0);
  return self->document_id;
}

void
rs_board_filter_set_document_id (RsBoardFilter *self,
                                 gint64         document_id)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));
  g_return_if_fail (document_id >= 0);

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  emit_changed (self, PROP_DOCUMENT_ID);
}

const char *
rs_board_filter_get_text (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), NULL);
  return self->text;
}

static char *
fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : valid, -1);
}

void
rs_board_filter_set_text (RsBoardFilter *self,
                          const char    *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (RS_IS_BOARD_FILTER (self));

  /* Blank text filters nothing: store it as NULL so "active" stays honest. */
  if (text != NULL)
    {
      stripped = g_strstrip (g_strdup (text));
      if (*stripped == '\0')
        g_clear_pointer (&stripped, g_free);
    }

  if (g_strcmp0 (self->text, stripped) == 0)
    return;

  g_free (self->text);
  self->text = g_steal_pointer (&stripped);
  g_clear_pointer (&self->text_folded, g_free);
  if (self->text != NULL)
    self->text_folded = fold (self->text);
  emit_changed (self, PROP_TEXT);
}

gint64
rs_board_filter_get_focus_id (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), 0);
  return self->focus_id;
}

void
rs_board_filter_set_focus_id (RsBoardFilter *self,
                              gint64         entity_id)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));
  g_return_if_fail (entity_id >= 0);

  if (self->focus_id == entity_id)
    return;

  self->focus_id = entity_id;
  emit_changed (self, PROP_FOCUS_ID);
}

guint
rs_board_filter_get_focus_hops (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), 1);
  return self->focus_hops;
}

void
rs_board_filter_set_focus_hops (RsBoardFilter *self,
                                guint          hops)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));

  hops = MIN (hops, 16);
  if (self->focus_hops == hops)
    return;

  self->focus_hops = hops;
  emit_changed (self, PROP_FOCUS_HOPS);
}

gboolean
rs_board_filter_get_remove_hidden (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), FALSE);
  return self->remove_hidden;
}

void
rs_board_filter_set_remove_hidden (RsBoardFilter *self,
                                   gboolean       remove_hidden)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));

  remove_hidden = !!remove_hidden;
  if (self->remove_hidden == remove_hidden)
    return;

  self->remove_hidden = remove_hidden;
  emit_changed (self, PROP_REMOVE_HIDDEN);
}

RsBoardReviewFilter
rs_board_filter_get_review (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), RS_BOARD_REVIEW_ANY);
  return self->review;
}

/* Only challenged, or only unreviewed, claims (issue 20); RS_BOARD_REVIEW_ANY: all. */
void
rs_board_filter_set_review (RsBoardFilter       *self,
                            RsBoardReviewFilter  review)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));

  if ((guint) review > RS_BOARD_REVIEW_UNREVIEWED)
    review = RS_BOARD_REVIEW_ANY;
  if (self->review == review)
    return;

  self->review = review;
  emit_changed (self, PROP_REVIEW);
}

/* Whether any criterion narrows the board. */
gboolean
rs_board_filter_get_active (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), FALSE);

  return self->hidden_kinds != 0 ||
         self->statuses != RS_BOARD_FILTER_ALL_STATUSES ||
         self->document_id != 0 ||
         self->text != NULL ||
         self->focus_id != 0 ||
         self->review != RS_BOARD_REVIEW_ANY ||
         self->shown_uids != NULL;
}

void
rs_board_filter_reset (RsBoardFilter *self)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));

  if (!rs_board_filter_get_active (self))
    return;

  /* One "changed" for the whole reset. */
  g_object_freeze_notify (G_OBJECT (self));
  self->resetting = TRUE;
  rs_board_filter_set_hidden_kinds (self, 0);
  rs_board_filter_set_statuses (self, RS_BOARD_FILTER_ALL_STATUSES);
  rs_board_filter_set_document_id (self, 0);
  rs_board_filter_set_text (self, NULL);
  rs_board_filter_set_focus_id (self, 0);
  rs_board_filter_set_review (self, RS_BOARD_REVIEW_ANY);
  g_clear_pointer (&self->shown_uids, g_hash_table_unref);
  self->resetting = FALSE;
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * rs_board_filter_set_shown_uids:
 * @uids: (nullable): the uids of the entities and relations to show; NULL lifts
 *   the restriction
 *
 * Narrows the board to a set of items by uid, as a storyline view does; the other
 * criteria still apply.
 */
void
rs_board_filter_set_shown_uids (RsBoardFilter      *self,
                                const char * const *uids)
{
  g_return_if_fail (RS_IS_BOARD_FILTER (self));

  if (uids == NULL && self->shown_uids == NULL)
    return;

  g_clear_pointer (&self->shown_uids, g_hash_table_unref);
  if (uids != NULL)
    {
      self->shown_uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; uids[i] != NULL; i++)
        g_hash_table_add (self->shown_uids, g_strdup (uids[i]));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  if (!self->resetting)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* TRUE when no set of uids narrows the board, or @uid is in it. */
gboolean
rs_board_filter_shows_uid (RsBoardFilter *self,
                           const char    *uid)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), FALSE);

  return self->shown_uids == NULL || (uid != NULL && g_hash_table_contains (self->shown_uids, uid));
}

gboolean
rs_board_filter_get_has_shown_uids (RsBoardFilter *self)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), FALSE);
  return self->shown_uids != NULL;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = fold (haystack);
  return strstr (folded, needle) != NULL;
}

/* Case-insensitive substring on the name or any alias. TRUE when no text is set. */
gboolean
rs_board_filter_match_text (RsBoardFilter      *self,
                            const char         *name,
                            const char * const *aliases)
{
  g_return_val_if_fail (RS_IS_BOARD_FILTER (self), TRUE);

  if (self->text_folded == NULL)
    return TRUE;

  if (contains_folded (name, self->text_folded))
    return TRUE;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (contains_folded (aliases[i], self->text_folded))
      return TRUE;

  return FALSE;
}
