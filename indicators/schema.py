"""The JSON Schema of indicator files, generated from the pydantic models."""

from __future__ import annotations

import json

from indicators.models import Indicator


def schema_text() -> str:
    schema = Indicator.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "indicator.schema.json",
        **schema,
        "title": "Indicator",
        "description": "One indicator of data/registry/: names, sector, unit and cited observations.",
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
