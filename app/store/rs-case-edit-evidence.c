/* rs-case-edit-evidence.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-case-edit-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-case-edit-private.h"
#include "rs-error.h"
#include "rs-fuzzy-date.h"
#include "rs-suggestion.h"

/* Evidence from a document's text (issue 17): the commands the source viewer's "mark
 * evidence" and the suggestions' Accept give. Each is one change, undone as a whole.
 * Everything is checked before the change begins (span, ids, kinds), so bad input
 * writes nothing; a write that still fails rolls the change back.
 *
 * Decisions:
 * - A span already quoted in the document is the same quote: new evidence reuses it
 *   (a credibility given, 1–6, grades it), so one sentence is never two quotes.
 * - Evidence that already links the quote to the target is not duplicated: the
 *   command changes its stance, or refuses when nothing would change.
 * - A new entity's or event's own quote supports it; an accepted mention of an entity
 *   already in the case only mentions it. */

/* The document, and a span of it that is not empty and lies inside its text. */
static RsDocument *
check_span (RsCaseStore  *store,
            gint64        document_id,
            gint64        start,
            gint64        end,
            GError      **error)
{
  RsDocument *document = rs_case_lookup_document (rs_case_store_get_case (store), document_id);

  if (document == NULL)
    return invalid (error, _("The document is not in the case")), NULL;
  if (!_rs_case_edit_check_span (document, start, end, error))
    return NULL;
  return document;
}

static gboolean
target_exists (RsCase   *kase,
               RsTarget  target,
               gint64    target_id)
{
  switch (target)
    {
    case RS_TARGET_ENTITY:   return rs_case_lookup_entity (kase, target_id) != NULL;
    case RS_TARGET_RELATION: return rs_case_lookup_relation (kase, target_id) != NULL;
    case RS_TARGET_EVENT:    return rs_case_lookup_event (kase, target_id) != NULL;
    case RS_TARGET_CASE:
    case RS_TARGET_DOCUMENT:
    case RS_TARGET_QUOTE:
    default:
      return FALSE;
    }
}

static RsQuote *
find_quote (RsCase *kase,
            gint64  document_id,
            gint64  start,
            gint64  end)
{
  g_autoptr(GPtrArray) quotes = rs_case_dup_quotes_of (kase, document_id);

  for (guint i = 0; i < quotes->len; i++)
    {
      RsQuote *quote = g_ptr_array_index (quotes, i);

      if (rs_quote_get_start (quote) == start && rs_quote_get_end (quote) == end)
        return quote;
    }
  return NULL;
}

static RsEvidence *
find_evidence (RsCase   *kase,
               gint64    quote_id,
               RsTarget  target,
               gint64    target_id)
{
  g_autoptr(GPtrArray) evidence = rs_case_dup_evidence_of_quote (kase, quote_id);

  for (guint i = 0; i < evidence->len; i++)
    {
      RsEvidence *e = g_ptr_array_index (evidence, i);

      if (rs_evidence_get_target (e) == target && rs_evidence_get_target_id (e) == target_id)
        return e;
    }
  return NULL;
}

/* Inside a change: the quote of [start, end), reused when the document already has it. */
static gboolean
quote_span (RsCaseStore  *store,
            gint64        document_id,
            gint64        start,
            gint64        end,
            int           credibility,
            gint64       *quote_id,
            GError      **error)
{
  RsCase *kase = rs_case_store_get_case (store);
  RsQuote *quote = find_quote (kase, document_id, start, end);
  g_autoptr(RsQuote) draft = NULL;

  if (quote != NULL)
    {
      *quote_id = rs_quote_get_id (quote);
      if (credibility > 0 && credibility != rs_quote_get_credibility (quote))
        return rs_case_store_update_quote (store, *quote_id, start, end, credibility, error);
      return TRUE;
    }

  draft = rs_quote_new (0);
  rs_quote_set_document_id (draft, document_id);
  rs_quote_set_start (draft, start);
  rs_quote_set_end (draft, end);
  rs_quote_set_credibility (draft, credibility);
  if ((quote = rs_case_store_add_quote (store, draft, error)) == NULL)
    return FALSE;
  *quote_id = rs_quote_get_id (quote);
  return TRUE;
}

/* Inside a change: the quote as evidence for the target, with @stance. When the link
 * exists, @changed says whether its stance had to change. */
