/* rs-suggest.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-suggest"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rs-suggest-private.h"

/* Rules, not a model: every suggestion must be explainable in one sentence, and the
 * analyst decides. The text is scanned as code points so every offset is a quote
 * offset. Known weaknesses, measured by tests/test-suggest.c against the seed reports:
 * a person named only by a single word, names in all-lowercase, and any script
 * without capital letters (a Japanese report yields only mentions of entities already
 * in the case, CVE ids and units written in Latin letters). */

/* Capitalised words that start sentences or headings without naming anything. */
static const char *stop_words[] = {
  "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they",
  "we", "i", "you", "his", "her", "their", "our", "in", "on", "at", "by", "for", "from",
  "to", "of", "with", "as", "and", "but", "or", "if", "when", "while", "where", "what",
  "which", "who", "why", "how", "after", "before", "since", "during", "meanwhile",
  "however", "also", "still", "yet", "some", "many", "most", "all", "no", "not", "there",
  "here", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "according", "please", "although", "because", "both", "each", "every", "other",
  "another", "such", "then", "thus", "so", "now", "last", "next", "first", "second",
  "new", "report", "photo", "source", "sources", "comments", "share", "click",
  "subscribe", "advertisement", "update", "updated", "editor", "note", "mr", "mrs", "ms",
  "dr", "add", "today", "yesterday", "tomorrow", "several", "several", NULL
};

static const char *months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
  "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL
};

static const char *weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

/* Nationalities: alone they qualify ("a Chinese man"), in a run they belong to it
 * ("Chinese Communist Party"). */
static const char *demonyms[] = {
  "chinese", "japanese", "korean", "american", "russian", "iranian", "israeli",
  "european", "asian", "british", "french", "german", "indian", "taiwanese",
  "vietnamese", "ukrainian", "western", "eastern", "north", "south", NULL
};

/* Common acronyms that are not names. */
static const char *common_acronyms[] = {
  "it", "id", "ids", "ceo", "cfo", "cto", "tv", "pc", "ai", "ok", "pdf", "usb", "ip",
  "dns", "url", "html", "gps", "am", "pm", "ad", "bc", "faq", "ps", NULL
};

/* Titles inside a run of capitals: dropped, and what follows is a person. */
static const char *titles[] = {
  "president", "vice", "prime", "minister", "chief", "cabinet", "secretary", "chancellor",
  "premier", "senator", "governor", "mayor", "chairman", "chairwoman", "spokesman",
  "spokeswoman", "director", "ambassador", "general", "admiral", "colonel", "mr", "mrs",
  "ms", "dr", "prof", "judge", "king", "queen", "prince", "sen", "rep", "gen", NULL
};

/* A lowercase word before a name that says it is a person's. */
static const char *person_cues[] = {
  "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
  "chancellor", "premier", "senator", "governor", "mayor", "chairman", "director",
  "ambassador", "photographer", "analyst", "researcher", "officer", "founder",
  "reporter", "author", "judge", "professor", "engineer", "expert", NULL
};

static const char *org_cues[] = {
  "firm", "company", "agency", "broadcaster", "outlet", "newspaper", "vendor",
  "ministry", "university", "bank", "maker", "giant", "provider", "operator",
  "contractor", "manufacturer", "publisher", "lab", "startup", "airline", NULL
};

static const char *group_cues[] = {
  "group", "gang", "actor", "actors", "collective", "crew", "apt", "hackers", "operators", NULL
};

static const char *malware_cues[] = {
  "malware", "backdoor", "trojan", "ransomware", "implant", "rat", "worm", "loader",
  "dropper", "botnet", "spyware", "wiper", NULL
};

typedef struct
{
  const char   *word;
  RsEntityKind  kind;
} Form;

