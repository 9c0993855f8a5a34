/* rs-evidence.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-evidence"

#include "config.h"

#include "rs-enum-types.h"
#include "rs-evidence.h"

/* Links a quote to the entity, relation or event it supports, contradicts or mentions. */
struct _RsEvidence
{
  GObject parent_instance;

  gint64 id;
  gint64 quote_id;
  RsTarget target;
  gint64 target_id;
  RsStance stance;
};

G_DEFINE_FINAL_TYPE (RsEvidence, rs_evidence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_QUOTE_ID,
  PROP_TARGET,
  PROP_TARGET_ID,
  PROP_STANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rs_evidence_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RsEvidence *self = RS_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, rs_evidence_get_id (self));
      break;

    case PROP_QUOTE_ID:
      g_value_set_int64 (value, rs_evidence_get_quote_id (self));
      break;

    case PROP_TARGET:
      g_value_set_enum (value, rs_evidence_get_target (self));
      break;

    case PROP_TARGET_ID:
      g_value_set_int64 (value, rs_evidence_get_target_id (self));
      break;

    case PROP_STANCE:
      g_value_set_enum (value, rs_evidence_get_stance (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_evidence_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RsEvidence *self = RS_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_QUOTE_ID:
      rs_evidence_set_quote_id (self, g_value_get_int64 (value));
      break;

    case PROP_TARGET:
      rs_evidence_set_target (self, g_value_get_enum (value));
      break;

    case PROP_TARGET_ID:
      rs_evidence_set_target_id (self, g_value_get_int64 (value));
      break;

    case PROP_STANCE:
      rs_evidence_set_stance (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_evidence_class_init (RsEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rs_evidence_get_property;
  object_class->set_property = rs_evidence_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_QUOTE_ID] =
    g_param_spec_int64 ("quote-id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TARGET] =
    g_param_spec_enum ("target", NULL, NULL,
                      RS_TYPE_TARGET, RS_TARGET_ENTITY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TARGET_ID] =
    g_param_spec_int64 ("target-id", NULL, NULL,
                       0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL,
                      RS_TYPE_STANCE, RS_STANCE_SUPPORTS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rs_evidence_init (RsEvidence *self)
{
  self->target = RS_TARGET_ENTITY;
  self->stance = RS_STANCE_SUPPORTS;
}

RsEvidence *
rs_evidence_new (gint64 id)
{
  return g_object_new (RS_TYPE_EVIDENCE, "id", id, NULL);
}

gint64
rs_evidence_get_id (RsEvidence *self)
{
  g_return_val_if_fail (RS_IS_EVIDENCE (self), 0);

  return self->id;
}

gint64
rs_evidence_get_quote_id (RsEvidence *self)
{
  g_return_val_if_fail (RS_IS_EVIDENCE (self), 0);

  return self->quote_id;
}

void
rs_evidence_set_quote_id (RsEvidence *self,
                          gint64     quote_id)
{
  g_return_if_fail (RS_IS_EVIDENCE (self));

  if (self->quote_id == quote_id)
    return;

  self->quote_id = quote_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE_ID]);
}

RsTarget
rs_evidence_get_target (RsEvidence *self)
{
  g_return_val_if_fail (RS_IS_EVIDENCE (self), 0);

  return self->target;
}

void
rs_evidence_set_target (RsEvidence *self,
                        RsTarget   target)
{
  g_return_if_fail (RS_IS_EVIDENCE (self));

  if (self->target == target)
    return;

  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

gint64
rs_evidence_get_target_id (RsEvidence *self)
{
  g_return_val_if_fail (RS_IS_EVIDENCE (self), 0);

  return self->target_id;
}

void
rs_evidence_set_target_id (RsEvidence *self,
                           gint64     target_id)
{
  g_return_if_fail (RS_IS_EVIDENCE (self));

  if (self->target_id == target_id)
    return;

  self->target_id = target_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_ID]);
}

RsStance
rs_evidence_get_stance (RsEvidence *self)
{
  g_return_val_if_fail (RS_IS_EVIDENCE (self), 0);

  return self->stance;
}

void
rs_evidence_set_stance (RsEvidence *self,
                        RsStance   stance)
{
  g_return_if_fail (RS_IS_EVIDENCE (self));

  if (self->stance == stance)
    return;

  self->stance = stance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STANCE]);
}
