/* rs-evidence.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_EVIDENCE (rs_evidence_get_type ())
G_DECLARE_FINAL_TYPE (RsEvidence, rs_evidence, RS, EVIDENCE, GObject)

RsEvidence *rs_evidence_new           (gint64 id);
gint64      rs_evidence_get_id        (RsEvidence *self);
gint64      rs_evidence_get_quote_id  (RsEvidence *self);
void        rs_evidence_set_quote_id  (RsEvidence *self,
                                       gint64     quote_id);
RsTarget    rs_evidence_get_target    (RsEvidence *self);
void        rs_evidence_set_target    (RsEvidence *self,
                                       RsTarget   target);
gint64      rs_evidence_get_target_id (RsEvidence *self);
void        rs_evidence_set_target_id (RsEvidence *self,
                                       gint64     target_id);
RsStance    rs_evidence_get_stance    (RsEvidence *self);
void        rs_evidence_set_stance    (RsEvidence *self,
                                       RsStance   stance);

G_END_DECLS
