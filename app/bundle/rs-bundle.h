/* rs-bundle.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rs-case-store.h"
#include "rs-change.h"
#include "rs-export.h"

G_BEGIN_DECLS

/* The readable interchange format for a whole case ("format": "redstring-case"). */
#define RS_BUNDLE_FORMAT  "redstring-case"
#define RS_BUNDLE_VERSION 1

gboolean  rs_bundle_import_bytes  (RsCaseStore  *store,
                                   GBytes       *bytes,
                                   GError      **error);
gboolean  rs_bundle_import_file   (RsCaseStore  *store,
                                   const char   *path,
                                   GError      **error);

typedef void (*RsBundleProgressFunc) (double   fraction,
                                      gpointer user_data);

void      rs_bundle_import_file_async  (RsCaseStore          *store,
                                        const char           *path,
                                        const char           *label,
                                        GCancellable         *cancellable,
                                        RsBundleProgressFunc  progress,
                                        gpointer              progress_data,
                                        GDestroyNotify        progress_notify,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
RsChange *rs_bundle_import_file_finish (RsCaseStore          *store,
                                        GAsyncResult         *result,
                                        GError              **error);
gboolean  rs_bundle_import_sample (RsCaseStore  *store,
                                   GError      **error);
GBytes   *rs_bundle_export        (RsCase       *kase,
                                   GError      **error);
/* With what the case file keeps of STIX (schema 8): each record's external references
 * and STIX ids, the markings and the STIX objects kept as they came. */
GBytes   *rs_bundle_export_with_stix (RsCase         *kase,
                                      RsStixSnapshot *stix,
                                      GError        **error);
gboolean  rs_bundle_export_file   (RsCase         *kase,
                                   RsStixSnapshot *stix,
                                   const char     *path,
                                   GError        **error);

G_END_DECLS
