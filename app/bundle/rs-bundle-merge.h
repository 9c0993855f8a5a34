/* rs-bundle-merge.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rs-case-store.h"
#include "rs-exchange.h"

G_BEGIN_DECLS

/* A colleague's exported bundle added to a case that holds records already is a
 * merge, not a second copy (issue 21): read into a scratch case, then matched
 * against mine like Merge Case… (uids first, documents by SHA-256, entities by
 * name and alias…) and reviewed before anything is written. Into an empty case a
 * bundle is simply written (rs_bundle_import_file()), keeping its ids. */

/* Whether importing a bundle into STORE goes through a merge plan. */
gboolean        rs_bundle_import_merges          (RsCaseStore          *store);

/* The plan for adding the bundle at PATH to MINE, labelled "Import “NAME”"; the
 * bundle's own errors as rs_bundle_import_file() reports them. */
RsExchangePlan *rs_bundle_plan_import            (RsCaseStore          *mine,
                                                  const char           *path,
                                                  GError              **error);
void            rs_bundle_plan_import_async      (RsCaseStore          *mine,
                                                  const char           *path,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
RsExchangePlan *rs_bundle_plan_import_finish     (GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
