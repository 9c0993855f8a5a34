/* rs-types.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-types"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-enum-types.h"
#include "rs-types.h"

const char *
rs_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
rs_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  if ((ev = g_enum_get_value_by_nick (klass, nick)) == NULL)
    return FALSE;

  if (value != NULL)
    *value = ev->value;

  return TRUE;
}

const char *
rs_entity_kind_to_display (RsEntityKind kind)
{
  switch (kind)
    {
    case RS_ENTITY_KIND_PERSON:         return _("Person");
    case RS_ENTITY_KIND_ORGANIZATION:   return _("Organisation");
    case RS_ENTITY_KIND_GROUP:          return _("Threat group");
    case RS_ENTITY_KIND_UNIT:           return _("Military unit");
    case RS_ENTITY_KIND_LOCATION:       return _("Place");
    case RS_ENTITY_KIND_INFRASTRUCTURE: return _("Infrastructure");
    case RS_ENTITY_KIND_MALWARE:        return _("Malware");
    case RS_ENTITY_KIND_VULNERABILITY:  return _("Vulnerability");
    case RS_ENTITY_KIND_EVENT:          return _("Event");
    case RS_ENTITY_KIND_TECHNIQUE:      return _("Technique");
    case RS_ENTITY_KIND_TOOL:           return _("Tool");
    case RS_ENTITY_KIND_CAMPAIGN:       return _("Campaign");
    case RS_ENTITY_KIND_OTHER:
    default:                            return _("Other");
    }
}

const char *
rs_relation_status_to_display (RsRelationStatus status)
{
  switch (status)
    {
    case RS_RELATION_STATUS_ALLEGED:   return _("Alleged");
    case RS_RELATION_STATUS_REPORTED:  return _("Reported");
    case RS_RELATION_STATUS_CONFIRMED: return _("Confirmed");
    case RS_RELATION_STATUS_DISPUTED:  return _("Disputed");
    case RS_RELATION_STATUS_REFUTED:   return _("Refuted");
    default:                           return _("Unknown");
    }
}

const char *
rs_stance_to_display (RsStance stance)
{
  switch (stance)
    {
    case RS_STANCE_SUPPORTS:    return _("Supports");
    case RS_STANCE_CONTRADICTS: return _("Contradicts");
    case RS_STANCE_MENTIONS:    return _("Mentions");
    default:                    return _("Unknown");
    }
}

const char *
rs_review_state_to_display (RsReviewState state)
{
  switch (state)
    {
    case RS_REVIEW_STATE_UNREVIEWED: return _("Unreviewed");
    case RS_REVIEW_STATE_ACCEPTED:   return _("Accepted");
    case RS_REVIEW_STATE_CHALLENGED: return _("Challenged");
    default:                         return _("Unknown");
    }
}

const char *
rs_reliability_to_display (RsReliability reliability)
{
  switch (reliability)
    {
    case RS_RELIABILITY_A: return _("A — completely reliable");
    case RS_RELIABILITY_B: return _("B — usually reliable");
    case RS_RELIABILITY_C: return _("C — fairly reliable");
    case RS_RELIABILITY_D: return _("D — not usually reliable");
    case RS_RELIABILITY_E: return _("E — unreliable");
    case RS_RELIABILITY_F: return _("F — reliability cannot be judged");
    case RS_RELIABILITY_UNKNOWN:
    default:               return _("Reliability not graded");
    }
}

const char *
rs_credibility_to_display (int credibility)
{
  switch (credibility)
    {
    case 1:  return _("1 — confirmed by other sources");
    case 2:  return _("2 — probably true");
    case 3:  return _("3 — possibly true");
    case 4:  return _("4 — doubtful");
    case 5:  return _("5 — improbable");
    case 6:  return _("6 — truth cannot be judged");
    default: return _("Credibility not graded");
    }
}
