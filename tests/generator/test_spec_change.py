"""A property added to openapi.yaml reaches every media type after regeneration, with no overlay edit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from conftest import PROJECT, generate

NEW_PROPERTIES = {
    "scope": {"type": "string"},
    "roles": {
        "type": "array",
        "items": {"type": "string", "xml": {"name": "role"}},
        "xml": {"name": "grantedRoles", "wrapped": True, "namespace": "urn:example:roles", "prefix": "r"},
    },
    "tenant": {"type": "string", "xml": {"attribute": True}},
    "home": {"$ref": "#/components/schemas/Tenant"},
    "guests": {"type": "array", "items": {"$ref": "#/components/schemas/Tenant"}},
}
NEW_SCHEMA = {
    "type": "object",
    "properties": {"id": {"type": "string", "xml": {"attribute": True}}, "name": {"type": "string"}},
    "xml": {"name": "Tenant"},
}

# Runs inside the regenerated package, in a fresh interpreter.
ROUND_TRIP = textwrap.dedent(
    """
    import json
    from partner_center_auth import TokenResponse, media
    from partner_center_auth.models import Tenant

    token = TokenResponse(access_token="a", scope="https://api.partnercenter.microsoft.com/.default",
                          roles=["Reader", "Admin"], tenant="contoso",
                          home=Tenant(id="t1", name="Contoso"), guests=[Tenant(id="t2"), Tenant(name="Fabrikam")])
    results = {}
    for media_type in ("application/json", "application/xml", "text/xml", "text/json"):
        content = media.serialize(token, media_type)
        results[media_type] = {
            "content": content.decode(),
            "equal": media.deserialize(TokenResponse, content, media_type) == token,
        }
    print(json.dumps(results))
    """
)


def test_a_new_property_flows_into_every_media_type(tmp_path: Path) -> None:
    spec = yaml.safe_load((PROJECT / "openapi.yaml").read_text())
    spec["components"]["schemas"]["TokenResponse"]["properties"].update(NEW_PROPERTIES)
    spec["components"]["schemas"]["Tenant"] = NEW_SCHEMA
    changed_spec = tmp_path / "openapi.yaml"
    changed_spec.write_text(yaml.safe_dump(spec, sort_keys=False))

    generate(changed_spec, tmp_path / "generated")
    run = subprocess.run(
        [sys.executable, "-c", ROUND_TRIP],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path / "generated",
        env={**os.environ, "PYTHONPATH": str(tmp_path / "generated")},
    )
    results = json.loads(run.stdout)

    assert all(result["equal"] for result in results.values()), results
    assert '"roles":["Reader","Admin"]' in results["application/json"]["content"]
    assert '"guests":[{"id":"t2"},{"name":"Fabrikam"}]' in results["application/json"]["content"]
    assert '"scope":"https://api.partnercenter.microsoft.com/.default"' in results["text/json"]["content"]
    for media_type in ("application/xml", "text/xml"):
        assert results[media_type]["content"] == (
            "<?xml version='1.0' encoding='utf-8'?>\n"
            '<TokenResponse tenant="contoso"><access_token>a</access_token>'
            "<scope>https://api.partnercenter.microsoft.com/.default</scope>"
            '<r:grantedRoles xmlns:r="urn:example:roles"><role>Reader</role><role>Admin</role></r:grantedRoles>'
            '<home id="t1"><name>Contoso</name></home><Tenant id="t2"/><Tenant><name>Fabrikam</name></Tenant>'
            "</TokenResponse>"
        )