/* The last word of a name that says what it names ("… Inc.", "… University"). */
static const Form forms[] = {
  { "inc", RS_ENTITY_KIND_ORGANIZATION }, { "corp", RS_ENTITY_KIND_ORGANIZATION },
  { "co", RS_ENTITY_KIND_ORGANIZATION }, { "ltd", RS_ENTITY_KIND_ORGANIZATION },
  { "llc", RS_ENTITY_KIND_ORGANIZATION }, { "plc", RS_ENTITY_KIND_ORGANIZATION },
  { "gmbh", RS_ENTITY_KIND_ORGANIZATION }, { "l.p", RS_ENTITY_KIND_ORGANIZATION },
  { "university", RS_ENTITY_KIND_ORGANIZATION }, { "agency", RS_ENTITY_KIND_ORGANIZATION },
  { "department", RS_ENTITY_KIND_ORGANIZATION }, { "ministry", RS_ENTITY_KIND_ORGANIZATION },
  { "police", RS_ENTITY_KIND_ORGANIZATION }, { "party", RS_ENTITY_KIND_ORGANIZATION },
  { "army", RS_ENTITY_KIND_ORGANIZATION }, { "navy", RS_ENTITY_KIND_ORGANIZATION },
  { "force", RS_ENTITY_KIND_ORGANIZATION }, { "forces", RS_ENTITY_KIND_ORGANIZATION },
  { "news", RS_ENTITY_KIND_ORGANIZATION }, { "bureau", RS_ENTITY_KIND_ORGANIZATION },
  { "office", RS_ENTITY_KIND_ORGANIZATION }, { "institute", RS_ENTITY_KIND_ORGANIZATION },
  { "council", RS_ENTITY_KIND_ORGANIZATION }, { "commission", RS_ENTITY_KIND_ORGANIZATION },
  { "company", RS_ENTITY_KIND_ORGANIZATION }, { "corporation", RS_ENTITY_KIND_ORGANIZATION },
  { "electric", RS_ENTITY_KIND_ORGANIZATION }, { "bank", RS_ENTITY_KIND_ORGANIZATION },
  { "committee", RS_ENTITY_KIND_ORGANIZATION }, { "service", RS_ENTITY_KIND_ORGANIZATION },
  { "services", RS_ENTITY_KIND_ORGANIZATION }, { "court", RS_ENTITY_KIND_ORGANIZATION },
  { "administration", RS_ENTITY_KIND_ORGANIZATION },
  { "authority", RS_ENTITY_KIND_ORGANIZATION }, { "association", RS_ENTITY_KIND_ORGANIZATION },
  { "foundation", RS_ENTITY_KIND_ORGANIZATION }, { "broadcasting", RS_ENTITY_KIND_ORGANIZATION },
  { "industries", RS_ENTITY_KIND_ORGANIZATION }, { "technologies", RS_ENTITY_KIND_ORGANIZATION },
  { "labs", RS_ENTITY_KIND_ORGANIZATION }, { "command", RS_ENTITY_KIND_ORGANIZATION },
  { "embassy", RS_ENTITY_KIND_ORGANIZATION }, { "government", RS_ENTITY_KIND_ORGANIZATION },
  { "organization", RS_ENTITY_KIND_ORGANIZATION },
  { "organisation", RS_ENTITY_KIND_ORGANIZATION }, { "press", RS_ENTITY_KIND_ORGANIZATION },
  { "group", RS_ENTITY_KIND_GROUP }, { "team", RS_ENTITY_KIND_GROUP },
  { "gang", RS_ENTITY_KIND_GROUP }, { "panda", RS_ENTITY_KIND_GROUP },
  { "bear", RS_ENTITY_KIND_GROUP }, { "kitten", RS_ENTITY_KIND_GROUP },
  { "spider", RS_ENTITY_KIND_GROUP }, { "chollima", RS_ENTITY_KIND_GROUP },
  { "typhoon", RS_ENTITY_KIND_GROUP }, { "blizzard", RS_ENTITY_KIND_GROUP },
  { "province", RS_ENTITY_KIND_LOCATION }, { "prefecture", RS_ENTITY_KIND_LOCATION },
  { "city", RS_ENTITY_KIND_LOCATION }, { "region", RS_ENTITY_KIND_LOCATION },
  { "county", RS_ENTITY_KIND_LOCATION }, { "island", RS_ENTITY_KIND_LOCATION },
  { "islands", RS_ENTITY_KIND_LOCATION }, { "district", RS_ENTITY_KIND_LOCATION },
  { "republic", RS_ENTITY_KIND_LOCATION }, { "peninsula", RS_ENTITY_KIND_LOCATION },
  { NULL, 0 }
};

/* Places often named in reports: alone, a capitalised word is ambiguous. */
static const char *places[] = {
  "japan", "china", "south korea", "north korea", "korea", "taiwan", "united states",
  "u.s.", "usa", "russia", "india", "iran", "vietnam", "germany", "france",
  "united kingdom", "u.k.", "britain", "europe", "asia", "east asia", "southeast asia",
  "asia-pacific", "middle east", "washington", "beijing", "tokyo", "shanghai",
  "hong kong", "moscow", "seoul", "pyongyang", "taipei", "london", "paris", "berlin",
  "brussels", "qingdao", "shenzhen", "guangzhou", "chengdu", "wuhan", "tianjin",
  "osaka", "kyoto", "shandong", "sichuan", "xinjiang", "tibet", "singapore",
  "australia", "canada", "israel", "ukraine", "philippines", "indonesia", "malaysia",
  "thailand", "pakistan", "north america", "latin america", "africa", NULL
};

static const char *intro_phrases[] = {
  "known as", "dubbed", "called", "named", "nicknamed", "codenamed", "tracked as", NULL
};

static gboolean
in_list (const char * const *list,
         const char         *word)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (list[i], word))
      return TRUE;
  return FALSE;
}

/* --- the text as code points, its words and sentences ------------------------- */

enum
{
  TOK_CAP       = 1 << 0, /* starts with a capital letter */
  TOK_ALLCAPS   = 1 << 1, /* two or more letters, all capitals */
  TOK_DIGITS    = 1 << 2, /* digits only */
  TOK_INITIAL   = 1 << 3, /* first word of a sentence, a quotation or a bracket */
  TOK_TITLE     = 1 << 4, /* on a headline in title case */
  TOK_LONE      = 1 << 5, /* the only word on its line */
  TOK_LOWER     = 1 << 6, /* starts with a lowercase letter */
};

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_opening (gunichar c)
{
  return c == 0x201C || c == 0x2018 || c == '"' || c == '\'' || c == '(' || c == '[';
}

/* Scripts written without spaces between words: each character is a word of its
 * own, so a name written in them is found wherever it stands. */
static gboolean
is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
      return TRUE;
    default:
      return c == 0x30FC; /* ー, the katakana long vowel mark, is "common" script */
    }
}

static gboolean
word_char (gunichar c)
{
  return g_unichar_isalnum (c) && !is_cjk (c);
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0xA0 || c == '\t';
}

char *
_rs_suggest_slice (Scan  *scan,
                   glong  start,
                   glong  end)
{
  return g_ucs4_to_utf8 (scan->u + start, end - start, NULL, NULL, NULL);
}

/* A character as names compare: lower case, and the typographic apostrophe and hyphens
 * as their ASCII forms ("People’s" in one report is "People's" in the next). */
static gunichar
canon (gunichar c)
{
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
    return '\'';
  if (c == 0x2010 || c == 0x2011)
    return '-';
  return g_unichar_tolower (c);
}

/* @text in the form names are looked up by. */
static char *
dup_name_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (key, canon (g_utf8_get_char (p)));
  return g_string_free (key, FALSE);
}

/* Lowercase, apostrophes and hyphens plain, for comparing words. */
static char *
fold (Scan  *scan,
      glong  start,
      glong  end)
{
  g_autofree char *s = _rs_suggest_slice (scan, start, end);

  return dup_name_key (s);
}

