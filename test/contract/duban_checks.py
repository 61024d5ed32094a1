"""Schemathesis hooks for Duban's contract run (loaded through SCHEMATHESIS_HOOKS=duban_checks).

`duban_positive_data_acceptance` is schemathesis' own positive_data_acceptance, except for a 400
(or 422) problem whose `code` is a rule no schema can express (a deadline in the past, a phase a
report names that the template lacks, an Idempotency-Key already holding another request ...):
those codes come from the domain's catalogue (REJECTION_CODES without `form`) and the API's
state-bound refusals, passed in DUBAN_SEMANTIC_CODES. Every other 400 to a
schema-valid request (the API's own validation, `request.invalid`, or a form rule the domain
re-checks) still fails the run. Each such refusal's code is appended to DUBAN_REFUSALS_PATH, so
the test can report them.

`filter_case` bounds the coverage phase (see its docstring); the other phases are bounded by the
run's options (--max-examples, --phases).
"""

import json
import os
import re

import schemathesis
from schemathesis.generation.meta import TestPhase
from schemathesis.specs.openapi.checks import positive_data_acceptance

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
    if response.status_code in (400, 422) and case.meta is not None and case.meta.generation.mode.is_positive:
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
