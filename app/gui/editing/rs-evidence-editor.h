/* rs-evidence-editor.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-types.h"

G_BEGIN_DECLS

#define RS_TYPE_EVIDENCE_EDITOR (rs_evidence_editor_get_type ())
G_DECLARE_FINAL_TYPE (RsEvidenceEditor, rs_evidence_editor, RS, EVIDENCE_EDITOR, GtkPopover)

GtkWidget *rs_evidence_editor_new             (void);
void       rs_evidence_editor_edit            (RsEvidenceEditor *self,
                                               const char       *target_label,
                                               const char       *quote_text);
RsStance   rs_evidence_editor_get_stance      (RsEvidenceEditor *self);
int        rs_evidence_editor_get_credibility (RsEvidenceEditor *self);
void       rs_evidence_editor_set_error       (RsEvidenceEditor *self,
                                               const char       *message);

G_END_DECLS