static gboolean
abbreviation (Scan  *scan,
              glong  start,
              glong  end)
{
  static const char *abbrevs[] = { "inc", "corp", "co", "ltd", "mr", "mrs", "ms", "dr", "st",
                                   "jr", "sr", "prof", "gen", "col", "lt", "no", "vs", "sen",
                                   "rep", NULL };
  g_autofree char *word = fold (scan, start, end);

  return strchr (word, '.') != NULL || in_list (abbrevs, word);
}

/* Words: letters and digits, joined by an inner hyphen, apostrophe or full stop
 * ("Asia-Pacific", "People’s", "U.S"), plus the full stop of an abbreviation
 * ("Inc.", "U.S."). A possessive ’s is kept apart in name_end. */
static void
tokenize (Scan *scan)
{
  const gunichar *u = scan->u;
  glong n = scan->n;

  for (glong i = 0; i < n;)
    {
      Token t = { 0 };
      glong j;

      if (is_cjk (u[i]))
        {
          t.start = i;
          t.end = t.name_end = ++i;
          g_array_append_val (scan->tokens, t);
          continue;
        }
      if (!word_char (u[i]))
        {
          i++;
          continue;
        }
      for (j = i + 1; j < n; j++)
        {
          if (word_char (u[j]))
            continue;
          if ((u[j] == '-' || u[j] == '.' || u[j] == '&' || is_apostrophe (u[j])) &&
              j + 1 < n && word_char (u[j + 1]))
            continue;
          break;
        }
      t.start = i;
      t.end = j;
      if (j < n && u[j] == '.' && abbreviation (scan, i, j))
        t.end = ++j;
      t.name_end = t.end;
      if (t.end - t.start > 2 && is_apostrophe (u[t.end - 2]) &&
          (u[t.end - 1] == 's' || u[t.end - 1] == 'S'))
        {
          g_autofree char *word = fold (scan, t.start, t.end - 2);

          /* "People’s Liberation Army" is one name, "China’s PLA" two. */
          if (!g_str_equal (word, "people"))
            t.name_end = t.end - 2;
        }

      if (g_unichar_isupper (u[i]) || g_unichar_istitle (u[i]))
        t.flags |= TOK_CAP;
      else if (g_unichar_islower (u[i]))
        t.flags |= TOK_LOWER;
      {
        guint letters = 0, upper = 0, digits = 0;

        for (glong k = t.start; k < t.name_end; k++)
          {
            if (g_unichar_isalpha (u[k]))
              {
                letters++;
                upper += g_unichar_isupper (u[k]) ? 1 : 0;
              }
            else if (g_unichar_isdigit (u[k]))
              digits++;
          }
        if (letters >= 2 && upper == letters)
          t.flags |= TOK_ALLCAPS;
        if (letters == 0 && digits > 0 && digits == (guint)(t.name_end - t.start))
          t.flags |= TOK_DIGITS;
      }
      g_array_append_val (scan->tokens, t);
      i = j;
    }
}

/* Sentences end at a line break, at 。！？, or at . ! ? (outside an abbreviation)
 * followed by a space; a quotation or bracket opening starts one too, for
 * capitalisation. */
static void
mark_sentences (Scan *scan)
{
  const gunichar *u = scan->u;
  gboolean initial = TRUE;
  glong pos = 0;
  glong sentence_start = -1;

  for (guint ti = 0; ti < scan->tokens->len; ti++)
    {
      Token *t = &g_array_index (scan->tokens, Token, ti);

      for (glong k = pos; k < t->start; k++)
        {
          /* 。！？ end a sentence with no space after them (Japanese, Chinese). */
          if (u[k] == '\n' || u[k] == 0x3002 || u[k] == 0xFF01 || u[k] == 0xFF1F ||
              ((u[k] == '.' || u[k] == '!' || u[k] == '?') &&
               (k + 1 >= scan->n || is_space (u[k + 1]) || u[k + 1] == '\n' ||
                u[k + 1] == 0x201D || u[k + 1] == 0x2019 || u[k + 1] == '"')))
            {
              if (sentence_start >= 0)
                {
                  Span s = { sentence_start, k + (u[k] == '\n' ? 0 : 1) };
                  g_array_append_val (scan->sentences, s);
                }
              sentence_start = -1;
              initial = TRUE;
            }
          else if (is_opening (u[k]) && (k + 1 < scan->n && !is_space (u[k + 1])))
            initial = TRUE;
        }
      if (sentence_start < 0)
        sentence_start = t->start;
      if (initial)
        t->flags |= TOK_INITIAL;
      initial = FALSE;
      t->sentence = scan->sentences->len;
      pos = t->end;
    }
  if (sentence_start >= 0)
    {
      glong end = scan->n;

      while (end > sentence_start && g_unichar_isspace (scan->u[end - 1]))
        end--;
      {
        Span s = { sentence_start, end };
        g_array_append_val (scan->sentences, s);
      }
    }
}

/* Headlines ("Chinese Military Seen Behind Japan Cyber-Attacks, NHK Says") capitalise
 * every word: there capitals say nothing. A line alone ("COMMENTS") is furniture. */
