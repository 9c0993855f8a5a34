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
# is missing (the test skips).

import json
import os
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
except ImportError:
    print("python3-jsonschema (with referencing) is not installed", file=sys.stderr)
    sys.exit(77)


def main():
    schema_dir, bundle_path = sys.argv[1], sys.argv[2]
    schemas = {}
    resources = []
    for folder, _, names in os.walk(schema_dir):
        for name in names:
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                schema = json.load(f)
            rel = os.path.relpath(os.path.join(folder, name), schema_dir)
            schemas[rel] = schema
            resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources)

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
        validator = jsonschema.Draft202012Validator(schema, registry=registry)
        for error in validator.iter_errors(obj):
            errors += 1
            print(f"{obj.get('id')}: {error.message[:300]}")
    print(f"{len(bundle['objects'])} objects, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
