#!/usr/bin/env python3
# stix-validate.py: checks a STIX 2.1 bundle against the OASIS JSON schemas
#
# Copyright 2026 The Redstring authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: stix-validate.py SCHEMA_DIR BUNDLE. Each object is checked against its type's
# schema (sdos/, sros/, common/ for extension-definition and marking-definition), an
# object of a type the schemas do not know (a new SDO of an extension) against core.json.
# Exit 0: valid; 1: invalid (each error printed, with the object's id); 77: python3-jsonschema
# is missing, or too old to resolve the schemas' references (the test skips).

import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(77)
try:
    # jsonschema 4.18 and later resolve $refs through a registry...
    from referencing import Registry, Resource
except ImportError:
    # ...Debian 12's 4.10 through a RefResolver given a store of the schemas by $id.
    Registry = None


def main():
    schema_dir, bundle_path = sys.argv[1], sys.argv[2]
    schemas = {}
    resources = []
    by_id = {}
    for folder, _, names in os.walk(schema_dir):
        for name in names:
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                schema = json.load(f)
            rel = os.path.relpath(os.path.join(folder, name), schema_dir)
            schemas[rel] = schema
            by_id[schema["$id"]] = schema
            if Registry is not None:
                resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources) if Registry is not None else None

    with open(bundle_path, encoding="utf-8") as f:
        bundle = json.load(f)
    if bundle.get("type") != "bundle" or not isinstance(bundle.get("objects"), list):
        print("not a STIX bundle")
        return 1

    errors = 0
    for obj in bundle["objects"]:
        kind = obj.get("type", "")
        schema = (schemas.get(f"sdos/{kind}.json") or schemas.get(f"sros/{kind}.json")
                  or schemas.get(f"common/{kind}.json") or schemas["common/core.json"])
        if registry is not None:
            validator = jsonschema.Draft202012Validator(schema, registry=registry)
        else:
            resolver = jsonschema.RefResolver(schema["$id"], schema, store=by_id)
            validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
        try:
            for error in validator.iter_errors(obj):
                errors += 1
                print(f"{obj.get('id')}: {error.message[:300]}")
        except Exception as e:  # noqa: BLE001 - the old resolver's own failure, not the bundle's
            if registry is not None or "RefResolution" not in type(e).__name__:
                raise
            print(f"this jsonschema cannot resolve the OASIS schemas' references: {e}",
                  file=sys.stderr)
            return 77
    print(f"{len(bundle['objects'])} objects, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