static void
mark_lines (Scan *scan)
{
  static const char *small[] = { "a", "an", "the", "of", "to", "in", "on", "and", "for",
                                 "at", "by", "with", "from", "or", "as", NULL };
  guint first = 0;

  while (first < scan->tokens->len)
    {
      Token *start = &g_array_index (scan->tokens, Token, first);
      guint last = first;
      glong line_end;
      gboolean title = TRUE;
      gunichar end_char = 0;

      line_end = start->start;
      while (line_end < scan->n && scan->u[line_end] != '\n')
        line_end++;
      while (last + 1 < scan->tokens->len &&
             g_array_index (scan->tokens, Token, last + 1).start < line_end)
        last++;

      for (guint i = first; i <= last; i++)
        {
          Token *t = &g_array_index (scan->tokens, Token, i);
          g_autofree char *word = fold (scan, t->start, t->name_end);

          if (!(t->flags & (TOK_CAP | TOK_DIGITS)) && !in_list (small, word))
            title = FALSE;
        }
      for (glong k = line_end - 1; k >= start->start; k--)
        if (!g_unichar_isspace (scan->u[k]) && scan->u[k] != 0x201D && scan->u[k] != '"')
          {
            end_char = scan->u[k];
            break;
          }
      if (end_char == '.' || end_char == '!' || end_char == '?' || end_char == ')' ||
          end_char == ':')
        title = FALSE;

      for (guint i = first; i <= last; i++)
        {
          Token *t = &g_array_index (scan->tokens, Token, i);

          if (title && last > first)
            t->flags |= TOK_TITLE;
          if (last == first)
            t->flags |= TOK_LONE;
        }
      first = last + 1;
    }
}

static void
index_words (Scan *scan)
{
  for (guint i = 0; i < scan->tokens->len; i++)
    {
      Token *t = &g_array_index (scan->tokens, Token, i);
      char *key = fold (scan, t->start, t->name_end);
      GArray *at = g_hash_table_lookup (scan->word_index, key);

      if (t->flags & TOK_LOWER)
        g_hash_table_add (scan->lower_words, g_strdup (key));
      if (at == NULL)
        {
          at = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (scan->word_index, key, at);
        }
      else
        g_free (key);
      g_array_append_val (at, i);
    }
}

/* --- mentions of what the case already holds ---------------------------------- */

typedef struct
{
  glong     start;
  glong     end;
  RsEntity *entity;
  char     *as;
} Match;

static void
match_clear (Match *m)
{
  g_free (m->as);
}

static gboolean
all_caps (const char *s)
{
  guint letters = 0;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          if (!g_unichar_isupper (c))
            return FALSE;
          letters++;
        }
    }
  return letters >= 2;
}

/* Acronyms ("JAXA", "PLA") match only in capitals; a one-word name ("Tick") in any
 * case but all lowercase (the verb "tick" is not the group); longer names in any
 * case ("unit 61419"). */
static gboolean
case_fits (Scan       *scan,
           const char *name,
           glong       start,
           glong       end)
{
  g_autofree char *surface = _rs_suggest_slice (scan, start, end);
  g_autofree char *lower = NULL;

  if (g_str_equal (surface, name))
    return TRUE;
  if (all_caps (name))
    return FALSE;
  if (strchr (name, ' ') != NULL)
    return TRUE;
  lower = g_utf8_strdown (surface, -1);
  return !g_str_equal (lower, surface);
}

static void
find_name (Scan     *scan,
           RsEntity *entity,
           const char *name,
           GArray   *matches)
{
  g_autofree gunichar *pattern = NULL;
  glong plen = 0;
  g_autofree char *first_word = NULL;
  GArray *at;

  pattern = g_utf8_to_ucs4_fast (name, -1, &plen);
  if (plen == 0)
    return;
  {
    /* The name's first word, cut as the text's words are. */
    Scan name_scan = { 0 };

    name_scan.u = pattern;
    name_scan.n = plen;
    name_scan.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
    tokenize (&name_scan);
    if (name_scan.tokens->len > 0)
      {
        Token *t = &g_array_index (name_scan.tokens, Token, 0);
        first_word = fold (&name_scan, t->start, t->name_end);
      }
    g_array_unref (name_scan.tokens);
  }
  if (first_word == NULL || !(at = g_hash_table_lookup (scan->word_index, first_word)))
    return;

  for (guint i = 0; i < at->len; i++)
    {
      Token *t = &g_array_index (scan->tokens, Token, g_array_index (at, guint, i));
      glong s = t->start, k;

      if (s + plen > scan->n)
        continue;
      for (k = 0; k < plen; k++)
        if (canon (scan->u[s + k]) != canon (pattern[k]))
          break;
      if (k < plen)
        continue;
      if (s + plen < scan->n && word_char (scan->u[s + plen]) && word_char (pattern[plen - 1]))
        continue;
      if (!case_fits (scan, name, s, s + plen))
        continue;
      {
        Match m = { s, s + plen, entity, g_strdup (name) };
        g_array_append_val (matches, m);
      }
    }
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const Match *ma = a, *mb = b;
  glong la = ma->end - ma->start, lb = mb->end - mb->start;

  if (la != lb)
    return la > lb ? -1 : 1;
  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

gboolean
_rs_suggest_taken (Scan  *scan,
                   glong  start,
                   glong  end)
{
  for (glong k = MAX (start, 0); k < end && k < scan->n; k++)
    if (scan->taken[k])
      return TRUE;
  return FALSE;
}

static void
find_mentions (Scan *scan)
{
  GListModel *entities = rs_case_get_entities (scan->kase);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));

  g_array_set_clear_func (matches, (GDestroyNotify)match_clear);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);
      const char * const *aliases = rs_entity_get_aliases (entity);

      g_hash_table_add (scan->known, dup_name_key (rs_entity_get_name (entity)));
      find_name (scan, entity, rs_entity_get_name (entity), matches);
      for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
        {
          g_hash_table_add (scan->known, dup_name_key (aliases[a]));
          find_name (scan, entity, aliases[a], matches);
        }
    }

  /* The longest name wins a span: "Japan" inside "Japan Aerospace Exploration
   * Agency" is not a mention of Japan. */
  g_array_sort (matches, compare_longest_first);
  for (guint i = 0; i < matches->len; i++)
    {
      Match *m = &g_array_index (matches, Match, i);
      const char *name = rs_entity_get_name (m->entity);
      g_autofree char *reason = NULL;
      if (_rs_suggest_taken (scan, m->start, m->end))
        continue;
      memset (scan->taken + m->start, 1, m->end - m->start);
      if (g_str_equal (m->as, name))
        reason = g_strdup_printf (_("Names “%s”, already in the case"), name);
      else
        /* TRANSLATORS: "Names “Japan Aerospace Exploration Agency” (as “JAXA”), already in the case" */
        reason = g_strdup_printf (_("Names “%s” (as “%s”), already in the case"), name, m->as);
      g_ptr_array_add (scan->out,
                       rs_suggestion_new_entity (rs_entity_get_kind (m->entity), name, NULL,
                                                 m->start, m->end, rs_entity_get_id (m->entity),
                                                 reason));
    }
}

