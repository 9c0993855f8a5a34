/* fuzz-suggest.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rs-core.h"
#include "rs-fuzz.h"
#include "rs-suggest.h"

/* The suggestion engine over an imported report's text. Input: byte 0 picks the
 * report's date and whether the case already holds entities (with acronyms, a
 * Japanese alias, a name with digits); the rest is the text. Every suggestion must
 * lie inside the text, in text order, with a name and a reason in valid UTF-8; a
 * mention must name an entity of the case by its name or an alias (case aside), and
 * an event must carry a date. */

static const char *references[] = { NULL, "2021-04-20", "2021", "not a date" };

static void
fail (const char *what)
{
  fprintf (stderr, "redstring-fuzz: suggest: %s\n", what);
  abort ();
}

static RsCase *
make_case (gboolean with_entities)
{
  static const struct { const char *name; const char *aliases[3]; } known[] = {
    { "Japan Aerospace Exploration Agency", { "JAXA", "宇宙航空研究開発機構", NULL } },
    { "Tick", { "BRONZE BUTLER", NULL } },
    { "Unit 61419", { "PLA Unit 61419", NULL } },
    { "People’s Liberation Army", { "PLA", "’s", NULL } },
  };
  RsCase *kase = rs_case_new ();

  for (guint i = 0; with_entities && i < G_N_ELEMENTS (known); i++)
    {
      g_autoptr(RsEntity) entity = rs_entity_new (i + 1);

      rs_entity_set_name (entity, known[i].name);
      rs_entity_set_aliases (entity, known[i].aliases);
      rs_case_add_entity (kase, entity);
    }
  return kase;
}

static gboolean
names_entity (RsEntity   *entity,
              const char *surface)
{
  g_autofree char *folded = g_utf8_casefold (surface, -1);
  g_autofree char *name = g_utf8_casefold (rs_entity_get_name (entity), -1);
  const char * const *aliases = rs_entity_get_aliases (entity);

  if (g_str_equal (folded, name))
    return TRUE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *alias = g_utf8_casefold (aliases[i], -1);

      if (g_str_equal (folded, alias))
        return TRUE;
    }
  return FALSE;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rs_core_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RsCase) kase = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autofree char *text = NULL;
  glong length, previous = 0;

  if (size < 1)
    return 0;
  kase = make_case (data[0] & 0x10);
  /* A document's text is a C string: stop at the first NUL, as the importer does. */
  text = g_strndup ((const char *) data + 1, size - 1);

  suggestions = rs_suggest_text (kase, text, references[data[0] % G_N_ELEMENTS (references)]);
  if (suggestions == NULL)
    fail ("NULL instead of an empty list");
  length = g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : 0;
  if (length == 0 && suggestions->len > 0)
    fail ("a suggestion in empty or invalid text");

  for (guint i = 0; i < suggestions->len; i++)
    {
      RsSuggestion *s = g_ptr_array_index (suggestions, i);
      glong start = rs_suggestion_get_start (s), end = rs_suggestion_get_end (s);
      const char *name = rs_suggestion_get_name (s);
      const char *reason = rs_suggestion_get_reason (s);

      if (start < 0 || end <= start || end > length)
        fail ("a span outside the text");
      if (start < previous)
        fail ("suggestions out of text order");
      previous = start;
      if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
        fail ("an empty or invalid name");
      if (reason == NULL || *reason == '\0' || !g_utf8_validate (reason, -1, NULL))
        fail ("an empty or invalid reason");
      if (rs_suggestion_is_event (s) && rs_suggestion_get_date (s) == NULL)
        fail ("an event without a date");
      if (rs_suggestion_is_mention (s))
        {
          RsEntity *entity = rs_case_lookup_entity (kase, rs_suggestion_get_entity_id (s));
          g_autofree char *surface = g_utf8_substring (text, start, end);

          if (entity == NULL)
            fail ("a mention of an entity not in the case");
          if (!names_entity (entity, surface))
            fail ("a mention whose text is not the entity's name or alias");
        }
    }
  return 0;
}
