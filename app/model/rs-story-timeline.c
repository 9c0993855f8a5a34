/* rs-story-timeline.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-story-timeline"

#include "config.h"

#include "rs-story-timeline.h"

/* Timeline playback (issue 20): the board revealed in the order of its events' dates,
 * one step per date. A fuzzy date counts from its earliest possible day ("March 2021"
 * from 1 March), so nothing appears before it could have happened. An entity shows from
 * its first dated event on; one without a dated event, and every relation between
 * shown entities, shows throughout. */

typedef struct
{
  gint64   key;      /* the earliest possible day */
  RsEvent *event;    /* borrowed */
} Dated;

static int
compare_dated (gconstpointer a,
               gconstpointer b)
{
  const Dated *da = a, *db = b;
  gint64 ia, ib;

  if (da->key != db->key)
    return da->key < db->key ? -1 : 1;
  ia = rs_event_get_id (da->event);
  ib = rs_event_get_id (db->event);
  return ia < ib ? -1 : ia > ib;
}

/**
 * rs_story_timeline_build:
 *
 * Returns: (transfer full) (element-type RsStoryView): one unsaved view (id 0) per
 *   distinct date, in date order: what is shown by then, the entities of that date's
 *   events highlighted, the date and the events' titles as the caption. The camera is
 *   left to the caller (the whole board).
 */
GPtrArray *
rs_story_timeline_build (RsCase *kase)
{
  g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (Dated));
  g_autoptr(GHashTable) first_key = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *events, *entities, *relations;
  guint n_entities, n_relations;

  g_return_val_if_fail (RS_IS_CASE (kase), NULL);

  events = rs_case_get_events (kase);
  entities = rs_case_get_entities (kase);
  relations = rs_case_get_relations (kase);
  n_entities = g_list_model_get_n_items (entities);
  n_relations = g_list_model_get_n_items (relations);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(RsEvent) event = g_list_model_get_item (events, i);
      RsFuzzyDate *date = rs_event_get_date (event);
      const gint64 *ids;
      guint n_ids;
      Dated d;

      if (date == NULL)
        continue;
      d.key = rs_fuzzy_date_get_sort_key (date);
      d.event = event;
      g_array_append_val (dated, d);

      ids = rs_event_get_entity_ids (event, &n_ids);
      for (guint k = 0; k < n_ids; k++)
        {
          gint64 *known = g_hash_table_lookup (first_key, &ids[k]);

          if (known == NULL)
            g_hash_table_insert (first_key, g_memdup2 (&ids[k], sizeof (gint64)),
                                 g_memdup2 (&d.key, sizeof (gint64)));
          else if (d.key < *known)
            *known = d.key;
        }
    }
  g_array_sort (dated, compare_dated);

  for (guint i = 0; i < dated->len;)
    {
      gint64 key = g_array_index (dated, Dated, i).key;
      g_autoptr(RsStoryView) view = rs_story_view_new (0);
      g_autoptr(GStrvBuilder) shown = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) highlighted = g_strv_builder_new ();
      g_autoptr(GString) caption = NULL;
      g_autofree char *when = NULL;
      g_auto(GStrv) shown_uids = NULL;
      g_auto(GStrv) highlighted_uids = NULL;
      guint first = i;

      when = rs_fuzzy_date_format (rs_event_get_date (g_array_index (dated, Dated, i).event));
      caption = g_string_new (when);
      for (; i < dated->len && g_array_index (dated, Dated, i).key == key; i++)
        {
          RsEvent *event = g_array_index (dated, Dated, i).event;
          const gint64 *ids;
          guint n_ids;

          g_string_append (caption, i == first ? " — " : "; ");
          g_string_append (caption, rs_event_get_title (event));
          ids = rs_event_get_entity_ids (event, &n_ids);
          for (guint k = 0; k < n_ids; k++)
            {
              RsEntity *entity = rs_case_lookup_entity (kase, ids[k]);

              if (entity != NULL)
                g_strv_builder_add (highlighted, rs_entity_get_uid (entity));
            }
        }

      for (guint e = 0; e < n_entities; e++)
        {
          g_autoptr(RsEntity) entity = g_list_model_get_item (entities, e);
          gint64 id = rs_entity_get_id (entity);
          gint64 *since = g_hash_table_lookup (first_key, &id);

          if (since == NULL || *since <= key)
            g_strv_builder_add (shown, rs_entity_get_uid (entity));
        }
      /* The board shows a relation only when both its ends are shown. */
      for (guint r = 0; r < n_relations; r++)
        {
          g_autoptr(RsRelation) relation = g_list_model_get_item (relations, r);

          g_strv_builder_add (shown, rs_relation_get_uid (relation));
        }

      shown_uids = g_strv_builder_end (shown);
      highlighted_uids = g_strv_builder_end (highlighted);
      rs_story_view_set_position (view, steps->len);
      rs_story_view_set_caption (view, caption->str);
      rs_story_view_set_shown (view, (const char * const *)shown_uids);
      rs_story_view_set_highlighted (view, (const char * const *)highlighted_uids);
      g_ptr_array_add (steps, g_steal_pointer (&view));
    }

  return steps;
}