/* --- new candidates --------------------------------------------------------- */

typedef enum
{
  RULE_NAME,
  RULE_ORG_CUE,
  RULE_PERSON,
  RULE_ACRONYM,
  RULE_PLACE,
  RULE_FORM,
  RULE_INTRO,
  RULE_UNIT,
  RULE_CVE,
} Rule;

typedef struct
{
  char         *name;
  RsEntityKind  kind;
  Rule          rule;
  char         *cue;
  glong         start;
  glong         end;
  glong         last_start;
  guint         count;
  gboolean      strong;
  gboolean      dropped;
  GPtrArray    *aliases;
} Candidate;

static void
candidate_free (Candidate *c)
{
  g_free (c->name);
  g_free (c->cue);
  g_ptr_array_unref (c->aliases);
  g_free (c);
}

static Candidate *
lookup_candidate (Scan       *scan,
                  const char *name)
{
  g_autofree char *key = dup_name_key (name);

  return g_hash_table_lookup (scan->candidates, key);
}

/* Records one occurrence. @strong: the occurrence alone is reason enough (a weak one,
 * a lone capitalised word opening a sentence, only counts once a strong one exists). */
static Candidate *
add_candidate (Scan         *scan,
               glong         start,
               glong         end,
               const char   *name_override,
               RsEntityKind  kind,
               Rule          rule,
               const char   *cue,
               gboolean      strong)
{
  g_autofree char *name = name_override ? g_strdup (name_override)
                                        : _rs_suggest_slice (scan, start, end);
  g_autofree char *key = dup_name_key (name);
  Candidate *c;

  if (g_hash_table_contains (scan->known, key) || _rs_suggest_taken (scan, start, end))
    return NULL;

  if ((c = g_hash_table_lookup (scan->candidates, key)) == NULL)
    {
      c = g_new0 (Candidate, 1);
      c->name = g_steal_pointer (&name);
      c->kind = kind;
      c->rule = rule;
      c->cue = g_strdup (cue);
      c->start = start;
      c->end = end;
      c->last_start = -1;
      c->aliases = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (scan->candidates, g_steal_pointer (&key), c);
      g_ptr_array_add (scan->candidate_order, c);
    }
  else if (rule > c->rule || (c->kind == RS_ENTITY_KIND_OTHER && kind != RS_ENTITY_KIND_OTHER))
    {
      c->kind = kind;
      c->rule = MAX (rule, c->rule);
      g_free (c->cue);
      c->cue = g_strdup (cue);
    }
  if (c->last_start != start)
    c->count++;
  c->last_start = start;
  c->strong |= strong;
  return c;
}

static Token *
token (Scan *scan,
       guint i)
{
  return &g_array_index (scan->tokens, Token, i);
}

/* The lowercase word just before token @i, if only a space separates them. */
static char *
word_before (Scan *scan,
             guint i)
{
  Token *t, *prev;

  if (i == 0)
    return NULL;
  t = token (scan, i);
  prev = token (scan, i - 1);
  for (glong k = prev->end; k < t->start; k++)
    if (!is_space (scan->u[k]) && scan->u[k] != ':')
      return NULL;
  return fold (scan, prev->start, prev->end);
}

static gboolean
only_space_between (Scan  *scan,
                    Token *a,
                    Token *b)
{
  for (glong k = a->end; k < b->start; k++)
    if (!is_space (scan->u[k]))
      return FALSE;
  return b->start > a->end;
}

static RsEntityKind
form_kind (const char *word,
           gboolean   *found)
{
  g_autofree char *bare = g_strdup (word);
  gsize len = strlen (bare);

  if (len > 0 && bare[len - 1] == '.')
    bare[len - 1] = '\0';
  for (guint i = 0; forms[i].word != NULL; i++)
    if (g_str_equal (forms[i].word, bare))
      {
        *found = TRUE;
        return forms[i].kind;
      }
  *found = FALSE;
  return RS_ENTITY_KIND_OTHER;
}

static void note_acronym (Scan      *scan,
                          Candidate *c,
                          guint      last);

