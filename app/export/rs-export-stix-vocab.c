/* rs-export-stix-vocab.c: the words of the STIX export — ids, confidence, timestamps,
 * relationship types, entity types
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-export-stix"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rs-export-stix-private.h"

/* Ids ------------------------------------------------------------------------------- */

static gboolean
parse_uuid (const char *text,
            guint8      bytes[16])
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      int hi, lo;

      if (*p == '-')
        continue;
      if (n == 16 || (hi = g_ascii_xdigit_value (p[0])) < 0 || p[1] == '\0' ||
          (lo = g_ascii_xdigit_value (p[1])) < 0)
        return FALSE;
      bytes[n++] = (guint8) (hi << 4 | lo);
      p++;
    }
  return n == 16;
}

char *
rs_stix_make_id (const char *type,
                 const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16];
  guint8 d[20];
  gsize length = sizeof d;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* RFC 4122 §4.3: SHA-1 of the namespace's bytes then the name's, the first 16 bytes
   * with the version (5) and the variant (10xx) written in. */
  if (!parse_uuid (RS_STIX_NAMESPACE, ns))
    g_assert_not_reached ();
  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, d, &length);
  d[6] = (d[6] & 0x0f) | 0x50;
  d[8] = (d[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%s--%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x", type,
                          d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9],
                          d[10], d[11], d[12], d[13], d[14], d[15]);
}

/* Status and confidence ------------------------------------------------------------- */

/* The Admiralty credibility scale STIX 2.1 maps to confidence (appendix A: confirmed
 * 90, probably true 70, possibly true 50, doubtful 30, improbable 10), as the importer
 * reads it (rs-stix-write.c: 90 and above confirmed, 50 reported, 20 alleged, below
 * disputed): confirmed 90, reported 50 (possibly true), alleged 30 (doubtful), disputed
 * 10 (improbable), refuted 0. Refuted has no range of its own and reads back as
 * disputed: x_redstring_status says which. */
int
rs_stix_confidence_from_status (RsRelationStatus status)
{
  switch (status)
    {
    case RS_RELATION_STATUS_CONFIRMED: return 90;
    case RS_RELATION_STATUS_REPORTED:  return 50;
    case RS_RELATION_STATUS_ALLEGED:   return 30;
    case RS_RELATION_STATUS_DISPUTED:  return 10;
    case RS_RELATION_STATUS_REFUTED:   return 0;
    default:                           return 50;
    }
}

RsRelationStatus
rs_stix_status_from_confidence (int confidence)
{
  if (confidence >= 90)
    return RS_RELATION_STATUS_CONFIRMED;
  if (confidence >= 50)
    return RS_RELATION_STATUS_REPORTED;
  if (confidence >= 20)
    return RS_RELATION_STATUS_ALLEGED;
  return RS_RELATION_STATUS_DISPUTED;
}

/* Timestamps ------------------------------------------------------------------------ */

/* A STIX timestamp (UTC, milliseconds) of an ISO 8601 time or date ("2021-04-20",
 * "2021-04", "2021" are their first moment), or NULL. */
char *
_rs_stix_timestamp (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  int year = 0, month = 1, day = 1;
  char tail = 0;

  if (text == NULL || *text == '\0')
    return NULL;
  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL &&
      (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 ||
       (day = 1, sscanf (text, "%4d-%2d%c", &year, &month, &tail) == 2) ||
       (month = 1, sscanf (text, "%4d%c", &year, &tail) == 1)))
    time = g_date_time_new (utc, year, month, day, 0, 0, 0);
  if (time == NULL || g_date_time_get_year (time) < 1)
    return NULL;
  in_utc = g_date_time_to_utc (time);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (in_utc), g_date_time_get_month (in_utc),
                          g_date_time_get_day_of_month (in_utc), g_date_time_get_hour (in_utc),
                          g_date_time_get_minute (in_utc), g_date_time_get_second (in_utc),
                          g_date_time_get_microsecond (in_utc) / 1000);
}

