/* rs-suggestion.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-suggestion"

#include "config.h"

#include "rs-suggestion.h"

struct _RsSuggestion
{
  gatomicrefcount  ref_count;
  gboolean         is_event;
  RsEntityKind     kind;
  char            *name;
  GStrv            aliases;
  glong            start;
  glong            end;
  gint64           entity_id;
  RsFuzzyDate     *date;
  char            *reason;
};

G_DEFINE_BOXED_TYPE (RsSuggestion, rs_suggestion, rs_suggestion_ref, rs_suggestion_unref)

static RsSuggestion *
suggestion_new (const char *name,
                glong       start,
                glong       end,
                const char *reason)
{
  RsSuggestion *self = g_new0 (RsSuggestion, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->start = start;
  self->end = end;
  self->reason = g_strdup (reason ? reason : "");
  return self;
}

RsSuggestion *
rs_suggestion_new_entity (RsEntityKind         kind,
                          const char          *name,
                          const char * const  *aliases,
                          glong                start,
                          glong                end,
                          gint64               entity_id,
                          const char          *reason)
{
  RsSuggestion *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail ((guint)kind < RS_ENTITY_KIND_LAST, NULL);
  g_return_val_if_fail (start >= 0 && end > start, NULL);

  self = suggestion_new (name, start, end, reason);
  self->kind = kind;
  self->entity_id = entity_id;
  self->aliases = aliases ? g_strdupv ((char **)aliases) : g_new0 (char *, 1);
  return self;
}

RsSuggestion *
rs_suggestion_new_event (RsFuzzyDate *date,
                         const char  *title,
                         glong        start,
                         glong        end,
                         const char  *reason)
{
  RsSuggestion *self;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (start >= 0 && end > start, NULL);

  self = suggestion_new (title, start, end, reason);
  self->is_event = TRUE;
  self->kind = RS_ENTITY_KIND_EVENT;
  self->date = rs_fuzzy_date_ref (date);
  self->aliases = g_new0 (char *, 1);
  return self;
}

RsSuggestion *
rs_suggestion_ref (RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rs_suggestion_unref (RsSuggestion *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->name);
  g_strfreev (self->aliases);
  g_clear_pointer (&self->date, rs_fuzzy_date_unref);
  g_free (self->reason);
  g_free (self);
}

gboolean
rs_suggestion_is_event (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->is_event;
}

gboolean
rs_suggestion_is_mention (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return !self->is_event && self->entity_id != 0;
}

RsEntityKind
rs_suggestion_get_kind (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, RS_ENTITY_KIND_OTHER);
  return self->kind;
}

const char *
rs_suggestion_get_name (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

const char * const *
rs_suggestion_get_aliases (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *)self->aliases;
}

glong
rs_suggestion_get_start (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->start;
}

glong
rs_suggestion_get_end (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->end;
}

gint64
rs_suggestion_get_entity_id (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entity_id;
}

RsFuzzyDate *
rs_suggestion_get_date (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

const char *
rs_suggestion_get_reason (const RsSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reason;
}