/* A run of name words [first, last]: decide what it is and record it. */
static Candidate *
consider_name (Scan  *scan,
               guint  first,
               guint  last,
               gboolean after_title)
{
  Token *a = token (scan, first), *b = token (scan, last);
  g_autofree char *folded = fold (scan, a->start, b->name_end);
  g_autofree char *last_word = fold (scan, b->start, b->name_end);
  g_autofree char *before = word_before (scan, first);
  g_autofree char *cue = NULL;
  gboolean single = first == last, form = FALSE, strong = TRUE;
  RsEntityKind kind;
  glong after = b->name_end;

  if (a->flags & TOK_TITLE && !(single && (a->flags & TOK_ALLCAPS)))
    return NULL;
  if (single)
    {
      if (in_list (stop_words, folded) || in_list (months, folded) ||
          in_list (weekdays, folded) || in_list (demonyms, folded) || in_list (titles, folded))
        return NULL;
      if (a->flags & TOK_LONE)
        return NULL;
      if (a->flags & TOK_DIGITS)
        return NULL;
      if ((a->flags & TOK_ALLCAPS) && in_list (common_acronyms, folded))
        return NULL;
      /* "Photographer: Simon Dawson": a label. */
      if (after < scan->n && scan->u[after] == ':')
        return NULL;
      /* A capitalised word the text also writes in lowercase is a common word. */
      if (!(a->flags & TOK_ALLCAPS) && g_hash_table_contains (scan->lower_words, folded))
        return NULL;
      if ((a->flags & TOK_INITIAL) && !(a->flags & TOK_ALLCAPS))
        strong = FALSE;
    }

  kind = form_kind (last_word, &form);
  if (form && !single)
    {
      g_autofree char *shown = _rs_suggest_slice (scan, b->start, b->name_end);

      return add_candidate (scan, a->start, b->name_end, NULL, kind, RULE_FORM, shown, TRUE);
    }
  if (in_list (places, folded))
    {
      return add_candidate (scan, a->start, b->name_end, NULL, RS_ENTITY_KIND_LOCATION, RULE_PLACE,
                     NULL, strong);
    }
  if (single && (a->flags & TOK_ALLCAPS))
    {
      return add_candidate (scan, a->start, b->name_end, NULL, RS_ENTITY_KIND_ORGANIZATION,
                     RULE_ACRONYM, NULL, TRUE);
    }
  if (before != NULL && in_list (group_cues, before))
    {
      return add_candidate (scan, a->start, b->name_end, NULL, RS_ENTITY_KIND_GROUP, RULE_ORG_CUE,
                     before, TRUE);
    }
  if (before != NULL && in_list (org_cues, before))
    {
      return add_candidate (scan, a->start, b->name_end, NULL, RS_ENTITY_KIND_ORGANIZATION,
                     RULE_ORG_CUE, before, TRUE);
    }
  if (before != NULL && (g_str_equal (before, "in") || g_str_equal (before, "of")) &&
      first >= 2)
    {
      g_autofree char *two_before = word_before (scan, first - 1);

      if (two_before != NULL && (g_str_equal (two_before, "city") ||
                                 g_str_equal (two_before, "province")))
        {
          return add_candidate (scan, a->start, b->name_end, NULL, RS_ENTITY_KIND_LOCATION,
                         RULE_PLACE, NULL, TRUE);
        }
    }
  if (!single && last - first <= 2 && !(a->flags & TOK_ALLCAPS))
    {
      /* A person: after a title or a role ("spokesman Wang Wenbin"), or described
       * after a comma ("Ben Read, a director"). */
      gboolean described = FALSE;

      if (after + 3 < scan->n && scan->u[after] == ',' && is_space (scan->u[after + 1]))
        {
          g_autofree char *next = NULL;
          glong k = after + 2, e = k;

          while (e < scan->n && g_unichar_isalpha (scan->u[e]))
            e++;
          next = fold (scan, k, e);
          described = in_list ((const char *[]) { "a", "an", "the", "who", "vice", "director",
                                                  "spokesman", "president", "chief", NULL },
                               next);
        }
      if (after_title || described || (before != NULL && in_list (person_cues, before)))
        {
          cue = after_title ? g_strdup (_("after a title"))
                            : described ? g_strdup (_("then described"))
                                        : g_strdup_printf (_("after “%s”"), before);
          return add_candidate (scan, a->start, b->name_end, NULL, RS_ENTITY_KIND_PERSON, RULE_PERSON,
                         cue, TRUE);
        }
    }
  return add_candidate (scan, a->start, b->name_end, NULL, RS_ENTITY_KIND_OTHER, RULE_NAME, NULL,
                 strong);
}

static gboolean
name_word (Token *t)
{
  return (t->flags & (TOK_CAP | TOK_ALLCAPS)) != 0;
}

/* Splits a run of capitalised words at possessives ("Japan’s Kyodo News"), titles
 * ("U.S. President Joe Biden"), months and weekdays, and drops the stop words that
 * open it ("The Tokyo Metropolitan Police Department"). */
static void
split_run (Scan  *scan,
           guint  first,
           guint  last)
{
  gboolean after_title = FALSE;
  guint start = first;

  while (start <= last)
    {
      g_autofree char *w = fold (scan, token (scan, start)->start, token (scan, start)->name_end);

      if (in_list (titles, w) || in_list (months, w) || in_list (weekdays, w) ||
          (in_list (stop_words, w) && start < last))
        {
          after_title |= in_list (titles, w);
          start++;
          continue;
        }
      break;
    }
  if (start > last)
    return;

  for (guint i = start; i <= last; i++)
    {
      Token *t = token (scan, i);
      gboolean possessive = t->name_end != t->end;
      g_autofree char *next = i < last ? fold (scan, token (scan, i + 1)->start,
                                               token (scan, i + 1)->name_end) : NULL;

      /* "of" joins ("Ministry of Foreign Affairs") but never ends a name. */
      if (possessive || i == last ||
          (next != NULL && (in_list (titles, next) || in_list (months, next) ||
                            in_list (weekdays, next))))
        {
          guint end = i;

          while (end > start)
            {
              g_autofree char *w = fold (scan, token (scan, end)->start, token (scan, end)->name_end);

              if (!g_str_equal (w, "of"))
                break;
              end--;
            }
          note_acronym (scan, consider_name (scan, start, end, after_title), end);
          split_run (scan, i + 1, last);
          return;
        }
    }
}

static void
find_runs (Scan *scan)
{
  guint i = 0;

  while (i < scan->tokens->len)
    {
      guint j = i;

      if (!name_word (token (scan, i)))
        {
          i++;
          continue;
        }
      while (j + 1 < scan->tokens->len)
        {
          Token *t = token (scan, j), *next = token (scan, j + 1);
          g_autofree char *w = fold (scan, next->start, next->end);

          if (t->name_end != t->end && !only_space_between (scan, t, next))
            break;
          if (!only_space_between (scan, t, next) || next->sentence != t->sentence)
            break;
          if (name_word (next))
            {
              j++;
              continue;
            }
          /* "of" between two capitalised words; digits after "Unit". */
          if (g_str_equal (w, "of") && j + 2 < scan->tokens->len &&
              name_word (token (scan, j + 2)) && only_space_between (scan, next, token (scan, j + 2)))
            {
              j += 2;
              continue;
            }
          break;
        }
      split_run (scan, i, j);
      i = j + 1;
    }
}