/* The last millisecond of the day, month or year a date names. */
char *
_rs_stix_end_of_period (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) last = NULL;
  int year = 0, month = 0, day = 0;
  char tail = 0;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3)
    {
      start = g_date_time_new (utc, year, month, day, 0, 0, 0);
      next = start ? g_date_time_add_days (start, 1) : NULL;
    }
  else if (sscanf (text, "%4d-%2d%c", &year, &month, &tail) == 2)
    {
      start = g_date_time_new (utc, year, month, 1, 0, 0, 0);
      next = start ? g_date_time_add_months (start, 1) : NULL;
    }
  else if (sscanf (text, "%4d%c", &year, &tail) == 1)
    {
      start = g_date_time_new (utc, year, 1, 1, 0, 0, 0);
      next = start ? g_date_time_add_years (start, 1) : NULL;
    }
  if (next == NULL)
    return _rs_stix_timestamp (text);
  last = g_date_time_add (next, -1000);
  return g_date_time_format (last, "%Y-%m-%dT%H:%M:%S.999Z");
}

/* Relationship vocabulary ------------------------------------------------------------- */

typedef struct
{
  const char *word;      /* the label, lower case, one space between words */
  const char *type;      /* STIX's relationship_type */
} Verb;

static const Verb verbs[] = {
  { "uses", "uses" }, { "use", "uses" }, { "used", "uses" }, { "using", "uses" },
  { "employs", "uses" }, { "employed", "uses" }, { "deploys", "uses" }, { "deployed", "uses" },
  { "targets", "targets" }, { "target", "targets" }, { "targeted", "targets" },
  { "attacks", "targets" }, { "attacked", "targets" },
  { "attributed to", "attributed-to" }, { "is attributed to", "attributed-to" },
  { "located at", "located-at" }, { "located in", "located-at" }, { "based in", "located-at" },
  { "based at", "located-at" }, { "is located in", "located-at" },
  { "originates from", "originates-from" },
  { "exploits", "exploits" }, { "exploited", "exploits" },
  { "compromises", "compromises" }, { "compromised", "compromises" },
  { "delivers", "delivers" }, { "delivered", "delivers" },
  { "drops", "drops" }, { "dropped", "drops" },
  { "downloads", "downloads" }, { "downloaded", "downloads" },
  { "impersonates", "impersonates" }, { "impersonated", "impersonates" },
  { "communicates with", "communicates-with" },
  { "hosts", "hosts" }, { "hosted", "hosts" },
  { "owns", "owns" }, { "owned", "owns" },
  { "authored by", "authored-by" },
  { "variant of", "variant-of" }, { "derived from", "derived-from" },
  { "duplicate of", "duplicate-of" }, { "related to", "related-to" },
  { "subtechnique of", "subtechnique-of" }, { "mitigates", "mitigates" },
  { "indicates", "indicates" }, { "investigates", "investigates" },
  { "consists of", "consists-of" }, { "controls", "controls" }, { "beacons to", "beacons-to" },
  { "exfiltrates to", "exfiltrate-to" }, { "characterizes", "characterizes" },
};

/* Which ends STIX pairs with a word (STIX 2.1 §4, each SDO's relationship table, a little
 * widened); a word not listed goes with any SDOs. */
typedef struct
{
  const char *type;
  const char *sources;   /* " a b c " */
  const char *targets;
} Pairing;

