/* rs-application.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RS_TYPE_APPLICATION (rs_application_get_type ())
G_DECLARE_FINAL_TYPE (RsApplication, rs_application, RS, APPLICATION, AdwApplication)

RsApplication *rs_application_new               (void);
char          *rs_application_dup_default_case  (void);
GSettings     *rs_application_get_settings      (RsApplication *self);
gboolean       rs_application_get_open_locked   (RsApplication *self);
void           rs_application_cancel_quit       (RsApplication *self);

G_END_DECLS
