"""Schemathesis hooks for Duban's contract run (loaded through SCHEMATHESIS_HOOKS=duban_checks).

`duban_positive_data_acceptance` is schemathesis' own positive_data_acceptance, except for a 400
(or 415, 422) problem whose `code` is a rule no schema can express (a deadline in the past, a phase a
report names that the template lacks, an Idempotency-Key already holding another request, an evidence file's
bytes that are no JPEG, PNG or PDF ...):
those codes come from the domain's catalogue (REJECTION_CODES without `form`) and the API's
state-bound refusals, passed in DUBAN_SEMANTIC_CODES. Every other 400 to a
schema-valid request (the API's own validation, `request.invalid`, or a form rule the domain
re-checks) still fails the run. Each such refusal's code is appended to DUBAN_REFUSALS_PATH, so
the test can report them.

`filter_case` bounds the coverage phase (see its docstring); the other phases are bounded by the
run's options (--max-examples, --phases).

`_draw_distinct` keeps the coverage phase's big distinct-element draws for later runs (see its
docstring).
"""

import hashlib
import json
import os
import re
import threading

import schemathesis
from schemathesis.generation.meta import TestPhase
from schemathesis.specs.openapi.checks import positive_data_acceptance
from schemathesis.specs.openapi.coverage._schema import CoverageContext

SEMANTIC_CODES = frozenset(json.loads(os.environ.get("DUBAN_SEMANTIC_CODES", "[]")))
REFUSALS_PATH = os.environ.get("DUBAN_REFUSALS_PATH")


def _problem_code(response):
    try:
        body = json.loads(response.content)
    except (ValueError, TypeError):
        return None
    return body.get("code") if isinstance(body, dict) else None


@schemathesis.check
def duban_positive_data_acceptance(ctx, response, case):
    """Schema-valid requests are accepted, unless a domain rule the schema cannot express refuses them."""
    if response.status_code in (400, 415, 422) and case.meta is not None and case.meta.generation.mode.is_positive:
        code = _problem_code(response)
        if code in SEMANTIC_CODES:
            if REFUSALS_PATH:
                with open(REFUSALS_PATH, "a", encoding="utf-8") as refusals:
                    refusals.write(f"{case.operation.label}\t{code}\n")
            return None
    return positive_data_acceptance(ctx, response, case)



_COVERED: set = set()

# The run's role, and the roles in the order the test runs them (DUBAN_CONTRACT_ROLE, _ROLES).
ROLE = os.environ.get("DUBAN_CONTRACT_ROLE")
ROLE_ORDER = os.environ.get("DUBAN_CONTRACT_ROLES", "").split(",")


def _covers_fully(operation) -> bool:
    """Whether this run is the one that sends an operation its whole (bounded) coverage.

    Validation stands behind the role guard and is the same for every role the guard admits, so
    one role's run exercises it: the first role, in run order, that the operation's
    `x-duban-roles` admits. The other runs send one valid and one invalid case of it: a role the
    guard refuses meets only the 403, and an admitted one the same validation again.
    """
    admitted = [role for role in ROLE_ORDER if role in (operation.definition.raw.get("x-duban-roles") or ROLE_ORDER)]
    return ROLE is None or not admitted or admitted[0] == ROLE


@schemathesis.hook
def filter_case(ctx, case):
    """The coverage phase once per scenario, operation, mode, parameter and top-level body field.

    Schemathesis' coverage phase is deterministic but unbounded: it sends every boundary and
    violation it can derive at every nested schema location, several values for each (five wrong
    types for one field), ~6,700 requests per role here. Keeping the first case of each scenario
    (a wrong type, a string over maxLength, an enum value, a missing required property ...) per
    parameter, and per top-level field of a body, still sends every operation valid and invalid
    input of every kind its schema allows, in about a third of the requests. Each operation gets
    that under one role only (`_covers_fully`); the other roles' runs send it one case a mode.
    """
    # `_meta`, not `meta`: reading `meta` re-judges the case's mode after the run's own header was
    # merged in (a "missing Authorization" case would then read as valid) and changes what is checked.
    meta = case._meta
    if meta is None or meta.phase.name != TestPhase.COVERAGE:
        return True
    data = meta.phase.data
    if not _covers_fully(case.operation):
        key = (case.operation.label, meta.generation.mode)
        if key in _COVERED:
            return False
        _COVERED.add(key)
        return True
    top_field = re.search(r"/properties/([^/]+)", data.location or "")
    key = (
        case.operation.label,
        meta.generation.mode,
        data.parameter_location,
        data.parameter,
        data.scenario,
        top_field.group(1) if top_field else None,
    )
    if key in _COVERED:
        return False
    _COVERED.add(key)
    return True


# Where the draws are kept (DUBAN_DRAW_CACHE, test/contract/schemathesis.ts); unset, every run draws for itself.
DRAW_CACHE = os.environ.get("DUBAN_DRAW_CACHE")
_drawing = threading.local()
_original_distinct_array = CoverageContext._distinct_array
_original_draw_distinct = CoverageContext._draw_distinct


def _without_annotations(schema):
    """The schema minus its `description` and `title` texts (a property so named holds a schema, not a text)."""
    if isinstance(schema, dict):
        return {
            key: _without_annotations(value)
            for key, value in schema.items()
            if not (key in ("description", "title") and isinstance(value, str))
        }
    if isinstance(schema, list):
        return [_without_annotations(value) for value in schema]
    return schema


def _distinct_array(self, schema, length):
    _drawing.schema = schema
    try:
        return _original_distinct_array(self, schema, length)
    finally:
        _drawing.schema = None


def _draw_distinct(self, batch, length):
    """Schemathesis' own draw of `length` distinct elements, kept on disk for every run of the test.

    The coverage phase builds an array at its `maxItems` bound: a 5,000-unit `unitIds` takes
    ~26 s of hypothesis draws (~160 batches of 64 pattern strings), once per operation that has
    one and again in every role's run: ~100 s of each run's ~100 s fixed cost. The draw is seeded
    (hypothesis' seed 0 in schemathesis' generate_many), so it is a function of the element schema
    and the length: the same elements whichever operation or run asks. Kept by that schema (its
    texts left out, as they do not steer a draw) and length, in a directory kept with the venv of
    the schemathesis and hypothesis that drew it, it is drawn once per machine and the same
    requests are sent. Not for schemas with a `$ref` (their bundle is not in the key).
    """
    schema = getattr(_drawing, "schema", None)
    key = None
    if DRAW_CACHE and isinstance(schema, dict):
        text = json.dumps([_without_annotations(schema), length], sort_keys=True, ensure_ascii=False)
        if '"$ref"' not in text:
            key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if key is None:
        return _original_draw_distinct(self, batch, length)
    stored = os.path.join(DRAW_CACHE, f"distinct-{key}.json")
    if os.path.exists(stored):
        with open(stored, encoding="utf-8") as kept:
            return json.load(kept)
    elements = _original_draw_distinct(self, batch, length)
    text = json.dumps(elements, ensure_ascii=False)
    if json.loads(text) == elements:
        partial = f"{stored}.{os.getpid()}"
        with open(partial, "w", encoding="utf-8") as kept:
            kept.write(text)
        os.replace(partial, stored)
    return elements


CoverageContext._distinct_array = _distinct_array
CoverageContext._draw_distinct = _draw_distinct