/* "a group known as Tick", "malware dubbed ShadowPad": the next name (quoted or not)
 * is introduced, and the words before say what it is. */
static void
find_introductions (Scan *scan)
{
  for (guint i = 0; i + 1 < scan->tokens->len; i++)
    {
      for (guint p = 0; intro_phrases[p] != NULL; p++)
        {
          g_auto(GStrv) words = g_strsplit (intro_phrases[p], " ", -1);
          guint n = g_strv_length (words), k, name;
          RsEntityKind kind = RS_ENTITY_KIND_OTHER;
          Token *t;

          for (k = 0; k < n && i + k < scan->tokens->len; k++)
            {
              g_autofree char *w = fold (scan, token (scan, i + k)->start, token (scan, i + k)->end);

              if (!g_str_equal (w, words[k]))
                break;
            }
          if (k < n || i + n >= scan->tokens->len)
            continue;
          name = i + n;
          t = token (scan, name);
          if (!name_word (t) || token (scan, name - 1)->sentence != t->sentence)
            continue;

          /* What it is: the words just before the phrase. */
          for (guint b = i >= 4 ? i - 4 : 0; b < i; b++)
            {
              g_autofree char *w = fold (scan, token (scan, b)->start, token (scan, b)->name_end);

              if (in_list (group_cues, w))
                kind = RS_ENTITY_KIND_GROUP;
              else if (in_list (malware_cues, w))
                kind = RS_ENTITY_KIND_MALWARE;
            }
          if (kind == RS_ENTITY_KIND_OTHER)
            continue;
          {
            guint last = name;
            g_autofree char *cue = NULL;
            Token *first_cue = token (scan, i >= 3 ? i - 3 : 0);

            while (last + 1 < scan->tokens->len && name_word (token (scan, last + 1)) &&
                   only_space_between (scan, token (scan, last), token (scan, last + 1)))
              last++;
            cue = _rs_suggest_slice (scan, first_cue->start, token (scan, last)->name_end);
            add_candidate (scan, t->start, token (scan, last)->name_end, NULL, kind, RULE_INTRO,
                           cue, TRUE);
          }
        }
    }
}

/* "Unit 61419", "unit 61419": a military unit designation; "CVE-2021-26855". */
static void
find_designations (Scan *scan)
{
  for (guint i = 0; i < scan->tokens->len; i++)
    {
      Token *t = token (scan, i);
      g_autofree char *w = fold (scan, t->start, t->end);

      if (g_str_equal (w, "unit") && i + 1 < scan->tokens->len &&
          (token (scan, i + 1)->flags & TOK_DIGITS) &&
          token (scan, i + 1)->end - token (scan, i + 1)->start >= 3 &&
          only_space_between (scan, t, token (scan, i + 1)))
        {
          g_autofree char *digits = _rs_suggest_slice (scan, token (scan, i + 1)->start,
                                                       token (scan, i + 1)->end);
          g_autofree char *name = g_strdup_printf ("Unit %s", digits);

          add_candidate (scan, t->start, token (scan, i + 1)->end, name, RS_ENTITY_KIND_UNIT,
                         RULE_UNIT, NULL, TRUE);
        }
      else if (g_str_has_prefix (w, "cve-") && g_regex_match_simple ("^cve-[0-9]{4}-[0-9]{4,}$",
                                                                     w, 0, 0))
        {
          g_autofree char *name = g_ascii_strup (w, -1);

          add_candidate (scan, t->start, t->end, name, RS_ENTITY_KIND_VULNERABILITY, RULE_CVE,
                         NULL, TRUE);
        }
    }
}

/* "Japan Aerospace Exploration Agency (JAXA)": the acronym is an alias of the name
 * before it, and not a candidate of its own. */
static void
note_acronym (Scan      *scan,
              Candidate *c,
              guint      last)
{
  Token *t;
  g_autofree char *acronym = NULL;

  if (c == NULL || strchr (c->name, ' ') == NULL || last + 1 >= scan->tokens->len)
    return;
  t = token (scan, last + 1);
  if (!(t->flags & TOK_ALLCAPS) || t->start != token (scan, last)->name_end + 2 ||
      !is_space (scan->u[t->start - 2]) || scan->u[t->start - 1] != '(' ||
      t->end >= scan->n || scan->u[t->end] != ')')
    return;
  acronym = _rs_suggest_slice (scan, t->start, t->end);
  if (!g_ptr_array_find_with_equal_func (c->aliases, acronym, g_str_equal, NULL))
    g_ptr_array_add (c->aliases, g_strdup (acronym));
  g_hash_table_insert (scan->acronyms, g_utf8_casefold (acronym, -1), c);
}

/* Acronyms defined after a name count as its mentions. */
static void
merge_acronyms (Scan *scan)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, scan->acronyms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Candidate *c = value;
      Candidate *acronym = g_hash_table_lookup (scan->candidates, key);

      if (acronym != NULL && acronym != c && !acronym->dropped)
        {
          acronym->dropped = TRUE;
          c->count += acronym->count;
        }
    }
}