static gboolean
link_evidence (RsCaseStore  *store,
               gint64        quote_id,
               RsTarget      target,
               gint64        target_id,
               RsStance      stance,
               gboolean     *changed,
               GError      **error)
{
  RsEvidence *existing = find_evidence (rs_case_store_get_case (store), quote_id, target, target_id);
  g_autoptr(RsEvidence) draft = NULL;

  if (changed != NULL)
    *changed = TRUE;
  if (existing != NULL)
    {
      if (rs_evidence_get_stance (existing) == stance)
        {
          if (changed != NULL)
            *changed = FALSE;
          return TRUE;
        }
      return rs_case_store_update_evidence (store, rs_evidence_get_id (existing), target,
                                            target_id, stance, error);
    }
  draft = rs_evidence_new (0);
  rs_evidence_set_quote_id (draft, quote_id);
  rs_evidence_set_target (draft, target);
  rs_evidence_set_target_id (draft, target_id);
  rs_evidence_set_stance (draft, stance);
  return rs_case_store_add_evidence (store, draft, error) != NULL;
}

/* Inside a change: a new entity, its quote and the quote as evidence. */
static gboolean
add_entity_with_quote (RsCaseStore         *store,
                       gint64               document_id,
                       gint64               start,
                       gint64               end,
                       RsEntityKind         kind,
                       const char          *name,
                       const char * const  *aliases,
                       const char          *description,
                       RsStance             stance,
                       gint64              *entity_id,
                       GError             **error)
{
  g_autoptr(RsEntity) draft = rs_entity_new (0);
  g_autofree char *tidy = name ? g_strstrip (g_strdup (name)) : NULL;
  RsEntity *entity;
  gint64 quote_id = 0;

  rs_entity_set_kind (draft, kind);
  rs_entity_set_name (draft, tidy);
  rs_entity_set_aliases (draft, aliases);
  rs_entity_set_description (draft, description ? description : "");
  if ((entity = rs_case_store_add_entity (store, draft, error)) == NULL)
    return FALSE;
  *entity_id = rs_entity_get_id (entity);
  return quote_span (store, document_id, start, end, 0, &quote_id, error) &&
         link_evidence (store, quote_id, RS_TARGET_ENTITY, *entity_id, stance, NULL, error);
}

RsChange *
rs_case_edit_create_entity_from_quote (RsCaseStore         *store,
                                       gint64               document_id,
                                       gint64               start,
                                       gint64               end,
                                       RsEntityKind         kind,
                                       const char          *name,
                                       const char * const  *aliases,
                                       const char          *description,
                                       gint64              *entity_id,
                                       GError             **error)
{
  RsDocument *document;
  g_autofree char *label = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(document = check_span (store, document_id, start, end, error)))
    return NULL;
  if ((guint)kind >= RS_ENTITY_KIND_LAST)
    return invalid (error, _("Unknown entity kind")), NULL;

  /* TRANSLATORS: "Add “Tick” from “Chinese Military Seen Behind…”" */
  label = g_strdup_printf (_("Add “%s” from “%s”"), name ? name : "",
                           rs_document_get_title (document));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  ok = add_entity_with_quote (store, document_id, start, end, kind, name, aliases, description,
                              RS_STANCE_SUPPORTS, &id, error);
  if (ok && entity_id != NULL)
    *entity_id = id;
  return finish (store, ok, error);
}

static const char *
target_name (RsCase   *kase,
             RsTarget  target,
             gint64    target_id)
{
  if (target == RS_TARGET_ENTITY)
    return rs_entity_get_name (rs_case_lookup_entity (kase, target_id));
  if (target == RS_TARGET_EVENT)
    return rs_event_get_title (rs_case_lookup_event (kase, target_id));
  return rs_relation_get_label (rs_case_lookup_relation (kase, target_id));
}