static const Pairing pairings[] = {
  { "uses", " attack-pattern campaign intrusion-set malware threat-actor tool infrastructure ",
    " attack-pattern infrastructure malware tool " },
  { "targets", " attack-pattern campaign intrusion-set malware threat-actor tool ",
    " identity location vulnerability infrastructure " },
  { "attributed-to", " campaign intrusion-set threat-actor ",
    " intrusion-set threat-actor identity " },
  { "located-at", " identity threat-actor infrastructure ", " location " },
  { "originates-from", " campaign intrusion-set malware ", " location " },
  { "exploits", " malware ", " vulnerability " },
  { "compromises", " campaign intrusion-set threat-actor ", " infrastructure " },
  { "delivers", " malware tool ", " malware " },
  { "drops", " malware tool ", " malware tool " },
  { "downloads", " malware tool ", " malware tool " },
  { "impersonates", " threat-actor ", " identity " },
  { "communicates-with", " infrastructure malware ", " infrastructure " },
  { "hosts", " infrastructure ", " tool malware " },
  { "owns", " campaign intrusion-set threat-actor ", " infrastructure " },
  { "authored-by", " malware tool ", " threat-actor intrusion-set " },
  { "subtechnique-of", " attack-pattern ", " attack-pattern " },
  { "mitigates", " course-of-action ", " attack-pattern malware tool vulnerability " },
};

/* Words whose source acts as a threat actor. */
static const char * const actor_words = " uses targets compromises impersonates owns ";

static gboolean
word_in (const char *list,
         const char *word)
{
  g_autofree char *padded = g_strdup_printf (" %s ", word);

  return strstr (list, padded) != NULL;
}

gboolean
_rs_stix_is_actor_verb (const char *relationship_type)
{
  return relationship_type != NULL && word_in (actor_words, relationship_type);
}

const char *
_rs_stix_verb_of_label (const char *label)
{
  g_autoptr(GString) norm = g_string_new (NULL);
  g_autofree char *lower = NULL;

  if (label == NULL)
    return NULL;
  lower = g_utf8_strdown (label, -1);
  for (const char *p = lower; *p != '\0'; p++)
    {
      char c = *p == '-' || *p == '_' || g_ascii_isspace (*p) ? ' ' : *p;

      if (c == ' ' && (norm->len == 0 || norm->str[norm->len - 1] == ' '))
        continue;
      g_string_append_c (norm, c);
    }
  if (norm->len > 0 && norm->str[norm->len - 1] == ' ')
    g_string_truncate (norm, norm->len - 1);
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (norm->str, verbs[i].word))
      return verbs[i].type;
  return NULL;
}

gboolean
_rs_stix_pairing_plausible (const char *relationship_type,
                            const char *source_type,
                            const char *target_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (pairings); i++)
    if (g_str_equal (pairings[i].type, relationship_type))
      return word_in (pairings[i].sources, source_type) &&
             word_in (pairings[i].targets, target_type);
  return TRUE;
}

/* A label as a relationship_type of its own: lower-case ASCII words joined by hyphens
 * ("cited unnamed sources in" → "cited-unnamed-sources-in"); "related-to" when nothing is
 * left (a label in Japanese). */
char *
_rs_stix_slug_of_label (const char *label)
{
  g_autoptr(GString) slug = g_string_new (NULL);

  for (const char *p = label ? label : ""; *p != '\0' && slug->len < 64; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len < 3)
    return g_strdup ("related-to");
  return g_string_free (g_steal_pointer (&slug), FALSE);
}

/* Entities ---------------------------------------------------------------------------- */

const char *
_rs_stix_entity_type (RsEntityKind kind,
                      gboolean     actor)
{
  switch (kind)
    {
    case RS_ENTITY_KIND_PERSON:
    case RS_ENTITY_KIND_ORGANIZATION:
    case RS_ENTITY_KIND_UNIT:
      return actor ? "threat-actor" : "identity";
    case RS_ENTITY_KIND_GROUP:          return "intrusion-set";
    case RS_ENTITY_KIND_LOCATION:       return "location";
    case RS_ENTITY_KIND_INFRASTRUCTURE: return "infrastructure";
    case RS_ENTITY_KIND_MALWARE:        return "malware";
    case RS_ENTITY_KIND_VULNERABILITY:  return "vulnerability";
    case RS_ENTITY_KIND_EVENT:          return "incident";
    case RS_ENTITY_KIND_TECHNIQUE:      return "attack-pattern";
    case RS_ENTITY_KIND_TOOL:           return "tool";
    case RS_ENTITY_KIND_CAMPAIGN:       return "campaign";
    case RS_ENTITY_KIND_OTHER:
    default:
      return RS_STIX_OTHER_TYPE;
    }
}

