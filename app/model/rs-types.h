/* rs-types.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RsCase      RsCase;
typedef struct _RsDocument  RsDocument;
typedef struct _RsEntity    RsEntity;
typedef struct _RsEvent     RsEvent;
typedef struct _RsEvidence  RsEvidence;
typedef struct _RsFuzzyDate RsFuzzyDate;
typedef struct _RsNote      RsNote;
typedef struct _RsQuote     RsQuote;
typedef struct _RsRelation  RsRelation;
typedef struct _RsSelection RsSelection;

/* The enum nicks ("person", "at-least", ...) are the words used in case files and
 * bundles: renaming a value changes the file format. */

typedef enum
{
  RS_ENTITY_KIND_PERSON,
  RS_ENTITY_KIND_ORGANIZATION,
  RS_ENTITY_KIND_GROUP,
  RS_ENTITY_KIND_UNIT,
  RS_ENTITY_KIND_LOCATION,
  RS_ENTITY_KIND_INFRASTRUCTURE,
  RS_ENTITY_KIND_MALWARE,
  RS_ENTITY_KIND_VULNERABILITY,
  RS_ENTITY_KIND_EVENT,
  RS_ENTITY_KIND_OTHER,
  /* Schema 8 (STIX, issue 22): appended, so that the values before keep theirs. */
  RS_ENTITY_KIND_TECHNIQUE,
  RS_ENTITY_KIND_TOOL,
  RS_ENTITY_KIND_CAMPAIGN,
} RsEntityKind;

#define RS_ENTITY_KIND_LAST (RS_ENTITY_KIND_CAMPAIGN + 1)

typedef enum
{
  RS_RELATION_STATUS_ALLEGED,
  RS_RELATION_STATUS_REPORTED,
  RS_RELATION_STATUS_CONFIRMED,
  RS_RELATION_STATUS_DISPUTED,
  RS_RELATION_STATUS_REFUTED,
} RsRelationStatus;

typedef enum
{
  RS_STANCE_SUPPORTS,
  RS_STANCE_CONTRADICTS,
  RS_STANCE_MENTIONS,
} RsStance;

/* Admiralty (NATO) source reliability grades. */
typedef enum
{
  RS_RELIABILITY_UNKNOWN,
  RS_RELIABILITY_A,
  RS_RELIABILITY_B,
  RS_RELIABILITY_C,
  RS_RELIABILITY_D,
  RS_RELIABILITY_E,
  RS_RELIABILITY_F,
} RsReliability;

typedef enum
{
  RS_DATE_PRECISION_YEAR,
  RS_DATE_PRECISION_MONTH,
  RS_DATE_PRECISION_DAY,
  RS_DATE_PRECISION_RANGE,
} RsDatePrecision;

typedef enum
{
  RS_DATE_QUALIFIER_NONE,
  RS_DATE_QUALIFIER_AT_LEAST,
  RS_DATE_QUALIFIER_ABOUT,
  RS_DATE_QUALIFIER_EARLY,
  RS_DATE_QUALIFIER_MID,
  RS_DATE_QUALIFIER_LATE,
  RS_DATE_QUALIFIER_BEFORE,
  RS_DATE_QUALIFIER_AFTER,
} RsDateQualifier;

/* What a note, an evidence link or a selection points at. */
typedef enum
{
  RS_TARGET_CASE,
  RS_TARGET_DOCUMENT,
  RS_TARGET_ENTITY,
  RS_TARGET_RELATION,
  RS_TARGET_EVENT,
  RS_TARGET_QUOTE,
  RS_TARGET_NOTE,      /* history and review only: notes are not selected */
} RsTarget;

/* Where the case's writes stand: shown in the window so "saved" means on disk. */
typedef enum
{
  RS_SAVE_STATE_SAVED,
  RS_SAVE_STATE_SAVING,
  RS_SAVE_STATE_WAITING,
  RS_SAVE_STATE_FAILED,
} RsSaveState;

/* Where a claim (entity, relation, event or quote) stands in a team's review. */
typedef enum
{
  RS_REVIEW_STATE_UNREVIEWED,
  RS_REVIEW_STATE_ACCEPTED,
  RS_REVIEW_STATE_CHALLENGED,
} RsReviewState;

const char *rs_enum_to_nick   (GType       enum_type,
                               int         value);
gboolean    rs_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);

const char *rs_entity_kind_to_display     (RsEntityKind     kind);
const char *rs_relation_status_to_display (RsRelationStatus status);
const char *rs_stance_to_display          (RsStance         stance);
const char *rs_reliability_to_display     (RsReliability    reliability);
const char *rs_credibility_to_display     (int              credibility);
const char *rs_review_state_to_display    (RsReviewState    state);

G_END_DECLS
