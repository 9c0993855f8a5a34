/* rs-panel.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rs-case-store.h"
#include "rs-selection.h"

G_BEGIN_DECLS

#define RS_TYPE_PANEL (rs_panel_get_type ())
G_DECLARE_DERIVABLE_TYPE (RsPanel, rs_panel, RS, PANEL, GtkWidget)

struct _RsPanelClass
{
  GtkWidgetClass parent_class;

  /* After "store" changed (NULL included). */
  void (*store_changed)     (RsPanel *self);
  /* After "selection" changed, or the selection emitted "changed". */
  void (*selection_changed) (RsPanel *self);
  /* After the case of the store emitted RsCase::changed. */
  void (*case_changed)      (RsPanel *self);

  /*< private >*/
  gpointer _reserved[8];
};

/* One item of a selection, for rs_panel_select_targets(). */
typedef struct
{
  RsTarget target;
  gint64   id;
} RsPanelTarget;

RsCaseStore *rs_panel_get_store        (RsPanel             *self);
void         rs_panel_set_store        (RsPanel             *self,
                                        RsCaseStore         *store);
RsCase      *rs_panel_get_case         (RsPanel             *self);
gboolean     rs_panel_get_editable     (RsPanel             *self);
void         rs_panel_set_editable     (RsPanel             *self,
                                        gboolean             editable);
void         rs_panel_add_edit_action  (RsPanel             *self,
                                        const char          *action_name);
RsSelection *rs_panel_get_selection    (RsPanel             *self);
void         rs_panel_set_selection    (RsPanel             *self,
                                        RsSelection         *selection);

void         rs_panel_select_targets   (RsSelection         *selection,
                                        const RsPanelTarget *targets,
                                        guint                n_targets);
char        *rs_panel_dup_target_label (RsCase              *kase,
                                        RsTarget             target,
                                        gint64               id,
                                        gboolean             with_kind);

G_END_DECLS
