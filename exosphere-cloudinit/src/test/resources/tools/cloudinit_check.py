"""Reads user data and cloud-config files the way cloud-init itself does (test helper).

Usage: python3 cloudinit_check.py FILE...  (FILE ending in .yaml = a cloud-config document; any other
file = raw user data). Prints one JSON object keyed by file name:
  .yaml  -> {"loaded": <yaml.safe_load result>, "schemaErrors": null | "<message>"}
  other  -> {"parts": [{"type": ..., "filename": ..., "body": ...}, ...]}  (cloud-init's UserDataProcessor)
Must run with the Python interpreter that has the `cloudinit` package (the one in cloud-init's shebang).
"""
import json
import sys

import yaml
from cloudinit import helpers
from cloudinit import user_data as ud
from cloudinit.config.schema import SchemaValidationError, get_schema, validate_cloudconfig_schema

schema = get_schema()
out = {}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".yaml"):
        cfg = yaml.safe_load(data)
        try:
            validate_cloudconfig_schema(cfg, schema, strict=True, log_details=False)
            errors = None
        except SchemaValidationError as e:
            errors = str(e)
        out[path] = {"loaded": cfg, "schemaErrors": errors}
    else:
        message = ud.UserDataProcessor(helpers.Paths({})).process(data)
        parts = []
        for part in message.walk():
            if part.get_content_maintype() == "multipart":
                continue
            payload = part.get_payload(decode=True)
            parts.append(
                {
                    "type": part.get_content_type(),
                    "filename": part.get_filename(),
                    "body": payload.decode("utf-8"),
                }
            )
        out[path] = {"parts": parts}
print(json.dumps(out, default=str))