/* Whether an entity of this kind may go out as this STIX type: an imported record keeps
 * its STIX id (and so its type) while the two agree. */
gboolean
_rs_stix_entity_type_fits (RsEntityKind  kind,
                           const char   *type)
{
  switch (kind)
    {
    case RS_ENTITY_KIND_PERSON:
    case RS_ENTITY_KIND_ORGANIZATION:
    case RS_ENTITY_KIND_UNIT:
      return word_in (" identity threat-actor ", type);
    case RS_ENTITY_KIND_GROUP:
      return word_in (" intrusion-set threat-actor ", type);
    default:
      return g_strcmp0 (_rs_stix_entity_type (kind, FALSE), type) == 0;
    }
}

gboolean
_rs_stix_is_cve (const char *text)
{
  static GRegex *cve;

  if (g_once_init_enter (&cve))
    g_once_init_leave (&cve, g_regex_new ("^CVE-\\d{4}-(0\\d{3}|[1-9]\\d{3,})$",
                                          G_REGEX_OPTIMIZE, 0, NULL));
  return text != NULL && g_regex_match (cve, text, 0, NULL);
}

gboolean
_rs_stix_type_has_aliases (const char *type)
{
  return word_in (" intrusion-set threat-actor campaign malware tool infrastructure "
                  "attack-pattern ", type);
}

/* Countries by the names a case is likely to use: a location needs a country, a region
 * or coordinates, and a name alone is none of them. */
static const struct
{
  const char *name;
  const char *code;
} countries[] = {
  { "afghanistan", "AF" }, { "australia", "AU" }, { "belarus", "BY" }, { "brazil", "BR" },
  { "canada", "CA" }, { "china", "CN" }, { "people's republic of china", "CN" },
  { "egypt", "EG" }, { "estonia", "EE" }, { "finland", "FI" }, { "france", "FR" },
  { "georgia", "GE" }, { "germany", "DE" }, { "hong kong", "HK" }, { "india", "IN" },
  { "indonesia", "ID" }, { "iran", "IR" }, { "iraq", "IQ" }, { "israel", "IL" },
  { "italy", "IT" }, { "japan", "JP" }, { "kazakhstan", "KZ" }, { "latvia", "LV" },
  { "lithuania", "LT" }, { "malaysia", "MY" }, { "mexico", "MX" }, { "netherlands", "NL" },
  { "north korea", "KP" }, { "norway", "NO" }, { "pakistan", "PK" }, { "philippines", "PH" },
  { "poland", "PL" }, { "russia", "RU" }, { "russian federation", "RU" },
  { "saudi arabia", "SA" }, { "singapore", "SG" }, { "south korea", "KR" },
  { "republic of korea", "KR" }, { "spain", "ES" }, { "sweden", "SE" }, { "switzerland", "CH" },
  { "syria", "SY" }, { "taiwan", "TW" }, { "thailand", "TH" }, { "turkey", "TR" },
  { "ukraine", "UA" }, { "united arab emirates", "AE" }, { "united kingdom", "GB" },
  { "uk", "GB" }, { "united states", "US" }, { "united states of america", "US" },
  { "usa", "US" }, { "u.s.", "US" }, { "vietnam", "VN" }, { "viet nam", "VN" },
};

const char *
_rs_stix_country_code (const char *name)
{
  g_autofree char *lower = name ? g_utf8_strdown (name, -1) : NULL;

  for (guint i = 0; lower != NULL && i < G_N_ELEMENTS (countries); i++)
    if (g_str_equal (lower, countries[i].name))
      return countries[i].code;
  return NULL;
}