/* "FireEye" beside "FireEye Inc.", "Kyodo" beside "Kyodo News": one entity. */
static void
merge_short_forms (Scan *scan)
{
  for (guint i = 0; i < scan->candidate_order->len; i++)
    {
      Candidate *c = g_ptr_array_index (scan->candidate_order, i);
      const char *space = strrchr (c->name, ' ');
      g_autofree char *head = NULL;
      Candidate *short_form;
      gboolean form;

      if (space == NULL || c->rule != RULE_FORM || c->dropped)
        continue;
      form_kind (space + 1, &form);
      {
        g_autofree char *last = g_utf8_strdown (space + 1, -1);

        form_kind (last, &form);
      }
      if (!form)
        continue;
      head = g_strndup (c->name, space - c->name);
      if ((short_form = lookup_candidate (scan, head)) == NULL || short_form == c)
        continue;
      short_form->dropped = TRUE;
      c->count += short_form->count;
      c->strong |= short_form->strong;
      if (!g_ptr_array_find_with_equal_func (c->aliases, head, g_str_equal, NULL))
        g_ptr_array_add (c->aliases, g_strdup (head));
    }
}

static char *
candidate_reason (Candidate *c)
{
  g_autofree char *why = NULL;

  switch (c->rule)
    {
    case RULE_CVE:
      why = g_strdup_printf (_("“%s” is a CVE vulnerability id"), c->name);
      break;
    case RULE_UNIT:
      why = g_strdup_printf (_("“%s” is a military unit designation"), c->name);
      break;
    case RULE_INTRO:
      why = g_strdup_printf (_("The text introduces it: “%s”"), c->cue);
      break;
    case RULE_FORM:
      /* TRANSLATORS: "“FireEye Inc.” ends in “Inc.”, a form of organisation names" */
      why = g_strdup_printf (c->kind == RS_ENTITY_KIND_LOCATION
                             ? _("“%s” ends in “%s”, a form of place names")
                             : c->kind == RS_ENTITY_KIND_GROUP
                             ? _("“%s” ends in “%s”, a form of group names")
                             : _("“%s” ends in “%s”, a form of organisation names"),
                             c->name, c->cue);
      break;
    case RULE_PLACE:
      why = g_strdup_printf (_("“%s” is a place name"), c->name);
      break;
    case RULE_ACRONYM:
      why = g_strdup_printf (_("“%s” is an acronym in capitals"), c->name);
      break;
    case RULE_PERSON:
      why = g_strdup_printf (_("“%s” looks like a person’s name (%s)"), c->name, c->cue);
      break;
    case RULE_ORG_CUE:
      why = g_strdup_printf (_("“%s” follows “%s”"), c->name, c->cue);
      break;
    case RULE_NAME:
    default:
      why = g_strdup_printf (strchr (c->name, ' ') ? _("“%s” is a run of capitalised words")
                                                   : _("“%s” is capitalised in mid-sentence"),
                             c->name);
      break;
    }
  if (c->count > 1)
    /* TRANSLATORS: "“Tick” is capitalised in mid-sentence; 4 mentions" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u mention", "%s; %u mentions",
                                         c->count), why, c->count);
  return g_steal_pointer (&why);
}

static void
emit_candidates (Scan *scan)
{
  for (guint i = 0; i < scan->candidate_order->len; i++)
    {
      Candidate *c = g_ptr_array_index (scan->candidate_order, i);
      g_autofree char *reason = NULL;

      if (c->dropped || !c->strong)
        continue;
      reason = candidate_reason (c);
      g_ptr_array_add (c->aliases, NULL);
      g_ptr_array_add (scan->out,
                       rs_suggestion_new_entity (c->kind, c->name,
                                                 (const char * const *)c->aliases->pdata,
                                                 c->start, c->end, 0, reason));
      g_ptr_array_remove_index (c->aliases, c->aliases->len - 1);
    }
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const RsSuggestion *sa = *(RsSuggestion **)a, *sb = *(RsSuggestion **)b;
  glong da = rs_suggestion_get_start (sa), db = rs_suggestion_get_start (sb);

  if (da != db)
    return da < db ? -1 : 1;
  return (int)rs_suggestion_is_event (sa) - (int)rs_suggestion_is_event (sb);
}

GPtrArray *
rs_suggest_text (RsCase     *case_,
                 const char *text,
                 const char *reference)
{
  Scan scan = { 0 };
  GPtrArray *out;

  g_return_val_if_fail (RS_IS_CASE (case_), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)rs_suggestion_unref);
  if (!g_utf8_validate (text, -1, NULL))
    return out;

  scan.kase = case_;
  scan.text = text;
  scan.u = g_utf8_to_ucs4_fast (text, -1, &scan.n);
  scan.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  scan.sentences = g_array_new (FALSE, FALSE, sizeof (Span));
  scan.taken = g_new0 (guint8, scan.n + 1);
  scan.word_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify)g_array_unref);
  scan.lower_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan.known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan.candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify)candidate_free);
  scan.candidate_order = g_ptr_array_new ();
  scan.acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan.out = out;

  tokenize (&scan);
  mark_sentences (&scan);
  mark_lines (&scan);
  index_words (&scan);

  find_mentions (&scan);
  find_designations (&scan);
  find_introductions (&scan);
  find_runs (&scan);
  merge_acronyms (&scan);
  merge_short_forms (&scan);
  emit_candidates (&scan);
  _rs_suggest_events (&scan, reference);

  g_ptr_array_sort (out, compare_suggestions);

  g_hash_table_unref (scan.acronyms);
  g_ptr_array_unref (scan.candidate_order);
  g_hash_table_unref (scan.candidates);
  g_hash_table_unref (scan.known);
  g_hash_table_unref (scan.lower_words);
  g_hash_table_unref (scan.word_index);
  g_free (scan.taken);
  g_array_unref (scan.sentences);
  g_array_unref (scan.tokens);
  g_free (scan.u);
  return out;
}

GPtrArray *
rs_suggest_document (RsCase     *case_,
                     RsDocument *document)
{
  g_return_val_if_fail (RS_IS_CASE (case_), NULL);
  g_return_val_if_fail (RS_IS_DOCUMENT (document), NULL);

  return rs_suggest_text (case_, rs_document_get_text (document) ? rs_document_get_text (document) : "",
                          rs_document_get_published (document));
}