RsChange *
rs_case_edit_add_quote_evidence (RsCaseStore  *store,
                                 gint64        document_id,
                                 gint64        start,
                                 gint64        end,
                                 RsTarget      target,
                                 gint64        target_id,
                                 RsStance      stance,
                                 int           credibility,
                                 gint64       *quote_id,
                                 GError      **error)
{
  RsCase *kase;
  RsDocument *document;
  RsQuote *existing;
  g_autofree char *label = NULL;
  gboolean ok, changed = TRUE;
  gint64 id = 0;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kase = rs_case_store_get_case (store);
  if (!(document = check_span (store, document_id, start, end, error)))
    return NULL;
  if (!target_exists (kase, target, target_id))
    return invalid (error, _("A quote is evidence for an entity, a relation or an event of the case")), NULL;
  if ((guint)stance > RS_STANCE_MENTIONS)
    return invalid (error, _("Unknown stance")), NULL;
  if (credibility < 0 || credibility > 6)
    return invalid (error, _("Credibility is graded from 1 to 6")), NULL;
  existing = find_quote (kase, document_id, start, end);
  if (existing != NULL)
    {
      RsEvidence *evidence = find_evidence (kase, rs_quote_get_id (existing), target, target_id);

      if (evidence != NULL && rs_evidence_get_stance (evidence) == stance &&
          (credibility == 0 || credibility == rs_quote_get_credibility (existing)))
        return invalid (error, _("The quote is already this evidence")), NULL;
    }

  /* TRANSLATORS: "Quote “Chinese Military…” as evidence for “Tick”" */
  label = g_strdup_printf (_("Quote “%s” as evidence for “%s”"), rs_document_get_title (document),
                           target_name (kase, target, target_id));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  ok = quote_span (store, document_id, start, end, credibility, &id, error) &&
       link_evidence (store, id, target, target_id, stance, &changed, error);
  if (ok && quote_id != NULL)
    *quote_id = id;
  return finish (store, ok, error);
}

/* Inside a change: an event dated @date, its quote supporting it. */
static gboolean
add_event_with_quote (RsCaseStore   *store,
                      gint64         document_id,
                      gint64         start,
                      gint64         end,
                      const char    *title,
                      RsFuzzyDate   *date,
                      const gint64  *entity_ids,
                      guint          n_entities,
                      gint64        *event_id,
                      GError       **error)
{
  g_autoptr(RsEvent) draft = rs_event_new (0);
  RsEvent *event;
  gint64 quote_id = 0;

  rs_event_set_title (draft, title);
  rs_event_set_description (draft, "");
  rs_event_set_date (draft, date);
  rs_event_set_entity_ids (draft, entity_ids, n_entities);
  if ((event = rs_case_store_add_event (store, draft, error)) == NULL)
    return FALSE;
  *event_id = rs_event_get_id (event);
  return quote_span (store, document_id, start, end, 0, &quote_id, error) &&
         link_evidence (store, quote_id, RS_TARGET_EVENT, *event_id, RS_STANCE_SUPPORTS, NULL, error);
}

RsChange *
rs_case_edit_create_event_from_quote (RsCaseStore      *store,
                                      gint64            document_id,
                                      gint64            start,
                                      gint64            end,
                                      const char       *title,
                                      const char       *date_start,
                                      const char       *date_end,
                                      RsDatePrecision   precision,
                                      RsDateQualifier   qualifier,
                                      const gint64     *entity_ids,
                                      guint             n_entities,
                                      gint64           *event_id,
                                      GError          **error)
{
  g_autoptr(RsFuzzyDate) date = NULL;
  RsDocument *document;
  RsCase *kase;
  g_autofree char *label = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (entity_ids != NULL || n_entities == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(document = check_span (store, document_id, start, end, error)))
    return NULL;
  if (!(date = rs_fuzzy_date_parse (date_start, date_end, precision, qualifier, error)))
    return NULL;
  kase = rs_case_store_get_case (store);
  for (guint i = 0; i < n_entities; i++)
    if (!rs_case_lookup_entity (kase, entity_ids[i]))
      return invalid (error, _("An event can only involve entities of the case")), NULL;

  /* TRANSLATORS: "Add the event “Cyber-attack on JAXA” from “Chinese Military…”" */
  label = g_strdup_printf (_("Add the event “%s” from “%s”"), title ? title : "",
                           rs_document_get_title (document));
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;
  ok = add_event_with_quote (store, document_id, start, end, title, date, entity_ids, n_entities,
                             &id, error);
  if (ok && event_id != NULL)
    *event_id = id;
  return finish (store, ok, error);
}

/* Accepting suggestions: new entities first (an event links the entities its sentence
 * names, new or known), then mentions, then events, all in one change. Two
 * suggestions of the same new name make one entity; a suggestion already accepted
 * before (the same evidence) is not added twice. */
RsChange *
rs_case_edit_accept_suggestions (RsCaseStore  *store,
                                 gint64        document_id,
                                 GPtrArray    *suggestions,
                                 GError      **error)
{
  RsCase *kase;
  RsDocument *document;
  g_autofree gint64 *entity_of = NULL;
  g_autoptr(GHashTable) created = NULL;
  g_autofree char *label = NULL;
  gboolean ok = TRUE;
  glong length;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kase = rs_case_store_get_case (store);
  if (suggestions == NULL || suggestions->len == 0)
    return invalid (error, _("There are no suggestions to accept")), NULL;
  if (!(document = rs_case_lookup_document (kase, document_id)))
    return invalid (error, _("The document is not in the case")), NULL;
  /* Measured once: a long report may come with thousands of suggestions. */
  length = rs_document_get_text (document) ? g_utf8_strlen (rs_document_get_text (document), -1) : 0;
  for (guint i = 0; i < suggestions->len; i++)
    {
      RsSuggestion *s = g_ptr_array_index (suggestions, i);

      if (rs_suggestion_get_start (s) < 0 || rs_suggestion_get_end (s) <= rs_suggestion_get_start (s) ||
          rs_suggestion_get_end (s) > length)
        return invalid (error, _("A suggestion lies outside the document’s text")), NULL;
      if (rs_suggestion_is_mention (s) && !rs_case_lookup_entity (kase, rs_suggestion_get_entity_id (s)))
        return invalid (error, _("A suggestion names an entity that is no longer in the case")), NULL;
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accept %u Suggestion",
                                        "Accept %u Suggestions", suggestions->len),
                           suggestions->len);
  if (!rs_case_store_begin_change (store, label, error))
    return NULL;

  entity_of = g_new0 (gint64, suggestions->len);
  created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint pass = 0; pass < 3 && ok; pass++)
    for (guint i = 0; i < suggestions->len && ok; i++)
      {
        RsSuggestion *s = g_ptr_array_index (suggestions, i);
        glong start = rs_suggestion_get_start (s), end = rs_suggestion_get_end (s);

        if (pass == 0 && !rs_suggestion_is_event (s) && !rs_suggestion_is_mention (s))
          {
            g_autofree char *key = g_utf8_casefold (rs_suggestion_get_name (s), -1);
            RsEntity *same = rs_case_lookup_entity_by_name (kase, rs_suggestion_get_name (s));
            gpointer known;
            gint64 quote_id = 0;

            if (same == NULL && g_hash_table_lookup_extended (created, key, NULL, &known))
              same = rs_case_lookup_entity (kase, GPOINTER_TO_SIZE (known));
            if (same != NULL)
              {
                entity_of[i] = rs_entity_get_id (same);
                ok = quote_span (store, document_id, start, end, 0, &quote_id, error) &&
                     link_evidence (store, quote_id, RS_TARGET_ENTITY, entity_of[i],
                                    RS_STANCE_MENTIONS, NULL, error);
                continue;
              }
            ok = add_entity_with_quote (store, document_id, start, end,
                                        rs_suggestion_get_kind (s), rs_suggestion_get_name (s),
                                        rs_suggestion_get_aliases (s), NULL, RS_STANCE_MENTIONS,
                                        &entity_of[i], error);
            if (ok)
              g_hash_table_insert (created, g_steal_pointer (&key),
                                   GSIZE_TO_POINTER ((gsize)entity_of[i]));
          }
        else if (pass == 1 && rs_suggestion_is_mention (s))
          {
            gint64 quote_id = 0;

            entity_of[i] = rs_suggestion_get_entity_id (s);
            ok = quote_span (store, document_id, start, end, 0, &quote_id, error) &&
                 link_evidence (store, quote_id, RS_TARGET_ENTITY, entity_of[i],
                                RS_STANCE_MENTIONS, NULL, error);
          }
        else if (pass == 2 && rs_suggestion_is_event (s))
          {
            g_autoptr(GArray) involved = g_array_new (FALSE, FALSE, sizeof (gint64));
            gint64 event_id = 0;

            for (guint j = 0; j < suggestions->len; j++)
              {
                RsSuggestion *e = g_ptr_array_index (suggestions, j);
                gboolean seen = FALSE;

                if (entity_of[j] == 0 || rs_suggestion_get_start (e) < start ||
                    rs_suggestion_get_end (e) > end)
                  continue;
                for (guint k = 0; k < involved->len; k++)
                  seen |= g_array_index (involved, gint64, k) == entity_of[j];
                if (!seen)
                  g_array_append_val (involved, entity_of[j]);
              }
            ok = add_event_with_quote (store, document_id, start, end, rs_suggestion_get_name (s),
                                       rs_suggestion_get_date (s), (gint64 *)(gpointer)involved->data,
                                       involved->len, &event_id, error);
          }
      }
  return finish (store, ok, error);
}
